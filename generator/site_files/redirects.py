"""Redirect pages: an old id keeps working after an entry is renamed."""

from __future__ import annotations

import html

from generator.catalog.addresses import html_file, page_url, relative_url
from generator.catalog.kinds import PAGE_KINDS
from generator.catalog.model import Catalog
from generator.messages.active import N_, gettext
from generator.site_files.csp import add_policy


def redirect_pages(catalog: Catalog, site_url: str = "") -> dict[str, str]:
    """`{"exercises/old-id/index.html": html}` for every alias, pointing at the current page."""
    pages: dict[str, str] = {}
    for section in PAGE_KINDS:
        for entry in getattr(catalog, section.field):
            for alias in entry.aliases:
                old, new = section.page(alias), section.page(entry.id)
                target = relative_url(old, new)
                canonical = page_url(site_url, new) if site_url else target
                pages[html_file(old)] = _page(entry.name, target, canonical)
    return dict(sorted(pages.items()))


MOVED = N_("This page has moved: %(link)s.")


def _page(name: str, target: str, canonical: str) -> str:
    title = html.escape(name)
    link = f'<a href="{html.escape(target)}">{title}</a>'
    return add_policy(
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n"
        '<meta name="robots" content="noindex">\n'
        f'<link rel="canonical" href="{html.escape(canonical)}">\n'
        f'<meta http-equiv="refresh" content="0; url={html.escape(target)}">\n'
        "</head>\n<body>\n"
        f"<p>{html.escape(gettext(MOVED), quote=False) % {'link': link}}</p>\n"
        "</body>\n</html>\n"
    )
