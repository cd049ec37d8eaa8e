"""Grouped and paginated list pages, so no page embeds thousands of links."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from generator.catalog.addresses import exercise_group_uri
from generator.catalog.model import Catalog, Exercise
from generator.pages import labels

PAGE_SIZE = 100
"""Most links on one list page."""

INLINE_LIMIT = 100
"""Up to this many exercises, the exercise index also lists them all inline."""

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list: its uri, its items, and where every page of the list lives."""

    uri: str
    number: int
    items: Sequence[T]
    all_uris: Sequence[str]

    @property
    def count(self) -> int:
        return len(self.all_uris)


def paginate(first_uri: str, more_prefix: str, items: Sequence[T]) -> list[Page[T]]:
    """Split `items` into pages: the first at `first_uri`, then `more_prefix/2.md`, ..."""
    chunks = [items[i : i + PAGE_SIZE] for i in range(0, len(items), PAGE_SIZE)] or [items]
    uris = [first_uri] + [f"{more_prefix}/{n}.md" for n in range(2, len(chunks) + 1)]
    return [
        Page(uri, n, chunk, uris)
        for n, (uri, chunk) in enumerate(zip(uris, chunks, strict=True), 1)
    ]


@dataclass(frozen=True)
class ExerciseGroup:
    """Exercises for one body area or of one type, sorted by name, split into pages."""

    kind: str  # "body-area" or "type"
    slug: str
    title: str
    pages: list[Page[Exercise]]

    @property
    def uri(self) -> str:
        return self.pages[0].uri

    @property
    def size(self) -> int:
        return sum(len(page.items) for page in self.pages)

    @property
    def exercises(self) -> list[Exercise]:
        return [exercise for page in self.pages for exercise in page.items]


def exercise_groups(catalog: Catalog) -> list[ExerciseGroup]:
    """Every non-empty body-area group, then every non-empty type group."""
    by_name = sorted(catalog.exercises, key=lambda e: (e.name.casefold(), e.id))
    groups: list[ExerciseGroup] = []
    for region, title in labels.BODY_REGION.items():
        members = [e for e in by_name if region in e.body_regions]
        if members:
            groups.append(_group("body-area", region.value, title, members))
    for goal, title in labels.GOAL.items():
        members = [e for e in by_name if goal in e.goals]
        if members:
            groups.append(_group("type", goal.value, title, members))
    return groups


def _group(kind: str, value: str, title: str, members: list[Exercise]) -> ExerciseGroup:
    slug = value.replace("_", "-")
    base = exercise_group_uri(kind, slug)
    return ExerciseGroup(kind, slug, title, paginate(f"{base}.md", base, members))
