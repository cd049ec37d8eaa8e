"""The typed catalog model: the single source of truth for `exercises.yaml` and its JSON Schema."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    StrictBool,
    StrictInt,
    StringConstraints,
    Tag,
    model_validator,
)
from pydantic import Strict as StrictMode

from generator.figures.poses import with_clinic_poses
from generator.figures.spec import Equipment, Figure, NamedPose
from generator.source.text_safety import check_text

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, min_length=2, max_length=64),
    Field(description="Stable identifier used in URLs: lower-case letters, digits and hyphens."),
]


@dataclass(frozen=True)
class RefersTo:
    """Marks an id field as naming an entry of another kind (its noun in `kinds.py`): the
    cross-reference check (`xref.py`) walks the model for these. Not in the JSON Schema."""

    kind: str


ExerciseId = Annotated[Id, RefersTo("exercise")]
ConditionId = Annotated[Id, RefersTo("condition")]
TreatmentId = Annotated[Id, RefersTo("treatment")]
RoutineId = Annotated[Id, RefersTo("routine")]
ReferenceId = Annotated[Id, RefersTo("reference")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
PoseId = Annotated[str, StringConstraints(pattern=ID_PATTERN, min_length=2, max_length=64)]


def no_markup(text: str) -> str:
    """Validator: one line of plain text that themes may print as HTML: no < or >, no line
    break, no control or invisible characters."""
    check_text(text)
    if "<" in text or ">" in text:
        raise ValueError("must not contain < or > (names and titles are plain text)")
    return text


ShortText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=120),
    AfterValidator(no_markup),
]


def _https_only(url: str) -> str:
    if not url.startswith("https://"):
        raise ValueError("must be an https:// address")
    return url


def _safe_relative_path(path: str) -> str:
    if path.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", path):
        raise ValueError("must be a path relative to the project, not an absolute path")
    if ".." in re.split(r"[\\/]", path):
        raise ValueError("must stay inside the project (no '..')")
    if ":" in path:
        raise ValueError("must be a file path, not a URL")
    return path


def _valid_doi(doi: str) -> str:
    if not re.fullmatch(r"10\.\d{4,9}/\S+", doi):
        raise ValueError("must look like 10.1234/abc (without https://doi.org/)")
    return doi


HttpsUrl = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_https_only)]
RelativePath = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_safe_relative_path)
]
Doi = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_valid_doi)]


class Strict(BaseModel):
    """Base for every catalog object: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class BodyRegion(StrEnum):
    NECK = "neck"
    UPPER_BACK = "upper_back"
    LOWER_BACK = "lower_back"
    HIPS = "hips"
    LEGS = "legs"
    SHOULDERS = "shoulders"
    WHOLE_BODY = "whole_body"


class Goal(StrEnum):
    MOBILITY = "mobility"
    STRETCH = "stretch"
    STRENGTH = "strength"
    MOTOR_CONTROL = "motor_control"
    AEROBIC = "aerobic"


class Position(StrEnum):
    LYING_ON_BACK = "lying_on_back"
    LYING_FACE_DOWN = "lying_face_down"
    SIDE_LYING = "side_lying"
    HANDS_AND_KNEES = "hands_and_knees"
    KNEELING = "kneeling"
    SITTING = "sitting"
    STANDING = "standing"


class TreatmentKind(StrEnum):
    ACTIVE = "active"
    PASSIVE = "passive"
    PROCEDURE = "procedure"
    EDUCATION = "education"


class Stance(StrEnum):
    RECOMMENDED = "recommended"
    CONSIDER = "consider"
    INSUFFICIENT = "insufficient"
    NOT_RECOMMENDED = "not_recommended"


def _quoted_date(value: object) -> object:
    """A date written in quotes, '2026-11-20', is that date (it can mean nothing else)."""
    if isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError as error:
            raise ValueError(f"{value} is not a real date ({error})") from None
    return value


Date = Annotated[datetime.date, StrictMode(), BeforeValidator(_quoted_date)]


class Review(Strict):
    """Who last checked an entry against the evidence, and when: `by` (a person and their
    profession, e.g. 'Jane Smith, physiotherapist') and `date` (YYYY-MM-DD)."""

    by: ShortText
    date: Date


WORK_DAYS_ONLY_WITH_TIMES = "work_days goes with times_per_day (N times a day, Monday to Friday)"


