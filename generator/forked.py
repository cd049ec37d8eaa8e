"""Compute values in a forked child process, on the machine's second core (no MkDocs here)."""

from __future__ import annotations

import os
import pickle
import sys
import threading
import traceback
from collections.abc import Callable, Hashable, Iterable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


def spare_core() -> bool:
    """True when a second process can run at the same time: `fork` exists and 2+ cores are ours."""
    if not hasattr(os, "fork"):
        return False
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS
        cores = os.cpu_count() or 1
    return cores > 1


def share(items: Iterable[V], fraction: float) -> list[V]:
    """About `fraction` of `items`, spread evenly through them (so both processes get a mix)."""
    return [
        item
        for index, item in enumerate(items)
        if int((index + 1) * fraction) > int(index * fraction)
    ]


class ForkedStream(Generic[K, V]):
    """`function()` runs in a forked copy of this process; its (key, value) pairs come back as made.

    The child pickles each pair into a pipe and exits without running exit handlers; a thread
    here collects them. `get(key)` waits for that key's value, and returns None when the child
    ended without sending it (exception, crash, killed): the caller then does the work itself,
    a slower build, never a different one. Call `close()` before forking again.
    """

    def __init__(self, function: Callable[[], Iterable[tuple[K, V]]]) -> None:
        self._values: dict[K, V] = {}
        self._ended = False
        self._changed = threading.Condition()
        read_end, write_end = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child's coverage is not collected
            os.close(read_end)
            status = 1
            try:
                with os.fdopen(write_end, "wb") as out:
                    for pair in function():
                        pickle.dump(pair, out, protocol=pickle.HIGHEST_PROTOCOL)
                        out.flush()
                status = 0
            except BaseException:
                traceback.print_exc()
                sys.stderr.flush()
            finally:
                os._exit(status)
        os.close(write_end)
        self._pid = pid
        self._reader = threading.Thread(target=self._collect, args=(read_end,), daemon=True)
        self._reader.start()

    def _collect(self, read_end: int) -> None:
        with os.fdopen(read_end, "rb") as source:
            try:
                while True:
                    key, value = pickle.load(source)
                    with self._changed:
                        self._values[key] = value
                        self._changed.notify_all()
            except Exception:  # EOFError at the end; a truncated pair if the child died
                pass
        os.waitpid(self._pid, 0)
        with self._changed:
            self._ended = True
            self._changed.notify_all()

    def get(self, key: K) -> V | None:
        """The value for `key` (waits for it), or None if the child will not send it."""
        with self._changed:
            while key not in self._values and not self._ended:
                self._changed.wait()
            return self._values.pop(key, None)

    def close(self) -> None:
        """Wait until the child has ended (and is reaped)."""
        self._reader.join()
