"""Printed sheets, read back from the PDF Chromium makes, with the shipped typeface and with it
blocked (the fallback: DejaVu Sans on a fresh Debian machine), in A4 and US Letter.

Routines: the safety box whole on sheet 1; up to six exercises on one sheet; the weekly log
never split (on a sheet of its own for a long routine, or when longer wording leaves no room);
large print 16 pt, pictures at least 45 mm, two exercises a sheet.
Exercise pages: one sheet each.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page
from pypdf import PdfReader

from generator.catalog.addresses import page_uri, page_url
from generator.catalog.limits import tracker_layout
from generator.catalog.load import load_catalog
from generator.catalog.model import Routine
from generator.catalog.relations import Relations
from generator.pages.dosage import describe_dosage, sessions_by_weekday
from tests.conftest import PROJECT, build, make_project, pick, project_settings

CATALOG = load_catalog(PROJECT / "exercises.yaml")
SITE = project_settings()
CLINIC = SITE.clinic
# The top line of every printed sheet: the clinic's name and phone, as written in its settings.
SHEET_HEAD = CLINIC.name + (f" · Phone {CLINIC.phone}" if CLINIC.phone else "")
RELATIONS = Relations(CATALOG)
PAPERS = ["A4", "Letter"]
FONTS = ["shipped", "fallback"]
MM = 96 / 25.4  # CSS pixels per millimetre
(ROUTINE,) = pick(CATALOG.routines, lambda _: True, "a routine")


def squash(text: str) -> str:
    """Text as a reader sees it: ligatures (fi, fl) as letters, one space between words, and a
    word broken after its hyphen at the end of a line (`worst-` / `ever`) whole again."""
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()
    return re.sub(r"(?<=\w)- (?=\w)", "-", text)


def sheets(pdf: bytes) -> list[str]:
    """The text of each printed page."""
    return [squash(page.extract_text() or "") for page in PdfReader(BytesIO(pdf)).pages]


def run_in(text: str) -> str:
    """A safety-box line as compared with a sheet's text (`compact`): no full stop, lower
    case, no white space (a line may break anywhere, after "worst-" say)."""
    return compact(squash(text).rstrip(".").lower())


def compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture
def typeset(browser: Browser, base_url: str, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A page whose web fonts load (`shipped`) or are refused (`fallback`)."""
    context = browser.new_context(base_url=base_url)
    if request.param == "fallback":
        context.route("**/*.woff2", lambda route: route.abort())
    page = context.new_page()
    yield page
    context.close()


def open_for_print(page: Page, path: str, *, large: bool = False) -> None:
    page.goto(path)
    page.evaluate("document.fonts.ready")
    page.evaluate(f"document.documentElement.classList.toggle('print-large', {str(large).lower()})")


def uses_shipped_font(page: Page) -> bool:
    return bool(page.evaluate("document.fonts.check('12pt \"Atkinson Hyperlegible\"')"))


LOG_HEADER = "Week Mon Tue Wed Thu Fri Sat Sun Pain 0-10"


def expected_sheets(routine: Routine, *, log_alone: bool) -> set[int]:
    """Up to six exercises: one sheet; up to eight: two at most. The log goes on a sheet of its
    own when the routine is long (over 12 weeks), or when longer wording (a clinic's name and
    emergency line, a translation) leaves no room for it under the exercises: one more."""
    exercises = {1} if len(routine.items) <= 6 else {1, 2}
    return {n + (1 if routine.duration_weeks > 12 or log_alone else 0) for n in exercises}


def log_sheet(pages: list[str], routine: Routine) -> tuple[int, bool]:
    """The sheet that holds the whole weekly log (never split: every grid on it), and whether it
    holds the log alone (no exercise on it)."""
    holding = [number for number, page in enumerate(pages) if "My weeks" in page]
    assert len(holding) == 1, f"the log's heading is on sheets {holding}"
    sheet = pages[holding[0]]
    assert sum(page.count(LOG_HEADER) for page in pages) == sheet.count(LOG_HEADER), (
        "the weekly log is split across sheets"
    )
    assert sheet.count(LOG_HEADER) == tracker_layout(routine.duration_weeks)[0]
    names = [RELATIONS.exercise[item.exercise].name for item in routine.items]
    headings = [f"{number}. {name}" for number, name in enumerate(names, 1)]
    return holding[0], not any(heading in sheet for heading in headings)


def emergency_lines(routine: Routine) -> list[str]:
    """The emergency signs the routine's sheet prints."""
    if routine.handout is not None:
        return list(routine.handout.emergency)
    return RELATIONS.sheet_flags(RELATIONS.conditions_for_routine(routine.id), "emergency")


def safety_lines(routine: Routine) -> list[str]:
    sheet = routine.handout
    if sheet is not None:
        return [*sheet.stop_if, *sheet.emergency, *sheet.urgent, *sheet.soon]
    conditions = RELATIONS.conditions_for_routine(routine.id)
    tiers = ("emergency", "urgent", "soon")
    return RELATIONS.routine_stop_if(routine) + [
        line for tier in tiers for line in RELATIONS.sheet_flags(conditions, tier)
    ]


