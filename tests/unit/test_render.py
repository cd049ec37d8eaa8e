"""Rendering: golden Markdown, links in both directions, and no injection."""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import markdown
import pytest

from generator.catalog.addresses import relative_url
from generator.catalog.load import load_catalog_text
from generator.catalog.model import Catalog
from generator.clinic.settings import ClinicSettings, Country, UrgentCare
from generator.clinic.wording import WORDING
from generator.pages.render import render_pages
from tests.conftest import GOLDEN as GOLDEN_ROOT
from tests.conftest import mini_text, problems_of

GOLDEN = GOLDEN_ROOT / "mini"


def test_pages_sit_at_the_design_urls(mini: Catalog) -> None:
    assert sorted(render_pages(mini)) == [
        "conditions/acute-low-back-pain.md",
        "conditions/index.md",
        "contact.md",
        "exercises/body-area/hips.md",
        "exercises/body-area/lower-back.md",
        "exercises/body-area/whole-body.md",
        "exercises/glute-bridge.md",
        "exercises/index.md",
        "exercises/pelvic-tilt.md",
        "exercises/type/aerobic.md",
        "exercises/type/mobility.md",
        "exercises/type/motor-control.md",
        "exercises/type/strength.md",
        "exercises/walking.md",
        "references.md",
        "routines/builder.md",
        "routines/first-days.md",
        "routines/index.md",
        "routines/on-your-phone.md",
        "treatments/exercise-therapy.md",
        "treatments/index.md",
        "treatments/tens.md",
    ]


def test_golden_markdown(mini: Catalog) -> None:
    pages = render_pages(mini)
    if os.environ.get("UPDATE_GOLDEN"):
        for uri, text in pages.items():
            (GOLDEN / uri).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / uri).write_text(text, encoding="utf-8")
    stored = {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.md")}
    assert stored == set(pages), "run UPDATE_GOLDEN=1 make unit to refresh the golden files"
    for uri, text in pages.items():
        assert text == (GOLDEN / uri).read_text(encoding="utf-8"), uri


def test_rendering_is_deterministic(mini: Catalog) -> None:
    assert render_pages(mini) == render_pages(mini)


def test_a_second_process_renders_the_same_pages(
    mini: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("generator.pages.render.PARALLEL_FROM", 0)
    one = render_pages(mini)
    two = render_pages(mini, parallel=True)
    assert list(two.items()) == list(one.items())


def test_links_go_both_ways(mini: Catalog) -> None:
    pages = render_pages(mini)
    assert 'href="../../conditions/acute-low-back-pain/"' in pages["exercises/pelvic-tilt.md"]
    assert 'href="../../exercises/pelvic-tilt/"' in pages["conditions/acute-low-back-pain.md"]
    assert 'href="../../routines/first-days/"' in pages["conditions/acute-low-back-pain.md"]
    assert 'href="../../conditions/acute-low-back-pain/"' in pages["routines/first-days.md"]
    assert 'href="../../routines/first-days/"' in pages["exercises/walking.md"]
    assert 'href="../../exercises/walking/"' in pages["routines/first-days.md"]
    assert 'href="../../treatments/exercise-therapy/"' in pages["routines/first-days.md"]
    assert 'href="../../routines/first-days/"' in pages["treatments/exercise-therapy.md"]
    assert 'href="../../treatments/exercise-therapy/"' in pages["conditions/acute-low-back-pain.md"]
    assert 'href="../../conditions/acute-low-back-pain/"' in pages["treatments/exercise-therapy.md"]
    assert 'href="../pelvic-tilt/"' in pages["exercises/glute-bridge.md"]
    assert 'href="../glute-bridge/"' in pages["exercises/pelvic-tilt.md"]


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("exercises/a.md", "conditions/b.md", "../../conditions/b/"),
        ("exercises/a.md", "exercises/b.md", "../b/"),
        ("exercises/index.md", "exercises/b.md", "b/"),
        ("exercises/type/strength.md", "exercises/index.md", "../../"),
        ("contact.md", "conditions/index.md", "../conditions/"),
        ("references.md", "references.md", "./"),
    ],
)
def test_raw_html_links_use_published_addresses(source: str, target: str, expected: str) -> None:
    assert relative_url(source, target) == expected


def test_routine_uses_the_overridden_dosage_in_the_standard_phrase(mini: Catalog) -> None:
    page = render_pages(mini)["routines/first-days.md"]
    assert "<strong>5 minutes; 3 times a day.</strong> Short walks, often." in page
    assert "<strong>1 set of 10 repetitions; twice a day.</strong>" in page


