"""Upgrade guard: the engine the glue was checked against is the one installed. When MkDocs or
Material changes, these fail and say what to re-check (generator/engine/dependencies.py)."""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
from pathlib import Path

import pytest

from generator.engine.dependencies import CHECKED_VERSIONS, RELIANCES, Reliance
from tests.conftest import ROOT

MODULE = {"mkdocs": "mkdocs", "mkdocs-material": "material"}


def installed(package: str) -> Path:
    spec = importlib.util.find_spec(MODULE[package])
    assert spec is not None and spec.origin is not None
    return Path(spec.origin).parent


@pytest.mark.parametrize("package", sorted(CHECKED_VERSIONS))
def test_installed_engine_is_the_checked_version(package: str) -> None:
    version = importlib.metadata.version(package)
    assert version == CHECKED_VERSIONS[package], (
        f"{package} {version} is installed; the glue was checked against "
        f"{CHECKED_VERSIONS[package]}. Re-check every entry of generator/engine/dependencies.py "
        "for it, then update CHECKED_VERSIONS and the digests."
    )


@pytest.mark.parametrize("reliance", RELIANCES, ids=lambda r: f"{r.package}:{r.path}")
def test_relied_on_file_is_unchanged(reliance: Reliance) -> None:
    path = installed(reliance.package) / reliance.path
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert digest == reliance.sha256, (
        f"{reliance.package}/{reliance.path} changed (used by {reliance.used_by}). "
        f"Re-check: {reliance.recheck}"
    )


def _importers(prefixes: tuple[str, ...]) -> list[str]:
    return sorted(
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "generator").rglob("*.py")
        if any(
            line.lstrip().startswith(prefixes)
            for line in path.read_text(encoding="utf-8").splitlines()
        )
    )


def test_only_the_engine_package_imports_mkdocs_or_material() -> None:
    engines = ("import mkdocs", "from mkdocs", "import material", "from material")
    importers = _importers(engines)
    assert importers, "the plugin imports MkDocs: this check has stopped seeing it"
    outside = [path for path in importers if not path.startswith("generator/engine/")]
    assert outside == [], "MkDocs and Material are imported only in generator/engine/"


def test_the_core_does_not_depend_on_the_engine_glue() -> None:
    users = _importers(("from generator.engine", "import generator.engine"))
    outside = [
        path for path in users if not path.startswith(("generator/engine/", "generator/cli.py"))
    ]
    assert outside == [], "the generator core must build pages without the engine glue"
