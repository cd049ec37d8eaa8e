"""Printed routines: one sheet for up to six exercises, nothing cut off, no site chrome."""

from __future__ import annotations

import re
from io import BytesIO
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page
from pypdf import PdfReader

from generator.dosage import describe_dosage
from generator.load import load_catalog
from generator.relations import Relations
from tests.conftest import ROOT
from tests.test_build import build, make_project

CATALOG = load_catalog(ROOT / "exercises.yaml")
RELATIONS = Relations(CATALOG)


def pdf_text(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(BytesIO(pdf))
    text = " ".join(page.extract_text() or "" for page in reader.pages)
    return len(reader.pages), re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("routine", CATALOG.routines, ids=lambda r: r.id)
def test_every_routine_prints_on_one_sheet_without_losing_text(
    page: Page, routine: object, paper: str, tmp_path: Path
) -> None:
    from generator.model import Routine

    assert isinstance(routine, Routine)
    page.goto(f"/routines/{routine.id}/")
    pages, text = pdf_text(page.pdf(format=paper, print_background=True))
    assert pages == (1 if len(routine.items) <= 6 else 2)
    for number, item in enumerate(routine.items, 1):
        exercise = RELATIONS.exercise[item.exercise]
        assert f"{number}. {exercise.name}" in text
        assert describe_dosage(RELATIONS.item_dosage(item)) in text
        for step in exercise.short_steps:
            assert " ".join(step.split()) in text
    assert "Stop and seek help" in text and "Seek emergency care now" in text
    assert "020 7946 0000" in text
    assert f"https://example.org/routines/{routine.id}/" in text
    assert "Mon Tue Wed Thu Fri Sat Sun" in text and "Pain 0-10" in text
    for chrome in ("Table of contents", "Search", "Read the disclaimer", "Print this routine"):
        assert chrome not in text


def test_print_uses_twelve_point_text_and_hides_chrome(page: Page) -> None:
    page.goto("/routines/neck-routine/")
    page.emulate_media(media="print")
    size = page.eval_on_selector(".routine-item li", "el => getComputedStyle(el).fontSize")
    assert float(size.removesuffix("px")) >= 16  # 12 pt = 16 px
    for selector in (".md-header", ".md-footer", ".md-sidebar", ".print-button"):
        assert not page.locator(selector).first.is_visible()
    assert page.locator(".qr-code").is_visible()


def test_print_button_on_screen(page: Page) -> None:
    page.goto("/routines/neck-routine/")
    button = page.get_by_role("button", name="Print this routine")
    assert button.is_visible()
    page.evaluate("window.print = () => { window.__printed = true }")
    button.click()
    assert page.evaluate("window.__printed") is True


EIGHT = """
  - id: eight-exercises
    name: Eight exercise routine
    for: [chronic-low-back-pain]
    summary: A longer routine, to check that eight exercises print on two pages.
    when: For testing the print layout.
    frequency: {{days_per_week: 3}}
    duration_weeks: 4
    items:
{items}
    progress: Keep going.
    reviewed: {{by: Test, date: 2026-11-20}}
"""


def test_eight_exercises_print_on_two_pages(browser: Browser, tmp_path: Path) -> None:
    chosen = [e.id for e in CATALOG.exercises[:8]]
    items = "\n".join(f"      - exercise: {exercise_id}" for exercise_id in chosen)
    project = make_project(tmp_path)
    catalog = project / "exercises.yaml"
    catalog.write_text(catalog.read_text(encoding="utf-8") + EIGHT.format(items=items))
    result = build(project)
    assert result.returncode == 0, result.stderr
    page = browser.new_page()
    page.goto((project / "site" / "routines" / "eight-exercises" / "index.html").as_uri())
    for paper in ("A4", "Letter"):
        pages, text = pdf_text(page.pdf(format=paper, print_background=True))
        assert pages == 2, paper
        for number, exercise_id in enumerate(chosen, 1):
            assert f"{number}. {RELATIONS.exercise[exercise_id].name}" in text
    page.close()
