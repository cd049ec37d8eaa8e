"""The command line: exit codes, located errors on stderr, export and schema."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import MINI, ROOT, mini_text
from tests.conftest import run_cli as run


def python_m_generator(*args: str) -> subprocess.CompletedProcess[str]:
    """The real entry point, in a child process (the other tests call it in this process)."""
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_the_entry_point_runs_as_python_m_generator() -> None:
    checked = python_m_generator("check", str(MINI), "--config", str(MINI.parent / "mkdocs.yml"))
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.rstrip().endswith("0 errors, 0 warnings.")


def test_help_lists_every_command() -> None:
    usage = run("--help")
    assert usage.returncode == 0, usage.stderr
    assert usage.stdout.startswith("usage: python -m generator")
    for command in ("check", "export", "schema", "new", "figures"):
        assert command in usage.stdout


def test_check_valid_catalog_exits_0() -> None:
    result = run("check", str(MINI), "--config", str(MINI.parent / "mkdocs.yml"))
    assert result.returncode == 0, result.stderr
    assert "2 treatments, 1 condition, 3 exercises, 1 routine, 2 references;" in result.stdout
    assert result.stdout.rstrip().endswith("0 errors, 0 warnings.")


def test_check_invalid_catalog_exits_1_with_located_errors(tmp_path: Path) -> None:
    bad = tmp_path / "exercises.yaml"
    bad.write_text(mini_text().replace("level: 2", "level: nine"), encoding="utf-8")
    result = run("check", str(bad))
    assert result.returncode == 1
    assert f"{bad}:" in result.stderr and "exercises[1].level:" in result.stderr
    assert "1 problem found." in result.stderr
    assert "Traceback" not in result.stderr


def test_check_missing_file_exits_1() -> None:
    result = run("check", "no-such-file.yaml")
    assert result.returncode == 1
    assert "no-such-file.yaml:1:1: cannot read file" in result.stderr


def test_usage_errors_exit_2() -> None:
    assert run().returncode == 2
    assert run("frobnicate").returncode == 2


def test_export_writes_the_markdown_tree_and_catalog_json(tmp_path: Path) -> None:
    config = str(MINI.parent / "mkdocs.yml")
    result = run("export", str(tmp_path / "out"), "--catalog", str(MINI), "--config", config)
    assert result.returncode == 0, result.stderr
    docs = tmp_path / "out" / "docs"
    page = (docs / "exercises" / "pelvic-tilt.md").read_text()
    assert page.startswith('---\ntitle: "Pelvic tilt"')
    assert "exclude: true" not in page  # the engine's search indexes catalog pages
    assert (docs / "img" / "glute-bridge.svg").is_file()  # the content folder
    data = json.loads((docs / "api" / "catalog.json").read_text())
    assert [e["id"] for e in data["exercises"]] == ["pelvic-tilt", "glute-bridge", "walking"]
    assert data["routines"][0]["for"] == ["acute-low-back-pain"]


def test_export_replaces_an_earlier_export_but_no_other_folder(tmp_path: Path) -> None:
    config = str(MINI.parent / "mkdocs.yml")
    out = tmp_path / "out"
    assert run("export", str(out), "--catalog", str(MINI), "--config", config).returncode == 0
    (out / "docs" / "mine.md").write_text("my notes", encoding="utf-8")  # the user's own
    manifest = json.loads((out / ".clinic-export").read_text(encoding="utf-8"))
    manifest["files"].append("docs/stale.md")  # as if an earlier export had written it
    (out / ".clinic-export").write_text(json.dumps(manifest), encoding="utf-8")
    (out / "docs" / "stale.md").write_text("old", encoding="utf-8")
    assert run("export", str(out), "--catalog", str(MINI), "--config", config).returncode == 0
    assert not (out / "docs" / "stale.md").exists()
    assert (out / "docs" / "mine.md").read_text(encoding="utf-8") == "my notes"
    other = tmp_path / "other"
    other.mkdir()
    (other / "notes.txt").write_text("keep", encoding="utf-8")
    result = run("export", str(other), "--catalog", str(MINI), "--config", config)
    assert result.returncode == 1
    assert "not empty and not an earlier export" in result.stderr
    assert sorted(p.name for p in other.iterdir()) == ["notes.txt"]


def test_schema_is_json_schema_of_the_catalog() -> None:
    result = run("schema")
    schema = json.loads(result.stdout)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert set(schema["properties"]) == {
        "references",
        "modalities",
        "conditions",
        "exercises",
        "routines",
        "poses",
    }
    assert schema["$defs"]["Exercise"]["additionalProperties"] is False


def test_check_reports_missing_and_escaping_pictures(tmp_path: Path) -> None:
    (tmp_path / "content" / "img").mkdir(parents=True)
    drawing = '<svg xmlns="http://www.w3.org/2000/svg"/>'
    (tmp_path / "content" / "img" / "bridge.svg").write_text(drawing, encoding="utf-8")
    (tmp_path / "secret.svg").write_text(drawing, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("docs_dir: content\n", encoding="utf-8")
    (tmp_path / "content" / "img" / "link.svg").symlink_to(tmp_path / "secret.svg")
    without_figures = re.sub(r"    figure:.*\n(      .*\n)?", "", mini_text())
    text = (
        without_figures.replace(
            "    image: {path: img/glute-bridge.svg,", "    image: {path: img/bridge.svg,"
        )
        .replace(
            "    summary: Keeps you active.",
            "    summary: Keeps you active.\n"
            "    image: {path: img/missing.svg, alt: Someone walking.}",
        )
        .replace(
            "    summary: Gently moves your lower back.",
            "    summary: Gently moves your lower back.\n"
            "    image: {path: img/link.svg, alt: A tilt.}",
        )
    )
    catalog = tmp_path / "exercises.yaml"
    catalog.write_text(text, encoding="utf-8")
    result = run("check", str(catalog), "--config", str(tmp_path / "mkdocs.yml"))
    assert result.returncode == 1
    assert "exercises[2].image.path: file not found: " in result.stderr
    assert "exercises[0].image.path: must stay inside" in result.stderr
    assert "exercises[1].image" not in result.stderr
