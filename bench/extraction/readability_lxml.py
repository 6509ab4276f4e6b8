"""readability-lxml over a folder of HTML pages, for bench/extraction/run.

    python3 readability_lxml.py PAGES_DIR

Prints one JSON object per page, {"id", "text", "ms"}: the text of
Document(html).summary(), and the time spent on that page. The summary is
HTML; it becomes text with a line break around each block element, so that
words of adjacent paragraphs stay apart. Errors go to stderr, one line a page.
Needs the `readability` module (Debian python3-readability) and lxml.
"""

import json
import pathlib
import sys
import time

import lxml.html
from readability import Document

# Elements that end a line of text; the others (a, b, em, span...) run on.
BLOCKS = frozenset("""
    address article aside blockquote br dd details div dl dt figcaption figure
    footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section
    summary table tbody td tfoot th thead tr ul
""".split())


def html_to_text(fragment):
    """Text of an HTML fragment, blocks on lines of their own."""
    if not fragment.strip():
        return ""
    root = lxml.html.fromstring(fragment)
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in BLOCKS:
            el.text = "\n" + (el.text or "")
            el.tail = "\n" + (el.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: readability_lxml.py PAGES_DIR")
    for page in sorted(pathlib.Path(sys.argv[1]).glob("*.html")):
        html = page.read_text(encoding="utf-8", errors="replace")
        start = time.perf_counter()
        text = ""
        try:
            text = html_to_text(Document(html).summary(html_partial=True))
        except Exception as e:  # a page that fails counts as empty
            print(f"{page.name}: {type(e).__name__}: {e}".splitlines()[0], file=sys.stderr)
        ms = (time.perf_counter() - start) * 1000
        print(json.dumps({"id": page.stem, "text": text, "ms": ms}, ensure_ascii=False))


if __name__ == "__main__":
    main()
