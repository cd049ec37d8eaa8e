"""`python -m generator new KIND ID`: add a commented, schema-valid entry to the catalog.

The skeleton's text fields start with "TODO", so `check` lists each one (with its line) until a
clinician has written it; a skeleton can never be published by accident.
"""

from __future__ import annotations

import datetime
import os
import tempfile
from pathlib import Path

from .errors import CatalogError, Problem
from .errors import Path as Path_
from .load import read_catalog_text
from .source_map import SourceMap

SECTION_OF_KIND = {
    "exercise": "exercises",
    "condition": "conditions",
    "treatment": "modalities",
    "routine": "routines",
}

_SKELETONS = {
    "exercise": """\
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
""",
    "condition": """\
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
""",
    "treatment": """\
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
""",
    "routine": """\
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
""",
}


def skeleton(kind: str, entry_id: str, catalog_text: str, file: str) -> str:
    """The catalog text with a new entry at the end of its section; raises `CatalogError`."""
    catalog, source = read_catalog_text(catalog_text, file)
    first = {
        "treatment": catalog.modalities[0].id if catalog.modalities else "exercise-therapy",
        "reference": catalog.references[0].id if catalog.references else "nice-ng59",
        "condition": catalog.conditions[0].id if catalog.conditions else "low-back-pain",
        "exercise": catalog.exercises[0].id if catalog.exercises else "walking",
    }
    block = _SKELETONS[kind].format(id=entry_id, today=datetime.date.today(), **first)
    section = SECTION_OF_KIND[kind]
    lines = catalog_text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    if (section,) not in source.keys:
        new_text = "".join(lines) + f"\n{section}:\n" + block
    else:
        start = source.keys[(section,)][0]
        later = sorted(line for _, (line, _) in _top_level(source) if line > start)
        end = later[0] - 1 if later else len(lines)
        while end > start and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
            end -= 1
        if lines[start - 1].rstrip().endswith("[]"):
            lines[start - 1] = f"{section}:\n"
        new_text = "".join(lines[:end]) + block + "".join(lines[end:])
    read_catalog_text(new_text, file)  # the result must load: duplicate ids and the like fail here
    return new_text


def _top_level(source: SourceMap) -> list[tuple[Path_, tuple[int, int]]]:
    return [(path, where) for path, where in source.keys.items() if len(path) == 1]


def add_entry(path: Path, kind: str, entry_id: str) -> None:
    """Write the catalog with the new entry, atomically; on any problem the file is unchanged."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise CatalogError([Problem(str(path), 1, 1, "", f"cannot read file: {error}")]) from None
    new_text = skeleton(kind, entry_id, text, str(path))
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(new_text)
    os.replace(temporary, path)
