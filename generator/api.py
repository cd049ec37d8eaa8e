"""The machine-readable catalog published at `/api/catalog.json`."""

from __future__ import annotations

import json

from .model import Catalog

CATALOG_JSON_URI = "api/catalog.json"


def catalog_json(catalog: Catalog) -> str:
    """The whole catalog as stable, sorted JSON (field names as in `exercises.yaml`)."""
    data = catalog.model_dump(mode="json", by_alias=True, exclude_none=True)
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
