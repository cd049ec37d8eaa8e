"""Stance words that read right for each kind of treatment."""

from __future__ import annotations

from generator.catalog.model import Stance, TreatmentKind
from generator.pages import labels


def test_consider_never_says_alongside_exercise_for_active_care() -> None:
    for kind in (TreatmentKind.ACTIVE, TreatmentKind.EDUCATION):
        assert "exercise" not in labels.stance_label(Stance.CONSIDER, kind)
    assert labels.stance_label(Stance.CONSIDER, TreatmentKind.PASSIVE) == (
        "May help alongside exercise"
    )


def test_other_stances_read_the_same_for_every_kind() -> None:
    for stance in (Stance.RECOMMENDED, Stance.INSUFFICIENT, Stance.NOT_RECOMMENDED):
        assert {labels.stance_label(stance, kind) for kind in TreatmentKind} == {
            labels.STANCE[stance]
        }


def test_phase_headings_cover_every_week() -> None:
    assert "up to 12 weeks" in labels.PHASE["acute"]
    assert "12 weeks or more" in labels.PHASE["chronic"]
