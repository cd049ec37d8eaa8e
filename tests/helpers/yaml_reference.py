"""The YAML reader as it was before its fast paths: the reference the tests compare against.

Kept only for tests: each event goes through small helper methods, every scalar through
PyYAML's resolver and constructor, and the source map is filled as flat tables.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from generator.source.errors import Path, Problem, format_path
from generator.source.text_safety import FORBIDDEN
from generator.source.yaml_hints import merged_item_message
from generator.source.yaml_scalars import ScalarError, check_collection_tag, plain, tagged
from generator.source.yaml_source import parse_error

# libyaml's parser when PyYAML was built with it (about ten times faster), else pure Python.
_FastLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_STR_TAG = "tag:yaml.org,2002:str"
_MERGE_TAG = "tag:yaml.org,2002:merge"
MAX_NODES = 3_000_000
MAX_DEPTH = 64
MAX_BYTES = 40 * 1024 * 1024


@dataclass
class SourceMap:
    """Line and column (1-based) of every value and mapping key, by data path."""

    file: str
    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def locate(self, path: Path, *, key: bool = False) -> tuple[int, int]:
        """Nearest known position for `path`, walking up to a parent if needed."""
        table = self.keys if key else self.values
        if path in table:
            return table[path]
        while path:
            path = path[:-1]
            if path in self.values:
                return self.values[path]
        return (1, 1)

    def problem(self, path: Path, message: str, *, key: bool = False) -> Problem:
        line, column = self.locate(path, key=key)
        return Problem(self.file, line, column, format_path(path), message)


class _Frame:
    """A mapping or sequence being built; `path` is None for one that is not recorded (a key,
    or the value of a refused key)."""

    __slots__ = ("anchor", "before", "key", "key_at", "mark", "path", "skip", "value")

    def __init__(self, value: Any, path: Path | None, mark: Any, anchor: str | None, before: int):
        self.value = value
        self.path = path
        self.mark = mark
        self.anchor = anchor
        self.before = before
        self.key: Any = _NO_KEY  # a mapping waiting for its next key
        self.key_at: tuple[int, int] = (1, 1)
        self.skip = False  # the pending key was refused: build its value but do not keep it


_NO_KEY = object()


class _Builder:
    """Builds plain data straight from libyaml's events, in one pass and without recursion.

    Composing PyYAML nodes first costs about three times as much. The pass also enforces the
    limits: nesting depth (before any recursion could happen), node count, and aliases, which
    reuse the anchored value and only add its size to the count (an alias bomb is refused
    without being expanded).
    """

    def __init__(self, source: SourceMap) -> None:
        self.source = source
        self.loader = yaml.SafeLoader("")
        self.nodes = 0
        self.problems: list[Problem] = []
        self.anchors: dict[str, tuple[Any, int, Any]] = {}
        self.stack: list[_Frame] = []
        self.root: Any = None
        self.root_mark: Any = None
        self.documents = 0

    @staticmethod
    def at(mark: Any) -> tuple[int, int]:
        return (mark.line + 1, mark.column + 1)

    def _count(self, size: int) -> None:
        self.nodes += size
        if self.nodes > MAX_NODES:
            raise _TooBig("the document is too large or uses too many aliases")

    def build(self, text: str) -> bool:
        """Read every event of `text`; False when the stream holds no document."""
        stack = self.stack
        scalar_event = yaml.ScalarEvent
        events: Iterator[Any] = yaml.parse(text, Loader=_FastLoader)
        for event in events:
            kind = type(event)
            if kind is scalar_event:
                self._count(1)
                tag = event.tag
                value: Any = event.value
                try:
                    if tag is None and event.implicit[0]:
                        value = plain(event.value)
                        tag = _MERGE_TAG if event.value == "<<" else None
                    elif tag is not None:
                        value = tagged(tag, event.value)
                except ScalarError as error:
                    self._refuse(str(error), event)
                    value = event.value if self._is_key() else None
                if isinstance(value, str) and FORBIDDEN.search(value):
                    self._refuse("forbidden character", event)
                if not event.style and event.end_mark.line > event.start_mark.line:
                    self._merged_item(event, text.splitlines())
                if event.anchor is not None:
                    self.anchors[event.anchor] = (value, 1, event.start_mark)
                self._add(value, event.start_mark, tag)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                if len(stack) >= MAX_DEPTH:
                    raise _TooDeep(*self.at(event.start_mark))
                try:
                    check_collection_tag(event.tag, mapping=kind is yaml.MappingStartEvent)
                except ScalarError as error:
                    self._refuse(str(error), event)
                path = self._slot()
                if path is not None:
                    self.source.values[path] = self.at(event.start_mark)
                container: Any = {} if kind is yaml.MappingStartEvent else []
                stack.append(_Frame(container, path, event.start_mark, event.anchor, self.nodes))
                self._count(1)
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                frame = stack.pop()
                if frame.anchor is not None:
                    size = self.nodes - frame.before
                    self.anchors[frame.anchor] = (frame.value, size, frame.mark)
                self._add(frame.value, frame.mark, None, recorded=True)
            elif kind is yaml.AliasEvent:
                if event.anchor not in self.anchors:
                    raise yaml.composer.ComposerError(
                        None, None, "found undefined alias", event.start_mark
                    )
                value, size, mark = self.anchors[event.anchor]
                self._count(size)
                self._add(value, mark, None)
            elif kind is yaml.DocumentStartEvent:
                self.documents += 1
                if self.documents > 1:
                    raise yaml.composer.ComposerError(
                        "expected a single document in the stream",
                        self.root_mark,
                        "but found another document",
                        event.start_mark,
                    )
        return self.documents > 0 and self.root_mark is not None

    def _is_key(self) -> bool:
        top = self.stack[-1] if self.stack else None
        return top is not None and isinstance(top.value, dict) and top.key is _NO_KEY

    def _merged_item(self, event: Any, lines: list[str]) -> None:
        """As the fast reader: a later line of plain text that starts with '- '."""
        start = event.start_mark
        if start.line >= len(lines):
            return
        for number in range(start.line + 1, event.end_mark.line + 1):
            typed = lines[number].lstrip(" ") if number < len(lines) else ""
            if typed == "-" or typed.startswith("- "):
                top = self.stack[-1] if self.stack else None
                in_list = top is not None and isinstance(top.value, list)
                message = merged_item_message(
                    lines[start.line], start.column, in_list, start.line + 1
                )
                at = (number + 1, len(lines[number]) - len(typed) + 1)
                self._refuse(message, event, at)
                return

    def _refuse(self, message: str, event: Any, at: tuple[int, int] | None = None) -> None:
        """As the fast reader: the problem at the node, with its full data path (for a key,
        the path its value would have)."""
        places = [len(f.value) if isinstance(f.value, list) else f.key for f in self.stack]
        path: Path = (*places[:-1], event.value) if self._is_key() else tuple(places)
        path = next((path[:i] for i, p in enumerate(path) if not isinstance(p, str | int)), path)
        line, column = at or self.at(event.start_mark)
        self.problems.append(Problem(self.source.file, line, column, format_path(path), message))

    def _slot(self) -> Path | None:
        """Path of the node starting now, or None when it is a key or a refused key's value."""
        if not self.stack:
            return ()
        top = self.stack[-1]
        if top.path is None:
            return None
        if isinstance(top.value, list):
            return (*top.path, len(top.value))
        if top.key is _NO_KEY or top.skip:
            return None
        return (*top.path, top.key)

    def _add(self, value: Any, mark: Any, tag: str | None, *, recorded: bool = False) -> None:
        """A finished node: store it in its parent (or as the root)."""
        if not self.stack:
            self.root, self.root_mark = value, mark
            if not recorded:
                self.source.values[()] = self.at(mark)
            return
        top = self.stack[-1]
        if isinstance(top.value, list):
            if top.path is not None and not recorded:
                self.source.values[(*top.path, len(top.value))] = self.at(mark)
            top.value.append(value)
        elif top.key is _NO_KEY:
            self._key(top, value, mark, tag)
        else:
            if not top.skip:
                if top.path is not None and not recorded:
                    self.source.values[(*top.path, top.key)] = self.at(mark)
                top.value[top.key] = value
            top.key, top.skip = _NO_KEY, False

    def _key(self, top: _Frame, key: Any, mark: Any, tag: str | None) -> None:
        top.key, top.key_at, top.skip = key, self.at(mark), True
        file = self.source.file
        if tag == _MERGE_TAG:
            self.problems.append(
                Problem(file, *top.key_at, "", "'<<' merge keys are not supported")
            )
        elif not isinstance(key, str):
            where = format_path(top.path or ())
            self.problems.append(Problem(file, *top.key_at, where, f"key {key!r} must be text"))
        elif key in top.value:
            child = (*(top.path or ()), key)
            first = self.source.keys.get(child, top.key_at)
            self.problems.append(
                Problem(
                    file,
                    *top.key_at,
                    format_path(child),
                    f"duplicate key '{key}' (first written at line {first[0]})",
                )
            )
        else:
            top.skip = False
            if top.path is not None:
                self.source.keys[(*top.path, key)] = top.key_at


