"""Read YAML into plain data while remembering where every key and value was written.

libyaml's parser gives events with positions; we build the data ourselves so that we can
reject what PyYAML silently accepts (duplicate keys, alias bombs, non-string keys) and keep
a map from each data path to its line and column.
"""

from __future__ import annotations

from typing import Any

import yaml

from .errors import Path, Problem, format_path
from .source_map import COLUMN_BITS, SourceMap, Tree, line_column

# libyaml's parser when PyYAML was built with it (about ten times faster), else pure Python.
_FastLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_STR_TAG = "tag:yaml.org,2002:str"
_MERGE_TAG = "tag:yaml.org,2002:merge"
MAX_NODES = 3_000_000
MAX_DEPTH = 64
MAX_BYTES = 40 * 1024 * 1024

_NO_KEY = object()


def _resolved_firsts() -> frozenset[str] | None:
    """First characters of the plain scalars PyYAML's safe resolver may type (numbers, null,
    booleans, dates, merge keys...); None when it looks at more than that (then it decides
    every scalar)."""
    loader = yaml.SafeLoader
    if None in loader.yaml_implicit_resolvers or loader.yaml_path_resolvers:
        return None
    return frozenset(loader.yaml_implicit_resolvers)


_FIRSTS = _resolved_firsts()


def needs_resolver(value: str, implicit: tuple[bool, bool]) -> bool:
    """False when PyYAML's resolver would call this untagged scalar text anyway: it is quoted,
    or plain with a first character that starts no other type (most values)."""
    return _FIRSTS is None or (implicit[0] and value[:1] in _FIRSTS)


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
        self.loader = yaml.SafeLoader("")
        self.problems: list[Problem] = []
        self.anchors: dict[str, tuple[Any, int, int]] = {}
        self.stack: list[tuple[Any, ...]] = []
        self.constructed: dict[tuple[str, str], Any] = {}
        self.resolved: dict[str, str] = {}  # plain scalar -> tag (it depends on the text alone)
        self.root: Any = None
        self.root_mark: Any = None
        self.tree = Tree()
        self.documents = 0

    @staticmethod
    def at(mark: Any) -> tuple[int, int]:
        return (mark.line + 1, mark.column + 1)

    def build(self, text: str) -> bool:
        """Read every event of `text`; False when the stream holds no document."""
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
        resolve: Any = self.loader.resolve  # untyped in the stubs
        resolved = self.resolved
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
                if tag is None or tag == "!":
                    implicit = event.implicit  # the test below is `needs_resolver`, inlined
                    if firsts is None:
                        tag = resolve(yaml.ScalarNode, value, implicit)
                    elif implicit[0] and value[:1] in firsts:
                        tag = resolved.get(value) or self._resolve(value, implicit)
                    else:
                        tag = str_tag
                if tag is not str_tag and tag != str_tag and tag != merge_tag:
                    value = self._construct(tag, value, event)
                if event.anchor is not None:
                    anchors[event.anchor] = (value, 1, position)
            elif kind is mapping_start or kind is sequence_start:
                if len(stack) >= MAX_DEPTH:
                    raise _TooDeep(*self.at(event.start_mark))
                mark = event.start_mark
                position = mark.line << COLUMN_BITS | mark.column
                # Recorded unless it is a key, or inside a container that is not recorded.
                mapping = kind is mapping_start
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

    def _resolve(self, value: str, implicit: tuple[bool, bool]) -> str:
        """The resolver's tag for a plain scalar, kept for the next time the text appears."""
        tag: str = self.loader.resolve(yaml.ScalarNode, value, implicit)  # type: ignore[no-untyped-call]
        self.resolved[value] = tag
        return tag

    def _construct(self, tag: str, value: str, event: Any) -> Any:
        """A typed scalar (number, date, null...), made once per distinct tag and text."""
        try:
            return self.constructed[tag, value]
        except KeyError:
            pass
        node = yaml.ScalarNode(tag, value, event.start_mark, event.end_mark)
        made = self.loader.construct_object(node, deep=True)
        self.constructed[tag, value] = made  # immutable: None, bool, int, float, bytes, dates
        return made

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


_TOO_BIG = "the document is too large or uses too many aliases"


class _TooBig(Exception):
    pass


class _TooDeep(Exception):
    def __init__(self, line: int, column: int) -> None:
        super().__init__(f"the document is nested more than {MAX_DEPTH} levels deep")
        self.line, self.column = line, column


def read_yaml(text: str, file: str) -> tuple[Any, SourceMap, list[Problem]]:
    """Parse `text`; return the data, its source map, and any problems (data is None on failure)."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        size_mb = MAX_BYTES // (1024 * 1024)
        message = f"the file is larger than {size_mb} MB"
        return None, SourceMap(file), [Problem(file, 1, 1, "", message)]
    if text.startswith("\ufeff"):
        text = text[1:]
    builder = _Builder(file)
    try:
        found = builder.build(text)
    except (yaml.YAMLError, _TooDeep, _TooBig) as error:
        return None, SourceMap(file, builder.tree), [_failure(error, text, file)]
    source = SourceMap(file, builder.tree)
    if not found:
        return None, source, [Problem(file, 1, 1, "", "the file is empty")]
    data = builder.root
    if not isinstance(data, dict):
        message = "the top level must be a mapping with sections (references, exercises, ...)"
        return None, source, [Problem(file, *builder.at(builder.root_mark), "", message)]
    return data, source, builder.problems


def _failure(error: Exception, text: str, file: str) -> Problem:
    """The located problem for a file that cannot be read at all."""
    if isinstance(error, yaml.MarkedYAMLError):
        if isinstance(error, yaml.constructor.ConstructorError):
            mark = error.problem_mark
            line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            return Problem(file, line, column, "", f"cannot read value: {error.problem}")
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return Problem(file, line, column, "", yaml_message(error, text))
    if isinstance(error, yaml.YAMLError):
        return Problem(file, 1, 1, "", f"not valid YAML: {error}")
    if isinstance(error, _TooDeep):
        return Problem(file, error.line, error.column, "", str(error))
    return Problem(file, 1, 1, "", str(error))


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
    context = f" ({error.context})" if error.context else ""
    began = error.context_mark
    opened = (error.context or "").startswith("while ")
    if opened and began is not None and (mark is None or began.line != mark.line):
        # An unclosed bracket or quote is noticed lines later: say where it was opened.
        context = (
            f" ({error.context}, which began at line {began.line + 1}, column {began.column + 1})"
        )
    return f"not valid YAML: {problem}{context}"
