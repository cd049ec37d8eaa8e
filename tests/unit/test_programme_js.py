"""The builder's programme logic (programme.js), run in Node against vectors made here in Python:
dosage phrases, run-in safety lines, links that round-trip any text, hostile links, and the
calendar file, parsed with the same library that makes the routine pages' files."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
import shutil
import subprocess
from typing import Any

import pytest
from dateutil.rrule import rrulestr
from icalendar import Calendar

from generator.catalog.limits import programme_limits, tracker_layout
from generator.catalog.load import load_catalog
from generator.catalog.model import Dosage, Frequency
from generator.catalog.relations import merge_rules, merge_warnings
from generator.messages import active
from generator.messages.pseudo import PseudoTranslations
from generator.pages.dosage import (
    describe_dosage,
    describe_weeks,
    sessions_by_weekday,
    shared_frequency,
)
from generator.pages.reminders import calendar_rules, programme_calendar, session_times
from generator.pages.render import _run_in
from generator.pages.ui_strings import ui_strings
from tests.conftest import ROOT

PROGRAMME_JS = ROOT / "theme" / "assets" / "javascripts" / "programme.js"
NODE = shutil.which("node")

RUNNER = """
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const P = require(process.argv[1])(input.words);
const catalog = {
  exerciseById: new Map(input.exercises.map((e) => [e.id, e])),
  conditionById: new Map(input.conditions.map((c) => [c.id, c])),
};
const out = {
  dosage: input.dosage.map((d) => P.describeDosage(d)),
  runIn: input.runIn.map((t) => P.runIn(t)),
  roundTrip: input.states.map((s) => P.decodeState(P.encodeState(s), catalog, input.limits)),
  hostile: input.hostile.map((h) => P.decodeState(h, catalog, input.limits)),
  times: input.frequencies.map((f) => P.sessionTimes(f, input.rules)),
  calendar: P.makeCalendar(
    { ...input.calendar, stamp: new Date(Date.UTC(2026, 10, 30)) }, input.rules),
  cut: input.cut.map(([text, n]) => P.cut(text, n)),
  merge: input.merge.map((lists) => P.merge(lists, input.mergeRules)),
  tracker: Array.from({ length: 52 }, (_, i) => P.trackerLayout(i + 1, input.limits.tracker)),
  grouped: input.grouped.map((c) => P.makeCalendar(
    { ...c, stamp: new Date(Date.UTC(2026, 10, 30)) }, input.rules)),
  shared: input.shared.map((dosages) => P.sharedFrequency(dosages)),
  groups: P.frequencyGroups(input.dosage.slice(0, 40).map((d, i) => [d, `line ${i}`])),
  weekdaySessions: input.weekdaySessions.map((dosages) => P.sessionsByWeekday(dosages)),
  digest: [input.states[0].title, input.states[0].title, input.states[1].title].map(P.digest),
  safety: P.safetyFor({ conditions: ["back", "hip"], items: [{ id: "walking" }, { id: "bridge" }] },
    catalog, input.mergeRules),
};
process.stdout.write(JSON.stringify(out));
"""

DOMAIN = "clinic.example/patients"  # the clinic's own, at the end of every event id


def dosage_vectors() -> list[dict[str, Any]]:
    """Every shape of dosage: each amount kind, one and several sets, rest or none, per side,
    each frequency kind, at boundary values."""
    vectors = []
    amounts = [("reps", v) for v in (1, 10, 100)] + [
        ("hold_seconds", v) for v in (1, 30, 60, 90, 120, 600)
    ]
    amounts += [("minutes", v) for v in (1, 2, 120)]
    frequencies = [{"times_per_day": v} for v in (1, 2, 3, 10)]
    frequencies += [{"times_per_day": v, "work_days": True} for v in (1, 2, 3)]
    frequencies += [{"days_per_week": v} for v in (1, 3, 7)]
    for (kind, value), sets, rest, side, frequency in itertools.product(
        amounts, (1, 2, 10), (None, 0, 45, 60), (False, True), frequencies
    ):
        data = {"sets": sets, kind: value, "rest_seconds": rest, "per_side": side, **frequency}
        vectors.append(Dosage.model_validate(data).model_dump())
    return vectors


RUN_IN = [
    "Pain that spreads.",
    "NHS advice.",
    "Numbness; ",
    "A sudden headache",
    "Ölige Haut.",
    "COVID test",
]

TEXTS = [
    "Your back programme",
    "Rücken: Übungen für zu Hause",
    "腰痛のための運動プログラム" * 3,
    "برنامج تمارين الظهر",
    "Walk 🚶‍♀️ daily, 👍🏽 well done; 50% less pain, a+b=c #1",
    "Line one\nLine two",
    "e\u0301 combining accents, ñ, ø",
    "%41 is not an escape; neither is %ZZ or a lone %",
]

CATALOG = {
    "exercises": [
        {
            "id": "walking",
            "name": "Walking",
            "dosage": {"sets": 1, "minutes": 10, "times_per_day": 1},
            "stop_if": ["You feel faint."],
        },
        {
            "id": "bridge",
            "name": "Bridge",
            "dosage": {"sets": 2, "reps": 10, "days_per_week": 3},
            "stop_if": ["Pain spreads."],
        },
    ],
    "conditions": [
        {
            "id": "back",
            "name": "Back pain",
            "exercises": ["walking"],
            "red_flags": {"emergency": ["Alpha sign"], "urgent": ["Bravo sign"]},
        },
        {
            "id": "hip",
            "name": "Hip pain",
            "exercises": ["bridge"],
            "red_flags": {
                "emergency": ["Full list one", "Full list two"],
                "urgent": ["Full urgent"],
                "soon": ["Full soon"],
            },
            "handout": {
                "emergency": ["Weight loss without trying, or you have had cancer in the past."],
                "urgent": [],
                "soon": ["A lump that grows"],
            },
        },
    ],
}

# Lines that must merge, or must not, by the one rule (Python and JavaScript).
MERGE_CASES = [
    ["Weight loss without trying, or you have had cancer in the past.", "You have had cancer."],
    ["Cancer in the past.", "Weight loss without trying, or cancer in the past."],
    ["Pain eased by rest.", "Pain not eased by rest."],
    ["Pain not eased by rest, or fever.", "Fever."],
    ["Pain not eased by rest, or fever.", "Pain eased by rest."],
    ["No feeling in your legs.", "Feeling in your legs comes back."],
]


def states() -> list[dict[str, Any]]:
    out = []
    for index, text in enumerate(TEXTS):
        out.append(
            {
                "title": text.replace("\n", " ")[:120],
                "instructions": text,
                "therapist": "Dr Ana Núñez",
                "start": "2026-12-01",
                "frequency": {"times_per_day": None, "days_per_week": 3},
                "weeks": 6,
                "conditions": ["back"],
                "items": [
                    {
                        "id": "bridge" if index % 2 else "walking",
                        "dosage": {
                            "sets": 2,
                            "reps": 10,
                            "hold_seconds": None,
                            "minutes": None,
                            "rest_seconds": None,
                            "per_side": True,
                            "times_per_day": 2 if index % 2 else None,
                            "days_per_week": None if index % 2 else 3,
                            "work_days": bool(index % 2),
                        },
                        "note": text.replace("\n", " ")[:300],
                    }
                ],
            }
        )
    return out


HOSTILE = [
    "#v2;t=Good+title;t=%E6%97%A5%E6;e=walking,1,m10,,d1,0,%ZZok",  # bad escape, cut character
    "#v2;t=" + "%F0%9F%98%80" * 3 + "%F0%9F;e=walking,1,m10,,d1,0",  # title cut inside an emoji
    "#v2;" + ";".join(f"e=nope-{i}" for i in range(10_000)) + ";e=walking,1,m10,,d1,0",
    "#v2;e=walking,1,m10,,d1,0;" + "x" * 2_000_000,
    "#v2;e=walking,99,r0,,d99,7;e=bridge,1,r5,,w3,0",  # impossible dosage, valid one
    "#v2;" + ";".join(["e=walking,1,m10,,d1,0"] * 12),  # more than 8 exercises
    "#v2;s=2026-02-30;k=0;f=x9;c=nope,back",  # impossible date, weeks, frequency; one bad id
    "#v9;e=walking",
    "#v1;t=Old+link;e=bridge,2,r10,,w3,0,kept",  # version 1 links still open
]


def merge_vectors() -> list[list[list[str]]]:
    """Stop-if lists of runs of exercises, and red flags of runs of conditions, as shipped."""
    catalog = load_catalog(ROOT / "exercises.yaml")
    exercises = [list(e.stop_if) for e in catalog.exercises]
    flags = [list(c.red_flags.emergency) + list(c.red_flags.urgent) for c in catalog.conditions]
    runs = [exercises[i : i + n] for n in (2, 5, 8) for i in range(0, len(exercises) - n, 3)]
    runs += [flags[i : i + n] for n in (1, 2, 3) for i in range(len(flags) - n + 1)]
    handouts = [
        [*c.handout.emergency, *c.handout.urgent, *c.handout.soon]
        for c in catalog.conditions
        if c.handout is not None
    ]
    runs += [handouts[i : i + n] for n in (2, 6) for i in range(len(handouts) - n + 1)]
    return runs + [[[line] for line in case] for case in MERGE_CASES]


GROUPED = {
    "title": "Mixed programme",
    "groups": [
        {"frequency": {"times_per_day": 2, "days_per_week": None}, "lines": ["1. Walking"]},
        {"frequency": {"times_per_day": None, "days_per_week": 3}, "lines": ["2. Bridge"]},
        {"frequency": {"times_per_day": None, "days_per_week": 5}, "lines": ["3. Stretch"]},
        {"frequency": {"times_per_day": None, "days_per_week": 6}, "lines": ["4. Squat"]},
        {
            "frequency": {"times_per_day": 2, "days_per_week": None, "work_days": True},
            "lines": ["5. Chin tuck"],
        },
    ],
    "weeks": 3,
    "pageUrl": "https://example.org/routines/builder/#v2;e=bridge,2,r10,,w3,0",
    "uidBase": "programme-0badf00d",
}
GROUPED_STARTS = ["2026-12-05", "2026-12-07", "2026-12-09"]  # a Saturday, Monday, Wednesday
SHARED = [
    [{"times_per_day": 2, "days_per_week": None}, {"times_per_day": 2, "days_per_week": None}],
    [{"times_per_day": 2, "work_days": True}, {"times_per_day": 2, "work_days": True}],
    [{"times_per_day": 2, "work_days": True}, {"times_per_day": 2, "days_per_week": None}],
    [{"times_per_day": 1, "days_per_week": None}, {"times_per_day": None, "days_per_week": 3}],
    [],
]

WEEKDAY_SESSIONS = [
    [],
    [{"times_per_day": 2, "work_days": True}],
    [{"times_per_day": 2, "work_days": True}, {"days_per_week": 3}],
    [{"times_per_day": 3, "work_days": True}, {"times_per_day": 1}],
    [{"days_per_week": 5}, {"times_per_day": 2}],
]


@pytest.fixture(scope="module")
def js() -> dict[str, Any]:
    limits = programme_limits()
    frequencies = [{"times_per_day": n} for n in range(1, 11)] + [{"days_per_week": 3}]
    payload = {
        **CATALOG,
        "words": ui_strings("programme"),
        "limits": limits,
        "rules": calendar_rules(DOMAIN),
        "dosage": dosage_vectors(),
        "runIn": RUN_IN,
        "states": states(),
        "hostile": HOSTILE,
        "frequencies": frequencies,
        "cut": [["ab🏃‍♀️cd", 3], ["日本語", 2], ["👍🏽👍🏽", 1]],
        "merge": merge_vectors(),
        "grouped": [{**GROUPED, "start": start} for start in GROUPED_STARTS],
        "shared": SHARED,
        "weekdaySessions": WEEKDAY_SESSIONS,
        "mergeRules": merge_rules(),
        "calendar": {
            "title": "Ünïcode, back; programme",
            "frequency": {"times_per_day": None, "days_per_week": 3},
            "weeks": 6,
            "lines": ["1. Bridge: 2 sets of 10 repetitions; 3 days a week", "2. 日本語 " * 20],
            "pageUrl": "https://example.org/routines/builder/#v2;e=bridge,2,r10,,w3,0",
            "start": "2026-12-02",
            "uidBase": "programme-1",
        },
    }
    return run_programme(RUNNER, payload)


def run_programme(runner: str, payload: dict[str, Any]) -> dict[str, Any]:
    """`runner` in Node with `payload` as `input` and programme.js made with `input.words`."""
    assert NODE is not None, "Node.js is needed (make test installs the Nu HTML Checker with npm)"
    result = subprocess.run(
        [NODE, "-e", runner, str(PROGRAMME_JS)],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return dict(json.loads(result.stdout))


def test_dosage_phrases_match_the_python_generator(js: dict[str, Any]) -> None:
    vectors = dosage_vectors()
    assert len(vectors) > 500
    for data, phrase in zip(vectors, js["dosage"], strict=True):
        assert phrase == describe_dosage(Dosage.model_validate(data)), data


def test_run_in_lines_match_the_routine_pages(js: dict[str, Any]) -> None:
    assert js["runIn"] == [_run_in(text) for text in RUN_IN]


def test_any_text_round_trips_through_the_link(js: dict[str, Any]) -> None:
    for original, decoded in zip(states(), js["roundTrip"], strict=True):
        assert decoded["problems"] == []
        state = decoded["state"]
        for key in ("title", "therapist", "start", "weeks", "conditions"):
            assert state[key] == original[key], key
        assert state["instructions"] == original["instructions"]
        assert state["items"][0]["note"] == original["items"][0]["note"]
        assert state["items"][0]["dosage"] == original["items"][0]["dosage"]


def test_hostile_links_give_short_messages_and_keep_what_is_valid(js: dict[str, Any]) -> None:
    results = js["hostile"]
    for result in results:
        assert len(result["problems"]) <= 4
        assert all(len(problem) < 200 for problem in result["problems"])
    bad_escape, cut_emoji, ten_thousand, huge, bad_dosage, too_many, bad_fields, future, old = (
        results
    )
    assert (
        bad_escape["state"]["title"] == "日" and bad_escape["state"]["items"][0]["note"] == "ZZok"
    )
    assert any("damaged" in p for p in bad_escape["problems"])
    assert cut_emoji["state"]["title"] == "😀😀😀"
    assert ten_thousand["problems"][0].startswith("The link names 10000 exercises")
    assert [i["id"] for i in ten_thousand["state"]["items"]] == ["walking"]
    assert [i["id"] for i in huge["state"]["items"]] == ["walking"]
    assert any("beginning" in p for p in huge["problems"])
    assert bad_dosage["state"]["items"][0]["dosage"]["minutes"] == 10  # the usual amount
    assert bad_dosage["state"]["items"][1]["dosage"]["reps"] == 5
    assert len(too_many["state"]["items"]) == 8 and "4 more were" in too_many["problems"][0]
    assert bad_fields["state"]["start"] == "" and bad_fields["state"]["weeks"] is None
    assert bad_fields["state"]["conditions"] == ["back"]
    assert future["state"]["items"] == [] and future["problems"]
    assert old["state"]["title"] == "Old link" and old["state"]["items"][0]["note"] == "kept"


def test_safety_lines_merge_like_the_routine_pages(js: dict[str, Any]) -> None:
    vectors = merge_vectors()
    assert len(vectors) > 30
    merged_any = False
    for lists, merged in zip(vectors, js["merge"], strict=True):
        flat = [line for lines in lists for line in lines]
        assert merged == merge_warnings(flat)
        merged_any |= len(merged) < len(set(flat))
    assert merged_any  # the vectors include lines that merge


def test_text_is_cut_between_characters(js: dict[str, Any]) -> None:
    assert js["cut"] == ["ab🏃‍♀️", "日本", "👍🏽"]


def test_session_times_match_the_python_rules(js: dict[str, Any]) -> None:
    for number, minutes in enumerate(js["times"][:10], 1):
        expected = session_times(Frequency(times_per_day=number))
        assert [dt.time(m // 60, m % 60) for m in minutes] == expected


def test_builder_calendar_parses_and_repeats_for_its_weeks(js: dict[str, Any]) -> None:
    text = js["calendar"]
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    calendar = Calendar.from_ical(text)
    (event,) = calendar.walk("VEVENT")
    start = event.decoded("dtstart")
    assert start == dt.datetime(2026, 12, 2, 9, 0)
    dates = list(rrulestr(event["rrule"].to_ical().decode(), dtstart=start))
    assert len(dates) == 18 and dates[-1] < start + dt.timedelta(weeks=6)
    assert str(event["summary"]) == "Home exercises: Ünïcode, back; programme"
    assert "日本語" in str(event["description"])
    assert event.walk("VALARM")[0]["action"] == "DISPLAY"
    assert str(event["uid"]) == "programme-1-session-1@clinic.example/patients"


def test_tick_grid_layout_matches_the_routine_pages(js: dict[str, Any]) -> None:
    expected = [list(tracker_layout(weeks)) for weeks in range(1, 53)]
    assert js["tracker"] == expected
    assert expected[5] == [1, 6, False] and expected[7] == [2, 4, False]
    assert expected[11] == [2, 6, False] and expected[12] == [1, 13, True]


def events_of(ics: bytes | str) -> list[tuple[str, ...]]:
    calendar = Calendar.from_ical(ics)
    return sorted(
        (
            str(e["uid"]),
            e.decoded("dtstart").isoformat(),
            e["rrule"].to_ical().decode(),
            str(e["description"]),
        )
        for e in calendar.walk("VEVENT")
    )


def test_grouped_calendars_match_the_python_files(js: dict[str, Any]) -> None:
    """Each frequency its own events, on its own days; the same file as reminders.py makes."""
    for start, text in zip(GROUPED_STARTS, js["grouped"], strict=True):
        day = dt.date.fromisoformat(start)
        python = programme_calendar(
            uid_base=GROUPED["uidBase"],
            domain=DOMAIN,
            title=GROUPED["title"],
            groups=[
                (Frequency.model_validate(g["frequency"]), g["lines"]) for g in GROUPED["groups"]
            ],
            weeks=GROUPED["weeks"],
            page_url=GROUPED["pageUrl"],
            start=day,
            stamp=dt.datetime(2026, 11, 30, tzinfo=dt.UTC),
        )
        assert events_of(text) == events_of(python), start
        calendar = Calendar.from_ical(text)
        events = calendar.walk("VEVENT")
        assert len(events) == 2 + 1 + 1 + 1 + 2
        for event in events:
            dates = list(
                rrulestr(event["rrule"].to_ical().decode(), dtstart=event.decoded("dtstart"))
            )
            assert dates[0].date() >= day
            description = str(event["description"])
            if "3. Stretch" in description:  # 5 days a week: the work days
                assert {d.weekday() for d in dates} == {0, 1, 2, 3, 4} and len(dates) == 15
            if "4. Squat" in description:
                assert {d.weekday() for d in dates} == {0, 1, 2, 3, 4, 5} and len(dates) == 18
            if "2. Bridge" in description:
                assert len(dates) == 9 and "Walking" not in description
            if "1. Walking" in description:
                assert len(dates) == 21
            if "5. Chin tuck" in description:  # twice a day on work days: weekdays only
                assert "Twice a day, Monday to Friday" in description
                assert {d.weekday() for d in dates} == {0, 1, 2, 3, 4} and len(dates) == 15
                assert dates[-1].date() < day + dt.timedelta(weeks=3)


def test_shared_frequency_and_groups_match_the_python_rules(js: dict[str, Any]) -> None:
    daily = {"times_per_day": 2, "days_per_week": None}
    assert js["shared"] == [
        {**daily, "work_days": False},
        {**daily, "work_days": True},
        None,
        None,
        None,
    ]
    for dosages, shared in zip(SHARED, js["shared"], strict=True):
        python = shared_frequency(
            [Dosage.model_validate({"sets": 1, "reps": 1, **d}) for d in dosages]
        )
        assert (python.model_dump() if python else None) == shared
    lines = [line for group in js["groups"] for line in group["lines"]]
    assert sorted(lines) == sorted(f"line {i}" for i in range(40))
    assert len({json.dumps(g["frequency"], sort_keys=True) for g in js["groups"]}) == len(
        js["groups"]
    )


def test_tick_grid_days_match_the_python_rules(js: dict[str, Any]) -> None:
    """Work-day exercises leave the weekend's boxes empty, here and on the routine pages."""
    python = [
        sessions_by_weekday([Dosage.model_validate({"sets": 1, "reps": 1, **d}) for d in case])
        for case in WEEKDAY_SESSIONS
    ]
    assert js["weekdaySessions"] == python
    assert python[1] == [2, 2, 2, 2, 2, 0, 0]
    assert python[2] == [2, 2, 2, 2, 2, 1, 1] and python[3] == [3, 3, 3, 3, 3, 1, 1]


