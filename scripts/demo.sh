#!/usr/bin/env bash
# The README's first command: set up, build, index the bundled samples, run
# a few example searches, then serve the search page on them (Ctrl-C stops it).
#
#   scripts/demo.sh              the server on http://127.0.0.1:8080/
#   PORT=9000 scripts/demo.sh    on another port
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
db=demo-db
rm -rf "$db"
build/indexer/fouille-index --db "$db" corpus/samples

run() {
  echo
  echo "\$ fouille-search --db $db $*"
  build/searcher/fouille-search --db "$db" "$@"
}
run --limit 2 "traite des êtres humains"
run --limit 1 --no-facets "l'OIM Tadjikistan"
run --limit 2 --no-facets "human trafficking"
run --limit 3 --facets region,countries,status --filter region=Asia ""
run --limit 2 --no-facets 'budget:150k.. OR année:2018..2019'
run --no-facets "Tadjikstan"
run --limit 0 --facets format,sectors,publisher ""             # text, a web page, a PDF, a Word sheet, IATI activities
run --limit 1 --no-facets --filter format=pdf ""
run --limit 2 --no-facets 'secteur:"santé de base"'
run --limit 1 --no-facets XM-DAC-47066-SAHEL-RR-2021-NE       # an IATI identifier typed alone

echo
echo "\$ fouille-serve --db $db --port ${PORT:-8080}"
echo "Search page: http://127.0.0.1:${PORT:-8080}/   (API: /api/search?q=traite; Ctrl-C stops)"
exec build/server/fouille-serve --db "$db" --port "${PORT:-8080}"
