"""`make site` is atomic: a failed build leaves the last good site exactly as it was."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT
from tests.test_build import digest, make_project


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
