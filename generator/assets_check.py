"""Files the catalog points to (exercise pictures) must exist inside the content folder."""

from __future__ import annotations

from pathlib import Path

from .errors import Problem
from .model import Catalog
from .source_map import SourceMap


def check_images(catalog: Catalog, source: SourceMap, content_dir: Path) -> list[Problem]:
    """A located problem for every picture that is missing or lies outside `content_dir`."""
    root = content_dir.resolve()
    problems: list[Problem] = []
    for i, exercise in enumerate(catalog.exercises):
        if exercise.image is None:
            continue
        path = ("exercises", i, "image", "path")
        target = (root / exercise.image.path).resolve()
        if not target.is_relative_to(root):
            problems.append(source.problem(path, f"must stay inside {content_dir}"))
        elif not target.is_file():
            where = f"{content_dir}/{exercise.image.path}"
            problems.append(source.problem(path, f"file not found: {where}"))
    return problems
