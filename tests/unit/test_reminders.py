"""Calendar files: every routine's reminders parse (icalendar) and repeat for its weeks."""

from __future__ import annotations

import datetime as dt

import pytest
from dateutil.rrule import rrulestr
from icalendar import Calendar

from generator.catalog.addresses import calendar_uri
from generator.catalog.load import load_catalog
from generator.catalog.model import Frequency, Routine
from generator.catalog.relations import Relations
from generator.pages.reminders import (
    calendar_files,
    exercise_lines,
    first_day,
    frequency_groups,
    programme_calendar,
    reminder_start,
    session_times,
    uid_domain,
    weekdays,
)
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


RELATIONS = Relations(CATALOG)


def reminders_of(calendar: Calendar, line: str) -> list[dt.datetime]:
    """Every reminder (expanded) whose event lists `line`."""
    return sorted(
        when
        for event in calendar.walk("VEVENT")
        if line in str(event["description"]).split("\n")
        for when in occurrences(event)
    )


@pytest.mark.parametrize("routine", CATALOG.routines, ids=lambda r: r.id)
def test_each_exercise_is_reminded_on_its_own_days(routine: Routine) -> None:
    calendar = Calendar.from_ical(FILES[calendar_uri(routine.id)])
    events = calendar.walk("VEVENT")
    end = dt.datetime.combine(START + dt.timedelta(weeks=routine.duration_weeks), dt.time())
    lines = exercise_lines(routine, RELATIONS)
    for item, line in zip(routine.items, lines, strict=True):
        dosage = RELATIONS.item_dosage(item)
        per_day = dosage.times_per_day or 1
        days_a_week = 5 if dosage.work_days else dosage.days_per_week or 7
        dates = reminders_of(calendar, line)
        assert len(dates) == routine.duration_weeks * days_a_week * per_day, line
        assert dates[0].date() >= START and dates[-1] < end
        assert sorted({d.time() for d in dates}) == session_times(dosage)
        if days_a_week == 5:  # the work days (5 a week, or times a day on work days)
            assert {d.weekday() for d in dates} == {0, 1, 2, 3, 4}, line
        # Each week has its share of days, each day its sessions, never twice at one time.
        assert len(set(dates)) == len(dates)
        for week in range(routine.duration_weeks):
            first = dt.datetime.combine(START + dt.timedelta(weeks=week), dt.time())
            in_week = [d for d in dates if first <= d < first + dt.timedelta(weeks=1)]
            if days_a_week < 5 or days_a_week == 7:
                assert len({d.date() for d in in_week}) == days_a_week, (line, week)
    for event in events:
        alarms = event.walk("VALARM")
        assert len(alarms) == 1 and alarms[0]["action"] == "DISPLAY"
        assert event["summary"] == f"Home exercises: {routine.name}"
        assert event["url"] == f"https://example.org/routines/{routine.id}/"
        assert event.decoded("dtstart").tzinfo is None  # floating: the patient's own time
    uids = [str(event["uid"]) for event in events]
    assert len(set(uids)) == len(uids)


def test_calendar_lists_every_exercise_with_its_dosage() -> None:
    for routine in CATALOG.routines:
        events = Calendar.from_ical(FILES[calendar_uri(routine.id)]).walk("VEVENT")
        text = " ".join(str(event["description"]) for event in events)
        for line in exercise_lines(routine, RELATIONS):
            assert line in text


def test_work_days_fire_monday_to_friday_whatever_the_start() -> None:
    saturday = dt.date(2026, 12, 5)
    frequency = Frequency(days_per_week=5)
    assert weekdays(frequency, saturday) == ["MO", "TU", "WE", "TH", "FR"]
    assert first_day(saturday, weekdays(frequency, saturday)) == dt.date(2026, 12, 7)
    assert weekdays(Frequency(days_per_week=3), saturday) == ["SA", "MO", "WE"]


def test_times_a_day_on_work_days_skip_every_weekend() -> None:
    """Expanded with dateutil from the file icalendar reads back: weekdays only, each week."""
    saturday = dt.date(2026, 12, 5)
    frequency = Frequency(times_per_day=2, work_days=True)
    ics = programme_calendar(
        uid_base="desk",
        title="Desk",
        groups=[(frequency, ["1. Chin tuck"])],
        weeks=4,
        page_url="",
        start=saturday,
        stamp=dt.datetime(2026, 12, 5, tzinfo=dt.UTC),
    )
    events = Calendar.from_ical(ics).walk("VEVENT")
    assert len(events) == 2  # one per session of the day
    for event in events:
        assert event["rrule"]["BYDAY"] == ["MO", "TU", "WE", "TH", "FR"]
        dates = occurrences(event)
        assert len(dates) == 4 * 5 and {d.weekday() for d in dates} == {0, 1, 2, 3, 4}
        assert dates[0].date() == dt.date(2026, 12, 7) and dates[-1].date() == dt.date(2027, 1, 1)
        assert "Twice a day, Monday to Friday, for 4 weeks." in str(event["description"])


def test_work_day_items_are_reminded_on_weekdays_only() -> None:
    for routine in CATALOG.routines:
        if not any(RELATIONS.item_dosage(item).work_days for item in routine.items):
            continue
        for event in Calendar.from_ical(FILES[calendar_uri(routine.id)]).walk("VEVENT"):
            assert {d.weekday() for d in occurrences(event)} <= {0, 1, 2, 3, 4}


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
    relations = Relations(CATALOG)
    assert len(ours) == sum(
        frequency.times_per_day or 1
        for routine in CATALOG.routines
        for frequency, _ in frequency_groups(routine, relations)
    )
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
