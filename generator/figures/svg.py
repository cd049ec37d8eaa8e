"""Draw a figure as a small SVG: panels side by side (or stacked), props, body, arrows.

Style: a thick-limbed pictogram in dark ink; the far arm and leg in mid grey so the body
reads in depth, props in light grey, movement arrows in dark orange. Every colour has at
least 3:1 contrast with white, and the shapes stay meaningful in greyscale.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from html import escape

from generator.figures.geometry import Vec, add, scale, sub
from generator.figures.pose_words import pose_words
from generator.figures.poses import PoseLibrary, resolve_panel, shipped
from generator.figures.scene import RADIUS, Scene, line_up, place
from generator.figures.skeleton import HEAD_RADIUS, LIMB_RADIUS, TORSO_RADIUS
from generator.figures.spec import Figure
from generator.messages.active import N_, current, gettext

INK = "#1d2a36"
FAR = "#7b8794"
PROP_LINE = "#6b7785"
PROP_FILL = "#e6eaee"
ARROW = "#c2410c"
PAD = 8.0
ARROW_OFFSET = 12.0
GAP = 26.0
TARGET_RATIO = 1.5

ARM = ("shoulder", "elbow", "wrist", "hand")
LEG = ("hip", "knee", "ankle")
FOOT = ("heel", "toes")

Point2 = tuple[float, float]


@dataclass(frozen=True)
class RenderedFigure:
    svg: str
    width: int
    height: int
    alt: str


@dataclass(frozen=True)
class View:
    """Orthographic view, looking down by `above` degrees; maps world points to the page."""

    above: float
    dx: float = 0.0
    dy: float = 0.0

    def flat(self, p: Vec) -> Point2:
        """Picture coordinates with y up, before placing on the page."""
        e = math.radians(self.above)
        return (p[0], p[1] * math.cos(e) - p[2] * math.sin(e))

    def toward_viewer(self) -> Vec:
        e = math.radians(self.above)
        return (0.0, math.sin(e), math.cos(e))

    def __call__(self, p: Vec) -> Point2:
        x, y = self.flat(p)
        return (x + self.dx, self.dy - y)


def alt_text(figure: Figure, poses: PoseLibrary | None = None) -> str:
    """The author's alt text, or one made from each picture's description."""
    if figure.alt:
        return figure.alt
    if figure.placeholder:
        return gettext(PLACEHOLDER_ALT)
    library = poses or figure.poses or shipped()
    descriptions = [
        panel.description or pose_words(resolve_panel(panel, library).description)
        for panel in figure.panels
    ]
    if len(descriptions) == 1:
        return _sentence(descriptions[0])
    return " ".join(
        gettext(PICTURE) % {"number": i, "description": _sentence(text[0].lower() + text[1:])}
        for i, text in enumerate(descriptions, 1)
    )


# One picture of several in the made alt text (its description comes from the pose library).
PICTURE = N_("Picture %(number)s: %(description)s")


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith(".") else text + "."


def render_figure(figure: Figure) -> RenderedFigure:
    """The figure as SVG text, with its size in centimetres (1 unit = 1 cm)."""
    spec = figure.model_dump_json(exclude_none=True)
    return _render(spec, figure.poses or shipped(), current())  # alt text: one per language


PLACEHOLDER_ALT = N_("No picture yet: the poses of this exercise are still to be chosen.")


def _placeholder() -> RenderedFigure:
    """A new exercise's figure before its poses are chosen: an empty frame, never a body."""
    alt = gettext(PLACEHOLDER_ALT)
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 160" width="240" '
        f'height="160" role="img"><title>{escape(alt)}</title>'
        f'<rect x="4" y="4" width="232" height="152" fill="none" stroke="{PROP_LINE}" '
        'stroke-width="3" stroke-dasharray="10 6"/><text x="120" y="88" font-family='
        f'"sans-serif" font-size="18" text-anchor="middle" fill="{INK}">TODO: choose poses'
        "</text></svg>"
    )
    return RenderedFigure(svg=svg, width=240, height=160, alt=alt)


