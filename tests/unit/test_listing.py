"""Large catalogs: list pages are grouped and paginated so no page embeds thousands of links."""

from __future__ import annotations

import re

from generator.catalog.model import Catalog
from generator.pages.listing import PAGE_SIZE, paginate
from generator.pages.render import render_pages


def test_paginate_names_every_page() -> None:
    pages = paginate("routines/index.md", "routines/all", list(range(250)))
    assert [p.uri for p in pages] == ["routines/index.md", "routines/all/2.md", "routines/all/3.md"]
    assert [len(p.items) for p in pages] == [PAGE_SIZE, PAGE_SIZE, 50]
    assert all(p.count == 3 for p in pages)
    assert paginate("x.md", "x", [])[0].items == []


def big_catalog(mini: Catalog, copies: int) -> Catalog:
    walking = next(e for e in mini.exercises if e.id == "walking")
    extra = [
        walking.model_copy(update={"id": f"walk-{i}", "name": f"Walk {i:04d}"})
        for i in range(copies)
    ]
    return mini.model_copy(update={"exercises": [*mini.exercises, *extra]})


def test_a_large_catalog_gets_paginated_group_pages(mini: Catalog) -> None:
    pages = render_pages(big_catalog(mini, 450))
    whole_body = sorted(uri for uri in pages if uri.startswith("exercises/body-area/whole-body"))
    assert whole_body == [
        "exercises/body-area/whole-body.md",
        "exercises/body-area/whole-body/2.md",
        "exercises/body-area/whole-body/3.md",
        "exercises/body-area/whole-body/4.md",
        "exercises/body-area/whole-body/5.md",
    ]
    assert "Page 2 of 5" in pages["exercises/body-area/whole-body/2.md"]
    for uri, text in pages.items():
        links = len(re.findall(r"\]\(", text)) - text.count("![")  # thumbnails are not links
        assert links <= PAGE_SIZE + 20, (uri, links)
    index = pages["exercises/index.md"]
    assert "- [Whole body](body-area/whole-body.md) (451 exercises)" in index
