#!/bin/sh
# Regenerates store/testdata/document.golden, the bytes of the golden
# documents (indexer/src/document_golden_test.cpp). Run it only after raising
# store::kFormatVersion: the test refuses to rewrite the file otherwise.
# Usage: scripts/regenerate_golden.sh [BUILD_DIR]   (default: build)
set -eu
build=${1:-build}
cmake --build "$build" --target indexer_unit_test -j2
FOUILLE_REGENERATE_GOLDEN=1 "$build/indexer/indexer_unit_test" --gtest_filter='DocumentGolden.*'
