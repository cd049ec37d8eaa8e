"""An exercise's picture: a figure drawn from its poses, or an image file the clinic supplies."""

from __future__ import annotations

from dataclasses import dataclass

from generator.catalog.addresses import figure_uri, motion_uri, thumbnail_uri
from generator.catalog.model import Catalog, Exercise
from generator.figures import Figure, render_figure
from generator.figures.motion import render_motion


@dataclass(frozen=True)
class Picture:
    """What a page needs to show a picture: its site path, alt text and (if known) size."""

    uri: str
    alt: str
    width: int | None = None
    height: int | None = None
    thumb_uri: str | None = None  # a small version for lists (a figure's last picture)
    motion_uri: str | None = None  # the movement between a figure's pictures, animated


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
