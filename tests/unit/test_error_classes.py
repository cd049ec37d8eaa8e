"""Each file's problems carry that file's error class: the catalog's, the settings', or none."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.clinic.content_files import walk_content
from generator.clinic.content_pages import check_content_pages
from generator.clinic.site_config import read_site_settings
from generator.engine.export_folder import write_export
from generator.source.errors import CatalogError, ProjectError, SettingsError


def test_an_unreadable_settings_file_is_a_settings_error(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.mkdir()  # exists, but cannot be read as a file
    with pytest.raises(SettingsError) as caught:
        read_site_settings(config, "mkdocs.yml")
    assert caught.value.problems[0].file == "mkdocs.yml"
    assert "cannot read file" in caught.value.problems[0].message


def test_an_export_folder_problem_is_not_blamed_on_the_catalog(tmp_path: Path) -> None:
    link = tmp_path / "out"
    link.symlink_to(tmp_path / "nowhere")
    with pytest.raises(ProjectError) as caught:
        write_export(link, {"mkdocs.yml": "site_name: x\n"})
    assert not isinstance(caught.value, CatalogError | SettingsError)
    assert "leads nowhere" in caught.value.problems[0].message


def test_an_unreadable_content_page_is_reported_with_the_others(tmp_path: Path) -> None:
    docs = tmp_path / "content"
    docs.mkdir()
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    (docs / "big.md").write_text("# Big\n" + "x" * (6 * 1024 * 1024), encoding="utf-8")
    files = walk_content(docs).files
    problems = check_content_pages(docs, files, {}, frozenset())
    assert [p.file for p in problems] == ["content/big.md"]
