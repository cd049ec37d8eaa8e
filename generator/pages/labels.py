"""Patient-facing words for the catalog's enumerations."""

from __future__ import annotations

from generator.catalog.model import BodyRegion, Goal, Position, Stance, TreatmentKind
from generator.figures.spec import Equipment

BODY_REGION = {
    BodyRegion.NECK: "Neck",
    BodyRegion.UPPER_BACK: "Upper back",
    BodyRegion.LOWER_BACK: "Lower back",
    BodyRegion.HIPS: "Hips",
    BodyRegion.LEGS: "Legs",
    BodyRegion.SHOULDERS: "Shoulders",
    BodyRegion.WHOLE_BODY: "Whole body",
}

GOAL = {
    Goal.MOBILITY: "Mobility",
    Goal.STRETCH: "Stretching",
    Goal.STRENGTH: "Strength",
    Goal.MOTOR_CONTROL: "Core and control",
    Goal.AEROBIC: "Walking and fitness",
}

POSITION = {
    Position.LYING_ON_BACK: "Lying on your back",
    Position.LYING_FACE_DOWN: "Lying on your front",
    Position.SIDE_LYING: "Lying on your side",
    Position.HANDS_AND_KNEES: "On hands and knees",
    Position.KNEELING: "Kneeling",
    Position.SITTING: "Sitting",
    Position.STANDING: "Standing",
}

EQUIPMENT = {
    Equipment.MAT: "Mat or carpet",
    Equipment.CHAIR: "Chair",
    Equipment.WALL: "Wall",
    Equipment.STEP: "Step",
    Equipment.BAND: "Exercise band",
    Equipment.PILLOW: "Pillow",
    Equipment.TOWEL: "Towel",
    Equipment.TABLE: "Table",
    Equipment.DOORWAY: "Doorway",
}

LEVEL = {1: "Gentle", 2: "Moderate", 3: "Harder"}

TREATMENT_KIND = {
    TreatmentKind.ACTIVE: "Active treatment (you do it)",
    TreatmentKind.PASSIVE: "Hands-on or machine treatment (done to you)",
    TreatmentKind.PROCEDURE: "Medical procedure",
    TreatmentKind.EDUCATION: "Advice and education",
}

STANCE = {
    Stance.RECOMMENDED: "Recommended",
    Stance.CONSIDER: "May help alongside exercise",
    Stance.INSUFFICIENT: "Not enough evidence",
    Stance.NOT_RECOMMENDED: "Not recommended",
}

# "Consider" means something else for a treatment you do yourself: exercise cannot be an add-on
# to exercise. For active care and advice it is one reasonable choice among others; for a
# procedure, something a doctor may offer in some cases.
STANCE_BY_KIND = {
    TreatmentKind.ACTIVE: {Stance.CONSIDER: "A reasonable option, not proven better than others"},
    TreatmentKind.EDUCATION: {
        Stance.CONSIDER: "A reasonable option, not proven better than others"
    },
    TreatmentKind.PROCEDURE: {Stance.CONSIDER: "May be offered in some cases"},
}


def stance_label(stance: Stance, kind: TreatmentKind) -> str:
    """The stance in words that make sense for this kind of treatment."""
    return STANCE_BY_KIND.get(kind, {}).get(stance, STANCE[stance])


# The guidelines' own split by how long the pain has lasted: the ACP (Qaseem 2017) and the US
# physiotherapy guideline (George 2021) give one set of advice for acute (under 4 weeks) and
# subacute (4 to 12 weeks) pain together, and another for chronic pain (12 weeks or more).
PHASE = {
    "acute": "New or recent back pain (up to 12 weeks)",
    "chronic": "Long-lasting back pain (12 weeks or more)",
    "neck": "Neck pain",
}

PHASE_NOTE = (
    "Guidelines group back pain by how long it has lasted. Pain of less than 4 weeks is called "
    "acute, and pain of 4 to 12 weeks subacute. Many guidelines, such as the American College "
    "of Physicians' guideline, give one set of advice for both, and so do we below. Pain of 12 "
    "weeks or more is called chronic, or persistent. The research below is about low back pain "
    "unless it says otherwise."
)

# The words the evidence summaries use, explained once on every treatment page.
EVIDENCE_WORDS = (
    (
        "NICE",
        "the National Institute for Health and Care Excellence, which advises the NHS in "
        "England on which treatments work.",
    ),
    ("WHO", "the World Health Organization."),
    (
        "A Cochrane review",
        "a careful summary of all the good studies on one question, made by "
        "an independent group of researchers.",
    ),
    (
        "Certainty or quality of evidence",
        "how sure the researchers are that a result is right. "
        "Low certainty means that new studies could easily change the answer.",
    ),
    (
        "A 0 to 100 scale",
        "a way of scoring pain or daily function, from 0 (none) to 100 "
        "(the worst). A change of a few points is too small for most people to notice.",
    ),
)
