"""No command gives a traceback on a bad path or an absurd option: one clear line, exit 1 (2 for
usage errors); and `export` never destroys: the user's files are kept, a failed export leaves
the earlier one exactly as it was."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

import generator.engine.export_folder as export_folder
from tests.conftest import FIXTURES, MINI, digest, run_cli

CONFIG = str(FIXTURES / "mkdocs.yml")


def export(out: Path) -> tuple[int, str]:
    ran = run_cli("export", str(out), "--catalog", str(MINI), "--config", CONFIG)
    assert "Traceback" not in ran.stderr
    return ran.returncode, ran.stderr


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (["check", "--review-months", str(10**30)], 2, "must be from 1 to 1200 months"),
        (["check", "--review-months", "0"], 2, "must be from 1 to 1200 months"),
        (["check", "--review-months", "ten"], 2, "not a whole number"),
        (["check", "--config", "no-such.yml"], 1, "no-such.yml:1:1: --config: file not found"),
        (["check", "--config", "."], 1, "--config: is a folder, not a file"),
        (["check", "."], 1, "cannot read file"),
        (["check", "--today", "2026-13-01"], 2, "invalid"),
        (["export", "out", "--config", "no-such.yml"], 1, "--config: file not found"),
        (["figures", "sheet.html", "--catalog", "no-such.yaml"], 1, "cannot read file"),
        (["new", "exercise", "x-y", "--catalog", "."], 1, "the file was not changed"),
    ],
)
def test_bad_options_are_one_line(tmp_path: Path, args: list[str], code: int, words: str) -> None:
    ran = run_cli(*args, cwd=tmp_path)
    assert ran.returncode == code, ran.stderr
    assert words in ran.stderr
    assert "Traceback" not in ran.stderr
    assert not (tmp_path / "out").exists()


def test_figures_to_a_bad_place_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    for target in (tmp_path / "file" / "sheet.html", tmp_path):
        ran = run_cli("figures", str(target), "--catalog", str(MINI))
        assert ran.returncode == 1
        assert ran.stderr.startswith("error: ") and len(ran.stderr.splitlines()) == 1


def test_export_into_a_file_or_under_one_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("mine", encoding="utf-8")
    for out in (tmp_path / "file", tmp_path / "file" / "out"):
        code, stderr = export(out)
        assert code == 1
        assert str(tmp_path / "file") in stderr.splitlines()[0]
    assert (tmp_path / "file").read_text(encoding="utf-8") == "mine"


def test_export_keeps_the_users_files_and_refuses_to_replace_one(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert export(out)[0] == 0
    (out / "notes").mkdir()
    (out / "notes" / "todo.txt").write_text("mine", encoding="utf-8")
    (out / "docs" / "extra.md").write_text("mine too", encoding="utf-8")
    (out / "link").symlink_to("notes")
    assert export(out)[0] == 0
    assert (out / "notes" / "todo.txt").read_text(encoding="utf-8") == "mine"
    assert (out / "docs" / "extra.md").read_text(encoding="utf-8") == "mine too"
    assert (out / "link").is_symlink()
    listed = json.loads((out / ".clinic-export").read_text(encoding="utf-8"))["files"]
    assert "docs/extra.md" not in listed and "docs/index.md" not in listed
    assert "mkdocs.yml" in listed
    # The user's own file where the export would write: refused, and kept.
    manifest = json.loads((out / ".clinic-export").read_text(encoding="utf-8"))
    manifest["files"].remove("mkdocs.yml")
    (out / ".clinic-export").write_text(json.dumps(manifest), encoding="utf-8")
    (out / "mkdocs.yml").write_text("my settings", encoding="utf-8")
    code, stderr = export(out)
    assert code == 1 and "is your own file" in stderr
    assert (out / "mkdocs.yml").read_text(encoding="utf-8") == "my settings"


def test_export_through_a_link_writes_where_it_points_and_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real"
    link = tmp_path / "link"
    real.mkdir()
    link.symlink_to(real)
    for _ in range(2):
        assert export(link)[0] == 0
        (real / "mine.txt").write_text("mine", encoding="utf-8")
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert (real / "mkdocs.yml").is_file() and (real / ".clinic-export").is_file()
    assert (real / "mine.txt").read_text(encoding="utf-8") == "mine"
    (tmp_path / "nowhere").symlink_to(tmp_path / "missing")
    code, stderr = export(tmp_path / "nowhere")
    assert code == 1 and "is a link that leads nowhere" in stderr
    assert not (tmp_path / "missing").exists()


@pytest.mark.parametrize("failure", [errno.ENOSPC, errno.EROFS, errno.EACCES])
def test_a_failed_export_leaves_the_earlier_one_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: int
) -> None:
    out = tmp_path / "out"
    assert export(out)[0] == 0
    (out / "mine.txt").write_text("mine", encoding="utf-8")
    before = digest(out)
    written = 0
    real = export_folder._write_file

    def failing(target: Path, text: str | bytes) -> None:
        nonlocal written
        written += 1
        if written > 20:
            raise OSError(failure, "simulated", str(target))
        real(target, text)

    monkeypatch.setattr(export_folder, "_write_file", failing)
    code, stderr = export(out)
    assert code == 1
    assert len(stderr.splitlines()) == 2  # the problem and the count
    assert stderr.startswith(f"{out}:1:1: cannot write the export: ")
    assert digest(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # nothing half-written left


def test_a_failed_swap_puts_the_earlier_export_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    assert export(out)[0] == 0
    before = digest(out)
    real = export_folder.os.rename

    def rename(source: Path, target: Path) -> None:
        if Path(source).name.startswith(".out.new-"):
            raise OSError(errno.EXDEV, "simulated", str(target))
        real(source, target)

    monkeypatch.setattr(export_folder.os, "rename", rename)
    assert export(out)[0] == 1
    assert digest(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    pipe = tmp_path / "exercises.yaml"
    os.mkfifo(pipe)
    ran = run_cli("check", str(pipe))
    assert ran.returncode == 1
    assert "cannot read file: it is a pipe, not a file" in ran.stderr
    ran = run_cli("new", "exercise", "wall-press", "--catalog", str(pipe))
    assert ran.returncode == 1
    assert "it is a pipe, not a file; the file was not changed" in ran.stderr
