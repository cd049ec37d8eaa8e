"""The theme's stylesheet is well formed (a stray brace silently drops the rules after it)."""

from __future__ import annotations

import re

from tests.conftest import ROOT

STYLESHEET = ROOT / "theme" / "assets" / "stylesheets" / "clinic.css"


def test_braces_balance_and_never_close_below_zero() -> None:
    css = re.sub(r"/\*.*?\*/", "", STYLESHEET.read_text(encoding="utf-8"), flags=re.DOTALL)
    depth = 0
    for number, line in enumerate(css.splitlines(), 1):
        for char in line:
            depth += {"{": 1, "}": -1}.get(char, 0)
            assert depth >= 0, f"clinic.css:{number}: unmatched closing brace"
            assert depth <= 2, f"clinic.css:{number}: nested deeper than an @media block"
    assert depth == 0, "clinic.css: unclosed block"
