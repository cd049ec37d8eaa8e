"""The clinic's sign-off: fingerprints of a canonical form, the file, and what needs review."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
import yaml

from generator.catalog.load import read_catalog_text
from generator.clinic.signoff import (
    Item,
    SignOffFile,
    catalog_items,
    fingerprint,
    page_data,
    parse_signoffs,
    read_signoffs,
    record_signoffs,
    render_signoffs,
    review_state,
)
from generator.source.errors import ProjectError
from tests.conftest import MINI

TODAY = datetime.date(2026, 12, 6)
SIGNER = "Alex Morgan, physiotherapist"


def items_of(text: str) -> dict[str, Item]:
    catalog, source = read_catalog_text(text, "exercises.yaml")
    return {f"{item.noun}/{item.key}": item for item in catalog_items(catalog, source)}


def prints_of(text: str) -> dict[str, str]:
    return {key: item.fingerprint.text for key, item in items_of(text).items()}


def test_every_entry_with_a_page_is_an_item() -> None:
    catalog, _ = read_catalog_text(MINI.read_text(encoding="utf-8"), "exercises.yaml")
    expected = {f"exercise/{e.id}" for e in catalog.exercises}
    expected |= {f"condition/{c.id}" for c in catalog.conditions}
    expected |= {f"treatment/{m.id}" for m in catalog.treatments}
    expected |= {f"routine/{r.id}" for r in catalog.routines}
    assert set(items_of(MINI.read_text(encoding="utf-8"))) == expected


def test_layout_only_edits_keep_every_fingerprint() -> None:
    text = MINI.read_text(encoding="utf-8")
    # The same data written another way: flow style, keys sorted, other quoting, no comments.
    data = yaml.safe_load(text)
    assert data is not None
    flowed = yaml.safe_dump(data, default_flow_style=True, sort_keys=True, width=70)
    blocked = yaml.safe_dump(data, default_flow_style=False, sort_keys=True, indent=4)
    commented = "# a comment the clinic added\n" + text.replace("\n  - id:", "\n\n  - id:")
    original = prints_of(text)
    assert prints_of(flowed) == original
    assert prints_of(blocked) == original
    assert prints_of(commented) == original


def test_text_wrapped_differently_keeps_the_fingerprint() -> None:
    catalog, _ = read_catalog_text(MINI.read_text(encoding="utf-8"), "x.yaml")
    step = catalog.exercises[0].steps[0]
    data = {"steps": [step]}
    wrapped = {"steps": [step.replace(" ", "\n  ", 1) + "  "]}
    assert fingerprint(wrapped) == fingerprint(data)


def _edited(text: str, entry: str, old: str, new: str) -> str:
    """`text` with `old` replaced by `new` inside the block of entry `entry` only."""
    start = text.index(f"- id: {entry}\n")
    end = text.find("\n  - id:", start + 1)
    end = len(text) if end < 0 else end
    block = text[start:end]
    assert old in block
    return text[:start] + block.replace(old, new, 1) + text[end:]


def test_a_content_edit_breaks_only_that_entry_and_names_the_field() -> None:
    text = MINI.read_text(encoding="utf-8")
    catalog, _ = read_catalog_text(text, "x.yaml")
    exercise = catalog.exercises[0]
    step = exercise.steps[0]
    changed = _edited(text, exercise.id, step, step.rstrip(".") + " slowly.")
    before, after = items_of(text), items_of(changed)
    differ = [key for key in before if before[key].fingerprint != after[key].fingerprint]
    assert differ == [f"exercise/{exercise.id}"]
    approved = before[differ[0]].fingerprint
    assert after[differ[0]].fingerprint.changed(approved) == ["steps"]


def test_a_red_flag_edit_names_red_flags() -> None:
    text = MINI.read_text(encoding="utf-8")
    catalog, _ = read_catalog_text(text, "x.yaml")
    condition = catalog.conditions[0]
    flag = condition.red_flags.emergency[0]
    changed = _edited(text, condition.id, flag, flag.rstrip(".") + " or legs.")
    key = f"condition/{condition.id}"
    before, after = items_of(text)[key], items_of(changed)[key]
    assert after.fingerprint.changed(before.fingerprint) == ["red_flags"]


def test_the_projects_own_review_record_is_not_part_of_the_text() -> None:
    text = MINI.read_text(encoding="utf-8")
    redated = re.sub(r"date: \d{4}-\d{2}-\d{2}", "date: 2020-01-02", text)
    assert redated != text
    assert prints_of(redated) == prints_of(text)


def test_a_default_written_out_is_the_same_content() -> None:
    assert fingerprint({"a": 1}) == fingerprint({"a": 1})
    assert fingerprint({"a": 1}).changed(fingerprint({"a": 1, "b": 2})) == ["b"]


PAGE = """---
title: A guide
reviewed_by: "Someone, physiotherapist"
reviewed_on: 2026-01-02
---

# A guide