class _TooBig(Exception):
    pass


class _TooDeep(Exception):
    def __init__(self, line: int, column: int) -> None:
        super().__init__(f"the document is nested more than {MAX_DEPTH} levels deep")
        self.line, self.column = line, column


def read_yaml(text: str, file: str) -> tuple[Any, SourceMap, list[Problem]]:
    """Parse `text`; return the data, its source map, and any problems (data is None on failure)."""
    source = SourceMap(file)
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        size_mb = MAX_BYTES // (1024 * 1024)
        return None, source, [Problem(file, 1, 1, "", f"the file is larger than {size_mb} MB")]
    if text.startswith("\ufeff"):
        text = text[1:]
    builder = _Builder(source)
    try:
        found = builder.build(text)
    except yaml.MarkedYAMLError as error:
        if isinstance(error, yaml.constructor.ConstructorError):
            mark = error.problem_mark
            line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            message = f"cannot read value: {error.problem}"
            return None, source, [Problem(file, line, column, "", message)]
        line, column, message = parse_error(error, text)
        return None, source, [Problem(file, line, column, "", message)]
    except yaml.YAMLError as error:
        return None, source, [Problem(file, 1, 1, "", f"not valid YAML: {error}")]
    except _TooDeep as error:
        return None, source, [Problem(file, error.line, error.column, "", str(error))]
    except _TooBig as error:
        return None, source, [Problem(file, 1, 1, "", str(error))]
    if not found:
        return None, source, [Problem(file, 1, 1, "", "the file is empty")]
    data = builder.root
    if not isinstance(data, dict):
        message = "the top level must be a mapping with sections (references, exercises, ...)"
        return None, source, [Problem(file, *builder.at(builder.root_mark), "", message)]
    return data, source, builder.problems
