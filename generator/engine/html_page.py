"""A catalog page MkDocs takes as finished HTML, and the shape of a table of contents."""

from __future__ import annotations

import html
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from generator.pages.outline import Heading, anchor_ids, toc_tokens


class HtmlPage(Page):
    """A catalog page rendered as finished HTML: its content needs no Markdown conversion.

    `render` takes the HTML as MkDocs' own `render` would have made it (same content, table of
    contents and anchors; tested) unless a plugin changed the page after it was read, in which
    case it converts it like any other page.
    """

    def __init__(self, file: File, config: MkDocsConfig, headings: tuple[Heading, ...]) -> None:
        super().__init__(None, file, config)  # becomes `file.page`
        self.headings = headings
        self.as_read: str | None = None

    def read_source(self, config: MkDocsConfig) -> None:
        super().read_source(config)
        self.as_read = self.markdown

    def render(self, config: MkDocsConfig, files: Files) -> None:
        if self.markdown is None or self.markdown != self.as_read:
            super().render(config, files)
            return
        self.content = self.markdown.strip()
        self.toc = get_toc(toc_tokens(self.headings))
        first = self.headings[0] if self.headings else None
        if first is not None and first.level == 1 and self.content.startswith("<h1 "):
            self._title_from_render = html.unescape(first.html)
        self.present_anchor_ids = anchor_ids(self.content)
        self.links_to_anchors = {}  # raw HTML: MkDocs collects no links from it


def toc_shape(toc: Any) -> list[Any]:
    """What Material's `partials/toc.html` prints of a table of contents (below the `h1`)."""
    items = list(toc)
    if items and items[0].level == 1:
        items = list(items[0].children)
    return [(i.title, i.url, getattr(i, "typeset", None), toc_shape(i.children)) for i in items]
