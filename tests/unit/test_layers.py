"""The packages of `generator/` are the pipeline's stages: each imports only from earlier ones."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import ROOT

# In the order data flows (docs/architecture.md draws it); a stage may use any stage before it.
STAGES = [
    "source",
    "messages",
    "speed",
    "figures",
    "catalog",
    "clinic",
    "pages",
    "site_files",
    "pipeline",
    "engine",
    "cli",
]
IMPORT = re.compile(r"^\s*(?:from|import) generator\.(\w+)", re.MULTILINE)


def _stage(path: Path) -> str:
    return path.relative_to(ROOT / "generator").with_suffix("").parts[0]


def test_every_module_is_in_a_stage() -> None:
    stray = sorted(
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "generator").rglob("*.py")
        if _stage(path) not in {*STAGES, "__init__", "__main__"}
    )
    assert stray == [], "put each module in the package of its stage"


def test_no_stage_imports_a_later_one() -> None:
    backwards = []
    for path in sorted((ROOT / "generator").rglob("*.py")):
        here = _stage(path)
        if here not in STAGES:
            continue
        for used in IMPORT.findall(path.read_text(encoding="utf-8")):
            if used in STAGES and STAGES.index(used) > STAGES.index(here):
                backwards.append(f"{path.relative_to(ROOT).as_posix()} imports generator.{used}")
    assert backwards == [], "a stage may only import from the stages before it"
