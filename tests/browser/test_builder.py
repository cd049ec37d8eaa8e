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
from tests.conftest import PROJECT, pick, project_settings

CATALOG = load_catalog(PROJECT / "exercises.yaml")
CLINIC = project_settings().clinic
EXERCISE = {e.id: e for e in CATALOG.exercises}
BUILDER = "/routines/builder/"
LIMITS = programme_limits()
# The project's own entries, picked by what each test needs (a clinic replaces the sample's).
# A typical programme: the first five exercises of the first condition that lists five.
(FOR_BACK,) = pick(CATALOG.conditions, lambda c: len(c.exercises) >= 5, "a condition, 5 exercises")
BACK = FOR_BACK.exercises[:5]
(REPS,) = pick(CATALOG.exercises, lambda e: e.dosage.reps is not None, "an exercise done in reps")


def _apart(name: str, *others: str) -> bool:
    """Neither `name` nor any of `others` is part of another (one can be told in a text)."""
    return all(name not in other and other not in name for other in others)


(TIMED,) = pick(
    CATALOG.exercises,
    lambda e: e.dosage.minutes is not None and _apart(e.name, REPS.name),
    "an exercise done for some minutes",
)
(THIRD,) = pick(
    CATALOG.exercises,
    lambda e: _apart(e.name, REPS.name, TIMED.name),
    "a third exercise, its name apart from the first two",
)
(ROUTINE,) = pick(CATALOG.routines, lambda r: len(r.items) >= 3, "a routine of three exercises")
(OTHER,) = pick(
    CATALOG.conditions,
    lambda c: not set(BACK) & set(c.exercises),
    "a condition that lists none of the programme's exercises (BACK)",
)


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def pdf_pages(pdf: bytes) -> list[str]:
    return [squash(p.extract_text() or "") for p in PdfReader(BytesIO(pdf)).pages]


def edit_from_patient_view(page: Page) -> None:
    """The editor is out of the patient's way: behind "For your physiotherapist"."""
    page.locator(".patient-edit summary").click()
    page.get_by_role("button", name="Edit this programme").click()


def editor(page: Page, fragment: str = "") -> None:
    page.goto(BUILDER + fragment)
    if fragment:
        edit_from_patient_view(page)
    expect(page.locator(".builder-editor")).to_be_visible()


def share_with_general_advice(page: Page) -> None:
    """With no condition chosen, the builder asks before sharing; go ahead."""
    page.get_by_role("button", name="Go ahead with general advice").click()


def add(page: Page, exercise_id: str) -> None:
    page.get_by_role("option", name=EXERCISE[exercise_id].name, exact=True).click()


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
    page.get_by_label("Routine", exact=True).select_option(ROUTINE.id)
    page.get_by_role("button", name="Use this routine").click()
    expect(page.locator(".builder-item")).to_have_count(len(ROUTINE.items))
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
    expect(patient.get_by_role("button", name="Edit this programme")).to_be_hidden()
    edit_from_patient_view(patient)
    expect(patient.get_by_label("Title for the patient")).to_be_focused()
    phone.close()
    assert outside == []


def safety_texts(page: Page) -> tuple[str, str]:
    screen = squash(page.locator(".patient-view .programme-safety").inner_text())
    printed = squash(page.locator(".programme-sheet .safety-print").inner_text())
    return screen, printed


