"""The engine-free pipeline: a project read and checked, then every file made from its catalog.

`check`, `export` and the MkDocs plugin all go through here, so the three refuse the same
projects, with the same located messages, and generate the same files.
"""

from __future__ import annotations

import datetime
import html
from collections.abc import Collection, Iterable, Mapping, MutableMapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

from generator.catalog.addresses import (
    CATALOG_JSON_URI,
    INDEX_PAGES,
    calendar_uri,
    figure_uri,
    motion_uri,
    thumbnail_uri,
)
from generator.catalog.assets_check import check_images
from generator.catalog.content_checks import ContentReport, check_content
from generator.catalog.kinds import KINDS, PAGE_KINDS, Kind
from generator.catalog.load import read_catalog
from generator.catalog.model import Catalog
from generator.clinic.content_files import check_media, walk_content
from generator.clinic.content_pages import check_content_pages
from generator.clinic.nav_check import check_nav
from generator.clinic.settings import ClinicSettings
from generator.clinic.signoff import (
    SIGNOFF_FILE,
    Item,
    SignOff,
    SignOffs,
    catalog_items,
    page_items,
    read_signoffs,
    review_state,
)
from generator.clinic.site_config import SiteSettings, read_site_settings
from generator.messages import active
from generator.messages.languages import translations_for
from generator.pages.pictures import figure_files
from generator.pages.reminders import calendar_files
from generator.pages.render import TEMPLATE_DIR, page_uris
from generator.site_files.api import catalog_json
from generator.site_files.offline import offline_files
from generator.site_files.redirects import redirect_pages
from generator.site_files.search_index import SEARCH_SECTIONS
from generator.site_files.structured_data import JSON_LD
from generator.source.errors import CatalogError, Problem, ProjectError, SettingsError
from generator.source.source_map import SourceMap

Files = dict[str, str | bytes]
# The kinds whose entries have pages (`page_kind` in their front matter), for the theme: the
# plugin and `export` put them in `extra` under this name.
PAGE_KINDS_SETTING = "catalog_page_kinds"
PAGE_KIND_NOUNS = tuple(kind.noun for kind in PAGE_KINDS)


@dataclass(frozen=True)
class Project:
    """A clinic's project whose settings, catalog, pictures and content pages are valid."""

    site: SiteSettings
    catalog: Catalog
    source: SourceMap
    signoffs: SignOffs
    signoff_file: Path

    def signoff_items(self) -> list[Item]:
        """What the clinic signs off: every catalog entry with a page, every content page."""
        return [*catalog_items(self.catalog, self.source), *page_items(self.site.docs_dir)]

    def review_state(
        self, today: datetime.date | None = None
    ) -> tuple[dict[tuple[str, str], SignOff], list[Problem]]:
        """The clinic's sign-offs that hold (by noun and id or page path), and a located
        problem for everything not signed off, changed since, or signed off wrongly."""
        return review_state(self.signoff_items(), self.signoffs, today or datetime.date.today())


def read_project(
    config_file: Path,
    catalog_file: Path,
    *,
    catalog_name: str | None = None,
    config_name: str | None = None,
    site: SiteSettings | None = None,
) -> Project:
    """Settings (from `config_file`, unless given as `site`), catalog, the pictures it names and
    the content pages: `ProjectError` lists every problem of all four, located (files named as
    `config_name` and `catalog_name` when given)."""
    problems: list[Problem] = []
    if site is None:
        try:
            site = read_site_settings(config_file, config_name)
        except SettingsError as error:
            problems.extend(error.problems)
    try:
        catalog, source = read_catalog(catalog_file, display_name=catalog_name)
    except CatalogError as error:
        raise ProjectError([*problems, *error.problems]) from None
    if site is None:
        raise SettingsError(problems)
    problems += check_images(catalog, source, site.docs_dir)
    content = walk_content(site.docs_dir)
    problems += content.problems
    problems += check_media(site.docs_dir, content.files)
    problems += check_content_pages(
        site.docs_dir, content.files, site.markdown_extensions, site.templates
    )
    problems += clashes(generated_uris(catalog), {f.uri for f in content.files}, site.docs_dir.name)
    display = config_name or str(config_file)
    problems += check_nav(config_file, display, site.docs_dir, catalog_pages(catalog))
    signoff_file = config_file.parent / SIGNOFF_FILE
    signoffs = None
    try:
        signoffs = read_signoffs(signoff_file, SIGNOFF_FILE if config_name else None)
    except ProjectError as error:
        problems += error.problems
    if problems or signoffs is None:
        raise ProjectError(problems)
    return Project(site, catalog, source, signoffs, signoff_file)


