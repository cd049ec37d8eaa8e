"""Build the site and publish it with no moment at which it is missing or mixed.

Usage: python scripts/build_site.py [--language CODE] [SITE_DIR]   (default: site)

`--language` builds in that language instead of `theme.language` (`make site-pseudo`: en-XA),
with `python -m generator build --language` (mkdocs.yml is not changed).

Each build goes into a fresh folder, `.SITE_DIR-builds/<random>/`, and SITE_DIR is a symbolic
link to the current one. Publishing replaces that link with `os.replace` (an atomic rename),
so a reader always finds either the old site or the new one, whole, and a build killed at any
moment leaves one of them. Files are published readable by others (folders 0755, files 0644)
whatever the umask. Builds are serialised by a lock; the one before last and anything a killed
build left are removed after each publish (the previous one is kept for readers that are still
in it). A real SITE_DIR folder from an older version is exchanged for the link atomically
(`renameat2`) where the system can, else moved aside then linked (a gap of one rename, once).
A failed build leaves SITE_DIR exactly as it was and exits 1.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import fcntl
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

MKDOCS = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir"]
_RENAME_EXCHANGE = 2


def builds_folder(target: Path) -> Path:
    return target.with_name(f".{target.name}-builds")


@contextmanager
def locked(builds: Path) -> Iterator[None]:
    """One build at a time: a second one waits for the first (and says so)."""
    with (builds / ".lock").open("a") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print("Another build is running; waiting for it to finish.", file=sys.stderr)
            fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def readable_by_all(folder: Path) -> None:
    """Folders 0755, files 0644, whatever the umask (a web server may run as another user)."""
    os.chmod(folder, 0o755)
    for root, dirs, files in os.walk(folder):
        for name in dirs:
            os.chmod(os.path.join(root, name), 0o755)
        for name in files:
            os.chmod(os.path.join(root, name), 0o644)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two names atomically (Linux `renameat2(RENAME_EXCHANGE)`); False if unsupported."""
    libc_name = ctypes.util.find_library("c")
    if libc_name is None:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd = -100
    done = renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), _RENAME_EXCHANGE)
    if done == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(first))


def publish(target: Path, build: Path) -> None:
    """Point `target` at `build` atomically (see the module's docstring)."""
    link = target.with_name(f".{target.name}-link-{os.getpid()}")
    link.unlink(missing_ok=True)
    link.symlink_to(os.path.relpath(build, target.parent))
    if target.is_dir() and not target.is_symlink():  # a site/ folder from an older version
        if _exchange(link, target):
            shutil.rmtree(link)  # now the old folder
            return
        target.rename(build.with_name(f"old-folder-{os.getpid()}"))
    os.replace(link, target)


def clean(target: Path, keep: set[str]) -> None:
    """Remove every build but those in `keep` (and the lock), and what killed runs left."""
    for entry in builds_folder(target).iterdir():
        if entry.name not in keep and entry.name != ".lock":
            shutil.rmtree(entry, ignore_errors=True)
    for entry in target.parent.glob(f".{target.name}-link-*"):
        if entry.is_symlink():
            entry.unlink(missing_ok=True)
        else:  # an old folder exchanged for the link, not yet removed
            shutil.rmtree(entry, ignore_errors=True)


def current(target: Path) -> str | None:
    """The name of the build `target` points at, if it is a link into its builds folder."""
    if not target.is_symlink():
        return None
    return Path(os.readlink(target)).name


def build(target: Path, command: Sequence[str] = MKDOCS) -> int:
    """Build and publish; 1 with a message (and `target` unchanged) on any failure."""
    target = Path(os.path.abspath(target))
    try:
        return _build(target, command)
    except _Failed:
        return 1
    except OSError as error:  # a full disk, a read-only folder...
        reason = error.strerror or str(error)
        print(f"Cannot build the site: {reason}; {target} was left unchanged.", file=sys.stderr)
        return 1


def _build(target: Path, command: Sequence[str]) -> int:
    builds = builds_folder(target)
    builds.mkdir(parents=True, exist_ok=True)
    os.chmod(builds, 0o755)
    with locked(builds):
        staging = Path(tempfile.mkdtemp(prefix="", dir=builds))
        try:
            run = subprocess.run([*command, str(staging)], check=False, stderr=subprocess.PIPE)
            sys.stderr.write(without_traceback(run.stderr.decode("utf-8", "replace")))
            if run.returncode != 0:
                print(f"Build failed: {target} was left unchanged.", file=sys.stderr)
                raise _Failed
            readable_by_all(staging)
            previous = current(target)
            publish(target, staging)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        clean(target, {staging.name} | ({previous} if previous else set()))
    print(f"Site built in {target}")
    return 0


class _Failed(Exception):
    """The build command failed (it has said why)."""


def without_traceback(output: str) -> str:
    """The build's messages, with a Python traceback cut to its last line (what went wrong)."""
    head, marker, rest = output.partition("Traceback (most recent call last):")
    if not marker:
        return output
    last = [line for line in rest.splitlines() if line.strip()][-1:]
    return head + "".join(f"{line.strip()}\n" for line in last)


def in_language(language: str) -> list[str]:
    """The build command for a site in `language` (the site folder is added at the end)."""
    return [sys.executable, "-m", "generator", "build", "--language", language]


def main(argv: Sequence[str]) -> int:
    args = list(argv)
    command = MKDOCS
    if args[:1] == ["--language"] and len(args) >= 2:
        command, args = in_language(args[1]), args[2:]
    return build(Path(args[0] if args else "site"), command)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
