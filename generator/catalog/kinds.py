"""The kinds of catalog entry, each declared once: its section, model, pages and words.

A kind is what a section of `exercises.yaml` holds (exercises, conditions, treatments,
routines, references). Its declaration says where its entries are in the catalog and the YAML,
which model checks them, where their pages go and which templates make them, how its list is
ordered, what `python -m generator new KIND` writes, and the words that name it. Everything that
lists kinds reads `KINDS`; what a later stage adds for a kind (its search-index sections, its
JSON-LD) it registers by the kind's `noun`, and `pipeline.kind_gaps` names any piece a declared
kind lacks. Adding a kind: docs/architecture.md, "Adding a kind of page".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel

from generator.catalog.model import Catalog, Condition, Exercise, Reference, Routine, Treatment


@dataclass(frozen=True)
class Kind:
    """A kind of catalog entry and, if its entries have pages, how they are published."""

    key: str  # the YAML key, in `exercises.yaml` and in messages' paths: "modalities"
    field: str  # the `Catalog` attribute: "treatments"
    noun: str  # the kind's id: one entry in messages, `new KIND`, `page_kind`: "treatment"
    plural: str  # several entries, in words: "treatments"
    title: str  # the heading of its list pages: "Treatments"
    folder: str | None  # where its pages are published, None when it has none (references)
    model: type[BaseModel]  # the model of one entry
    template: str | None = None  # the template of an entry's page
    index_template: str | None = None  # the template of the section's index page
    order: Literal["name", "catalog"] = "name"  # how its list pages are ordered
    skeleton: str | None = None  # what `new` writes: `{id}`, `{today}`, `{<noun>}` filled in
    example_id: str = ""  # an id a skeleton may name when the catalog has no such entry yet

    def entries(self, catalog: Catalog) -> Sequence[Any]:
        """The catalog's entries of this kind, in catalog order."""
        entries: Sequence[Any] = getattr(catalog, self.field)
        return entries

    def listed(self, catalog: Catalog) -> list[Any]:
        """The entries in the order its list pages show them."""
        entries = list(self.entries(catalog))
        if self.order == "name":
            entries.sort(key=lambda entry: (entry.name.casefold(), entry.id))
        return entries

    def page(self, entry_id: str) -> str:
        """The source uri of an entry's page: `treatments/tens.md`."""
        return f"{self._folder}/{entry_id}.md"

    @property
    def index(self) -> str:
        """The section's index page: `treatments/index.md`."""
        return f"{self._folder}/index.md"

    @property
    def more(self) -> str:
        """Where the pages after the first of its list go: `treatments/all/2.md`, ..."""
        return f"{self._folder}/all"

    @property
    def _folder(self) -> str:
        if self.folder is None:
            raise ValueError(f"{self.plural} have no pages of their own")
        return self.folder


_EXERCISE_SKELETON = """\
  - id: {id}
    name: TODO name patients know
    # also_known_as: [Other name]
    summary: TODO one or two short sentences on what this exercise does for you.
    body_regions: [lower_back]  # neck, upper_back, lower_back, hips, legs, shoulders, whole_body
    goals: [mobility]  # mobility, stretch, strength, motor_control, aerobic
    level: 1  # 1 gentle, 2 moderate, 3 harder
    # position: lying_on_back, lying_face_down, side_lying, hands_and_knees, kneeling,
    # sitting or standing
    position: lying_on_back
    equipment: [mat]  # mat, chair, wall, step, band, pillow, towel, table (or [])
    steps:
      - TODO first step, in a short sentence.
      - TODO next step.
    short_steps:  # up to 3 cues of 48 characters at most, for the printed routine
      - TODO start position.
      - TODO the movement.
      - TODO the key safety cue.
    feel:
      - TODO what you should feel.
    mistakes:
      - TODO a common mistake.
    dosage:  # a typical starting point
      sets: 2
      reps: 10  # or hold_seconds: 30, or minutes: 10
      rest_seconds: 30
      days_per_week: 3  # or times_per_day: 1
    stop_if:
      - Pain that is sharp, spreads or gets worse.
      - New numbness, tingling or weakness.
    # precautions: [Who should take care, and how.]
    # easier: [other-exercise-id]
    # harder: [other-exercise-id]
    figure:  # pictures drawn from named poses: `make figures` shows them all
      panels:
        - {{pose: TODO}}  # the start position: pick poses from the sheet
        # - {{pose: TODO, arrow: right_knee}}  # the end; the arrow shows the move
    # image: {{path: img/{id}.svg, alt: What the picture shows.}}  # instead of a figure
    reviewed: {{by: TODO your name, date: {today}}}
"""