def test_calendar_id_is_stable_for_a_programme(js: dict[str, Any]) -> None:
    same, again, other = js["digest"]
    assert same == again and same != other and len(same) == 8


def test_safety_uses_the_conditions_handout_where_there_is_one(js: dict[str, Any]) -> None:
    safety = js["safety"]
    # "back" has no handout: its red flags; "hip" has one: only its handout lines.
    assert safety["emergency"] == [
        "Alpha sign",
        "Weight loss without trying, or you have had cancer in the past.",
    ]
    assert safety["urgent"] == ["Bravo sign"]
    assert safety["soon"] == ["A lump that grows"]
    assert "Full list one" not in json.dumps(safety)


def test_merge_cases() -> None:
    one, two, rest, fever, eased, feeling = (merge_warnings(case) for case in MERGE_CASES)
    assert one == [MERGE_CASES[0][0]]
    assert two == [MERGE_CASES[1][1]]
    assert rest == MERGE_CASES[2] and eased == MERGE_CASES[4] and feeling == MERGE_CASES[5]
    assert fever == [MERGE_CASES[3][0]]


PSEUDO_RUNNER = """
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const P = require(process.argv[1])(input.words);
const catalog = {
  exerciseById: new Map(input.exercises.map((e) => [e.id, e])),
  conditionById: new Map(input.conditions.map((c) => [c.id, c])),
};
process.stdout.write(JSON.stringify({
  dosage: input.dosage.map((d) => P.describeDosage(d)),
  weeks: [1, 2, 6].map(P.weeksText),
  problems: input.hostile.flatMap((h) => P.decodeState(h, catalog, input.limits).problems),
  calendar: P.makeCalendar(
    { ...input.calendar, stamp: new Date(Date.UTC(2026, 10, 30)) }, input.rules),
}));
"""


