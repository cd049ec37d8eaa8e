"""Adding a page as docs/editing.md says: `check` and the build refuse a page the nav leaves
out, with the line to add; once that line is added, both pass and the page is in the menu."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import build, make_project, run_cli

PAGE = """---
title: Parking and getting here
---

# Parking and getting here

There are three parking spaces behind the building.
"""


def test_a_page_left_out_of_the_nav_is_named_with_the_line_that_adds_it(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    page = project / "content" / "guides" / "parking-test-page.md"
    page.write_text(PAGE, encoding="utf-8")

    checked = run_cli("check", cwd=project)
    assert checked.returncode == 1
    told = re.search(
        r"^mkdocs\.yml:(\d+):\d+: nav: content/guides/parking-test-page\.md is not in the nav.*"
        r"add this line after line (\d+) of mkdocs\.yml \(with its spaces\): `(.*)`",
        checked.stderr,
        re.MULTILINE,
    )
    assert told, checked.stderr
    refused = build(project)
    assert refused.returncode != 0
    assert "content/guides/parking-test-page.md is not in the nav" in refused.stderr

    config = project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    after = int(told[2])
    assert int(told[1]) == after
    lines.insert(after, told[3] + "\n")
    config.write_text("".join(lines), encoding="utf-8")
    assert told[3].endswith("- Parking and getting here: guides/parking-test-page.md")

    assert run_cli("check", cwd=project).returncode == 0
    built = build(project)
    assert built.returncode == 0, built.stderr
    guides = (project / "site" / "guides" / "index.html").read_text(encoding="utf-8")
    assert 'href="parking-test-page/"' in guides  # in the menu beside the other guides
    assert (project / "site" / "guides" / "parking-test-page" / "index.html").is_file()
