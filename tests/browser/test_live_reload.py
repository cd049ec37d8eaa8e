"""`make serve`: the page open in Chromium reloads by itself after an edit of the catalog, of a
content page or of the settings, under the page's Content-Security-Policy; a built site's
policy refuses MkDocs' reload script."""

from __future__ import annotations

import html
import re
import string
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs.livereload import _SCRIPT_TEMPLATE_STR
from playwright.sync_api import Browser, ConsoleMessage, Page

from scripts.preview import Preview, rename_first_exercise
from tests.conftest import make_project

RELOAD_WAIT_MS = 90_000  # a rebuild of the whole shipped project on a busy machine
# Chromium reports a refused script on the console; the page reports it as an event.
REPORT_REFUSALS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.log("refused by the policy: " + event.violatedDirective);
});
"""


class Watched:
    """A Chromium tab on the preview, with its console kept and a mark that a reload clears."""

    def __init__(self, page: Page, base: str) -> None:
        self.page, self.base = page, base
        self.console: list[str] = []
        page.on("console", self._keep)
        page.add_init_script(REPORT_REFUSALS)

    def _keep(self, message: ConsoleMessage) -> None:
        self.console.append(message.text)

    def open(self, path: str) -> None:
        self.page.goto(self.base + path)
        self.page.wait_for_load_state("load")
        self.page.evaluate("window.__notReloaded = true")

    def reloads_showing(self, text: str) -> None:
        """The same tab, never navigated by the test, reloads and shows `text`."""
        self.page.wait_for_function(
            "text => !window.__notReloaded && document.body"
            " && document.body.innerText.includes(text)",
            arg=text,
            timeout=RELOAD_WAIT_MS,
        )


@pytest.fixture
def tab(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    yield context.new_page()
    context.close()


def test_the_open_page_reloads_after_each_kind_of_edit(tmp_path: Path, tab: Page) -> None:
    project = make_project(tmp_path)
    with Preview(project) as preview:
        preview.wait_for("", "</html>", timeout=180)
        watched = Watched(tab, preview.url)

        # The catalog: an exercise's page shows its new name.
        catalog = project / "exercises.yaml"
        path, name = rename_first_exercise(catalog, "(edited)")
        preview.wait_for(path, html.escape(name))
        watched.open(path)
        rename_first_exercise(catalog, "again")
        watched.reloads_showing(f"{name} again")

        # A content page: the home page shows a new paragraph.
        home = project / "content" / "index.md"
        watched.open("")
        home.write_text(
            home.read_text(encoding="utf-8") + "\n\nA paragraph added in the preview.\n",
            encoding="utf-8",
        )
        watched.reloads_showing("A paragraph added in the preview.")

        # The settings: every page shows the clinic's new name.
        config = project / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        clinic = text.index("\n  clinic:\n")
        line = re.compile(r"^    name: .*$", re.MULTILINE).search(text, clinic)
        assert line is not None
        new_name = "Preview Reload Check Clinic"
        config.write_text(
            text[: line.start()] + f"    name: {new_name}" + text[line.end() :], encoding="utf-8"
        )
        watched.reloads_showing(new_name)

    assert "Enabled live reload" in watched.console  # MkDocs' script ran ...
    assert [m for m in watched.console if "policy" in m.lower()] == []  # ... and nothing refused


def test_a_built_page_refuses_the_reload_script(page: Page) -> None:
    refusals: list[str] = []
    page.on("console", lambda message: refusals.append(message.text))
    page.add_init_script(REPORT_REFUSALS)
    page.goto("/")
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert policy is not None
    scripts = next(d for d in policy.split("; ") if d.startswith("script-src "))
    assert "'unsafe-inline'" not in scripts
    script = string.Template(_SCRIPT_TEMPLATE_STR).substitute(epoch=1, request_id=2)
    page.evaluate(
        "text => { const s = document.createElement('script');"
        " s.textContent = text; document.body.append(s); }",
        script,
    )
    assert page.evaluate("typeof window.livereload") == "undefined"
    assert any("refused by the policy: script-src" in m for m in refusals), refusals
