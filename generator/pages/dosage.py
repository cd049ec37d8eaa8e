"""The one way a dosage is phrased, on every page, card and printout."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from generator.catalog.model import Dosage, Frequency
from generator.messages.active import N_, gettext, ngettext

# Whole phrases, English first; `%(name)s` fields are filled in here, so a language can put
# them in its own order. programme.js gets the same messages through the page (ui_strings.py).
# A counted phrase is a function from the count to its message, `%(count)s` not yet filled in:
# its `ngettext` call names both English forms, so Babel extracts one entry with plural forms.
Counted = Callable[[int], str]


def n_sets(count: int) -> str:
    return ngettext("%(count)s set", "%(count)s sets", count)


def n_repetitions(count: int) -> str:
    return ngettext("%(count)s repetition", "%(count)s repetitions", count)


def n_minutes(count: int) -> str:
    return ngettext("%(count)s minute", "%(count)s minutes", count)


def n_seconds(count: int) -> str:
    return ngettext("%(count)s second", "%(count)s seconds", count)


def n_times(count: int) -> str:
    return ngettext("once", "%(count)s times", count)


def n_weeks(count: int) -> str:
    return ngettext("%(count)s week", "%(count)s weeks", count)


def n_days_a_week(count: int) -> str:
    return ngettext("%(count)s day a week", "%(count)s days a week", count)


def n_times_a_day(count: int) -> str:
    return ngettext("%(count)s time a day", "%(count)s times a day", count)


def n_times_a_work_day(count: int) -> str:
    return ngettext(
        "%(count)s time a day, Monday to Friday", "%(count)s times a day, Monday to Friday", count
    )


# Once and twice have their own words in English: looked up before the plural forms.
TIMES_A_DAY_WORDS = {1: N_("once a day"), 2: N_("twice a day")}
TIMES_A_WORK_DAY_WORDS = {
    1: N_("once a day, Monday to Friday"),
    2: N_("twice a day, Monday to Friday"),
}
# (without a side, on each side)
SETS_OF_REPS = (N_("%(sets)s of %(reps)s"), N_("%(sets)s of %(reps)s on each side"))
HOLD = (N_("hold for %(duration)s, %(times)s"), N_("hold for %(duration)s, %(times)s on each side"))
MINUTES_ON_EACH_SIDE = N_("%(minutes)s on each side")
SETS_OF_MINUTES = (N_("%(sets)s of %(minutes)s"), N_("%(sets)s of %(minutes)s on each side"))
REST = {
    "holds": N_("rest %(duration)s between holds"),
    "sets": N_("rest %(duration)s between sets"),
}
EVERY_DAY = N_("every day")
DOSAGE = (N_("%(amount)s; %(frequency)s"), N_("%(amount)s; %(rest)s; %(frequency)s"))
AS_GIVEN = N_("as given for each exercise")


def counted(phrase: Counted, count: int) -> str:
    """A counted phrase for `count`, the count filled in."""
    return phrase(count) % {"count": count}


def describe_weeks(weeks: int) -> str:
    """How long a programme lasts: `1 week`, `6 weeks`."""
    return counted(n_weeks, weeks)


def _duration(seconds: int) -> str:
    if seconds >= 60 and seconds % 60 == 0:
        return counted(n_minutes, seconds // 60)
    return counted(n_seconds, seconds)


def describe_amount(dosage: Dosage) -> str:
    """What to do in one session: `2 sets of 10 repetitions on each side`."""
    side = int(dosage.per_side)
    if dosage.reps is not None:
        fields = {"sets": counted(n_sets, dosage.sets), "reps": counted(n_repetitions, dosage.reps)}
        return gettext(SETS_OF_REPS[side]) % fields
    if dosage.hold_seconds is not None:
        fields = {
            "duration": _duration(dosage.hold_seconds),
            "times": counted(n_times, dosage.sets),
        }
        return gettext(HOLD[side]) % fields
    assert dosage.minutes is not None
    minutes = counted(n_minutes, dosage.minutes)
    if dosage.sets == 1:
        return gettext(MINUTES_ON_EACH_SIDE) % {"minutes": minutes} if side else minutes
    return gettext(SETS_OF_MINUTES[side]) % {
        "sets": counted(n_sets, dosage.sets),
        "minutes": minutes,
    }


def describe_rest(dosage: Dosage) -> str | None:
    """Rest between sets or holds, or None when there is nothing to rest between."""
    if dosage.rest_seconds is None or dosage.rest_seconds == 0 or dosage.sets == 1:
        return None
    between = "holds" if dosage.hold_seconds is not None else "sets"
    return gettext(REST[between]) % {"duration": _duration(dosage.rest_seconds)}


def describe_frequency(frequency: Dosage | Frequency) -> str:
    """How often: `once a day`, `3 times a day`, `twice a day, Monday to Friday`, `every day`,
    `3 days a week`."""
    if frequency.times_per_day is not None:
        count = frequency.times_per_day
        words, forms = (
            (TIMES_A_WORK_DAY_WORDS, n_times_a_work_day)
            if frequency.work_days
            else (TIMES_A_DAY_WORDS, n_times_a_day)
        )
        return gettext(words[count]) if count in words else counted(forms, count)
    assert frequency.days_per_week is not None
    if frequency.days_per_week == 7:
        return gettext(EVERY_DAY)
    return counted(n_days_a_week, frequency.days_per_week)


def capitalised(text: str) -> str:
    """`text` with its first letter in capitals (a phrase that starts a sentence)."""
    return text[:1].upper() + text[1:]


def describe_dosage(dosage: Dosage) -> str:
    """The full standard phrase.

    For example: `2 sets of 10 repetitions; rest 30 seconds between sets; once a day`.
    """
    rest = describe_rest(dosage)
    fields = {
        "amount": describe_amount(dosage),
        "rest": rest,
        "frequency": describe_frequency(dosage),
    }
    return capitalised(gettext(DOSAGE[rest is not None]) % fields)


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
    return describe_frequency(shared) if shared is not None else gettext(AS_GIVEN)
