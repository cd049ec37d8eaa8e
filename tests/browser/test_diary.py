"""The patient's diary, the progress report and offline use, in Chromium on a phone-sized
screen: nothing stored before the patient turns the diary on, no request carrying it, deleted
completely; a report that opens in the builder and matches the diary; the programme and its
exercise pages reloaded with no network; keyboard, axe and 200 % zoom."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import io
import json
import threading
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdf
import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page, Request, expect

BUILDER = "/routines/builder/"
PHONE = {"width": 390, "height": 844}
NOTE = "Zebra note 7731; stiff"  # a marker no page contains
AXE_RULES = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
    }
}


@pytest.fixture(scope="module")
def programme(site_dir: Path) -> dict[str, Any]:
    """A two-exercise programme from the built site's own catalog: the first twice a day, the
    second three days a week; its link and its exercises' names and pages."""
    catalog = json.loads((site_dir / "api" / "catalog.json").read_text())
    routine = catalog["routines"][0]
    ids = [item["exercise"] for item in routine["items"]][:2]
    assert len(ids) == 2, "the shipped routines have two exercises or more"
    names = {e["id"]: e["name"] for e in catalog["exercises"]}
    pictures = {e["id"]: e["picture"]["uri"] for e in catalog["exercises"] if e.get("picture")}
    link = f"#v2;t=My+programme;e={ids[0]},1,r10,,d2,0;e={ids[1]},2,r8,30,w3,0"
    return {"ids": ids, "names": [names[i] for i in ids], "pictures": pictures, "link": link}


@pytest.fixture
def phone(browser: Browser, base_url: str) -> Iterator[BrowserContext]:
    context = browser.new_context(base_url=base_url, viewport=PHONE, timezone_id="Europe/London")
    yield context
    context.close()


def open_programme(page: Page, programme: dict[str, Any]) -> None:
    page.goto(BUILDER + programme["link"])
    expect(page.locator("#programme-diary")).to_be_visible()
    page.wait_for_selector("html[data-offline=ready]", state="attached", timeout=60_000)


def stored(page: Page) -> dict[str, Any]:
    """Everything the page's origin keeps: storage, databases, and the worker's cached addresses."""
    return page.evaluate(
        """async () => ({
          local: Object.keys(localStorage),
          session: Object.keys(sessionStorage),
          databases: indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : [],
          cached: (await Promise.all((await caches.keys()).map(async (name) =>
            (await (await caches.open(name)).keys()).map((r) => r.url)))).flat(),
          cookies: document.cookie,
        })"""
    )


def diary_data(page: Page) -> list[Any]:
    return page.evaluate(
        "Object.keys(localStorage).filter((k) => k.startsWith('clinic-diary:'))"
        ".map((k) => JSON.parse(localStorage.getItem(k)))"
    )


def record(page: Page, exercise: int, pain: int, note: str = "") -> None:
    diary = page.locator("#programme-diary")
    diary.locator(f"input[data-exercise='{exercise}']").first.check()
    diary.get_by_label("Pain today").select_option(str(pain))
    if note:
        field = diary.get_by_label("Short note")
        field.fill(note)
        field.press("Tab")
    page.wait_for_function(
        "(pain) => Object.keys(localStorage).some((k) => localStorage.getItem(k).includes(pain))",
        arg=f'"pain":{pain}',
    )


def test_stored_only_after_opting_in_never_sent_and_deleted_completely(
    phone: BrowserContext, programme: dict[str, Any], base_url: str
) -> None:
    requests: list[Request] = []
    phone.on("request", lambda request: requests.append(request))
    page = phone.new_page()
    open_programme(page, programme)
    before = stored(page)
    assert before["local"] == [] and before["session"] == [] and before["databases"] == []
    assert before["cookies"] == ""
    assert before["cached"] and all(
        u.startswith(base_url) and "#" not in u for u in before["cached"]
    )

    page.get_by_role("button", name="Keep a diary on this phone").click()
    weeks = page.locator("#programme-diary .diary-weeks")
    expect(weeks.first).to_be_visible()
    assert "null" not in weeks.first.inner_text()  # a week without notes writes nothing there
    record(page, 0, 4, NOTE)
    page.reload()
    diary = page.locator("#programme-diary")
    expect(diary.locator("input[data-exercise='0']").first).to_be_checked()
    expect(diary.get_by_label("Pain today")).to_have_value("4")
    expect(diary.get_by_label("Short note")).to_have_value(NOTE)
    [kept] = diary_data(page)
    assert list(kept["days"].values()) == [{"done": [1, 0], "pain": 4, "note": NOTE}]

    diary.get_by_role("button", name="Show my therapist").click()
    diary.get_by_label("Include my notes").check()
    link = diary.get_by_label("Link to my progress report").input_value()
    assert urllib.parse.quote(NOTE.split(";")[0].replace(" ", "+"), safe="+") in link

    marker = [NOTE.split()[0], "7731", "clinic-diary", "r=1.", "x="]
    for request in requests:
        carried = request.url.split("#")[0] + (request.post_data or "")
        assert request.url.startswith(base_url), request.url
        assert not any(m in carried for m in marker), request.url
        assert request.method == "GET", request.url

    page.once("dialog", lambda dialog: dialog.accept())
    diary.get_by_role("button", name="Delete my diary").click()
    expect(diary.get_by_role("button", name="Keep a diary on this phone")).to_be_visible()
    after = stored(page)
    assert after["local"] == [] and after["session"] == [] and after["databases"] == []
    assert not any(NOTE.split()[0] in u for u in after["cached"])
    page.reload()
    expect(diary.get_by_role("button", name="Keep a diary on this phone")).to_be_visible()


