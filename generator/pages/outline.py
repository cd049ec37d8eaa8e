"""Headings of a generated page, written as Markdown or as finished HTML.

A catalog page's template writes everything but its headings as raw HTML. Its headings go
through `Outline.heading`, which writes them either as Markdown (`## How to do it`: the
portable page that `export` writes and any Markdown engine can build) or as the HTML that
Python-Markdown's `toc` extension makes of that Markdown (`<h2 id="how-to-do-it">`), keeping
the table of contents. A page written as HTML needs no Markdown conversion at all: the MkDocs
plugin uses it as the page's content (about half of a large build's time otherwise).
"""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass
from typing import Any

from markdown.extensions.toc import nest_toc_tokens, slugify, unique
from markupsafe import Markup

from generator.pages.markdown_text import escape_heading

_BACKSLASH_ESCAPE = re.compile(r"\\(.)")
_START_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)")
_ANCHOR_ATTRIBUTE = re.compile(r'\s(id|name)\s*=\s*"([^"]*)"')


@dataclass(frozen=True)
class Heading:
    """One heading of a page: its level, its id and its inner HTML (also its TOC title)."""

    level: int
    id: str
    html: str


class Outline:
    """Writes one page's headings and `markdown` attributes, recording them when HTML."""

    def __init__(self, *, html: bool) -> None:
        self.html = html
        self.headings: list[Heading] = []
        self._ids: set[str] = set()

    @property
    def markdown(self) -> Markup:
        """` markdown` on a raw HTML block whose inside is Markdown (md_in_html); none in HTML."""
        return Markup("" if self.html else " markdown")

    def heading(self, level: int, text: object, css_class: str = "") -> Markup:
        """A heading of `text` (plain text), with an optional CSS class."""
        if not 1 <= level <= 6:
            raise ValueError(f"not a heading level: {level}")
        if css_class and not re.fullmatch(r"[a-z][a-z0-9-]*", css_class):
            raise ValueError(f"not a safe CSS class: {css_class!r}")
        if not self.html:
            attributes = f" {{ .{css_class} }}" if css_class else ""
            return Markup(f"{'#' * level} {escape_heading(str(text))}{attributes}")
        inner, slug = _converted(str(text))
        anchor = unique(slug, self._ids)
        self.headings.append(Heading(level, anchor, inner))
        attributes = f' class="{css_class}"' if css_class else ""
        return Markup(f'<h{level} id="{anchor}"{attributes}>{inner}</h{level}>')


@functools.lru_cache(maxsize=65536)
def _converted(text: str) -> tuple[str, str]:
    """What Python-Markdown makes of a Markdown heading of `text`: its inner HTML (backslash
    escapes undone, entities kept) and the toc extension's slug of it (made unique per page)."""
    inner = _BACKSLASH_ESCAPE.sub(r"\1", escape_heading(text))
    return inner, slugify(html.unescape(inner), "-")


def toc_tokens(headings: tuple[Heading, ...] | list[Heading]) -> list[Any]:
    """The nested table of contents, in the form of Python-Markdown's `md.toc_tokens`."""
    flat = [
        {"level": h.level, "id": h.id, "name": h.html, "html": h.html, "data-toc-label": ""}
        for h in headings
    ]
    nested: list[Any] = nest_toc_tokens(flat)
    return nested


def anchor_ids(body: str) -> set[str]:
    """Every `id` (and `<a name>`) in a page's HTML: where links may point to on it.

    The generator writes attributes in double quotes and escapes quotes in text, so an
    attribute is found without parsing the page; MkDocs' parser finds the same set (tested).
    """
    found = set()
    for match in _ANCHOR_ATTRIBUTE.finditer(body):
        if match[1] == "name":
            tag = _START_TAG.match(body, body.rfind("<", 0, match.start()))
            if tag is None or tag[1].lower() != "a":
                continue
        found.add(html.unescape(match[2]))
    return found
