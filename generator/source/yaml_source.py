"""Read YAML into plain data while remembering where every key and value was written.

libyaml's parser gives events with positions; we build the data ourselves so that we can
reject what PyYAML silently accepts (duplicate keys, alias bombs, non-string keys) and keep
a map from each data path to its line and column.
"""

from __future__ import annotations

import bisect
from typing import Any

import yaml

from generator.source.errors import Path, Problem, format_path
from generator.source.source_map import COLUMN_BITS, SourceMap, Tree, line_column
from generator.source.text_safety import FORBIDDEN, forbidden_message
from generator.source.yaml_characters import Written, forbidden_characters, raw_problems, unreadable
from generator.source.yaml_hints import (
    colon_message,
    hash_comment_message,
    indentation_message,
    merged_item_message,
    missing_space_message,
)
from generator.source.yaml_scalars import (
    FIRSTS,
    MERGE_TAG,
    STR_TAG,
    ScalarError,
    check_collection_tag,
    plain,
    tagged,
)

# libyaml's parser when PyYAML was built with it (about ten times faster), else pure Python.
_FastLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_STR_TAG = STR_TAG
_MERGE_TAG = MERGE_TAG
MAX_NODES = 3_000_000
MAX_DEPTH = 64
MAX_BYTES = 40 * 1024 * 1024

_NO_KEY = object()
_FIRSTS = FIRSTS


def needs_resolver(value: str, implicit: tuple[bool, bool]) -> bool:
    """False when this untagged scalar is text whatever it says: it is quoted, or plain with a
    first character that starts no other type (most values)."""
    return implicit[0] and value[:1] in _FIRSTS


