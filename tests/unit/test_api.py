"""The published catalog JSON."""

from __future__ import annotations

import json
from dataclasses import asdict

from generator.catalog.model import Catalog
from generator.pages.pictures import Picture, exercise_picture
from generator.site_files.api import _fields, catalog_json


def test_picture_fields_are_asdict_without_the_unset_ones(mini: Catalog) -> None:
    pictures = [exercise_picture(exercise) for exercise in mini.exercises]
    pictures += [Picture("img/a.svg", "A person"), Picture("a", "b", 1, 2, "c")]
    for picture in pictures:
        if picture is not None:
            expected = {k: v for k, v in asdict(picture).items() if v is not None}
            assert _fields(picture) == expected


def test_catalog_json_is_the_sorted_dump_with_pictures(mini: Catalog) -> None:
    data = mini.model_dump(mode="json", by_alias=True, exclude_none=True)
    for entry, exercise in zip(data["exercises"], mini.exercises, strict=True):
        picture = exercise_picture(exercise)
        if picture is not None:
            entry["picture"] = {k: v for k, v in asdict(picture).items() if v is not None}
    expected = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    assert catalog_json(mini) == expected + "\n"
