"""Does a figure rest the body as its exercise's words say? Position and text against contacts.

An exercise says how the body rests (`position: side_lying`, "lie on your forearm"); its first
picture must show that: the right parts on a surface, the chest facing the right way.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from generator.figures.poses import PanelPose
from generator.figures.spec import ContactPart

Check = Callable[[PanelPose], bool]

_HANDS = {ContactPart.RIGHT_HAND, ContactPart.LEFT_HAND}
_FOREARMS = {ContactPart.RIGHT_FOREARM, ContactPart.LEFT_FOREARM}
_KNEES = {
    ContactPart.RIGHT_KNEE,
    ContactPart.LEFT_KNEE,
    ContactPart.RIGHT_SHIN,
    ContactPart.LEFT_SHIN,
}
_FEET = {
    ContactPart.RIGHT_FOOT,
    ContactPart.LEFT_FOOT,
    ContactPart.RIGHT_HEEL,
    ContactPart.LEFT_HEEL,
    ContactPart.RIGHT_TOES,
    ContactPart.LEFT_TOES,
}
_TRUNK = {ContactPart.UPPER_BACK, ContactPart.PELVIS, ContactPart.HEAD}


def _resting(pose: PanelPose) -> set[ContactPart]:
    return {part for part, _ in pose.contacts}


def _chest_up(pose: PanelPose) -> float:
    """How much the chest faces up (1) or down (-1)."""
    return pose.posture().frames["upper_back"][0][1]


def _on_side(pose: PanelPose) -> bool:
    return abs(pose.posture().frames["pelvis"][2][1]) >= 0.5


POSITIONS: dict[str, tuple[str, Check]] = {
    "lying_on_back": (
        "the back resting on the floor, chest up",
        lambda p: bool(_resting(p) & _TRUNK) and _chest_up(p) > 0.5,
    ),
    "lying_face_down": (
        "the front of the body or the forearms on the floor, chest down",
        lambda p: bool(_resting(p) & (_TRUNK | _FOREARMS)) and _chest_up(p) < -0.5,
    ),
    "side_lying": (
        "the body lying on one side, a hip, shoulder or forearm on the floor",
        lambda p: bool(_resting(p) & (_TRUNK | _FOREARMS)) and _on_side(p),
    ),
    "hands_and_knees": (
        "both hands and both knees on the floor",
        lambda p: len(_resting(p) & (_HANDS | _FOREARMS)) == 2 and len(_resting(p) & _KNEES) >= 2,
    ),
    "kneeling": ("a knee on the floor", lambda p: bool(_resting(p) & _KNEES)),
    "sitting": ("the pelvis on a seat", lambda p: ContactPart.PELVIS in _resting(p)),
    "standing": (
        "the feet on the floor and nothing else resting",
        lambda p: bool(_resting(p) & _FEET) and not _resting(p) - _FEET,
    ),
}

# Words in the steps that name a resting part some picture must show.
PHRASES: tuple[tuple[re.Pattern[str], str, Check], ...] = (
    (
        re.compile(
            r"\b(?:on|onto|propped on) (?:your|the|one) (?:\w+ )?(?:forearms?|elbows?)\b", re.I
        ),
        "a forearm on the floor",
        lambda p: bool(_resting(p) & _FOREARMS),
    ),
    (
        re.compile(r"\bhands and knees\b", re.I),
        "both hands and both knees on the floor",
        POSITIONS["hands_and_knees"][1],
    ),
)


def rest_problems(position: str, steps: Sequence[str], poses: Sequence[PanelPose]) -> Iterator[str]:
    """Where the pictures do not rest the body as the position and the steps say."""
    label = position.replace("_", " ")
    needed, check = POSITIONS[position]
    if poses and not check(poses[0]):
        yield f"the position is '{label}', so picture 1 should show {needed}"
    text = " ".join(steps)
    for pattern, needed, check in PHRASES:
        found = pattern.search(text)
        if found and not any(check(pose) for pose in poses):
            yield f"the steps say '{found[0]}', so a picture should show {needed}"
