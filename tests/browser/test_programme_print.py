"""Hostile programmes on paper: a builder link and a routine whose every text slot is at its
length limit with runs that do not break (a long web address, CJK, right-to-left text, emoji),
for six conditions with short `handout` lists (tests/fixtures/hostile_programmes.yaml).

Read back from the PDF Chromium prints: every exercise, every dosage and the whole safety box
are there, the emergency signs on sheet 1, in each paper size, font, and print size (each
axis covered by a few combined runs, to keep the tier affordable).
"""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import textwrap
import threading
import unicodedata
from collections.abc import Iterator
from io import BytesIO
from urllib.parse import quote

import pytest
from playwright.sync_api import Browser, Page
from pypdf import PdfReader
from ruamel.yaml import YAML

from generator.catalog.limits import TEXT_CHARACTERS, programme_limits
from generator.catalog.load import load_catalog
from generator.catalog.model import Catalog, Dosage
from generator.catalog.relations import Relations, merge_warnings
from generator.pages.dosage import describe_dosage
from tests.conftest import FIXTURES, build, make_project, mini_text

HOSTILE = YAML(typ="safe").load((FIXTURES / "hostile_programmes.yaml").read_text(encoding="utf-8"))
LIMITS = programme_limits()
RUN = (
    "https://example.com/?q=" + "KneeRockingGentlyEachMorning" * 24
)  # no break opportunity anywhere
TEXTS = [RUN, "毎日ゆっくり行ってください" * 30, "برنامج تمارين الظهر " * 30, "👍🏽🏃‍♀️" * 200]


