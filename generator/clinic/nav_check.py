"""The site's navigation (`nav` in `mkdocs.yml`) against the pages it can list.

A strict build refuses a content page left out of `nav` ("not included in the nav") when the
settings ask for that (`validation: omitted_files: warn`), and a `nav` entry naming a page that
does not exist. `check` refuses both first, located: a missing page is reported at the line of
`mkdocs.yml` after which it belongs, with the exact line to add there. Pages join the nav by
hand, not by themselves, so that the clinic chooses their title and place.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.catalog.load import read_bounded
from generator.clinic.content_pages import split_front_matter
from generator.clinic.url_rules import link_problem
from generator.source.errors import Problem, SettingsError
from generator.source.source_map import SourceMap
from generator.source.yaml_source import read_yaml

_HEADING = re.compile(r"^#[ \t]+(?P<title>.+?)[ \t#]*$", re.MULTILINE)
_PLAIN_TITLE = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ,.'()?!&-]*")
_EXTERNAL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:|^/")


@dataclass(frozen=True)
class NavPage:
    """A page the nav lists: its source uri, where it is written, and the column of its dash."""

    uri: str
    line: int
    column: int
    dash: int


def check_nav(
    config_file: Path, display: str, docs_dir: Path, generated: Iterable[str]
) -> list[Problem]:
    """Every page the strict build would refuse for the nav's sake, located in `mkdocs.yml`."""
    if not config_file.is_file():
        return []
    try:
        text = read_bounded(config_file, display, error=SettingsError).decode("utf-8")
    except (SettingsError, UnicodeDecodeError):
        return []  # the settings' own check reports an unreadable file
    data, source, _ = read_yaml(text, display)
    if not isinstance(data, dict) or not isinstance(data.get("nav"), list):
        return []  # without a nav, MkDocs lists every page itself
    listed = list(_nav_pages(data["nav"], ("nav",), source))
    content = sorted(_content_pages(docs_dir))
    made = set(generated)
    known = {*content, *made}
    problems = list(_unsafe_entries(data["nav"], ("nav",), source))
    problems += [
        Problem(display, page.line, page.column, "nav", _not_found(page.uri, docs_dir.name))
        for page in listed
        if page.uri not in known
    ]
    if _omitted_files_refused(data.get("validation")):
        in_nav = {page.uri for page in listed}
        left_out = [uri for uri in content if uri not in in_nav | made]  # a clash is reported
        problems += [_omitted(uri, docs_dir, listed, display, source) for uri in left_out]
    return problems


def _nav_pages(items: Any, path: tuple[str | int, ...], source: SourceMap) -> Iterable[NavPage]:
    if not isinstance(items, list):
        return
    for index, item in enumerate(items):
        here = (*path, index)
        if isinstance(item, str):
            target, at, dash = item, here, True
        elif isinstance(item, dict) and len(item) == 1:
            title, target = next(iter(item.items()))
            at, dash = (*here, title), False
            if isinstance(target, list):
                yield from _nav_pages(target, at, source)
                continue
        else:
            continue
        if not isinstance(target, str) or _EXTERNAL.match(target):
            continue
        line, column = source.locate(at)
        key_column = source.locate(at, key=True)[1] if not dash else column
        uri = posixpath.normpath(target.replace("\\", "/"))
        yield NavPage(uri, line, column, max(key_column - 2, 1))


def _unsafe_entries(
    items: Any, path: tuple[str | int, ...], source: SourceMap
) -> Iterable[Problem]:
    """Menu titles the theme prints as HTML, and links that run script, located: the menu is
    on every page."""
    for index, item in enumerate(items if isinstance(items, list) else []):
        here: tuple[str | int, ...] = (*path, index)
        target = item
        if isinstance(item, dict) and len(item) == 1:
            title, target = next(iter(item.items()))
            here = (*here, title)
            if isinstance(title, str) and "<" in title:
                message = "a menu title is shown as HTML on every page; remove '<' from it"
                yield source.problem(here, message, key=True)
            if isinstance(target, list):
                yield from _unsafe_entries(target, here, source)
                continue
        if isinstance(target, str) and (problem := link_problem(target)) is not None:
            yield source.problem(here, problem)


def _content_pages(docs_dir: Path) -> Iterable[str]:
    """The Markdown pages MkDocs publishes from the content folder (not hidden ones)."""
    if not docs_dir.is_dir():
        return
    for page in docs_dir.rglob("*.md"):
        uri = page.relative_to(docs_dir).as_posix()
        if not any(part.startswith(".") for part in uri.split("/")):
            yield uri


def _omitted_files_refused(validation: Any) -> bool:
    """Whether the settings make a page left out of the nav a warning (a strict build fails)."""
    if not isinstance(validation, dict):
        return False
    nav = validation.get("nav")
    level = nav.get("omitted_files") if isinstance(nav, dict) else None
    return (level or validation.get("omitted_files")) == "warn"


def _omitted(
    uri: str, docs_dir: Path, listed: list[NavPage], display: str, source: SourceMap
) -> Problem:
    """Where the page belongs (after the last page of its folder, else after the last page) and
    the exact line to add there."""
    folder = posixpath.dirname(uri)
    beside = [page for page in listed if posixpath.dirname(page.uri) == folder and folder]
    after = beside[-1] if beside else (listed[-1] if listed else None)
    if after is None:
        line, dash = source.locate(("nav",))[0], 3
    else:
        line, dash = after.line, after.dash
    entry = " " * (dash - 1) + f"- {_yaml_title(_title(docs_dir / uri, uri))}: {uri}"
    message = (
        f"{docs_dir.name}/{uri} is not in the nav, and the strict build refuses it "
        f"(not included in the nav); add this line after line {line} of {display} "
        f"(with its spaces): `{entry}` (or delete the page)"
    )
    return Problem(display, line, dash, "nav", message)


def _title(page: Path, uri: str) -> str:
    """The page's title: its front matter's, its first heading, or its file name in words."""
    try:
        text = page.read_text(encoding="utf-8", errors="replace")
    except OSError:
        text = ""
    front, body = split_front_matter(text)  # parsed as the page check parses it
    title = front.get("title")
    if isinstance(title, str) and title.strip():
        return title.strip()
    heading = _HEADING.search(body)
    if heading:
        return heading["title"].strip("\"'")
    words = posixpath.splitext(posixpath.basename(uri))[0].replace("-", " ").replace("_", " ")
    return words[:1].upper() + words[1:]


def _yaml_title(title: str) -> str:
    """The title as a YAML key: plain when that reads the same, else double-quoted."""
    return title if _PLAIN_TITLE.fullmatch(title) else json.dumps(title, ensure_ascii=False)


def _not_found(uri: str, folder: str) -> str:
    return (
        f"the nav lists {uri}, but there is no such page ({folder}/{uri} or a catalog page); "
        "correct the path or remove the line"
    )
