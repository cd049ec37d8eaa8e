"""A tricky but harmless project in the browser: no script from content runs, nothing is
requested from or navigated to another host; and a script smuggled into a built page after the
build is still blocked, because the policy allows the theme's scripts only."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

SMUGGLED = (
    "<script>window.pwned = 'inline'</script>"
    '<img src="missing.png" alt="" onerror="window.pwned = \'handler\'">'
    '<a id="smuggled" href="javascript:void(window.pwned = \'link\')">x</a>'
)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def tricky_url(tricky: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The tricky site, plus a copy of its about page with script smuggled into the article."""
    site = tmp_path_factory.mktemp("tricky-site") / "site"
    shutil.copytree(tricky / "site", site)
    about = (site / "about" / "index.html").read_text(encoding="utf-8")
    at = about.index("</article>")
    smuggled = site / "smuggled" / "index.html"
    smuggled.parent.mkdir()
    smuggled.write_text(about[:at] + SMUGGLED + about[at:], encoding="utf-8")
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture
def watched(browser: Browser, tricky_url: str) -> Iterator[tuple[Page, list[str], list[str]]]:
    """A page, the addresses it requested and navigated to, and the dialogs it opened."""
    context = browser.new_context(base_url=tricky_url)
    page = context.new_page()
    requests: list[str] = []
    dialogs: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("framenavigated", lambda frame: requests.append(frame.url))
    yield page, requests, dialogs
    context.close()


@pytest.mark.parametrize(
    "path", ["/about/", "/tricky/dot.png", "/tricky/drawing.svg", "/smuggled/"]
)
def test_nothing_from_content_runs_or_leaves_the_site(
    watched: tuple[Page, list[str], list[str]], tricky_url: str, path: str
) -> None:
    page, requests, dialogs = watched
    page.goto(path)
    page.wait_for_load_state("networkidle")
    if path == "/smuggled/":
        page.click("#smuggled")
    page.wait_for_timeout(500)
    assert page.evaluate("() => window.pwned") is None
    assert dialogs == []
    assert page.url == tricky_url + path
    outside = [u for u in requests if not u.startswith(tricky_url) and not u.startswith("data:")]
    assert outside == []


def test_the_tricky_page_shows_its_code_as_text(
    watched: tuple[Page, list[str], list[str]],
) -> None:
    page, _requests, _dialogs = watched
    page.goto("/about/")
    text = page.inner_text("article")
    assert '<script>window.pwned = "fenced"</script>' in text
    assert "<script>window.pwned = 1</script>" in text
    assert page.locator("article img[alt='A white square']").evaluate("i => i.naturalWidth") == 4
