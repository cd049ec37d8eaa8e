"""`python -m generator new`: a schema-valid, commented skeleton, with TODOs that check reports."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest

from generator.catalog.content_checks import Severity, check_content
from generator.catalog.kinds import BY_KEY
from generator.catalog.load import read_catalog
from generator.catalog.skeletons import add_entry
from generator.source.errors import CatalogError
from tests.conftest import MINI
from tests.conftest import run_cli as run


@pytest.mark.parametrize(
    ("kind", "section"),
    [
        ("exercise", "exercises"),
        ("condition", "conditions"),
        ("treatment", "modalities"),
        ("routine", "routines"),
    ],
)
def test_new_entry_lands_in_its_section_and_check_lists_its_todos(
    tmp_path: Path, kind: str, section: str
) -> None:
    catalog_path = tmp_path / "exercises.yaml"
    shutil.copy(MINI, catalog_path)
    add_entry(catalog_path, kind, "brand-new")
    catalog, source = read_catalog(catalog_path)
    entries = getattr(catalog, BY_KEY[section].field)  # the YAML key's `Catalog` attribute
    assert entries[-1].id == "brand-new"
    assert "# " in catalog_path.read_text(encoding="utf-8").split("id: brand-new", 1)[1]
    report = check_content(catalog, source, today=datetime.date.today(), readability=False)
    todos = [f for f in report.findings if f.severity is Severity.ERROR]
    assert todos and all("placeholder text 'TODO'" in str(f) for f in todos)
    assert all(f"{section}[{len(entries) - 1}]" in str(f) for f in todos)


def test_a_taken_id_changes_nothing(tmp_path: Path) -> None:
    catalog_path = tmp_path / "exercises.yaml"
    shutil.copy(MINI, catalog_path)
    before = catalog_path.read_bytes()
    with pytest.raises(CatalogError, match="duplicate exercise id 'walking'"):
        add_entry(catalog_path, "exercise", "walking")
    assert catalog_path.read_bytes() == before


def test_new_on_the_command_line(tmp_path: Path) -> None:
    catalog_path = tmp_path / "exercises.yaml"
    shutil.copy(MINI, catalog_path)
    result = run("new", "routine", "evening-stretch", "--catalog", str(catalog_path))
    assert result.returncode == 0, result.stderr
    assert "Added routine 'evening-stretch'" in result.stdout
    assert run("new", "recipe", "x", "--catalog", str(catalog_path)).returncode == 2
    bad = run("new", "exercise", "Not An Id", "--catalog", str(catalog_path))
    assert bad.returncode == 1 and "String should match pattern" in bad.stderr
