#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ with clang under ASan + UBSan (in
# build-fuzz/) and runs each for a bounded time, seeded from corpus/samples,
# tests/corpus, bench/queries.tsv and fuzz/regressions. A finding (crash,
# sanitizer report, leak, timeout) stops the script with a non-zero exit; its
# input is left in build-fuzz/findings/NAME/: add it to fuzz/regressions/NAME/
# once fixed, where the unit tests replay it.
#
#   scripts/fuzz.sh            60 s per target
#   scripts/fuzz.sh 30         30 s per target (what scripts/test.sh runs)
#   scripts/fuzz.sh 600 query  one target
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
shift || true
targets=("$@")
[ "${#targets[@]}" -gt 0 ] || targets=(decode readers analyzer query html pdf office iati)

CC=clang-14 CXX=clang++-14 cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFOUILLE_FUZZ=ON \
  -DFOUILLE_BUILD_BENCH=OFF >/dev/null
cmake --build build-fuzz -j2 --target "${targets[@]/#/fuzz-}"

# True when a libFuzzer timeout's stack, past the frames of the signal and of
# the allocator poppler called (none of fouille's), is poppler's alone for 20
# frames: poppler spinning by itself, not fouille.
poppler_hang() {
  grep -q 'ERROR: libFuzzer: timeout' "$1" &&
    awk '/ERROR: libFuzzer: timeout/ {on = 1; next}
         on && /^ *#[0-9]+ / {
           if (n == 0 && $0 !~ /libpoppler/) { if ($0 ~ /fouille|LLVMFuzzerTestOneInput/) bad = 1; next }
           n++; if ($0 !~ /libpoppler/) bad = 1; if (n == 20) exit
         }
         END {exit (n == 20 && !bad) ? 0 : 1}' "$1"
}

status=0
for name in "${targets[@]}"; do
  work="build-fuzz/runs/$name"
  findings="build-fuzz/findings/$name"
  rm -rf "$work" && mkdir -p "$work" "$findings"
  cp fuzz/regressions/"$name"/* "$work"/ 2>/dev/null || true
  if [ "$name" = query ]; then
    n=0
    while IFS=$'\t' read -r query _; do
      case "$query" in ''|'#'*) continue ;; esac
      printf '%s' "$query" >"$work/seed-$((n++))"
    done <bench/queries.tsv
  else
    cp corpus/samples/* tests/corpus/*.txt "$work"/
  fi
  # Each format's own test files seed its reader.
  case "$name" in
    html) cp tests/corpus/html/*.html tests/corpus/formats/src/*.html "$work"/ 2>/dev/null || true ;;
    pdf) cp tests/corpus/formats/*.pdf tests/corpus/formats/pdf-only/*.pdf "$work"/ 2>/dev/null || true ;;
    office) cp tests/corpus/formats/*.docx tests/corpus/formats/*.odt tests/corpus/formats/office/*.docx \
              tests/corpus/formats/office/*.odt "$work"/ 2>/dev/null || true ;;
    iati) cp tests/corpus/iati/*.xml "$work"/ 2>/dev/null || true ;;
  esac
  # The layout reader costs per line: shorter inputs give it more runs; a
  # PDF or a zip needs room for its structure. Office inputs are mostly the
  # document XML itself: at 128 KB, one made of two-byte lines took over 20 s
  # under the fuzzer's instrumentation (0.4 s in a release build) and was
  # reported as a hang.
  max_len=65536
  [ "$name" = readers ] && max_len=8192
  [ "$name" = pdf ] && max_len=131072
  log="build-fuzz/runs/$name.log"
  set +e
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 LSAN_OPTIONS=suppressions="$PWD/fuzz/lsan.supp" \
    "build-fuzz/fuzz/fuzz-$name" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -max_len="$max_len" \
    -print_final_stats=1 -artifact_prefix="$findings/" "$work" >"$log" 2>&1
  rc=$?
  set -e
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  if [ "$rc" -ne 0 ] && [ "$name" = pdf ] && poppler_hang "$log"; then
    # Poppler itself spinning on a hostile file (its object fetches recursing
    # for ever): fouille reads PDFs in a child process under CPU and time
    # limits, so such a file is skipped with one line, never a hang of the
    # run (the input is kept in $findings/). A hang with a frame of fouille's
    # own code on top still fails.
    echo "fuzz-$name: poppler spun on an input after $execs executions (bounded in fouille by the PDF child's limits); kept in $findings/"
  elif [ "$rc" -ne 0 ]; then
    echo "fuzz-$name: FINDING after $execs executions (exit $rc); see $log and $findings/"
    grep -m5 -E 'ERROR|SUMMARY|runtime error' "$log" || true
    status=1
  else
    echo "fuzz-$name: $execs executions in ${seconds} s, no finding"
  fi
done
exit "$status"