def _check_frequency(times_per_day: int | None, days_per_week: int | None, work_days: bool) -> None:
    """One frequency rule for routines and dosages: times a day (every day, or on work days
    only) or days a week, never both."""
    if (times_per_day is None) == (days_per_week is None):
        raise ValueError("give exactly one of times_per_day or days_per_week")
    if work_days and times_per_day is None:
        raise ValueError(WORK_DAYS_ONLY_WITH_TIMES)


class Frequency(Strict):
    """How often: either times per day (every day or on work days) or days per week."""

    times_per_day: Annotated[StrictInt, Field(ge=1, le=10)] | None = None
    days_per_week: Annotated[StrictInt, Field(ge=1, le=7)] | None = None
    work_days: StrictBool = Field(
        False, description="With times_per_day: only Monday to Friday, not every day."
    )

    @model_validator(mode="after")
    def _exactly_one(self) -> Self:
        _check_frequency(self.times_per_day, self.days_per_week, self.work_days)
        return self


class Dosage(Strict):
    """How much of an exercise: sets of reps, holds or minutes, rest, and how often."""

    sets: Annotated[StrictInt, Field(ge=1, le=10, description="How many sets.")]
    reps: Annotated[StrictInt, Field(ge=1, le=100)] | None = Field(
        None, description="Repetitions in a set (one of reps, hold_seconds or minutes)."
    )
    hold_seconds: Annotated[StrictInt, Field(ge=1, le=600)] | None = Field(
        None, description="Seconds to hold (one of reps, hold_seconds or minutes)."
    )
    minutes: Annotated[StrictInt, Field(ge=1, le=120)] | None = Field(
        None, description="Minutes, e.g. of walking (one of reps, hold_seconds or minutes)."
    )
    per_side: StrictBool = Field(False, description="The amount is done on each side.")
    rest_seconds: Annotated[StrictInt, Field(ge=0, le=600)] | None = Field(
        None, description="Rest between sets, in seconds."
    )
    times_per_day: Annotated[StrictInt, Field(ge=1, le=10)] | None = Field(
        None, description="Every day, this many times (one of times_per_day or days_per_week)."
    )
    days_per_week: Annotated[StrictInt, Field(ge=1, le=7)] | None = Field(
        None, description="Days a week (one of times_per_day or days_per_week)."
    )
    work_days: StrictBool = Field(
        False, description="With times_per_day: only Monday to Friday, not every day."
    )

    @model_validator(mode="after")
    def _one_amount_one_frequency(self) -> Self:
        amounts = [self.reps, self.hold_seconds, self.minutes]
        if sum(a is not None for a in amounts) != 1:
            raise ValueError("give exactly one of reps, hold_seconds or minutes")
        _check_frequency(self.times_per_day, self.days_per_week, self.work_days)
        return self

    @property
    def frequency(self) -> Frequency:
        """This dosage's frequency alone."""
        return Frequency(
            times_per_day=self.times_per_day,
            days_per_week=self.days_per_week,
            work_days=self.work_days,
        )


class DosageOverride(Strict):
    """A routine's change to an exercise's usual dosage; unset fields keep the usual value."""

    sets: Annotated[StrictInt, Field(ge=1, le=10)] | None = None
    reps: Annotated[StrictInt, Field(ge=1, le=100)] | None = None
    hold_seconds: Annotated[StrictInt, Field(ge=1, le=600)] | None = None
    minutes: Annotated[StrictInt, Field(ge=1, le=120)] | None = None
    per_side: StrictBool | None = None
    rest_seconds: Annotated[StrictInt, Field(ge=0, le=600)] | None = None
    times_per_day: Annotated[StrictInt, Field(ge=1, le=10)] | None = None
    days_per_week: Annotated[StrictInt, Field(ge=1, le=7)] | None = None
    work_days: StrictBool | None = None

    def apply_to(self, base: Dosage) -> Dosage:
        """Merge onto `base`; setting one amount (or frequency) replaces the other kind."""
        merged = base.model_dump()
        changes = self.model_dump(exclude_none=True)
        if {"reps", "hold_seconds", "minutes"} & changes.keys():
            merged.update(reps=None, hold_seconds=None, minutes=None)
        if {"times_per_day", "days_per_week"} & changes.keys():
            merged.update(times_per_day=None, days_per_week=None, work_days=False)
        merged.update(changes)
        return Dosage.model_validate(merged)


