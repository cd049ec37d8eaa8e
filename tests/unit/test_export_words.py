"""An export's theme templates carry their words written out (engines without Jinja's i18n)."""

from __future__ import annotations

import gettext
from collections.abc import Iterator

import jinja2
import pytest

from generator.engine.export_words import with_words
from generator.engine.theme_words import install
from generator.messages import active
from generator.messages.pseudo import PseudoTranslations, pseudo
from generator.source.errors import ProjectError
from tests.conftest import ROOT

THEME = sorted(p for p in (ROOT / "theme").rglob("*.html") if "{% trans" in p.read_text())
VALUES = {
    "config": {
        "extra": {
            "clinic": {
                "name": "A & B <Physio>",
                "phone": "01 23",
                "tel": "tel:+44123",
                "email": "a@b.example",
                "urgent_care": {"emergency": "call 999"},
            }
        }
    },
    "page": {"meta": {"signed_off_by": "Jo", "signed_off_on": "2026-01-02"}},
}


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    active.use(gettext.NullTranslations())
    yield
    active.use(gettext.NullTranslations())


def _rendered(source: str, *, words: bool) -> str:
    env = jinja2.Environment(
        loader=jinja2.DictLoader({"main.html": "{% block content %}{% endblock %}"})
    )
    env.filters["url"] = lambda value: f"/{value}"
    if words:
        install(env)
    return env.from_string(source).render(**VALUES)


@pytest.mark.parametrize("path", THEME, ids=lambda p: p.name)
def test_written_out_templates_render_as_the_originals(path: object) -> None:
    source = path.read_text(encoding="utf-8")  # type: ignore[attr-defined]
    written = with_words(source, str(path))
    assert "trans" not in written.replace("transition", "")
    assert _rendered(written, words=False) == _rendered(source, words=True)


def test_words_are_written_in_the_active_language() -> None:
    active.use(PseudoTranslations())
    source = "{% trans name=who | e %}Call {{ name }} now{% endtrans %}"
    assert with_words(source, "t.html") == pseudo("Call %(name)s now").replace(
        "%(name)s", "{{ (who | e) }}"
    )


def test_a_template_without_words_is_left_as_it_is() -> None:
    source = "{#- a comment -#}\n  {{ x }}  {%- if y %}z{% endif %}\n"
    assert with_words(source, "t.html") is source


def test_a_plural_is_a_located_error() -> None:
    source = (
        "<p>\n{% trans count=n %}{{ count }} week{% pluralize %}{{ count }} weeks{% endtrans %}"
    )
    with pytest.raises(ProjectError, match=r"t\.html:2:1: the export cannot write a plural"):
        with_words(source, "t.html")
