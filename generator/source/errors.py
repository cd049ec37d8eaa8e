"""Located problems of a project's files: `FILE:LINE:COL: path: message`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.source.text_safety import visible

Path = tuple[str | int, ...]


def format_path(path: Path) -> str:
    """Render a data path the way an author reads it: `exercises[3].dosage.sets`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the catalog, with where it is (1-based line and column)."""

    file: str
    line: int
    column: int
    path: str
    message: str

    def __str__(self) -> str:
        """The problem on one line; control and invisible characters written as `U+202E`."""
        where = f"{visible(self.path)}: " if self.path else ""
        return f"{visible(self.file)}:{self.line}:{self.column}: {where}{visible(self.message)}"


class ProjectError(Exception):
    """Raised when a project's files cannot be used; carries every problem found, located.

    The pipeline raises it for problems of several files at once; its subclasses name the file
    a problem came from when one reader finds them.
    """

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def report(self) -> str:
        """The problems, one per line, followed by a count."""
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        return f"{self}\n{count} {noun} found."


class CatalogError(ProjectError):
    """The catalog (`exercises.yaml`, its poses and pictures) cannot be used."""


class SettingsError(ProjectError):
    """The site settings (`mkdocs.yml`: `extra.clinic`, `site_url`, `docs_dir`) cannot be used."""