class Image(Strict):
    path: RelativePath = Field(
        description="Image file, relative to content/ (e.g. img/bridge.svg)."
    )
    alt: Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=300)]


def _suffix(kind: str, *allowed: str) -> AfterValidator:
    def check(path: str) -> str:
        if not path.lower().endswith(allowed):
            raise ValueError(f"must be {kind} ({', '.join(allowed)})")
        return path

    return AfterValidator(check)


class VideoFile(Strict):
    """A video the clinic hosts on the site itself, in content/, with captions and a poster."""

    path: Annotated[RelativePath, _suffix("an MP4 or WebM video", ".mp4", ".webm")] = Field(
        description="Video file, relative to content/ (e.g. video/bridge.mp4): MP4 or WebM."
    )
    captions: Annotated[RelativePath, _suffix("a WebVTT captions file", ".vtt")] = Field(
        description="Captions of everything said, as a WebVTT file relative to content/."
    )
    poster: Annotated[
        RelativePath, _suffix("a picture", ".jpg", ".jpeg", ".png", ".webp", ".svg")
    ] = Field(description="Picture shown before the video plays, relative to content/.")
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(?:-[A-Z]{2})?$")] = Field(
        "en", description="Language of the captions."
    )


def _video_kind(value: object) -> str:
    return "file" if isinstance(value, dict | VideoFile) else "url"


def _address_first(value: object) -> object:
    """A video given as text is a web address: checked here, so its error is the field's own."""
    return _https_only(value.strip()) if isinstance(value, str) else value


Video = Annotated[
    Annotated[HttpsUrl, Tag("url")] | Annotated[VideoFile, Tag("file")],
    Discriminator(_video_kind),
    BeforeValidator(_address_first),
]


class Entry(Strict):
    """What every page-making entry has: an id, the old ids that redirect to it, a name."""

    id: Id
    aliases: list[Id] = Field(
        default=[], description="Old ids of this entry; each old address redirects to the new page."
    )
    name: ShortText = Field(description="The name patients know.")


class NamedEntry(Entry):
    """An entry people may know by other names (searched, and listed on its page)."""

    also_known_as: list[ShortText] = Field(
        default=[],
        description="Other names patients use, e.g. 'slipped disc': searched first, and shown.",
    )
    search_terms: list[ShortText] = Field(
        default=[],
        description="Words and phrases patients search with (symptoms, everyday names), e.g. "
        "'walking makes my legs ache'. Found by the site's search, not shown on the page.",
    )


class Exercise(NamedEntry):
    summary: Text = Field(description="One or two sentences: what it does for you.")
    body_regions: Annotated[
        list[BodyRegion], Field(min_length=1, description="The parts of the body it works.")
    ]
    goals: Annotated[list[Goal], Field(min_length=1, description="What it is for.")]
    level: Annotated[StrictInt, Field(ge=1, le=3, description="1 gentle, 3 harder.")]
    position: Position = Field(description="The starting position.")
    equipment: list[Equipment] = Field(
        default=[], description="What it needs (the same words name the props in a picture)."
    )
    steps: Annotated[list[Text], Field(min_length=1, max_length=12, description="Ordered steps.")]
    short_steps: Annotated[
        list[Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=48)]],
        Field(
            max_length=3,
            description="Short cues (48 characters at most, one printed line each) for the "
            "printed handout; without them the full steps are printed.",
        ),
    ] = []
    feel: Annotated[list[Text], Field(min_length=1, description="What you should feel.")]
    mistakes: list[Text] = Field(default=[], description="Common mistakes.")
    dosage: Dosage
    stop_if: Annotated[list[Text], Field(min_length=1, description="When to stop and get advice.")]
    precautions: list[Text] = Field(default=[], description="Who should take care, and how.")
    easier: list[ExerciseId] = Field(
        default=[], description="Ids of easier versions (no cycles; never the exercise itself)."
    )
    harder: list[ExerciseId] = Field(
        default=[], description="Ids of harder versions (no cycles; never the exercise itself)."
    )
    figure: Figure | None = Field(
        None,
        description="A drawing made from named poses (see 'Exercise pictures'); a warning "
        "without a figure, image or video.",
    )
    image: Image | None = Field(
        None,
        description="Instead of a figure: a picture file in content/ (`path`) and its `alt` text.",
    )
    video: Video | None = Field(
        None,
        description="An https:// address, or a video file in content/ (see 'Clinic videos').",
    )
    reviewed: Review

    @model_validator(mode="after")
    def _one_picture(self) -> Self:
        if self.figure is not None and self.image is not None:
            raise ValueError("give either `figure` or `image`, not both")
        return self


