"""What `content/` may publish: an allow-list of file types, each checked by its content.

Pages (`.md`), pictures (`.png`, `.jpg`, `.jpeg`, `.gif`, `.webp`, `.svg`), videos (`.mp4`,
`.webm`) and their captions (`.vtt`) are published; anything else (an `.html` page, a `.js`
file, a PDF, a file whose extension is written in capitals) is a located error that says
what to do. A link to a file outside `content/`, a link to a folder, a link that leads
nowhere, a hard link and anything that is not an ordinary file are refused too: the site
must publish only what the clinic put there. Hidden files and folders (`.git`, `.DS_Store`)
are not published (MkDocs leaves them out) and are not checked.
"""

from __future__ import annotations

import os
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from generator.clinic.media_checks import (
    IMAGE_FORMATS,
    VIDEO_TYPES,
    captions_problem,
    image_problem,
    video_problem,
)
from generator.clinic.svg_check import svg_problems
from generator.source.errors import Problem

PAGE = ".md"
PICTURES = (*IMAGE_FORMATS, ".svg")
ALLOWED = frozenset({PAGE, *PICTURES, *VIDEO_TYPES, ".vtt"})
MAX_IMAGE = 50 * 1024 * 1024
MAX_TEXT = 5 * 1024 * 1024  # SVG drawings and captions
WHAT_IS_PUBLISHED = (
    "only pages (.md), pictures (.png, .jpg, .jpeg, .gif, .webp, .svg), videos (.mp4, .webm) "
    "and captions (.vtt) are published from content/"
)
_WHY_NOT = {
    ".html": "an HTML file would be published without the site's protections; "
    "write the page in Markdown (.md)",
    ".htm": "an HTML file would be published without the site's protections; "
    "write the page in Markdown (.md)",
    ".js": "scripts come from the theme only; remove it",
    ".mjs": "scripts come from the theme only; remove it",
    ".css": "styles come from the theme (theme/assets/stylesheets/); move it there",
    ".pdf": "PDF files are not published (they can hold scripts and links of their own); "
    "put the text in a page (.md), which also prints",
    ".srt": "captions must be WebVTT; convert the file to .vtt",
    ".markdown": "rename it with the extension .md",
}


@dataclass(frozen=True)
class ContentFile:
    """A file `content/` publishes: its address in the site and the file to read."""

    uri: str
    path: Path


# Characters HTML or an address read as markup or quoting.
_MARKUP = frozenset("<>\"'&`\\")


@dataclass(frozen=True)
class ContentWalk:
    files: list[ContentFile]
    problems: list[Problem]


def walk_content(docs_dir: Path) -> ContentWalk:
    """Every file `docs_dir` publishes (sorted), and every file it must not publish, located."""
    root = docs_dir.resolve()
    files: list[ContentFile] = []
    problems: list[Problem] = []
    for folder, dirs, names in os.walk(docs_dir, followlinks=False):
        here = Path(folder)
        kept = []
        for name in sorted(dirs):
            if name.startswith("."):
                continue
            if (naming := _name_problem(name)) is not None:
                problems.append(_problem(docs_dir, here / name, naming))
            elif (here / name).is_symlink():
                message = "is a link to a folder; copy the files into content/ instead"
                problems.append(_problem(docs_dir, here / name, message))
            else:
                kept.append(name)
        dirs[:] = kept
        for name in sorted(names):
            if name.startswith("."):
                continue
            path = here / name
            if (naming := _name_problem(name)) is not None:
                problems.append(_problem(docs_dir, path, naming))
                continue
            target, problem = _target(path, root)
            if problem is not None:
                problems.append(_problem(docs_dir, path, problem))
                continue
            uri = path.relative_to(docs_dir).as_posix()
            if (kind := _kind_problem(name)) is not None:
                problems.append(_problem(docs_dir, path, kind))
                continue
            files.append(ContentFile(uri, target))
    files.sort(key=lambda f: f.uri)
    return ContentWalk(files, problems)


def check_media(docs_dir: Path, files: list[ContentFile]) -> list[Problem]:
    """Every picture, drawing, video and captions file checked by what it holds."""
    problems: list[Problem] = []
    for file in files:
        name = f"{docs_dir.name}/{file.uri}"
        suffix = Path(file.uri).suffix
        try:
            found = _media(file.path, suffix)
        except OSError as error:
            found = [(1, 1, f"cannot be read: {error.strerror or error}")]
        problems.extend(Problem(name, line, column, "", m) for line, column, m in found)
    return problems


def _media(path: Path, suffix: str) -> list[tuple[int, int, str]]:
    size = path.stat().st_size
    if suffix == PAGE:
        return []
    limit = MAX_IMAGE if suffix in IMAGE_FORMATS or suffix in VIDEO_TYPES else MAX_TEXT
    if size > limit and suffix not in VIDEO_TYPES:
        return [(1, 1, f"is larger than {limit // (1024 * 1024)} MB; make it smaller")]
    if suffix in IMAGE_FORMATS:
        problem = image_problem(path, suffix)
    elif suffix in VIDEO_TYPES:
        with path.open("rb") as video:
            problem = video_problem(video.read(8192), suffix)
    elif suffix == ".svg":
        return svg_problems(path.read_bytes())
    else:
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError:
            return [(1, 1, "is not UTF-8 text; save the captions as UTF-8 WebVTT")]
        problem = captions_problem(text)
    return [] if problem is None else [(1, 1, problem)]


def _name_problem(name: str) -> str | None:
    """Why a file or folder name cannot be published (None: it can). A name becomes an
    address and, for a page or folder without a title, the menu's text, which themes print as
    HTML: markup characters, controls and invisible format characters (a right-to-left
    override that disguises `gnp.md` as `md.png`) are refused."""
    for char in name:
        if char in _MARKUP or unicodedata.category(char) in {"Cc", "Cf", "Zl", "Zp"}:
            shown = char if char in _MARKUP else f"U+{ord(char):04X}"
            return (
                f"its name holds '{shown}', which cannot be in an address or a menu; "
                "rename it with letters, digits, '-' and '_' only"
            )
    return None


def _kind_problem(name: str) -> str | None:
    """Why a file of this name is not published (None: its type is allowed)."""
    suffix = Path(name).suffix
    if suffix in ALLOWED:
        return None
    if suffix.lower() in ALLOWED:
        return f"rename it with a lower-case extension ({suffix.lower()})"
    why = _WHY_NOT.get(suffix.lower())
    if why is not None:
        return f"{suffix.lower()} files are not published: {why}"
    return f"cannot be published: {WHAT_IS_PUBLISHED}; remove it or move it out of content/"


def _target(path: Path, root: Path) -> tuple[Path, str | None]:
    """The file to read for `path` and why it may not be published (None: it may)."""
    try:
        status = path.lstat()
        if stat.S_ISLNK(status.st_mode):
            target = path.resolve(strict=True)
            if not target.is_relative_to(root):
                return path, (
                    "is a link to a file outside content/; copy the file into content/ instead"
                )
            status = target.stat()
            path = target
    except (OSError, RuntimeError):
        return path, "is a link that leads nowhere (or to itself); remove it"
    if not stat.S_ISREG(status.st_mode):
        return path, "is not an ordinary file (a device, pipe or socket); remove it"
    if status.st_nlink > 1:
        return path, "is a hard link to another file; copy the file instead"
    return path, None


def _problem(docs_dir: Path, path: Path, message: str) -> Problem:
    return Problem(f"{docs_dir.name}/{path.relative_to(docs_dir).as_posix()}", 1, 1, "", message)
