"""A panel placed on the floor, with its props, ready to check and draw.

The body is lowered until its resting parts touch their surfaces (or, with none, its lowest
point touches the floor) and shifted so the pose's anchor point is at x = 0. Props are built
around body points as lines and boxes in the same world coordinates (centimetres, y up).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from generator.figures.geometry import Vec, add
from generator.figures.poses import PanelPose
from generator.figures.skeleton import FOOT_RADIUS, HEAD_RADIUS, LIMB_RADIUS, TORSO_RADIUS, Posture
from generator.figures.spec import ContactPart, Equipment, Prop, Surface

SURFACE_HEIGHT: Mapping[Surface, float] = {
    Surface.FLOOR: 0.0,
    Surface.CHAIR: 48.0,
    Surface.STEP: 18.0,
    Surface.TABLE: 75.0,
}

# How thick each drawn point is: its lowest edge is what touches a surface.
RADIUS: Mapping[str, float] = {
    "head_centre": HEAD_RADIUS,
    "pelvis": TORSO_RADIUS,
    "lower_back": TORSO_RADIUS,
    "upper_back": TORSO_RADIUS,
    "chest": TORSO_RADIUS,
    "right_waist": TORSO_RADIUS,
    "left_waist": TORSO_RADIUS,
    "neck": LIMB_RADIUS,
    "head": LIMB_RADIUS,
    **{
        f"{side}_{part}": FOOT_RADIUS if part in ("hand", "heel", "toes") else LIMB_RADIUS
        for side in ("right", "left")
        for part in ("shoulder", "elbow", "wrist", "hand", "hip", "knee", "ankle", "heel", "toes")
    },
}


# The drawn points that must touch the surface for each resting part.
CONTACT_POINTS: Mapping[ContactPart, tuple[str, ...]] = {
    ContactPart.HEAD: ("head_centre",),
    ContactPart.UPPER_BACK: ("chest", "upper_back", "right_shoulder", "left_shoulder"),
    ContactPart.PELVIS: ("pelvis", "right_hip", "left_hip"),
    **{
        ContactPart(f"{side}_{part}"): tuple(f"{side}_{p}" for p in points)
        for side in ("right", "left")
        for part, points in (
            ("foot", ("heel", "toes")),
            ("heel", ("heel",)),
            ("toes", ("toes",)),
            ("knee", ("knee",)),
            ("shin", ("knee", "ankle")),
            ("hand", ("hand",)),
            ("forearm", ("elbow", "wrist")),
        )
    },
}
# Parts that rest when any one of their points does (on the back or on one side).
ANY_POINT = {ContactPart.UPPER_BACK, ContactPart.PELVIS}


@dataclass(frozen=True)
class Shape:
    """A prop drawn as a polyline (open) or a polygon (closed, filled)."""

    points: tuple[Vec, ...]
    closed: bool
    front: bool = False  # drawn over the body (a band or towel held in the hands)


@dataclass(frozen=True)
class Scene:
    pose: PanelPose
    posture: Posture
    shapes: tuple[Shape, ...]

    def bottom(self, point: str) -> float:
        return self.posture.point(point)[1] - RADIUS[point]


@lru_cache(maxsize=4096)
def place(pose: PanelPose) -> Scene:
    """The pose lowered onto its surfaces, its anchor point at x = 0."""
    raw = pose.posture()
    shift = (-raw.points[pose.anchor][0], -_lowest_rest(raw, pose), 0.0)
    posture = Posture(
        points={name: add(p, shift) for name, p in raw.points.items()},
        frames=raw.frames,
    )
    above = pose.body.seen_from_above > 0
    shapes = tuple(shape for prop in pose.props for shape in _prop_shapes(prop, posture, above))
    return Scene(pose, posture, shapes)


def moved(scene: Scene, dx: float, shapes: tuple[Shape, ...] | None = None) -> Scene:
    """The scene shifted sideways by `dx`, optionally with other shapes (already placed)."""
    by = (dx, 0.0, 0.0)
    points = {name: add(p, by) for name, p in scene.posture.points.items()}
    own = tuple(
        Shape(tuple(add(p, by) for p in shape.points), shape.closed, shape.front)
        for shape in scene.shapes
    )
    return Scene(
        scene.pose, Posture(points, scene.posture.frames), own if shapes is None else shapes
    )


def line_up(scenes: list[Scene]) -> list[Scene]:
    """Shift each panel so its anchor stays where it was in the panel before.

    Props that stand still (mat, chair, wall, step...) are placed once, by the first panel;
    held props (a band, a towel) follow the hands in every panel.
    """
    out = [scenes[0]]
    still = tuple(shape for shape in scenes[0].shapes if not shape.front)
    for scene in scenes[1:]:
        anchor = scene.pose.anchor
        dx = out[-1].posture.point(anchor)[0] - scene.posture.point(anchor)[0]
        shifted = moved(scene, dx)
        held = tuple(shape for shape in shifted.shapes if shape.front)
        out.append(moved(shifted, 0.0, still + held))
    return out


def _lowest_rest(posture: Posture, pose: PanelPose) -> float:
    """Height to lower the body by: its lowest resting part onto its surface.

    With no contacts, the lowest point of the body goes onto the floor.
    """
    gaps = []
    for part, surface in pose.contacts:
        bottoms = [posture.points[p][1] - RADIUS[p] for p in CONTACT_POINTS[part]]
        gaps.append(min(bottoms) - SURFACE_HEIGHT[surface])
    if gaps:
        return min(gaps)
    return min(posture.points[name][1] - radius for name, radius in RADIUS.items())


def _forward_x(posture: Posture) -> float:
    """+1 if the body faces right in the picture, -1 if left, 0 if toward or away."""
    forward = posture.frames["pelvis"][0]
    up = posture.frames["pelvis"][1]
    # Lying or on all fours, "forward" along the floor is where the head points.
    x = forward[0] if abs(forward[0]) > 0.3 else up[0]
    return 0.0 if abs(x) < 0.3 else (1.0 if x > 0 else -1.0)


def _xs(posture: Posture) -> tuple[float, float]:
    xs = [p[0] for name, p in posture.points.items() if name in RADIUS]
    return min(xs), max(xs)


def _box(x0: float, x1: float, y0: float, y1: float, z: float = 0.0) -> Shape:
    return Shape(((x0, y0, z), (x1, y0, z), (x1, y1, z), (x0, y1, z)), closed=True)


def _cushion(x: float, y0: float, y1: float, z: float) -> Shape:
    """A pillow seen from the side: a box with rounded ends."""
    r = (y1 - y0) / 2
    ends = [(x + 20 + r * math.sin(a), y0 + r - r * math.cos(a)) for a in _ARC]
    starts = [(x - 20 - r * math.sin(a), y1 - r + r * math.cos(a)) for a in _ARC]
    return Shape(tuple((px, py, z) for px, py in ends + starts), closed=True)


_ARC = tuple(math.radians(a) for a in range(0, 181, 45))


def _line(*points: Vec, front: bool = False) -> Shape:
    return Shape(tuple(points), closed=False, front=front)


def _prop_shapes(prop: Prop, posture: Posture, posture_seen_from_above: bool) -> list[Shape]:
    ahead = _forward_x(posture) or 1.0
    point = posture.point(str(prop.at)) if prop.at else posture.point("pelvis")
    at = (point[0] + prop.shift * ahead, point[1], point[2])
    low, high = _xs(posture)
    kind = prop.kind
    if kind is Equipment.MAT and posture_seen_from_above:
        zs = [p[2] for name, p in posture.points.items() if name in RADIUS]
        near, far = max(zs) + 8, min(zs) - 8
        corners = ((low - 14, far), (high + 14, far), (high + 14, near), (low - 14, near))
        return [Shape(tuple((x, 0.0, z) for x, z in corners), closed=True)]
    if kind is Equipment.MAT:
        return [_box(low - 12, high + 12, -4, 0)]
    if kind is Equipment.CHAIR and not _forward_x(posture):
        seat = SURFACE_HEIGHT[Surface.CHAIR]
        x = at[0]
        return [
            _box(x - 22, x + 22, seat, seat + 44, z=-20),
            _box(x - 25, x + 25, seat - 5, seat),
            _line((x - 22, 0, 0), (x - 22, seat - 5, 0)),
            _line((x + 22, 0, 0), (x + 22, seat - 5, 0)),
        ]
    if kind is Equipment.CHAIR:
        back, front = at[0] - 20 * ahead, at[0] + 24 * ahead
        seat = SURFACE_HEIGHT[Surface.CHAIR]
        return [
            _box(min(back, front), max(back, front), seat - 5, seat),
            _line((back, 0, 0), (back, seat + 46, 0)),
            _line((front, 0, 0), (front, seat - 5, 0)),
        ]
    if kind is Equipment.WALL:
        x = at[0] - (TORSO_RADIUS + 3) * ahead
        top = max(p[1] for p in posture.points.values()) + 25
        return [_box(x - 3 * ahead, x - 9 * ahead, 0, top)]
    if kind is Equipment.STEP:
        height = SURFACE_HEIGHT[Surface.STEP]
        return [_box(at[0] - 14 * ahead, at[0] + 40 * ahead, 0, height)]
    if kind is Equipment.TABLE:
        height = SURFACE_HEIGHT[Surface.TABLE]
        return [
            _box(at[0] - 45, at[0] + 45, height - 5, height),
            _line((at[0] - 40, 0, 0), (at[0] - 40, height - 5, 0)),
            _line((at[0] + 40, 0, 0), (at[0] + 40, height - 5, 0)),
        ]
    if kind is Equipment.DOORWAY and not _forward_x(posture):
        # Seen from the front: both sides of the frame, just beyond the hands.
        half = max(abs(p[0] - at[0]) for p in posture.points.values()) + 5
        return [
            _box(at[0] - half - 7, at[0] - half, 0, 205, z=-10),
            _box(at[0] + half, at[0] + half + 7, 0, 205, z=-10),
            _box(at[0] - half - 7, at[0] + half + 7, 205, 212, z=-10),
        ]
    if kind is Equipment.DOORWAY:
        x = at[0] + 3 * ahead
        return [_box(x, x + 7 * ahead, 0, 205)]
    if kind is Equipment.PILLOW:
        # A soft rounded cushion filling the gap under the part that rests on it.
        top = max(at[1] - RADIUS.get(str(prop.at or "pelvis"), 0), 8)
        return [_cushion(at[0], max(top - 16, 0), top, z=at[2])]
    if kind is Equipment.TOWEL and prop.to is None:
        base = max(at[1] - RADIUS.get(str(prop.at or "pelvis"), 0) - 5, 0)
        return [_box(at[0] - 13, at[0] + 13, base, base + 4)]
    # A band fixed in front at waist height, or a towel held from the hands to `to`.
    if prop.to is not None:
        return [_line(at, posture.point(str(prop.to)), front=True)]
    anchor = (posture.point("pelvis")[0] + 80 * ahead, 100.0, at[2])
    post = anchor[0] + 4 * ahead
    return [_line(at, anchor, front=True), _box(post, post + 6 * ahead, 0, 200)]
