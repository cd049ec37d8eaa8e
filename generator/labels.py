"""Patient-facing words for the catalog's enumerations."""

from __future__ import annotations

from .model import BodyRegion, Equipment, Goal, ModalityKind, Position, Stance

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
}

LEVEL = {1: "Gentle", 2: "Moderate", 3: "Harder"}

MODALITY_KIND = {
    ModalityKind.ACTIVE: "Active treatment (you do it)",
    ModalityKind.PASSIVE: "Hands-on or machine treatment (done to you)",
    ModalityKind.PROCEDURE: "Medical procedure",
    ModalityKind.EDUCATION: "Advice and education",
}

STANCE = {
    Stance.RECOMMENDED: "Recommended",
    Stance.CONSIDER: "May help alongside exercise",
    Stance.INSUFFICIENT: "Not enough evidence",
    Stance.NOT_RECOMMENDED: "Not recommended",
}

PHASE = {
    "acute": "Recent back pain (less than 6 weeks)",
    "chronic": "Long-lasting back pain (more than 12 weeks)",
}
