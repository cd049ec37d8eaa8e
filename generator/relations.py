"""Look-ups and back-links between catalog entries, computed once per render."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar

from .model import (
    Catalog,
    Condition,
    Dosage,
    Exercise,
    Modality,
    ModalityKind,
    Reference,
    Routine,
    RoutineItem,
)

HOME_CARE_KINDS = {ModalityKind.ACTIVE, ModalityKind.EDUCATION}
T = TypeVar("T")


def _unique(items: list[T]) -> list[T]:
    seen: list[T] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen


@dataclass(frozen=True)
class Relations:
    """Every entry by id, and every link in both directions, in catalog order."""

    catalog: Catalog
    exercise: dict[str, Exercise] = field(init=False)
    condition: dict[str, Condition] = field(init=False)
    treatment: dict[str, Modality] = field(init=False)
    routine: dict[str, Routine] = field(init=False)
    reference: dict[str, Reference] = field(init=False)

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        set_(self, "exercise", {e.id: e for e in self.catalog.exercises})
        set_(self, "condition", {c.id: c for c in self.catalog.conditions})
        set_(self, "treatment", {m.id: m for m in self.catalog.modalities})
        set_(self, "routine", {r.id: r for r in self.catalog.routines})
        set_(self, "reference", {r.id: r for r in self.catalog.references})

    def item_dosage(self, item: RoutineItem) -> Dosage:
        """The dosage of a routine item: the exercise's own, with the routine's changes."""
        base = self.exercise[item.exercise].dosage
        return item.dosage.apply_to(base) if item.dosage is not None else base

    def conditions_for_exercise(self, exercise_id: str) -> list[Condition]:
        return [c for c in self.catalog.conditions if exercise_id in c.exercises]

    def routines_for_exercise(self, exercise_id: str) -> list[Routine]:
        return [r for r in self.catalog.routines if any(i.exercise == exercise_id for i in r.items)]

    def routines_for_condition(self, condition_id: str) -> list[Routine]:
        listed = set(self.condition[condition_id].routines)
        return [
            r for r in self.catalog.routines if r.id in listed or condition_id in r.for_conditions
        ]

    def conditions_for_routine(self, routine_id: str) -> list[Condition]:
        named = set(self.routine[routine_id].for_conditions)
        return [c for c in self.catalog.conditions if c.id in named or routine_id in c.routines]

    def conditions_for_treatment(self, treatment_id: str) -> list[tuple[Condition, str]]:
        """Conditions this treatment is listed for, with the role it plays there."""
        return [
            (c, role.role)
            for c in self.catalog.conditions
            for role in c.helps
            if role.treatment == treatment_id
        ]

    def treatments_for_routine(self, routine_id: str) -> list[Modality]:
        """Active and education treatments of the routine's conditions: the care it belongs to."""
        ids = [
            role.treatment
            for condition in self.conditions_for_routine(routine_id)
            for role in condition.helps
        ]
        found = [self.treatment[i] for i in _unique(ids)]
        return [m for m in found if m.kind in HOME_CARE_KINDS]

    def routines_for_treatment(self, treatment_id: str) -> list[Routine]:
        """Home routines for the conditions an active or education treatment is used for."""
        if self.treatment[treatment_id].kind not in HOME_CARE_KINDS:
            return []
        return [
            r
            for r in self.catalog.routines
            if any(m.id == treatment_id for m in self.treatments_for_routine(r.id))
        ]

    def references_of_treatment(self, treatment: Modality) -> list[Reference]:
        ids = treatment.evidence.acute.references + treatment.evidence.chronic.references
        return [self.reference[i] for i in _unique(ids)]

    def routine_stop_if(self, routine: Routine) -> list[str]:
        return _unique([s for item in routine.items for s in self.exercise[item.exercise].stop_if])

    def routine_emergency_flags(self, routine: Routine) -> list[str]:
        conditions = self.conditions_for_routine(routine.id)
        return _unique([flag for c in conditions for flag in c.red_flags.emergency])

    def routine_urgent_flags(self, routine: Routine) -> list[str]:
        conditions = self.conditions_for_routine(routine.id)
        return _unique([flag for c in conditions for flag in c.red_flags.urgent])
