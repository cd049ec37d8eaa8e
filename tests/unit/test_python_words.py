"""The words the generator makes in Python follow the active language: in the pseudo-locale each
phrase is pseudo text (no English word left), and counted phrases pick their form by count."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from icalendar import Calendar

from generator.catalog.model import Catalog, Dosage, Frequency, Stance, TreatmentKind
from generator.clinic.settings import ClinicSettings, Country, UrgentCare
from generator.clinic.wording import wording_for
from generator.figures.motion import render_motion
from generator.figures.spec import Figure, Panel
from generator.figures.svg import render_figure
from generator.messages import active
from generator.messages.pseudo import CLOSE, OPEN, PseudoTranslations, pseudo
from generator.pages import labels
from generator.pages.dosage import (
    describe_dosage,
    describe_frequency,
    describe_programme_frequency,
    describe_weeks,
)
from generator.pages.reminders import programme_calendar
from generator.site_files.redirects import redirect_pages

# A word of two or more plain Latin letters: the pseudo-locale accents every one it makes.
ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")


def assert_pseudo(text: str) -> None:
    assert text.startswith(OPEN) or text[:1].isdigit(), text
    assert CLOSE in text, text
    assert not ENGLISH_WORD.search(text), text


DOSAGES = [
    {"sets": 2, "reps": 10, "rest_seconds": 30, "times_per_day": 1},
    {"sets": 1, "reps": 1, "per_side": True, "days_per_week": 3},
    {"sets": 3, "hold_seconds": 30, "rest_seconds": 60, "per_side": True, "days_per_week": 7},
    {"sets": 1, "hold_seconds": 120, "times_per_day": 2, "work_days": True},
    {"sets": 1, "minutes": 20, "per_side": True, "times_per_day": 3},
    {"sets": 2, "minutes": 1, "times_per_day": 5, "work_days": True},
]


@pytest.mark.usefixtures("pseudo_language")
@pytest.mark.parametrize("fields", DOSAGES)
def test_dosage_phrases_are_in_the_active_language(fields: dict[str, object]) -> None:
    dosage = Dosage.model_validate(fields)
    assert_pseudo(describe_dosage(dosage))
    assert_pseudo(describe_frequency(dosage))


@pytest.mark.usefixtures("pseudo_language")
def test_counted_phrases_pick_their_form_by_count() -> None:
    assert describe_weeks(1) == pseudo("%(count)s week") % {"count": 1}
    assert describe_weeks(6) == pseudo("%(count)s weeks") % {"count": 6}
    one = describe_frequency(Frequency(days_per_week=1))
    three = describe_frequency(Frequency(days_per_week=3))
    assert one == pseudo("%(count)s day a week") % {"count": 1}
    assert three == pseudo("%(count)s days a week") % {"count": 3}
    assert describe_programme_frequency([]) == pseudo("as given for each exercise")


@pytest.mark.usefixtures("pseudo_language")
def test_labels_are_read_in_the_active_language() -> None:
    tables = [labels.BODY_REGION, labels.GOAL, labels.POSITION, labels.EQUIPMENT, labels.LEVEL]
    tables += [labels.TREATMENT_KIND, labels.STANCE, labels.PHASE]
    for table in tables:
        for key, value in table.items():
            assert value == pseudo(table.source[key])
            assert_pseudo(value)
    for stance in Stance:
        for kind in TreatmentKind:
            assert_pseudo(labels.stance_label(stance, kind))
    assert_pseudo(labels.phase_note())
    for word, meaning in labels.evidence_words():
        assert_pseudo(word)
        assert_pseudo(meaning)


def test_labels_follow_a_language_chosen_after_import() -> None:
    english = labels.GOAL[next(iter(labels.GOAL))]
    before = active.current()
    active.use(PseudoTranslations())
    try:
        assert labels.GOAL[next(iter(labels.GOAL))] == pseudo(english)
    finally:
        active.use(before)
    assert labels.GOAL[next(iter(labels.GOAL))] == english


@pytest.mark.usefixtures("pseudo_language")
@pytest.mark.parametrize("country", list(Country))
def test_country_wording_and_urgent_care_are_in_the_active_language(country: Country) -> None:
    settings = ClinicSettings(country=country)
    wording = wording_for(settings)
    for value in (*vars(wording).values(), wording.soon_heading):
        assert_pseudo(re.sub(r"\d[\d ]*\d", "", value))
    assert_pseudo(settings.care.emergency)
    assert_pseudo(settings.care.urgent)


@pytest.mark.usefixtures("pseudo_language")
def test_a_clinics_own_urgent_care_wording_stays_as_written() -> None:
    own = UrgentCare(emergency="call 999", urgent="call the clinic")
    assert ClinicSettings(urgent_care=own).care == own


@pytest.mark.usefixtures("pseudo_language")
def test_calendar_words_are_in_the_active_language() -> None:
    ical = programme_calendar(
        uid_base="p",
        title="123",
        groups=[(Frequency(times_per_day=2), ["1"])],
        weeks=2,
        page_url="https://clinic.example/r/",
        start=dt.date(2026, 12, 2),
        stamp=dt.datetime(2026, 12, 2, tzinfo=dt.UTC),
    )
    calendar = Calendar.from_ical(ical)
    assert_pseudo(str(calendar["x-wr-calname"]))
    for event in calendar.walk("VEVENT"):
        assert_pseudo(str(event["summary"]))
        assert_pseudo(str(event.walk("VALARM")[0]["description"]))
        description = str(event["description"]).replace("https://clinic.example/r/", "")
        assert_pseudo(description.split("\n")[0])
        assert_pseudo(description.split("\n")[-1])


@pytest.mark.usefixtures("pseudo_language")
def test_redirect_pages_are_in_the_active_language(mini: Catalog) -> None:
    exercise = mini.exercises[0].model_copy(update={"aliases": ["an-old-id"]})
    pages = redirect_pages(mini.model_copy(update={"exercises": [exercise]}))
    assert len(pages) == 1
    body = next(iter(pages.values())).split("<body>")[1]
    text = re.sub(r"<[^>]+>", "", body).replace(exercise.name, "").strip()
    assert_pseudo(text)


def test_made_alt_text_is_in_the_active_language() -> None:
    """A figure's alt text made from its pictures: the numbering words and the shipped pose
    library's descriptions follow the language, and a language change is not served from the
    cache."""
    figure = Figure(panels=[Panel(pose="standing"), Panel(pose="sitting", arrow="nose")])
    english = render_figure(figure).alt
    assert english.startswith("Picture 1: ")
    before = active.current()
    active.use(PseudoTranslations())
    try:
        alt = render_figure(figure).alt
        moving = render_motion(figure)
        placeholder = render_figure(Figure(panels=[Panel(pose="TODO")]))
    finally:
        active.use(before)
    # Two pictures: each numbered in a message of its own around its translated description.
    assert alt.startswith(OPEN) and alt.count(CLOSE) == 4 and "Picture" not in alt
    assert "Standing" not in alt and "Sitting" not in alt
    assert moving is not None and moving.alt == alt
    assert_pseudo(placeholder.alt)
    assert render_figure(figure).alt == english
