"""Values are read as written: nothing that merely looks like a number, a boolean or a date
changes meaning, and every refusal is located, shown escaped, and never a traceback."""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.catalog.load import load_catalog_bytes, load_catalog_text
from generator.site_files.api import catalog_json
from generator.source.errors import CatalogError
from generator.source.text_safety import FORBIDDEN
from generator.source.yaml_scalars import NumberLike, plain
from tests.conftest import Ran, mini_text, problems_of, run_cli

DOSAGE = "dosage: {sets: 2, reps: 10, rest_seconds: 30, days_per_week: 3}"  # glute-bridge


def with_reps(value: str) -> str:
    text = mini_text()
    assert DOSAGE in text
    return text.replace(DOSAGE, DOSAGE.replace("reps: 10", f"reps: {value}"))


def place_of(text: str, needle: str) -> tuple[int, int]:
    for number, row in enumerate(text.splitlines(), 1):
        if needle in row:
            return number, row.index(needle) + 1
    raise AssertionError(needle)


@pytest.mark.parametrize(
    ("written", "why"),
    [
        ("010", "leading zero"),
        ("0o10", "plain decimal"),
        ("0x1F", "plain decimal"),
        ("1:30", "base-60"),
        ("1_000", "separators"),
        ("+5", "plus sign"),
        ("1e1", "exponent"),
        ("9" * 5000, "too large"),
        ("yes", "'yes'"),
        ("on", "'on'"),
        ("y", "'y'"),
        ("10.0", "the number 10.0"),
        ("'10'", "'10'"),
        ("true", "true"),
    ],
)
def test_a_number_field_takes_only_a_plain_decimal(written: str, why: str) -> None:
    text = with_reps(written)
    line, column = place_of(text, f"reps: {written}")
    (problem,) = problems_of(text)
    assert problem.startswith(f"test.yaml:{line}:{column + 6}: exercises[1].dosage.reps: ")
    assert "must be a whole number written with digits" in problem
    assert why in problem


def test_a_plain_decimal_is_read_as_that_number() -> None:
    catalog = load_catalog_text(with_reps("12"), "t.yaml")
    assert catalog.exercises[1].dosage.reps == 12


@pytest.mark.parametrize("written", ["yes", "no", "on", "off", "Y", "n", "1", "'true'"])
def test_a_boolean_field_takes_only_true_or_false(written: str) -> None:
    text = with_reps(f"10, per_side: {written}")
    (problem,) = problems_of(text)
    assert "exercises[1].dosage.per_side: must be true or false" in problem


def test_yes_in_a_text_field_stays_the_text_yes() -> None:
    catalog = load_catalog_text(mini_text().replace("name: Walking", "name: yes"), "t.yaml")
    assert catalog.exercises[2].name == "yes"
    catalog = load_catalog_text(mini_text().replace("name: Walking", "name: 010"), "t.yaml")
    assert catalog.exercises[2].name == "010"


@pytest.mark.parametrize("date", ["2026-02-30", "2026-13-01", "2026-00-10"])
def test_an_impossible_date_is_a_located_error(date: str) -> None:
    text = mini_text().replace(
        "date: 2026-11-20}\n  - id: walking", f"date: {date}}}\n  - id: walking"
    )
    line, column = place_of(text, date)
    (problem,) = problems_of(text)
    assert problem.startswith(f"test.yaml:{line}:{column}: exercises[1].reviewed.date: ")
    assert f"{date} is not a real date" in problem


def test_a_quoted_date_is_that_date_and_checked_too() -> None:
    text = mini_text().replace(
        "date: 2026-11-20}\n  - id: walking", "date: '2026-11-21'}\n  - id: walking"
    )
    assert load_catalog_text(text, "t.yaml").exercises[1].reviewed.date == datetime.date(
        2026, 11, 21
    )
    (problem,) = problems_of(text.replace("'2026-11-21'", "'2026-02-30'"))
    assert "exercises[1].reviewed.date: 2026-02-30 is not a real date" in problem


