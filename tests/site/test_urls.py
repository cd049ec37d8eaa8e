"""Published addresses never disappear; renamed entries keep their old address as a redirect."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from generator.catalog.load import load_catalog_text
from generator.site_files.redirects import redirect_pages
from tests.conftest import PROJECT, ROOT, mini_text, problems_of

sys.path.insert(0, str(ROOT / "scripts"))
from url_manifest import published_urls


@pytest.mark.clinic
def test_no_published_address_disappears(built: Path) -> None:
    manifest = (PROJECT / "urls.txt").read_text(encoding="utf-8").split()
    published = published_urls(built / "site")
    missing = sorted(set(manifest) - set(published))
    assert missing == [], "these addresses are printed on handouts; add an alias instead"
    new = sorted(set(published) - set(manifest))
    assert new == [], "new addresses: run `python scripts/url_manifest.py site > urls.txt`"


def test_an_old_id_redirects_to_the_new_page() -> None:
    catalog = load_catalog_text(
        mini_text().replace(
            "  - id: glute-bridge\n", "  - id: glute-bridge\n    aliases: [bridge]\n"
        ),
        "aliases.yaml",
    )
    pages = redirect_pages(catalog, "https://clinic.example/")
    page = pages["exercises/bridge/index.html"]
    assert '<meta http-equiv="refresh" content="0; url=../glute-bridge/">' in page
    assert '<link rel="canonical" href="https://clinic.example/exercises/glute-bridge/">' in page
    assert 'href="../glute-bridge/">Glute bridge</a>' in page
    assert "Content-Security-Policy" in page


def test_an_old_id_cannot_be_a_current_id_or_repeat() -> None:
    text = mini_text().replace(
        "  - id: glute-bridge\n", "  - id: glute-bridge\n    aliases: [pelvic-tilt, old, old]\n"
    )
    found = problems_of(text)
    assert any(
        "exercises[1].aliases[0]: old id 'pelvic-tilt' is the id of a current" in p for p in found
    )
    assert any("exercises[1].aliases[2]: old id 'old' is listed twice" in p for p in found)
