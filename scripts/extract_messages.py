"""Extract the generator's own words into generator/messages/messages.pot (`make messages`).

Runs `pybabel extract` with babel.cfg: sorted, without the header's dates and with file names
but no line numbers, so the file changes only when a word does. A unit test re-extracts and
fails when the stored file is out of date.

Usage: python scripts/extract_messages.py [OUT.pot]   (default: generator/messages/messages.pot)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from babel.messages.frontend import CommandLineInterface

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "generator" / "messages" / "messages.pot"
KEYWORDS = ("_", "gettext", "ngettext:1,2", "N_")


def extract(out: Path) -> None:
    """Write every marked message of generator/ and theme/ to `out` (babel.cfg says which
    files; their names are written from the repository's root)."""
    arguments = ["pybabel", "-q", "extract", "-F", "babel.cfg", "-o", str(out.resolve())]
    arguments += ["--no-default-keywords", *(f"--keyword={k}" for k in KEYWORDS)]
    arguments += ["--omit-header", "--sort-output", "--add-location=file", "--no-wrap"]
    here = Path.cwd()
    os.chdir(ROOT)
    try:
        CommandLineInterface().run([*arguments, "."])  # type: ignore[no-untyped-call]
    finally:
        os.chdir(here)


if __name__ == "__main__":
    extract(Path(sys.argv[1]) if len(sys.argv) > 1 else TEMPLATE)
