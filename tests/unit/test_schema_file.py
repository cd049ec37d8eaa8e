"""The committed JSON Schema that editors use stays in sync with the model."""

from __future__ import annotations

from generator.catalog.schema import catalog_schema
from tests.conftest import ROOT


def test_committed_schema_matches_the_model() -> None:
    committed = (ROOT / "exercises.schema.json").read_text(encoding="utf-8")
    assert committed == catalog_schema(), (
        "run: .venv/bin/python -m generator schema > exercises.schema.json"
    )


def test_catalog_points_editors_at_the_schema() -> None:
    first_line = (ROOT / "exercises.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=exercises.schema.json"
