"""The body: joints, their ranges of movement, and forward kinematics to points in space.

Lengths are centimetres of a 180 cm adult. A joint's three angles are anatomical:
`bend` (flexion; for the knee, bending it; for the ankle, toes up), `side` (abduction away
from the body's midline; for the spine and neck, bending to the right) and `turn` (outward
rotation of a limb; for the spine and neck, turning to the right).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from generator.figures.geometry import Frame, Vec, add, apply, rotate

LIMB_RADIUS = 4.5
TORSO_RADIUS = 8.0
HEAD_RADIUS = 11.0
FOOT_RADIUS = 4.0


@dataclass(frozen=True)
class Joint:
    """One joint: where it sits on its parent, how it moves, and how far it may."""

    name: str
    label: str
    parent: str | None
    offset: Vec  # position in the parent joint's frame
    bend_sign: float
    side_sign: float
    turn_sign: float
    bend: tuple[float, float]
    side: tuple[float, float]
    turn: tuple[float, float]


def _limbs() -> list[Joint]:
    joints: list[Joint] = []
    for side, r in (("right", 1.0), ("left", -1.0)):
        joints += [
            Joint(
                f"{side}_shoulder",
                f"{side} shoulder",
                "upper_back",
                (0, 21, 15 * r),
                1,
                -r,
                r,
                (-60, 180),
                (-30, 180),
                (-90, 90),
            ),
            Joint(
                f"{side}_elbow",
                f"{side} elbow",
                f"{side}_shoulder",
                (0, -29, 0),
                1,
                -r,
                r,
                (0, 150),
                (0, 0),
                (-90, 90),
            ),
            Joint(
                f"{side}_wrist",
                f"{side} wrist",
                f"{side}_elbow",
                (0, -26, 0),
                1,
                -r,
                r,
                (-80, 80),
                (-30, 30),
                (0, 0),
            ),
            Joint(
                f"{side}_hip",
                f"{side} hip",
                "pelvis",
                (0, -4, 8 * r),
                1,
                -r,
                r,
                (-30, 130),
                (-30, 50),
                (-45, 60),
            ),
            Joint(
                f"{side}_knee",
                f"{side} knee",
                f"{side}_hip",
                (0, -44, 0),
                -1,
                -r,
                r,
                (0, 155),
                (0, 0),
                (0, 0),
            ),
            Joint(
                f"{side}_ankle",
                f"{side} ankle",
                f"{side}_knee",
                (0, -42, 0),
                1,
                -r,
                r,
                (-60, 30),
                (-20, 20),
                (0, 0),
            ),
        ]
    return joints


JOINTS: tuple[Joint, ...] = (
    # The pelvis angles turn the whole body: bend tips it forward, side to its right.
    Joint("pelvis", "whole body", None, (0, 0, 0), -1, 1, 1, (-90, 90), (-90, 90), (-180, 180)),
    Joint("lower_back", "lower back", "pelvis", (0, 0, 0),
          -1, 1, 1, (-40, 60), (-30, 30), (-20, 20)),
    Joint("upper_back", "upper back", "lower_back", (0, 24, 0),
          -1, 1, 1, (-25, 45), (-30, 30), (-45, 45)),
    Joint("neck", "neck", "upper_back", (0, 24, 0), -1, 1, 1, (-50, 50), (-45, 45), (-80, 80)),
    Joint("head", "head", "neck", (0, 10, 0), -1, 1, 1, (-30, 30), (-15, 15), (-10, 10)),
    *_limbs(),
)  # fmt: skip
JOINT_BY_NAME: Mapping[str, Joint] = {joint.name: joint for joint in JOINTS}


@dataclass(frozen=True)
class Angles:
    bend: float = 0.0
    side: float = 0.0
    turn: float = 0.0


@dataclass(frozen=True)
class Posture:
    """A posed body: the world position and frame of every joint, plus named end points."""

    points: Mapping[str, Vec]
    frames: Mapping[str, Frame]

    def point(self, name: str) -> Vec:
        return self.points[name]


# End points drawn or checked besides the joints, in their joint's frame.
ENDS: Mapping[str, tuple[str, Vec]] = {
    "chest": ("upper_back", (0, 24, 0)),
    "right_waist": ("lower_back", (0, 24, 11)),
    "left_waist": ("lower_back", (0, 24, -11)),
    "head_centre": ("head", (0, HEAD_RADIUS, 0)),
    "nose": ("head", (HEAD_RADIUS, HEAD_RADIUS, 0)),
    **{
        f"{side}_{name}": (f"{side}_{joint}", offset)
        for side in ("right", "left")
        for name, joint, offset in (
            ("hand", "wrist", (0, -8, 0)),
            ("heel", "ankle", (-4, -6, 0)),
            ("toes", "ankle", (15, -6, 0)),
        )
    },
}


def pose_body(root: Frame, angles: Mapping[str, Angles]) -> Posture:
    """Forward kinematics: every joint placed from the pelvis outward, pelvis at the origin."""
    points: dict[str, Vec] = {}
    frames: dict[str, Frame] = {}
    for joint in JOINTS:
        a = angles.get(joint.name, Angles())
        if joint.parent is None:
            base, origin = root, (0.0, 0.0, 0.0)
        else:
            base = frames[joint.parent]
            origin = add(points[joint.parent], apply(base, joint.offset))
        frames[joint.name] = rotate(
            base, joint.bend_sign * a.bend, joint.side_sign * a.side, joint.turn_sign * a.turn
        )
        points[joint.name] = origin
    for name, (joint_name, offset) in ENDS.items():
        points[name] = add(points[joint_name], apply(frames[joint_name], offset))
    return Posture(points, frames)


def repose_from(posture: Posture, angles: Mapping[str, Angles], start: str) -> Mapping[str, Vec]:
    """The points of joint `start` and everything beyond it, posed with `angles`, the rest of
    the body kept as in `posture` (a fast path for searching one limb's angles)."""
    points: dict[str, Vec] = {}
    frames: dict[str, Frame] = {}
    for joint in JOINTS:
        if joint.name != start and joint.parent not in frames:
            continue
        assert joint.parent is not None  # the pelvis has no parent and is never a limb
        base = frames.get(joint.parent) or posture.frames[joint.parent]
        parent = points.get(joint.parent) or posture.points[joint.parent]
        a = angles.get(joint.name, Angles())
        frames[joint.name] = rotate(
            base, joint.bend_sign * a.bend, joint.side_sign * a.side, joint.turn_sign * a.turn
        )
        points[joint.name] = add(parent, apply(base, joint.offset))
    for name, (joint_name, offset) in ENDS.items():
        if joint_name in frames:
            points[name] = add(points[joint_name], apply(frames[joint_name], offset))
    return points
