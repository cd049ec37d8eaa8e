"""Searches as patients type them (tests/search_queries.yaml), typed into the theme's search box
on the built site: each must bring its page first. The list is sample content, like the catalog;
a clinic that changes its pages changes the list. Queries whose page the site does not have are
skipped, but at least 40 must remain, so the test cannot pass by skipping."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import yaml
from playwright.sync_api import Page

from tests.conftest import ROOT

QUERIES = ROOT / "tests" / "search_queries.yaml"
MIN_QUERIES = 40


def load_queries(site_dir: Path) -> list[tuple[str, str]]:
    """(query, first page) for every query whose page is in the built site."""
    data = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))
    pairs = [(str(item["query"]), str(item["first"]).strip("/") + "/") for item in data]
    return [(q, first) for q, first in pairs if (site_dir / first / "index.html").is_file()]


def first_result(page: Page, query: str) -> str:
    """The path of the first result for `query`, typed as one search (stale results cleared)."""
    box = page.get_by_role("textbox", name="Search").first
    items = page.locator(".md-search-result__item")
    box.fill("")
    box.press("End")
    items.first.wait_for(state="detached", timeout=10000)
    box.fill(query)
    box.press("End")
    items.first.wait_for(timeout=10000)
    href = items.first.locator("a").first.get_attribute("href") or ""
    return urlsplit(page.evaluate("(h) => new URL(h, location.href).pathname", href)).path


def test_patient_searches_find_their_page_first(page: Page, site_dir: Path) -> None:
    queries = load_queries(site_dir)
    assert len(queries) >= MIN_QUERIES, f"only {len(queries)} queries have a page in the site"
    page.goto("/")
    page.get_by_role("textbox", name="Search").first.click()
    wrong = []
    for query, first in queries:
        found = first_result(page, query).lstrip("/")
        if found != first:
            wrong.append(f"{query!r}: first result {found!r}, expected {first!r}")
    assert wrong == [], "\n".join(wrong)