class TreatmentRole(Strict):
    treatment: TreatmentId
    role: Text


class RedFlags(Strict):
    """Warning signs, by how soon to get help; the headings use the clinic's country's services."""

    emergency: Annotated[list[Text], Field(min_length=1, description="Seek emergency care now.")]
    urgent: Annotated[list[Text], Field(min_length=1, description="Get a same-day appointment.")]
    soon: list[Text] = Field(
        default=[], description="See your GP (family doctor) soon: within a week or two."
    )


class ConditionHandout(Strict):
    """The short safety list a printed programme carries for this condition.

    Written by a clinician to fit on a sheet; the condition's page keeps every red flag.
    """

    emergency: Annotated[
        list[Text], Field(min_length=1, max_length=6, description="Seek emergency care now.")
    ]
    urgent: Annotated[list[Text], Field(max_length=5, description="Same-day appointment.")] = []
    soon: Annotated[list[Text], Field(max_length=3, description="See your GP soon.")] = []


class Condition(NamedEntry):
    summary: Text = Field(description="One or two sentences: what it is.")
    symptoms: Annotated[list[Text], Field(min_length=1, description="Common symptoms.")]
    causes: Annotated[list[Text], Field(min_length=1, description="Common causes.")]
    course: Text = Field(description="Typical course: how it usually goes over time.")
    helps: Annotated[
        list[TreatmentRole],
        Field(
            min_length=1,
            description="Treatments that help: `treatment` (an id) and `role` (one sentence). "
            "One whose stance is 'not recommended' or 'insufficient' for both new and "
            "long-lasting pain is listed under 'What is unlikely to help' instead.",
        ),
    ]
    exercises: list[ExerciseId] = Field(default=[], description="Exercise ids.")
    routines: list[RoutineId] = Field(
        default=[],
        description="Routine ids (routines naming this condition in `for` are linked too).",
    )
    red_flags: RedFlags = Field(
        description="Warning signs by tier: `emergency` (now), `urgent` (same day) and "
        "optionally `soon` (see the GP soon); `check` compares them with "
        "generator/catalog/red_flag_rules.yaml."
    )
    handout: ConditionHandout | None = Field(
        None,
        description="The short red-flag lists a printed programme (the builder's sheet) carries "
        "for this condition. Keep every emergency sign (merge related ones into one line rather "
        "than drop one); checked against the same rules.",
    )
    see_physio: Annotated[list[Text], Field(min_length=1, description="When to see a physio.")]
    references: Annotated[list[ReferenceId], Field(min_length=1, description="Reference ids.")]
    reviewed: Review


class Evidence(Strict):
    stance: Stance = Field(description="What the guidelines and reviews advise.")
    summary: Text = Field(description="The effect in plain words, and how sure we are.")
    references: Annotated[list[ReferenceId], Field(min_length=1, description="Reference ids.")]


class EvidenceByPhase(Strict):
    """What the evidence says for low back pain by how long it has lasted, and for neck pain
    where the evidence differs (optional)."""

    acute: Evidence
    chronic: Evidence
    neck: Evidence | None = Field(None, description="Neck pain, where its evidence differs.")

    def phases(self) -> list[tuple[str, Evidence]]:
        """Each phase with its evidence, in page order."""
        found = [("acute", self.acute), ("chronic", self.chronic)]
        return found + ([("neck", self.neck)] if self.neck is not None else [])


class Treatment(NamedEntry):
    kind: TreatmentKind = Field(description="Active care, passive care, a procedure or education.")
    summary: Text = Field(description="One or two sentences: what it is and whether it helps.")
    what_it_is: Text = Field(description="What the treatment is.")
    session: Text = Field(description="What a session is like.")
    evidence: EvidenceByPhase = Field(
        description="`acute` and `chronic` (low back pain up to 12 weeks, and 12 weeks or more), "
        "and optionally `neck`, each a `stance`, a `summary` and `references`."
    )
    risks: Annotated[list[Text], Field(min_length=1, description="Risks and side effects.")]
    not_for: list[Text] = Field(default=[], description="Who should not have it.")
    with_exercise: Text = Field(description="How it fits with an exercise programme.")
    reviewed: Review