def placed_scenes(figure: Figure, library: PoseLibrary) -> list[Scene]:
    """Every panel placed on its surfaces and lined up by its anchor."""
    return line_up([place(resolve_panel(panel, library)) for panel in figure.panels])


@lru_cache(maxsize=1024)
def _render(spec: str, library: PoseLibrary, language: object) -> RenderedFigure:
    figure = Figure.model_validate_json(spec)
    if figure.placeholder:
        return _placeholder()
    scenes = placed_scenes(figure, library)
    arrows: list[tuple[Vec, Vec] | None] = [None]
    for before, panel, scene in zip(scenes, figure.panels[1:], scenes[1:], strict=False):
        point = str(panel.arrow) if panel.arrow else None
        arrows.append((before.posture.point(point), scene.posture.point(point)) if point else None)
    views = [View(scene.pose.body.seen_from_above) for scene in scenes]
    boxes = [_bounds(s, a, v) for s, a, v in zip(scenes, arrows, views, strict=True)]
    top = max(box[3] for box in boxes) + PAD
    bottom = min(box[2] for box in boxes) - PAD
    height = top - bottom
    widths = [box[1] - box[0] + 2 * PAD for box in boxes]
    columns = _columns(widths, height)
    column_widths = [max(widths[i] for i in range(c, len(widths), columns)) for c in range(columns)]
    parts: list[str] = []
    for index, (scene, arrow, box, view) in enumerate(
        zip(scenes, arrows, boxes, views, strict=True)
    ):
        column, row = index % columns, index // columns
        left = sum(column_widths[:column]) + GAP * column
        top_edge = row * height
        width = column_widths[column]
        placed = View(view.above, left + (width - widths[index]) / 2 + PAD - box[0], top_edge + top)
        number = index + 1 if len(scenes) > 1 else None
        parts.append(_panel(scene, arrow, placed, left, width, top_edge, number))
        if column + 1 < columns and index + 1 < len(scenes):
            parts.append(_chevron(left + width + GAP / 2, top_edge + height / 2))
    w = round(sum(column_widths) + GAP * (columns - 1))
    h = round(height * math.ceil(len(scenes) / columns))
    alt = alt_text(figure, library)
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" '
        f'height="{h}" role="img"><title>{escape(alt)}</title>{"".join(parts)}</svg>'
    )
    return RenderedFigure(svg=svg, width=w, height=h, alt=alt)


def _columns(widths: list[float], height: float) -> int:
    """How many pictures per row: the layout closest to a 3:2 landscape shape, which suits a
    phone screen and a printed card alike."""

    def misfit(columns: int) -> float:
        rows = math.ceil(len(widths) / columns)
        row_width = max(
            sum(widths[r * columns : (r + 1) * columns]) + GAP * (columns - 1) for r in range(rows)
        )
        return abs(math.log(row_width / (rows * height) / TARGET_RATIO))

    return min(range(1, len(widths) + 1), key=misfit)


def _bounds(
    scene: Scene, arrow: tuple[Vec, Vec] | None, view: View
) -> tuple[float, float, float, float]:
    """left, right, bottom, top of everything drawn, in flat picture coordinates."""
    return drawn_bounds([scene], [(p, ARROW_OFFSET + 8) for p in arrow or ()], view)


def drawn_bounds(
    scenes: Sequence[Scene], extra: Sequence[tuple[Vec, float]], view: View
) -> tuple[float, float, float, float]:
    """left, right, bottom, top of the bodies and props of `scenes` and of the `extra` points
    (each with its radius), in flat picture coordinates; the floor line is always inside."""
    xs: list[float] = []
    ys: list[float] = []

    def cover(p: Vec, radius: float) -> None:
        x, y = view.flat(p)
        xs.extend((x - radius, x + radius))
        ys.extend((y - radius, y + radius))

    for scene in scenes:
        for name, radius in RADIUS.items():
            cover(scene.posture.point(name), radius)
        for shape in scene.shapes:
            for p in shape.points:
                cover(p, 1)
    for p, radius in extra:
        cover(p, radius)
    return min(xs), max(xs), min([*ys, -4.0]), max(ys)