def test_safety_advice_is_only_what_the_therapist_chose(page: Page) -> None:
    """No condition in the link: general advice, nothing picked, the link left as it is."""
    fragment = link_of(BACK)
    page.goto(BUILDER + fragment)
    expect(page.locator(".patient-exercise")).to_have_count(len(BACK))
    screen, printed = safety_texts(page)
    assert page.locator(".patient-view .facts a").count() == 0
    assert "No condition was chosen" in screen and "No condition was chosen" in printed
    for condition in CATALOG.conditions:
        for flag in condition.red_flags.emergency:
            assert squash(flag) not in screen
    assert page.evaluate("location.hash") == fragment
    for exercise_id in BACK:
        for line in EXERCISE[exercise_id].stop_if:
            assert squash(line) in printed
    # The therapist chooses: the boxes on screen and paper follow, lines merged, with a phone.
    edit_from_patient_view(page)
    suggested = page.locator(".builder-conditions label", has_text="(suggested)")
    expect(suggested).to_have_count(1)
    assert page.locator(".builder-conditions input:checked").count() == 0
    page.get_by_label(OTHER.name, exact=True).check()
    editor_box = squash(page.locator(".builder-safety").inner_text())
    page.get_by_role("button", name="Show the patient's view").click()
    screen, printed = safety_texts(page)
    for flag in (OTHER.handout or OTHER.red_flags).emergency:
        assert squash(flag) in screen and squash(flag) in printed and squash(flag) in editor_box
    assert f"c={OTHER.id}" in page.evaluate("location.hash")
    items = page.locator(".patient-view .programme-safety li").all_inner_texts()
    assert len(items) == len(set(items))
    phone = page.locator(".patient-view .programme-safety a[href^='tel:']")
    expect(phone).to_have_count(1)
    assert page.locator(".programme-sheet .safety-print li").count() == len(items)


def test_sharing_without_a_condition_asks_first(page: Page) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    editor(page)
    add(page, TIMED.id)
    page.get_by_role("button", name="Copy link").click()
    ask = page.locator(".builder-ask")
    expect(ask).to_contain_text("No condition is chosen")
    expect(page.locator(".builder-status")).to_have_text("")
    page.get_by_role("button", name="Choose what it is for").click()
    expect(page.locator(".builder-conditions input").first).to_be_focused()
    page.get_by_role("button", name="Copy link").click()
    share_with_general_advice(page)
    expect(page.locator(".builder-status")).to_have_text("Link copied.")
    assert "c=" not in page.evaluate("location.hash")


def test_in_page_links_and_reloads_keep_the_programme(page: Page) -> None:
    fragment = "#v1;t=Old+link;" + ";".join(f"e={i},1,r10,,d1,0" for i in BACK[:2])
    page.goto(BUILDER + fragment)
    expect(page.locator(".patient-exercise")).to_have_count(2)
    assert page.evaluate("location.hash") == fragment  # an old link is never rewritten
    skip = page.locator("a.md-skip")
    skip.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#patient-title")).to_be_focused()
    assert page.evaluate("location.hash") == fragment
    page.reload()
    expect(page.locator(".patient-exercise")).to_have_count(2)
    expect(page.get_by_role("heading", level=1)).to_have_text("Old link")


def test_a_long_old_link_opens_with_what_can_be_kept(page: Page) -> None:
    """Links made before the length cap (3,000 bytes and more) open; the sheet has no QR code
    that would print below 0.35 mm a module, but a short address to type."""
    note = "Gr%C3%BC%C3%9Fe+" * 24
    fragment = "#v1;t=Old+long+link;" + ";".join(
        f"e={e.id},2,r10,,d1,0,{note}" for e in CATALOG.exercises[:8]
    )
    assert len(fragment) > 2953  # more than any QR code holds
    page.goto(BUILDER + fragment)
    expect(page.locator(".patient-exercise")).to_have_count(8)
    messages = page.locator(".builder-messages").inner_text()
    assert "longer than the builder makes now" in messages
    assert "Check your connection" not in page.locator("body").inner_text()
    assert page.locator(".programme-sheet .qr-code").count() == 0
    address = page.locator(".programme-sheet .sheet-address").inner_text()
    assert 0 < len(address) < 60 and "#" not in address
    assert page.evaluate("location.hash") == fragment


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
    share_with_general_advice(page)
    page.emulate_media(media="print")
    qr = page.locator(".programme-sheet .qr-code")
    width_mm = qr.evaluate("el => el.getBoundingClientRect().width") * 25.4 / 96
    modules = int(qr.get_attribute("data-modules") or 0) + 8
    assert 22 <= width_mm <= LIMITS["qr"]["max_mm"] and width_mm / modules >= 0.35 - 1e-6
    png = qr.screenshot(scale="device")
    image = Image.open(BytesIO(png)).convert("L").resize((1200, 1200), Image.NEAREST)
    decoded = zxingcpp.read_barcodes(image)
    assert [code.text for code in decoded] == [url]
    pages = pdf_pages(page.pdf(format="A4"))
    assert "Stop and seek help" in pages[0] and "No condition was chosen" in pages[0]