class _Builder:
    """Builds plain data straight from libyaml's events, in one pass and without recursion.

    Composing PyYAML nodes first costs about three times as much. The pass also enforces the
    limits: nesting depth (before any recursion could happen), node count, and aliases, which
    reuse the anchored value and only add its size to the count (an alias bomb is refused
    without being expanded). The event loop is written out in one method, with locals: it
    runs once per event, close to a million times for a large catalog.
    """

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.anchors: dict[str, tuple[Any, int, int]] = {}
        self.stack: list[tuple[Any, ...]] = []
        self.resolved: dict[str, Any] = {}  # plain scalar -> value (it depends on the text alone)
        self.refused: set[Path] = set()  # values refused here (their validation errors are noise)
        self.raw: list[Written] = []  # the forbidden characters written in the file
        self.claimed: set[Written] = set()  # those reported with a value's path
        self.checking = False  # check every text value (the file holds forbidden characters)
        self.root: Any = None
        self.root_mark: Any = None
        self.tree = Tree()
        self.documents = 0
        self.text = ""
        self._lines: list[str] | None = None

    @staticmethod
    def at(mark: Any) -> tuple[int, int]:
        return (mark.line + 1, mark.column + 1)

    def build(self, text: str) -> bool:
        """Read every event of `text`; False when the stream holds no document."""
        self.text = text
        parser = _FastLoader(text)
        try:
            self._events(parser.get_event)
        finally:
            parser.dispose()
        return self.documents > 0 and self.root_mark is not None

    def _events(self, next_event: Any) -> None:
        """The event loop. The innermost container's state lives in locals: `container`, the
        places of its recorded `children` and the positions of its `keys` (both None when it
        is not recorded: a key, or the value of a refused key; `keys` is None for a
        sequence), the pending `key` of a mapping and whether it was refused (`skip`: the
        value is built but not kept), its `anchor`, the node count `before` it and its
        `start`. The stack holds the same nine values for each container around it."""
        stack, anchors, tree = self.stack, self.anchors, self.tree
        starts, tree_children, tree_keys = tree.starts, tree.children, tree.keys
        scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
        mapping_start, sequence_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
        mapping_end, sequence_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
        str_tag, merge_tag, no_key, firsts = _STR_TAG, _MERGE_TAG, _NO_KEY, _FIRSTS
        resolved = self.resolved
        checking = self.checking
        container: Any = None  # None outside the root
        children: Any = None
        keys: dict[str, int] | None = None
        key: Any = no_key
        skip = in_list = False
        anchor: str | None = None
        before = start = nodes = 0
        while (event := next_event()) is not None:
            kind = type(event)
            if kind is scalar_event:
                nodes += 1
                if nodes > MAX_NODES:
                    raise _TooBig(_TOO_BIG)
                mark = event.start_mark
                position = mark.line << COLUMN_BITS | mark.column
                value = event.value
                tag = event.tag
                if tag is None:
                    if event.implicit[0] and value[:1] in firsts:
                        text = value
                        value = resolved.get(text, no_key)
                        if value is no_key:
                            value = self._plain(text, event, container, in_list, key)
                        if text == "<<":
                            tag = merge_tag
                    elif checking or event.style == '"':
                        self._check_text(value, event, container, in_list, key)
                elif tag != "!" and tag != str_tag:
                    value = self._tagged(tag, value, event, container, in_list, key)
                elif checking or event.style == '"':
                    self._check_text(value, event, container, in_list, key)
                if not event.style and event.end_mark.line > mark.line:
                    self._merged_item(event, container, in_list, key)
                if event.anchor is not None:
                    anchors[event.anchor] = (value, 1, position)
            elif kind is mapping_start or kind is sequence_start:
                if len(stack) >= MAX_DEPTH:
                    raise _TooDeep(*self.at(event.start_mark))
                mark = event.start_mark
                position = mark.line << COLUMN_BITS | mark.column
                # Recorded unless it is a key, or inside a container that is not recorded.
                mapping = kind is mapping_start
                if event.tag is not None:
                    self._collection_tag(event, mapping, container, in_list, key)
                node: Any = None  # the new container's children, when it is recorded
                if container is None or (
                    children is not None and (in_list or (key is not no_key and not skip))
                ):
                    number = len(starts)  # number the new container (see `source_map.Tree`)
                    starts.append(position)
                    node = {}
                    tree_children.append(node)
                    tree_keys.append({} if mapping else None)
                    if container is None:
                        self.root_mark, tree.root = mark, ~number
                    elif in_list:
                        children[len(children)] = ~number
                    else:
                        children[key] = ~number
                stack.append((container, children, keys, key, skip, in_list, anchor, before, start))
                in_list = not mapping
                container = {} if mapping else []
                children, keys = node, (tree_keys[-1] if node is not None else None)
                key, skip, anchor, before, start = no_key, False, event.anchor, nodes, position
                nodes += 1
                if nodes > MAX_NODES:
                    raise _TooBig(_TOO_BIG)
                continue
            elif kind is mapping_end or kind is sequence_end:
                if anchor is not None:
                    anchors[anchor] = (container, nodes - before, start)
                value, position = container, start
                container, children, keys, key, skip, in_list, anchor, before, start = stack.pop()
                if container is None:
                    self.root = value
                elif in_list:  # its position was recorded when it started
                    container.append(value)
                elif key is not no_key:
                    if not skip:
                        container[key] = value
                    key, skip = no_key, False
                else:
                    key, skip = self._key(container, keys, value, position, None, children)
                continue
            elif kind is alias_event:
                if event.anchor not in anchors:
                    raise yaml.composer.ComposerError(
                        None, None, "found undefined alias", event.start_mark
                    )
                value, size, position = anchors[event.anchor]
                nodes += size
                if nodes > MAX_NODES:
                    raise _TooBig(_TOO_BIG)
                tag = mark = None  # the anchored value, at the anchored node's position
            else:
                if kind is yaml.DocumentStartEvent:
                    self._document(event)
                continue
            # A scalar or an alias: store it in its container, or as the root.
            if container is None:
                self.root, self.root_mark, tree.root = value, mark, position
            elif in_list:
                if children is not None:
                    children[len(children)] = position
                container.append(value)
            elif key is not no_key:  # a mapping value
                if not skip:
                    if children is not None:
                        children[key] = position
                    container[key] = value
                key, skip = no_key, False
            elif tag != merge_tag and isinstance(value, str) and value not in container:
                key = value  # a new key, the usual case of `_key`
                if keys is not None:
                    keys[value] = position
            else:
                key, skip = self._key(container, keys, value, position, tag, children)

    def _document(self, event: Any) -> None:
        self.documents += 1
        if self.documents > 1:
            raise yaml.composer.ComposerError(
                "expected a single document in the stream",
                self.root_mark,
                "but found another document",
                event.start_mark,
            )

    def _slot(self, container: Any, in_list: bool, key: Any, text: Any) -> Path:
        """Data path of the scalar or container being read (for a key, that of its value)."""
        if container is None:
            return ()
        if in_list:
            return (*self._path(), len(container))
        return (*self._path(), key if key is not _NO_KEY else text)

    def _merged_item(self, event: Any, container: Any, in_list: bool, key: Any) -> None:
        """A located problem when a later line of this plain text starts with '- ': a list item
        typed inside the text above it, which YAML silently joins to it."""
        if self._lines is None:
            self._lines = self.text.splitlines()
        lines, start = self._lines, event.start_mark
        if start.line >= len(lines):
            return  # a line break libyaml counts and `splitlines` does not: no place to name
        for number in range(start.line + 1, min(event.end_mark.line + 1, len(lines))):
            typed = lines[number].lstrip(" ")
            if typed == "-" or typed.startswith("- "):
                message = merged_item_message(
                    lines[start.line], start.column, in_list, start.line + 1
                )
                at = (number + 1, len(lines[number]) - len(typed) + 1)
                self._refuse(message, event, container, in_list, key, at)
                return

    def _refuse(
        self, message: str, event: Any, container: Any, in_list: bool, key: Any, at: Any = None
    ) -> None:
        path = _plain_path(self._slot(container, in_list, key, getattr(event, "value", None)))
        line, column = at if at is not None else self.at(event.start_mark)
        self.problems.append(Problem(self.file, line, column, format_path(path), message))
        self.refused.add(path)

    def _plain(self, text: str, event: Any, container: Any, in_list: bool, key: Any) -> Any:
        """The value of a plain scalar that may not be text, kept for the next time."""
        try:
            value = plain(text)
        except ScalarError as error:
            self._refuse(str(error), event, container, in_list, key)
            return None
        if not isinstance(value, str) or self._check_text(value, event, container, in_list, key):
            self.resolved[text] = value
        return value

    def _tagged(
        self, tag: str, text: str, event: Any, container: Any, in_list: bool, key: Any
    ) -> Any:
        try:
            value = tagged(tag, text)
        except ScalarError as error:
            self._refuse(str(error), event, container, in_list, key)
            return text if container is not None and not in_list and key is _NO_KEY else None
        if isinstance(value, str):
            self._check_text(value, event, container, in_list, key)
        return value

    def _collection_tag(
        self, event: Any, mapping: bool, container: Any, in_list: bool, key: Any
    ) -> None:
        try:
            check_collection_tag(event.tag, mapping=mapping)
        except ScalarError as error:
            self._refuse(str(error), event, container, in_list, key)

    def _check_text(self, text: str, event: Any, container: Any, in_list: bool, key: Any) -> bool:
        """False, and a located problem, when `text` holds a forbidden character (newline is
        allowed here; the model refuses it in one-line fields)."""
        found = FORBIDDEN.search(text)
        if found is None:
            return True
        start, end = event.start_mark, event.end_mark
        low = bisect.bisect_left(self.raw, (start.line, start.column))
        high = bisect.bisect_left(self.raw, (end.line, end.column))
        inside = self.raw[low:high]
        self.claimed.update(inside)
        at = (inside[0][0] + 1, inside[0][1] + 1) if inside else None
        self._refuse(forbidden_message(found[0]), event, container, in_list, key, at)
        return False

    def _key(
        self,
        mapping: Any,
        keys: dict[str, int] | None,
        key: Any,
        position: int,
        tag: str | None,
        children: Any,
    ) -> tuple[Any, bool]:
        """A key read into the innermost container, `mapping` (its `keys` and `children` as in
        `_events`): the pending key, and whether its value is refused."""
        line, column = line_column(position)
        path = self._path() if children is not None else None
        if tag == _MERGE_TAG:
            self.problems.append(
                Problem(self.file, line, column, "", "'<<' merge keys are not supported")
            )
        elif not isinstance(key, str):
            where = format_path(path or ())
            self.problems.append(
                Problem(self.file, line, column, where, f"key {key!r} must be text")
            )
        elif key in mapping:
            child = (*(path or ()), key)
            first = line_column(keys[key]) if keys is not None else (line, column)
            self.problems.append(
                Problem(
                    self.file,
                    line,
                    column,
                    format_path(child),
                    f"duplicate key '{key}' (first written at line {first[0]})",
                )
            )
        else:
            if keys is not None:
                keys[key] = position
            return key, False
        return key, True

    def _path(self) -> Path:
        """Data path of the innermost container (recorded), from the stack around it."""
        return tuple(
            len(container) if in_list else key
            for container, _, _, key, _, in_list, *_ in self.stack[1:]
        )


