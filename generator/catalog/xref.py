"""Cross-reference checks: ids unique, every referenced id known, progressions sensible."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Annotated, Any, get_args, get_origin

from pydantic import BaseModel, ValidationError

from generator.catalog.addresses import RESERVED_IDS as RESERVED_IDS
from generator.catalog.kinds import EXERCISES, KINDS, PAGE_KINDS, ROUTINES, Kind
from generator.catalog.model import Catalog, RefersTo
from generator.source.errors import Path, Problem
from generator.source.source_map import SourceMap

# RESERVED_IDS (from addresses.py): ids that would collide with pages the site already has.


def check_references(catalog: Catalog, source: SourceMap) -> list[Problem]:
    """Every problem with ids in an otherwise well-formed catalog."""
    return sorted(_problems(catalog, source))


def _problems(catalog: Catalog, source: SourceMap) -> Iterator[Problem]:
    known: dict[str, set[str]] = {}
    for kind in KINDS:
        entries = kind.entries(catalog)
        known[kind.noun] = {entry.id for entry in entries}
        yield from _duplicates(kind, [entry.id for entry in entries], source)
        for i, entry in enumerate(entries):
            if entry.id in RESERVED_IDS:
                message = f"'{entry.id}' is reserved for a page of the site; choose another id"
                yield source.problem((kind.key, i, "id"), message)

    # Every id an entry names, wherever its model declares one (`RefersTo`).
    for kind in KINDS:
        for i, entry in enumerate(kind.entries(catalog)):
            for path, target, ref in named_ids(entry, (kind.key, i)):
                if ref not in known[target]:
                    hint = _hint(ref, known[target])
                    yield source.problem(path, f"unknown {target} id '{ref}'{hint}")

    yield from _aliases(catalog, source)

    for i, exercise in enumerate(catalog.exercises):
        for direction in ("easier", "harder"):
            for j, ref in enumerate(getattr(exercise, direction)):
                if ref == exercise.id:
                    message = f"'{ref}' cannot be its own {direction} version"
                    yield source.problem((EXERCISES.key, i, direction, j), message)
    yield from _ladder_cycles(catalog, source)

    exercises = {exercise.id: exercise for exercise in catalog.exercises}
    for i, routine in enumerate(catalog.routines):
        for j, item in enumerate(routine.items):
            item_path: Path = (ROUTINES.key, i, "items", j)
            base = exercises.get(item.exercise)
            if base is not None and item.dosage is not None:
                try:
                    item.dosage.apply_to(base.dosage)
                except ValidationError as error:
                    message = error.errors()[0]["msg"].removeprefix("Value error, ")
                    yield source.problem((*item_path, "dosage"), f"with this override, {message}")


def named_ids(value: object, path: Path) -> Iterator[tuple[Path, str, str]]:
    """(where, kind, id) for every id of another entry that `value` (an entry, or any part of
    one) names, as its model's types declare with `RefersTo`; paths as written in the YAML."""
    if isinstance(value, BaseModel):
        for name, key, target in _fields_naming_ids(type(value)):
            field_value = getattr(value, name)
            if target is not None and isinstance(field_value, str):
                yield (*path, key), target, field_value
            else:
                yield from _ids_in(field_value, target, (*path, key))


def _ids_in(value: object, target: str | None, path: Path) -> Iterator[tuple[Path, str, str]]:
    if isinstance(value, list | tuple):
        for i, item in enumerate(value):
            yield from _ids_in(item, target, (*path, i))
    elif isinstance(value, str) and target is not None:
        yield path, target, value
    else:
        yield from named_ids(value, path)


@cache
def _fields_naming_ids(model: type[BaseModel]) -> tuple[tuple[str, str, str | None], ...]:
    """The fields of `model` that may hold ids of other entries: (attribute, YAML key, the
    kind named when the field's own values are ids, else None)."""
    found = []
    for name, info in model.model_fields.items():
        own = _refers_to(info.metadata)
        target = own or _target(info.annotation)
        if target is not None or _holds_references(info.annotation):
            found.append((name, info.alias or name, target))
    return tuple(found)


