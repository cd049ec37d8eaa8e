"""The benchmark's inputs: synthetic catalogs are valid, sized as asked, and the same each run."""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from generator.catalog.load import load_catalog_text
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from bench import Runs, growth, synthetic_text

SHIPPED = yaml.safe_load((ROOT / "exercises.yaml").read_text(encoding="utf-8"))


def test_synthetic_catalog_is_valid_sized_and_reproducible() -> None:
    text = synthetic_text(SHIPPED, 120)
    assert synthetic_text(SHIPPED, 120) == text
    catalog = load_catalog_text(text, "synthetic.yaml")
    assert len(catalog.exercises) == 120
    assert len(catalog.conditions) > len(SHIPPED["conditions"])  # grows in proportion
    assert len({e.id for e in catalog.exercises}) == 120


def test_growth_pairs_the_sizes_built_in_the_same_round() -> None:
    small = Runs("1,000", 1000, Path("."), builds=[(5.0, 0), (10.0, 0), (5.5, 0)])
    large = Runs("5,000", 5000, Path("."), builds=[(25.0, 0), (50.0, 0), (27.5, 0)])
    # The second round ran on a machine twice as slow: each round's ratio is still 5.
    assert growth(small, large) == 5.0
