"""`make serve`: a clinician saves the catalog and the preview shows the change; a broken
save is reported with file, line and column, and the next good save shows again."""

from __future__ import annotations

import html
from pathlib import Path

from scripts.preview import Preview, rename_first_exercise
from tests.conftest import make_project


def test_saved_edits_show_in_the_preview_and_a_broken_save_is_located(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    catalog = project / "exercises.yaml"
    with Preview(project) as preview:
        preview.wait_for("", "</html>", timeout=120)

        path, name = rename_first_exercise(catalog, "(edited)")
        preview.wait_for(path, f">{html.escape(name)}</h1>")

        good = catalog.read_text(encoding="utf-8")
        line_number = next(n for n, line in enumerate(good.splitlines(), 1) if "(edited)" in line)
        broken = good.replace(f"name: {name}", f"name: [{name}", 1)  # a list left open
        catalog.write_text(broken, encoding="utf-8")
        preview.wait_for_log("the project is not valid")
        assert "exercises.yaml:" in preview.log
        assert f"(while parsing a flow sequence, which began at line {line_number}, column" in (
            preview.log
        )

        catalog.write_text(good.replace("(edited)", "(fixed)", 1), encoding="utf-8")
        preview.wait_for(path, f">{html.escape(name.replace('(edited)', '(fixed)'))}</h1>")
