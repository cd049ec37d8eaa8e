"""The test suite's own layout, so a newcomer's new test lands in the right tier: every test
module in tests/unit, tests/site or tests/browser; helpers from conftest.py files (or
tests/helpers), never from another test module; unit tests build no site."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import TESTS

TIERS = {"unit", "site", "browser"}


def _modules() -> list[Path]:
    return sorted(TESTS.rglob("*.py"))


def test_every_test_module_is_in_a_tier_folder() -> None:
    misplaced = [
        path.relative_to(TESTS).as_posix()
        for path in TESTS.rglob("test_*.py")
        if path.relative_to(TESTS).parts[0] not in TIERS
    ]
    assert misplaced == [], "move them to tests/unit, tests/site or tests/browser"


def test_no_module_imports_a_test_module() -> None:
    found = []
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            if any(name.split(".")[-1].startswith("test_") for name in names):
                found.append(f"{path.relative_to(TESTS)}:{node.lineno}")
    assert found == [], "shared helpers belong in a conftest.py (or tests/helpers)"


def test_unit_tests_build_no_site() -> None:
    """The whole-site builders (`build`, the session's `built` site) are for tests/site."""
    found = []
    for path in sorted((TESTS / "unit").glob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "tests.conftest":
                found += [f"{path.name}:{node.lineno}" for a in node.names if a.name == "build"]
            if isinstance(node, ast.FunctionDef):
                found += [f"{path.name}:{node.lineno}" for a in node.args.args if a.arg == "built"]
    assert found == [], "a test that builds a site belongs in tests/site"