def test_programme_words_follow_the_language_of_the_island() -> None:
    """In the pseudo-locale the browser's phrases are Python's, and no English word is left in
    a dosage phrase or a link problem (the exercise names are catalog content)."""
    vectors = dosage_vectors()[::7]
    calendar = {
        "title": "1",
        "groups": [{"frequency": {"times_per_day": 2, "work_days": True}, "lines": ["1"]}],
        "weeks": 6,
        "pageUrl": "",
        "start": "2026-12-02",
        "uidBase": "p",
    }
    before = active.current()
    active.use(PseudoTranslations())
    try:
        words = ui_strings("programme")
        expected = [describe_dosage(Dosage.model_validate(d)) for d in vectors]
        weeks = [describe_weeks(n) for n in (1, 2, 6)]
        python_calendar = programme_calendar(
            uid_base="p",
            title="1",
            groups=[(Frequency(times_per_day=2, work_days=True), ["1"])],
            weeks=6,
            page_url="",
            start=dt.date(2026, 12, 2),
            stamp=dt.datetime(2026, 11, 30, tzinfo=dt.UTC),
        )
    finally:
        active.use(before)
    payload = {**CATALOG, "words": words, "dosage": vectors, "hostile": HOSTILE}
    payload |= {"limits": programme_limits(), "rules": calendar_rules(), "calendar": calendar}
    out = run_programme(PSEUDO_RUNNER, payload)
    assert out["dosage"] == expected
    assert out["weeks"] == weeks and weeks[0] != weeks[1]
    names = [e["name"] for e in CATALOG["exercises"]]
    assert len(out["problems"]) >= 8
    for problem in out["problems"]:
        for name in names:
            problem = problem.replace(name, "")
        assert problem.startswith("⟦") and not re.search(r"[A-Za-z]{2,}", problem), problem
    ours = Calendar.from_ical(out["calendar"].encode())
    theirs = Calendar.from_ical(python_calendar)
    for mine, python in zip(ours.walk("VEVENT"), theirs.walk("VEVENT"), strict=True):
        for key in ("summary", "description"):
            assert str(mine[key]) == str(python[key])


def test_counted_words_pick_their_form_by_the_languages_plural_rules() -> None:
    """French takes the singular for 0 and 1: programme.js asks Intl.PluralRules, not n == 1."""
    words = ui_strings("programme")
    programme = words["programme"]
    assert isinstance(programme, dict)
    programme["week"] = {"one": "%(count)s semaine", "other": "%(count)s semaines"}
    runner = (
        'const input = JSON.parse(require("fs").readFileSync(0, "utf8"));\n'
        "const P = require(process.argv[1])(input.words);\n"
        "process.stdout.write(JSON.stringify({ weeks: [0, 1, 2, 10].map(P.weeksText) }));"
    )
    out = run_programme(runner, {"words": {"language": "fr", "programme": programme}})
    assert out["weeks"] == ["0 semaine", "1 semaine", "2 semaines", "10 semaines"]
