#!/usr/bin/env bash
# Regenerates the document fixtures from their sources with LibreOffice:
#   tests/corpus/formats/src/NAME.html|.fodt  ->  tests/corpus/formats/NAME.pdf, .docx, .odt
#   tests/corpus/formats/src/pdf-only/NAME.fodt ->  tests/corpus/formats/pdf-only/NAME.pdf
#   tests/corpus/formats/src/demo-005-*       ->  corpus/samples/005_fiche-projet.pdf
#   tests/corpus/formats/src/demo-006-*       ->  corpus/samples/006_fiche-projet.docx
# The generated files are committed: tests never need LibreOffice. Run this
# after editing a source, then check tests/corpus/formats/expected.jsonl still
# holds (corpus_test compares every format of a sheet with it).
# Installs libreoffice-writer-nogui (and hyphen-fr: the long sheet is
# hyphenated, as typeset PDFs are) with apt-get when missing.
#
#   scripts/make_test_documents.sh
set -euo pipefail

cd "$(dirname "$0")/.."

if ! command -v soffice >/dev/null 2>&1 || [ ! -e /usr/share/hyphen/hyph_fr.dic ]; then
  echo "make_test_documents.sh: installing LibreOffice (libreoffice-writer-nogui)" >&2
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends \
    libreoffice-writer-nogui fonts-dejavu-core hyphen-fr
fi

src=tests/corpus/formats/src
out=tests/corpus/formats
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A profile of our own: no clash with a LibreOffice the user has open.
profile="file://$work/profile"

# convert SOURCE FORMAT OUTDIR: one conversion, failing loudly.
convert() {
  local source=$1 format=$2 outdir=$3
  local filter=()
  # HTML opens as a Writer document (not Writer/Web), so it exports to DOCX and ODT too.
  case "$source" in *.html) filter=(--infilter="HTML (StarWriter)") ;; esac
  soffice -env:UserInstallation="$profile" --headless "${filter[@]}" \
    --convert-to "$format" --outdir "$outdir" "$source" >"$work/log" 2>&1 || {
    cat "$work/log" >&2
    exit 1
  }
  local produced
  produced="$outdir/$(basename "${source%.*}").${format%%:*}"
  [ -s "$produced" ] || { cat "$work/log" >&2; echo "no $produced" >&2; exit 1; }
}

for source in "$src"/*.html "$src"/*.fodt; do
  name=$(basename "${source%.*}")
  case "$name" in demo-*) continue ;; esac
  for format in pdf docx odt; do
    convert "$source" "$format" "$out"
    echo "$out/$name.$format"
  done
done

# Sheets for the PDF reader alone (layouts only a PDF has: text columns).
mkdir -p "$out/pdf-only"
for source in "$src"/pdf-only/*.fodt; do
  convert "$source" pdf "$out/pdf-only"
  echo "$out/pdf-only/$(basename "${source%.*}").pdf"
done

convert "$src"/demo-005-*.html pdf "$work"
mv "$work"/demo-005-*.pdf corpus/samples/005_fiche-projet.pdf
echo corpus/samples/005_fiche-projet.pdf
convert "$src"/demo-006-*.html docx "$work"
mv "$work"/demo-006-*.docx corpus/samples/006_fiche-projet.docx
echo corpus/samples/006_fiche-projet.docx
