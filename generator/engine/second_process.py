"""`mkdocs build` on two cores: a forked second process renders catalog pages with the theme.

The second process renders the theme's template for catalog pages from the last one backwards
while MkDocs goes forwards (`SharedWork`); they meet where their speeds say. Before its pages it
writes the figure files and makes the catalog pages' search entries. Catalog pages get the
template `clinic-built-elsewhere.html`, which prints the second process's HTML when it has
arrived and renders `main.html` otherwise: a failed child makes a slower build, never another.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from generator.catalog.model import Catalog
from generator.site_files.search_index import Entry, search_entries
from generator.speed.forked import SharedWork

BUILT_ELSEWHERE = "clinic-built-elsewhere.html"

Finish = Callable[[str, Page], str]


class SecondProcess:
    """The work handed to a second process in one build, and what came back from it."""

    def __init__(self, leaves: list[str], figures: dict[str, str]) -> None:
        self.leaves = leaves  # catalog pages' source paths
        self.figures = figures  # written by the second process, not copied by MkDocs
        self.index: dict[str, int] = {}
        self.finished: set[str] = set()  # pages whose finished HTML came from the child
        self.work: SharedWork[str] | None = None

    def start(
        self,
        env: Any,
        config: MkDocsConfig,
        files: Files,
        nav: Navigation,
        search: Callable[[], list[Entry]],
        finish: Finish,
    ) -> None:
        """Fork: the child writes the figures, makes `search()`, then renders pages from the end."""
        pages = [page for uri in self.leaves if (page := _page(files, uri)) is not None]
        self.index = {page.file.src_uri: index for index, page in enumerate(pages)}

        def first() -> Iterator[tuple[str, Any]]:
            write_files(Path(config.site_dir), self.figures)
            yield "written", len(self.figures)
            yield "search", search()

        render = _renderer(pages, env, config, files, nav, finish)
        self.work = SharedWork(len(pages), render, first=first)
        for page in pages:
            page.meta["template"] = BUILT_ELSEWHERE

    def html_for(self, page: Page) -> str | None:
        """The child's finished HTML of `page`, if it made it (this process then skips it)."""
        if self.work is None:
            return None
        self.work.poll()
        if page.meta.get("template") != BUILT_ELSEWHERE:
            return None
        html = self.work.take(self.index[page.file.src_uri])
        if html is not None:
            self.finished.add(page.file.src_uri)
        return html

    def result(self, name: str) -> Any:
        """What the child's `first` step yielded under `name`; None if it did not."""
        return self.work.result(name) if self.work is not None else None

    def close(self) -> None:
        """Wait for the child to finish and reap it."""
        if self.work is not None:
            self.work.close()
        self.work = None


def write_files(site_dir: Path, texts: dict[str, str]) -> None:
    """Write generated files (as MkDocs writes a generated file: UTF-8 bytes)."""
    for uri, text in texts.items():
        path = site_dir / uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))


def catalog_search(catalog: Catalog, urls: dict[str, str]) -> Callable[[], list[Entry]]:
    """The catalog pages' search entries, made when called."""
    return lambda: search_entries(catalog, urls.__getitem__)


def _page(files: Files, uri: str) -> Page | None:
    file = files.get_file_from_path(uri)
    return file.page if file is not None else None


def _renderer(
    pages: list[Page], env: Any, config: MkDocsConfig, files: Files, nav: Navigation, finish: Finish
) -> Callable[[int], str]:
    """For the second process: page number -> its HTML as MkDocs' build renders it, `finish`ed."""
    doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)

    def render(index: int) -> str:
        page = pages[index]
        page.active = True
        context = get_context(nav, doc_files, config, page)
        template = env.get_template(page.meta.get("template", "main.html"))
        context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
        html = finish(template.render(context), page)
        page.active = False
        return html

    return render
