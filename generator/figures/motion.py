"""The movement between a figure's pictures: in-between poses, and an animated SVG of them.

In-between poses interpolate every joint angle (eased in and out), rest on the parts that
rest in both pictures, and keep the anchor where the pictures keep it. The animation shows one
frame at a time with CSS (no script): it holds each picture, moves to the next, and comes back,
then pauses and loops; with `prefers-reduced-motion: reduce` it stands still on picture 1.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from html import escape

from generator.figures.check import TOLERANCE_CM, contact_problems
from generator.figures.geometry import Vec
from generator.figures.poses import PanelPose, PoseLibrary, resolve_panel, shipped
from generator.figures.scene import (
    CONTACT_POINTS,
    RADIUS,
    SURFACE_HEIGHT,
    Scene,
    line_up,
    moved,
    place,
)
from generator.figures.skeleton import Angles, repose_from
from generator.figures.spec import Figure
from generator.figures.svg import (
    PAD,
    RenderedFigure,
    View,
    alt_text,
    arrow_mark,
    backdrop,
    body,
    drawn_bounds,
)
from generator.messages.active import current
from generator.source.errors import Path

STEPS = 6  # frames from one picture to the next (the last is the next picture itself)
FRAME_S = 0.12  # seconds each in-between frame shows
HOLD_S = 1.2  # seconds each picture holds
PAUSE_S = 1.0  # extra stillness before the loop starts again
MAX_BYTES = 15 * 1024


@dataclass(frozen=True)
class Frame:
    """One drawn moment: a placed scene, and which transition (from picture `leg`) it is in."""

    scene: Scene
    leg: int  # index of the picture it moves from; keys belong to the leg they end
    key: int | None  # the picture's index, for a frame that is a picture


def ease(t: float) -> float:
    """Slow in, slow out."""
    return t * t * (3 - 2 * t)


def between(a: PanelPose, b: PanelPose, t: float) -> PanelPose:
    """The pose a fraction `t` of the way from `a` to `b`, resting on what both rest on."""
    start, end = dict(a.angles), dict(b.angles)
    angles = {}
    for joint in sorted(start.keys() | end.keys()):
        p, q = start.get(joint, Angles()), end.get(joint, Angles())
        angles[joint] = Angles(
            bend=p.bend + (q.bend - p.bend) * t,
            side=p.side + (q.side - p.side) * t,
            turn=p.turn + (q.turn - p.turn) * t,
        )
    common = tuple(contact for contact in a.contacts if contact in b.contacts)
    return replace(a, angles=tuple(angles.items()), contacts=common)


def _can_move(a: PanelPose, b: PanelPose) -> bool:
    """Interpolation needs the same body direction and view in both pictures."""
    return a.body == b.body


@lru_cache(maxsize=1024)  # shared by the checks and the drawing
def in_betweens(
    a: PanelPose, b: PanelPose, steps: int = STEPS
) -> tuple[tuple[float, PanelPose], ...]:
    """The poses strictly between two pictures, each with how far along it is (none if the
    view changes between them)."""
    if not _can_move(a, b):
        return ()
    return tuple((t, _fit(a, b, t)) for t in (ease(k / steps) for k in range(1, steps)))


def _fit(a: PanelPose, b: PanelPose, t: float) -> PanelPose:
    """The interpolated pose, its planted limbs kept planted if interpolating lifts them or
    pushes them through the floor, and the whole body tipped to rest if still needed."""
    pose = between(a, b, t)
    if pose.contacts and list(contact_problems(pose)):
        pose = _plant(pose, a, b, t)
    return settle(pose)


# For each resting part: the two joints that move it and the points that must stay put.
LIMBS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    f"{side}_{part}": (f"{side}_{first}", f"{side}_{second}", tuple(f"{side}_{p}" for p in ends))
    for side in ("right", "left")
    for part, first, second, ends in (
        ("hand", "shoulder", "elbow", ("hand",)),
        ("forearm", "shoulder", "elbow", ("elbow", "wrist")),
        ("foot", "hip", "knee", ("heel", "toes")),
        ("heel", "hip", "knee", ("heel",)),
        ("toes", "hip", "knee", ("toes",)),
        ("shin", "hip", "knee", ("knee", "ankle")),
    )
}


def _plant(pose: PanelPose, a: PanelPose, b: PanelPose, t: float) -> PanelPose:
    """Each limb resting in both pictures bent (at its two main joints) so that its end stays
    on the path between where it rests in the two pictures, relative to the pelvis."""
    start, end = a.posture(), b.posture()
    for part, _ in pose.contacts:
        if part.value not in LIMBS:
            continue
        first, second, ends = LIMBS[part.value]
        targets = [
            tuple(p + (q - p) * t for p, q in zip(start.point(n), end.point(n), strict=True))
            for n in ends
        ]
        pose = _reach(pose, first, second, ends, targets)
    return pose


def _reach(
    pose: PanelPose,
    first: str,
    second: str,
    ends: tuple[str, ...],
    targets: list[tuple[float, ...]],
) -> PanelPose:
    """Search the two joints' bends (and the first one's sideways angle), coarse to fine, for
    the ends nearest their targets."""
    angles = dict(pose.angles)
    one, two = angles.get(first, Angles()), angles.get(second, Angles())
    best = (one.bend, one.side, two.bend)

    def tried(values: tuple[float, float, float]) -> PanelPose:
        changed = dict(angles)
        changed[first] = Angles(values[0], values[1], one.turn)
        changed[second] = Angles(values[2], two.side, two.turn)
        return replace(pose, angles=tuple(sorted(changed.items())))

    posture = pose.posture()

    def miss(values: tuple[float, float, float]) -> float:
        changed = {
            **angles,
            first: Angles(values[0], values[1], one.turn),
            second: Angles(values[2], two.side, two.turn),
        }
        points = repose_from(posture, changed, first)
        return sum(math.dist(points[n], q) for n, q in zip(ends, targets, strict=True))

    for step, reach, sideways in ((12.0, 3, False), (4.0, 2, False), (1.5, 2, False)):
        best = _best(best, step, reach, sideways, miss)
    if miss(best) > TOLERANCE_CM:  # out of reach in its plane: let the limb swing sideways
        for step, reach, sideways in ((8.0, 5, True), (3.0, 3, False), (2.0, 3, True)):
            best = _best(best, step, reach, sideways, miss)
    return tried(best)


def _best(
    best: tuple[float, float, float],
    step: float,
    reach: int,
    sideways: bool,
    miss: Callable[[tuple[float, float, float]], float],
) -> tuple[float, float, float]:
    """The nearest of a grid of angles around `best`: sideways only, or both bends."""
    if sideways:
        candidates = [(best[0], best[1] + k * step, best[2]) for k in range(-reach, reach + 1)]
    else:
        candidates = [
            (best[0] + i * step, best[1], best[2] + j * step)
            for i in range(-reach, reach + 1)
            for j in range(-reach, reach + 1)
        ]
    return min(candidates, key=lambda values: (miss(values), values))


def settle(pose: PanelPose) -> PanelPose:
    """The pose with the whole body tipped (up to 30 degrees) so that its resting parts rest,
    if they do not as interpolated: a body pivots on what it rests on."""
    if not pose.contacts or not list(contact_problems(pose)):
        return pose
    angles = dict(pose.angles)
    pelvis = angles.get("pelvis", Angles())

    def tipped(delta: float) -> PanelPose:
        tip = Angles(pelvis.bend + delta, pelvis.side, pelvis.turn)
        return replace(pose, angles=tuple(sorted({**angles, "pelvis": tip}.items())))

    def score(delta: int) -> tuple[float, int]:
        return (_worst_gap(tipped(delta)), abs(delta))

    coarse = min(range(-30, 31, 5), key=score)
    return tipped(min(range(coarse - 4, coarse + 5), key=score))


def _worst_gap(pose: PanelPose) -> float:
    scene = place(pose)
    gaps = [
        abs(scene.bottom(point) - SURFACE_HEIGHT[surface])
        for part, surface in pose.contacts
        for point in CONTACT_POINTS[part]
    ]
    sunk = [max(0.0, -scene.bottom(point)) for point in RADIUS]
    return max(gaps + sunk)


def frames(figure: Figure, library: PoseLibrary, steps: int = STEPS) -> list[Frame]:
    """Every frame from picture 1 to the last, in order, lined up like the pictures."""
    poses = [resolve_panel(panel, library) for panel in figure.panels]
    keys = line_up([place(pose) for pose in poses])
    out = [Frame(keys[0], 0, 0)]
    for index in range(1, len(poses)):
        anchor = poses[index - 1].anchor
        x0 = keys[index - 1].posture.point(anchor)[0]
        x1 = keys[index].posture.point(anchor)[0]
        still = keys[index].shapes
        for t, pose in in_betweens(poses[index - 1], poses[index], steps):
            scene = place(pose)
            shifted = moved(scene, x0 + (x1 - x0) * t - scene.posture.point(anchor)[0])
            held = tuple(shape for shape in shifted.shapes if shape.front)
            own = tuple(shape for shape in still if not shape.front)
            out.append(Frame(moved(shifted, 0.0, own + held), index - 1, None))
        out.append(Frame(keys[index], index - 1, index))
    return out


def motion_problems(figure: Figure, library: PoseLibrary) -> Iterator[tuple[Path, str]]:
    """In-between poses that sink through the floor or leave a resting part (checked like
    the pictures themselves)."""
    poses = [resolve_panel(panel, library) for panel in figure.panels]
    for index in range(1, len(poses)):
        for t, pose in in_betweens(poses[index - 1], poses[index]):
            for message in contact_problems(pose):
                percent = round(100 * t)
                yield (
                    ("panels", index),
                    (
                        f"moving from picture {index} to {index + 1}, {percent}% of the way: "
                        f"{message}"
                    ),
                )


def render_motion(figure: Figure) -> RenderedFigure | None:
    """The animated SVG of a figure with several pictures (None for one picture)."""
    if len(figure.panels) < 2 or figure.placeholder:
        return None
    spec = figure.model_dump_json(exclude_none=True)
    return _render(spec, figure.poses or shipped(), current())  # alt text: one per language


@lru_cache(maxsize=256)
def _render(spec: str, library: PoseLibrary, language: object) -> RenderedFigure:
    figure = Figure.model_validate_json(spec)
    for steps in (STEPS, 4, 3, 2):
        rendered = _draw(figure, library, steps)
        if len(rendered.svg.encode()) <= MAX_BYTES:
            return rendered
    return _draw(figure, library, 1)


def _draw(figure: Figure, library: PoseLibrary, steps: int) -> RenderedFigure:
    every = frames(figure, library, steps)
    keys = [frame for frame in every if frame.key is not None]
    arrows = _arrows(figure, keys)
    view = View(keys[0].scene.pose.body.seen_from_above)
    left, right, bottom, top = _bounds(every, arrows, view)
    width, height = right - left + 2 * PAD, top - bottom + 2 * PAD
    to = View(view.above, PAD - left, top + PAD)
    timeline, total = _timeline(every, steps)
    css = [
        f".f{{opacity:0;animation:{total:.2f}s step-end infinite}}",
        "@media (prefers-reduced-motion:reduce){.f{animation:none!important}#f0{opacity:1}}",
    ]
    groups = [backdrop(every[0].scene, to, 0, width)]
    for index, frame in enumerate(every):
        windows = [(start, end) for start, end, shown in timeline if shown == ("f", index)]
        css.append(_keyframes(f"f{index}", windows, total))
        groups.append(f'<g class="f" id="f{index}">{body(frame.scene, to)}</g>')
    for index, (forward, back, scene) in enumerate(arrows):
        for name, ends in ((f"a{index}", forward), (f"r{index}", back)):
            windows = [(s, e) for s, e, shown in timeline if shown == (name[0], index)]
            if ends is not None and windows:
                css.append(_keyframes(name, windows, total))
                groups.append(f'<g class="f" id="{name}">{arrow_mark(ends, scene, to)}</g>')
    alt = alt_text(figure, library)
    w, h = round(width), round(height)
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" '
        f'height="{h}" role="img"><title>{escape(alt)}</title>'
        f"<style>{''.join(css)}</style>{''.join(groups)}</svg>"
    )
    return RenderedFigure(svg=svg, width=w, height=h, alt=alt)


Arrow = tuple[tuple[Vec, Vec] | None, tuple[Vec, Vec] | None, Scene]


def _arrows(figure: Figure, keys: list[Frame]) -> list[Arrow]:
    """For each move between pictures: its arrow forward, and back again."""
    out: list[Arrow] = []
    for index, panel in enumerate(figure.panels[1:], 1):
        if panel.arrow is None:
            out.append((None, None, keys[index].scene))
            continue
        start = keys[index - 1].scene.posture.point(str(panel.arrow))
        end = keys[index].scene.posture.point(str(panel.arrow))
        out.append(((start, end), (end, start), keys[index].scene))
    return out


Shown = tuple[str, int]  # ("f", frame), ("a", forward arrow) or ("r", arrow back)


def _timeline(every: list[Frame], steps: int) -> tuple[list[tuple[float, float, Shown]], float]:
    """When each frame and arrow shows: forward through the pictures, holding each, then back
    to picture 1, and a pause. Returns (start, end, what) windows and the loop's length."""
    step = FRAME_S * STEPS / steps  # the same speed whatever the number of frames
    slots: list[tuple[int, float, int, str]] = []  # frame, seconds, leg, direction
    for i, frame in enumerate(every):
        slots.append((i, HOLD_S if frame.key is not None else step, frame.leg, "a"))
    for i in range(len(every) - 2, -1, -1):
        hold = HOLD_S if every[i].key is not None else step
        slots.append((i, hold + (PAUSE_S if i == 0 else 0.0), every[i + 1].leg, "r"))
    windows: list[tuple[float, float, Shown]] = []
    clock = 0.0
    for shown, seconds, leg, direction in slots:
        windows.append((clock, clock + seconds, ("f", shown)))
        windows.append((clock, clock + seconds, (direction, leg)))
        clock += seconds
    return _merge(windows), clock