# With the shipped typeface, every routine runs again on a rebranded clinic (marked `clinic`).
@pytest.mark.parametrize(
    "typeset", [pytest.param("shipped", marks=pytest.mark.clinic), "fallback"], indirect=True
)
@pytest.mark.parametrize("routine", CATALOG.routines, ids=lambda r: r.id)
def test_routine_sheet_keeps_the_safety_box_on_sheet_one(
    typeset: Page, routine: Routine, request: pytest.FixtureRequest
) -> None:
    open_for_print(typeset, f"/routines/{routine.id}/")
    assert uses_shipped_font(typeset) == (request.node.callspec.params["typeset"] == "shipped")
    assert tracker_weeks(typeset) == list(range(1, routine.duration_weeks + 1))
    first_row = typeset.locator(".tracker-grid tbody tr").first
    # A box for each session of each day's busiest exercise (each keeps its own frequency;
    # none at the weekend when every exercise is for work days only).
    dosages = [RELATIONS.item_dosage(item) for item in routine.items]
    assert first_row.locator(".tick").count() == sum(sessions_by_weekday(dosages))
    for paper in PAPERS:
        check_routine_sheet(typeset.pdf(format=paper, print_background=True), routine)


def check_routine_sheet(pdf: bytes, routine: Routine) -> None:
    """One routine's printed sheet, read back: what must be where."""
    pages = sheets(pdf)
    first = pages[0]
    # The clinic, lines to fill in, then the whole safety box: all on sheet 1.
    assert first.startswith(squash(SHEET_HEAD)), first[:120]
    for label in ("Name", "Therapist", "Start date"):
        assert label in first
    assert "Stop and seek help" in first
    assert squash(f"Seek emergency care now ({CLINIC.care.emergency})") in first
    for line in safety_lines(routine):
        assert run_in(line) in compact(first.lower()), line
    text = " ".join(pages)
    for number, item in enumerate(routine.items, 1):
        exercise = RELATIONS.exercise[item.exercise]
        assert f"{number}. {exercise.name}" in text
        assert describe_dosage(RELATIONS.item_dosage(item)) in text
        for step in exercise.short_steps:
            assert squash(step) in text
    assert LOG_HEADER in text
    if SITE.site_url:
        assert page_url(SITE.site_url, page_uri("routine", routine.id)) in text
    for chrome in ("Table of contents", "Search", "Read the disclaimer", "Print this routine"):
        assert chrome not in text
    # Last, so that a sheet too many never hides a missing safety line.
    _, log_alone = log_sheet(pages, routine)
    sheets_allowed = expected_sheets(routine, log_alone=log_alone)
    assert len(pages) in sheets_allowed, f"too many sheets: {len(pages)}"


def tracker_weeks(page: Page) -> list[int]:
    cells = page.locator(".tracker-grid tbody th").all_inner_texts()
    return [int(cell) for cell in cells]


