"""Time a build in its own process, with its peak memory (for the benchmark scripts)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path


def time_build(
    project: Path, command: list[str] | None = None, env: dict[str, str] | None = None
) -> tuple[float, float]:
    """Wall time and peak memory (MB) of `mkdocs build` (or `command`) in its own process.

    The build forks a second process for part of its work, so memory is the larger of the
    build process's peak resident size and the peak sum, sampled every 0.1 s, of the
    proportional set size (shared pages split between sharers) of it and its children. The
    peak resident size is the kernel's VmHWM, read while it runs: `wait4`'s `ru_maxrss` would
    also count this process's own size at the moment it started the build.
    """
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": "1700000000",
        **(env or {}),
    }
    command = command or [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", "site"]
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=project, env=env, stdout=subprocess.DEVNULL)
    peak = [0]
    done = threading.Event()
    sampler = threading.Thread(target=_sample_memory, args=(process.pid, peak, done))
    sampler.start()
    status = process.wait()
    elapsed = time.perf_counter() - start
    done.set()
    sampler.join()
    if status != 0:
        raise BuildFailed(elapsed, peak[0] / 1024, f"build failed in {project}")
    return elapsed, peak[0] / 1024


class BuildFailed(Exception):
    """A build that ended with an error, after `seconds`, having used up to `peak_mb`."""

    def __init__(self, seconds: float, peak_mb: float, message: str) -> None:
        super().__init__(message)
        self.seconds, self.peak_mb = seconds, peak_mb


def _sample_memory(pid: int, peak: list[int], done: threading.Event) -> None:
    """Peak (KB) of `pid`'s own peak resident size and of the summed PSS of it and its
    children, until `done`."""
    while not done.wait(0.1):
        try:
            children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        except OSError:
            continue
        total = sum(_proc_kb(f"/proc/{p}/smaps_rollup", "Pss:") for p in [str(pid), *children])
        peak[0] = max(peak[0], total, _proc_kb(f"/proc/{pid}/status", "VmHWM:"))


def _proc_kb(path: str, field: str) -> int:
    """A size in KB from a /proc file's `field` line, 0 when the process has gone."""
    try:
        text = Path(path).read_text()
    except OSError:
        return 0
    for line in text.splitlines():
        if line.startswith(field):
            return int(line.split()[1])
    return 0
