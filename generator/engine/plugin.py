"""The MkDocs plugin: each hook hands its work to the engine-free pipeline in a few lines."""

from __future__ import annotations

import gc
import logging
import tempfile
from pathlib import Path
from typing import Any, Literal

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from generator.catalog.addresses import INDEX_PAGES
from generator.catalog.model import Catalog
from generator.clinic.content_pages import html_problems
from generator.clinic.settings import ClinicSettings
from generator.clinic.signoff import SIGNOFF_FILE, SignOff
from generator.clinic.site_config import SiteSettings
from generator.clinic.wording import fill_placeholders, wording_for
from generator.engine.html_page import add_generated, toc_shape
from generator.engine.live_reload import allow_reload_script
from generator.engine.plugin_config import CatalogPluginConfig
from generator.engine.second_process import SecondProcess, catalog_search, write_files
from generator.engine.theme_words import install as install_theme_words
from generator.engine.theme_words import material_language
from generator.messages.languages import SOURCE_LANGUAGE
from generator.pages.render import (
    TEMPLATE_DIR,
    make_environment,
    render_site,
    templates_as_html,
)
from generator.pipeline import (
    PAGE_KIND_NOUNS,
    PAGE_KINDS_SETTING,
    checked_for_publishing,
    content_page_reviews,
    generated_files,
    mark_review,
    read_project,
    use_language,
)
from generator.site_files.csp import add_policy
from generator.site_files.html_fixes import repair
from generator.site_files.search_index import add_to_index
from generator.site_files.structured_data import add_json_ld, json_ld_pages
from generator.source.errors import ProjectError
from generator.speed.forked import spare_core

log = logging.getLogger("mkdocs.plugins.clinic_catalog")

