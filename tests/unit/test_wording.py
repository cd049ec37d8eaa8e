"""Country wording: every country has its words, content pages name them by placeholder, and an
unknown placeholder is a located error."""

from __future__ import annotations

import pytest

from generator.clinic.content_pages import check_page
from generator.clinic.settings import ClinicSettings, Country
from generator.clinic.wording import (
    PLACEHOLDERS,
    WORDING,
    fill_placeholders,
    unknown_placeholders,
    wording_for,
)


def test_every_country_has_its_words() -> None:
    assert set(WORDING) == set(Country)
    for words in WORDING.values():
        assert all(getattr(words, name).strip() for name in PLACEHOLDERS)
        assert words.family_doctor.startswith("your ")


@pytest.mark.parametrize("country", list(Country))
def test_placeholders_are_filled_with_the_clinic_country_words(country: Country) -> None:
    words = wording_for(ClinicSettings(country=country))
    text = "Ask [[family_doctor]] for [[ sick_note ]]. Or [[health_line]]; [[talking_therapies]]."
    filled = fill_placeholders(text, words)
    expected = (
        f"Ask {words.family_doctor} for {words.sick_note}. Or {words.health_line}; "
        f"{words.talking_therapies}."
    )
    assert filled == expected
    assert "[[" not in filled


def test_us_pages_never_say_gp_or_nhs() -> None:
    words = wording_for(ClinicSettings(country=Country.US))
    filled = fill_placeholders(" ".join(f"[[{n}]]" for n in PLACEHOLDERS), words)
    assert "GP" not in filled and "NHS" not in filled


def test_an_unknown_placeholder_is_an_error_at_its_line_and_column() -> None:
    text = "---\ntitle: A\n---\n\n# A\n\nAsk [[family_doctr]] today.\n"
    assert unknown_placeholders(text) == [(text.index("[["), "family_doctr")]
    problems = check_page(text, "content/a.md", frozenset())
    assert len(problems) == 1
    p = problems[0]
    assert (p.file, p.line, p.column) == ("content/a.md", 7, 5)
    assert "unknown placeholder [[family_doctr]]" in p.message
    assert "did you mean [[family_doctor]]?" in p.message
    assert "sick_note" in p.message


def test_known_placeholders_and_plain_brackets_are_fine() -> None:
    text = "See [[family_doctor]]. A [link](x.md) and [a] [b] stay.\n"
    assert check_page(text, "content/a.md", frozenset()) == []
    assert fill_placeholders("[a] [b] [[unknown]]", WORDING[Country.UK]) == "[a] [b] [[unknown]]"