def test_report_opens_in_the_builder_and_matches_the_diary(
    phone: BrowserContext, programme: dict[str, Any], browser: Browser, base_url: str
) -> None:
    page = phone.new_page()
    open_programme(page, programme)
    diary = page.locator("#programme-diary")
    diary.get_by_role("button", name="Keep a diary on this phone").click()
    record(page, 0, 6)
    today = dt.date.fromisoformat(page.evaluate("ClinicDiary.localDay()"))
    yesterday = (today - dt.timedelta(days=1)).isoformat()
    diary.get_by_label("Day", exact=True).fill(yesterday)
    diary.get_by_label("Day", exact=True).dispatch_event("change")
    record(page, 1, 2)
    [kept] = diary_data(page)
    assert kept["days"] == {
        today.isoformat(): {"done": [1, 0], "pain": 6, "note": ""},
        yesterday: {"done": [0, 1], "pain": 2, "note": ""},
    }
    diary.get_by_role("button", name="Show my therapist").click()
    link = diary.get_by_label("Link to my progress report").input_value()
    assert len(link) <= 1600
    expect(diary.get_by_role("img", name="QR code of the progress report link")).to_be_visible()
    shown = {
        row.locator("th").inner_text(): row.locator("td").first.inner_text()
        for row in diary.locator("table.diary-week").first.locator("tbody tr").all()
    }

    therapist = browser.new_context(base_url=base_url, timezone_id="America/New_York")
    try:
        screen = therapist.new_page()
        screen.goto(link)
        report = screen.locator("#programme-diary")
        expect(report.get_by_role("heading", name="Progress report")).to_be_visible()
        expect(screen.locator(".patient-view h1")).to_have_text("My programme")
        expect(screen.get_by_role("alert")).to_have_count(0)  # nothing in the link was damaged
        # The programme reads as it was sent; the report was taken out of the address.
        assert "r=1." not in screen.url
        weeks = report.locator("table.diary-week")
        got: dict[str, int] = dict.fromkeys(programme["names"], 0)
        for row in weeks.locator("tbody tr").all():
            got[row.locator("th").inner_text()] += int(row.locator("td").first.inner_text())
        assert got == dict(zip(programme["names"], [1, 1], strict=True))
        first_week = {
            row.locator("th").inner_text(): row.locator("td").first.inner_text()
            for row in weeks.first.locator("tbody tr").all()
        }
        assert first_week == shown
        planned = [
            r.locator("td").nth(1).inner_text() for r in weeks.first.locator("tbody tr").all()
        ]
        assert planned == ["14", "3"]
        pains = report.locator("table.diary-pain-table tbody tr td:last-child").all_inner_texts()
        assert sorted(pains) == ["2", "6"]
        assert stored(screen)["local"] == []  # the therapist's browser keeps nothing
    finally:
        therapist.close()


def test_offline_reload_of_the_programme_and_its_exercise_pages(
    phone: BrowserContext, programme: dict[str, Any]
) -> None:
    page = phone.new_page()
    open_programme(page, programme)
    assert page.evaluate("navigator.serviceWorker.controller !== null")
    phone.set_offline(True)
    try:
        page.reload()
        expect(page.locator(".patient-view h1")).to_have_text("My programme")
        expect(page.locator(".patient-exercise")).to_have_count(2)
        expect(page.locator("#programme-diary")).to_be_visible()
        for exercise_id, name in zip(programme["ids"], programme["names"], strict=True):
            page.goto(f"/exercises/{exercise_id}/")
            expect(page.locator("h1").first).to_have_text(name)
            pictures = page.locator(f"article img[src*='{exercise_id}']").filter(visible=True)
            expect(pictures.first).to_be_visible()
            loaded = "(img) => img.complete && img.naturalWidth > 0"
            assert all(picture.evaluate(loaded) for picture in pictures.all())
        page.goto(BUILDER + programme["link"])
        expect(page.locator(".patient-view h1")).to_have_text("My programme")
        page.goto("/routines/")
        expect(page.locator("h1").first).to_be_visible()
    finally:
        phone.set_offline(False)