# The kinds of page out of the navigation, each an entry's (main.html reads the same list).
LEAF_KINDS = frozenset(PAGE_KIND_NOUNS)


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
        self.nav: Navigation | None = None
        self.second: SecondProcess | None = None
        self.reviews: dict[tuple[str, str], SignOff] = {}
        self.page_reviews: dict[str, SignOff | None] = {}
        self.language = SOURCE_LANGUAGE
        self.words_dir: tempfile.TemporaryDirectory[str] | None = None

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.building = command == "build" and not dirty  # no second process under `serve`

    @event_priority(50)  # before the search plugin reads Material's words (material_language)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path or ".").resolve().parent
        self.catalog_path = root / self.config.catalog
        self.override_dir = root / self.config.templates if self.config.templates else None
        made = None
        if not config.config_file_path:
            clinic = config.extra.get("clinic")
            made = SiteSettings.made_in_code(clinic, config.site_url, config.docs_dir)
        try:
            config_file = Path(config.config_file_path or root / "mkdocs.yml")
            project = read_project(
                config_file,
                self.catalog_path,
                catalog_name=self.config.catalog,
                config_name=config_file.name,
                site=made,
            )
            report = checked_for_publishing(project)
        except ProjectError as error:
            raise PluginError(f"the project is not valid:\n{error.report()}") from None
        for finding in report.warnings:
            log.info("%s", finding)
        self.reviews, pending = project.review_state()
        self.page_reviews = content_page_reviews(project, self.reviews)
        if pending:
            log.info("%d entries and pages are not signed off by the clinic", len(pending))
        self.catalog, self.settings = project.catalog, project.site.clinic
        # Material's setting as MkDocs read it (`python -m generator build --language` sets it).
        self.language = str(config.theme.get("language") or SOURCE_LANGUAGE)
        use_language(self.language)
        self.words_dir = material_language(config.theme, self.language)
        # The theme prints the site name unescaped: it gets escaped markup, shown as written.
        config.extra["clinic"] = self.settings.for_theme()
        config.extra[PAGE_KINDS_SETTING] = list(PAGE_KIND_NOUNS)  # for the theme (main.html)
        config.site_name = Markup.escape(self.settings.name)
        if self.settings.logo:
            config.theme["logo"] = self.settings.logo
        _freeze_heap()  # the catalog lives until the end of the build
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.catalog is not None
        parallel = self.building and self.config.parallel
        site_url = config.site_url or ""
        rendered = render_site(
            self.catalog,
            self.settings,
            make_environment(self.override_dir),
            site_url=site_url,
            parallel=parallel,
            clinic_reviews=self.reviews,
            html_templates=templates_as_html(
                (config.mdx_configs or {}).get("toc", {}),
                enabled=self.config.html_pages,
                override_dir=self.override_dir,
            ),
        )
        log.debug(
            "Markdown of %d generated pages: %d rendered by a second process",
            len(rendered.texts),
            rendered.by_second_process,
        )
        content = {f.src_uri: f.content_bytes for f in files}
        try:
            made = generated_files(
                self.catalog,
                self.settings,
                Path(config.docs_dir),
                site_url,
                rendered.texts,
                content,
            )
        except ProjectError as error:
            raise PluginError(error.report()) from None
        generated = made.files
        if parallel and spare_core():
            leaves = [u for u in rendered.texts if u.endswith(".md") and u not in INDEX_PAGES]
            self.second = SecondProcess(leaves, made.pictures)
            generated = {u: t for u, t in generated.items() if u not in made.pictures}
        self.json_ld = json_ld_pages(self.catalog, self.settings, site_url, self.reviews)
        add_generated(files, config, generated, rendered.outlines, in_nav=INDEX_PAGES)
        self.urls = {file.src_uri: file.url for file in files.documentation_pages()}
        _freeze_heap()  # and so do its pages and MkDocs' file list
        return files

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav = nav
        return nav

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        """A fresh store for the theme's fragments shared by catalog pages (see main.html),
        and the theme's words in the site's language."""
        env.globals["clinic_fragments"] = {}
        install_theme_words(env)
        if self.second is not None and self.catalog is not None and self.nav is not None:
            search = catalog_search(self.catalog, self.urls)
            self.second.start(env, config, files, self.nav, search, self._finish)
        return env

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """A content page gets its review line (the clinic's sign-off, or that there is none)
        and the country's words for its `[[placeholders]]`."""
        if page.file.generated_by is not None:
            return markdown
        if page.file.src_uri in self.page_reviews:
            mark_review(page.meta, self.page_reviews[page.file.src_uri])
        return fill_placeholders(markdown, wording_for(self.settings))

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """A content page's HTML as MkDocs made it is checked again (as `check` checks it)."""
        if page.file.generated_by is None:
            name = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
            problems = html_problems(html, page.file.content_string, name)
            if problems:
                raise PluginError(ProjectError(problems).report())
        return html

    def on_page_context(
        self, context: Any, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> Any:
        if page.meta.get("page_kind") in LEAF_KINDS and page.toc is not None:
            # Pages with the same sections share the theme's rendering of their table of
            # contents (main.html); the key is what that rendering reads from the page.
            context["clinic_toc_key"] = "toc:" + repr(toc_shape(page.toc))
        html = self.second.html_for(page) if self.second is not None else None
        if html is not None:
            context["clinic_built_elsewhere"] = html
        return context

    def on_post_page(self, output: str, /, *, page: Any, config: MkDocsConfig) -> str:
        if self.second is not None and page.file.src_uri in self.second.finished:
            return output  # finished in the second process
        return self._finish(output, page)

    def _finish(self, output: str, page: Page) -> str:
        json_ld = self.json_ld.get(page.file.src_uri)
        if json_ld is not None:
            output = add_json_ld(output, json_ld)
        return add_policy(repair(output), page.content or "")

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str:
        if not template_name.endswith(".html"):
            return output_content
        return add_policy(repair(output_content))

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Generated pages are indexed from the catalog (they are excluded from HTML parsing)."""
        finished = len(self.second.finished) if self.second is not None else 0
        log.debug("HTML of catalog pages: %d rendered by a second process", finished)
        second, site_dir = self.second, Path(config.site_dir)
        if second is not None and second.result("written") is None:
            write_files(site_dir, second.figures)  # the second process failed
        index_file = site_dir / "search" / "search_index.json"
        if self.catalog is not None and index_file.is_file():
            entries = second.result("search") if second is not None else None
            add_to_index(index_file, entries or catalog_search(self.catalog, self.urls)())
        self._end_build()

    def on_build_error(self, *, error: Exception) -> None:
        self._end_build()

    def _end_build(self) -> None:
        if self.second is not None:
            self.second.close()  # the second process has finished and is reaped
        self.second = None
        if self.words_dir is not None:
            self.words_dir.cleanup()
            self.words_dir = None
        gc.unfreeze()  # `mkdocs serve` builds again in the same process

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any) -> None:
        server.watch(str(self.catalog_path))
        signoff = self.catalog_path.parent / SIGNOFF_FILE
        if signoff.exists():  # a missing path stops the watcher; made later: seen on restart
            server.watch(str(signoff))
        server.watch(str(TEMPLATE_DIR))
        if self.override_dir is not None:
            server.watch(str(self.override_dir))
        allow_reload_script(server)  # the page's policy would refuse the reload script


def _freeze_heap() -> None:
    """Keep the garbage collector from walking long-lived objects again and again."""
    gc.collect()
    gc.freeze()
