"""Calendar reminders for routines: an iCalendar file (RFC 5545) per routine, made with icalendar.

Each session of a routine becomes one repeating event with an alarm, for the routine's weeks.
Times are floating (no time zone): 9:00 means 9:00 wherever the patient's calendar is. The
browser makes the same file (`makeCalendar` in `theme/assets/javascripts/programme.js`), from
the rules below passed as data (`calendar_rules`); the tests compare the two.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from icalendar import Alarm, Calendar, Event

from generator.catalog.addresses import calendar_uri, page_url
from generator.catalog.kinds import ROUTINES
from generator.catalog.model import Catalog, Frequency, Routine
from generator.catalog.relations import Relations
from generator.messages.active import N_, gettext
from generator.pages.dosage import capitalised, describe_dosage, describe_frequency, describe_weeks

PRODUCT_ID = "-//clinic-site-generator//routine reminders//EN"
SESSION_MINUTES = 15
FIRST_SESSION = dt.time(9, 0)
LAST_SESSION = dt.time(20, 0)
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# Days of the week for `days_per_week`, counted from the first day: spread out, with rest days
# between strength sessions where the count allows.
SPREAD = {
    1: (0,),
    2: (0, 3),
    3: (0, 2, 4),
    4: (0, 1, 3, 4),
    5: (0, 1, 2, 3, 4),
    6: (0, 1, 2, 3, 4, 5),
}
# Counts that name fixed days: 5 a week are the work days, Monday to Friday; 6 all but Sunday.
FIXED = {5: WEEKDAYS[:5], 6: WEEKDAYS[:6]}


# The words of the file, whole lines with fields (programme.js gets the same, ui_strings.py).
CALENDAR_NAME = N_("Exercises: %(title)s")
SUMMARY = N_("Home exercises: %(title)s")
ALARM = N_("Time for your exercises: %(title)s")
HOW_LONG = N_("%(how_often)s, for %(weeks)s.")
ONLINE = N_("Online: %(url)s")

# Event ids end with the clinic's own domain (RFC 5545: "unique-id@host"), so two clinics'
# reminders never share an id; the same routine keeps the same ids from build to build.
NO_DOMAIN = "clinic-site-generator.invalid"


def uid_domain(site_url: str, email: str | None) -> str:
    """The clinic's domain for event ids: the site's address (host and any sub-path, so two
    clinics under one host differ), else the email's domain, else a reserved `.invalid` name."""
    if site_url:
        parts = urlsplit(site_url)
        path = parts.path.strip("/")
        return (parts.hostname or NO_DOMAIN) + (f"/{path}" if path else "")
    if email:
        return email.rpartition("@")[2].lower()
    return NO_DOMAIN


def calendar_rules(domain: str = NO_DOMAIN) -> dict[str, object]:
    """The rules above as data, for the browser's calendar files (`programme.js`); `domain`
    ends every event id (`uid_domain`)."""
    return {
        "uid_domain": domain,
        "session_minutes": SESSION_MINUTES,
        "weekdays": list(WEEKDAYS),
        "spread": {str(days): list(offsets) for days, offsets in SPREAD.items()},
        "fixed": {str(days): list(names) for days, names in FIXED.items()},
        "first": FIRST_SESSION.strftime("%H:%M"),
        "last": LAST_SESSION.strftime("%H:%M"),
        "product_id": PRODUCT_ID,
    }


