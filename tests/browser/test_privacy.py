"""No page talks to another host, and the Content-Security-Policy breaks nothing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import ConsoleMessage, Page, Request, expect

from generator.catalog.model import NamedEntry
from tests.conftest import pick, project_catalog

CATALOG = project_catalog()
EXERCISE = CATALOG.exercises[0].id
KEY_PAGES = [
    "/",
    f"/conditions/{CATALOG.conditions[0].id}/",
    f"/treatments/{CATALOG.treatments[0].id}/",
    f"/exercises/{EXERCISE}/",
    f"/routines/{CATALOG.routines[0].id}/",
    f"/routines/builder/#v1;e={EXERCISE},2,r10,30,w3,0,",
    "/404.html",
]


@pytest.mark.clinic
@pytest.mark.parametrize("path", KEY_PAGES)
def test_no_request_leaves_the_site_and_nothing_is_refused(
    page: Page, base_url: str, path: str
) -> None:
    requests: list[Request] = []
    console: list[ConsoleMessage] = []
    page.on("request", lambda request: requests.append(request))
    page.on("console", lambda message: console.append(message))
    page.goto(path)
    page.wait_for_load_state("networkidle")
    outside = [
        r.url for r in requests if not r.url.startswith(base_url) and not r.url.startswith("data:")
    ]
    assert outside == []
    refused = [m.text for m in console if "Content Security Policy" in m.text]
    assert refused == []


def test_search_works_under_the_policy(page: Page) -> None:
    page.goto("/")
    page.get_by_role("textbox", name="Search").first.click()
    catalog = project_catalog()
    entries = [*catalog.exercises, *catalog.conditions, *catalog.treatments]

    def said(entry: NamedEntry) -> str:
        return " ".join([entry.name, *entry.also_known_as, getattr(entry, "summary", "")]).lower()

    def distinct(exercise: NamedEntry) -> bool:
        """Two plain words, found in no other entry's names or summary: it must come first."""
        words = exercise.name.lower().split()
        others = [said(e) for e in entries if e is not exercise]
        return (
            len(words) == 2
            and "".join(words).isalpha()
            and not any(w in text for w in words for text in others)
        )

    (exercise,) = pick(catalog.exercises, distinct, "an exercise with a name of its own")
    page.keyboard.type(exercise.name.lower())
    first = page.locator(".md-search-result__item").first
    expect(first).to_contain_text(exercise.name, timeout=10000)


OTHER_HOST = re.compile(r"""(?:src|href)\s*=\s*["'](?:https?:)?//([^/"']+)""", re.IGNORECASE)
CSS_URL = re.compile(r"""url\(\s*["']?(?:https?:)?//([^/"')]+)""", re.IGNORECASE)
JS_FETCH = re.compile(r"""(?:fetch|open|importScripts)\(\s*["'](?:https?:)?//([^/"']+)""")
# Tags that make the browser load something (links to other sites are fine: they are not loaded).
LOADING_TAG = re.compile(
    r"<(?:script|img|iframe|source|video|audio|embed|link\b[^>]*rel=\"?(?:stylesheet|icon|preconnect|preload|manifest))\b[^>]*>",
    re.IGNORECASE,
)
# Material's own bundles mention GitHub and GitLab APIs, used only when `repo_url` is set (it is
# not); the browser tests above show that no request leaves the site.
THIRD_PARTY_BUNDLES = ("bundle.", "search.", "lunr")


def hosts_in(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        return [h for tag in LOADING_TAG.findall(text) for h in OTHER_HOST.findall(tag)]
    if path.suffix == ".css":
        return CSS_URL.findall(text)
    if path.suffix == ".js" and not path.name.startswith(THIRD_PARTY_BUNDLES):
        return OTHER_HOST.findall(text) + JS_FETCH.findall(text)
    return []


@pytest.mark.clinic
def test_built_files_load_nothing_from_another_host(site_dir: Path) -> None:
    found = [
        f"{path.relative_to(site_dir)}: {host}"
        for path in sorted(site_dir.rglob("*"))
        if path.suffix in {".html", ".css", ".js"} and "lunr" not in path.parts
        for host in hosts_in(path)
    ]
    assert found == []


@pytest.mark.clinic
def test_every_page_carries_the_content_security_policy(site_dir: Path) -> None:
    for path in site_dir.rglob("*.html"):
        head = path.read_text(encoding="utf-8").split("</head>", 1)[0]
        assert (
            '<meta http-equiv="Content-Security-Policy" content="default-src \'self\';' in head
        ), path


def test_the_scan_catches_third_party_loads(tmp_path: Path) -> None:
    page = tmp_path / "x.html"
    page.write_text(
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css">'
        '<script src="//cdn.example.com/a.js"></script>'
        '<a href="https://www.nice.org.uk/guidance/ng59">NICE</a>',
        encoding="utf-8",
    )
    style = tmp_path / "x.css"
    style.write_text("@font-face { src: url(https://fonts.gstatic.com/x.woff2) }", encoding="utf-8")
    script = tmp_path / "x.js"
    script.write_text('fetch("https://api.example.com/track")', encoding="utf-8")
    assert hosts_in(page) == ["fonts.googleapis.com", "cdn.example.com"]
    assert hosts_in(style) == ["fonts.gstatic.com"]
    assert hosts_in(script) == ["api.example.com"]
