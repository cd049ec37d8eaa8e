"""Figure checks on a loaded catalog: clinic poses and every exercise's figure, located."""

from __future__ import annotations

from collections.abc import Iterator

from generator.catalog.model import Catalog
from generator.figures.check import check_figure, contact_problems, joint_problems
from generator.figures.motion import motion_problems
from generator.figures.poses import base_problems, resolve_panel, with_clinic_poses
from generator.figures.rests import rest_problems
from generator.figures.spec import Panel
from generator.source.errors import Path, Problem
from generator.source.source_map import SourceMap


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
