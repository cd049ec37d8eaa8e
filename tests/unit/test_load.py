"""Loading: every problem is reported with file, line, column and data path."""

from __future__ import annotations

from generator.catalog.load import load_catalog_bytes, load_catalog_text
from tests.conftest import mini_text, problems_of


def test_the_mini_catalog_loads(mini) -> None:  # type: ignore[no-untyped-def]
    assert [e.id for e in mini.exercises] == ["pelvic-tilt", "glute-bridge", "walking"]
    assert mini.routines[0].for_conditions == ["acute-low-back-pain"]


def test_a_bad_value_names_its_line_column_and_path() -> None:
    text = mini_text().replace("dosage: {sets: 2, reps: 10,", "dosage: {sets: 0, reps: 10,")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "sets: 0" in row)
    column = text.splitlines()[line - 1].index("0") + 1
    assert problems_of(text) == [
        f"test.yaml:{line}:{column}: exercises[1].dosage.sets: "
        "Input should be greater than or equal to 1"
    ]


def test_every_problem_is_collected_not_just_the_first() -> None:
    text = (
        mini_text()
        .replace("level: 2", "level: 7")
        .replace("position: standing", "position: upside_down")
        .replace("name: Walking", "name: Walking\n    colour: blue")
    )
    found = problems_of(text)
    assert len(found) == 3
    assert any("exercises[1].level" in p for p in found)
    assert any("exercises[2].position" in p and "'lying_on_back'" in p for p in found)
    assert any("exercises[2].colour: unknown field 'colour'" in p for p in found)


def test_unknown_key_suggests_the_close_field() -> None:
    text = mini_text().replace("    summary: Keeps you active.", "    sumary: Keeps you active.")
    found = problems_of(text)
    assert any("unknown field 'sumary'; did you mean 'summary'?" in p for p in found)
    assert any("missing required field 'summary'" in p for p in found)


def test_missing_dosage_amount_is_located_at_the_dosage() -> None:
    text = mini_text().replace(
        "{sets: 1, minutes: 10, days_per_week: 5}", "{sets: 1, days_per_week: 5}"
    )
    (problem,) = problems_of(text)
    assert "exercises[2].dosage: give exactly one of reps, hold_seconds or minutes" in problem


def test_work_days_without_times_a_day_is_located() -> None:
    text = mini_text().replace(
        "{sets: 1, minutes: 10, days_per_week: 5}",
        "{sets: 1, minutes: 10, days_per_week: 5, work_days: true}",
    )
    text = text.replace(
        "frequency: {times_per_day: 2}", "frequency: {days_per_week: 2, work_days: true}"
    )
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "days_per_week: 5, work" in row)
    found = problems_of(text)
    rule = "work_days goes with times_per_day (N times a day, Monday to Friday)"
    assert any(
        p.startswith(f"test.yaml:{line}:") and f"exercises[2].dosage: {rule}" in p for p in found
    )
    assert any(f"routines[0].frequency: {rule}" in p for p in found)


def test_work_days_override_on_a_days_a_week_exercise_is_located() -> None:
    text = mini_text().replace(
        "      - exercise: glute-bridge\n",
        "      - exercise: glute-bridge\n        dosage: {work_days: true}\n",
    )
    found = problems_of(text)
    assert any("routines[0].items[1].dosage" in p and "work_days" in p for p in found), found


def test_duplicate_keys_are_rejected_not_silently_overwritten() -> None:
    text = mini_text().replace(
        "    level: 1\n    position: standing", "    level: 1\n    level: 2\n    position: standing"
    )
    (problem,) = problems_of(text)
    assert "exercises[2].level: duplicate key 'level' (first written at line" in problem


def test_duplicate_ids_and_unknown_ids() -> None:
    text = (
        mini_text()
        .replace("  - id: walking", "  - id: glute-bridge")
        .replace("exercises: [pelvic-tilt, glute-bridge]", "exercises: [pelvic-tilt, glute-brige]")
    )
    found = problems_of(text)
    assert any(
        "exercises[2].id: duplicate exercise id 'glute-bridge' (first used at line" in p
        for p in found
    )
    assert any(
        "conditions[0].exercises[1]: unknown exercise id 'glute-brige'; "
        "did you mean 'glute-bridge'?" in p
        for p in found
    )


def test_an_exercise_cannot_be_its_own_harder_version() -> None:
    text = mini_text().replace("harder: [glute-bridge]", "harder: [pelvic-tilt]")
    found = problems_of(text)
    assert any(
        "exercises[0].harder[0]: 'pelvic-tilt' cannot be its own harder version" in p for p in found
    )


def test_progression_cycles_are_found() -> None:
    text = mini_text().replace(
        "easier: [pelvic-tilt]", "easier: [pelvic-tilt]\n    harder: [pelvic-tilt]"
    )
    found = problems_of(text)
    assert any(
        "progression goes in a circle: glute-bridge -> pelvic-tilt -> glute-bridge" in p
        for p in found
    )