def test_urgent_care_wording_comes_from_the_clinic_settings(mini: Catalog) -> None:
    us = ClinicSettings(urgent_care=UrgentCare(emergency="call 911", urgent="call your doctor"))
    page = render_pages(mini, us)["conditions/acute-low-back-pain.md"]
    assert "Seek emergency care now (call 911) if you have" in page
    assert "999" not in page


@pytest.mark.parametrize("country", list(Country))
def test_the_see_soon_tier_names_the_family_doctor_of_the_clinic_country(
    mini: Catalog, country: Country
) -> None:
    settings = ClinicSettings(country=country)
    words = WORDING[country]
    heading = f"See {words.family_doctor} soon, within a week or two, if you have:"
    condition = render_pages(mini, settings)["conditions/acute-low-back-pain.md"]
    assert f"<strong>{heading}</strong>" in condition
    assert condition.count(heading) == 1
    # The routine's printed sheet shows its handout's own `soon` lines, under the same heading.
    assert mini.routines[0].handout is not None
    assert mini.routines[0].handout.soon == ["Pain for 3+ months that began before 45"]
    sheet = render_pages(mini, settings)["routines/first-days.md"]
    assert sheet.count(heading) == 2
    assert (
        f"<strong>{heading}</strong></p>\n<ul>\n<li>Pain for 3+ months that began before 45</li>"
        in sheet
    )
    soon = "      soon: [Pain for 3+ months that began before 45]\n"
    assert soon in mini_text()
    without = load_catalog_text(mini_text().replace(soon, ""), "t.yaml")
    assert render_pages(without, settings)["routines/first-days.md"].count(heading) == 1


def test_no_soon_tier_without_soon_flags(mini: Catalog) -> None:
    condition = mini.conditions[0]
    flags = condition.red_flags.model_copy(update={"soon": []})
    changed = mini.model_copy(
        update={"conditions": [condition.model_copy(update={"red_flags": flags})]}
    )
    assert (
        "soon, within a week or two"
        not in render_pages(changed)["conditions/acute-low-back-pain.md"]
    )


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes += [(name, value or "") for name, value in attrs]


def markup_of(rendered: str) -> tuple[set[str], list[tuple[str, str]]]:
    """The element names and attributes that a browser would build from `rendered`."""
    collector = _Collector()
    collector.feed(rendered)
    return collector.tags, collector.attributes


@pytest.mark.parametrize(
    "payload",
    ['<script>alert("x")</script>', "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))"],
)
def test_catalog_text_cannot_inject_html(payload: str) -> None:
    quoted = payload.replace("'", "''")
    catalog = load_catalog_text(
        mini_text()
        .replace("summary: Keeps you active.", f"summary: '{quoted}'")
        .replace("role: Keeps you moving while the pain settles.", f"role: '{quoted}'")
        .replace("- Relax.", f"- '{quoted}'"),
        "evil.yaml",
    )
    for text in render_pages(catalog).values():
        _, front_matter, body = text.split("---\n", 2)
        assert "<" not in front_matter
        body = re.sub(r'<script type="application/json" id="[a-z-]+">[^<]*</script>', "", body)
        rendered = markdown.markdown(
            body, extensions=["admonition", "attr_list", "md_in_html", "tables"]
        )
        tags, attributes = markup_of(rendered)
        assert "script" not in tags
        assert not [name for name, _ in attributes if name.startswith("on")]
        links = [v for name, v in attributes if name in {"href", "src"}]
        assert all(urlsplit(v).scheme in {"", "http", "https"} for v in links), links


def test_names_cannot_carry_markup() -> None:
    problems = problems_of(mini_text().replace("name: Glute bridge", "name: '</title><script>'"))
    assert any("exercises[1].name: must not contain < or >" in p for p in problems)


def test_condition_lists_treatments_unlikely_to_help_apart() -> None:
    text = mini_text().replace(
        "        role: Keeps you moving while the pain settles.\n",
        "        role: Keeps you moving while the pain settles.\n"
        "      - treatment: tens\n"
        "        role: Guidelines advise against it.\n",
    )
    page = render_pages(load_catalog_text(text, "mini.yaml"))["conditions/acute-low-back-pain.md"]
    helps = page[page.index("## What can help") : page.index("## What is unlikely to help")]
    unlikely = page[page.index("## What is unlikely to help") : page.index("## Exercises")]
    assert "exercise-therapy" in helps and "treatments/tens/" not in helps
    assert "treatments/tens/" in unlikely and "Guidelines advise against it." in unlikely
    assert (
        "What is unlikely"
        not in render_pages(load_catalog_text(mini_text(), "mini.yaml"))[
            "conditions/acute-low-back-pain.md"
        ]
    )