def kind_gaps(kinds: Iterable[Kind] = KINDS) -> list[str]:
    """Whatever a declared kind (`kinds.py`) lacks, one line each, for each stage's piece: its
    catalog field, its templates, its search-index and structured-data builders, its skeleton
    for `new`. Empty when every kind is whole (a test keeps it so)."""
    gaps: list[str] = []
    for kind in kinds:
        info = Catalog.model_fields.get(kind.field)
        if info is None or (info.alias or kind.field) != kind.key:
            gaps.append(f"kind '{kind.noun}' is not the catalog's field {kind.field} ({kind.key})")
        elif get_args(info.annotation) != (kind.model,):
            gaps.append(
                f"kind '{kind.noun}': the catalog's {kind.key} are not {kind.model.__name__}"
            )
        if kind.folder is None:
            continue  # no pages: nothing more to make
        for piece, template in (("entry", kind.template), ("index", kind.index_template)):
            if template is None or not (TEMPLATE_DIR / template).is_file():
                gaps.append(f"kind '{kind.noun}' has no {piece}-page template ({template})")
        if kind.noun not in SEARCH_SECTIONS:
            gaps.append(f"kind '{kind.noun}' has no search-index builder")
        if kind.noun not in JSON_LD:
            gaps.append(f"kind '{kind.noun}' has no structured-data (JSON-LD) builder")
        if kind.skeleton is None:
            gaps.append(f"kind '{kind.noun}' has no skeleton for `new`")
    return gaps


def use_language(language: str) -> None:
    """Write the generator's own words in `language` from now on (English without a catalog);
    called before rendering by the plugin and `export`."""
    active.use(translations_for(language))


def catalog_pages(catalog: Catalog) -> list[str]:
    """The source uris of the pages the catalog makes that a nav may list."""
    pages = list(INDEX_PAGES)
    for section in PAGE_KINDS:
        pages += [section.page(entry.id) for entry in getattr(catalog, section.field)]
    return pages


def generated_uris(catalog: Catalog) -> set[str]:
    """The address of every file made from the catalog (pages, figures, files beside them),
    without making them: a content file there would be replaced."""
    uris = set(page_uris(catalog))
    for exercise in catalog.exercises:
        if exercise.figure is not None and exercise.image is None:
            uris |= {f(exercise.id) for f in (figure_uri, thumbnail_uri, motion_uri)}
    uris |= beside_pages_uris(catalog)
    return uris


def checked_for_publishing(project: Project, today: datetime.date | None = None) -> ContentReport:
    """The editorial report; `CatalogError` when it has errors (a site is not built with them)."""
    report = check_content(
        project.catalog, project.source, today=today or datetime.date.today(), readability=False
    )
    if report.errors:
        raise CatalogError([finding.problem for finding in report.errors])
    return report


def content_page_reviews(
    project: Project, reviews: Mapping[tuple[str, str], SignOff]
) -> dict[str, SignOff | None]:
    """Each content page (by its path in `docs_dir`) and the clinic's sign-off that holds for
    it, or None."""
    folder = f"{project.site.docs_dir.name}/"
    return {
        item.key.removeprefix(folder): reviews.get((item.noun, item.key))
        for item in page_items(project.site.docs_dir)
    }


