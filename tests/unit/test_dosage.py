from __future__ import annotations

import pytest
from pydantic import ValidationError

from generator.catalog.model import Dosage, DosageOverride, Frequency
from generator.pages.dosage import describe_dosage, describe_frequency


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (
            {"sets": 2, "reps": 10, "rest_seconds": 30, "days_per_week": 3},
            "2 sets of 10 repetitions; rest 30 seconds between sets; 3 days a week",
        ),
        ({"sets": 1, "reps": 1, "times_per_day": 1}, "1 set of 1 repetition; once a day"),
        (
            {
                "sets": 3,
                "hold_seconds": 30,
                "per_side": True,
                "rest_seconds": 10,
                "days_per_week": 7,
            },
            "Hold for 30 seconds, 3 times on each side; rest 10 seconds between holds; every day",
        ),
        (
            {"sets": 1, "hold_seconds": 120, "times_per_day": 3},
            "Hold for 2 minutes, once; 3 times a day",
        ),
        (
            {"sets": 1, "minutes": 10, "rest_seconds": 60, "days_per_week": 5},
            "10 minutes; 5 days a week",
        ),
        ({"sets": 2, "minutes": 1, "times_per_day": 2}, "2 sets of 1 minute; twice a day"),
        (
            {"sets": 3, "reps": 8, "rest_seconds": 0, "days_per_week": 1},
            "3 sets of 8 repetitions; 1 day a week",
        ),
    ],
)
def test_dosage_is_phrased_one_way(fields: dict[str, object], expected: str) -> None:
    assert describe_dosage(Dosage.model_validate(fields)) == expected


def test_frequency_of_a_routine_uses_the_same_words() -> None:
    assert describe_frequency(Frequency(times_per_day=2)) == "twice a day"
    assert describe_frequency(Frequency(days_per_week=7)) == "every day"
    work = Frequency(times_per_day=2, work_days=True)
    assert describe_frequency(work) == "twice a day, Monday to Friday"


@pytest.mark.parametrize(
    "fields",
    [
        {"sets": 1, "times_per_day": 1},
        {"sets": 1, "reps": 5, "hold_seconds": 5, "times_per_day": 1},
        {"sets": 1, "reps": 5},
        {"sets": 1, "reps": 5, "times_per_day": 1, "days_per_week": 3},
        {"sets": 0, "reps": 5, "times_per_day": 1},
        {"sets": 1, "reps": 5, "days_per_week": 8},
        {"sets": 1, "reps": 5, "days_per_week": 5, "work_days": True},
        {"sets": 1, "reps": 5, "work_days": True},
    ],
)
def test_incomplete_or_contradictory_dosage_is_rejected(fields: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        Dosage.model_validate(fields)


def test_override_replaces_the_kind_of_amount_and_frequency() -> None:
    base = Dosage(sets=2, reps=10, rest_seconds=30, days_per_week=3)
    changed = DosageOverride(hold_seconds=20, times_per_day=2).apply_to(base)
    assert changed == Dosage(sets=2, hold_seconds=20, rest_seconds=30, times_per_day=2)
    assert DosageOverride(sets=3).apply_to(base) == base.model_copy(update={"sets": 3})