Walk a little every day.
"""


def test_a_page_keeps_its_fingerprint_across_line_endings_and_project_review() -> None:
    base = fingerprint(page_data(PAGE))
    assert fingerprint(page_data(PAGE.replace("\n", "\r\n"))) == base
    assert fingerprint(page_data(PAGE.replace("every day.", "every day.   "))) == base
    assert fingerprint(page_data(PAGE.replace("2026-01-02", "2026-06-30"))) == base
    edited = fingerprint(page_data(PAGE.replace("a little", "a lot")))
    assert edited.changed(base) == ["text"]
    retitled = fingerprint(page_data(PAGE.replace("title: A guide", "title: The guide")))
    assert retitled.changed(base) == ["title"]


def test_the_file_is_sorted_deterministic_and_reads_back(tmp_path: Path) -> None:
    items = list(items_of(MINI.read_text(encoding="utf-8")).values())
    path = tmp_path / "signoff.yaml"
    record_signoffs(path, list(reversed(items)), SIGNER, TODAY)
    first = path.read_text(encoding="utf-8")
    record_signoffs(path, items, SIGNER, TODAY)
    assert path.read_text(encoding="utf-8") == first
    assert first.startswith("#")
    records = read_signoffs(path).records
    assert render_signoffs(records) == first
    ids = re.findall(r"^  ([a-z0-9-]+):$", first, re.M)
    sections = re.findall(r"^([a-z]+):$", first, re.M)
    assert sections == sorted(sections, key=list(SignOffFile.model_fields).index)
    for section in re.split(r"^[a-z]+:$", first, flags=re.M)[1:]:
        keys = re.findall(r"^  ([a-z0-9-]+):$", section, re.M)
        assert keys == sorted(keys)
    assert len(ids) == len(items)


def test_signing_some_keeps_the_others(tmp_path: Path) -> None:
    items = list(items_of(MINI.read_text(encoding="utf-8")).values())
    path = tmp_path / "signoff.yaml"
    record_signoffs(path, items, SIGNER, TODAY - datetime.timedelta(days=3))
    record_signoffs(path, items[:1], "Sam Lee, physiotherapist", TODAY)
    records = read_signoffs(path).records
    assert records.record(items[0]) is not None
    assert records.record(items[0]).by == "Sam Lee, physiotherapist"  # type: ignore[union-attr]
    assert all(records.record(item).by == SIGNER for item in items[1:])  # type: ignore[union-attr]


def test_what_needs_review_is_located(tmp_path: Path) -> None:
    text = MINI.read_text(encoding="utf-8")
    items = list(items_of(text).values())
    path = tmp_path / "signoff.yaml"
    record_signoffs(path, items[1:], SIGNER, TODAY)
    current, problems = review_state(items, read_signoffs(path, "signoff.yaml"), TODAY)
    assert len(current) == len(items) - 1
    [unsigned] = problems
    assert unsigned.file == "exercises.yaml"
    catalog, source = read_catalog_text(text, "exercises.yaml")
    assert (unsigned.line, unsigned.column) == source.locate(items[0].path)
    assert items[0].path == ("modalities", 0)  # the first section with pages, first entry
    assert catalog.treatments[0].id == items[0].key
    assert "not signed off by the clinic" in unsigned.message
    assert items[0].key in unsigned.path


@pytest.mark.parametrize(
    ("by", "date", "expected"),
    [
        ("Sam Taylor, physiotherapist (sample name, to be replaced)", "2026-12-01", "sample"),
        ("sam  TAYLOR, physiotherapist", "2026-12-01", "sample"),  # the markers taken off
        (SIGNER, "2026-12-08", "in the future"),  # the 7th may be today in another time zone
    ],
)
def test_a_wrong_sign_off_is_located_in_the_file(by: str, date: str, expected: str) -> None:
    items = list(items_of(MINI.read_text(encoding="utf-8")).values())
    record = items[0]
    digest = record.fingerprint.text
    text = (
        f"{record.section}:\n  {record.key}:\n    by: {by!r}\n    date: {date}\n"
        f"    text: {digest}\n"
    )
    signoffs = parse_signoffs(text, "signoff.yaml")
    _, problems = review_state(items[:1], signoffs, TODAY)
    [problem] = problems
    assert problem.file == "signoff.yaml"
    assert expected in problem.message
    field = "by" if expected == "sample" else "date"
    assert problem.line == (3 if field == "by" else 4)
    assert problem.column == (9 if field == "by" else 11)


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("exercises:\n  x:\n    by: A, b\n    date: 2026-13-01\n", "signoff.yaml:4:11"),
        ("exercise:\n  x: {}\n", "signoff.yaml:1:1"),
        ("exercises:\n  x:\n    by: A, b\n    date: 2026-01-01\n    text: abc\n", "signoff.yaml:5"),
        ("exercises: [\n", "signoff.yaml:"),
    ],
)
def test_a_broken_file_is_a_located_error(text: str, where: str) -> None:
    with pytest.raises(ProjectError) as raised:
        parse_signoffs(text, "signoff.yaml")
    assert str(raised.value).startswith(where)


def test_a_file_of_comments_only_has_no_records() -> None:
    assert parse_signoffs("# nothing yet\n\n", "signoff.yaml").records == SignOffFile()


def test_a_sign_off_dated_tomorrow_may_be_today_elsewhere() -> None:
    """Signed on the signer's calendar a day ahead of this machine's: not in the future."""
    items = list(items_of(MINI.read_text(encoding="utf-8")).values())
    record = items[0]
    tomorrow = TODAY + datetime.timedelta(days=1)
    text = (
        f"{record.section}:\n  {record.key}:\n    by: {SIGNER!r}\n    date: {tomorrow}\n"
        f"    text: {record.fingerprint.text}\n"
    )
    signed, problems = review_state(items[:1], parse_signoffs(text, "signoff.yaml"), TODAY)
    assert problems == [] and len(signed) == 1