def test_manifest_and_worker_are_the_sites_own(page: Page, base_url: str) -> None:
    page.goto(BUILDER)
    href = page.locator("link[rel=manifest]").get_attribute("href")
    assert href is not None
    manifest = page.request.get(urllib.parse.urljoin(page.url, href)).json()
    assert manifest["icons"] and manifest["name"]
    for icon in manifest["icons"]:
        response = page.request.get(
            urllib.parse.urljoin(urllib.parse.urljoin(page.url, href), icon["src"])
        )
        assert response.ok and response.headers["content-type"] == "image/png"
    policy = page.locator("meta[http-equiv=Content-Security-Policy]").get_attribute("content") or ""
    assert "worker-src 'self'" in policy and "manifest-src 'self'" in policy


def test_keyboard_axe_and_200_percent_zoom(
    browser: Browser, base_url: str, programme: dict[str, Any]
) -> None:
    # 200 % zoom on a 390 px phone is a 195 px-wide page.
    context = browser.new_context(base_url=base_url, viewport={"width": 195, "height": 422})
    try:
        page = context.new_page()
        page.goto(BUILDER + programme["link"])
        turn_on = page.get_by_role("button", name="Keep a diary on this phone")
        turn_on.focus()
        page.keyboard.press("Enter")
        day = page.get_by_label("Day", exact=True)
        expect(day).to_be_focused()
        first = page.locator("#programme-diary input[data-exercise='0']").first
        first.focus()
        page.keyboard.press("Space")
        expect(first).to_be_checked()
        pain = page.get_by_label("Pain today")
        pain.focus()
        pain.select_option("3")
        page.get_by_role("button", name="Show my therapist").focus()
        page.keyboard.press("Enter")
        expect(page.get_by_label("Link to my progress report")).to_be_visible()
        wide = page.evaluate(
            "document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth"
        )
        assert wide <= 0, f"{wide} px of sideways scrolling"
        results = Axe().run(page, context="#programme-diary", options=AXE_RULES)
        assert results.response["violations"] == []
        link = page.get_by_label("Link to my progress report").input_value()
        page.goto("about:blank")
        page.goto(link)
        expect(page.get_by_role("heading", name="Progress report")).to_be_visible()
        wide = page.evaluate(
            "document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth"
        )
        assert wide <= 0, f"{wide} px of sideways scrolling on the report"
        results = Axe().run(page, context="#programme-diary", options=AXE_RULES)
        assert results.response["violations"] == []
    finally:
        context.close()


@pytest.fixture(scope="module")
def sub_path_url(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The same site served under a sub-path (`/clinic/`), as on a project's GitHub Pages."""
    root = tmp_path_factory.mktemp("host")
    (root / "clinic").symlink_to(site_dir, target_is_directory=True)
    (root / "other").mkdir()
    (root / "other" / "index.html").write_text("<p>another site on the host</p>")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *args: None  # type: ignore[method-assign]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_offline_under_a_sub_path_keeps_to_its_own_folder(
    browser: Browser, sub_path_url: str, programme: dict[str, Any]
) -> None:
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        page.goto(f"{sub_path_url}/clinic{BUILDER}{programme['link']}")
        page.wait_for_selector("html[data-offline=ready]", state="attached", timeout=60_000)
        scope = page.evaluate("navigator.serviceWorker.ready.then((r) => r.scope)")
        assert scope == f"{sub_path_url}/clinic/"
        cached = stored(page)["cached"]
        assert cached and all(u.startswith(f"{sub_path_url}/clinic/") for u in cached)
        context.set_offline(True)
        page.reload()
        expect(page.locator(".patient-exercise")).to_have_count(2)
        page.goto(f"{sub_path_url}/clinic/exercises/{programme['ids'][1]}/")
        expect(page.locator("h1").first).to_have_text(programme["names"][1])
    finally:
        context.set_offline(False)
        context.close()


def test_the_diary_prints_on_one_sheet(phone: BrowserContext, programme: dict[str, Any]) -> None:
    page = phone.new_page()
    open_programme(page, programme)
    page.get_by_role("button", name="Keep a diary on this phone").click()
    # Twelve weeks of entries, each day with a score and a long note.
    page.evaluate(
        """() => {
          const key = Object.keys(localStorage)[0];
          const diary = JSON.parse(localStorage.getItem(key));
          const today = ClinicDiary.localDay();
          diary.since = ClinicDiary.addDays(today, -83);
          for (let n = 0; n < 84; n += 1) {
            diary.days[ClinicDiary.addDays(diary.since, n)] = {
              done: [n % 3, n % 2], pain: n % 11, note: n % 3 ? "" : "Stiff after work. ".repeat(7),
            };
          }
          localStorage.setItem(key, JSON.stringify(diary));
        }"""
    )
    page.reload()
    expect(page.locator("table.diary-week")).to_have_count(12)
    for size in ("A4", "Letter"):
        # As "Print my diary" does; printing ends with the class removed (afterprint).
        page.evaluate("document.documentElement.classList.add('print-diary')")
        reader = pypdf.PdfReader(io.BytesIO(page.pdf(format=size)))
        text = reader.pages[0].extract_text()
        assert len(reader.pages) == 1, size
        assert "Week 12" in text and "Week 1:" in text and "My pain" in text
        assert "Keep a diary" not in text and "Stop and seek help" not in text
