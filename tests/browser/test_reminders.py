"""Routine pages link their calendar file; with a script, the same file starts today."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar
from playwright.sync_api import Page

from generator.catalog.addresses import page_uri, page_url
from generator.catalog.load import load_catalog
from generator.catalog.model import Routine
from generator.catalog.relations import Relations
from generator.pages.reminders import routine_calendar, uid_domain
from tests.conftest import PROJECT, project_settings

pytestmark = pytest.mark.clinic  # run again on a rebranded clinic

CATALOG = load_catalog(PROJECT / "exercises.yaml")
SITE = project_settings()
RELATIONS = Relations(CATALOG)
FIELDS = ("summary", "description", "rrule", "duration", "url", "uid")


def events(data: bytes) -> list[dict[str, object]]:
    return [
        {
            **{key: event[key].to_ical() for key in FIELDS},
            "dtstart": event.decoded("dtstart"),
            "alarm": event.walk("VALARM")[0].to_ical(),
        }
        for event in Calendar.from_ical(data).walk("VEVENT")
    ]


@pytest.mark.parametrize("routine", CATALOG.routines[:3], ids=lambda r: r.id)
def test_calendar_link_makes_the_built_file_starting_today(
    page: Page, base_url: str, routine: Routine
) -> None:
    page.goto(f"/routines/{routine.id}/")
    link = page.get_by_role("link", name="Add reminders to your calendar")
    built = page.request.get(f"{base_url}/routines/{routine.id}/{routine.id}.ics").body()
    Calendar.from_ical(built)  # the file itself, for readers without scripts
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == f"{routine.id}.ics"
    made = download.value.path().read_bytes()
    today = dt.date.fromisoformat(page.evaluate("ClinicProgramme.today()"))
    expected = routine_calendar(
        routine,
        RELATIONS,
        page_url=page_url(SITE.site_url, page_uri("routine", routine.id)),
        start=today,
        stamp=dt.datetime(2000, 1, 1, tzinfo=dt.UTC),
        domain=uid_domain(SITE.site_url, SITE.clinic.email),
    )
    assert events(made) == events(expected)
