"""The routine builder, driven as a therapist would, and the page its link opens for a patient.
The programme lives only in the URL fragment."""

from __future__ import annotations

import datetime as dt
import re
from io import BytesIO

import pytest
import zxingcpp
from dateutil.rrule import rrulestr
from icalendar import Calendar
from PIL import Image
from playwright.sync_api import Browser, Page, Request, expect
from pypdf import PdfReader

from generator.catalog.limits import programme_limits
from generator.catalog.load import load_catalog
from generator.pages.dosage import describe_dosage
from tests.conftest import PROJECT, project_settings

CATALOG = load_catalog(PROJECT / "exercises.yaml")
CLINIC = project_settings().clinic
EXERCISE = {e.id: e for e in CATALOG.exercises}
CONDITION = {c.id: c for c in CATALOG.conditions}
BUILDER = "/routines/builder/"
LIMITS = programme_limits()
BACK = ["walking", "pelvic-tilt", "knee-rocking", "cat-camel", "glute-bridge"]


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def pdf_pages(pdf: bytes) -> list[str]:
    return [squash(p.extract_text() or "") for p in PdfReader(BytesIO(pdf)).pages]


def editor(page: Page, fragment: str = "") -> None:
    page.goto(BUILDER + fragment)
    if fragment:
        page.get_by_role("button", name="Edit this programme").click()
    expect(page.locator(".builder-editor")).to_be_visible()


def add(page: Page, exercise_id: str) -> None:
    page.get_by_role("button", name=f"Add {EXERCISE[exercise_id].name}", exact=True).click()


def programme(page: Page) -> list[str]:
    return page.locator(".builder-item h3").all_inner_texts()


def link_of(ids: list[str], extra: str = "") -> str:
    items = ";".join(f"e={i},1,r10,,d1,0" for i in ids)
    return f"#v2;t=Back+programme{extra};{items}"


@pytest.mark.clinic
def test_therapist_builds_and_the_patient_opens_a_view_made_for_them(
    browser: Browser, page: Page, base_url: str
) -> None:
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(base_url) else None)
    editor(page)
    page.get_by_label("Routine", exact=True).select_option("neck-routine")
    page.get_by_role("button", name="Use this routine").click()
    expect(page.locator(".builder-item")).to_have_count(len(CATALOG.routines[0].items) or 1)
    page.get_by_label("Title for the patient").fill("Your neck programme")
    page.get_by_label("Therapist (printed on the sheet)").fill("Sam Lee, physiotherapist")
    page.get_by_label("Start date").fill("2026-12-07")
    page.get_by_label("Start date").press("Tab")
    first = page.locator(".builder-item").nth(0)
    first.get_by_label(re.compile("^Note for")).fill("Keep it gentle <b>please</b>")
    first.get_by_label(re.compile("^Note for")).press("Tab")
    url = page.url
    assert "#v2;" in url and "p=Sam+Lee" in url and "s=2026-12-07" in url

    phone = browser.new_context(viewport={"width": 390, "height": 844}, base_url=base_url)
    patient = phone.new_page()
    patient.goto(url)
    expect(patient.get_by_role("heading", level=1)).to_have_text("Your neck programme")
    view = patient.locator(".patient-view")
    expect(view).to_contain_text(f"From {CLINIC.name}, Sam Lee, physiotherapist.")
    expect(view).to_contain_text("Start on 7 December 2026")
    # No editing controls anywhere in the patient's first screens.
    controls = "#routine-builder :is(input, select, textarea):visible"
    assert patient.locator(controls).count() == 0
    assert not patient.locator(".builder-intro").is_visible()
    cards = patient.locator(".patient-exercise")
    count = cards.count()
    assert count >= 3
    card = cards.nth(0)
    expect(card.locator("img.exercise-figure")).to_be_visible()
    expect(card.locator("ol li").first).to_be_visible()
    expect(card).to_contain_text("Your therapist's note: Keep it gentle <b>please</b>")
    assert card.locator("b").count() == 0
    link = card.get_by_role("link", name=re.compile("^More about "))
    assert link.get_attribute("href", timeout=1000)
    first_card_top = card.bounding_box()
    assert first_card_top is not None and first_card_top["y"] < 2 * 844
    expect(patient.locator(".programme-safety")).to_contain_text("Seek emergency care now")
    patient.get_by_role("button", name="Edit this programme").click()
    expect(patient.get_by_label("Title for the patient")).to_be_focused()
    phone.close()
    assert outside == []


def safety_texts(page: Page) -> tuple[str, str]:
    screen = squash(page.locator(".patient-view .programme-safety").inner_text())
    printed = squash(page.locator(".programme-sheet .safety-print").inner_text())
    return screen, printed