def _plain_path(path: tuple[Any, ...]) -> Path:
    """`path` as far as it is made of keys and indexes (a mapping used as a key is neither)."""
    for index, part in enumerate(path):
        if not isinstance(part, str | int):
            return path[:index]
    return path


_TOO_BIG = "the document is too large or uses too many aliases"


class _TooBig(Exception):
    pass


class _TooDeep(Exception):
    def __init__(self, line: int, column: int) -> None:
        super().__init__(f"the document is nested more than {MAX_DEPTH} levels deep")
        self.line, self.column = line, column


CATALOG_TOP = "the top level must be a mapping with sections (references, exercises, ...)"


def read_yaml(
    text: str, file: str, top_level: str = CATALOG_TOP
) -> tuple[Any, SourceMap, list[Problem]]:
    """Parse `text`; return the data, its source map, and any problems (data is None on failure).
    `top_level` is the message for a document that is not a mapping."""
    if len(text) > MAX_BYTES or len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        return None, SourceMap(file), [Problem(file, 1, 1, "", too_large_message())]
    if text.startswith("\ufeff"):
        text = text[1:]
    raw = forbidden_characters(text)
    if raw and unreadable(text):  # libyaml would stop at the first, without a place
        return None, SourceMap(file), raw_problems(raw, file)
    builder = _Builder(file)
    builder.raw = raw
    builder.checking = bool(raw)
    try:
        found = builder.build(text)
    except (yaml.YAMLError, _TooDeep, _TooBig) as error:
        return None, SourceMap(file, builder.tree), [_failure(error, text, file)]
    source = SourceMap(file, builder.tree)
    source.refused = builder.refused
    if not found:
        return None, source, [Problem(file, 1, 1, "", "the file is empty")]
    leftover = [at for at in raw if at not in builder.claimed and at[2] != "\t"]
    builder.problems.extend(raw_problems(leftover, file))
    data = builder.root
    if not isinstance(data, dict):
        return None, source, [Problem(file, *builder.at(builder.root_mark), "", top_level)]
    return data, source, builder.problems