def _n(value: float) -> str:
    return str(round(value))


def _path(points: Sequence[Point2], closed: bool = False) -> str:
    head, *rest = points
    d = f"M{_n(head[0])} {_n(head[1])}" + "".join(f"L{_n(x)} {_n(y)}" for x, y in rest)
    return d + ("Z" if closed else "")


def _stroke(colour: str, width: float, d: str) -> str:
    return f'<path stroke="{colour}" stroke-width="{width:g}" d="{d}"/>' if d else ""


def _panel(
    scene: Scene,
    arrow: tuple[Vec, Vec] | None,
    to: View,
    left: float,
    width: float,
    top: float,
    number: int | None,
) -> str:
    label = (
        f'<text x="{_n(left + 3)}" y="{_n(top + 13)}" font-family="sans-serif" '
        f'font-size="13" font-weight="700" fill="{INK}">{number}</text>'
        if number
        else ""
    )
    return (
        backdrop(scene, to, left, width)
        + body(scene, to)
        + (arrow_mark(arrow, scene, to) if arrow else "")
        + label
    )


def backdrop(scene: Scene, to: View, left: float, width: float) -> str:
    """The props that stand still (mat, chair, wall...) and the floor line."""
    back = "".join(
        f'<path d="{_path([to(p) for p in s.points], s.closed)}"/>'
        for s in scene.shapes
        if not s.front
    )
    floor = ""
    if not to.above:
        floor_y = to((0.0, 0.0, 0.0))[1]
        floor = _stroke(PROP_LINE, 2, f"M{_n(left + 2)} {_n(floor_y)}H{_n(left + width - 2)}")
    group = (
        f'<g fill="{PROP_FILL}" stroke="{PROP_LINE}" stroke-width="2" '
        f'stroke-linejoin="round">{back}</g>'
    )
    return (group if back else "") + floor


def body(scene: Scene, to: View) -> str:
    """The body, with any prop it holds (a band, a towel)."""
    points = scene.posture.points
    far_side = _far_side(scene, to)
    limbs: dict[str, list[str]] = {"far": [], "near": []}
    feet: dict[str, list[str]] = {"far": [], "near": []}
    for side in ("right", "left"):
        depth = "far" if side == far_side else "near"
        for chain in (ARM, LEG):
            limbs[depth].append(_path([to(points[f"{side}_{j}"]) for j in chain]))
        feet[depth].append(_path([to(points[f"{side}_{j}"]) for j in FOOT]))
    # The trunk as a band through both shoulders, the waist and both hips: a line in
    # profile, a trunk-shaped outline from the front.
    outline = (
        "right_shoulder",
        "right_waist",
        "right_hip",
        "left_hip",
        "left_waist",
        "left_shoulder",
    )
    torso = _path([to(points[j]) for j in outline], closed=True)
    neck = _path([to(points["chest"]), to(points["head"])])
    front = "".join(_path([to(p) for p in s.points]) for s in scene.shapes if s.front)
    head_x, head_y = to(points["head_centre"])
    out = [
        '<g fill="none" stroke-linecap="round" stroke-linejoin="round">',
        _stroke(FAR, 2 * LIMB_RADIUS, "".join(limbs["far"])),
        _stroke(FAR, 8, "".join(feet["far"])),
        _stroke(INK, 2 * TORSO_RADIUS, torso).replace("<path", f'<path fill="{INK}"'),
        _stroke(INK, 2 * LIMB_RADIUS, "".join(limbs["near"]) + neck),
        _stroke(INK, 8, "".join(feet["near"])),
        _stroke(PROP_LINE, 3, front),
        _face(scene, to),
        "</g>",
        f'<circle fill="{INK}" cx="{_n(head_x)}" cy="{_n(head_y)}" r="{HEAD_RADIUS:g}"/>',
        _nose_dot(scene, to),
    ]
    return "".join(out)


