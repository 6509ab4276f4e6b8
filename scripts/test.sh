#!/usr/bin/env bash
# The README's second command: set up, build and run the whole test suite,
# the benchmark harness in its quick mode (so it never rots), the unit tests
# once more under AddressSanitizer + UBSan, then each fuzz target for 30 s.
#
#   scripts/test.sh            everything
#   scripts/test.sh --no-asan  skip the sanitizer build and the fuzzing
set -euo pipefail
cd "$(dirname "$0")/.."

asan=1
[ "${1:-}" = "--no-asan" ] && asan=0

scripts/setup.sh
# The house's rules first, they take a second: size of files and functions,
# and the layout .clang-format gives.
python3 scripts/house_check.py
git ls-files '*.cpp' '*.h' | xargs clang-format --dry-run -Werror
echo "house rules and layout: kept"
ctest --test-dir build --output-on-failure -j"$(nproc)"
bench/run --quick >/dev/null
echo "bench/run --quick: the harness runs"
python3 bench/extraction/shingles_test.py 2>/dev/null
echo "bench/extraction: the scorer's tests pass"

if [ "$asan" = 1 ]; then
  cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFOUILLE_SANITIZE=ON -DFOUILLE_BUILD_BENCH=OFF >/dev/null
  cmake --build build-asan -j"$(nproc)"
  # Any sanitizer report aborts the test that triggered it, so ctest fails.
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    LSAN_OPTIONS=suppressions="$PWD/fuzz/lsan.supp" \
    ctest --test-dir build-asan --output-on-failure -j"$(nproc)" -L unit
  # Each fuzz target briefly, under ASan + UBSan: any finding fails the run.
  scripts/fuzz.sh "${FOUILLE_FUZZ_SECONDS:-30}"
fi