class HandoutSafety(Strict):
    """The short safety box of a printed routine, written to fit on the sheet.

    The online page always shows every stop-if warning and red flag in full.
    """

    stop_if: Annotated[
        list[Text], Field(min_length=1, max_length=5, description="When to stop an exercise.")
    ]
    emergency: Annotated[
        list[Text], Field(min_length=1, max_length=7, description="Seek emergency care now.")
    ]
    urgent: Annotated[
        list[Text], Field(min_length=1, max_length=6, description="Same-day appointment.")
    ]
    soon: Annotated[list[Text], Field(max_length=3, description="See your GP soon.")] = []


class RoutineItem(Strict):
    exercise: ExerciseId = Field(description="An exercise id.")
    dosage: DosageOverride | None = Field(
        None, description="Only the dosage fields that change for this routine."
    )
    note: Text | None = Field(None, description="A note printed with the exercise.")


class Routine(Entry):
    model_config = ConfigDict(populate_by_name=True)

    for_conditions: Annotated[
        list[ConditionId], Field(alias="for", min_length=1, description="Condition ids.")
    ]
    summary: Text = Field(description="One or two sentences: who it is for and what it does.")
    when: Text = Field(description="When to use this routine.")
    frequency: Frequency = Field(
        description="How often: `times_per_day` or `days_per_week`, never both."
    )
    duration_weeks: Annotated[StrictInt, Field(ge=1, le=52, description="How many weeks.")]
    items: Annotated[
        list[RoutineItem],
        Field(
            min_length=1,
            max_length=8,
            description="The exercises: `exercise` (id), optional `dosage` (only the fields "
            "that change) and optional `note`.",
        ),
    ]
    progress: Text = Field(description="When and how to progress.")
    notes: list[Text] = Field(default=[], description="Extra notes.")
    handout: HandoutSafety | None = Field(
        None,
        description="The printed sheet's short safety box (a warning when missing), condensed "
        "from the exercises' stop-if lists and the conditions' red flags so the sheet fits on one "
        "page; the online page always shows the full lists.",
    )
    reviewed: Review


class Reference(Strict):
    id: Id
    short: ShortText | None = Field(
        None,
        description="Label used in citations, e.g. 'NICE 2016' (default: first word of the "
        "citation and the year).",
    )
    citation: Text = Field(description="The full citation.")
    year: Annotated[StrictInt, Field(ge=1900, le=2100, description="Year of publication.")]
    url: HttpsUrl | None = Field(None, description="An https:// address (give `url` or `doi`).")
    doi: Doi | None = Field(
        None, description="A DOI such as 10.1002/14651858.CD009790.pub2 (give `url` or `doi`)."
    )

    @model_validator(mode="after")
    def _has_link(self) -> Self:
        if self.url is None and self.doi is None:
            raise ValueError("give a url or a doi")
        return self

    @property
    def label(self) -> str:
        """How the reference is cited in text: its `short` label, or first author and year."""
        if self.short:
            return self.short
        first = re.split(r"[ ,.]", self.citation, maxsplit=1)[0]
        return f"{first} {self.year}"

    @property
    def link(self) -> str:
        return self.url if self.url is not None else f"https://doi.org/{self.doi}"


class Catalog(Strict):
    """The whole catalog, as written in `exercises.yaml`."""

    references: list[Reference] = []
    # Called `modalities` in `exercises.yaml` (and so in the JSON Schema and in messages).
    treatments: list[Treatment] = Field(default=[], alias="modalities")
    conditions: list[Condition] = []
    exercises: list[Exercise] = []
    routines: list[Routine] = []
    poses: dict[PoseId, NamedPose] = Field(
        default={},
        description="The clinic's own poses for figures, merged over the shipped library.",
    )

    @model_validator(mode="after")
    def _figures_use_clinic_poses(self) -> Self:
        if self.poses:
            library = with_clinic_poses(self.poses)
            for exercise in self.exercises:
                if exercise.figure is not None:
                    exercise.figure.bind(library)
        return self
