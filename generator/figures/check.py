"""Is a figure possible? Joints within their range, and resting parts on their surfaces."""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator, Mapping
from functools import lru_cache

from generator.figures.geometry import Vec
from generator.figures.poses import PanelPose, PoseLibrary, UnknownPose, resolve_panel, shipped
from generator.figures.scene import (
    ANY_POINT,
    CONTACT_POINTS,
    RADIUS,
    SURFACE_HEIGHT,
    Scene,
    line_up,
    place,
)
from generator.figures.skeleton import JOINT_BY_NAME
from generator.figures.spec import Figure, NamedPose, Surface
from generator.source.errors import Path

TOLERANCE_CM = 3.0
MIN_MOVE_CM = 6.0  # the least movement between two pictures that a reader can see


def check_figure(
    figure: Figure, poses: Mapping[str, NamedPose] | PoseLibrary | None = None
) -> tuple[tuple[Path, str], ...]:
    """Each problem as (path inside the figure, message)."""
    if poses is None:
        poses = figure.poses or shipped()
    if isinstance(poses, PoseLibrary):  # many exercises share a figure: check it once
        return _check_with_library(figure.model_dump_json(exclude_none=True), poses)
    return tuple(_problems(figure, poses))


@lru_cache(maxsize=4096)
def _check_with_library(spec: str, poses: PoseLibrary) -> tuple[tuple[Path, str], ...]:
    return tuple(_problems(Figure.model_validate_json(spec), poses.poses))


def _problems(figure: Figure, poses: Mapping[str, NamedPose]) -> Iterator[tuple[Path, str]]:
    if figure.placeholder:
        return  # a new exercise's `pose: TODO`: the placeholder check reports it
    resolved: list[PanelPose] = []
    for index, panel in enumerate(figure.panels):
        here: Path = ("panels", index)
        try:
            pose = resolve_panel(panel, poses)
        except UnknownPose as error:
            yield (*here, "pose"), str(error)
            continue
        resolved.append(pose)
        adjusted = {str(joint) for joint in panel.adjust}
        for joint, message in joint_problems(pose):
            yield ((*here, "adjust", joint) if joint in adjusted else (*here, "pose")), message
        for message in contact_problems(pose):
            yield (*here, "contacts") if panel.contacts else (*here, "pose"), message
    if len(figure.panels) > 1 and not any(panel.arrow for panel in figure.panels):
        yield ("panels",), "a figure with several pictures needs an `arrow` on at least one"
    if figure.panels[0].arrow is not None:
        yield ("panels", 0, "arrow"), "the first picture has nothing to move from; no arrow"
    if len(resolved) == len(figure.panels) > 1:
        yield from _still_problems(resolved)


def _still_problems(poses: list[PanelPose]) -> Iterator[tuple[Path, str]]:
    """Pictures so alike that the movement between them cannot be seen."""
    scenes = line_up([place(pose) for pose in poses])
    for index, moved in enumerate(largest_moves(scenes), 1):
        if moved < MIN_MOVE_CM:
            yield (
                ("panels", index),
                (
                    f"pictures {index} and {index + 1} look nearly the same (nothing moves more "
                    f"than {moved:.0f} cm in the picture; at least {MIN_MOVE_CM:g} cm is needed "
                    "to see the movement): choose poses further apart, another view, or one picture"
                ),
            )


def largest_moves(scenes: list[Scene]) -> list[float]:
    """For each picture after the first, how far its most-moved point is from where it was in
    the picture before, in centimetres on the page (as drawn, after lining up)."""
    moves = []
    for before, after in itertools.pairwise(scenes):
        e0 = math.radians(before.pose.body.seen_from_above)
        e1 = math.radians(after.pose.body.seen_from_above)
        moves.append(
            max(
                math.dist(
                    _flat(before.posture.point(name), e0), _flat(after.posture.point(name), e1)
                )
                for name in (*RADIUS, "nose")
            )
        )
    return moves


def _flat(p: Vec, elevation: float) -> tuple[float, float]:
    return (p[0], p[1] * math.cos(elevation) - p[2] * math.sin(elevation))


def joint_problems(pose: PanelPose) -> Iterator[tuple[str, str]]:
    """Joints bent, tipped or turned beyond what a body can do."""
    for name, angles in pose.angles:
        joint = JOINT_BY_NAME[name]
        for axis, value, (low, high) in (
            ("bend", angles.bend, joint.bend),
            ("side", angles.side, joint.side),
            ("turn", angles.turn, joint.turn),
        ):
            if not low <= value <= high:
                yield (
                    name,
                    (
                        f"{joint.label} {axis} {value:g}° is beyond its range "
                        f"({low:g}° to {high:g}°)"
                    ),
                )


def contact_problems(pose: PanelPose) -> Iterator[str]:
    """Parts said to rest on a surface that float above it or sink into it."""
    scene = place(pose)
    for part, surface in pose.contacts:
        height = SURFACE_HEIGHT[surface]
        gaps = [scene.bottom(point) - height for point in CONTACT_POINTS[part]]
        gap = min(gaps, key=abs) if part in ANY_POINT else max(gaps, key=abs)
        if abs(gap) > TOLERANCE_CM:
            where = "above" if gap > 0 else "below"
            name = part.value.replace("_", " ")
            on = _surface(surface)
            yield f"the {name} should rest on the {on} but is {abs(gap):.0f} cm {where} it"
    for point in RADIUS:
        depth = -scene.bottom(point)
        if depth > TOLERANCE_CM:
            name = point.replace("_", " ")
            yield f"the {name} is {depth:.0f} cm below the floor"


def _surface(surface: Surface) -> str:
    return "chair seat" if surface is Surface.CHAIR else surface.value
