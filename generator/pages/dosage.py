"""The one way a dosage is phrased, on every page, card and printout."""

from __future__ import annotations

from collections.abc import Sequence

from generator.catalog.model import Dosage, Frequency

_COUNT_WORDS = {1: "once", 2: "twice"}


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _duration(seconds: int) -> str:
    if seconds >= 60 and seconds % 60 == 0:
        return _plural(seconds // 60, "minute")
    return _plural(seconds, "second")


def describe_amount(dosage: Dosage) -> str:
    """What to do in one session: `2 sets of 10 repetitions on each side`."""
    side = " on each side" if dosage.per_side else ""
    if dosage.reps is not None:
        return f"{_plural(dosage.sets, 'set')} of {_plural(dosage.reps, 'repetition')}{side}"
    if dosage.hold_seconds is not None:
        times = "once" if dosage.sets == 1 else f"{dosage.sets} times"
        return f"hold for {_duration(dosage.hold_seconds)}, {times}{side}"
    assert dosage.minutes is not None
    minutes = _plural(dosage.minutes, "minute")
    if dosage.sets == 1:
        return f"{minutes}{side}"
    return f"{_plural(dosage.sets, 'set')} of {minutes}{side}"


def describe_rest(dosage: Dosage) -> str | None:
    """Rest between sets or holds, or None when there is nothing to rest between."""
    if dosage.rest_seconds is None or dosage.rest_seconds == 0 or dosage.sets == 1:
        return None
    between = "holds" if dosage.hold_seconds is not None else "sets"
    return f"rest {_duration(dosage.rest_seconds)} between {between}"


def describe_frequency(frequency: Dosage | Frequency) -> str:
    """How often: `once a day`, `3 times a day`, `twice a day, Monday to Friday`, `every day`,
    `3 days a week`."""
    if frequency.times_per_day is not None:
        count = frequency.times_per_day
        days = ", Monday to Friday" if frequency.work_days else ""
        return f"{_COUNT_WORDS.get(count, f'{count} times')} a day{days}"
    assert frequency.days_per_week is not None
    if frequency.days_per_week == 7:
        return "every day"
    return f"{_plural(frequency.days_per_week, 'day')} a week"


def describe_dosage(dosage: Dosage) -> str:
    """The full standard phrase.

    For example: `2 sets of 10 repetitions; rest 30 seconds between sets; once a day`.
    """
    parts = [describe_amount(dosage), describe_rest(dosage), describe_frequency(dosage)]
    text = "; ".join(part for part in parts if part)
    return text[0].upper() + text[1:]


def shared_frequency(dosages: Sequence[Dosage]) -> Frequency | None:
    """The frequency every dosage shares, or None when they differ (or there are none)."""
    found = {d.frequency for d in dosages}
    return found.pop() if len(found) == 1 else None


def sessions_by_weekday(dosages: Sequence[Dosage]) -> list[int]:
    """Tick boxes for each day of the printed week, Monday first: the most sessions any
    exercise has that day (at least one on a day anything is done); none at the weekend when
    every exercise is for work days only (programme.js's `sessionsByWeekday`)."""
    days = []
    for weekday in range(7):
        on_day = [d for d in dosages if not (d.work_days and weekday >= 5)]
        days.append(max((d.times_per_day or 1 for d in on_day), default=0 if dosages else 1))
    return days


def describe_programme_frequency(dosages: Sequence[Dosage]) -> str:
    """A programme's headline: the frequency its exercises share, else a pointer to each one
    (the same words as the builder's `howOften` in builder/state.js)."""
    shared = shared_frequency(dosages)
    return describe_frequency(shared) if shared is not None else "as given for each exercise"