def _refers_to(metadata: Iterable[object]) -> str | None:
    return next((m.kind for m in metadata if isinstance(m, RefersTo)), None)


def _target(annotation: Any) -> str | None:
    """The kind a type's ids name: `list[ExerciseId]`, `ExerciseId | None` -> "exercise"."""
    if get_origin(annotation) is Annotated:
        return _refers_to(annotation.__metadata__)
    return next(filter(None, map(_target, get_args(annotation))), None)


def _holds_references(annotation: Any, seen: frozenset[type] = frozenset()) -> bool:
    """Whether values of this type are (or contain) models with fields naming ids."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if annotation in seen:
            return False
        inner = seen | {annotation}
        return any(
            _refers_to(info.metadata) is not None
            or _target(info.annotation) is not None
            or _holds_references(info.annotation, inner)
            for info in annotation.model_fields.values()
        )
    return any(_holds_references(arg, seen) for arg in get_args(annotation))


def _aliases(catalog: Catalog, source: SourceMap) -> Iterator[Problem]:
    """An old id may not be a current id, another entry's old id, or a reserved id."""
    for kind in PAGE_KINDS:
        entries = kind.entries(catalog)
        current = {entry.id for entry in entries}
        seen: set[str] = set()
        for i, entry in enumerate(entries):
            for j, alias in enumerate(entry.aliases):
                path: Path = (kind.key, i, "aliases", j)
                if alias in current:
                    message = f"old id '{alias}' is the id of a current {kind.noun}"
                    yield source.problem(path, message)
                elif alias in seen:
                    yield source.problem(path, f"old id '{alias}' is listed twice")
                elif alias in RESERVED_IDS:
                    yield source.problem(path, f"'{alias}' is reserved for a page of the site")
                seen.add(alias)


def _duplicates(kind: Kind, ids: list[str], source: SourceMap) -> Iterator[Problem]:
    first: dict[str, int] = {}
    for i, entry_id in enumerate(ids):
        if entry_id in first:
            line, _ = source.locate((kind.key, first[entry_id], "id"))
            message = f"duplicate {kind.noun} id '{entry_id}' (first used at line {line})"
            yield source.problem((kind.key, i, "id"), message)
        else:
            first[entry_id] = i


def _ladder_cycles(catalog: Catalog, source: SourceMap) -> Iterator[Problem]:
    """A chain of 'harder' (or reversed 'easier') links must never come back to its start."""
    harder: dict[str, set[str]] = {
        exercise.id: set(exercise.harder) for exercise in catalog.exercises
    }
    for exercise in catalog.exercises:
        for easier in exercise.easier:
            harder.setdefault(easier, set()).add(exercise.id)
    position = {exercise.id: i for i, exercise in enumerate(catalog.exercises)}
    reported: set[frozenset[str]] = set()
    for start in sorted(harder):
        cycle = _find_cycle(start, harder)
        if cycle and frozenset(cycle) not in reported and start in position:
            reported.add(frozenset(cycle))
            chain = " -> ".join([*cycle, cycle[0]])
            yield source.problem(
                (EXERCISES.key, position[start], "harder"), f"progression goes in a circle: {chain}"
            )


def _find_cycle(start: str, graph: dict[str, set[str]]) -> list[str] | None:
    stack: list[tuple[str, list[str]]] = [(start, [start])]
    seen: set[str] = set()
    while stack:
        node, trail = stack.pop()
        for nxt in sorted(graph.get(node, ())):
            if nxt == start and len(trail) > 1:
                return trail
            if nxt not in seen and nxt != start:
                seen.add(nxt)
                stack.append((nxt, [*trail, nxt]))
    return None


def _hint(ref: str, known: set[str]) -> str:
    close = difflib.get_close_matches(ref, sorted(known), n=1)
    return f"; did you mean '{close[0]}'?" if close else ""
