"""Site tests: each builds a whole site (or runs the build in child processes), in seconds.

Every test in this folder is marked `site` (not in `make test-fast`). The shipped site, built
once per session, is the `built` fixture of tests/conftest.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.site)
