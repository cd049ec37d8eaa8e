"""Cross-reference checks: ids unique, every referenced id known, progressions sensible."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator

from pydantic import ValidationError

from generator.catalog.addresses import RESERVED_IDS as RESERVED_IDS
from generator.catalog.kinds import BY_KEY, KINDS, PAGE_KINDS
from generator.catalog.model import Catalog
from generator.source.errors import Path, Problem
from generator.source.source_map import SourceMap

# RESERVED_IDS (from addresses.py): ids that would collide with pages the site already has.
SECTION_NOUN = {section.key: section.noun for section in KINDS}


def check_references(catalog: Catalog, source: SourceMap) -> list[Problem]:
    """Every problem with ids in an otherwise well-formed catalog."""
    return sorted(_problems(catalog, source))


def _problems(catalog: Catalog, source: SourceMap) -> Iterator[Problem]:
    known: dict[str, set[str]] = {}
    for section in SECTION_NOUN:
        entries = getattr(catalog, BY_KEY[section].field)
        known[section] = {entry.id for entry in entries}
        yield from _duplicates(section, [entry.id for entry in entries], source)
        for i, entry in enumerate(entries):
            if entry.id in RESERVED_IDS:
                message = f"'{entry.id}' is reserved for a page of the site; choose another id"
                yield source.problem((section, i, "id"), message)

    def need(section: str, ids: Iterable[str], path: Path) -> Iterator[Problem]:
        for i, ref in enumerate(ids):
            if ref not in known[section]:
                noun = SECTION_NOUN[section]
                yield source.problem(
                    (*path, i), f"unknown {noun} id '{ref}'{_hint(ref, known[section])}"
                )

    yield from _aliases(catalog, source)

    for i, exercise in enumerate(catalog.exercises):
        here: Path = ("exercises", i)
        for direction in ("easier", "harder"):
            ids = getattr(exercise, direction)
            yield from need("exercises", ids, (*here, direction))
            for j, ref in enumerate(ids):
                if ref == exercise.id:
                    message = f"'{ref}' cannot be its own {direction} version"
                    yield source.problem((*here, direction, j), message)
    yield from _ladder_cycles(catalog, source)

    for i, condition in enumerate(catalog.conditions):
        here = ("conditions", i)
        for j, role in enumerate(condition.helps):
            yield from need("modalities", [role.treatment], (*here, "helps", j, "treatment"))
        yield from need("exercises", condition.exercises, (*here, "exercises"))
        yield from need("routines", condition.routines, (*here, "routines"))
        yield from need("references", condition.references, (*here, "references"))

    for i, treatment in enumerate(catalog.treatments):
        for phase, evidence in treatment.evidence.phases():
            path: Path = ("modalities", i, "evidence", phase, "references")
            yield from need("references", evidence.references, path)

    exercises = {exercise.id: exercise for exercise in catalog.exercises}
    for i, routine in enumerate(catalog.routines):
        here = ("routines", i)
        yield from need("conditions", routine.for_conditions, (*here, "for"))
        for j, item in enumerate(routine.items):
            item_path: Path = (*here, "items", j)
            yield from need("exercises", [item.exercise], (*item_path, "exercise"))
            base = exercises.get(item.exercise)
            if base is not None and item.dosage is not None:
                try:
                    item.dosage.apply_to(base.dosage)
                except ValidationError as error:
                    message = error.errors()[0]["msg"].removeprefix("Value error, ")
                    yield source.problem((*item_path, "dosage"), f"with this override, {message}")


def _aliases(catalog: Catalog, source: SourceMap) -> Iterator[Problem]:
    """An old id may not be a current id, another entry's old id, or a reserved id."""
    for section in (s.key for s in PAGE_KINDS):
        entries = getattr(catalog, BY_KEY[section].field)
        current = {entry.id for entry in entries}
        seen: set[str] = set()
        for i, entry in enumerate(entries):
            for j, alias in enumerate(entry.aliases):
                path: Path = (section, i, "aliases", j)
                if alias in current:
                    message = f"old id '{alias}' is the id of a current {SECTION_NOUN[section]}"
                    yield source.problem(path, message)
                elif alias in seen:
                    yield source.problem(path, f"old id '{alias}' is listed twice")
                elif alias in RESERVED_IDS:
                    yield source.problem(path, f"'{alias}' is reserved for a page of the site")
                seen.add(alias)


def _duplicates(section: str, ids: list[str], source: SourceMap) -> Iterator[Problem]:
    first: dict[str, int] = {}
    for i, entry_id in enumerate(ids):
        if entry_id in first:
            line, _ = source.locate((section, first[entry_id], "id"))
            noun = SECTION_NOUN[section]
            message = f"duplicate {noun} id '{entry_id}' (first used at line {line})"
            yield source.problem((section, i, "id"), message)
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
                ("exercises", position[start], "harder"), f"progression goes in a circle: {chain}"
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
