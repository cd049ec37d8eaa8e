"""JSON Schema of the catalog, for editors and other tools."""

from __future__ import annotations

import json

from generator.catalog.model import Catalog


def catalog_schema() -> str:
    """The JSON Schema of `exercises.yaml`, as stable JSON text."""
    schema = Catalog.model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Physiotherapy clinic catalog (exercises.yaml)"
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"
