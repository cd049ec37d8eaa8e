"""Pause Python's cyclic garbage collector while the generator builds large structures."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic collections inside the block; the previous state is restored after it.

    For loading and dumping the catalog, which allocate many long-lived, acyclic objects
    (parsed YAML, models, plain data): without the pause, each burst of allocations starts a
    collection that walks everything allocated so far. Reference counting still frees
    everything not in a cycle. Rendering makes short-lived cyclic garbage and keeps the
    collector.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
