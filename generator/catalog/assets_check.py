"""Files the catalog points to (exercise pictures, videos with their captions and posters) must
exist inside the content folder."""

from __future__ import annotations

from pathlib import Path

from generator.catalog.model import Catalog, VideoFile
from generator.source.errors import Problem
from generator.source.source_map import SourceMap


def check_images(catalog: Catalog, source: SourceMap, content_dir: Path) -> list[Problem]:
    """A located problem for every picture that is missing or lies outside `content_dir`."""
    root = content_dir.resolve()
    problems: list[Problem] = []
    for i, exercise in enumerate(catalog.exercises):
        files: list[tuple[tuple[str | int, ...], str]] = []
        if exercise.image is not None:
            files.append((("exercises", i, "image", "path"), exercise.image.path))
        if isinstance(exercise.video, VideoFile):
            for field in ("path", "captions", "poster"):
                files.append((("exercises", i, "video", field), getattr(exercise.video, field)))
        for path, name in files:
            target = (root / name).resolve()
            if not target.is_relative_to(root):
                problems.append(source.problem(path, f"must stay inside {content_dir}"))
            elif not target.is_file():
                problems.append(source.problem(path, f"file not found: {content_dir}/{name}"))
    return problems