def test_safety_advice_fits_the_conditions_chosen(page: Page) -> None:
    page.goto(BUILDER + link_of(BACK))
    screen, printed = safety_texts(page)
    for text in (screen, printed):
        assert "needle" not in text and "injection" not in text
    suggested = [c for c in CATALOG.conditions if set(BACK) & set(c.exercises)]
    assert suggested
    chosen = page.locator(".patient-view .facts a").all_inner_texts()
    assert len(chosen) == 1
    condition = next(c for c in CATALOG.conditions if c.name == chosen[0])
    for flag in condition.red_flags.emergency:
        assert squash(flag) in screen
        assert squash(flag).rstrip(".").lower()[1:] in printed.lower()
    for exercise_id in BACK:
        for line in EXERCISE[exercise_id].stop_if:
            assert squash(line).rstrip(".").lower()[1:] in printed.lower()
    # Choosing another condition changes both boxes the same way; repeated lines are merged.
    page.get_by_role("button", name="Edit this programme").click()
    page.get_by_label("Neck pain", exact=True).check()
    page.get_by_role("button", name="Show the patient's view").click()
    screen, printed = safety_texts(page)
    for flag in CONDITION["neck-pain"].red_flags.emergency:
        assert squash(flag) in screen
    items = page.locator(".patient-view .programme-safety li").all_inner_texts()
    keys = [re.sub(r"[^\w]+", " ", item.lower()).strip() for item in items]
    assert len(keys) == len(set(keys))


def test_largest_programme_prints_a_qr_code_that_decodes_to_its_link(page: Page) -> None:
    editor(page)
    for exercise_id in [e.id for e in CATALOG.exercises[:8]]:
        add(page, exercise_id)
    page.get_by_label("Title for the patient").fill("腰と首の運動 🏃‍♀️" * 20)
    page.get_by_label("Title for the patient").press("Tab")
    for index in range(8):
        note = page.locator(".builder-item").nth(index).get_by_label(re.compile("^Note for"))
        note.fill("毎日ゆっくり行ってください 👍🏽" * 20)
        note.press("Tab")
    url = page.url
    assert len(url) <= LIMITS["link"]
    notes = page.locator(".builder-item input[data-focus-key$='-note']")
    assert any(
        "Shortened to fit in the link" in t for t in page.locator(".builder-hint").all_inner_texts()
    )
    for value in notes.evaluate_all("els => els.map(e => e.value)"):
        assert "\ufffd" not in value
    page.get_by_role("button", name="Show the patient's view").click()
    page.emulate_media(media="print")
    qr = page.locator(".programme-sheet .qr-code")
    width_mm = qr.evaluate("el => el.getBoundingClientRect().width") * 25.4 / 96
    assert 22 <= width_mm <= 46
    png = qr.screenshot(scale="device")
    image = Image.open(BytesIO(png)).convert("L").resize((1200, 1200), Image.NEAREST)
    decoded = zxingcpp.read_barcodes(image)
    assert [code.text for code in decoded] == [url]
    pages = pdf_pages(page.pdf(format="A4"))
    assert "Seek emergency care now" in pages[0]


def test_hostile_links_never_crash_or_lose_valid_content(page: Page) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    unknown = ";".join(f"e=nope-{i}" for i in range(10_000))
    for fragment, kept in [
        ("#v2;t=" + "%F0%9F%98%80" * 3 + "%F0%9F;e=bird-dog,2,r10,30,w3,0,Slow%ZZly", "😀😀😀"),
        (f"#v2;t=Mine;{unknown};e=walking,1,m10,,d1,0", "Mine"),
        ("#v2;t=Big;e=walking,1,m10,,d1,0;" + "x" * 2_000_000, "Big"),
        ("#v1;t=Old+link;e=bird-dog,2,r10,30,w3,0,kept", "Old link"),
    ]:
        page.goto("about:blank")
        page.goto(BUILDER + fragment)
        expect(page.get_by_role("heading", level=1)).to_have_text(kept)
        assert page.locator(".patient-exercise").count() == 1
        alerts = page.get_by_role("alert")
        if alerts.count():
            assert len(alerts.locator("li").all_inner_texts()) <= 4
    assert errors == []


def test_keyboard_changes_keep_focus_and_scroll(page: Page) -> None:
    editor(page, link_of(["bird-dog", "walking"]))
    sets = page.locator(".builder-item").nth(0).get_by_label("Sets", exact=True)
    sets.focus()
    before = page.evaluate("window.scrollY")
    for _ in range(3):
        page.keyboard.press("ArrowUp")
    expect(sets).to_have_value("4")
    page.keyboard.press("Tab")
    kind = page.locator(".builder-item").nth(0).get_by_label("Each set is")
    expect(kind).to_be_focused()
    assert abs(page.evaluate("window.scrollY") - before) < 50
    assert "bird-dog,4,r10," in page.url
    expect(page.locator(".programme-sheet .dosage").first).to_contain_text("4 sets of 10")
    expect(page.get_by_role("status").first).to_contain_text("Bird dog: 4 sets")
    # Switching between repetitions and a hold keeps the numbers.
    kind.select_option("hold")
    expect(page.locator(".builder-item").nth(0).get_by_label("Hold (seconds)")).to_have_value("10")
    expect(page.locator(".builder-item").nth(0).get_by_label("Each set is")).to_be_focused()
    page.locator(".builder-item").nth(0).get_by_label("Each set is").select_option("reps")
    expect(page.locator(".builder-item").nth(0).get_by_label("Repetitions")).to_have_value("10")


