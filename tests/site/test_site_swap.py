"""`make site` publishes with no gap: killed at any step, run concurrently, read while it runs.

The builds here are a stand-in for MkDocs (a few files, written by a small command), so that
every step of publishing can be tried quickly; `test_build_site_script.py` runs the real one.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.conftest import KILL_SWITCH, ROOT

# Runs `build_site.build` with a stand-in build writing "<label>" into three files. With
# KILL_AT=N, the process dies (as with `kill -9`: no clean-up) at its Nth file-system change.
DRIVER = (
    """
import os, shutil, sys
sys.path.insert(0, {scripts!r})
import build_site

label, kill_at = sys.argv[1], int(os.environ.get("KILL_AT", "0"))
calls = 0
"""
    + KILL_SWITCH
    + """for module, name in [(os, "replace"), (os, "rename"), (os, "symlink"), (os, "chmod"),
                     (os, "unlink"), (os, "mkdir"), (os, "rmdir"), (shutil, "rmtree")]:
    setattr(module, name, killing(getattr(module, name)))
os.umask(0o077)
write = (
    "import pathlib, sys; site = pathlib.Path(sys.argv[-1]); (site / 'a').mkdir();"
    f"[(site / n).write_text({{label!r}}) for n in ('index.html', 'a/index.html', 'b.css')]"
)
code = build_site.build(build_site.Path("site"), [sys.executable, "-c", write])
sys.exit(code)
"""
).format(scripts=str(ROOT / "scripts"))


def run(project: Path, label: str, kill_at: int = 0) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KILL_AT": str(kill_at)}
    return subprocess.run(
        [sys.executable, "-c", DRIVER, label],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def published(project: Path) -> set[str]:
    """The labels of the site's files (one label: a whole site)."""
    site = project / "site"
    return {(site / n).read_text() for n in ("index.html", "a/index.html", "b.css")}


def leftovers(project: Path) -> list[str]:
    """Everything but the site link, the lock, and the current and previous builds."""
    builds = project / ".site-builds"
    current = Path(os.readlink(project / "site")).name
    extra = [p.name for p in project.iterdir() if p.name not in {"site", ".site-builds"}]
    kept = sorted(p.name for p in builds.iterdir() if p.name not in {".lock", current})
    return extra + kept[1:]  # at most one previous build is kept for readers still in it


def test_a_site_is_published_readable_by_others_whatever_the_umask(tmp_path: Path) -> None:
    result = run(tmp_path, "one")
    assert result.returncode == 0, result.stderr
    site = (tmp_path / "site").resolve()
    for path in [site, *site.rglob("*"), site.parent]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o755 if path.is_dir() else 0o644), path
    assert published(tmp_path) == {"one"}


def test_a_site_folder_from_an_older_version_is_replaced(tmp_path: Path) -> None:
    (tmp_path / "site" / "a").mkdir(parents=True)
    for name in ("index.html", "a/index.html", "b.css"):
        (tmp_path / "site" / name).write_text("old")
    result = run(tmp_path, "new")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site").is_symlink()
    assert published(tmp_path) == {"new"}
    assert leftovers(tmp_path) == []


def test_killed_at_any_step_the_old_or_the_new_site_is_there_whole(tmp_path: Path) -> None:
    steps = 0
    for from_folder in (False, True):
        for kill_at in range(1, 200):
            project = tmp_path / f"{from_folder}-{kill_at}"
            project.mkdir()
            if from_folder:
                (project / "site" / "a").mkdir(parents=True)
                for name in ("index.html", "a/index.html", "b.css"):
                    (project / "site" / name).write_text("old")
            else:
                assert run(project, "old").returncode == 0
            killed = run(project, "new", kill_at)
            assert published(project) in ({"old"}, {"new"}), kill_at
            if killed.returncode == 0:  # no step left to kill at
                steps = max(steps, kill_at)
                break
            assert killed.returncode == 9
            again = run(project, "next")
            assert again.returncode == 0, again.stderr
            assert published(project) == {"next"}
            assert leftovers(project) == [], kill_at
    assert steps > 10  # every step was tried


def test_concurrent_builds_are_serialised(tmp_path: Path) -> None:
    assert run(tmp_path, "first").returncode == 0
    env = {**os.environ, "KILL_AT": "0"}
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", DRIVER, f"b{i}"],
            cwd=tmp_path,
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(6)
    ]
    outcomes = [(p.wait(timeout=120), p.stderr.read() if p.stderr else "") for p in runs]
    assert all(code == 0 for code, _ in outcomes), outcomes
    assert "Traceback" not in "".join(err for _, err in outcomes)
    assert published(tmp_path) <= {f"b{i}" for i in range(6)}
    assert len(published(tmp_path)) == 1
    assert leftovers(tmp_path) == []


def test_a_reader_never_misses_the_site_while_it_is_rebuilt(tmp_path: Path) -> None:
    assert run(tmp_path, "start").returncode == 0
    missed: list[str] = []
    seen = 0
    stop = threading.Event()

    def poll() -> None:
        nonlocal seen
        while not stop.is_set():
            try:
                text = (tmp_path / "site" / "index.html").read_text()
            except OSError as error:
                missed.append(str(error))
                continue
            seen += 1
            if not text:
                missed.append("empty")

    reader = threading.Thread(target=poll)
    reader.start()
    try:
        for i in range(12):
            assert run(tmp_path, f"build {i}").returncode == 0
    finally:
        stop.set()
        reader.join()
    assert missed == []
    assert seen > 12
    assert published(tmp_path) == {"build 11"}


FAULTS = """
import errno, os, sys
sys.path.insert(0, {scripts!r})
import build_site

fault = sys.argv[1]
if fault == "full":
    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    os.symlink = full
    write = "import pathlib, sys; (pathlib.Path(sys.argv[-1]) / 'index.html').write_text('new')"
    command = [sys.executable, "-c", write]
else:  # the build itself crashes with a traceback
    crash = "print('building'); raise OSError(28, 'No space left on device')"
    command = [sys.executable, "-c", crash]
sys.exit(build_site.build(build_site.Path("site"), command))
""".format(scripts=str(ROOT / "scripts"))


@pytest.mark.parametrize("fault", ["full", "crash"])
def test_a_full_disk_or_a_crashed_build_is_a_message_and_changes_nothing(
    tmp_path: Path, fault: str
) -> None:
    assert run(tmp_path, "old").returncode == 0
    result = subprocess.run(
        [sys.executable, "-c", FAULTS, fault],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 1
    assert "No space left on device" in result.stderr
    assert "left unchanged" in result.stderr
    assert "Traceback" not in result.stderr
    assert published(tmp_path) == {"old"}
    assert leftovers(tmp_path) == []
    builds = tmp_path / ".site-builds"
    assert len([p for p in builds.iterdir() if p.name != ".lock"]) == 1  # only the published one
