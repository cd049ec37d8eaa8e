"""The build and `export` refuse what `check` refuses, with the same located messages; a
tricky but harmless project builds, and publishes nothing from content/ that runs."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import build, make_project, run_cli

HOSTILE = '\n<a href="&#106;avascript:alert(1)">x</a>\n'


def test_a_hostile_page_fails_the_build_and_export_with_its_place(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    about = project / "content" / "about.md"
    text = about.read_text(encoding="utf-8")
    about.write_text(text + HOSTILE, encoding="utf-8")
    line = text.count("\n") + 2
    where = f"content/about.md:{line}:4: link runs script (javascript:)"
    checked = run_cli("check", cwd=project)
    assert checked.returncode == 1 and where in checked.stderr
    built = build(project)
    assert built.returncode != 0 and where in built.stderr
    assert "Traceback" not in built.stderr
    exported = run_cli("export", str(tmp_path / "out"), cwd=project)
    assert exported.returncode == 1 and where in exported.stderr
    assert not (tmp_path / "out").exists()


def test_an_html_file_in_content_fails_the_build(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    (project / "content" / "leaflet.html").write_text("<script>alert(1)</script>")
    built = build(project)
    assert built.returncode != 0
    assert "content/leaflet.html:1:1: .html files are not published" in built.stderr
    assert not (project / "site").exists()


def test_the_tricky_project_publishes_nothing_that_runs(tricky: Path) -> None:
    site = tricky / "site"
    assert (site / "tricky" / "dot.png").is_file()
    assert not (site / "tricky" / ".notes.html").exists()
    about = (site / "about" / "index.html").read_text(encoding="utf-8")
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "window.pwned" in about  # shown as code and text
    # The policy allows the theme's scripts only: as many hashes as on the home page.
    policies = [
        re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
        for page in (about, home)
    ]
    hashes = [len(re.findall(r"'sha256-[^']+'", p[1])) for p in policies if p is not None]
    assert len(hashes) == 2 and hashes[0] == hashes[1] > 0
