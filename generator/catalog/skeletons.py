"""`python -m generator new KIND ID`: add a commented, schema-valid entry to the catalog.

The skeleton's text fields start with "TODO", so `check` lists each one (with its line) until a
clinician has written it; a skeleton can never be published by accident.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from generator.catalog.kinds import KINDS, Kind
from generator.catalog.load import read_catalog_text
from generator.catalog.model import Catalog, Id
from generator.source.errors import CatalogError, Problem
from generator.source.errors import Path as Path_
from generator.source.file_edit import edit_text
from generator.source.source_map import SourceMap

_ID: TypeAdapter[str] = TypeAdapter(Id)

# `new KIND`: the kinds that declare a skeleton (every kind of entry that has pages).
NEW_KINDS = {kind.noun: kind for kind in KINDS if kind.skeleton is not None}


def skeleton(kind: str, entry_id: str, catalog_text: str, file: str) -> str:
    """The catalog text with a new entry at the end of its section; raises `CatalogError`.

    The entry is indented like the section's existing entries, and written with the file's
    line endings. A layout it cannot add to (a section written as a flow list, `[...]`) is
    said plainly, at the section's line, and never blamed on a line that is not in the file.
    """
    catalog, source = read_catalog_text(catalog_text, file)
    declared = NEW_KINDS[kind]
    assert declared.skeleton is not None
    section = declared.key
    _check_new_id(entry_id, declared, catalog, source, file)
    # `{exercise}`, `{reference}`, ...: an id of each kind the skeleton may refer to.
    first = {k.noun: next((e.id for e in k.entries(catalog)), k.example_id) for k in KINDS}
    block = declared.skeleton.format(id=entry_id, today=datetime.date.today(), **first)
    lines = catalog_text.splitlines(keepends=True)
    newline = "\r\n" if "\r\n" in catalog_text else "\n"
    if lines and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += newline
    if (section,) not in source.keys:
        if _top_level_is_flow(lines, source):
            raise _cannot(file, 1, 1, "the top level is written as a flow mapping ({...})")
        new_text = "".join(lines) + f"\n{section}:\n" + block
    else:
        start, column = source.keys[(section,)]
        value_line, value_column = source.values.get((section,), (start, column))
        written = lines[value_line - 1][value_column - 1 :] if value_line <= len(lines) else ""
        empty = written.startswith("[]")
        if written.startswith(("[", "{")) and not empty:
            raise _cannot(file, start, column, f"'{section}' is written as a flow list ([...])")
        if column != 1:
            raise _cannot(file, start, column, f"'{section}' is not at the start of its line")
        if empty:
            lines[start - 1] = f"{section}:{newline}"
        else:
            block = _reindent(block, lines, source, section)
        later = sorted(line for _, (line, _) in _top_level(source) if line > start)
        end = later[0] - 1 if later else len(lines)
        while end > start and _filler(lines[end - 1]):
            end -= 1
        new_text = "".join(lines[:end]) + block + "".join(lines[end:])
    new_text = re.sub(r"(?<!\r)\n", newline, new_text) if newline != "\n" else new_text
    try:
        read_catalog_text(new_text, file)
    except CatalogError as error:  # the layout defeated us: say so where the section is
        line = source.keys.get((section,), (1, 1))[0]
        reason = error.problems[0].message if error.problems else "it would not load"
        raise _cannot(file, line, 1, f"the entry would not fit this layout ({reason})") from None
    return new_text


def _filler(line: str) -> bool:
    """Blank lines, comments and document markers after a section's last entry."""
    stripped = line.strip()
    return not stripped or stripped.startswith("#") or stripped in {"...", "---"}


def _cannot(file: str, line: int, column: int, why: str) -> CatalogError:
    message = f"cannot add an entry here: {why}; the file was not changed"
    return CatalogError([Problem(file, line, column, "", message)])


def _top_level_is_flow(lines: list[str], source: SourceMap) -> bool:
    line, column = source.values.get((), (1, 1))
    return line <= len(lines) and lines[line - 1][column - 1 : column] == "{"


def _check_new_id(
    entry_id: str, kind: Kind, catalog: Catalog, source: SourceMap, file: str
) -> None:
    """The id must be valid and free: said before anything is written."""
    try:
        _ID.validate_python(entry_id)
    except ValidationError as error:
        message = f"'{entry_id}': {error.errors()[0]['msg']}"
        raise CatalogError([Problem(file, 1, 1, "", message)]) from None
    for index, entry in enumerate(kind.entries(catalog)):
        if entry.id == entry_id or entry_id in entry.aliases:
            raise CatalogError(
                [source.problem((kind.key, index, "id"), f"duplicate {kind.noun} id '{entry_id}'")]
            )


def _reindent(block: str, lines: list[str], source: SourceMap, section: str) -> str:
    """The skeleton (dash at column 3, fields at column 5) moved to where the section's first
    entry has its dash and its fields."""
    field_line, field_column = source.keys.get((section, 0, "id"), (0, 5))
    if field_line == 0:
        return block
    row = lines[field_line - 1]
    dash = row.rfind("-", 0, field_column - 1)
    if dash < 0 or row[:dash].strip():
        return block
    out = []
    for line in block.splitlines(keepends=True):
        indent = len(line) - len(line.lstrip(" "))
        if line.startswith("  - "):
            out.append(" " * dash + "-" + " " * (field_column - 2 - dash) + line[4:])
        elif line.strip():
            out.append(" " * (field_column - 1 + indent - 4) + line[indent:])
        else:
            out.append(line)
    return "".join(out)


def _top_level(source: SourceMap) -> list[tuple[Path_, tuple[int, int]]]:
    return [(path, where) for path, where in source.keys.items() if len(path) == 1]


def add_entry(path: Path, kind: str, entry_id: str) -> None:
    """Add the entry to the catalog safely (see `file_edit.edit_text`); on any problem the file
    is unchanged."""
    edit_text(path, lambda text: skeleton(kind, entry_id, text, str(path)))