def test_hostile_links_never_crash_or_lose_valid_content(page: Page) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    unknown = ";".join(f"e=nope-{i}" for i in range(10_000))
    for fragment, kept in [
        ("#v2;t=" + "%F0%9F%98%80" * 3 + f"%F0%9F;e={REPS.id},2,r10,30,w3,0,Slow%ZZly", "😀😀😀"),
        (f"#v2;t=Mine;{unknown};e={TIMED.id},1,m10,,d1,0", "Mine"),
        (f"#v2;t=Big;e={TIMED.id},1,m10,,d1,0;" + "x" * 2_000_000, "Big"),
        (f"#v1;t=Old+link;e={REPS.id},2,r10,30,w3,0,kept", "Old link"),
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
    editor(page, link_of([REPS.id, TIMED.id]))
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
    assert f"{REPS.id},4,r10," in page.url
    expect(page.locator(".programme-sheet .dosage").first).to_contain_text("4 sets of 10")
    expect(page.get_by_role("status").first).to_contain_text(f"{REPS.name}: 4 sets")
    # Switching between repetitions and a hold keeps the numbers.
    kind.select_option("hold")
    expect(page.locator(".builder-item").nth(0).get_by_label("Hold (seconds)")).to_have_value("10")
    expect(page.locator(".builder-item").nth(0).get_by_label("Each set is")).to_be_focused()
    page.locator(".builder-item").nth(0).get_by_label("Each set is").select_option("reps")
    expect(page.locator(".builder-item").nth(0).get_by_label("Repetitions")).to_have_value("10")


def test_builder_conveniences(page: Page) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    editor(page)
    add(page, TIMED.id)
    add(page, TIMED.id)
    expect(page.locator(".builder-notice")).to_contain_text("already number 1")
    page.get_by_role("button", name="Copy link").click()
    share_with_general_advice(page)
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


def test_calendar_file_from_the_builder_follows_each_exercise(page: Page) -> None:
    """One story: the headline, the events and the log follow each exercise's own days; the
    file keeps one id per programme, however often it is downloaded."""
    fragment = f"#v2;t=Back;s=2026-12-09;f=d1;k=5;e={REPS.id},2,r10,30,w3,0"
    fragment += f";e={TIMED.id},1,m10,,d2,0;e={THIRD.id},1,r10,,w5,0"
    page.goto(BUILDER + fragment)
    expect(page.locator(".patient-view .facts")).to_contain_text("as given for each exercise")
    files = []
    for _ in range(2):
        with page.expect_download() as download_info:
            page.get_by_role("button", name="Add reminders to your calendar").first.click()
        files.append(Calendar.from_ical(download_info.value.path().read_bytes()))
    uids = [sorted(str(e["uid"]) for e in f.walk("VEVENT")) for f in files]
    assert uids[0] == uids[1] and len(set(uids[0])) == 4
    start = dt.date(2026, 12, 9)  # a Wednesday
    for event in files[0].walk("VEVENT"):
        first = event.decoded("dtstart")
        dates = list(rrulestr(event["rrule"].to_ical().decode(), dtstart=first))
        description = str(event["description"])
        assert first.date() >= start and dates[-1].date() < start + dt.timedelta(weeks=5, days=3)
        if REPS.name in description:
            assert len(dates) == 15 and TIMED.name not in description
        elif TIMED.name in description:
            assert len(dates) == 35 and REPS.name not in description
        else:  # 5 days a week: the work days
            assert THIRD.name in description and len(dates) == 25
            assert {d.weekday() for d in dates} == {0, 1, 2, 3, 4}
    # The tick grid has a box for each session of the busiest day.
    assert (
        page.locator(".programme-sheet .tracker-grid tbody tr").first.locator(".tick").count() == 14
    )


def test_printed_sheet_is_rebuilt_on_every_change(page: Page) -> None:
    editor(page, link_of([REPS.id]))
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
    share_with_general_advice(page)
    page.emulate_media(media="print")
    page.pdf(format="Letter")
    assert requests and all(r.url.startswith(base_url) for r in requests)


def test_works_offline_once_loaded(page: Page) -> None:
    editor(page)
    page.context.set_offline(True)
    add(page, REPS.id)
    add(page, TIMED.id)
    assert programme(page) == [REPS.name, TIMED.name]
    assert page.locator(".programme-sheet .qr-code").count() == 1
    page.get_by_role("button", name="Show the patient's view").click()
    share_with_general_advice(page)
    expect(page.locator(".patient-exercise")).to_have_count(2)
    page.context.set_offline(False)


def test_a_missing_catalog_gives_a_clear_message(page: Page) -> None:
    page.route("**/api/catalog.json", lambda route: route.abort())
    page.goto(BUILDER)
    expect(page.get_by_role("alert")).to_contain_text("could not be loaded")


def test_large_print_of_a_programme(page: Page) -> None:
    page.goto(BUILDER + link_of(BACK, f";c={OTHER.id}"))
    expect(page.locator(".patient-exercise")).to_have_count(len(BACK))
    page.evaluate("document.documentElement.classList.add('print-large')")
    pages = pdf_pages(page.pdf(format="Letter"))
    # The safety box first (the emergency signs on sheet 1), then two exercises a sheet.
    first = f"1. {EXERCISE[BACK[0]].name}"
    assert "Seek emergency care now" in pages[0] and first not in pages[0]
    for flag in (OTHER.handout or OTHER.red_flags).emergency:
        assert squash(flag) in pages[0]
    box = next(i for i, text in enumerate(pages) if first in text)
    assert len(pages) == box + (len(BACK) + 1) // 2 + 1
    for number, exercise_id in enumerate(BACK, 1):
        assert f"{number}. {EXERCISE[exercise_id].name}" in pages[box + (number - 1) // 2]
    assert pages[-1].startswith("My weeks")


def active_option(page: Page) -> str:
    """The exercise id of the results' active option (aria-activedescendant)."""
    active = page.locator("#builder-results").get_attribute("aria-activedescendant") or ""
    return active.removeprefix("result-")


def test_results_are_one_keyboard_list(page: Page) -> None:
    """One list box, one Tab stop: Down from the search box into the list, which keeps focus;
    Up and Down move the active option, Enter adds it; Enter in the search box adds the active
    (first) match and keeps focus there; after "Use this routine" the title is next."""

    def haystack(e: object) -> str:
        return " ".join([e.name, *e.also_known_as, e.summary]).lower()  # type: ignore[attr-defined]

    unique = next(
        e
        for e in CATALOG.exercises
        if sum(all(w in haystack(o) for w in e.name.lower().split()) for o in CATALOG.exercises)
        == 1
    )
    editor(page)
    expect(page.get_by_label("Title for the patient")).to_be_focused()
    results = page.get_by_role("listbox", name="Matching exercises")
    expect(results.get_by_role("option")).to_have_count(len(CATALOG.exercises))
    expect(page.locator(".builder-results button")).to_have_count(0)  # no Tab stop per exercise
    search = page.get_by_label("Search by name")
    search.fill(unique.name.lower())
    expect(results.get_by_role("option")).to_have_count(1)
    search.press("Enter")
    assert programme(page) == [unique.name]
    expect(search).to_be_focused()
    search.fill("")
    names = page.locator(".builder-result-name").all_inner_texts()
    search.press("ArrowDown")
    expect(results).to_be_focused()
    page.keyboard.press("Home")
    page.keyboard.press("ArrowDown")
    assert active_option(page) == next(e.id for e in CATALOG.exercises if e.name == names[1])
    page.keyboard.press("Enter")
    assert programme(page) == [unique.name, names[1]]
    expect(results).to_be_focused()
    page.keyboard.press("Home")
    page.keyboard.press("ArrowUp")
    expect(search).to_be_focused()
    page.get_by_label("Routine", exact=True).select_option(CATALOG.routines[0].id)
    page.get_by_role("button", name="Use this routine").click()
    expect(page.get_by_label("Title for the patient")).to_be_focused()


class Keys:
    """The keyboard, counted: every key press and every typed character."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.presses = 0
        self.typed = 0

    def press(self, key: str, times: int = 1) -> None:
        for _ in range(times):
            self.page.keyboard.press(key)
            self.presses += 1

    def type_note(self, text: str) -> None:
        """Free text the therapist writes (a title, a note): counted apart."""
        self.page.keyboard.type(text)
        self.typed += len(text)

    def focused(self) -> str:
        return str(
            self.page.evaluate("document.activeElement.id || document.activeElement.tagName")
        )


def unique_prefix(name: str, others: list[str]) -> int:
    """Letters of `name` (lower case) needed before no other name starts the same way."""
    name = name.lower()
    for letters in range(1, len(name) + 1):
        if not any(o.lower().startswith(name[:letters]) for o in others if o != name):
            return letters
    return len(name)


# Tab stops from the title to the conditions, and from the conditions to the search box (the
# builder's own fields, the same for every catalog).
TAB_BUDGET = 11


def test_a_typical_programme_takes_few_keystrokes(page: Page) -> None:
    """Keyboard only, from an empty builder: a title, a condition, five exercises each found by
    typing the first letters of its name (as few as bring it to the top), as a therapist would.

    The count depends on the catalog's names, so it is held to what the names allow: at most
    TAB_BUDGET Tabs, a first letter for each condition before the wanted one that shares it,
    and for each exercise no more letters than make its name unique among the exercises'
    names (then Enter)."""
    condition = FOR_BACK
    editor(page)
    keys = Keys(page)
    keys.type_note("Your back programme")
    tabs = 0
    for _ in range(20):  # Tab to the conditions (one Tab stop)
        keys.press("Tab")
        tabs += 1
        if keys.focused().startswith("condition-"):
            break
    jumps = 0
    for _ in range(len(CATALOG.conditions)):  # letters jump to the next name starting with one
        if keys.focused() == f"condition-{condition.id}":
            break
        keys.press(condition.name[0])
        jumps += 1
    keys.press("Space")
    for _ in range(20):
        if page.evaluate("document.activeElement.getAttribute('role')") == "combobox":
            break
        keys.press("Tab")
        tabs += 1
    names = [exercise.name for exercise in CATALOG.exercises]
    allowed_letters = 0
    for exercise_id in BACK:
        name = EXERCISE[exercise_id].name.lower()
        allowed_letters += unique_prefix(name, names)
        for letters in range(1, len(name) + 1):
            keys.press(name[letters - 1] if name[letters - 1] != " " else "Space")
            if active_option(page) == exercise_id:
                break
        keys.press("Enter")
    assert programme(page) == [EXERCISE[i].name for i in BACK]
    assert page.locator(f"#condition-{condition.id}").is_checked()
    assert page.get_by_label("Title for the patient").input_value() == "Your back programme"
    print(f"keystrokes: {keys.presses} plus {keys.typed} typed")
    assert tabs <= TAB_BUDGET, tabs
    initial = condition.name[0].lower()
    same_letter = [c for c in CATALOG.conditions if c.name[0].lower() == initial]
    assert jumps <= len(same_letter), jumps
    letters = keys.presses - tabs - jumps - 1 - len(BACK)  # less the Space and the Enters
    assert letters <= allowed_letters, (letters, allowed_letters)


CLS_SCRIPT = """
window.__cls = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
}).observe({ type: "layout-shift", buffered: true });
"""


def test_the_builder_does_not_shift_as_it_loads_on_a_phone(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, base_url=base_url)
    page = context.new_page()
    page.add_init_script(CLS_SCRIPT)
    page.goto(BUILDER, wait_until="load")
    expect(page.locator(".builder-editor")).to_be_visible()
    page.wait_for_timeout(1500)
    cls = float(page.evaluate("window.__cls"))
    context.close()
    print(f"CLS {cls:.3f}")
    assert cls < 0.1, cls
