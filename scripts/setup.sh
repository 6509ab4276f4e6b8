#!/usr/bin/env bash
# Installs the Debian packages fouille needs (only those missing), then configures and
# builds. Idempotent; runs as root with no prompt (or through sudo when not root).
#
#   scripts/setup.sh            build dependencies + Release build in build/
#   scripts/setup.sh --bench    also the peers the benchmarks compare against
#   scripts/setup.sh --no-build install packages only
set -euo pipefail

cd "$(dirname "$0")/.."

want_bench=0
want_build=1
for arg in "$@"; do
  case "$arg" in
    --bench) want_bench=1 ;;
    --no-build) want_build=0 ;;
    *) echo "setup.sh: unknown option '$arg'" >&2; exit 2 ;;
  esac
done

packages=(
  g++ cmake make pkg-config
  libxapian-dev xapian-tools        # the search engine library and xapian-check/delve
  libicu-dev                        # normalisation, case folding, word breaks, charsets, regions
  libstemmer-dev                    # Snowball French stemmer
  libboost-program-options-dev      # command-line parsing
  nlohmann-json3-dev                # JSON Lines input, --dump and --json output
  libjemalloc-dev                   # a faster allocator for fouille-index
  libgtest-dev googletest           # unit and integration tests
  clang-14 libclang-rt-14-dev       # libFuzzer targets under ASan + UBSan (scripts/fuzz.sh)
  clang-format                      # the house's layout (.clang-format), checked by scripts/test.sh
  libbenchmark-dev                  # micro-benchmarks
  wfrench wamerican                 # French and English word lists: the words no correction rewrites
  iso-codes                         # ISO 3166 country names (English, French): the countries test
  python3                           # scripts/iso_countries.py regenerates corpus/data/iso_countries.tsv
  time bc                           # bench/run: wall time, peak RSS and ratios
  libcpp-httplib-dev                # fouille-serve's HTTP server (and bench/serve's client)
  libxml2-dev                       # HTML pages, IATI XML, the XML inside DOCX and ODT
  libpoppler-cpp-dev poppler-utils  # PDF text and metadata (pdftotext: the bench's PDF peer)
  libzip-dev                        # DOCX and ODT are zip archives
  chromium chromium-driver python3-selenium  # the search page's test in a real headless browser
)
if [ "$want_bench" = 1 ]; then
  packages+=(xapian-omega postgresql sqlite3 gnuplot-nox time)
  packages+=(python3-readability nodejs npm)   # bench/extraction's peers

fi

missing=()
for p in "${packages[@]}"; do
  # A Node.js built with its own npm (not Debian's) conflicts with the npm package.
  [ "$p" = npm ] && command -v npm >/dev/null 2>&1 && continue
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ "$want_build" = 1 ]; then
  cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build -j"$(nproc)"
fi