def squash(text: str) -> str:
    """Text without any white space: lines broken anywhere still compare equal."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def pdf_sheets(pdf: bytes) -> list[str]:
    """The text of each printed page; every piece of it must lie on the page (text pushed off
    the side is still in a PDF, only not on the paper)."""
    out = []
    for page in PdfReader(BytesIO(pdf)).pages:
        placed: list[tuple[float, str]] = []

        def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
            placed.append((cm[0] * tm[4] + cm[2] * tm[5] + cm[4], text))  # noqa: B023

        out.append(squash(page.extract_text(visitor_text=visit) or ""))
        width = float(page.mediabox.width)
        outside = [text for x, text in placed if text.strip() and not 0 <= x < width]
        assert not outside, f"text off the page: {outside[:3]}"
    return out


PAPER_MM = {"A4": 210.0, "Letter": 215.9}
MARGIN_MM = 9.0  # clinic.css @page


def fits_the_paper(page: Page, paper: str) -> None:
    """Laid out as for print at the paper's width: nothing wider than the page, so Chromium
    neither shrinks the sheet nor cuts a column off."""
    width = round((PAPER_MM[paper] - 2 * MARGIN_MM) * 96 / 25.4)
    page.set_viewport_size({"width": width, "height": 1000})
    page.emulate_media(media="print")
    overflow = page.evaluate(
        """() => [...document.querySelectorAll('.md-content *')]
            .filter((el) => el.getClientRects().length)
            .map((el) => el.getBoundingClientRect().right)
            .filter((right) => right > document.documentElement.clientWidth + 1).length"""
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert overflow == 0
    page.emulate_media(media="null")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Catalog]]:
    """The mini catalog with the hostile conditions and routine, built and served."""
    project = make_project(tmp_path_factory.mktemp("hostile"))
    conditions, routine = (textwrap.indent(HOSTILE[key], "  ") for key in ("conditions", "routine"))
    text = mini_text().replace("\nexercises:\n", "\n" + conditions + "\nexercises:\n")
    catalog_file = project / "exercises.yaml"
    catalog_file.write_text(text + routine, encoding="utf-8")
    # The shipped pages and menu name shipped entries: one page of our own instead.
    shutil.rmtree(project / "content")
    (project / "content").mkdir()
    (project / "content" / "index.md").write_text("# Hostile programmes\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    settings = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"(?ms)^nav:\n.*?(?=^\w)", "", settings), encoding="utf-8")
    shutil.copytree(FIXTURES / "content" / "img", project / "content" / "img", dirs_exist_ok=True)
    result = build(project)
    assert result.returncode == 0, result.stderr
    handler = functools.partial(_Quiet, directory=str(project / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", load_catalog(catalog_file)
    server.shutdown()


def typeset(browser: Browser, base: str, font: str) -> Page:
    context = browser.new_context(base_url=base)
    if font == "fallback":  # the shipped typeface refused: DejaVu Sans on this machine
        context.route("**/*.woff2", lambda route: route.abort())
    return context.new_page()


def encode(text: str) -> str:
    return quote(text, safe="").replace("%20", "+")


# Eight items, alternating frequencies (the headline then points to each exercise): exercises of
# the fixture catalog (tests/fixtures/mini.yaml), which the `hostile` project is built from.
ITEMS = [
    ("pelvic-tilt", {"sets": 2, "reps": 10, "rest_seconds": 30, "times_per_day": 2}),
    ("glute-bridge", {"sets": 3, "hold_seconds": 90, "days_per_week": 3, "per_side": True}),
    ("walking", {"sets": 1, "minutes": 120, "days_per_week": 5}),
    ("pelvic-tilt", {"sets": 10, "reps": 100, "rest_seconds": 600, "times_per_day": 10}),
] * 2


def builder_link(conditions: list[str]) -> str:
    """A link at every text limit: as long as old `v1`-era links, far over today's cap."""

    def item(index: int, exercise_id: str, d: dict[str, int]) -> str:
        amount = (
            f"r{d['reps']}"
            if "reps" in d
            else f"h{d['hold_seconds']}"
            if "hold_seconds" in d
            else f"m{d['minutes']}"
        )
        often = f"d{d['times_per_day']}" if "times_per_day" in d else f"w{d['days_per_week']}"
        note = TEXTS[index % len(TEXTS)][: TEXT_CHARACTERS["note"]]
        fields = [
            exercise_id,
            d["sets"],
            amount,
            d.get("rest_seconds", ""),
            often,
            int(d.get("per_side", 0)),
        ]
        return "e=" + ",".join(map(str, fields)) + "," + encode(note)

    parts = [
        "v2",
        "t=" + encode(("Ünïcödé" + "毎" * 200)[: TEXT_CHARACTERS["title"]]),
        "n=" + encode(RUN[: TEXT_CHARACTERS["instructions"]]),
        "p=" + encode("W" * TEXT_CHARACTERS["therapist"]),
        "s=2026-12-07",
        "k=12",
        "c=" + ",".join(conditions),
        *(item(i, e, d) for i, (e, d) in enumerate(ITEMS)),
    ]
    return "#" + ";".join(parts)


def expected_box(
    relations: Relations, conditions: list[str], exercise_ids: list[str]
) -> dict[str, list[str]]:
    chosen = [relations.condition[c] for c in conditions]
    return {
        "emergency": relations.sheet_flags(chosen, "emergency"),
        "urgent": relations.sheet_flags(chosen, "urgent"),
        "soon": relations.sheet_flags(chosen, "soon"),
        "stop_if": merge_warnings(s for e in exercise_ids for s in relations.exercise[e].stop_if),
    }


def check_sheets(
    sheets: list[str],
    names: list[str],
    dosages: list[str],
    box: dict[str, list[str]],
    *,
    large: bool,
) -> None:
    """Every exercise and dosage printed; the emergency signs on sheet 1; the whole box before
    the first exercise (on sheet 1 in standard print)."""
    text = "".join(sheets)
    first_exercise = text.index(squash(f"1. {names[0]}"))
    assert squash("Seek emergency care now") in sheets[0]
    for line in box["emergency"]:
        assert squash(line) in sheets[0], line
    for line in box["urgent"] + box["soon"] + box["stop_if"]:
        where = text.index(squash(line))
        assert where < first_exercise, line
        if not large:
            assert squash(line) in sheets[0], line
    for number, (name, dosage) in enumerate(zip(names, dosages, strict=True), 1):
        assert squash(f"{number}. {name}") in text, name
        assert squash(dosage) in text, (number, dosage)
    assert squash("Week Mon Tue Wed Thu Fri Sat Sun Pain 0-10") in text


