"""The machine-readable catalog published at `/api/catalog.json`."""

from __future__ import annotations

import json

from .gc_pause import gc_paused
from .model import Catalog

CATALOG_JSON_URI = "api/catalog.json"


def catalog_json(catalog: Catalog) -> str:
    """The whole catalog as stable, sorted, compact JSON (field names as in `exercises.yaml`).

    Compact output uses the json module's C encoder (indenting falls back to pure Python) and
    is what the routine builder downloads.
    """
    with gc_paused():
        data = catalog.model_dump(mode="json", by_alias=True, exclude_none=True)
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
