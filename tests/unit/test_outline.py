"""Catalog pages written as finished HTML read exactly as their Markdown converted by MkDocs."""

from __future__ import annotations

import sys
from typing import Any

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.structure.pages import _HTMLHandler

from generator.catalog.addresses import INDEX_PAGES
from generator.catalog.load import load_catalog
from generator.catalog.model import Catalog
from generator.clinic.settings import ClinicSettings
from generator.pages.outline import Outline, anchor_ids, toc_tokens
from generator.pages.render import HTML_TEMPLATES, render_site
from tests.conftest import ROOT, events, examples

sys.path.insert(0, str(ROOT / "scripts"))
from bench import markdown_extensions


def site_markdown() -> markdown.Markdown:
    """Python-Markdown with the extensions and settings of the shipped `mkdocs.yml`."""
    names, configs = markdown_extensions(ROOT / "mkdocs.yml")
    return markdown.Markdown(extensions=names, extension_configs=configs)


def flat_toc(tokens: list[Any]) -> list[tuple[int, str, str, str]]:
    out: list[tuple[int, str, str, str]] = []
    for token in tokens:
        out.append((token["level"], token["id"], token["name"], token["html"]))
        out += flat_toc(token["children"])
    return out


def body(page: str) -> str:
    return page.split("---\n", 2)[-1]


@pytest.fixture(scope="module")
def shipped() -> Catalog:
    return load_catalog(ROOT / "exercises.yaml")


def test_every_catalog_page_as_html_reads_as_its_markdown_converted(shipped: Catalog) -> None:
    settings_ = ClinicSettings()
    as_markdown = render_site(shipped, settings_, site_url="https://example.org/").texts
    as_html = render_site(
        shipped, settings_, site_url="https://example.org/", html_templates=HTML_TEMPLATES
    )
    # every page but the index pages (in the navigation, with Markdown for the search index)
    assert set(as_html.texts) - set(as_html.outlines) == set(INDEX_PAGES)
    for uri, headings in as_html.outlines.items():
        converter = site_markdown()
        converted = converter.convert(body(as_markdown[uri]))
        html = body(as_html.texts[uri])
        assert events(html) == events(converted), uri
        assert flat_toc(toc_tokens(headings)) == flat_toc(converter.toc_tokens), uri
        handler = _HTMLHandler()  # how MkDocs finds the anchors of raw HTML
        handler.feed(html)
        assert anchor_ids(html) == handler.present_anchor_ids, uri
        assert not any(line.startswith("#") for line in html.splitlines()), uri
    # pages not rendered as HTML are the same Markdown either way
    for uri, text in as_markdown.items():
        if uri not in as_html.outlines:
            assert as_html.texts[uri] == text, uri


heading_text = st.text(
    st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40
).filter(lambda text: text.strip())


@settings(max_examples=examples(300), deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(1, 6), heading_text, st.sampled_from(["", "screen-only"])),
        min_size=1,
        max_size=6,
    )
)
def test_html_headings_are_what_python_markdown_makes_of_the_markdown(
    headings: list[tuple[int, str, str]],
) -> None:
    as_markdown, as_html = Outline(html=False), Outline(html=True)
    source = "\n\n".join(as_markdown.heading(*h) for h in headings)
    html = "\n".join(as_html.heading(*h) for h in headings)
    converter = site_markdown()
    converted = converter.convert(source)
    assert events(html) == events(converted)
    assert flat_toc(toc_tokens(as_html.headings)) == flat_toc(converter.toc_tokens)


def test_markdown_attribute_only_in_markdown() -> None:
    assert Outline(html=False).markdown == " markdown"
    assert Outline(html=True).markdown == ""


def test_heading_refuses_unsafe_classes_and_levels() -> None:
    with pytest.raises(ValueError):
        Outline(html=True).heading(2, "Title", 'x" onclick="y')
    with pytest.raises(ValueError):
        Outline(html=True).heading(7, "Title")


def test_anchor_ids_reads_ids_and_link_names_only() -> None:
    html = '<h2 id="a&amp;b">x</h2><a name="n" id="i"></a><div data-id="no" name="no"></div>'
    assert anchor_ids(html) == {"a&b", "n", "i"}


def test_the_html_form_has_the_same_pages(shipped: Catalog) -> None:
    assert set(render_site(shipped).texts) == set(
        render_site(shipped, html_templates=HTML_TEMPLATES).texts
    )