BUILDER_RUNS = [
    ("A4", "shipped", False),
    ("Letter", "fallback", False),
    ("A4", "fallback", True),
    ("Letter", "shipped", True),
]


@pytest.mark.parametrize(("paper", "font", "large"), BUILDER_RUNS)
def test_builder_sheet_prints_everything_at_every_limit(
    browser: Browser, hostile: tuple[str, Catalog], paper: str, font: str, large: bool
) -> None:
    base, catalog = hostile
    relations = Relations(catalog)
    conditions = [c.id for c in catalog.conditions if c.handout is not None]
    assert len(conditions) == 6
    link = builder_link(conditions)
    assert len(link) > LIMITS["link"]  # an old, long link opens whole
    page = typeset(browser, base, font)
    page.goto("/routines/builder/" + link)
    page.wait_for_selector(".patient-view h1")
    assert page.evaluate("location.hash") == link  # never rewritten
    page.evaluate("document.fonts.ready")
    assert page.evaluate("document.fonts.check('12pt \"Atkinson Hyperlegible\"')") == (
        font == "shipped"
    )
    messages = page.locator(".builder-messages").inner_text()
    assert "longer than the builder makes now" in messages
    # Too long for a QR code at 0.35 mm a module: the sheet prints an address to type.
    assert page.locator(".programme-sheet .qr-code").count() == 0
    assert page.locator(".programme-sheet .sheet-address").count() == 1
    page.evaluate(f"document.documentElement.classList.toggle('print-large', {str(large).lower()})")
    fits_the_paper(page, paper)
    sheets = pdf_sheets(page.pdf(format=paper, print_background=True))
    names = [relations.exercise[e].name for e, _ in ITEMS]
    dosages = [describe_dosage(Dosage.model_validate(d)) for _, d in ITEMS]
    box = expected_box(relations, conditions, [e for e, _ in ITEMS])
    assert len(box["emergency"]) < 6 * 6  # the shared lines merged
    check_sheets(sheets, names, dosages, box, large=large)
    assert not any("Fulllistonly" in sheet for sheet in sheets)  # the handout, not the full list
    page.context.close()


ROUTINE_RUNS = [("Letter", "fallback", False), ("A4", "shipped", True)]


@pytest.mark.parametrize(("paper", "font", "large"), ROUTINE_RUNS)
def test_routine_sheet_prints_everything_with_long_notes(
    browser: Browser, hostile: tuple[str, Catalog], paper: str, font: str, large: bool
) -> None:
    base, catalog = hostile
    relations = Relations(catalog)
    routine = relations.routine["hostile-routine"]
    page = typeset(browser, base, font)
    page.goto(f"/routines/{routine.id}/")
    page.evaluate("document.fonts.ready")
    page.evaluate(f"document.documentElement.classList.toggle('print-large', {str(large).lower()})")
    fits_the_paper(page, paper)
    sheets = pdf_sheets(page.pdf(format=paper, print_background=True))
    names = [relations.exercise[i.exercise].name for i in routine.items]
    dosages = [describe_dosage(relations.item_dosage(i)) for i in routine.items]
    conditions = [c.id for c in relations.conditions_for_routine(routine.id)]
    box = expected_box(relations, conditions, [i.exercise for i in routine.items])
    check_sheets(sheets, names, dosages, box, large=large)
    text = "".join(sheets)
    for item in routine.items:  # every Latin note whole (this machine has no CJK font)
        note = squash(item.note or "")
        if note.isascii() or note.startswith("Ü"):
            assert note in text, note
    page.context.close()
