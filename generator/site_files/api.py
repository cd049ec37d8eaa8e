"""The machine-readable catalog published at `/api/catalog.json`."""

from __future__ import annotations

import json
from dataclasses import fields

from generator.catalog.model import Catalog
from generator.pages.pictures import Picture, exercise_picture
from generator.speed.gc_pause import gc_paused


def catalog_json(catalog: Catalog) -> str:
    """The whole catalog as stable, sorted, compact JSON (field names as in `exercises.yaml`).

    Each exercise also has `picture` (site path, alt text and size of its figure or image),
    which the routine builder shows. Compact output uses the json module's C encoder
    (indenting falls back to pure Python) and is what the routine builder downloads.
    """
    with gc_paused():  # and the plain data is freed before the collector is back
        data = catalog.model_dump(mode="json", by_alias=True, exclude_none=True)
        for entry, exercise in zip(data["exercises"], catalog.exercises, strict=True):
            picture = exercise_picture(exercise)
            if picture is not None:
                entry["picture"] = _fields(picture)
        text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        del data
    return text + "\n"


_PICTURE_FIELDS = tuple(field.name for field in fields(Picture))


def _fields(picture: Picture) -> dict[str, str | int]:
    """The picture's fields that are set (like `dataclasses.asdict`, without its deep copy)."""
    found = ((name, getattr(picture, name)) for name in _PICTURE_FIELDS)
    return {name: value for name, value in found if value is not None}
