"""Read YAML into plain data while remembering where every key and value was written.

PyYAML's composer gives nodes with positions; we build the data ourselves so that we can
reject what PyYAML silently accepts (duplicate keys, alias bombs, non-string keys) and keep
a map from each data path to its line and column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from .errors import Path, Problem, format_path

# libyaml's parser when PyYAML was built with it (about ten times faster), else pure Python.
_FastLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_STR_TAG = "tag:yaml.org,2002:str"
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


class _Builder:
    def __init__(self, source: SourceMap) -> None:
        self.source = source
        self.loader = yaml.SafeLoader("")
        self.nodes = 0
        self.problems: list[Problem] = []
        # Collections already built, by node identity: an alias reuses the value and only
        # adds its size to the count, so an alias bomb is refused without being expanded.
        self.built: dict[int, tuple[Any, int]] = {}

    def at(self, node: yaml.Node) -> tuple[int, int]:
        return (node.start_mark.line + 1, node.start_mark.column + 1)

    def _count(self, size: int) -> None:
        self.nodes += size
        if self.nodes > MAX_NODES:
            raise _TooBig("the document is too large or uses too many aliases")

    def build(self, node: yaml.Node, path: Path, depth: int) -> Any:
        if depth > MAX_DEPTH:
            raise _TooBig(f"the document is nested more than {MAX_DEPTH} levels deep")
        self.source.values[path] = self.at(node)
        if id(node) in self.built:
            shared, size = self.built[id(node)]
            self._count(size)
            return shared
        if not isinstance(node, yaml.MappingNode | yaml.SequenceNode):
            self._count(1)
            if node.tag == _STR_TAG:  # most values: skip the constructor's dispatch
                return node.value
            return self.loader.construct_object(node, deep=True)
        before = self.nodes
        self._count(1)
        if isinstance(node, yaml.MappingNode):
            value: Any = self._mapping(node, path, depth)
        else:
            value = [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        self.built[id(node)] = (value, self.nodes - before)
        return value

    def _mapping(self, node: yaml.MappingNode, path: Path, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.problems.append(
                    Problem(
                        self.source.file,
                        *self.at(key_node),
                        "",
                        "'<<' merge keys are not supported",
                    )
                )
                continue
            key = self.loader.construct_object(key_node, deep=True)
            line_col = self.at(key_node)
            if not isinstance(key, str):
                where = self._describe(path)
                self.problems.append(
                    Problem(self.source.file, *line_col, where, f"key {key!r} must be text")
                )
                continue
            child = (*path, key)
            if key in result:
                first = self.source.keys[child]
                self.problems.append(
                    Problem(
                        self.source.file,
                        *line_col,
                        self._describe(child),
                        f"duplicate key '{key}' (first written at line {first[0]})",
                    )
                )
                continue
            self.source.keys[child] = line_col
            result[key] = self.build(value_node, child, depth + 1)
        return result

    @staticmethod
    def _describe(path: Path) -> str:
        return format_path(path)


class _TooBig(Exception):
    pass


class _TooDeep(Exception):
    def __init__(self, line: int, column: int) -> None:
        super().__init__(f"the document is nested more than {MAX_DEPTH} levels deep")
        self.line, self.column = line, column


def _check_depth(text: str) -> None:
    """Reject deep nesting before PyYAML's recursive composer sees it (events are iterative)."""
    depth = 0
    for event in yaml.parse(text, Loader=_FastLoader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                mark = event.start_mark
                line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
                raise _TooDeep(line, column)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def read_yaml(text: str, file: str) -> tuple[Any, SourceMap, list[Problem]]:
    """Parse `text`; return the data, its source map, and any problems (data is None on failure)."""
    source = SourceMap(file)
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        size_mb = MAX_BYTES // (1024 * 1024)
        return None, source, [Problem(file, 1, 1, "", f"the file is larger than {size_mb} MB")]
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        _check_depth(text)
        root = yaml.compose(text, Loader=_FastLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = _yaml_message(error, text)
        return None, source, [Problem(file, line, column, "", message)]
    except yaml.YAMLError as error:
        return None, source, [Problem(file, 1, 1, "", f"not valid YAML: {error}")]
    except _TooDeep as error:
        return None, source, [Problem(file, error.line, error.column, "", str(error))]
    if root is None:
        return None, source, [Problem(file, 1, 1, "", "the file is empty")]
    builder = _Builder(source)
    try:
        data = builder.build(root, (), 0)
    except _TooBig as error:
        return None, source, [Problem(file, 1, 1, "", str(error))]
    except yaml.constructor.ConstructorError as error:
        mark = error.problem_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return (
            None,
            source,
            [Problem(file, line, column, "", f"cannot read value: {error.problem}")],
        )
    if not isinstance(data, dict):
        message = "the top level must be a mapping with sections (references, exercises, ...)"
        return None, source, [Problem(file, *builder.at(root), "", message)]
    return data, source, builder.problems


def _yaml_message(error: yaml.MarkedYAMLError, text: str) -> str:
    problem = error.problem or "not valid YAML"
    mark = error.problem_mark
    if mark is not None and "\t" in problem + (error.context or ""):
        return "tabs are not allowed for indentation in YAML; use spaces"
    if mark is not None:
        lines = text.splitlines()
        if mark.line < len(lines) and "\t" in lines[mark.line][: mark.column + 1]:
            return "tabs are not allowed for indentation in YAML; use spaces"
    context = f" ({error.context})" if error.context else ""
    return f"not valid YAML: {problem}{context}"