def mark_review(meta: MutableMapping[str, Any], signoff: SignOff | None) -> None:
    """What a content page's review line reads (theme/partials/clinic-review.html): the
    clinic's sign-off, HTML-escaped like every front-matter value the generator writes, or
    that the clinic has not reviewed the page. The page's own `reviewed_*` lines are the
    project's review, not the clinic's."""
    for key in ("signed_off_by", "signed_off_on", "review_pending"):
        meta.pop(key, None)
    if signoff is None:
        meta["review_pending"] = True
        if meta.get("reviewed_on"):
            meta["library_reviewed_on"] = str(meta["reviewed_on"])
        return
    meta["signed_off_by"] = html.escape(signoff.by, quote=True)
    meta["signed_off_on"] = signoff.date.isoformat()


def files_beside_pages(catalog: Catalog, site_url: str, email: str | None = None) -> Files:
    """What a site serves beside its pages and pictures: the catalog JSON, redirect pages for
    old ids and each routine's calendar file (event ids on the clinic's domain: the site's,
    else the `email`'s)."""
    files: Files = {CATALOG_JSON_URI: catalog_json(catalog)}
    files.update(redirect_pages(catalog, site_url))
    files.update(calendar_files(catalog, site_url=site_url, email=email))
    return files


def beside_pages_uris(catalog: Catalog) -> set[str]:
    """The addresses `files_beside_pages` writes, without making the files (a calendar takes
    milliseconds to make, and a big catalog has hundreds)."""
    calendars = {calendar_uri(routine.id) for routine in catalog.routines}
    return {CATALOG_JSON_URI, *redirect_pages(catalog), *calendars}


@dataclass(frozen=True)
class GeneratedFiles:
    """Every file the catalog adds to a site, by source uri, and which are exercise pictures
    (the plugin's second process writes those itself)."""

    files: Files
    pictures: dict[str, str]


def generated_files(
    catalog: Catalog,
    clinic: ClinicSettings,
    docs_dir: Path,
    site_url: str,
    pages: Mapping[str, str],
    content: Mapping[str, str | bytes],
) -> GeneratedFiles:
    """The whole generated file set of a site whose content files are `content`: the catalog's
    rendered `pages` (as the engine takes them), the pictures, the files beside the pages
    (catalog JSON, redirects, calendars) and the offline files made from everything published;
    `ProjectError` for a content file at a generated address. The plugin and `export` both
    take their files from here."""
    pictures = figure_files(catalog)
    files: Files = {**pages, **pictures}
    files.update(files_beside_pages(catalog, site_url, clinic.email))
    files.update(offline_site_files(catalog, clinic, docs_dir, {**content, **files}))
    refuse_clashes(files, set(content), docs_dir.name)
    return GeneratedFiles(files, pictures)


def clashes(generated: Collection[str], content: Collection[str], folder: str) -> list[Problem]:
    """A problem for each content file at an address the catalog also generates."""
    message = (
        "clashes with a page generated from the catalog (it would be replaced); "
        "rename it or move it to another folder"
    )
    both = sorted(set(generated) & set(content))
    return [Problem(f"{folder}/{uri}", 1, 1, "", message) for uri in both]


def offline_site_files(
    catalog: Catalog, clinic: ClinicSettings, docs_dir: Path, published: Mapping[str, str | bytes]
) -> Files:
    """The manifest, icons and service worker for a site publishing `published` (its icon
    from the clinic's logo when that is a raster picture, else from its initials)."""
    logo = clinic.logo
    raster = None if logo is None or logo.endswith(".svg") else (docs_dir / logo).read_bytes()
    return offline_files(catalog, clinic, published, raster)


def refuse_clashes(generated: Files, content: Collection[str], folder: str) -> None:
    """`ProjectError` for each content page at an address the catalog also generates."""
    if problems := clashes(generated, content, folder):
        raise ProjectError(problems)
