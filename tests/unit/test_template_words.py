"""The templates' own words: looked up in the active language, fields escaped, not messages."""

from __future__ import annotations

import gettext
from collections.abc import Iterator

import pytest

from generator.messages import active
from generator.messages.pseudo import PseudoTranslations, pseudo
from generator.pages.render import make_environment

HOSTILE = "<b>*a_b*</b>"


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    active.use(gettext.NullTranslations())
    yield
    active.use(gettext.NullTranslations())


def render(source: str, **values: object) -> str:
    return make_environment().from_string(source).render(**values)


def test_trans_keeps_the_message_and_escapes_its_fields_as_markdown() -> None:
    out = render("{% trans name=value %}**Call** {{ name }} now{% endtrans %}", value=HOSTILE)
    assert out == r"**Call** &lt;b&gt;\*a\_b\*&lt;/b&gt; now"


def test_trans_keeps_a_field_given_as_markup() -> None:
    out = render("{% trans name=value | h %}<p>Call {{ name }}</p>{% endtrans %}", value=HOSTILE)
    assert out == "<p>Call &lt;b&gt;*a_b*&lt;/b&gt;</p>"


def test_trans_is_trimmed() -> None:
    assert render("{% trans %}  Two\n   lines  {% endtrans %}") == "Two lines"


def test_plural_by_count() -> None:
    source = "{% trans count=n %}{{ count }} week{% pluralize %}{{ count }} weeks{% endtrans %}"
    assert [render(source, n=n) for n in (1, 3)] == ["1 week", "3 weeks"]


def test_underscore_is_plain_text_escaped_when_written() -> None:
    assert render("{{ _('Pain: %(n)s', n=value) }}", value=HOSTILE) == (
        r"Pain: &lt;b&gt;\*a\_b\*&lt;/b&gt;"
    )
    assert render("{{ _('a_b') | h }}") == "a_b"


def test_the_language_is_looked_up_when_rendering_not_when_compiling() -> None:
    template = make_environment().from_string("{% trans name=value %}Call {{ name }}{% endtrans %}")
    assert template.render(value="x_y") == r"Call x\_y"
    active.use(PseudoTranslations())
    assert template.render(value="x_y") == pseudo("Call %(name)s") % {"name": r"x\_y"}
