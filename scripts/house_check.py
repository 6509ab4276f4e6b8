#!/usr/bin/env python3
"""The house's size rules, checked: in indexer/, searcher/ and store/ no source
file over 400 lines and no function over 60; no tool's main.cpp over 100
lines (mains are thin, libraries hold the logic). Tests are left out.

  scripts/house_check.py          exit 1 and one line per breach
"""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIBRARIES = ("indexer/", "searcher/", "store/")
MAX_FILE_LINES = 400
MAX_FUNCTION_LINES = 60
MAX_MAIN_LINES = 100
NOT_FUNCTIONS = ("namespace", "}", "//", "#", "struct", "class", "enum", "using", "static_assert", "template")


def functions(lines):
    """(first line, length, text) of each definition starting at column 0."""
    i = 0
    while i < len(lines):
        line = lines[i]
        if line and not line[0].isspace() and not line.startswith(NOT_FUNCTIONS) and "(" in line:
            j = i
            while j < len(lines) and "{" not in lines[j] and not lines[j].rstrip().endswith(";"):
                j += 1
            if j < len(lines) and "{" in lines[j]:
                depth, k = 0, j
                while k < len(lines):
                    depth += lines[k].count("{") - lines[k].count("}")
                    if depth <= 0:
                        break
                    k += 1
                yield i + 1, k - i + 1, line
                i = k
        i += 1


def main():
    files = subprocess.run(["git", "ls-files", "*.cpp", "*.h"], cwd=ROOT, capture_output=True, text=True,
                           check=True).stdout.split()
    breaches = []
    for name in files:
        path = ROOT / name
        if name.endswith("_test.cpp") or not path.exists():
            continue
        lines = path.read_text(encoding="utf-8").split("\n")
        if name.endswith("/main.cpp") and len(lines) > MAX_MAIN_LINES + 1:
            breaches.append(f"{name}: {len(lines) - 1} lines, a main holds at most {MAX_MAIN_LINES}")
        if not name.startswith(LIBRARIES):
            continue
        if len(lines) > MAX_FILE_LINES + 1:
            breaches.append(f"{name}: {len(lines) - 1} lines, at most {MAX_FILE_LINES}")
        for first, length, text in functions(lines):
            if length > MAX_FUNCTION_LINES:
                breaches.append(f"{name}:{first}: a function of {length} lines, at most {MAX_FUNCTION_LINES}: {text[:70]}")
    for b in breaches:
        print(b)
    return 1 if breaches else 0


if __name__ == "__main__":
    sys.exit(main())
