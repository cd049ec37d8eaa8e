"""Vendored JavaScript is exactly the published package file recorded in THIRD_PARTY.md."""

from __future__ import annotations

import hashlib

from tests.conftest import ROOT

VENDORED = ROOT / "theme" / "assets" / "javascripts" / "vendor" / "qrcode-generator-2.0.4.js"


def test_vendored_qr_library_matches_its_recorded_checksum() -> None:
    digest = hashlib.sha256(VENDORED.read_bytes()).hexdigest()
    assert digest in (ROOT / "THIRD_PARTY.md").read_text(encoding="utf-8")
