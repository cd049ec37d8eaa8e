"""The export folder: written beside the old one, swapped in only when whole, and never losing
a file the export did not write.

The folder keeps a manifest (`.clinic-export`, JSON) of the files the export wrote. The next
export writes everything into a fresh folder beside it, links in the user's own files (those
not in the manifest), and only then exchanges the two folders by renaming; the old one is then
removed. An OUTDIR that is a link is followed: the folder it names is replaced, the link kept.
A failure at any point (a full disk, a read-only folder) removes the half-written
folder and leaves the old export exactly as it was. An OS error becomes one located line
(`ProjectError`), never a traceback.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

from generator.source.errors import Problem, ProjectError

MANIFEST = ".clinic-export"
_NOTE = "Written by `python -m generator export`: the files it wrote; it replaces only these."

Files = dict[str, str | bytes]


def write_export(outdir: Path, files: Files) -> None:
    """Write `files` as the export in `outdir`, keeping the user's own files there."""
    try:
        _write_export(outdir, files)
    except OSError as error:
        raise ProjectError([_os_problem(outdir, error)]) from None


def _write_export(outdir: Path, files: Files) -> None:
    if outdir.is_symlink():
        if not outdir.exists():
            message = "is a link that leads nowhere; choose a folder for the export"
            raise ProjectError([Problem(str(outdir), 1, 1, "", message)])
        # The export goes into the folder the link names; the link itself stays as it is.
        outdir = outdir.resolve(strict=True)
    ours = _previous(outdir)
    theirs = _user_files(outdir, ours) if ours is not None else []
    clashing = sorted(set(theirs) & set(files))
    if clashing:
        message = (
            f"is your own file (not written by export) where the export writes {clashing[0]}; "
            "move it elsewhere"
        )
        raise ProjectError([Problem(str(outdir / clashing[0]), 1, 1, "", message)])
    outdir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{outdir.name}.new-", dir=outdir.parent))
    try:
        for uri, text in files.items():
            _write_file(staging / uri, text)
        for uri in theirs:
            _keep(outdir / uri, staging / uri)
        manifest = {"note": _NOTE, "files": sorted(files)}
        _write_file(staging / MANIFEST, json.dumps(manifest, indent=1) + "\n")
        os.chmod(staging, 0o755)
        _swap(staging, outdir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _previous(outdir: Path) -> list[str] | None:
    """The files an earlier export wrote; None when `outdir` is new or empty; a
    `ProjectError` when it is a file, or a folder of someone else's."""
    if not outdir.exists() and not outdir.is_symlink():
        return None
    if not outdir.is_dir():
        message = "is a file, not a folder; choose a folder for the export"
        raise ProjectError([Problem(str(outdir), 1, 1, "", message)])
    if not any(outdir.iterdir()):
        return None
    marker = outdir / MANIFEST
    if not marker.is_file():
        message = "is not empty and not an earlier export; choose an empty folder"
        raise ProjectError([Problem(str(outdir), 1, 1, "", message)])
    try:
        listed = json.loads(marker.read_text(encoding="utf-8"))["files"]
    except (ValueError, KeyError, TypeError):
        listed = None  # an export made before the manifest listed its files: all were its own
    if not isinstance(listed, list):
        return [p.relative_to(outdir).as_posix() for p in outdir.rglob("*") if not p.is_dir()]
    return [str(uri) for uri in listed]


def _user_files(outdir: Path, ours: list[str]) -> list[str]:
    """Files (and links) in `outdir` that the export did not write."""
    written = {*ours, MANIFEST}
    found = []
    for folder, dirs, names in os.walk(outdir):
        here = Path(folder)
        for name in names + [d for d in dirs if (here / d).is_symlink()]:
            uri = (here / name).relative_to(outdir).as_posix()
            if uri not in written:
                found.append(uri)
    return sorted(found)


def _keep(source: Path, target: Path) -> None:
    """The user's file in the new folder: the same file (a hard link) where possible."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if source.is_symlink():
        os.symlink(os.readlink(source), target)
        return
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _write_file(target: Path, text: str | bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    with target.open("wb") as file:
        file.write(data)
        file.flush()
        os.fsync(file.fileno())
    os.chmod(target, 0o644)


def _swap(staging: Path, outdir: Path) -> None:
    """`staging` becomes `outdir`; the old folder is removed once the new one is in place."""
    if not outdir.exists():
        os.rename(staging, outdir)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{outdir.name}.old-", dir=outdir.parent))
    os.rename(outdir, old / "export")
    try:
        os.rename(staging, outdir)
    except OSError:
        os.rename(old / "export", outdir)
        shutil.rmtree(old, ignore_errors=True)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _os_problem(outdir: Path, error: OSError) -> Problem:
    """One line for an OS error: the file it is about, and what went wrong."""
    reason = error.strerror or str(error)
    return Problem(str(outdir), 1, 1, "", f"cannot write the export: {reason}")
