"""Compute values in a forked child process, on the machine's second core (no MkDocs here)."""

from __future__ import annotations

import contextlib
import fcntl
import mmap
import os
import pickle
import select
import struct
import sys
import threading
import traceback
from collections.abc import Callable, Hashable, Iterable
from typing import Any, Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

# Tests set this to "1" to make the split observable whatever the machine's load: this process
# then waits, at its first item, for the child's first item (see `SharedWork.take`).
HANDSHAKE = "CLINIC_FORK_HANDSHAKE"


def spare_core() -> bool:
    """True when a second process can run at the same time: `fork` exists, 2+ cores are ours,
    and this process runs one thread (a forked copy of several threads may deadlock, e.g. under
    `mkdocs serve`)."""
    if not hasattr(os, "fork") or threading.active_count() > 1:
        return False
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS
        cores = os.cpu_count() or 1
    return cores > 1


class ForkedStream(Generic[K, V]):
    """`function()` runs in a forked copy of this process; its (key, value) pairs come back as made.

    The child writes each pair, pickled, into a pipe and exits without running exit handlers.
    `get(key)` waits for that key's value, and returns None when the child ended without
    sending it (exception, crash, killed): the caller then does the work itself, a slower
    build, never a different one. `poll()` takes in what has arrived, so the child never waits
    for a full pipe; call it between pieces of work. Call `close()` before forking again.
    """

    def __init__(self, function: Callable[[], Iterable[tuple[K, V]]]) -> None:
        self._values: dict[K, V] = {}
        self._buffer = bytearray()
        self._ended = False
        read_end, write_end = os.pipe()
        with contextlib.suppress(AttributeError, OSError):  # Linux: a 1 MB pipe
            fcntl.fcntl(write_end, fcntl.F_SETPIPE_SZ, 1 << 20)
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child's coverage is not collected
            os.close(read_end)
            status = 1
            try:
                for pair in function():
                    data = pickle.dumps(pair, protocol=pickle.HIGHEST_PROTOCOL)
                    _write_all(write_end, struct.pack("<Q", len(data)) + data)
                status = 0
            except BaseException:
                traceback.print_exc()
                sys.stderr.flush()
            finally:
                os._exit(status)
        os.close(write_end)
        os.set_blocking(read_end, False)
        self._pid = pid
        self._read_end = read_end

    def poll(self) -> None:
        """Take in every pair that has arrived, without waiting."""
        self._read(wait=False)

    def get(self, key: K) -> V | None:
        """The value for `key` (waits for it), or None if the child will not send it."""
        self._read(wait=False)
        while key not in self._values and not self._ended:
            self._read(wait=True)
        return self._values.pop(key, None)

    def wait_for(self, key: K) -> None:
        """Wait until `key`'s value has arrived (it stays to be taken) or the child has ended."""
        while key not in self._values and not self._ended:
            self._read(wait=True)

    def ready(self, key: K) -> V | None:
        """The value for `key` if it has arrived (without waiting), else None."""
        self._read(wait=False)
        return self._values.pop(key, None)

    def close(self) -> None:
        """Wait until the child has ended (and is reaped)."""
        while not self._ended:
            self._read(wait=True)

    def _read(self, *, wait: bool) -> None:
        while not self._ended:
            if wait:
                select.select([self._read_end], [], [])
            try:
                chunk = os.read(self._read_end, 1 << 20)
            except BlockingIOError:
                return
            if not chunk:
                os.close(self._read_end)
                os.waitpid(self._pid, 0)
                self._ended = True
                return
            self._buffer += chunk
            self._take_pairs()
            if wait:
                return

    def _take_pairs(self) -> None:
        buffer, start = self._buffer, 0
        while len(buffer) - start >= 8:
            (size,) = struct.unpack_from("<Q", buffer, start)
            if len(buffer) - start - 8 < size:
                break
            key, value = pickle.loads(memoryview(buffer)[start + 8 : start + 8 + size])
            self._values[key] = value
            start += 8 + size
        del buffer[:start]


class SharedWork(Generic[V]):
    """Items `0..count-1` shared with a forked child that works from the back, until they meet.

    This process calls `take(index)` for each item in increasing order: the child's value when
    it has already made it, else None (then this process makes it). The child checks before
    each item, through a shared counter, whether this process has got there, and stops. So the
    work splits itself by how fast each process goes, whatever else runs on the machine; at
    most the item where they meet is made twice.

    `first` is other work for the child to do before the items (this process goes on with the
    items meanwhile); its named results come back through `result(name)`.

    On a busy machine the child may not run before this process has taken every item, which is
    correct but leaves nothing to observe. With the environment variable `HANDSHAKE` set to "1"
    (tests do), this process, having claimed its first item, waits for the child's first one
    (the last item), so that both processes make at least one item whatever the load.
    """

    def __init__(
        self,
        count: int,
        make: Callable[[int], V],
        first: Callable[[], Iterable[tuple[str, Any]]] | None = None,
    ) -> None:
        self._taken = mmap.mmap(-1, 8)  # anonymous and shared with the child after the fork
        self._taken_here = 0
        self._count = count
        self._handshake = os.environ.get(HANDSHAKE) == "1"
        self._set_taken(0)
        self._stream: ForkedStream[int | str, Any] = ForkedStream(
            lambda: self._child(count, make, first)
        )

    def _child(
        self,
        count: int,
        make: Callable[[int], V],
        first: Callable[[], Iterable[tuple[str, Any]]] | None,
    ) -> Iterable[tuple[int | str, Any]]:  # pragma: no cover - runs in the child
        if first is not None:
            yield from first()
        for index in range(count - 1, -1, -1):
            if index < self._get_taken():
                return
            yield index, make(index)

    def result(self, name: str) -> Any:
        """A named result of `first` (waits for it), or None if the child did not send it."""
        return self._stream.get(name)

    def take(self, index: int) -> V | None:
        """Claim item `index`: the child's value for it, or None when this process makes it."""
        if index >= self._taken_here:
            self._taken_here = index + 1
            self._set_taken(self._taken_here)
        if self._handshake:
            self._handshake = False
            if index < self._count - 1:  # claimed before waiting: the child stops short of it
                self._stream.wait_for(self._count - 1)
        value: V | None = self._stream.ready(index)
        return value

    def poll(self) -> None:
        """Take in what the child has sent (call between pieces of work)."""
        self._stream.poll()

    def close(self) -> None:
        """Wait for the child to stop (it stops at its next item)."""
        self._set_taken(1 << 62)
        self._stream.close()
        self._taken.close()

    def _set_taken(self, value: int) -> None:
        struct.pack_into("<q", self._taken, 0, value)

    def _get_taken(self) -> int:  # pragma: no cover - runs in the child
        return int(struct.unpack_from("<q", self._taken, 0)[0])


def _write_all(fd: int, data: bytes) -> None:  # pragma: no cover - runs in the child
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