# Large print: every routine in the narrower paper with the fallback font, and in A4 as shipped.
@pytest.mark.parametrize(
    ("typeset", "paper"), [("fallback", "Letter"), ("shipped", "A4")], indirect=["typeset"]
)
@pytest.mark.parametrize("routine", CATALOG.routines, ids=lambda r: r.id)
def test_large_print_two_exercises_a_sheet(typeset: Page, routine: Routine, paper: str) -> None:
    open_for_print(typeset, f"/routines/{routine.id}/", large=True)
    pages = sheets(typeset.pdf(format=paper, print_background=True))
    exercise_sheets = math.ceil(len(routine.items) / 2)
    # The emergency signs always on sheet 1; a long box may go on to sheet 2 (the exercises
    # then start a sheet later): what gives is the exercises, never the emergency advice.
    assert "Seek emergency care now" in pages[0]
    for line in emergency_lines(routine):
        assert run_in(line) in compact(pages[0].lower()), line
    box_sheets = (
        1 if all(run_in(x) in compact(pages[0].lower()) for x in safety_lines(routine)) else 2
    )
    before_exercises = compact(" ".join(pages[:box_sheets]).lower())
    for line in safety_lines(routine):
        assert run_in(line) in before_exercises, line
    assert len(pages) == box_sheets + exercise_sheets + 1  # safety, exercises, log
    names = [RELATIONS.exercise[item.exercise].name for item in routine.items]
    for index, name in enumerate(names):
        sheet = pages[box_sheets + index // 2]
        assert f"{index + 1}. {name}" in sheet
    for sheet in pages[1:-1]:
        assert len(re.findall(r"(?:^| )\d\. [A-Z]", sheet)) <= 2
    assert "My weeks" in pages[-1]


def test_large_print_sizes(page: Page) -> None:
    open_for_print(page, f"/routines/{ROUTINE.id}/", large=True)
    page.emulate_media(media="print")
    for selector in (".routine-item li", ".dosage", ".safety-print p"):
        size = page.eval_on_selector(selector, "el => parseFloat(getComputedStyle(el).fontSize)")
        assert size >= 16 * 96 / 72 - 0.01, selector  # 16 pt
    widths = page.eval_on_selector_all(
        ".routine-figure", "els => els.map(el => el.getBoundingClientRect().width)"
    )
    assert widths and min(widths) >= 45 * MM


def test_standard_print_uses_twelve_point_steps_and_hides_chrome(page: Page) -> None:
    page.goto(f"/routines/{ROUTINE.id}/")
    page.emulate_media(media="print")
    size = page.eval_on_selector(".routine-item li", "el => getComputedStyle(el).fontSize")
    assert float(size.removesuffix("px")) >= 16  # 12 pt = 16 px
    for selector in (".md-header", ".md-footer", ".md-sidebar", ".print-button"):
        assert not page.locator(selector).first.is_visible()
    assert page.locator(".qr-code").is_visible()


@pytest.mark.parametrize(
    ("name", "large"), [("Print this routine", False), ("Print in large print", True)]
)
def test_print_buttons_choose_the_size(page: Page, name: str, large: bool) -> None:
    page.goto(f"/routines/{ROUTINE.id}/")
    page.evaluate(
        "window.print = () => { window.__printed = document.documentElement.classList"
        ".contains('print-large') ? 'large' : 'standard' }"
    )
    page.get_by_role("button", name=name).click()
    page.wait_for_function("window.__printed !== undefined")
    assert page.evaluate("window.__printed") == ("large" if large else "standard")
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert not page.evaluate("document.documentElement.classList.contains('print-large')")


# Every exercise in the narrower paper with the wider fallback font (the harder case), and every
# fifth in A4 as shipped (that one also on a rebranded clinic: marked `clinic`).
@pytest.mark.parametrize(
    ("typeset", "paper", "step"),
    [("fallback", "Letter", 1), pytest.param("shipped", "A4", 5, marks=pytest.mark.clinic)],
    indirect=["typeset"],
)
def test_every_exercise_prints_on_one_sheet(typeset: Page, paper: str, step: int) -> None:
    for exercise in CATALOG.exercises[::step]:
        open_for_print(typeset, f"/exercises/{exercise.id}/")
        pages = sheets(typeset.pdf(format=paper, print_background=True))
        assert len(pages) == 1, exercise.id
        text = pages[0]
        assert text.startswith(squash(SHEET_HEAD)), (exercise.id, text[:120])
        assert describe_dosage(exercise.dosage) in text, exercise.id
        for part in (*exercise.steps, *exercise.feel, *exercise.stop_if):
            assert squash(part) in text, (exercise.id, part)
        call = f"Call {CLINIC.name}" + (f" on {CLINIC.phone}" if CLINIC.phone else "")
        assert squash(call) in text, exercise.id
        for screen_only in ("Common mistakes", "Easier and harder", "Print this exercise"):
            assert screen_only not in text, exercise.id


def test_exercise_print_button(page: Page) -> None:
    (exercise,) = pick(CATALOG.exercises, lambda _: True, "an exercise")
    page.goto(f"/exercises/{exercise.id}/")
    page.evaluate("window.print = () => { window.__printed = true }")
    page.get_by_role("button", name="Print this exercise").click()
    page.wait_for_function("window.__printed === true")


EIGHT = """
  - id: eight-exercises
    name: Eight exercise routine
    for: [{condition}]
    summary: A longer routine, to check that eight exercises print on two pages.
    when: For testing the print layout.
    frequency: {{days_per_week: 3}}
    duration_weeks: {weeks}
    items:
{items}
    progress: Keep going.
    reviewed: {{by: Test, date: 2026-11-20}}
"""


@pytest.mark.parametrize("weeks", [8, 20])
def test_eight_exercises_print_on_at_most_two_sheets(
    browser: Browser, tmp_path: Path, weeks: int
) -> None:
    chosen = [e.id for e in CATALOG.exercises[:8]]
    items = "\n".join(f"      - exercise: {exercise_id}" for exercise_id in chosen)
    project = make_project(tmp_path)
    catalog = project / "exercises.yaml"
    (condition,) = pick(CATALOG.conditions, lambda _: True, "a condition")
    extra = EIGHT.format(items=items, weeks=weeks, condition=condition.id)
    catalog.write_text(catalog.read_text(encoding="utf-8") + extra, encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr
    context = browser.new_context()
    context.route("**/*.woff2", lambda route: route.abort())
    page = context.new_page()
    page.goto((project / "site" / "routines" / "eight-exercises" / "index.html").as_uri())
    for paper in PAPERS:
        pages = sheets(page.pdf(format=paper, print_background=True))
        exercise_pages = pages[:-1] if weeks > 12 else pages
        assert 1 <= len(exercise_pages) <= 2, paper
        assert "Seek emergency care now" in pages[0]
        text = " ".join(exercise_pages)
        for number, exercise_id in enumerate(chosen, 1):
            assert f"{number}. {RELATIONS.exercise[exercise_id].name}" in text
        if weeks > 12:  # the log has a sheet of its own, with nothing else on it
            assert pages[-1].startswith("My weeks")
            assert "My weeks" not in text and "1. " not in pages[-1]
    context.close()
