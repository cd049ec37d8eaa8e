"""The second process: values come back by key; a failed child leaves the work to the caller."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator

from generator.forked import ForkedStream, share, spare_core


def test_share_spreads_the_items_evenly() -> None:
    assert share(range(10), 0.5) == [1, 3, 5, 7, 9]
    assert share(range(4), 0.0) == []
    assert share(range(4), 1.0) == [0, 1, 2, 3]
    assert len(share(range(1000), 0.52)) == 520


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
