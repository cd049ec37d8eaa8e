"""Look-ups and back-links between catalog entries, computed once per render in linear time."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from generator.catalog.kinds import KINDS
from generator.catalog.model import (
    Catalog,
    Condition,
    Dosage,
    Exercise,
    Reference,
    Routine,
    RoutineItem,
    Treatment,
    TreatmentKind,
)

HOME_CARE_KINDS = {TreatmentKind.ACTIVE, TreatmentKind.EDUCATION}
T = TypeVar("T")


def _unique(items: Iterable[T]) -> list[T]:
    """Items in first-seen order, without repeats (items must be hashable)."""
    return list(dict.fromkeys(items))


# Words that carry no meaning of their own in a warning line ("or", "your", "you feel").
_FILLER = frozenset({
    "a", "an", "and", "any", "are", "as", "at", "be", "by", "do", "does", "feel", "feels", "for",
    "from", "get", "gets", "getting", "go", "goes", "has", "have", "if", "in", "into", "is", "it",
    "its", "of", "on", "or", "so", "stop", "that", "the", "their", "them", "then", "there", "this",
    "to", "up", "very", "what", "when", "with", "you", "your",
})  # fmt: skip
# A negation turns a line into another warning: "not eased by rest" never covers "eased by rest".
_NEGATIONS = frozenset({"not", "no", "never", "without"})
_WORD = re.compile(r"[a-z0-9]+")


def _stem(word: str) -> str:
    """A very light stem: "arms" and "arm", "spreads", "spreading" and "spread" match."""
    for ending in ("ing", "s"):
        if len(word) > len(ending) + 2 and word.endswith(ending) and not word.endswith("ss"):
            return word[: -len(ending)]
    return word


# Where a line's clauses part: a comma, a semicolon, a full stop or the word "or".
_CLAUSE = re.compile(r"[,;.]|\bor\b")


def _words(line: str) -> frozenset[str]:
    return frozenset(_stem(w) for w in _WORD.findall(line.casefold()) if w not in _FILLER)


def _clauses(line: str) -> tuple[frozenset[str], ...]:
    """The meaningful words of each clause of a line."""
    parts = (_words(part) for part in _CLAUSE.split(line.casefold()))
    return tuple(part for part in parts if part)


def _covers(wide: tuple[frozenset[str], ...], narrow: tuple[frozenset[str], ...]) -> bool:
    """Whether a line (its clauses `wide`) says everything another (`narrow`) says.

    Every meaningful word of the narrow line is in the wide one, and the two agree on negation
    where they overlap: a "not", "no", "never" or "without" counts only in a clause of the wide
    line that shares a word with the narrow line. So "Pain not eased by rest" never covers
    "Pain eased by rest", while "Weight loss without trying, or you have had cancer in the past"
    covers "You have had cancer in the past".
    """
    narrow_words = frozenset().union(*narrow)
    wide_words = frozenset().union(*wide)
    if not narrow_words <= wide_words:
        return False
    meaning = narrow_words - _NEGATIONS
    relevant = frozenset().union(*(c for c in wide if c & meaning)) & _NEGATIONS
    return relevant == narrow_words & _NEGATIONS


def merge_rules() -> dict[str, object]:
    """The words `merge_warnings` goes by, for the builder's copy of it (programme.js)."""
    return {"filler": sorted(_FILLER), "negations": sorted(_NEGATIONS), "clause": _CLAUSE.pattern}


def merge_warnings(lines: Iterable[str]) -> list[str]:
    """Warning lines from several sources, merged: exact and near-duplicates dropped.

    A line is dropped when another line says all of it: every meaningful word of it (not
    "or", "your", "you feel"), with light stemming ("arms" is "arm"), is in the other line.
    So "You feel numbness or tingling in your arms" goes when "You feel numbness, tingling or
    weakness in your arms or hands" is there, and "numbness in one leg" stays beside "numbness
    in both legs" (or "not" beside a line without it). The fuller line is kept, in the place
    where the first of the two appeared, so the list keeps the order of its sources. When two
    lines say the same, the first one seen is kept.
    """
    kept: list[tuple[str, tuple[frozenset[str], ...]]] = []
    for line in _unique(line.strip() for line in lines):
        words = _clauses(line)
        if any(_covers(other, words) for _, other in kept):
            continue
        place = None
        for i, (_, other) in enumerate(kept):
            if _covers(words, other):
                place = i if place is None else place
        if place is None:
            kept.append((line, words))
        else:
            kept = [
                (line, words) if i == place else entry
                for i, entry in enumerate(kept)
                if i == place or not _covers(words, entry[1])
            ]
    return [line for line, _ in kept]


