"""Rewrite the field tables of docs/catalog.md from the catalog model's descriptions.

Usage: python scripts/catalog_reference.py [--check]
With --check, exit 1 (naming the file) when the document is not current; the tests run the same
comparison. Edit a field's meaning in `generator/catalog/model.py`, never in the document.
"""

from __future__ import annotations

import sys
from pathlib import Path

from generator.catalog.reference_doc import rewrite

DOCUMENT = Path(__file__).resolve().parent.parent / "docs" / "catalog.md"


def main(argv: list[str]) -> int:
    text = DOCUMENT.read_text(encoding="utf-8")
    current = rewrite(text)
    if current == text:
        return 0
    if "--check" in argv:
        print(f"{DOCUMENT}: field tables out of date: run python scripts/catalog_reference.py")
        return 1
    DOCUMENT.write_text(current, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