def test_builder_conveniences(page: Page) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    editor(page)
    add(page, "walking")
    add(page, "walking")
    expect(page.locator(".builder-notice")).to_contain_text("already number 1")
    page.get_by_role("button", name="Copy link").click()
    expect(page.locator(".builder-status")).to_have_text("Link copied.")
    page.get_by_label("Equipment").select_option("none")
    names = page.locator(".builder-result-name").all_inner_texts()
    with_mat = [e.name for e in CATALOG.exercises if list(e.equipment) == ["mat"]]
    assert with_mat and set(with_mat) <= set(names)
    assert page.locator(".builder-results").evaluate("el => el.clientHeight") > 400
    page.get_by_role("button", name="Clear all").click()
    expect(page.locator(".builder-item")).to_have_count(0)
    clear = page.get_by_role("button", name="Clear all")
    expect(clear).to_be_disabled()
    assert float(clear.evaluate("el => getComputedStyle(el).opacity")) < 0.6


def test_calendar_file_from_the_builder_repeats_for_its_weeks(page: Page) -> None:
    page.goto(BUILDER + "#v2;t=Back;s=2026-12-07;f=w3;k=5;e=bird-dog,2,r10,30,w3,0")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Add reminders to your calendar").first.click()
    path = download_info.value.path()
    calendar = Calendar.from_ical(path.read_bytes())
    (event,) = calendar.walk("VEVENT")
    start = event.decoded("dtstart")
    assert start == dt.datetime(2026, 12, 7, 9, 0)
    dates = list(rrulestr(event["rrule"].to_ical().decode(), dtstart=start))
    assert len(dates) == 15 and dates[-1] < start + dt.timedelta(weeks=5)
    assert "Bird dog: 2 sets of 10 repetitions" in str(event["description"])


def test_printed_sheet_is_rebuilt_on_every_change(page: Page) -> None:
    editor(page, link_of(["bird-dog"]))
    sets = page.locator(".builder-item").nth(0).get_by_label("Sets", exact=True)
    sets.fill("5")
    sets.press("Tab")
    pages = pdf_pages(page.pdf(format="A4"))
    assert "5 sets of 10 repetitions" in pages[0]
    assert "Find exercises" not in " ".join(pages)


def test_builder_phrases_dosage_exactly_like_the_pages(page: Page) -> None:
    page.goto(BUILDER)
    expect(page.locator(".builder-results li").first).to_be_visible()
    for exercise in CATALOG.exercises:
        dosage = exercise.dosage.model_dump()
        assert page.evaluate("d => window.clinicDescribeDosage(d)", dosage) == describe_dosage(
            exercise.dosage
        ), exercise.id


def test_no_request_leaves_the_site(page: Page, base_url: str) -> None:
    requests: list[Request] = []
    page.on("request", lambda request: requests.append(request))
    editor(page, link_of(BACK))
    page.get_by_role("button", name="Show the patient's view").click()
    page.emulate_media(media="print")
    page.pdf(format="Letter")
    assert requests and all(r.url.startswith(base_url) for r in requests)


def test_works_offline_once_loaded(page: Page) -> None:
    editor(page)
    page.context.set_offline(True)
    add(page, "bird-dog")
    add(page, "walking")
    assert programme(page) == ["Bird dog", "Walking"]
    assert page.locator(".programme-sheet .qr-code").count() == 1
    page.get_by_role("button", name="Show the patient's view").click()
    expect(page.locator(".patient-exercise")).to_have_count(2)
    page.context.set_offline(False)


def test_a_missing_catalog_gives_a_clear_message(page: Page) -> None:
    page.route("**/api/catalog.json", lambda route: route.abort())
    page.goto(BUILDER)
    expect(page.get_by_role("alert")).to_contain_text("could not be loaded")


def test_large_print_of_a_programme(page: Page) -> None:
    page.goto(BUILDER + link_of(BACK))
    expect(page.locator(".patient-exercise")).to_have_count(len(BACK))
    page.evaluate("document.documentElement.classList.add('print-large')")
    pages = pdf_pages(page.pdf(format="Letter"))
    assert len(pages) == 1 + (len(BACK) + 1) // 2 + 1
    assert "Seek emergency care now" in pages[0] and "1. Walking" not in pages[0]
    for number, exercise_id in enumerate(BACK, 1):
        assert f"{number}. {EXERCISE[exercise_id].name}" in pages[1 + (number - 1) // 2]
    assert pages[-1].startswith("My weeks")
