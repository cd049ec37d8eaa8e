"""`new` edits the catalog safely: concurrent runs lose nothing, the file keeps its mode, line
endings, link and comments, every valid layout works or is refused plainly, a full disk or a
kill changes nothing."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.catalog.load import load_catalog, load_catalog_text
from generator.catalog.skeletons import add_entry
from generator.cli import main
from generator.source import file_edit
from generator.source.errors import CatalogError
from tests.conftest import KILL_SWITCH, MINI, ROOT, mini_text


def ids(path: Path) -> list[str]:
    return [e.id for e in load_catalog(path).exercises]


def copy_mini(tmp_path: Path) -> Path:
    catalog = tmp_path / "exercises.yaml"
    shutil.copy(MINI, catalog)
    return catalog


def test_mode_line_endings_comments_and_link_are_kept(tmp_path: Path) -> None:
    target = tmp_path / "data" / "catalog.yaml"
    target.parent.mkdir()
    target.write_bytes(mini_text().replace("\n", "\r\n").encode())
    target.chmod(0o640)
    link = tmp_path / "exercises.yaml"
    link.symlink_to(target)
    add_entry(link, "exercise", "wall-press")
    assert link.is_symlink() and link.resolve() == target
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    data = target.read_bytes()
    assert data.count(b"\n") == data.count(b"\r\n")
    assert b"# A tiny, complete catalog" in data
    assert ids(link)[-1] == "wall-press"
    assert sorted(p.name for p in target.parent.iterdir()) == ["catalog.yaml"]


@pytest.mark.parametrize("indent", [2, 4])
def test_other_block_layouts_take_the_new_entry(tmp_path: Path, indent: int) -> None:
    data = yaml.safe_load(mini_text())
    catalog = tmp_path / "exercises.yaml"
    catalog.write_text(yaml.safe_dump(data, indent=indent, sort_keys=False), encoding="utf-8")
    add_entry(catalog, "exercise", "wall-press")
    add_entry(catalog, "routine", "evening")
    loaded = load_catalog(catalog)
    assert loaded.exercises[-1].id == "wall-press" and loaded.routines[-1].id == "evening"


def test_a_flow_layout_is_refused_plainly_at_a_line_that_exists(tmp_path: Path) -> None:
    data = yaml.safe_load(mini_text())
    catalog = tmp_path / "exercises.yaml"
    text = yaml.safe_dump(data, default_flow_style=True, width=100000)
    catalog.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogError) as caught:
        add_entry(catalog, "exercise", "wall-press")
    (problem,) = caught.value.problems
    assert problem.line <= len(text.splitlines())
    assert "cannot add an entry here" in problem.message
    assert "the file was not changed" in problem.message
    assert catalog.read_text(encoding="utf-8") == text


def test_a_flow_section_is_refused_at_its_line(tmp_path: Path) -> None:
    data = yaml.safe_load(mini_text())
    text = "exercises: " + yaml.safe_dump(data["exercises"], default_flow_style=True, width=10**6)
    text += yaml.safe_dump({k: v for k, v in data.items() if k != "exercises"})
    catalog = tmp_path / "exercises.yaml"
    catalog.write_text(text, encoding="utf-8")
    load_catalog_text(text, "t.yaml")  # valid
    with pytest.raises(CatalogError, match=r"'exercises' is written as a flow list"):
        add_entry(catalog, "exercise", "wall-press")
    assert catalog.read_text(encoding="utf-8") == text


def test_a_full_disk_leaves_the_file_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    catalog = copy_mini(tmp_path)
    before = catalog.read_bytes()

    def full(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(file_edit.os, "write", full)
    assert main(["new", "exercise", "wall-press", "--catalog", str(catalog)]) == 1
    err = capsys.readouterr().err
    assert f"{catalog}:1:1: cannot write the file: No space left on device" in err
    assert "the file was not changed" in err
    assert catalog.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["exercises.yaml"]


def test_a_read_only_folder_is_a_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    catalog = copy_mini(tmp_path)

    def refused(**_: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(file_edit.tempfile, "mkstemp", refused)
    with pytest.raises(CatalogError, match="cannot write next to the file: Permission denied"):
        add_entry(catalog, "exercise", "wall-press")


def test_concurrent_runs_lose_nothing(tmp_path: Path) -> None:
    catalog = copy_mini(tmp_path)
    names = [f"new-{i}" for i in range(8)]
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "generator", "new", "exercise", name, "--catalog", str(catalog)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in names
    ]
    results = [run.communicate(timeout=120) for run in runs]
    assert all(run.returncode == 0 for run in runs), results
    assert sorted(ids(catalog)[3:]) == names
    assert [p.name for p in tmp_path.iterdir()] == ["exercises.yaml"]


KILLER = (
    """
import os, sys
from pathlib import Path
from generator.source import file_edit
from generator.catalog.skeletons import add_entry

kill_at, calls = int(sys.argv[2]), 0
"""
    + KILL_SWITCH
    + """for name in ["write", "fsync", "fchmod", "fchown", "close", "replace", "unlink"]:
    setattr(file_edit.os, name, killing(getattr(os, name)))
add_entry(Path(sys.argv[1]), "exercise", "wall-press")
"""
)


def test_killed_at_any_step_the_catalog_is_old_or_new_and_the_next_run_cleans_up(
    tmp_path: Path,
) -> None:
    before = ids(copy_mini(tmp_path))
    for kill_at in range(1, 30):
        catalog = copy_mini(tmp_path)
        result = subprocess.run(
            [sys.executable, "-c", KILLER, str(catalog), str(kill_at)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        assert ids(catalog) in (before, [*before, "wall-press"]), kill_at
        if result.returncode == 0:
            break
        assert result.returncode == 9, result.stderr
        add_entry(catalog, "exercise", "other")
        assert [p.name for p in tmp_path.iterdir()] == ["exercises.yaml"], kill_at
    else:
        raise AssertionError("new never finished")
    assert kill_at > 4  # every step was tried
