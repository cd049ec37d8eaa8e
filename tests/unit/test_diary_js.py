"""The diary's logic (diary-core.js), run in Node: the progress report's link codec (round trips,
the length cap, hostile links), week maths across clock changes and month ends in two time
zones, stored diaries read back defensively, and the CSV file read back with Python's csv."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import random
import re
import shutil
import subprocess
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from generator.pages.ui_strings import DIARY
from tests.conftest import ROOT

DIARY_JS = ROOT / "theme" / "assets" / "javascripts" / "diary-core.js"
NODE = shutil.which("node")

WORDS = {"unknownReport": "unknown", "damagedReport": "damaged"}
# Two exercises: twice a day (14 sessions a week), and three days a week.
ITEMS = [
    {"id": "a", "dosage": {"times_per_day": 2, "days_per_week": None}},
    {"id": "b", "dosage": {"times_per_day": None, "days_per_week": 3}},
]


def run(script: str, data: Any, tz: str = "UTC") -> Any:
    """Run `script` in Node with diary-core.js as `D` and `data` as `input`; its JSON result."""
    program = (
        f"const D = require({json.dumps(str(DIARY_JS))});\n"
        'const input = JSON.parse(require("fs").readFileSync(0, "utf8"));\n'
        f"process.stdout.write(JSON.stringify((() => {{ {script} }})()));"
    )
    assert NODE is not None
    done = subprocess.run(
        [NODE, "-e", program],
        input=json.dumps(data),
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "TZ": tz},
    )
    return json.loads(done.stdout)


def diary_of(days: dict[str, tuple[list[int], int | None, str]], since: str) -> dict[str, Any]:
    entries = {
        d: {"done": done, "pain": pain, "note": note} for d, (done, pain, note) in days.items()
    }
    return {"v": 1, "since": since, "days": entries}


def random_diary(seed: int) -> tuple[dict[str, Any], str, str]:
    rng = random.Random(seed)
    anchor = dt.date(2026, 1, 1) + dt.timedelta(days=rng.randrange(0, 700))
    length = rng.randrange(1, 60)
    days = {}
    for n in range(length):
        if rng.random() < 0.3:
            continue
        note = rng.choice(["", "Stiff; better. 100% ok, a=b & c", "😀 ü ñ", "+1 =SUM(A1)"])
        pain = rng.choice([None, *range(11)])
        day = (anchor + dt.timedelta(days=n)).isoformat()
        days[day] = ([rng.randrange(0, 3), rng.randrange(0, 2)], pain, note)
    today = (anchor + dt.timedelta(days=length - 1)).isoformat()
    return diary_of(days, anchor.isoformat()), anchor.isoformat(), today


def expected_weeks(diary: dict[str, Any], anchor: str, today: str) -> list[dict[str, Any]]:
    """Week maths done again with Python dates."""
    start, end = dt.date.fromisoformat(anchor), dt.date.fromisoformat(today)
    out = []
    for w in range((end - start).days // 7 + 1):
        first = start + dt.timedelta(days=7 * w)
        days = [(first + dt.timedelta(days=d)).isoformat() for d in range(7)]
        entries = [diary["days"].get(d) for d in days]
        done = [sum(e["done"][i] for e in entries if e) for i in range(2)]
        pain = [e["pain"] if e else None for e in entries]
        notes = [
            {"day": d, "text": e["note"]}
            for d, e in zip(days, entries, strict=True)
            if e and e["note"]
        ]
        out.append(
            {"index": w, "from": days[0], "to": days[6], "done": done, "pain": pain, "notes": notes}
        )
    return out


ROUND_TRIP = """
return input.cases.map(({ diary, anchor, today }) => {
  const weeks = D.weeks(diary, input.items, anchor, today);
  const made = D.encodeReport(weeks, anchor, { notes: true });
  const link = "#v2;t=Mine;e=a,1,r10,,d2,0;e=b,1,r10,,w3,0;" + made.parts.join(";");
  const split = D.splitLink(link);
  return { weeks, split, decoded: D.decodeReport(split.report, input.items, input.words) };
});
"""


def test_report_round_trips_and_matches_python_weeks() -> None:
    cases = []
    for seed in range(40):
        diary, anchor, today = random_diary(seed)
        cases.append({"diary": diary, "anchor": anchor, "today": today})
    out = run(ROUND_TRIP, {"cases": cases, "items": ITEMS, "words": WORDS})
    for case, result in zip(cases, out, strict=True):
        expected = expected_weeks(case["diary"], case["anchor"], case["today"])
        weeks = [
            {k: w[k] for k in ("index", "from", "to", "done", "pain", "notes")}
            for w in result["weeks"]
        ]
        assert weeks == expected
        assert result["split"]["programme"] == "#v2;t=Mine;e=a,1,r10,,d2,0;e=b,1,r10,,w3,0"
        decoded = result["decoded"]
        assert decoded["problems"] == []
        keys = ("index", "from", "to", "done", "pain")
        got = [{k: w[k] for k in keys} for w in decoded["report"]["weeks"]]
        assert got == [{k: w[k] for k in keys} for w in expected]
        # Notes travel when ticked: the latest 30 of them.
        notes = [n for w in decoded["report"]["weeks"] for n in w["notes"]]
        assert notes == [n for w in expected for n in w["notes"]][-30:]
        assert all(w["planned"] == [14, 3] for w in decoded["report"]["weeks"])


def test_report_keeps_within_its_budget_dropping_notes_then_old_weeks() -> None:
    days = {
        (dt.date(2026, 3, 1) + dt.timedelta(days=n)).isoformat(): ([2, 1], n % 11, f"note {n}" * 5)
        for n in range(120)
    }
    diary = diary_of(days, "2026-03-01")
    script = """
    const weeks = D.weeks(input.diary, input.items, "2026-03-01", "2026-06-28");
    return input.budgets.map((budget) => {
      const made = D.encodeReport(weeks, "2026-03-01", { notes: true, budget });
      const decoded = D.decodeReport(made.parts, input.items, input.words);
      return { made, size: made.parts.join(";").length + 1, decoded, total: weeks.length };
    });
    """
    budgets = [100_000, 1_000, 150, 20]
    out = run(script, {"diary": diary, "items": ITEMS, "words": WORDS, "budgets": budgets})
    full, some, few, tiny = out
    assert full["made"]["notes"] == 30 and full["made"]["droppedWeeks"] == 0
    for result, budget in zip(out[:3], budgets[:3], strict=True):
        assert result["size"] <= budget and result["made"]["fits"]
        assert result["decoded"]["problems"] == []
    assert some["made"]["notes"] < 30 and few["made"]["notes"] == 0
    assert few["made"]["droppedWeeks"] > 0
    # The weeks kept are the latest, numbered as in the diary.
    last = few["decoded"]["report"]["weeks"][-1]
    assert last["index"] == full["total"] - 1 and last["done"] == [2, 1]  # today only
    assert tiny["made"]["weeks"] == 1 and not tiny["made"]["fits"]


HOSTILE = [
    ["r=2.20260101.1.1,1~-------"],
    ["r=1"],
    ["r=1.20261341.1.1,1~-------"],
    ["r=1.20260101.0.1,1~-------"],
    ["r=1.20260101.1.999,1~-------"],
    ["r=1.20260101.1.1,1,1,1~zzzzzzzzzz"],
    ["r=1.20260101.1.-1,x~a"],
    ["r=1.20260101.1." + ".".join(["1,1~0000000"] * 500)],
    ["r=1.20260101.52.1,1~0000000.1,1~0000000"],
    ["r=1.20260101.1.1,1~0000000", "x=3.%E0%A4", "x=999.far", "x=abc.x", "x=0.%E2%80%AE+hidden"],
    ["x=1.only+a+note"],
    ["r=1.20260101.1." + "9" * 100_000],
]


def test_hostile_reports_give_short_messages_and_valid_values() -> None:
    script = "return input.links.map((parts) => D.decodeReport(parts, input.items, input.words));"
    out = run(script, {"links": HOSTILE, "items": ITEMS, "words": WORDS})
    for parts, result in zip(HOSTILE, out, strict=True):
        assert result["problems"], parts
        assert len(result["problems"]) <= 2
        report = result["report"]
        if report is None:
            continue
        assert len(report["weeks"]) <= 52
        for week in report["weeks"]:
            assert all(
                d is None or 0 <= d <= limit for d, limit in zip(week["done"], (14, 7), strict=True)
            )
            assert len(week["pain"]) == 7 and all(p is None or 0 <= p <= 10 for p in week["pain"])
            for note in week["notes"]:
                assert "\u202e" not in note["text"] and len(note["text"]) <= 140
    assert out[0]["report"] is None and out[0]["problems"] == ["unknown"]
    assert out[9]["report"]["weeks"][0]["done"] == [1, 1]
    assert [n["text"] for n in out[9]["report"]["weeks"][0]["notes"]] == ["hidden"]


# Instants either side of the clock changes of 2026 and at a month's end, in London and in
# Lord Howe Island (a half-hour change, on other dates, south of the equator).
INSTANTS = [
    "2026-03-29T00:30:00Z",
    "2026-03-29T01:30:00Z",
    "2026-10-24T23:30:00Z",
    "2026-10-25T00:59:59Z",
    "2026-10-25T01:00:00Z",
    "2026-04-04T14:45:00Z",
    "2026-04-04T15:15:00Z",
    "2026-10-03T15:15:00Z",
    "2026-10-03T15:45:00Z",
    "2026-10-31T23:30:00Z",
    "2028-02-28T23:59:59Z",
]


@pytest.mark.parametrize("tz", ["Europe/London", "Australia/Lord_Howe"])
def test_the_day_and_week_follow_the_readers_calendar(tz: str) -> None:
    days = [
        (dt.date(2026, 10, 19) + dt.timedelta(days=n)).isoformat()
        for n in (0, 6, 7, 12, 13, 14, 20, 130, 131)
    ]
    diary = diary_of({d: ([1, 1], 3, "") for d in days}, "2026-10-19")
    script = """
    return {
      local: input.instants.map((t) => D.localDay(new Date(t))),
      weeks: D.weeks(input.diary, input.items, "2026-10-19", "2027-03-01")
        .map((w) => [w.from, w.done]),
      added: [["2026-10-24", 1], ["2026-03-28", 2], ["2028-02-28", 1], ["2026-12-31", 1]]
        .map(([day, n]) => D.addDays(day, n)),
    };
    """
    out = run(script, {"instants": INSTANTS, "diary": diary, "items": ITEMS}, tz=tz)
    zone = ZoneInfo(tz)
    expected = [
        dt.datetime.fromisoformat(t.replace("Z", "+00:00")).astimezone(zone).date().isoformat()
        for t in INSTANTS
    ]
    assert out["local"] == expected
    weeks = expected_weeks(diary, "2026-10-19", "2027-03-01")
    assert out["weeks"] == [[w["from"], w["done"]] for w in weeks]
    assert out["added"] == ["2026-10-25", "2026-03-30", "2028-02-29", "2027-01-01"]


def test_a_stored_diary_is_read_back_defensively() -> None:
    texts = [
        "not json",
        "null",
        json.dumps({"v": 2, "since": "2026-01-01", "days": {}}),
        json.dumps({"v": 1, "since": "2026-02-30", "days": {}}),
        json.dumps(
            {
                "v": 1,
                "since": "2026-01-01",
                "days": {
                    "2026-01-02": {"done": [99, -1], "pain": 11, "note": "x" * 1000},
                    "2026-01-03": {"done": "all", "pain": 5, "note": {"a": 1}},
                    "2099-01-01": {"done": [1, 1], "pain": 1, "note": "future"},
                    "yesterday": {"done": [1, 1]},
                    "2026-01-04": {"done": [0, 0], "pain": None, "note": ""},
                },
                "__proto__": {"polluted": True},
            }
        ),
    ]
    script = """
    return input.texts.map((t) => D.parseDiary(t, input.items, "2026-02-01"));
    """
    out = run(script, {"texts": texts, "items": ITEMS})
    assert out[:4] == [None, None, None, None]
    assert out[4]["days"] == {
        "2026-01-02": {"done": [2, 0], "pain": None, "note": "x" * 140},
        "2026-01-03": {"done": [0, 0], "pain": 5, "note": "[object Object]"},
    }


def test_csv_reads_back_and_never_starts_a_formula() -> None:
    diary = diary_of(
        {
            "2026-05-01": ([2, 1], 4, 'said "ok", then left'),
            "2026-05-09": ([0, 1], None, "=HYPERLINK(1)"),
        },
        "2026-05-01",
    )
    script = """
    return D.toCsv(input.diary, input.items, ["Bridge, slow", "-Cat"], "2026-05-01", "2026-05-10",
      { date: "Date", week: "Week", pain: "Pain", note: "Note" });
    """
    text = run(script, {"diary": diary, "items": ITEMS})
    rows = list(csv.reader(io.StringIO(text)))
    assert rows == [
        ["Date", "Week", "Bridge, slow", "'-Cat", "Pain", "Note"],
        ["2026-05-09", "2", "0", "1", "", "'=HYPERLINK(1)"],
        ["2026-05-01", "1", "2", "1", "4", 'said "ok", then left'],
    ]


def test_the_diary_key_depends_on_the_programme_only() -> None:
    links = ["#v2;e=a,1,r10,,d2,0", "#v2;e=a,1,r11,,d2,0", "#v2;e=a,1,r10,,d2,0"]
    out = run("return input.links.map(D.programmeKey);", {"links": links})
    assert out[0] == out[2] != out[1]
    assert all(k.startswith("clinic-diary:") and len(k) == len("clinic-diary:") + 16 for k in out)


def test_every_word_the_diary_shows_is_in_its_strings_table() -> None:
    """diary.js takes its words from ui_strings.py's DIARY only: every `S.name` it reads exists."""
    keys = set(DIARY)
    used = set(re.findall(r"\bS\.(\w+)", DIARY_JS.with_name("diary.js").read_text()))
    assert used and used <= keys, used - keys
    words = {"unknownReport", "damagedReport"}  # passed to diary-core.js for its messages
    assert words <= keys
