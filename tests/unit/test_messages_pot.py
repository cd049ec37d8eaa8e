"""messages.pot holds every word the generator marks, as `make messages` extracts them now."""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.pofile import read_po

from generator.messages.languages import TEMPLATE
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from extract_messages import extract


def test_messages_pot_is_up_to_date(tmp_path: Path) -> None:
    fresh = tmp_path / "messages.pot"
    extract(fresh)
    stored = TEMPLATE.read_text(encoding="utf-8") if TEMPLATE.is_file() else ""
    assert fresh.read_text(encoding="utf-8") == stored, (
        "generator/messages/messages.pot is out of date: run `make messages` and commit it"
    )


def test_the_template_has_the_words_of_pages_and_theme() -> None:
    with TEMPLATE.open("rb") as file:
        catalog = read_po(file)
    places = {location for message in catalog for location, _ in message.locations}
    assert any(place.startswith("generator/pages/templates/") for place in places)
    assert any(place.startswith("theme/") for place in places)
    plural = [message for message in catalog if message.pluralizable]
    assert plural, "a word counted (week/weeks) is extracted with its plural"