def test_override_that_breaks_the_dosage_is_located_at_the_routine_item() -> None:
    text = mini_text().replace("dosage: {minutes: 5, times_per_day: 3}", "dosage: {sets: 11}")
    found = problems_of(text)
    assert any("routines[0].items[2].dosage.sets" in p for p in found)


def test_yaml_syntax_error_is_located() -> None:
    (problem,) = problems_of("exercises:\n  - id: [unclosed\n")
    assert problem.startswith("test.yaml:3:1: not valid YAML")
    assert "(while parsing a flow sequence, which began at line 2, column 9)" in problem


def test_unclosed_quote_names_where_it_began() -> None:
    text = mini_text().replace("name: ", 'name: "', 1)
    opened = next(n for n, line in enumerate(text.splitlines(), 1) if 'name: "' in line)
    (problem,) = problems_of(text)
    assert f"(while scanning a quoted scalar, which began at line {opened}, column" in problem


def test_tabs_get_a_plain_message() -> None:
    (problem,) = problems_of("exercises:\n\t- id: x\n")
    assert problem == "test.yaml:2:1: tabs are not allowed for indentation in YAML; use spaces"


def test_empty_file_and_wrong_top_level() -> None:
    assert problems_of("") == ["test.yaml:1:1: the file is empty"]
    top_level = "the top level must be a mapping with sections (references, exercises, ...)"
    assert problems_of("- a\n- b\n") == [f"test.yaml:1:1: {top_level}"]
    assert problems_of("~\n") == [f"test.yaml:1:1: {top_level}"]


def test_invalid_utf8_names_the_line() -> None:
    import pytest

    from generator.source.errors import CatalogError

    with pytest.raises(CatalogError) as caught:
        load_catalog_bytes(b"references: []\nexercises: [\xff]\n", "bad.yaml")
    assert str(caught.value.problems[0]).startswith("bad.yaml:2:13: not valid UTF-8")


def test_byte_order_mark_is_accepted() -> None:
    catalog = load_catalog_bytes(b"\xef\xbb\xbf" + mini_text().encode(), "bom.yaml")
    assert len(catalog.exercises) == 3


def test_alias_bomb_is_stopped() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join(['*a' + str(i - 1)] * 10)}]" for i in range(1, 9)]
    found = problems_of("\n".join(lines) + "\n")
    assert found == ["test.yaml:1:1: the document is too large or uses too many aliases"]


def test_non_https_video_and_escaping_image_paths() -> None:
    text = mini_text().replace(
        "    summary: Keeps you active.",
        "    summary: Keeps you active.\n    video: javascript:alert(1)\n"
        "    image: {path: ../../etc/passwd, alt: A person walking}",
    )
    found = problems_of(text)
    assert any(
        "exercises[2].video: Value error, must be an https:// address" in p
        or "exercises[2].video: must be an https:// address" in p
        for p in found
    )
    assert any("exercises[2].image.path: must stay inside the project" in p for p in found)


def test_text_is_stripped_and_ids_must_be_slugs() -> None:
    text = mini_text().replace("id: walking", "id: Walking Fast")
    found = problems_of(text)
    assert any("exercises[2].id: String should match pattern" in p for p in found)
    load_catalog_text(mini_text(), "ok.yaml")


def test_ids_that_collide_with_site_pages_are_reserved() -> None:
    found = problems_of(mini_text().replace("id: first-days", "id: builder"))
    assert any("routines[0].id: 'builder' is reserved for a page of the site" in p for p in found)


def test_merge_keys_recursive_aliases_and_extra_documents_are_located() -> None:
    assert problems_of("<<: {a: 1}\nreferences: []\n") == [
        "test.yaml:1:1: '<<' merge keys are not supported"
    ]
    assert problems_of("a: &r\n  b: *r\n") == [
        "test.yaml:2:6: not valid YAML: found undefined alias"
    ]
    (problem,) = problems_of("references: []\n---\nexercises: []\n")
    assert problem.startswith("test.yaml:2:1: not valid YAML: but found another document")


def test_positions_survive_aliases_and_flow_style() -> None:
    from generator.source.yaml_source import read_yaml

    data, source, problems = read_yaml("a: &x [1, {b: 2}]\nc: *x\nd:\n  - e: f\n", "t.yaml")
    assert problems == [] and data == {"a": [1, {"b": 2}], "c": [1, {"b": 2}], "d": [{"e": "f"}]}
    assert source.values[("a", 1, "b")] == (1, 15)
    assert source.values[("c",)] == (1, 4)  # where the anchored value was written
    assert source.keys[("d", 0, "e")] == (4, 5) and source.values[("d", 0, "e")] == (4, 8)
