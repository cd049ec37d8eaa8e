"""Shared test helpers."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.catalog.load import load_catalog, load_catalog_text
from generator.catalog.model import Catalog
from generator.source.errors import CatalogError

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MINI = FIXTURES / "mini.yaml"


@pytest.fixture(scope="session")
def mini() -> Catalog:
    return load_catalog(MINI)


def problems_of(text: str) -> list[str]:
    """Load `text` as a catalog named test.yaml and return the located problems as text."""
    with pytest.raises(CatalogError) as caught:
        load_catalog_text(text, "test.yaml")
    return [str(p) for p in caught.value.problems]


def mini_text() -> str:
    return MINI.read_text(encoding="utf-8")


# For fault-injection drivers (run in a child process): `killing(f)` wraps a file-system call so
# that the process dies, as with `kill -9`, at its `kill_at`-th call. The driver sets `kill_at`.
KILL_SWITCH = """
calls = 0
def killing(function):
    def wrapped(*args, **kwargs):
        global calls
        calls += 1
        if calls == kill_at:
            os._exit(9)
        return function(*args, **kwargs)
    return wrapped
"""