def _dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def _far_side(scene: Scene, view: View) -> str | None:
    """Which side of the body is farther from the viewer (drawn grey), if either."""
    right = scene.posture.frames["pelvis"][2]
    toward = _dot(right, view.toward_viewer())
    if abs(toward) >= 0.5:
        return "left" if toward > 0 else "right"
    if abs(right[1]) >= 0.5:
        return "left" if right[1] > 0 else "right"
    return None


def _facing(scene: Scene) -> tuple[Vec, Vec]:
    head = scene.posture.point("head_centre")
    nose = scene.posture.point("nose")
    return head, scale(sub(nose, head), 1 / HEAD_RADIUS)


def _face(scene: Scene, to: View) -> str:
    """A nose tick beside the head when the face is seen from the side."""
    head, facing = _facing(scene)
    if abs(_dot(facing, to.toward_viewer())) > 0.6:
        return ""
    start, end = to(add(head, scale(facing, 8))), to(add(head, scale(facing, 14)))
    return _stroke(INK, 5, _path([start, end]))


def _nose_dot(scene: Scene, to: View) -> str:
    """A light dot on the face when it is turned toward the viewer."""
    head, facing = _facing(scene)
    if _dot(facing, to.toward_viewer()) <= 0.6:
        return ""
    x, y = to(add(head, scale(facing, 6)))
    return f'<circle fill="#fff" cx="{_n(x)}" cy="{_n(y)}" r="2.5"/>'


def arrow_mark(ends: tuple[Vec, Vec], scene: Scene, to: View) -> str:
    """A curved arrow beside the path of a point that moved from `ends[0]` to `ends[1]`."""
    (x0, y0), (x1, y1) = to(ends[0]), to(ends[1])
    dx, dy = x1 - x0, y1 - y0
    length = math.hypot(dx, dy)
    if length < 0.5:
        return ""
    ux, uy = dx / length, dy / length
    if length < 12:
        # A small movement: a short straight arrow ending just short of the point.
        sx, sy = x1 - ux * 18, y1 - uy * 18
        ex, ey = x1 - ux * 3, y1 - uy * 3
        cx, cy = (sx + ex) / 2, (sy + ey) / 2
    else:
        # Drawn beside the path of the point, bulging away from the body's middle.
        px, py = to(scene.posture.point("pelvis"))
        nx, ny = -uy, ux
        if ((x0 + x1) / 2 - px) * nx + ((y0 + y1) / 2 - py) * ny < 0:
            nx, ny = -nx, -ny
        off = ARROW_OFFSET
        sx, sy = x0 + ux * 4 + nx * off, y0 + uy * 4 + ny * off
        ex, ey = x1 - ux * 4 + nx * off, y1 - uy * 4 + ny * off
        mx, my = (sx + ex) / 2, (sy + ey) / 2
        cx, cy = mx + nx * 0.2 * length, my + ny * 0.2 * length
    tx, ty = ex - cx, ey - cy
    norm = math.hypot(tx, ty) or 1.0
    tx, ty = tx / norm, ty / norm
    head = [
        (ex + tx * 6, ey + ty * 6),
        (ex - tx * 3 - ty * 5, ey - ty * 3 + tx * 5),
        (ex - tx * 3 + ty * 5, ey - ty * 3 - tx * 5),
    ]
    curve = f"M{_n(sx)} {_n(sy)}Q{_n(cx)} {_n(cy)} {_n(ex)} {_n(ey)}"
    return (
        f'<path fill="none" stroke="{ARROW}" stroke-width="3" stroke-linecap="round" '
        f'd="{curve}"/><path fill="{ARROW}" d="{_path(head, True)}"/>'
    )


def _chevron(x: float, y: float) -> str:
    d = f"M{_n(x - 4)} {_n(y - 8)}L{_n(x + 4)} {_n(y)}L{_n(x - 4)} {_n(y + 8)}"
    return (
        f'<path fill="none" stroke="{PROP_LINE}" stroke-width="3" stroke-linecap="round" '
        f'stroke-linejoin="round" d="{d}"/>'
    )
