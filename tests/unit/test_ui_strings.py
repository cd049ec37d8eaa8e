"""The words of the site's scripts reach the page in the build's language, as one JSON island."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from generator.messages import active, languages
from generator.messages.pseudo import CLOSE, OPEN, pseudo
from generator.pages.dosage import describe_weeks, n_weeks
from generator.pages.render import make_environment
from generator.pages.ui_strings import DIARY, PROGRAMME, SCRIPTS, plural_forms, ui_strings

ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")
# Fields the scripts fill in (kept as they are) and the one file name.
FIELD = re.compile(r"%\(\w+\)s|\{\w+\}")


def leaves(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from leaves(item)
    else:
        assert isinstance(value, list), value
        for item in value:
            yield from leaves(item)


def island(*scripts: str) -> dict[str, object]:
    """The island as a page has it: rendered by the pages' Jinja environment, read back."""
    call = ", ".join(json.dumps(script) for script in scripts)
    page = make_environment().from_string(f"<div>{{{{ ui_strings({call}) }}}}</div>").render()
    found = LexborHTMLParser(page).css('script[type="application/json"]#ui-strings')
    assert len(found) == 1
    return dict(json.loads(found[0].text()))


@pytest.mark.usefixtures("pseudo_language")
def test_no_word_of_the_island_is_left_in_english() -> None:
    data = island(*SCRIPTS)
    assert set(data) == {"language", *SCRIPTS}
    values = [value for script in SCRIPTS for value in leaves(data[script])]
    assert len(values) > len(DIARY) + len(PROGRAMME)
    for value in values:
        assert value.startswith(OPEN) and value.endswith(CLOSE), value
        assert not ENGLISH_WORD.search(FIELD.sub("", value)), value


def test_in_english_the_island_has_the_source_words() -> None:
    data = island("diary")
    diary = data["diary"]
    assert isinstance(diary, dict)
    assert diary["heading"] == DIARY["heading"] and diary["months"] == DIARY["months"]
    assert data["language"] == "en"


@pytest.mark.usefixtures("pseudo_language")
def test_counted_phrases_carry_a_form_per_plural_category() -> None:
    forms = plural_forms(n_weeks)
    assert forms == {"one": pseudo("%(count)s week"), "other": pseudo("%(count)s weeks")}


def test_the_island_is_safe_inside_a_script_element(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(DIARY, "heading", "</script><b>&")
    rendered = make_environment().from_string("{{ ui_strings('diary') }}").render()
    assert rendered.count("</script>") == 1 and "<b>" not in rendered
    assert ui_strings("diary")["diary"]["heading"] == "</script><b>&"  # type: ignore[index]


def test_every_script_reads_only_words_its_table_has() -> None:
    from tests.conftest import ROOT

    source = (ROOT / "theme" / "assets" / "javascripts" / "programme.js").read_text()
    used = set(re.findall(r"\bT\.(\w+)", source))
    assert used and used <= set(PROGRAMME), used - set(PROGRAMME)


def test_a_catalogs_plural_forms_reach_python_and_the_island(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """French: 0 and 1 take the singular (the catalog's rule), and the island names the forms by
    CLDR category (one, many, other) for the browser's Intl.PluralRules("fr")."""
    folder = tmp_path / "fr" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "messages.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n\n'
        'msgid "%(count)s week"\nmsgid_plural "%(count)s weeks"\n'
        'msgstr[0] "%(count)s semaine"\nmsgstr[1] "%(count)s semaines"\n\n'
        'msgid "Jan"\nmsgstr "janv."\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(languages, "LOCALES", tmp_path)
    before = active.current()
    active.use(languages.translations_for("fr"))
    try:
        assert [describe_weeks(n) for n in (0, 1, 2)] == ["0 semaine", "1 semaine", "2 semaines"]
        data = ui_strings("diary", "programme")
    finally:
        active.use(before)
    assert data["language"] == "fr"
    programme = data["programme"]
    assert isinstance(programme, dict) and isinstance(data["diary"], dict)
    assert programme["week"] == {
        "one": "%(count)s semaine",
        "many": "%(count)s semaines",
        "other": "%(count)s semaines",
    }
    assert data["diary"]["months"][0] == "janv."
    assert programme["everyDay"] == "every day"  # not in this catalog: the English source
