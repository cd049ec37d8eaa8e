"""Edit a text file people also edit: one run at a time, replaced whole or not at all.

The file is locked (`flock`) while it is read, changed and replaced; a run that waited for the
lock reads the file again if another run replaced it meanwhile. The new text is written next to
the file and renamed over it, with the file's mode and owner; through a symbolic link the target
is changed and the link kept. On any failure (a full disk, a read-only folder) the file is
unchanged and no temporary file is left (one left by a run that was killed is removed by
the next run).
"""

from __future__ import annotations

import errno
import fcntl
import glob
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import BinaryIO

from generator.source.errors import CatalogError, Problem
from generator.source.yaml_source import MAX_BYTES, too_large_message


def edit_text(path: Path, change: Callable[[str], str]) -> None:
    """Replace the UTF-8 text of `path` with `change(text)`; `CatalogError` on any problem."""
    name = str(path)
    real = path.resolve()
    with _locked(real, name) as handle:
        _remove_leftovers(real)
        raw = read_bounded_handle(handle, name)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise CatalogError([Problem(name, 1, 1, "", "not valid UTF-8")]) from None
        new_text = change(text)
        _replace(real, new_text.encode("utf-8"), os.fstat(handle.fileno()), name)


def _temporary_prefix(real: Path) -> str:
    return f".{real.name}."


def _remove_leftovers(real: Path) -> None:
    """Temporary files of runs that were killed: made only under the lock, so stale now."""
    prefix = _temporary_prefix(real)
    for entry in real.parent.glob(f"{glob.escape(prefix)}*"):
        if len(entry.name) == len(prefix) + 8 and not entry.is_symlink():
            with suppress(OSError):
                entry.unlink()


@contextmanager
def _locked(real: Path, name: str) -> Iterator[BinaryIO]:
    """The catalog open and locked; the lock is taken again if another run replaced the file
    while this one waited."""
    while True:
        try:
            if stat.S_ISFIFO(os.stat(real).st_mode):  # opening it would wait for a writer
                raise OSError(errno.EINVAL, "it is a pipe, not a file")
            handle = real.open("rb")
        except OSError as error:
            raise _os_problem(name, "cannot read", error) from None
        with handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                same = os.stat(real).st_ino == os.fstat(handle.fileno()).st_ino
            except FileNotFoundError:
                same = False
            if same:
                yield handle
                return


def read_bounded_handle(handle: BinaryIO, name: str) -> bytes:
    raw = handle.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise CatalogError([Problem(name, 1, 1, "", too_large_message())])
    return raw


def _replace(real: Path, data: bytes, status: os.stat_result, name: str) -> None:
    """Write `data` next to `real` and rename it over `real`; on failure, remove it."""
    try:
        handle, temporary = tempfile.mkstemp(dir=real.parent, prefix=_temporary_prefix(real))
    except OSError as error:
        raise _os_problem(name, "cannot write next to", error) from None
    try:
        with suppress(OSError):  # not ours to give away: the mode is kept at least
            os.fchown(handle, status.st_uid, status.st_gid)
        os.fchmod(handle, stat.S_IMODE(status.st_mode))
        view = memoryview(data)
        while view:
            view = view[os.write(handle, view) :]
        os.fsync(handle)
        os.close(handle)
        handle = -1
        os.replace(temporary, real)
    except OSError as error:
        if handle >= 0:
            os.close(handle)
        with suppress(OSError):
            os.unlink(temporary)
        raise _os_problem(name, "cannot write", error) from None


def _os_problem(name: str, doing: str, error: OSError) -> CatalogError:
    reason = error.strerror or str(error)
    message = f"{doing} the file: {reason}; the file was not changed"
    return CatalogError([Problem(name, 1, 1, "", message)])
