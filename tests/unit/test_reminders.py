"""Calendar files: every routine's reminders parse (icalendar) and repeat for its weeks."""

from __future__ import annotations

import datetime as dt

import pytest
from dateutil.rrule import rrulestr
from icalendar import Calendar

from generator.catalog.addresses import calendar_uri
from generator.catalog.load import load_catalog
from generator.catalog.model import Frequency, Routine
from generator.pages.reminders import calendar_files, reminder_start, session_times, uid_domain
from tests.conftest import ROOT

CATALOG = load_catalog(ROOT / "exercises.yaml")
START = dt.date(2026, 12, 2)  # a Wednesday
FILES = calendar_files(CATALOG, site_url="https://example.org/", start=START)


def occurrences(event: object) -> list[dt.datetime]:
    from icalendar import Event

    assert isinstance(event, Event)
    start = event.decoded("dtstart")
    rule = event["rrule"].to_ical().decode()
    return list(rrulestr(rule, dtstart=start))


@pytest.mark.parametrize("routine", CATALOG.routines, ids=lambda r: r.id)
def test_each_session_repeats_for_the_routines_weeks(routine: Routine) -> None:
    calendar = Calendar.from_ical(FILES[calendar_uri(routine.id)])
    events = calendar.walk("VEVENT")
    sessions = routine.frequency.times_per_day or 1
    assert len(events) == sessions
    days_a_week = routine.frequency.days_per_week or 7
    end = dt.datetime.combine(START + dt.timedelta(weeks=routine.duration_weeks), dt.time())
    for event in events:
        dates = occurrences(event)
        assert len(dates) == routine.duration_weeks * days_a_week
        assert dates[0].date() == START and dates[-1] < end
        # Each week of the routine has its share of days, never two on one day.
        for week in range(routine.duration_weeks):
            first = dt.datetime.combine(START + dt.timedelta(weeks=week), dt.time())
            in_week = [d for d in dates if first <= d < first + dt.timedelta(weeks=1)]
            assert len({d.date() for d in in_week}) == len(in_week) == days_a_week
        alarms = event.walk("VALARM")
        assert len(alarms) == 1 and alarms[0]["action"] == "DISPLAY"
        assert event["summary"] == f"Home exercises: {routine.name}"
        assert event["url"] == f"https://example.org/routines/{routine.id}/"
        assert event.decoded("dtstart").tzinfo is None  # floating: the patient's own time
    times = sorted(event.decoded("dtstart").time() for event in events)
    assert times == session_times(routine.frequency)


def test_calendar_lists_every_exercise_with_its_dosage() -> None:
    routine = CATALOG.routines[0]
    event = Calendar.from_ical(FILES[calendar_uri(routine.id)]).walk("VEVENT")[0]
    description = str(event["description"])
    for item in routine.items:
        assert any(e.id == item.exercise and e.name in description for e in CATALOG.exercises)


@pytest.mark.parametrize(
    ("frequency", "expected"),
    [
        ({"times_per_day": 1}, ["09:00"]),
        ({"times_per_day": 2}, ["09:00", "20:00"]),
        ({"times_per_day": 3}, ["09:00", "14:30", "20:00"]),
        ({"days_per_week": 3}, ["09:00"]),
    ],
)
def test_session_times_spread_through_the_day(
    frequency: dict[str, int], expected: list[str]
) -> None:
    times = session_times(Frequency.model_validate(frequency))
    assert [t.strftime("%H:%M") for t in times] == expected


def test_files_are_deterministic_and_start_from_the_source_date() -> None:
    again = calendar_files(CATALOG, site_url="https://example.org/", start=START)
    assert again == FILES
    assert reminder_start(CATALOG, {"SOURCE_DATE_EPOCH": "1700000000"}) == dt.date(2023, 11, 14)
    newest = max(r.reviewed.date for r in CATALOG.routines)
    assert reminder_start(CATALOG, {}) == newest


def uids(files: dict[str, bytes]) -> set[str]:
    return {
        str(event["uid"])
        for data in files.values()
        for event in Calendar.from_ical(data).walk("VEVENT")
    }


def test_event_ids_are_the_clinics_own_and_stable_per_routine() -> None:
    ours = uids(FILES)
    assert len(ours) == sum(r.frequency.times_per_day or 1 for r in CATALOG.routines)
    routine = CATALOG.routines[0]
    assert f"routine-{routine.id}-session-1@example.org" in ours
    # Another clinic, another host: no id in common. Under one host, the sub-path tells them apart.
    other = calendar_files(CATALOG, site_url="https://physio.example/", start=START)
    sub_a = calendar_files(CATALOG, site_url="https://host.example/a/", start=START)
    sub_b = calendar_files(CATALOG, site_url="https://host.example/b/", start=START)
    assert not ours & uids(other) and not uids(sub_a) & uids(sub_b)
    assert f"routine-{routine.id}-session-1@host.example/a" in uids(sub_a)
    # No site address: the email's domain; the same ids on another day (stable per routine).
    mailed = calendar_files(CATALOG, site_url="", email="Desk@Clinic.Example", start=START)
    assert f"routine-{routine.id}-session-1@clinic.example" in uids(mailed)
    later = calendar_files(CATALOG, site_url="https://physio.example/", start=dt.date(2027, 1, 4))
    assert uids(later) == uids(other)
    assert uid_domain("", None) == "clinic-site-generator.invalid"
