"""Engine portability: ProperDocs (the maintained fork of MkDocs 1.6) builds the same pages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, pick, project_catalog

sys.path.insert(0, str(ROOT / "scripts"))
from url_manifest import published_urls


def test_properdocs_builds_the_same_site(built: Path, tmp_path: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
    command = [
        sys.executable,
        "-m",
        "properdocs",
        "build",
        "--strict",
        "-f",
        "mkdocs.yml",
        "--site-dir",
        str(tmp_path / "site-properdocs"),
    ]
    result = subprocess.run(
        command, cwd=built, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert published_urls(tmp_path / "site-properdocs") == published_urls(built / "site")
    (exercise,) = pick(project_catalog(built).exercises, lambda _: True, "an exercise")
    page = (tmp_path / "site-properdocs" / "exercises" / exercise.id / "index.html").read_text()
    assert "Content-Security-Policy" in page and "has not yet reviewed this page" in page
