"""The YAML slips a clinic manager makes most, in the catalog and in the settings: each is a
located problem that says what to do (line it up with a named line, put it in quotes), never a
raw parser message or a silently changed value."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.catalog.load import load_catalog_text
from tests.conftest import US_CLINIC, make_project, mini_text, problems_of, run_cli, with_clinic

STEP = "      - Flatten your lower back into the floor.\n"


def line_of(text: str, piece: str) -> int:
    return next(i for i, row in enumerate(text.splitlines(), 1) if piece in row)


@pytest.mark.parametrize("indent", [" ", "  ", "    "])
def test_a_list_item_typed_inside_a_step_is_located_not_merged(indent: str) -> None:
    text = mini_text().replace(STEP, indent + STEP, 1)
    (problem,) = problems_of(text)
    line = line_of(text, "- Flatten your lower back")
    above = line - 1
    assert problem.startswith(f"test.yaml:{line}:{7 + len(indent)}: exercises[0].steps[0]: ")
    assert f"line its '-' up with the '-' on line {above} (6 spaces before it)" in problem
    assert "put the text in quotes" in problem


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ('      - "Relax, then\n        - breathe out."\n', "Relax, then - breathe out."),
        ("      - Relax - and breathe.\n", "Relax - and breathe."),
        ("      - Relax,\n        then breathe out.\n", "Relax, then breathe out."),
    ],
)
def test_a_dash_in_quoted_or_one_line_text_is_text(written: str, read: str) -> None:
    text = mini_text().replace("      - Relax.\n", written, 1)
    assert load_catalog_text(text, "test.yaml").exercises[0].steps[2] == read


@pytest.mark.parametrize(
    ("written", "line_up"),
    [
        ("     short_steps:\n", "start 'short_steps' under 'steps' on line {steps} (4 spaces)"),
        ("   short_steps:\n", "start 'short_steps' under 'steps' on line {steps} (4 spaces)"),
    ],
)
def test_wrong_indentation_names_the_line_to_line_up_with(written: str, line_up: str) -> None:
    text = mini_text().replace("    short_steps:\n", written, 1)
    (problem,) = problems_of(text)
    line = line_of(text, "short_steps:")
    steps = line_of(text, "    steps:")
    indent = len(written) - len(written.lstrip())
    assert problem.startswith(f"test.yaml:{line}:")
    assert f"line {line} is indented {indent} spaces" in problem
    assert line_up.format(steps=steps) in problem


def test_a_colon_in_a_step_asks_for_quotes() -> None:
    text = mini_text().replace("      - Relax.\n", "      - Relax: let your back rest.\n", 1)
    (problem,) = problems_of(text)
    line = line_of(text, "Relax: let")
    assert problem.startswith(f"test.yaml:{line}:9: exercises[0].steps[2]: must be text")
    assert 'put the whole text in quotes: "Relax: let your back rest."' in problem


def test_a_colon_in_a_one_line_value_asks_for_quotes() -> None:
    text = re.sub(r"(?m)^(    summary: )(.*)$", r"\1Note: \2", mini_text(), count=1)
    (problem,) = problems_of(text)
    line = line_of(text, "summary: Note:")
    assert problem.startswith(f"test.yaml:{line}:")
    assert "the value of 'summary' holds ': '" in problem
    assert 'put the whole value in quotes: summary: "Note: ' in problem


@pytest.mark.parametrize("value", ["no", "1:30", "yes", "010", "12:00"])
def test_values_yaml_1_1_reads_otherwise_stay_text_in_a_step(value: str) -> None:
    text = mini_text().replace("      - Relax.\n", f"      - {value}\n", 1)
    assert load_catalog_text(text, "test.yaml").exercises[0].steps[2] == value


def test_settings_slips_are_located_in_mkdocs_yml(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    with_clinic(project, US_CLINIC.replace("name: Lakeside Spine Care", "name: Lake: Spine"))
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    result = run_cli("check", cwd=project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    line = line_of(text, "name: Lake: Spine")
    assert f"mkdocs.yml:{line}:" in result.stderr
    assert 'put the whole value in quotes: name: "Lake: Spine"' in result.stderr
    with_clinic(project, US_CLINIC.replace("    email:", "     email:"))
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    result = run_cli("check", cwd=project)
    assert result.returncode == 1
    assert f"mkdocs.yml:{line_of(text, 'email:')}:" in result.stderr
    assert "start 'email' under 'phone'" in result.stderr


def test_a_list_item_indented_less_names_the_dash_to_line_up_with() -> None:
    text = mini_text().replace(STEP, " " * 5 + STEP.lstrip(" "), 1)
    (problem,) = problems_of(text)
    line = line_of(text, "- Flatten your lower back")
    assert problem.startswith(f"test.yaml:{line}:")
    assert f"line its '-' up with the '-' on line {line - 1} (6 spaces)" in problem


def test_a_key_without_a_space_after_its_colon_is_named_on_its_own_line() -> None:
    text = re.sub(r"(?m)^(    summary:) (.*)$", r"\1\2", mini_text(), count=1)
    (problem,) = problems_of(text)
    line = line_of(text, "summary:")
    assert problem.startswith(f"test.yaml:{line}:5: "), "where it was typed, not a line later"
    assert "'summary:' needs a space after the colon: write 'summary: " in problem


def test_an_unquoted_colour_is_named_as_a_comment_on_its_own_line(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    with_clinic(project, US_CLINIC.replace('primary: "#5b2a86"', "primary: #5b2a86"))
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    result = run_cli("check", cwd=project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    line = line_of(text, "primary: #5b2a86")
    column = text.splitlines()[line - 1].index("#") + 1
    assert f"mkdocs.yml:{line}:{column}: " in result.stderr, "where it was typed, not a line later"
    assert 'put the value in quotes: primary: "#5b2a86"' in result.stderr


@pytest.mark.parametrize(
    ("written", "advice"),
    [
        ("Northern Ireland", "write the region in small letters: 'region: northern-ireland'"),
        ("England", "write the region in small letters: 'region: england'"),
        ("Yorkshire", "'Yorkshire' is not a region this site knows; write one of england, "),
    ],
)
def test_a_region_spelt_otherwise_gets_the_spelling_to_write(
    tmp_path: Path, written: str, advice: str
) -> None:
    project = make_project(tmp_path)
    uk = US_CLINIC.replace("country: US", f"country: UK\n    region: {written}")
    with_clinic(project, uk.replace('"(202) 555-0143"', '"020 7946 0000"'))
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    result = run_cli("check", cwd=project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"mkdocs.yml:{line_of(text, 'region:')}:" in result.stderr
    assert advice in result.stderr
