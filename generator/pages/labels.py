"""Patient-facing words for the catalog's enumerations, in the build's language.

The tables hold the English source marked with `N_`; a `Words` table looks each one up in the
active language when it is read (`labels.GOAL[goal]`, `.items()`), so templates and code read
them as plain mappings, and a table built at import time still follows a later `use()`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TypeVar

from generator.catalog.model import BodyRegion, Goal, Position, Stance, TreatmentKind
from generator.figures.spec import Equipment
from generator.messages.active import N_, gettext

K = TypeVar("K")


class Words(Mapping[K, str]):
    """A table of source words, read in the active language (the keys stay as they are)."""

    def __init__(self, source: Mapping[K, str]) -> None:
        self.source = dict(source)

    def __getitem__(self, key: K) -> str:
        return gettext(self.source[key])

    def __iter__(self) -> Iterator[K]:
        return iter(self.source)

    def __len__(self) -> int:
        return len(self.source)


BODY_REGION = Words(
    {
        BodyRegion.NECK: N_("Neck"),
        BodyRegion.UPPER_BACK: N_("Upper back"),
        BodyRegion.LOWER_BACK: N_("Lower back"),
        BodyRegion.HIPS: N_("Hips"),
        BodyRegion.LEGS: N_("Legs"),
        BodyRegion.SHOULDERS: N_("Shoulders"),
        BodyRegion.WHOLE_BODY: N_("Whole body"),
    }
)

GOAL = Words(
    {
        Goal.MOBILITY: N_("Mobility"),
        Goal.STRETCH: N_("Stretching"),
        Goal.STRENGTH: N_("Strength"),
        Goal.MOTOR_CONTROL: N_("Core and control"),
        Goal.AEROBIC: N_("Walking and fitness"),
    }
)

POSITION = Words(
    {
        Position.LYING_ON_BACK: N_("Lying on your back"),
        Position.LYING_FACE_DOWN: N_("Lying on your front"),
        Position.SIDE_LYING: N_("Lying on your side"),
        Position.HANDS_AND_KNEES: N_("On hands and knees"),
        Position.KNEELING: N_("Kneeling"),
        Position.SITTING: N_("Sitting"),
        Position.STANDING: N_("Standing"),
    }
)

EQUIPMENT = Words(
    {
        Equipment.MAT: N_("Mat or carpet"),
        Equipment.CHAIR: N_("Chair"),
        Equipment.WALL: N_("Wall"),
        Equipment.STEP: N_("Step"),
        Equipment.BAND: N_("Exercise band"),
        Equipment.PILLOW: N_("Pillow"),
        Equipment.TOWEL: N_("Towel"),
        Equipment.TABLE: N_("Table"),
        Equipment.DOORWAY: N_("Doorway"),
    }
)

LEVEL = Words({1: N_("Gentle"), 2: N_("Moderate"), 3: N_("Harder")})

TREATMENT_KIND = Words(
    {
        TreatmentKind.ACTIVE: N_("Active treatment (you do it)"),
        TreatmentKind.PASSIVE: N_("Hands-on or machine treatment (done to you)"),
        TreatmentKind.PROCEDURE: N_("Medical procedure"),
        TreatmentKind.EDUCATION: N_("Advice and education"),
    }
)

STANCE = Words(
    {
        Stance.RECOMMENDED: N_("Recommended"),
        Stance.CONSIDER: N_("May help alongside exercise"),
        Stance.INSUFFICIENT: N_("Not enough evidence"),
        Stance.NOT_RECOMMENDED: N_("Not recommended"),
    }
)

# "Consider" means something else for a treatment you do yourself: exercise cannot be an add-on
# to exercise. For active care and advice it is one reasonable choice among others; for a
# procedure, something a doctor may offer in some cases.
_REASONABLE = N_("A reasonable option, not proven better than others")
STANCE_BY_KIND = {
    TreatmentKind.ACTIVE: Words({Stance.CONSIDER: _REASONABLE}),
    TreatmentKind.EDUCATION: Words({Stance.CONSIDER: _REASONABLE}),
    TreatmentKind.PROCEDURE: Words({Stance.CONSIDER: N_("May be offered in some cases")}),
}


def stance_label(stance: Stance, kind: TreatmentKind) -> str:
    """The stance in words that make sense for this kind of treatment."""
    own = STANCE_BY_KIND.get(kind)
    return own[stance] if own is not None and stance in own else STANCE[stance]


# The guidelines' own split by how long the pain has lasted: the ACP (Qaseem 2017) and the US
# physiotherapy guideline (George 2021) give one set of advice for acute (under 4 weeks) and
# subacute (4 to 12 weeks) pain together, and another for chronic pain (12 weeks or more).
PHASE = Words(
    {
        "acute": N_("New or recent back pain (up to 12 weeks)"),
        "chronic": N_("Long-lasting back pain (12 weeks or more)"),
        "neck": N_("Neck pain"),
    }
)

PHASE_NOTE = N_(
    "Guidelines group back pain by how long it has lasted. Pain of less than 4 weeks is called "
    "acute, and pain of 4 to 12 weeks subacute. Many guidelines, such as the American College "
    "of Physicians' guideline, give one set of advice for both, and so do we below. Pain of 12 "
    "weeks or more is called chronic, or persistent. The research below is about low back pain "
    "unless it says otherwise."
)


def phase_note() -> str:
    """Why the advice is split by how long the pain has lasted (on every treatment page)."""
    return gettext(PHASE_NOTE)


# The words the evidence summaries use, explained once on every treatment page.
EVIDENCE_WORDS = (
    (
        N_("NICE"),
        N_(
            "the National Institute for Health and Care Excellence, which advises the NHS in "
            "England on which treatments work."
        ),
    ),
    (N_("WHO"), N_("the World Health Organization.")),
    (
        N_("A Cochrane review"),
        N_(
            "a careful summary of all the good studies on one question, made by "
            "an independent group of researchers."
        ),
    ),
    (
        N_("Certainty or quality of evidence"),
        N_(
            "how sure the researchers are that a result is right. "
            "Low certainty means that new studies could easily change the answer."
        ),
    ),
    (
        N_("A 0 to 100 scale"),
        N_(
            "a way of scoring pain or daily function, from 0 (none) to 100 "
            "(the worst). A change of a few points is too small for most people to notice."
        ),
    ),
)


def evidence_words() -> list[tuple[str, str]]:
    """(word, meaning) for each term the evidence summaries use, in order."""
    return [(gettext(word), gettext(meaning)) for word, meaning in EVIDENCE_WORDS]
