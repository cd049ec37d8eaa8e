"""The routine builder, driven as a therapist would, with the programme only in the URL."""

from __future__ import annotations

import re
from io import BytesIO

from playwright.sync_api import Browser, Page, Request, expect
from pypdf import PdfReader

from generator.dosage import describe_dosage
from generator.load import load_catalog
from tests.conftest import ROOT

CATALOG = load_catalog(ROOT / "exercises.yaml")
BUILDER = "/routines/builder/"


def programme(page: Page) -> list[str]:
    return page.locator(".builder-item h3").all_inner_texts()


def dosage_lines(page: Page) -> list[str]:
    return page.locator(".builder-item .dosage").all_inner_texts()


def build_three(page: Page) -> None:
    page.goto(BUILDER)
    page.get_by_label("Search by name").fill("bird")
    page.get_by_role("button", name="Add Bird dog").click()
    page.get_by_label("Search by name").fill("")
    page.get_by_label("Body area").select_option("neck")
    page.get_by_role("button", name="Add Chin tuck", exact=True).click()
    page.get_by_label("Body area").select_option("")
    page.get_by_role("button", name="Add Walking").click()
    bird = page.locator(".builder-item").nth(0)
    bird.get_by_label("Sets", exact=True).fill("3")
    bird.get_by_label("Sets", exact=True).press("Tab")
    bird = page.locator(".builder-item").nth(0)
    bird.get_by_label("Repetitions", exact=True).fill("6")
    bird.get_by_label("Repetitions", exact=True).press("Tab")
    page.locator(".builder-item").nth(0).get_by_label("Note for Bird dog").fill(
        "Go slowly <b>now</b>"
    )
    page.locator(".builder-item").nth(0).get_by_label("Note for Bird dog").press("Tab")
    page.get_by_role("button", name="Move Walking up").click()
    page.get_by_label("Title for the patient").fill("Your back routine")
    page.get_by_label("Title for the patient").press("Tab")


def test_build_reorder_reload_and_reopen_the_link(
    browser: Browser, page: Page, base_url: str
) -> None:
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(base_url) else None)
    build_three(page)
    assert programme(page) == ["Bird dog", "Walking", "Chin tuck"]
    assert dosage_lines(page)[0].startswith("3 sets of 6 repetitions on each side;")
    url = page.url
    assert "#v1;" in url and "bird-dog,3,r6," in url
    assert page.get_by_label("Link to this routine").input_value() == url

    page.reload()
    expect(page.locator(".builder-item")).to_have_count(3)
    assert programme(page) == ["Bird dog", "Walking", "Chin tuck"]
    assert page.get_by_label("Title for the patient").input_value() == "Your back routine"
    assert page.locator(".builder-item").nth(0).get_by_label("Note for Bird dog").input_value() == (
        "Go slowly <b>now</b>"
    )

    fresh = browser.new_context()
    other = fresh.new_page()
    other.goto(url)
    expect(other.locator(".builder-item")).to_have_count(3)
    assert programme(other) == programme(page)
    assert dosage_lines(other) == dosage_lines(page)
    assert other.url == url
    fresh.close()

    pdf = page.pdf(format="A4")
    reader = PdfReader(BytesIO(pdf))
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in reader.pages))
    assert len(reader.pages) == 1
    assert "Your back routine" in text
    assert "1. Bird dog" in text and "2. Walking" in text and "3. Chin tuck" in text
    assert "Go slowly <b>now</b>" in text
    assert "Find exercises" not in text and "Build a home routine" not in text
    assert outside == []


def test_results_and_handout_show_each_exercise_figure(page: Page) -> None:
    build_three(page)
    thumb = page.locator(".builder-results li", has_text="Bird dog").locator("img.thumb")
    expect(thumb).to_have_attribute("src", re.compile(r"figures/small/bird-dog\.svg$"))
    figures = page.locator(".handout .routine-figure")
    expect(figures).to_have_count(3)
    bird = figures.nth(0)
    expect(bird).to_have_attribute("src", re.compile(r"figures/bird-dog\.svg$"))
    expect(bird).to_have_attribute("alt", re.compile(r"opposite leg back"))
    loaded = bird.evaluate("img => img.complete && img.naturalWidth > 0")
    assert loaded


def test_the_note_is_text_not_html(page: Page) -> None:
    build_three(page)
    assert page.locator(".handout b").count() == 0


def test_garbled_link_keeps_what_is_valid(page: Page) -> None:
    page.goto(
        BUILDER + "#v1;t=Mine;e=bird-dog,2,r10,30,w3,0,;e=no-such-thing,1,r5,,d1,0,;"
        "e=walking,99,m10,,w5,0,;e=chin-tuck,1,x,,,0,;%E0%A4%A"
    )
    expect(page.locator(".builder-item")).to_have_count(3)
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("not on this site")
    expect(alert).to_contain_text('The amount for "Walking" in the link was not valid')
    expect(alert).to_contain_text('The amount for "Chin tuck" in the link was not valid')
    expect(alert).to_contain_text("could not be read")
    assert programme(page) == ["Bird dog", "Walking", "Chin tuck"]
    walking = next(e for e in CATALOG.exercises if e.id == "walking")
    assert dosage_lines(page)[1] == describe_dosage(walking.dosage) + "."


def test_link_from_another_version_is_explained(page: Page) -> None:
    page.goto(BUILDER + "#v0;e=bird-dog")
    expect(page.get_by_role("alert")).to_contain_text("different version")
    expect(page.locator(".builder-item")).to_have_count(0)


def test_keyboard_only(page: Page) -> None:
    page.goto(BUILDER)
    add = page.get_by_role("button", name="Add Bird dog")
    add.focus()
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Add Walking").focus()
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Move Walking up").focus()
    page.keyboard.press("Enter")
    assert programme(page) == ["Walking", "Bird dog"]
    focused = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert focused in {"Move Walking down", "Remove Walking"}
    expect(page.get_by_role("status")).to_contain_text("Walking moved to position 1")


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
    build_three(page)
    page.emulate_media(media="print")
    page.pdf(format="Letter")
    assert requests and all(r.url.startswith(base_url) for r in requests)


def test_works_offline_once_loaded(page: Page) -> None:
    page.goto(BUILDER)
    expect(page.locator(".builder-results li").first).to_be_visible()
    page.context.set_offline(True)
    page.get_by_role("button", name="Add Bird dog").click()
    page.get_by_role("button", name="Add Walking").click()
    assert programme(page) == ["Bird dog", "Walking"]
    assert page.locator(".handout .qr-code").count() == 1
    page.context.set_offline(False)


def test_a_missing_catalog_gives_a_clear_message(page: Page) -> None:
    page.route("**/api/catalog.json", lambda route: route.abort())
    page.goto(BUILDER)
    expect(page.get_by_role("alert")).to_contain_text("could not be loaded")
