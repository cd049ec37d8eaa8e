"""Catalog text renders back to itself and can never become markup."""

from __future__ import annotations

import html
import re

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.pages.markdown_text import escape_html, escape_text

EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "toc"]


def to_html(source: str) -> str:
    return markdown.markdown(source, extensions=EXTENSIONS)


def visible_text(rendered: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", rendered))


printable = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=80
).filter(lambda s: s.strip())


@settings(max_examples=400, deadline=None)
@given(printable)
def test_any_text_renders_as_exactly_that_text_in_one_paragraph(text: str) -> None:
    rendered = to_html(escape_text(text))
    expected = " ".join(text.split())
    assert (
        rendered == f"<p>{html.escape(expected, quote=False)}</p>"
        or visible_text(rendered) == expected
    )
    assert rendered.startswith("<p>") and rendered.count("<") == 2


@settings(max_examples=200, deadline=None)
@given(printable)
def test_text_inside_a_list_item_stays_inside_it(text: str) -> None:
    rendered = to_html(f"- {escape_text(text)}")
    assert rendered.count("<li>") == 1
    assert visible_text(rendered).strip() == " ".join(text.split())


def test_html_and_markdown_syntax_are_inert() -> None:
    attacks = [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[click](javascript:alert(1))",
        "# heading",
        "1. list",
        "- item",
        "**bold** and _em_ and `code`",
        "{: onclick=alert(1) }",
        "| a | b |",
        "!!! danger",
        "<!-- comment -->",
        "&lt;entity&gt;",
        "===",
    ]
    for attack in attacks:
        rendered = to_html(escape_text(attack))
        assert rendered.count("<") == 2, (attack, rendered)
        assert visible_text(rendered) == attack


@settings(max_examples=300, deadline=None)
@given(printable)
def test_any_text_in_a_raw_html_list_renders_as_exactly_that_text(text: str) -> None:
    rendered = to_html(f"<ul>\n<li>{escape_html(text)}\n</ul>")
    assert rendered.count("<") == 3  # <ul>, <li>, </ul>: nothing the text could add
    assert visible_text(rendered).strip() == " ".join(text.split())


@settings(max_examples=200, deadline=None)
@given(printable)
def test_text_in_a_raw_html_block_inside_a_markdown_section_stays_text(text: str) -> None:
    source = f'<section markdown>\n\n<p class="x">{escape_html(text)}</p>\n\n</section>'
    rendered = to_html(source)
    assert rendered.count("<") == 4  # <section>, <p>, </p>, </section>
    assert visible_text(rendered).strip() == " ".join(text.split())


def test_html_and_markdown_syntax_are_inert_in_raw_html() -> None:
    attacks = [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "</li></ul><script>x</script>",
        "[click](javascript:alert(1))",
        "**bold** and `code`",
        "<!-- comment -->",
        "&lt;entity&gt;",
    ]
    for attack in attacks:
        rendered = to_html(f"<ul>\n<li>{escape_html(attack)}\n</ul>")
        assert rendered.count("<") == 3, (attack, rendered)
        assert visible_text(rendered).strip() == attack
