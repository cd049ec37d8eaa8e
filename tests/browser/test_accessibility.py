"""axe-core finds no accessibility violations on the printable routine and the builder."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.conftest import pick, project_catalog

AXE = Axe()
RULES = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
    }
}


def violations(page: Page) -> list[str]:
    results = AXE.run(page, options=RULES)
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}x, e.g. {v['nodes'][0]['target']})"
        for v in results.response["violations"]
    ]


CATALOG = project_catalog()
# One page of each kind, from the project's own catalog (a clinic may remove any sample entry).
# Those marked `clinic` (the clinic bar, contact, colours, logo on each layout) run again on a
# rebranded clinic.
CLINIC = pytest.mark.clinic
PAGE_KINDS = [
    pytest.param("/", marks=CLINIC),
    "/about/",
    pytest.param("/contact/", marks=CLINIC),
    "/disclaimer/",
    "/references/",
    "/conditions/",
    f"/conditions/{CATALOG.conditions[0].id}/",
    "/treatments/",
    f"/treatments/{CATALOG.treatments[0].id}/",
    "/exercises/",
    "/exercises/body-area/neck/",
    pytest.param(f"/exercises/{CATALOG.exercises[0].id}/", marks=CLINIC),
    "/routines/",
    pytest.param(f"/routines/{CATALOG.routines[0].id}/", marks=CLINIC),
    *(f"/routines/{routine.id}/" for routine in CATALOG.routines[1:2]),
    pytest.param("/404.html", marks=CLINIC),
]


@pytest.mark.parametrize("path", PAGE_KINDS)
def test_every_page_kind(page: Page, path: str) -> None:
    page.goto(path)
    assert violations(page) == []


FIRST, SECOND = pick(project_catalog().exercises, lambda _: True, "two exercises", count=2)
PROGRAMME = (
    f"/routines/builder/#v2;t=Back;f=w3;k=6;e={FIRST.id},2,r10,30,w3,0,Slowly"
    f";e={SECOND.id},1,m10,,w5,0"
)


@CLINIC
def test_builder_patient_view(page: Page) -> None:
    page.goto(PROGRAMME)
    expect(page.locator(".patient-exercise")).to_have_count(2)
    assert violations(page) == []


def test_builder_editor(page: Page) -> None:
    page.goto(PROGRAMME)
    page.locator(".patient-edit summary").click()  # editing is out of the patient's way
    page.get_by_role("button", name="Edit this programme").click()
    expect(page.locator(".builder-item")).to_have_count(2)
    assert violations(page) == []
