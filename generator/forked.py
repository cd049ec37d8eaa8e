"""Compute a value in a forked child process, on the machine's second core (no MkDocs here)."""

from __future__ import annotations

import os
import pickle
import sys
import traceback
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


def spare_core() -> bool:
    """True when a second process can run at the same time: `fork` exists and 2+ cores are ours."""
    if not hasattr(os, "fork"):
        return False
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS
        cores = os.cpu_count() or 1
    return cores > 1


class Forked(Generic[T]):
    """`function()` runs in a forked copy of this process; `result()` collects its value.

    The child sends its pickled value through a pipe and exits without running exit handlers.
    `result()` returns None when the child failed in any way (exception, crash, killed), so the
    caller can do the work itself: a slower build, never a different one.
    """

    def __init__(self, function: Callable[[], T]) -> None:
        self._value: T | None = None
        self._done = False
        read_end, write_end = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child's coverage is not collected
            os.close(read_end)
            status = 1
            try:
                data = pickle.dumps(function(), protocol=pickle.HIGHEST_PROTOCOL)
                with os.fdopen(write_end, "wb") as out:
                    out.write(data)
                status = 0
            except BaseException:
                traceback.print_exc()
                sys.stderr.flush()
            finally:
                os._exit(status)
        os.close(write_end)
        self._pid = pid
        self._read_end = read_end

    def result(self) -> T | None:
        """The child's value (waits for it), or None if the child did not deliver one."""
        if not self._done:
            self._done = True
            with os.fdopen(self._read_end, "rb") as source:
                data = source.read()
            _, status = os.waitpid(self._pid, 0)
            if os.waitstatus_to_exitcode(status) == 0 and data:
                self._value = pickle.loads(data)
        return self._value
