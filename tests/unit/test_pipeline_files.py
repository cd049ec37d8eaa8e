"""The pipeline's file sets: what it says it writes is what it writes."""

from __future__ import annotations

from generator.catalog.model import Catalog
from generator.pipeline import beside_pages_uris, files_beside_pages


def test_the_uris_beside_pages_are_those_of_the_files_made(mini: Catalog) -> None:
    first = mini.exercises[0].model_copy(update={"aliases": ["an-old-id"]})
    catalog = mini.model_copy(update={"exercises": [first, *mini.exercises[1:]]})
    made = files_beside_pages(catalog, "https://clinic.example/")
    assert beside_pages_uris(catalog) == set(made)
    assert any(uri.endswith(".ics") for uri in made)
    assert any("an-old-id" in uri for uri in made)
