"""A clinic takes the project's next release: its settings, sign-off and own exercise merge
without a conflict, and `check --publish` names exactly the entries the release changed."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from generator.catalog.load import read_catalog
from tests.conftest import US_CLINIC, make_project, run_cli, with_clinic

SIGNER = "Alex Morgan, physiotherapist"
NEW_ID = "clinic-own-press"


def git(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    settings = ["-c", "user.name=Test", "-c", "user.email=test@example.invalid"]
    settings += ["-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false"]
    return subprocess.run(
        ["git", *settings, *args], cwd=cwd, capture_output=True, text=True, check=False
    )


def commit(cwd: Path, message: str) -> None:
    assert git(cwd, "add", "-A").returncode == 0
    done = git(cwd, "commit", "-q", "-m", message)
    assert done.returncode == 0, done.stderr


def fill_skeleton(catalog: Path, entry_id: str) -> None:
    """Replace every TODO of a new exercise, its picture borrowed from an exercise that has
    one of a single panel (pose and position)."""
    shipped, _ = read_catalog(catalog)
    model = next(
        e for e in shipped.exercises if e.figure and len(e.figure.panels) == 1 and e.id != entry_id
    )
    assert model.figure is not None
    text = catalog.read_text(encoding="utf-8")
    start = text.index(f"- id: {entry_id}\n")
    end = text.index("\n\n", start)
    lines = text[start:end].split("\n")
    count = 0
    for number, line in enumerate(lines):
        if line.strip().startswith("#"):
            continue
        if "{pose: TODO}" in line:
            lines[number] = line.replace("TODO", model.figure.panels[0].pose)
        elif line.strip().startswith("position:"):
            lines[number] = line[: line.index("position:")] + f"position: {model.position}"
        elif "reviewed:" in line:
            lines[number] = re.sub(r"by: [^,]*,", f"by: {SIGNER.split(',')[0]},", line)
        elif "TODO" in line:
            count += 1
            words = ["Sit", "Stand", "Lean", "Rest", "Push", "Hold", "Breathe", "Relax"]
            lines[number] = re.sub(r"TODO.*", f"{words[count % len(words)]} slowly {count}.", line)
    catalog.write_text(text[:start] + "\n".join(lines) + text[end:], encoding="utf-8")


def edit_value(catalog: Path, path: tuple[str | int, ...], addition: str) -> None:
    """Upstream's edit: `addition` added to the text at `path`, on the line it is written."""
    data, source = read_catalog(catalog)
    value: object = data
    for part in path:
        value = value[part] if isinstance(part, int) else getattr(value, part)  # type: ignore[index]
    assert isinstance(value, str)
    line, _ = source.locate(path)
    lines = catalog.read_text(encoding="utf-8").split("\n")
    assert value in lines[line - 1], "a value written on one line"
    lines[line - 1] = lines[line - 1].replace(value, value.rstrip(".") + addition, 1)
    catalog.write_text("\n".join(lines), encoding="utf-8")


def changed_field_line(catalog: Path, section: str, index: int, field: str) -> int:
    _, source = read_catalog(catalog)
    return source.locate((section, index, field), key=True)[0]


def test_a_release_merges_and_names_exactly_what_it_changed(tmp_path: Path) -> None:
    (tmp_path / "upstream").mkdir()
    upstream = make_project(tmp_path / "upstream")
    (upstream / "CHANGELOG.md").write_text("# Changelog\n", encoding="utf-8")
    assert git(upstream, "init", "-q").returncode == 0
    commit(upstream, "Release 1")
    clinic = tmp_path / "clinic"
    assert git(tmp_path, "clone", "-q", str(upstream), str(clinic)).returncode == 0

    # The clinic rebrands, adds its own exercise and signs everything off.
    with_clinic(clinic, US_CLINIC)
    assert run_cli("new", "exercise", NEW_ID, cwd=clinic).returncode == 0
    fill_skeleton(clinic / "exercises.yaml", NEW_ID)
    signed = run_cli("review", "--by", SIGNER, "--all", cwd=clinic)
    assert signed.returncode == 0, signed.stderr
    first = run_cli("check", "--publish", cwd=clinic)
    assert first.returncode == 0, first.stderr
    commit(clinic, "Our clinic: settings, our exercise, sign-off")

    # Upstream's next release changes a red flag and an exercise step.
    catalog = upstream / "exercises.yaml"
    shipped, _ = read_catalog(catalog)
    condition = next(i for i, c in enumerate(shipped.conditions) if c.red_flags.emergency)
    exercise = len(shipped.exercises) // 2
    edit_value(catalog, ("conditions", condition, "red_flags", "emergency", 0), ", or worse.")
    edit_value(catalog, ("exercises", exercise, "steps", 0), " slowly.")
    with (upstream / "CHANGELOG.md").open("a", encoding="utf-8") as log:
        log.write("\n## Safety\n\n- A red flag reworded.\n")
    commit(upstream, "Release 2")

    assert git(clinic, "fetch", "-q", "origin").returncode == 0
    merged = git(clinic, "merge", "--no-edit", "origin/main")
    assert merged.returncode == 0, merged.stdout + merged.stderr
    assert git(clinic, "diff", "--name-only", "--diff-filter=U").stdout == ""
    text = (clinic / "exercises.yaml").read_text(encoding="utf-8")
    assert f"- id: {NEW_ID}" in text and "<<<<<<<" not in text

    after = run_cli("check", "--publish", cwd=clinic)
    assert after.returncode == 1
    assert "Traceback" not in after.stderr
    lines = after.stderr.splitlines()
    merged_catalog = clinic / "exercises.yaml"
    red_flags = changed_field_line(merged_catalog, "conditions", condition, "red_flags")
    steps = changed_field_line(merged_catalog, "exercises", exercise, "steps")
    condition_id = shipped.conditions[condition].id
    exercise_id = shipped.exercises[exercise].id
    assert sorted(lines) == sorted(
        [
            f"exercises.yaml:{red_flags}:5: condition '{condition_id}': changed since "
            + lines_matching(lines, condition_id),
            f"exercises.yaml:{steps}:5: exercise '{exercise_id}': changed since "
            + lines_matching(lines, exercise_id),
        ]
    )
    assert "(red_flags)" in lines_matching(lines, condition_id)
    assert "(steps)" in lines_matching(lines, exercise_id)


def lines_matching(lines: list[str], entry_id: str) -> str:
    """The rest of the one line about `entry_id`, after "changed since "."""
    [line] = [line for line in lines if f"'{entry_id}'" in line]
    return line.split("changed since ", 1)[1]