def too_large_message() -> str:
    return f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB"


def _failure(error: Exception, text: str, file: str) -> Problem:
    """The located problem for a file that cannot be read at all."""
    if isinstance(error, yaml.MarkedYAMLError):
        if isinstance(error, yaml.constructor.ConstructorError):
            mark = error.problem_mark
            line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            return Problem(file, line, column, "", f"cannot read value: {error.problem}")
        line, column, message = parse_error(error, text)
        return Problem(file, line, column, "", message)
    if isinstance(error, yaml.YAMLError):
        return Problem(file, 1, 1, "", f"not valid YAML: {error}")
    if isinstance(error, _TooDeep):
        return Problem(file, error.line, error.column, "", str(error))
    return Problem(file, 1, 1, "", str(error))


def parse_error(error: yaml.MarkedYAMLError, text: str) -> tuple[int, int, str]:
    """Line, column and message of a parser error, at the line the slip was typed on."""
    began = error.context_mark
    if began is not None and (error.problem or "").startswith("could not find expected ':'"):
        # libyaml notices it a line later: the key without ': ' is where it began.
        hint = missing_space_message(text, began.line)
        if hint is not None:
            return began.line + 1, began.column + 1, hint
    mark = error.problem_mark or error.context_mark
    if mark is not None and (error.context or "").startswith("while parsing a flow"):
        # `{primary: #0b5563}`: the '#' began a comment, so the bracket is never closed.
        opened = [began.line] if began is not None else []
        for number in [*opened, *range(mark.line, max(mark.line - 3, -1), -1)]:
            found = hash_comment_message(text, number)
            if found is not None:
                return number + 1, found[0] + 1, found[1]
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return line, column, yaml_message(error, text)


def yaml_message(error: yaml.MarkedYAMLError, text: str) -> str:
    """What went wrong, for a clinician: tabs named as such, and where an unclosed list or
    quote began when libyaml notices it only lines later."""
    problem = error.problem or "not valid YAML"
    mark = error.problem_mark
    if mark is not None and "\t" in problem + (error.context or ""):
        return "tabs are not allowed for indentation in YAML; use spaces"
    if mark is not None:
        lines = text.splitlines()
        if mark.line < len(lines) and "\t" in lines[mark.line][: mark.column + 1]:
            return "tabs are not allowed for indentation in YAML; use spaces"
    if mark is not None:
        hint = indentation_message(problem, text, mark.line) or colon_message(
            problem, text, mark.line, mark.column
        )
        if hint is not None:
            return f"{hint} (the YAML reader says: {problem})"
    context = f" ({error.context})" if error.context else ""
    began = error.context_mark
    opened = (error.context or "").startswith("while ")
    if opened and began is not None and (mark is None or began.line != mark.line):
        # An unclosed bracket or quote is noticed lines later: say where it was opened.
        context = (
            f" ({error.context}, which began at line {began.line + 1}, column {began.column + 1})"
        )
    return f"not valid YAML: {problem}{context}"
