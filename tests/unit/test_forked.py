"""The second process: values come back by key; a failed child leaves the work to the caller."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator

import pytest

from generator.speed.forked import HANDSHAKE, ForkedStream, SharedWork, spare_core


def test_values_come_back_by_key_in_any_order_of_asking() -> None:
    stream = ForkedStream(lambda: ((n, "x" * n) for n in range(300)))
    assert stream.get(299) == "x" * 299  # larger than the pipe in all: the parent keeps reading
    assert stream.get(3) == "xxx"
    stream.poll()
    assert stream.get(3) is None  # each value is given once
    stream.close()


def test_a_failing_child_gives_what_it_made_then_none() -> None:
    def pairs() -> Iterator[tuple[int, int]]:
        yield 1, 1
        raise RuntimeError("boom")

    stream = ForkedStream(pairs)
    assert stream.get(1) == 1
    assert stream.get(2) is None
    stream.close()


def test_a_killed_child_gives_none() -> None:
    def pairs() -> Iterator[tuple[int, int]]:
        os._exit(9)
        yield 1, 1  # pragma: no cover

    stream = ForkedStream(pairs)
    assert stream.get(1) is None
    stream.close()


def test_no_second_process_beside_other_threads() -> None:
    release = threading.Event()
    thread = threading.Thread(target=release.wait)
    thread.start()
    try:
        assert not spare_core()
    finally:
        release.set()
        thread.join()


def _slow_square(index: int) -> int:
    time.sleep(0.002)
    return index * index


def test_shared_work_meets_in_the_middle(monkeypatch: pytest.MonkeyPatch) -> None:
    """Both processes work until they meet; every item comes back exactly right."""
    monkeypatch.setenv(HANDSHAKE, "1")  # a busy machine may not run the child soon enough
    work = SharedWork(300, _slow_square)
    values, from_child = [], 0
    for index in range(300):
        value = work.take(index)
        from_child += value is not None
        values.append(_slow_square(index) if value is None else value)
    work.close()
    assert values == [n * n for n in range(300)]
    assert 0 < from_child < 300  # each process did part of it


def test_shared_work_without_its_child_is_done_here() -> None:
    def fail(index: int) -> int:
        raise RuntimeError("boom")

    work = SharedWork(50, fail)
    time.sleep(0.05)
    assert all(work.take(index) is None for index in range(50))
    work.close()


def test_the_handshake_waits_for_a_child_slow_to_start(monkeypatch: pytest.MonkeyPatch) -> None:
    """However late the child starts, with the handshake each process makes at least one item."""
    monkeypatch.setenv(HANDSHAKE, "1")

    def late() -> Iterator[tuple[str, int]]:
        time.sleep(0.3)  # this process would otherwise take all 20 items meanwhile
        yield "started", 1

    work = SharedWork(20, _slow_square, first=late)
    from_child = [index for index in range(20) if work.take(index) is not None]
    assert work.result("started") == 1
    work.close()
    assert from_child and from_child[-1] == 19 and 0 not in from_child


def test_without_a_child_the_handshake_does_not_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(HANDSHAKE, "1")

    def fail(index: int) -> int:
        raise RuntimeError("boom")

    work = SharedWork(5, fail)
    assert all(work.take(index) is None for index in range(5))  # returns: the child has ended
    work.close()
