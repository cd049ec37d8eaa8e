"""Where every key and value of a YAML file was written: a compact tree of positions that
the reader fills, and the map that answers "which line and column is this data path?"."""

from __future__ import annotations

from typing import Any

from generator.source.errors import Path, Problem, format_path

# A position is one int, `line << 32 | column` (libyaml's 0-based mark): cheaper to make and
# keep than a tuple.
COLUMN_BITS = 32
_COLUMN_MASK = (1 << COLUMN_BITS) - 1


def line_column(position: int) -> tuple[int, int]:
    """1-based (line, column) of a packed position."""
    return ((position >> COLUMN_BITS) + 1, (position & _COLUMN_MASK) + 1)


class Tree:
    """Where every recorded node was written, in a form the garbage collector barely sees.

    A node's place is an int: its position for a scalar or an alias (the anchored node's
    position), `~number` for a container. Container `number` starts at `starts[number]`; its
    `children[number]` are the places of its items by index, or of its values by key, and
    `keys[number]` the positions of its keys (None for a sequence). The collector does not
    track dicts of strings and ints, unlike a tuple or a list for each node.
    """

    __slots__ = ("children", "keys", "root", "starts")

    def __init__(self) -> None:
        self.root: int | None = None  # until the root node starts
        self.starts: list[int] = []
        self.children: list[dict[Any, int]] = []
        self.keys: list[dict[str, int] | None] = []

    def position(self, place: int) -> int:
        return place if place >= 0 else self.starts[~place]

    def child(self, place: int, part: str | int) -> int | None:
        """The place of `part` in the container at `place`, or None."""
        return self.children[~place].get(part) if place < 0 else None


class SourceMap:
    """Line and column (1-based) of every value and mapping key, by data path.

    The reader fills a tree of positions; `locate` walks it, and the flat `values` and `keys`
    tables are made from it only when first asked for.
    """

    def __init__(self, file: str, tree: Tree | None = None) -> None:
        self.file = file
        self.tree = tree
        self._values: dict[Path, tuple[int, int]] | None = None
        self._keys: dict[Path, tuple[int, int]] = {}
        self.refused: set[Path] = set()  # values the reader refused with a problem of its own

    @property
    def values(self) -> dict[Path, tuple[int, int]]:
        """Position of every recorded value, by data path (in document order)."""
        if self._values is None:
            self._values = {}
            if self.tree is not None and self.tree.root is not None:
                self._flatten(self.tree, self.tree.root, ())
        return self._values

    @property
    def keys(self) -> dict[Path, tuple[int, int]]:
        """Position of every accepted mapping key, by the data path of its value."""
        _ = self.values
        return self._keys

    def _flatten(self, tree: Tree, place: int, path: Path) -> None:
        assert self._values is not None
        self._values[path] = line_column(tree.position(place))
        if place >= 0:
            return
        children, keys = tree.children[~place], tree.keys[~place]
        if keys is None:
            for index, child in children.items():
                self._flatten(tree, child, (*path, index))
            return
        for key, at in keys.items():
            self._keys[(*path, key)] = line_column(at)
            if key in children:  # a reading that failed may stop between a key and its value
                self._flatten(tree, children[key], (*path, key))

    def _places(self, path: Path) -> list[int]:
        """The places along `path` from the root, as far as they are recorded."""
        if self.tree is None or self.tree.root is None:
            return []
        places = [self.tree.root]
        for part in path:
            child = self.tree.child(places[-1], part)
            if child is None:
                break
            places.append(child)
        return places

    def locate(self, path: Path, *, key: bool = False) -> tuple[int, int]:
        """Nearest known position for `path`, walking up to a parent if needed."""
        places = self._places(path)
        tree = self.tree
        if tree is None or not places:
            return (1, 1)
        if key and path and len(places) >= len(path):
            parent = places[len(path) - 1]
            keys = tree.keys[~parent] if parent < 0 else None
            if keys is not None and path[-1] in keys:
                return line_column(keys[path[-1]])
        found = len(places) if not key else min(len(places), len(path))
        if found == 0:
            return (1, 1)
        return line_column(tree.position(places[found - 1]))

    def problem(self, path: Path, message: str, *, key: bool = False) -> Problem:
        line, column = self.locate(path, key=key)
        return Problem(self.file, line, column, format_path(path), message)