_CONDITION_SKELETON = """\
  - id: {id}
    name: TODO name of the condition
    summary: TODO one or two short sentences for patients.
    symptoms:
      - TODO a common symptom.
    causes:
      - TODO a common cause.
    course: TODO how it usually goes over time.
    helps:
      - treatment: {treatment}  # a treatment id
        role: TODO how this treatment helps with this condition.
    exercises: []  # exercise ids
    routines: []  # routine ids
    red_flags:
      emergency:
        - TODO a sign that needs emergency care now.
      urgent:
        - TODO a sign that needs a same-day appointment.
    see_physio:
      - TODO when to see a physiotherapist.
    references: [{reference}]  # reference ids
    reviewed: {{by: TODO your name, date: {today}}}
"""

_TREATMENT_SKELETON = """\
  - id: {id}
    name: TODO name of the treatment
    kind: passive  # active, passive, procedure, education
    summary: TODO one or two short sentences for patients.
    what_it_is: TODO what the treatment is.
    session: TODO what a session is like.
    evidence:
      acute:
        stance: insufficient  # recommended, consider, insufficient, not_recommended
        summary: TODO what the research shows for recent back pain, in plain words.
        references: [{reference}]
      chronic:
        stance: insufficient
        summary: TODO what the research shows for long-lasting back pain.
        references: [{reference}]
    risks:
      - TODO a risk or side effect.
    not_for:
      - TODO who should not have it.
    with_exercise: TODO how it fits with an exercise programme.
    reviewed: {{by: TODO your name, date: {today}}}
"""

_ROUTINE_SKELETON = """\
  - id: {id}
    name: TODO name of the routine
    for: [{condition}]  # condition ids
    summary: TODO one or two short sentences for patients.
    when: TODO when to use this routine.
    frequency: {{days_per_week: 3}}  # or {{times_per_day: 1}}
    duration_weeks: 4
    items:  # at most 8; 6 fit on one printed page
      - exercise: {exercise}
        # dosage: {{sets: 3}}  (only what changes)
        # note: A short note.
    progress: TODO when and how to progress.
    handout:  # the short safety box of the printed sheet
      stop_if: [TODO when to stop and ask.]
      emergency: [TODO a sign that needs emergency care now.]
      urgent: [TODO a sign that needs a same-day appointment.]
    reviewed: {{by: TODO your name, date: {today}}}
"""


REFERENCES = Kind(
    key="references", field="references", noun="reference", plural="references",
    title="References", folder=None, model=Reference, example_id="nice-ng59",
)  # fmt: skip
TREATMENTS = Kind(
    key="modalities", field="treatments", noun="treatment", plural="treatments",
    title="Treatments", folder="treatments", model=Treatment,
    template="treatment.md.j2", index_template="treatments_index.md.j2",
    skeleton=_TREATMENT_SKELETON, example_id="exercise-therapy",
)  # fmt: skip
CONDITIONS = Kind(
    key="conditions", field="conditions", noun="condition", plural="conditions",
    title="Conditions", folder="conditions", model=Condition,
    template="condition.md.j2", index_template="conditions_index.md.j2",
    skeleton=_CONDITION_SKELETON, example_id="low-back-pain",
)  # fmt: skip
EXERCISES = Kind(
    key="exercises", field="exercises", noun="exercise", plural="exercises",
    title="Exercises", folder="exercises", model=Exercise,
    template="exercise.md.j2", index_template="exercises_index.md.j2",
    skeleton=_EXERCISE_SKELETON, example_id="walking",
)  # fmt: skip
ROUTINES = Kind(
    key="routines", field="routines", noun="routine", plural="routines",
    title="Home routines", folder="routines", model=Routine,
    template="routine.md.j2", index_template="routines_index.md.j2",
    # Routines keep the catalog's order: the clinic lists first the ones patients need most.
    order="catalog", skeleton=_ROUTINE_SKELETON,
)  # fmt: skip

# In the catalog's order (the order of `exercises.yaml`, and of the model's fields).
KINDS: tuple[Kind, ...] = (REFERENCES, TREATMENTS, CONDITIONS, EXERCISES, ROUTINES)
# The kinds whose entries have a page each (and so old ids, redirects, review dates, `new`).
PAGE_KINDS: tuple[Kind, ...] = tuple(k for k in KINDS if k.folder is not None)
BY_KEY: dict[str, Kind] = {k.key: k for k in KINDS}
BY_NOUN: dict[str, Kind] = {k.noun: k for k in KINDS}
