"""`make site` is atomic: a failed build leaves the last good site exactly as it was."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, digest, make_project


def run_build(project: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
    script = ROOT / "scripts" / "build_site.py"
    return subprocess.run(
        [sys.executable, str(script), "site"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_failed_build_keeps_the_previous_site(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    first = run_build(project)
    assert first.returncode == 0, first.stderr
    before = digest(project / "site")

    catalog = project / "exercises.yaml"
    catalog.write_text(catalog.read_text(encoding="utf-8").replace("steps:", "stepz:", 1))
    failed = run_build(project)
    assert failed.returncode == 1
    assert "unknown field 'stepz'; did you mean 'steps'?" in failed.stderr
    assert "left unchanged" in failed.stderr
    assert digest(project / "site") == before
    builds = sorted(p.name for p in (project / ".site-builds").iterdir())
    assert builds == sorted([".lock", (project / "site").resolve().name])  # nothing left over


CATALOG_DAMAGE = [
    ("sets: 2", "sets: 010", "dosage.sets: must be a whole number"),
    ("date: 2026-11-20", "date: 2026-02-30", "is not a real date"),
    ("level: 1", "level: !!int Pelvic", "'!!int Pelvic' is not a whole number"),
    ("level: 1", "level: " + "9" * 5000, "far too large"),
    ("name: ", "name: \u202e", "U+202E (RIGHT-TO-LEFT OVERRIDE)"),
    ("name: ", "name: \x1b[31m", "U+001B (ESCAPE)"),
]


def test_malformed_input_fails_located_and_keeps_the_last_good_site(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    assert run_build(project).returncode == 0
    before = digest(project / "site")
    catalog = project / "exercises.yaml"
    good = catalog.read_text(encoding="utf-8")
    config = project / "mkdocs.yml"
    settings = config.read_text(encoding="utf-8")
    damages = [(catalog, good, *damage) for damage in CATALOG_DAMAGE]
    damages.append((config, settings, "  clinic:\n", "  clinic: Riverside\n  x:\n", "must be"))
    for file, text, old, new, message in damages:
        file.write_text(text.replace(old, new, 1), encoding="utf-8")
        failed = run_build(project)
        file.write_text(text, encoding="utf-8")
        assert failed.returncode == 1, new
        assert message in failed.stderr, failed.stderr
        assert re.search(rf"{file.name}:\d+:\d+: ", failed.stderr), failed.stderr
        assert "Traceback" not in failed.stderr
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f\u202e]", failed.stderr)
        assert digest(project / "site") == before


def test_a_build_in_another_language_leaves_the_settings_as_they_are(tmp_path: Path) -> None:
    """`make site-pseudo`: the language is set for the one build, not written to mkdocs.yml."""
    project = make_project(tmp_path)
    settings = (project / "mkdocs.yml").read_bytes()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
    script = ROOT / "scripts" / "build_site.py"
    result = subprocess.run(
        [sys.executable, str(script), "--language", "en-XA", "pseudo"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    home = (project / "pseudo" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en-XA"' in home
    assert "⟦" in home and "⟧" in home
    assert (project / "mkdocs.yml").read_bytes() == settings
    assert not (project / "site").exists()
