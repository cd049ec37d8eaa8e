"""Thin MkDocs glue: load the catalog, add its pages in memory, reload on edits."""

from __future__ import annotations

import datetime
import gc
import html
import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Literal

from markupsafe import Markup
from mkdocs.commands.build import get_context
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from generator.catalog.assets_check import check_images
from generator.catalog.content_checks import check_content
from generator.catalog.load import read_catalog
from generator.catalog.model import Catalog
from generator.clinic.content_pages import check_content_pages
from generator.clinic.settings import ClinicSettings
from generator.clinic.site_config import read_site_settings
from generator.pages.outline import Heading, anchor_ids, toc_tokens
from generator.pages.pictures import figure_files
from generator.pages.reminders import calendar_files
from generator.pages.render import (
    HTML_TEMPLATES,
    INDEX_PAGES,
    TEMPLATE_DIR,
    make_environment,
    render_site,
)
from generator.site_files.api import CATALOG_JSON_URI, catalog_json
from generator.site_files.csp import add_policy
from generator.site_files.html_fixes import repair
from generator.site_files.redirects import redirect_pages
from generator.site_files.search_index import add_to_index, search_entries
from generator.site_files.structured_data import add_json_ld, json_ld_pages
from generator.source.errors import CatalogError
from generator.speed.forked import SharedWork, spare_core

log = logging.getLogger("mkdocs.plugins.clinic_catalog")

BUILT_ELSEWHERE = "clinic-built-elsewhere.html"
LEAF_KINDS = frozenset({"exercise", "condition", "treatment", "routine"})  # as in main.html


class CatalogPluginConfig(Config):
    catalog = config_options.Type(str, default="exercises.yaml")
    templates = config_options.Optional(config_options.Type(str))
    # `mkdocs build` uses a second process (a second core) for about half of the catalog pages.
    parallel = config_options.Type(bool, default=True)
    # Catalog pages are rendered as finished HTML (no Markdown conversion) when the site's
    # `toc` settings allow; `false` always renders Markdown.
    html_pages = config_options.Type(bool, default=True)


