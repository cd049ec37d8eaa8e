"""Load `exercises.yaml` into a validated `Catalog`, or fail with every problem located."""

from __future__ import annotations

import difflib
import errno
import os
import stat
from pathlib import Path as FsPath
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from generator.catalog.figure_checks import check_figures
from generator.catalog.model import Catalog
from generator.catalog.xref import check_references
from generator.source.errors import CatalogError, Path, Problem, ProjectError
from generator.source.source_map import SourceMap
from generator.source.yaml_hints import mapping_for_text
from generator.source.yaml_scalars import NumberLike
from generator.source.yaml_source import MAX_BYTES, read_yaml, too_large_message
from generator.speed.gc_pause import gc_paused


def load_catalog(path: str | FsPath, *, display_name: str | None = None) -> Catalog:
    """Read and validate the catalog file; raise `CatalogError` listing every problem."""
    return read_catalog(path, display_name=display_name)[0]


def read_catalog(
    path: str | FsPath, *, display_name: str | None = None
) -> tuple[Catalog, SourceMap]:
    """Like `load_catalog`, also returning where each value was written (for later checks)."""
    path = FsPath(path)
    name = display_name or str(path)
    return read_catalog_bytes(read_bounded(path, name), name)


def read_bounded(
    path: FsPath, name: str, limit: int = MAX_BYTES, error: type[ProjectError] = CatalogError
) -> bytes:
    """The file's bytes, or `error` (the catalog's, unless the file is another's: settings,
    a page) when it cannot be read or is larger than `limit`: the size is checked before
    reading, and at most `limit + 1` bytes are ever read (a device or a growing file cannot
    exhaust memory)."""
    try:
        if stat.S_ISFIFO(os.stat(path).st_mode):  # opening a pipe would wait for a writer
            raise OSError(errno.EINVAL, "it is a pipe, not a file")
        with path.open("rb") as file:
            status = os.fstat(file.fileno())
            if stat.S_ISDIR(status.st_mode):
                raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
            if stat.S_ISREG(status.st_mode) and status.st_size > limit:
                raw = b""
            else:
                raw = file.read(limit + 1)
                if len(raw) <= limit:
                    return raw
    except OSError as failed:
        message = f"cannot read file: {failed.strerror or failed}"
        raise error([Problem(name, 1, 1, "", message)]) from None
    raise error([Problem(name, 1, 1, "", too_large_message())])


def load_catalog_bytes(raw: bytes, file: str) -> Catalog:
    """Decode UTF-8 (a byte-order mark is allowed) and validate."""
    return read_catalog_bytes(raw, file)[0]


def read_catalog_bytes(raw: bytes, file: str) -> tuple[Catalog, SourceMap]:
    """Decode UTF-8 (a byte-order mark is allowed) and validate, keeping the source map."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        message = f"not valid UTF-8 (byte 0x{raw[error.start]:02x}); save the file as UTF-8"
        raise CatalogError([Problem(file, line, column, "", message)]) from None
    return read_catalog_text(text, file)


def load_catalog_text(text: str, file: str) -> Catalog:
    """Validate YAML text as a catalog; raise `CatalogError` listing every problem."""
    return read_catalog_text(text, file)[0]


def read_catalog_text(text: str, file: str) -> tuple[Catalog, SourceMap]:
    """Validate YAML text as a catalog, keeping the source map."""
    with gc_paused():
        return _read_catalog_text(text, file)


def _read_catalog_text(text: str, file: str) -> tuple[Catalog, SourceMap]:
    data, source, problems = read_yaml(text, file)
    if data is None:
        raise CatalogError(problems)
    try:
        catalog = Catalog.model_validate(data)
    except ValidationError as error:
        problems.extend(
            _locate(detail, source)
            for detail in error.errors()
            if not _refused(detail, source.refused)
        )
        raise CatalogError(problems) from None
    if problems:
        raise CatalogError(problems)
    problems.extend(check_references(catalog, source))
    problems.extend(check_figures(catalog, source))
    if problems:
        raise CatalogError(problems)
    return catalog, source


def _refused(detail: ErrorDetails, refused: set[Path]) -> bool:
    """Whether the error follows from a value the reader refused with its own message: it is
    at or below that value, or a whole-object check (like "exactly one amount") above it."""
    if not refused:
        return False
    path: Path = tuple(detail["loc"])
    if any(path[:length] in refused for length in range(len(path) + 1)):
        return True
    return detail["type"] == "value_error" and any(r[: len(path)] == path for r in refused)


_TYPE_MESSAGES = {
    "int_type": "must be a whole number written with digits, like 10",
    "float_type": "must be a number written with digits, like 12.5",
    "bool_type": "must be true or false",
    "date_type": "must be a date written as YYYY-MM-DD",
}


def _locate(detail: ErrorDetails, source: SourceMap) -> Problem:
    path: Path = tuple(detail["loc"])
    kind = detail["type"]
    if kind == "extra_forbidden":
        key = str(path[-1])
        hint = _suggest(key, _allowed_fields(path[:-1]))
        return source.problem(path, f"unknown field '{key}'{hint}", key=True)
    if kind == "missing":
        return source.problem(path, f"missing required field '{path[-1]}'")
    message = detail["msg"].removeprefix("Value error, ")
    value = detail.get("input")
    if kind in _TYPE_MESSAGES:
        message = _TYPE_MESSAGES[kind]
        if isinstance(value, NumberLike):
            return source.problem(path, f"{message} (got '{value}': {value.reason})")
        return source.problem(path, f"{message} (got {_describe(value)})")
    if kind == "string_type" and (quote := mapping_for_text(value)) is not None:
        return source.problem(path, quote)
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        message = "must be a mapping of fields (key: value lines)"
    if kind in {"string_type", "int_type", "list_type", "dict_type", "model_type", "int_parsing"}:
        message += f" (got {_describe(detail.get('input'))})"
    return source.problem(path, message)


def _describe(value: Any) -> str:
    if isinstance(value, str):
        return "text" if len(value) > 40 else f"'{value}'"
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float) and len(str(value)) <= 20:
        return f"the number {value}"
    return {"date": "a date", "list": "a list", "dict": "a mapping"}.get(
        type(value).__name__, type(value).__name__
    )


def _suggest(key: str, allowed: list[str]) -> str:
    close = difflib.get_close_matches(key, allowed, n=1)
    if close:
        return f"; did you mean '{close[0]}'?"
    return f"; allowed fields: {', '.join(allowed)}" if allowed else ""


def _allowed_fields(path: Path) -> list[str]:
    """Field names of the model that sits at `path` in the catalog."""
    model: type[BaseModel] | None = Catalog
    for part in path:
        if model is None:
            return []
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part) or next(
            (f for f in model.model_fields.values() if f.alias == part), None
        )
        model = _model_of(field.annotation) if field is not None else None
    if model is None:
        return []
    return sorted(f.alias or name for name, f in model.model_fields.items())


def _model_of(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_of(arg)
        if found is not None:
            return found
    return None
