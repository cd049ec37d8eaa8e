"""The engine-free pipeline: a project read and checked, then every file made from its catalog.

`check`, `export` and the MkDocs plugin all go through here, so the three refuse the same
projects, with the same located messages, and generate the same files.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from generator.catalog.addresses import CATALOG_JSON_URI
from generator.catalog.assets_check import check_images
from generator.catalog.content_checks import ContentReport, check_content
from generator.catalog.load import read_catalog
from generator.catalog.model import Catalog
from generator.clinic.content_pages import check_content_pages
from generator.clinic.site_config import SiteSettings, read_site_settings
from generator.pages.reminders import calendar_files
from generator.site_files.api import catalog_json
from generator.site_files.redirects import redirect_pages
from generator.source.errors import CatalogError, Problem
from generator.source.source_map import SourceMap

Files = dict[str, str | bytes]


@dataclass(frozen=True)
class Project:
    """A clinic's project whose settings, catalog, pictures and content pages are valid."""

    site: SiteSettings
    catalog: Catalog
    source: SourceMap


def read_project(
    config_file: Path,
    catalog_file: Path,
    *,
    catalog_name: str | None = None,
    config_name: str | None = None,
    site: SiteSettings | None = None,
) -> Project:
    """Settings (from `config_file`, unless given as `site`), catalog, the pictures it names and
    the content pages: `CatalogError` lists every problem of all four, located (files named as
    `config_name` and `catalog_name` when given)."""
    problems: list[Problem] = []
    if site is None:
        try:
            site = read_site_settings(config_file, config_name)
        except CatalogError as error:
            problems.extend(error.problems)
    try:
        catalog, source = read_catalog(catalog_file, display_name=catalog_name)
    except CatalogError as error:
        raise CatalogError([*problems, *error.problems]) from None
    if site is None:
        raise CatalogError(problems)
    problems += check_images(catalog, source, site.docs_dir)
    problems += check_content_pages(site.docs_dir, frozenset(site.clinic.inline_scripts))
    if problems:
        raise CatalogError(problems)
    return Project(site, catalog, source)


def checked_for_publishing(project: Project, today: datetime.date | None = None) -> ContentReport:
    """The editorial report; `CatalogError` when it has errors (a site is not built with them)."""
    report = check_content(
        project.catalog, project.source, today=today or datetime.date.today(), readability=False
    )
    if report.errors:
        raise CatalogError([finding.problem for finding in report.errors])
    return report


def files_beside_pages(catalog: Catalog, site_url: str, email: str | None = None) -> Files:
    """What a site serves beside its pages and pictures: the catalog JSON, redirect pages for
    old ids and each routine's calendar file (event ids on the clinic's domain: the site's,
    else the `email`'s)."""
    files: Files = {CATALOG_JSON_URI: catalog_json(catalog)}
    files.update(redirect_pages(catalog, site_url))
    files.update(calendar_files(catalog, site_url=site_url, email=email))
    return files


def refuse_clashes(generated: Files, content: set[str] | frozenset[str], folder: str) -> None:
    """`CatalogError` for each content page at an address the catalog also generates."""
    clashes = sorted(set(generated) & set(content))
    message = "clashes with a page generated from the catalog"
    if clashes:
        raise CatalogError([Problem(f"{folder}/{uri}", 1, 1, "", message) for uri in clashes])