@dataclass(frozen=True)
class Relations:
    """Every entry by id, and every link in both directions, in catalog order."""

    catalog: Catalog
    by_id: dict[str, dict[str, Any]] = field(init=False)  # every kind's entries, by its noun
    # The same, typed, for the kinds the back-links below join.
    exercise: dict[str, Exercise] = field(init=False)
    condition: dict[str, Condition] = field(init=False)
    treatment: dict[str, Treatment] = field(init=False)
    routine: dict[str, Routine] = field(init=False)
    reference: dict[str, Reference] = field(init=False)
    _conditions_of_exercise: dict[str, list[Condition]] = field(init=False)
    _routines_of_exercise: dict[str, list[Routine]] = field(init=False)
    _routines_of_condition: dict[str, list[Routine]] = field(init=False)
    _conditions_of_routine: dict[str, list[Condition]] = field(init=False)
    _conditions_of_treatment: dict[str, list[tuple[Condition, str]]] = field(init=False)
    _treatments_of_routine: dict[str, list[Treatment]] = field(init=False)
    _routines_of_treatment: dict[str, list[Routine]] = field(init=False)

    def __post_init__(self) -> None:
        catalog = self.catalog
        put = object.__setattr__
        by_id = {kind.noun: {e.id: e for e in kind.entries(catalog)} for kind in KINDS}
        put(self, "by_id", by_id)
        for typed in ("exercise", "condition", "treatment", "routine", "reference"):
            put(self, typed, by_id[typed])

        conditions_of_exercise: dict[str, list[Condition]] = defaultdict(list)
        conditions_of_treatment: dict[str, list[tuple[Condition, str]]] = defaultdict(list)
        for condition in catalog.conditions:
            for exercise_id in _unique(condition.exercises):
                conditions_of_exercise[exercise_id].append(condition)
            for role in condition.helps:
                conditions_of_treatment[role.treatment].append((condition, role.role))
        put(self, "_conditions_of_exercise", conditions_of_exercise)
        put(self, "_conditions_of_treatment", conditions_of_treatment)

        routines_of_exercise: dict[str, list[Routine]] = defaultdict(list)
        for routine in catalog.routines:
            for exercise_id in _unique(item.exercise for item in routine.items):
                routines_of_exercise[exercise_id].append(routine)
        put(self, "_routines_of_exercise", routines_of_exercise)

        # A routine and a condition are linked when either names the other.
        links: set[tuple[str, str]] = set()
        for condition in catalog.conditions:
            links.update((r, condition.id) for r in condition.routines)
        for routine in catalog.routines:
            links.update((routine.id, c) for c in routine.for_conditions)
        routines_of_condition: dict[str, list[Routine]] = defaultdict(list)
        conditions_of_routine: dict[str, list[Condition]] = defaultdict(list)
        by_routine: dict[str, set[str]] = defaultdict(set)
        by_condition: dict[str, set[str]] = defaultdict(set)
        for routine_id, condition_id in links:
            by_routine[routine_id].add(condition_id)
            by_condition[condition_id].add(routine_id)
        for routine in catalog.routines:
            for condition_id in by_routine.get(routine.id, ()):
                routines_of_condition[condition_id].append(routine)
        for condition in catalog.conditions:
            for routine_id in by_condition.get(condition.id, ()):
                conditions_of_routine[routine_id].append(condition)
        put(self, "_routines_of_condition", routines_of_condition)
        put(self, "_conditions_of_routine", conditions_of_routine)

        treatments_of_routine: dict[str, list[Treatment]] = {}
        routines_of_treatment: dict[str, list[Routine]] = defaultdict(list)
        for routine in catalog.routines:
            ids = _unique(
                role.treatment
                for condition in conditions_of_routine.get(routine.id, [])
                for role in condition.helps
            )
            home_care = [
                self.treatment[i] for i in ids if self.treatment[i].kind in HOME_CARE_KINDS
            ]
            treatments_of_routine[routine.id] = home_care
            for treatment in home_care:
                routines_of_treatment[treatment.id].append(routine)
        put(self, "_treatments_of_routine", treatments_of_routine)
        put(self, "_routines_of_treatment", routines_of_treatment)

    def item_dosage(self, item: RoutineItem) -> Dosage:
        """The dosage of a routine item: the exercise's own, with the routine's changes."""
        base = self.exercise[item.exercise].dosage
        return item.dosage.apply_to(base) if item.dosage is not None else base

    def conditions_for_exercise(self, exercise_id: str) -> list[Condition]:
        return self._conditions_of_exercise.get(exercise_id, [])

    def routines_for_exercise(self, exercise_id: str) -> list[Routine]:
        return self._routines_of_exercise.get(exercise_id, [])

    def routines_for_condition(self, condition_id: str) -> list[Routine]:
        return self._routines_of_condition.get(condition_id, [])

    def conditions_for_routine(self, routine_id: str) -> list[Condition]:
        return self._conditions_of_routine.get(routine_id, [])

    def conditions_for_treatment(self, treatment_id: str) -> list[tuple[Condition, str]]:
        """Conditions this treatment is listed for, with the role it plays there."""
        return self._conditions_of_treatment.get(treatment_id, [])

    def treatments_for_routine(self, routine_id: str) -> list[Treatment]:
        """Active and education treatments of the routine's conditions: the care it belongs to."""
        return self._treatments_of_routine.get(routine_id, [])

    def routines_for_treatment(self, treatment_id: str) -> list[Routine]:
        """Home routines for the conditions an active or education treatment is used for."""
        return self._routines_of_treatment.get(treatment_id, [])

    def routine_stop_if(self, routine: Routine) -> list[str]:
        """Every exercise's stop-if lines, merged and without near-duplicates."""
        return merge_warnings(
            s for item in routine.items for s in self.exercise[item.exercise].stop_if
        )

    def sheet_flags(self, conditions: Iterable[Condition], tier: str) -> list[str]:
        """One tier ("emergency", "urgent" or "soon") of the safety box a printed programme
        carries: each condition's short `handout` list where it has one, else its red flags in
        full, merged."""
        return merge_warnings(
            flag for c in conditions for flag in getattr(c.handout or c.red_flags, tier)
        )

    def routine_emergency_flags(self, routine: Routine) -> list[str]:
        conditions = self.conditions_for_routine(routine.id)
        return merge_warnings(flag for c in conditions for flag in c.red_flags.emergency)

    def routine_urgent_flags(self, routine: Routine) -> list[str]:
        conditions = self.conditions_for_routine(routine.id)
        return merge_warnings(flag for c in conditions for flag in c.red_flags.urgent)

    def routine_soon_flags(self, routine: Routine) -> list[str]:
        conditions = self.conditions_for_routine(routine.id)
        return merge_warnings(flag for c in conditions for flag in c.red_flags.soon)