def _merge(windows: list[tuple[float, float, Shown]]) -> list[tuple[float, float, Shown]]:
    """Back-to-back windows of the same thing joined into one."""
    out: list[tuple[float, float, Shown]] = []
    for start, end, shown in sorted(windows, key=lambda w: (w[2], w[0])):
        if out and out[-1][2] == shown and math.isclose(out[-1][1], start):
            out[-1] = (out[-1][0], end, shown)
        else:
            out.append((start, end, shown))
    return out


def _keyframes(name: str, windows: list[tuple[float, float]], total: float) -> str:
    """CSS keyframes showing an element during its windows (and hiding it otherwise)."""
    stops: dict[str, int] = {"0%": 0}
    for start, end in windows:
        stops[_percent(start, total)] = 1
        stops[_percent(end, total)] = 0
    steps = "".join(f"{at}{{opacity:{value}}}" for at, value in stops.items())
    return f"#{name}{{animation-name:k{name}}}@keyframes k{name}{{{steps}}}"


def _percent(seconds: float, total: float) -> str:
    return f"{100 * seconds / total:.2f}".rstrip("0").rstrip(".") + "%"


def _bounds(
    every: list[Frame], arrows: list[Arrow], view: View
) -> tuple[float, float, float, float]:
    extra = [(p, 20.0) for forward, _, _ in arrows for p in forward or ()]
    return drawn_bounds([frame.scene for frame in every], extra, view)
