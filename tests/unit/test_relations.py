"""Merging the stop-if lines and red flags a routine gathers from its exercises and conditions."""

from __future__ import annotations

from generator.catalog.load import load_catalog
from generator.catalog.relations import Relations, merge_warnings


def test_exact_repeats_are_dropped_in_first_seen_order() -> None:
    lines = ["Sharp pain", "Feeling dizzy", "Sharp pain", "  Feeling dizzy  "]
    assert merge_warnings(lines) == ["Sharp pain", "Feeling dizzy"]


def test_a_line_said_in_full_by_a_fuller_one_is_dropped() -> None:
    lines = [
        "Back pain after a serious accident or fall.",
        "Back pain after a small fall if you have thin bones (osteoporosis).",
        "Back pain after a serious accident or fall, or after a small fall if you have thin "
        "bones (osteoporosis).",
    ]
    # The fuller line takes the place of the first line it covers.
    assert merge_warnings(lines) == [lines[2]]


def test_a_shorter_line_after_a_fuller_one_is_dropped() -> None:
    full = "Pain, weakness or numbness in both arms or both legs."
    assert merge_warnings([full, "Pain, weakness or numbness in both legs."]) == [full]


def test_near_duplicates_in_other_words_are_merged() -> None:
    first = "Stop if you feel pins and needles, numbness or weakness in your arm or hand."
    second = "Pins and needles, numbness or weakness in your arms."
    assert merge_warnings([first, second]) == [first]
    assert merge_warnings(["Pain spreads down your leg.", "Pain spreading down the leg"]) == [
        "Pain spreads down your leg."
    ]


def test_a_line_that_adds_something_is_kept() -> None:
    lines = ["You feel sharp pain in your neck or back.", "You feel sharp pain in your chest."]
    assert merge_warnings(lines) == lines


def test_different_warnings_are_kept() -> None:
    lines = [
        "Pain, weakness or numbness in both legs.",
        "Weakness or numbness in a leg that is severe or getting worse.",
        "Weakness or numbness in one arm that is getting worse.",
        "Weakness, numbness or clumsiness in both arms or both legs.",
    ]
    assert merge_warnings(lines) == lines


def test_decisive_words_are_never_merged_away() -> None:
    both = "Numbness in both legs."
    one = "Numbness in one leg."
    assert merge_warnings([both, one]) == [both, one]
    assert merge_warnings(["Pain eased by rest.", "Pain not eased by rest."]) == [
        "Pain eased by rest.",
        "Pain not eased by rest.",
    ]


def test_merging_is_deterministic_and_idempotent() -> None:
    lines = ["A fall.", "A bad fall or accident.", "Dizziness.", "Feeling dizzy or faint."]
    once = merge_warnings(lines)
    assert merge_warnings(once) == once
    assert merge_warnings(lines) == once


def test_shipped_routines_list_each_warning_once() -> None:
    catalog = load_catalog("exercises.yaml")
    rel = Relations(catalog)
    for routine in catalog.routines:
        for lines in (
            rel.routine_stop_if(routine),
            rel.routine_emergency_flags(routine),
            rel.routine_urgent_flags(routine),
        ):
            assert merge_warnings(lines) == lines, routine.id
            assert len(lines) == len({line.casefold() for line in lines}), routine.id