class CatalogPlugin(BasePlugin[CatalogPluginConfig]):
    """Adds one page per catalog entry (kept out of the navigation) plus the index pages."""

    def __init__(self) -> None:
        self.catalog: Catalog | None = None
        self.settings = ClinicSettings()
        self.catalog_path = Path("exercises.yaml")
        self.override_dir: Path | None = None
        self.json_ld: dict[str, str] = {}
        self.urls: dict[str, str] = {}
        self.building = False
        self.leaves: list[str] = []  # catalog pages, when a second process helps
        self.nav: Navigation | None = None
        self.built: SharedWork[str] | None = None
        self.static: dict[str, str] = {}  # files a second process writes (figures)
        self.leaf_index: dict[str, int] = {}
        self.finished: set[str] = set()  # pages whose HTML the second process made

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.building = command == "build" and not dirty  # no second process under `serve`

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path or ".").resolve().parent
        self.catalog_path = root / self.config.catalog
        self.override_dir = root / self.config.templates if self.config.templates else None
        try:
            self._apply_settings(config)
        except CatalogError as error:
            raise PluginError(f"the clinic settings are not valid:\n{error.report()}") from None
        allowed = frozenset(self.settings.inline_scripts)
        pages = check_content_pages(Path(config.docs_dir), allowed)
        if pages:
            listed = CatalogError(pages).report()
            raise PluginError(f"the content pages are not valid:\n{listed}")
        try:
            self.catalog, source = read_catalog(self.catalog_path, display_name=self.config.catalog)
            today = datetime.date.today()
            report = check_content(self.catalog, source, today=today, readability=False)
            problems = [finding.problem for finding in report.errors]
            problems += check_images(self.catalog, source, Path(config.docs_dir))
            if problems:
                raise CatalogError(problems)
            for finding in report.warnings:
                log.info("%s", finding)
        except CatalogError as error:
            raise PluginError(f"the catalog is not valid:\n{error.report()}") from None
        # The catalog lives until the end of the build: keep the garbage collector from walking
        # it again and again while MkDocs collects its files (seconds at 5,000 exercises).
        gc.collect()
        gc.freeze()
        return config

    def _apply_settings(self, config: MkDocsConfig) -> None:
        """Check the settings as `check` does; give the theme complete values (the one place
        to set them). The site name is given as escaped markup, so the theme's templates,
        which print it unescaped in text and attributes, show any name as written."""
        if config.config_file_path:
            site = read_site_settings(Path(config.config_file_path))
            self.settings = site.clinic
        else:  # a configuration made in code
            self.settings = ClinicSettings.model_validate(config.extra.get("clinic") or {})
        config.extra["clinic"] = self.settings.for_theme()
        config.site_name = Markup.escape(self.settings.name)
        if self.settings.logo:
            config.theme["logo"] = self.settings.logo

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.catalog is not None
        env = make_environment(self.override_dir)
        parallel = self.building and self.config.parallel
        site_url = config.site_url or ""
        rendered = render_site(
            self.catalog,
            self.settings,
            env,
            site_url=site_url,
            parallel=parallel,
            html_templates=self._html_templates(config),
        )
        pages = rendered.texts
        log.debug(
            "Markdown of %d generated pages: %d rendered by a second process",
            len(pages),
            rendered.by_second_process,
        )
        pages[CATALOG_JSON_URI] = catalog_json(self.catalog)
        pages.update(redirect_pages(self.catalog, config.site_url or ""))
        forking = parallel and spare_core()
        if forking:  # written by a second process (see on_env), not copied by MkDocs
            self.static = figure_files(self.catalog)
        else:
            pages.update(figure_files(self.catalog))
        files_added: dict[str, str | bytes] = dict(pages)
        files_added.update(calendar_files(self.catalog, site_url=site_url))
        self.json_ld = json_ld_pages(self.catalog, self.settings, config.site_url or "")
        for uri, text in files_added.items():
            if files.get_file_from_path(uri) is not None:
                raise PluginError(f"content/{uri} clashes with a page generated from the catalog")
            in_nav = uri in INDEX_PAGES
            inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
            file = File.generated(config, uri, content=text, inclusion=inclusion)
            files.append(file)
            headings = rendered.outlines.get(uri)
            if headings is not None:
                _HtmlPage(file, config, headings)  # becomes `file.page`
        self.urls = {file.src_uri: file.url for file in files.documentation_pages()}
        # The catalog, its pages and MkDocs' file list live until the end of the build: keep
        # the garbage collector from walking them again and again (most of its time at scale).
        gc.collect()
        gc.freeze()
        if forking:
            self.leaves = [uri for uri in pages if uri.endswith(".md") and uri not in INDEX_PAGES]
        return files

    def _html_templates(self, config: MkDocsConfig) -> frozenset[str]:
        """Templates to render as finished HTML: all of HTML_TEMPLATES unless the site's `toc`
        settings change headings (e.g. `permalink`), less those the clinic overrides."""
        toc_settings = (config.mdx_configs or {}).get("toc", {})
        if not self.config.html_pages or any(
            key != "permalink" or value for key, value in toc_settings.items()
        ):
            return frozenset()
        if self.override_dir is None:
            return HTML_TEMPLATES
        return frozenset(name for name in HTML_TEMPLATES if not (self.override_dir / name).exists())

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav = nav
        return nav

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        """A fresh store for the theme's fragments shared by catalog pages (see main.html)."""
        env.globals["clinic_fragments"] = {}
        if self.leaves and self.nav is not None:
            self._end_forks()
            self._build_elsewhere(env, config, files, self.nav)
        return env

    def _aside(self, config: MkDocsConfig) -> Iterator[tuple[str, Any]]:
        """In the second process, before its pages: write the figure files, then make the
        search entries of the catalog pages (seconds at 5,000 exercises)."""
        _write_files(Path(config.site_dir), self.static)
        yield "written", len(self.static)
        if self.catalog is not None:
            yield "search", search_entries(self.catalog, self.urls.__getitem__)

    def _build_elsewhere(
        self, env: Any, config: MkDocsConfig, files: Files, nav: Navigation
    ) -> None:
        """A second process renders the theme's template for catalog pages, from the last one
        backwards, while this process goes forwards (`SharedWork`): they meet where their speeds
        say. Here catalog pages get the template `clinic-built-elsewhere.html`, which prints the
        second process's output (given to it by `on_page_context`) or renders `main.html`."""
        pages = [page for uri in self.leaves if (page := _page(files, uri)) is not None]
        self.leaf_index = {page.file.src_uri: index for index, page in enumerate(pages)}
        self.built = SharedWork(
            len(pages),
            _page_renderer(pages, env, config, files, nav, self._finish),
            first=lambda: self._aside(config),
        )
        for page in pages:
            page.meta["template"] = BUILT_ELSEWHERE

    def on_page_context(
        self, context: Any, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> Any:
        if page.meta.get("page_kind") in LEAF_KINDS and page.toc is not None:
            # Pages with the same sections share the theme's rendering of their table of
            # contents (main.html); the key is what that rendering reads from the page.
            context["clinic_toc_key"] = "toc:" + repr(_toc_shape(page.toc))
        if self.built is None:
            return context
        self.built.poll()
        if page.meta.get("template") == BUILT_ELSEWHERE:
            html = self.built.take(self.leaf_index[page.file.src_uri])
            if html is not None:
                context["clinic_built_elsewhere"] = html
                self.finished.add(page.file.src_uri)
        return context

    def on_post_page(self, output: str, /, *, page: Any, config: MkDocsConfig) -> str:
        if page.file.src_uri in self.finished:
            return output  # `_finish` ran in the second process
        return self._finish(output, page)

    def _finish(self, output: str, page: Page) -> str:
        json_ld = self.json_ld.get(page.file.src_uri)
        if json_ld is not None:
            output = add_json_ld(output, json_ld)
        return add_policy(repair(output))

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str:
        if not template_name.endswith(".html"):
            return output_content
        return add_policy(repair(output_content))

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Generated pages are indexed from the catalog (they are excluded from HTML parsing)."""
        log.debug("HTML of catalog pages: %d rendered by a second process", len(self.finished))
        written = entries = None
        if self.built is not None:
            written, entries = self.built.result("written"), self.built.result("search")
        if written is None:
            _write_files(Path(config.site_dir), self.static)  # no second process, or it failed
        index_file = Path(config.site_dir) / "search" / "search_index.json"
        if self.catalog is not None and index_file.is_file():
            if entries is None:
                entries = search_entries(self.catalog, self.urls.__getitem__)
            add_to_index(index_file, entries)
        self._end_forks()
        self.static = {}
        self.leaves, self.finished = [], set()
        gc.unfreeze()  # `mkdocs serve` builds again in the same process

    def on_build_error(self, *, error: Exception) -> None:
        self._end_forks()
        self.leaves, self.finished, self.static = [], set(), {}
        gc.unfreeze()

    def _end_forks(self) -> None:
        if self.built is not None:
            self.built.close()  # the second process has finished and is reaped
        self.built = None

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any) -> None:
        server.watch(str(self.catalog_path))
        server.watch(str(TEMPLATE_DIR))
        if self.override_dir is not None:
            server.watch(str(self.override_dir))


class _HtmlPage(Page):
    """A catalog page rendered as finished HTML: its content needs no Markdown conversion.

    `render` takes the HTML as MkDocs' own `render` would have made it (same content, table of
    contents and anchors; tested) unless a plugin changed the page after it was read, in which
    case it converts it like any other page.
    """

    def __init__(self, file: File, config: MkDocsConfig, headings: tuple[Heading, ...]) -> None:
        super().__init__(None, file, config)
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


def _write_files(site_dir: Path, texts: dict[str, str]) -> None:
    """Write generated files (as MkDocs writes a generated file: UTF-8 bytes)."""
    for uri, text in texts.items():
        path = site_dir / uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))


def _toc_shape(toc: Any) -> list[Any]:
    """What Material's `partials/toc.html` prints of a table of contents (below the `h1`)."""
    items = list(toc)
    if items and items[0].level == 1:
        items = list(items[0].children)
    return [(i.title, i.url, getattr(i, "typeset", None), _toc_shape(i.children)) for i in items]


def _page(files: Files, uri: str) -> Page | None:
    file = files.get_file_from_path(uri)
    return file.page if file is not None else None


def _page_renderer(
    pages: list[Page],
    env: Any,
    config: MkDocsConfig,
    files: Files,
    nav: Navigation,
    finish: Callable[[str, Page], str],
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
