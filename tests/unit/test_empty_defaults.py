"""Empty-collection defaults: a new, empty list or dict for each object, shown in the schema."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from generator.catalog import model
from generator.catalog.schema import catalog_schema
from generator.figures import spec


def test_empty_defaults_are_shown_in_the_schema() -> None:
    defaults = list(_defaults(json.loads(catalog_schema())))
    assert defaults.count([]) >= 20 and {} in defaults


def _defaults(schema: Any) -> Iterator[Any]:
    if isinstance(schema, dict):
        if "default" in schema:
            yield schema["default"]
        for value in schema.values():
            yield from _defaults(value)
    elif isinstance(schema, list):
        for value in schema:
            yield from _defaults(value)


def test_objects_do_not_share_their_default_lists() -> None:
    panel = spec.Panel(pose="standing")
    other = spec.Panel(pose="standing")
    assert panel.adjust == {} and panel.adjust is not other.adjust
    catalog, again = model.Catalog(), model.Catalog()
    catalog.exercises.append(None)  # type: ignore[arg-type]
    assert again.exercises == [] and catalog.exercises is not again.exercises
