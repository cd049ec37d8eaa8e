"""Engine portability: ProperDocs (the maintained fork of MkDocs 1.6) builds the same pages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.test_build import built  # noqa: F401  (module-scoped MkDocs build)

sys.path.insert(0, str(ROOT / "scripts"))
from url_manifest import published_urls

pytestmark = pytest.mark.site  # builds a whole site: not in the fast tier


def test_properdocs_builds_the_same_site(built: Path) -> None:  # noqa: F811
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
        "site-properdocs",
    ]
    result = subprocess.run(
        command, cwd=built, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert published_urls(built / "site-properdocs") == published_urls(built / "site")
    page = (built / "site-properdocs" / "exercises" / "bird-dog" / "index.html").read_text()
    assert "Content-Security-Policy" in page and "Reviewed by" in page
