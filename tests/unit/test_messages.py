"""The message catalog's plumbing: the pseudo-locale, the language lookup, the active language."""

from __future__ import annotations

import gettext
import textwrap
from pathlib import Path

import pytest

from generator.messages import active, languages
from generator.messages.pseudo import CLOSE, OPEN, PSEUDO_LANGUAGE, PseudoTranslations, pseudo


def test_pseudo_accents_lengthens_and_marks_the_ends() -> None:
    english = "Stop and seek help"
    result = pseudo(english)
    assert result.startswith(OPEN) and result.endswith(CLOSE)
    body = result[1:-1]
    assert not any(character in "aeiou" for character in body), body
    letters = sum(character.isalpha() for character in english)
    assert len(body) >= len(english) + round(letters * 0.35)


@pytest.mark.parametrize(
    "kept", ["%(name)s", "{name}", "[[emergency_number]]", '<a href="x">', "&amp;", "%d"]
)
def test_pseudo_keeps_placeholders_markup_and_entities(kept: str) -> None:
    assert kept in pseudo(f"Call {kept} now")


def test_pseudo_leaves_blank_text_alone() -> None:
    assert pseudo("") == "" and pseudo("  ") == "  "


def test_pseudo_translations_follow_english_plural_rules() -> None:
    translations = PseudoTranslations()
    assert translations.ngettext("%(n)s week", "%(n)s weeks", 1) == pseudo("%(n)s week")
    assert translations.ngettext("%(n)s week", "%(n)s weeks", 2) == pseudo("%(n)s weeks")


def test_english_and_unknown_languages_use_the_source_words() -> None:
    assert type(languages.translations_for("en")) is gettext.NullTranslations
    assert languages.translations_for("xx-unknown").gettext("Week") == "Week"
    assert not languages.has_catalog("xx-unknown")
    assert languages.has_catalog("en") and languages.has_catalog(PSEUDO_LANGUAGE)


def test_a_catalog_is_read_from_its_po_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "fr" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "messages.po").write_text(
        textwrap.dedent(
            """\
            msgid ""
            msgstr ""
            "Content-Type: text/plain; charset=UTF-8\\n"
            "Plural-Forms: nplurals=2; plural=(n > 1);\\n"

            msgid "Week"
            msgstr "Semaine"

            msgid "%(n)s week"
            msgid_plural "%(n)s weeks"
            msgstr[0] "%(n)s semaine"
            msgstr[1] "%(n)s semaines"
            """
        ),
        encoding="utf-8",
    )
    monkeypatch.setattr(languages, "LOCALES", tmp_path)
    assert languages.available_languages() == ["en", PSEUDO_LANGUAGE, "fr"]
    translations = languages.translations_for("fr-CA")  # falls back to the base language
    assert translations.gettext("Week") == "Semaine"
    assert (
        translations.ngettext("%(n)s week", "%(n)s weeks", 0) == "%(n)s semaine"
    )  # French: 0 is singular


def test_the_active_language_is_used_until_changed() -> None:
    try:
        active.use(PseudoTranslations())
        assert active.gettext("Week") == pseudo("Week")
        assert active.ngettext("day", "days", 3) == pseudo("days")
        assert active.N_("Week") == "Week"
    finally:
        active.use(gettext.NullTranslations())
    assert active.gettext("Week") == "Week"
