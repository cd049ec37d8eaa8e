"""An exercise's picture: a figure drawn from its poses, or an image file the clinic supplies."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .errors import Path, Problem
from .figures import Figure, render_figure
from .figures.check import check_figure, contact_problems, joint_problems
from .figures.motion import motion_problems, render_motion
from .figures.poses import base_problems, resolve_panel, with_clinic_poses
from .figures.rests import rest_problems
from .figures.spec import Panel
from .model import Catalog, Exercise
from .source_map import SourceMap

FIGURE_DIR = "figures"


@dataclass(frozen=True)
class Picture:
    """What a page needs to show a picture: its site path, alt text and (if known) size."""

    uri: str
    alt: str
    width: int | None = None
    height: int | None = None
    thumb_uri: str | None = None  # a small version for lists (a figure's last picture)
    motion_uri: str | None = None  # the movement between a figure's pictures, animated


def figure_uri(exercise_id: str) -> str:
    return f"{FIGURE_DIR}/{exercise_id}.svg"


def thumbnail_uri(exercise_id: str) -> str:
    return f"{FIGURE_DIR}/small/{exercise_id}.svg"


def motion_uri(exercise_id: str) -> str:
    return f"{FIGURE_DIR}/motion/{exercise_id}.svg"


def thumbnail(figure: Figure) -> Figure:
    """The last picture of a figure alone: the position a list needs to show."""
    last = figure.panels[-1].model_copy(update={"arrow": None})
    return Figure(panels=[last], alt=figure.alt).using(figure.poses)


def exercise_picture(exercise: Exercise) -> Picture | None:
    """The clinic's image if it gave one, else the drawn figure, else nothing."""
    if exercise.image is not None:
        return Picture(exercise.image.path, exercise.image.alt)
    if exercise.figure is not None:
        drawn = render_figure(exercise.figure)
        uri = figure_uri(exercise.id)
        moving = motion_uri(exercise.id) if render_motion(exercise.figure) else None
        return Picture(
            uri, drawn.alt, drawn.width, drawn.height, thumbnail_uri(exercise.id), moving
        )
    return None


def figure_files(catalog: Catalog) -> dict[str, str]:
    """The SVG files of every drawn figure and its thumbnail, keyed by site path."""
    files: dict[str, str] = {}
    for exercise in catalog.exercises:
        if exercise.figure is not None and exercise.image is None:
            files[figure_uri(exercise.id)] = render_figure(exercise.figure).svg + "\n"
            small = render_figure(thumbnail(exercise.figure)).svg + "\n"
            files[thumbnail_uri(exercise.id)] = small
            moving = render_motion(exercise.figure)
            if moving is not None:
                files[motion_uri(exercise.id)] = moving.svg + "\n"
    return files


def check_figures(catalog: Catalog, source: SourceMap) -> list[Problem]:
    """Located problems of the clinic's poses, and of every figure: unknown or impossible
    poses, pictures too alike, a body not resting as the exercise's position and steps say."""
    problems = [source.problem(("poses", *path), text) for path, text in _pose_problems(catalog)]
    library = with_clinic_poses(catalog.poses)
    for i, exercise in enumerate(catalog.exercises):
        figure = exercise.figure
        if figure is None:
            continue
        found = check_figure(figure, library)
        for path, message in found:
            problems.append(source.problem(("exercises", i, "figure", *path), message))
        if found or figure.placeholder:
            continue
        for path, message in motion_problems(figure, library):
            problems.append(source.problem(("exercises", i, "figure", *path), message))
        poses = [resolve_panel(panel, library) for panel in figure.panels]
        for message in rest_problems(exercise.position.value, exercise.steps, poses):
            problems.append(source.problem(("exercises", i, "figure"), message))
    return problems


def _pose_problems(catalog: Catalog) -> Iterator[tuple[Path, str]]:
    """The clinic's poses checked like the shipped library: bases, joint ranges, contacts."""
    library = with_clinic_poses(catalog.poses)
    for name, pose in catalog.poses.items():
        bad = list(base_problems(name, pose, library.poses))
        for message in bad:
            yield (name, "base") if pose.base else (name,), message
        if bad:
            continue
        resolved = resolve_panel(Panel(pose=name), library)
        changed = {str(joint) for joint in pose.joints}
        for joint, message in joint_problems(resolved):
            yield ((name, "joints", joint) if joint in changed else (name,)), message
        for message in contact_problems(resolved):
            yield ((name, "contacts") if pose.contacts is not None else (name,)), message
