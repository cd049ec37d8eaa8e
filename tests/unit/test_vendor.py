"""Vendored files are exactly the published package files recorded in THIRD_PARTY.md."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.conftest import ROOT

ASSETS = ROOT / "theme" / "assets"
VENDORED = [
    ASSETS / "javascripts" / "vendor" / "qrcode-generator-2.0.4.js",
    *sorted((ASSETS / "fonts").glob("*.woff2")),
]


@pytest.mark.parametrize("path", VENDORED, ids=lambda p: p.name)
def test_vendored_file_matches_its_recorded_checksum(path: Path) -> None:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert digest in (ROOT / "THIRD_PARTY.md").read_text(encoding="utf-8")


def test_shipped_typeface_is_three_woff2_files_with_its_licence() -> None:
    fonts = sorted(p.name for p in (ASSETS / "fonts").iterdir())
    assert fonts == [
        "OFL.txt",
        "atkinson-hyperlegible-latin-400-italic.woff2",
        "atkinson-hyperlegible-latin-400-normal.woff2",
        "atkinson-hyperlegible-latin-700-normal.woff2",
    ]
    for font in (ASSETS / "fonts").glob("*.woff2"):
        assert font.read_bytes()[:4] == b"wOF2"
    assert "SIL Open Font License" in (ASSETS / "fonts" / "OFL.txt").read_text(encoding="utf-8")
    css = (ASSETS / "stylesheets" / "clinic.css").read_text(encoding="utf-8")
    for font in (ASSETS / "fonts").glob("*.woff2"):
        assert f'url("../fonts/{font.name}")' in css