@pytest.mark.parametrize("written", ["2026-1-2", "2026-11-20 10:00", "20261120", "'20 Nov 2026'"])
def test_a_date_field_takes_only_a_date(written: str) -> None:
    text = mini_text().replace(
        "date: 2026-11-20}\n  - id: walking", f"date: {written}}}\n  - id: walking"
    )
    (problem,) = problems_of(text)
    assert "exercises[1].reviewed.date: must be a date written as YYYY-MM-DD" in problem


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("!!int Pelvic", "'!!int Pelvic' is not a whole number"),
        ("!!bool maybe", "'!!bool maybe' is not true or false"),
        ("!!int 010", "leading zero"),
        ("!!binary aGk=", "the tag '!!binary' is not supported"),
        ("!foo 3", "the tag '!foo' is not supported"),
        ("!!python/int 3", "the tag '!!python/int' is not supported"),
    ],
)
def test_tags_are_checked_or_refused(written: str, message: str) -> None:
    text = with_reps(written)
    line, column = place_of(text, written)
    (problem,) = problems_of(text)
    assert problem.startswith(f"test.yaml:{line}:{column}: exercises[1].dosage.reps: ")
    assert message in problem


def test_a_tagged_collection_is_refused() -> None:
    text = mini_text().replace("equipment: [mat]", "equipment: !!set {mat}", 1)
    (problem,) = problems_of(text)
    assert "exercises[0].equipment: the tag '!!set' is not supported" in problem


@pytest.mark.parametrize(
    ("char", "shown"),
    [
        ("\u202e", "U+202E (RIGHT-TO-LEFT OVERRIDE)"),
        ("\u200b", "U+200B (ZERO WIDTH SPACE)"),
        ("\u2066", "U+2066"),
        ("\ufeff", "U+FEFF"),
        ("\ufdd0", "U+FDD0"),
        ("\U0001fffe", "U+1FFFE"),
        ("\x85", "U+0085"),
        ("\x1b", "U+001B (ESCAPE)"),
        ("\x00", "U+0000 (NULL)"),
        ("\x07", "U+0007"),
        ("\t", "U+0009"),
    ],
)
def test_an_invisible_character_in_a_name_is_located_where_it_is_written(
    char: str, shown: str
) -> None:
    text = mini_text().replace("name: Glute bridge", f"name: Glute{char} bridge")
    line, column = place_of(text, "name: Glute")
    with pytest.raises(CatalogError) as caught:
        load_catalog_bytes(text.encode("utf-8"), "test.yaml")
    (problem,) = [str(p) for p in caught.value.problems]
    assert problem.startswith(f"test.yaml:{line}:{column + 11}: ")
    assert shown in problem
    assert not FORBIDDEN.search(problem)


@pytest.mark.parametrize("escape", ["\\e[31m", "\\u202E", "\\0", "\\x85", "\\t"])
def test_an_escaped_invisible_character_is_refused_too(escape: str) -> None:
    text = mini_text().replace("name: Glute bridge", f'name: "Glute{escape} bridge"')
    (problem,) = problems_of(text)
    assert "exercises[1].name: contains the invisible or control character U+" in problem
    assert not FORBIDDEN.search(problem)


def test_an_unknown_key_of_escape_sequences_is_shown_escaped() -> None:
    text = mini_text().replace("name: Glute bridge", 'name: Glute bridge\n    "\\e[2J\\e[31m": x')
    problems = problems_of(text)
    assert problems and all(not FORBIDDEN.search(p) for p in problems)
    assert any("U+001B[2JU+001B[31m" in p for p in problems)


def test_a_line_break_is_allowed_in_long_text_only() -> None:
    text = mini_text().replace("summary: Keeps you active.", 'summary: "Keeps you\\nactive."')
    assert load_catalog_text(text, "t.yaml").exercises[2].summary == "Keeps you\nactive."
    text = mini_text().replace("name: Walking", 'name: "Walk\\ning"')
    (problem,) = problems_of(text)
    assert "exercises[2].name: must be on one line" in problem


def test_a_character_in_a_comment_is_located_too() -> None:
    text = mini_text().replace("  - id: walking", "  - id: walking  # note \u202e", 1)
    line, column = place_of(text, "\u202e")
    (problem,) = problems_of(text)
    assert problem.startswith(f"test.yaml:{line}:{column}: ")


def test_a_nul_byte_is_located_at_its_line_and_column() -> None:
    text = mini_text().replace("name: Walking", "name: Wal\x00king")
    line, column = place_of(text, "Wal")
    with pytest.raises(CatalogError) as caught:
        load_catalog_bytes(text.encode(), "test.yaml")
    (problem,) = [str(p) for p in caught.value.problems]
    assert problem.startswith(f"test.yaml:{line}:{column + 3}: ")
    assert "U+0000 (NULL)" in problem