def session_times(frequency: Frequency, first: dt.time = FIRST_SESSION) -> list[dt.time]:
    """The time of day of each session: one at `first`, more spread until 20:00."""
    count = frequency.times_per_day or 1
    if count == 1:
        return [first]
    start = first.hour * 60 + first.minute
    span = max(LAST_SESSION.hour * 60 + LAST_SESSION.minute - start, 0)
    minutes = [start + round(span * i / (count - 1)) for i in range(count)]
    return [dt.time(m // 60, m % 60) for m in minutes]


def weekdays(frequency: Frequency, start: dt.date) -> list[str]:
    """The weekdays (RFC 5545 names) a routine is done on: the work days for `work_days` and for
    5 a week, all but Sunday for 6, else spread from `start`'s weekday."""
    if frequency.work_days:
        return list(FIXED[5])
    days = frequency.days_per_week
    if days is None or days == 7:
        return []  # every day
    if days in FIXED:
        return list(FIXED[days])
    first = start.weekday()
    return [WEEKDAYS[(first + offset) % 7] for offset in SPREAD[days]]


def first_day(start: dt.date, byday: list[str]) -> dt.date:
    """The first day on or after `start` that is one of `byday` (any day when it is empty)."""
    for offset in range(7):
        day = start + dt.timedelta(days=offset)
        if not byday or WEEKDAYS[day.weekday()] in byday:
            return day
    return start


def occurrences_per_week(frequency: Frequency) -> int:
    """Days a week the routine is done (each session is its own event)."""
    if frequency.work_days:
        return len(FIXED[5])
    return frequency.days_per_week or 7


def routine_calendar(
    routine: Routine,
    relations: Relations,
    *,
    page_url: str,
    start: dt.date,
    stamp: dt.datetime,
    domain: str = NO_DOMAIN,
    first: dt.time = FIRST_SESSION,
) -> bytes:
    """The iCalendar file of `routine`, starting on `start` (the file's bytes, CRLF lines)."""
    return programme_calendar(
        uid_base=f"routine-{routine.id}",
        domain=domain,
        title=routine.name,
        groups=frequency_groups(routine, relations),
        weeks=routine.duration_weeks,
        page_url=page_url,
        start=start,
        stamp=stamp,
        first=first,
    )


def exercise_lines(routine: Routine, relations: Relations) -> list[str]:
    """One line per exercise for the event's description: number, name and dosage."""
    return [
        f"{number}. {relations.exercise[item.exercise].name}: "
        f"{describe_dosage(relations.item_dosage(item))}"
        for number, item in enumerate(routine.items, 1)
    ]


def frequency_groups(routine: Routine, relations: Relations) -> list[tuple[Frequency, list[str]]]:
    """The routine's exercise lines grouped by each exercise's own frequency, in first-seen
    order: every group is reminded on its own days (programme.js's `frequencyGroups`)."""
    groups: dict[Frequency, list[str]] = {}
    for item, line in zip(routine.items, exercise_lines(routine, relations), strict=True):
        groups.setdefault(relations.item_dosage(item).frequency, []).append(line)
    return list(groups.items())


def routine_calendar_data(
    routine: Routine, relations: Relations, page_url: str, domain: str = NO_DOMAIN
) -> dict[str, Any]:
    """What a routine page's script needs to make the same file for the day the reader chooses
    (`programme.js`, with `calendar_rules`)."""
    return {
        "title": routine.name,
        "groups": [
            {"frequency": frequency.model_dump(), "lines": lines}
            for frequency, lines in frequency_groups(routine, relations)
        ],
        "weeks": routine.duration_weeks,
        "pageUrl": page_url,
        "uidBase": f"routine-{routine.id}",
        "rules": calendar_rules(domain),
    }


def programme_calendar(
    *,
    uid_base: str,
    domain: str = NO_DOMAIN,
    title: str,
    groups: Iterable[tuple[Frequency, list[str]]],
    weeks: int,
    page_url: str,
    start: dt.date,
    stamp: dt.datetime,
    first: dt.time = FIRST_SESSION,
) -> bytes:
    """A calendar with, for each frequency and its exercises' lines, one repeating event (and
    alarm) per daily session on that frequency's days, for `weeks` weeks. Events are numbered
    across the file: the same programme always gives the same ids."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", gettext(CALENDAR_NAME) % {"title": title})
    number = 0
    for frequency, lines in groups:
        how_long = {
            "how_often": capitalised(describe_frequency(frequency)),
            "weeks": describe_weeks(weeks),
        }
        description = "\n".join(
            [gettext(HOW_LONG) % how_long, *lines]
            + ([gettext(ONLINE) % {"url": page_url}] if page_url else [])
        )
        byday = weekdays(frequency, start)
        day = first_day(start, byday)
        count = weeks * occurrences_per_week(frequency)  # per session: every day it is done
        for time in session_times(frequency, first):
            number += 1
            event = Event()
            event.add("uid", f"{uid_base}-session-{number}@{domain}")
            event.add("dtstamp", stamp)
            event.add("summary", gettext(SUMMARY) % {"title": title})
            event.add("description", description)
            event.add("dtstart", dt.datetime.combine(day, time))
            event.add("duration", dt.timedelta(minutes=SESSION_MINUTES))
            rule: dict[str, object] = {"freq": "weekly" if byday else "daily", "count": count}
            if byday:
                rule["byday"] = byday
            event.add("rrule", rule)
            if page_url:
                event.add("url", page_url)
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", gettext(ALARM) % {"title": title})
            alarm.add("trigger", dt.timedelta(0))
            event.add_component(alarm)
            calendar.add_component(event)
    ical: bytes = calendar.to_ical()
    return ical


def calendar_files(
    catalog: Catalog,
    *,
    site_url: str,
    start: dt.date | None = None,
    email: str | None = None,
) -> dict[str, bytes]:
    """Every routine's calendar file, keyed by site path; deterministic for the same `start`.
    Event ids end with the clinic's domain (`uid_domain` of `site_url`, else of `email`)."""
    domain = uid_domain(site_url, email)
    relations = Relations(catalog)
    start = start or reminder_start(catalog)
    stamp = dt.datetime.combine(start, dt.time(0, 0), tzinfo=dt.UTC)
    return {
        calendar_uri(routine.id): routine_calendar(
            routine,
            relations,
            page_url=page_url(site_url, ROUTINES.page(routine.id)) if site_url else "",
            start=start,
            stamp=stamp,
            domain=domain,
        )
        for routine in catalog.routines
    }


def reminder_start(catalog: Catalog, environ: dict[str, str] | None = None) -> dt.date:
    """The start date written into the built files: the day of `SOURCE_DATE_EPOCH` (the last
    commit, as for the sitemap), else the newest review date. With a script, routine pages
    make the file in the browser to start on the day it is downloaded."""
    epoch = (os.environ if environ is None else environ).get("SOURCE_DATE_EPOCH", "")
    if epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return max((routine.reviewed.date for routine in catalog.routines), default=dt.date(2000, 1, 3))