# Every valid value goes from YAML to the catalog JSON unchanged.
ONE_LINE = (
    st.text(
        alphabet=st.characters(
            blacklist_categories=("Cs", "Cc", "Cf", "Zl", "Zp", "Co", "Cn"),
            blacklist_characters="<>",
        ),
        min_size=1,
        max_size=40,
    )
    .map(str.strip)
    .filter(lambda t: t != "" and not FORBIDDEN.search(t))
)


@settings(max_examples=150, deadline=None)
@given(
    name=ONE_LINE,
    summary=ONE_LINE,
    reps=st.integers(min_value=1, max_value=100),
    sets=st.integers(min_value=1, max_value=10),
    per_side=st.booleans(),
    date=st.dates(min_value=datetime.date(1990, 1, 1), max_value=datetime.date(2099, 12, 31)),
    flow=st.booleans(),
)
def test_every_valid_value_round_trips_to_the_catalog_json(
    name: str, summary: str, reps: int, sets: int, per_side: bool, date: datetime.date, flow: bool
) -> None:
    data = yaml.safe_load(mini_text())
    exercise = data["exercises"][1]
    exercise.update(name=name, summary=summary, reviewed={"by": name, "date": date})
    exercise["dosage"].update(reps=reps, sets=sets, per_side=per_side)
    text = yaml.safe_dump(data, allow_unicode=True, default_flow_style=flow, sort_keys=False)
    published = json.loads(catalog_json(load_catalog_text(text, "t.yaml")))
    entry = next(e for e in published["exercises"] if e["id"] == exercise["id"])
    assert (entry["name"], entry["summary"]) == (name, summary)
    assert entry["reviewed"] == {"by": name, "date": date.isoformat()}
    assert (entry["dosage"]["reps"], entry["dosage"]["sets"]) == (reps, sets)
    assert entry["dosage"]["per_side"] is per_side


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="0123456789+-._:eExXoObB", min_size=1, max_size=8))
def test_number_like_text_is_a_number_only_in_its_plain_decimal_form(text: str) -> None:
    value = plain(text)
    old_tag = yaml.SafeLoader("").resolve(yaml.ScalarNode, text, (True, False))  # YAML 1.1
    old_number = old_tag.endswith((":int", ":float"))
    if isinstance(value, bool) or not isinstance(value, int | float):
        assert isinstance(value, str)
        if old_number:  # YAML 1.1 takes it for a number: kept as marked text
            assert isinstance(value, NumberLike) and value.reason
        return
    assert re.fullmatch(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?", text)
    assert old_number and yaml.safe_load(f"k: {text}")["k"] == value  # both versions agree


def run_check(*args: str) -> Ran:
    return run_cli("check", *args)


@pytest.mark.parametrize("size", [40 * 1024 * 1024 + 1, 600 * 1024 * 1024])
def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path: Path, size: int) -> None:
    big = tmp_path / "exercises.yaml"
    with big.open("wb") as out:
        out.truncate(size)  # sparse: takes no room on disk
    result = run_check(str(big))
    assert result.returncode == 1
    assert f"{big}:1:1: the file is larger than 40 MB" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_endless_file_is_read_only_up_to_the_limit() -> None:
    result = run_check("/dev/zero")
    assert result.returncode == 1
    assert "/dev/zero:1:1: the file is larger than 40 MB" in result.stderr


def test_check_shows_every_bad_value_located_without_a_traceback(tmp_path: Path) -> None:
    text = (
        with_reps("1:30")
        .replace("name: Walking", "name: Walk\u202eing")
        .replace("level: 1\n    position: standing", "level: !!int Pelvic\n    position: standing")
        .replace("date: 2026-11-20}\n  - id: walking", "date: 2026-02-30}\n  - id: walking")
    )
    bad = tmp_path / "exercises.yaml"
    bad.write_text(text, encoding="utf-8")
    result = run_check(str(bad))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines[-1] == "4 problems found."
    assert all(re.match(rf"{re.escape(str(bad))}:\d+:\d+: \S+: ", line) for line in lines[:-1])
    assert not FORBIDDEN.search(result.stderr.replace("\n", ""))
    assert "Traceback" not in result.stderr
