"""The catalog reference in docs/catalog.md, written from the model's own field descriptions.

Each section's table (field, required, meaning) comes from the pydantic model: the meaning is
the field's `description`, followed by what the type already says (the allowed words of an
enumeration, a number's range, how many items a list takes). So the reference cannot drift from
what `check` accepts, and editors that read `exercises.schema.json` show the same words.

In the document, each table sits between `<!-- reference:NAME -->` and `<!-- /reference -->`;
`scripts/catalog_reference.py` rewrites them, and a test checks they are current.
"""

from __future__ import annotations

import re
import types
import typing
from enum import Enum

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from generator.catalog import model
from generator.catalog.kinds import KINDS, Kind

# Each documented table: its name in the document, the model, and the kind whose entries it
# describes (each kind's table is named by its YAML key), or None for a part of an entry.
TABLES: dict[str, tuple[type[BaseModel], Kind | None]] = {
    **{kind.key: (kind.model, kind) for kind in KINDS},
    "dosage": (model.Dosage, None),
    "red_flags": (model.RedFlags, None),
    "condition_handout": (model.ConditionHandout, None),
    "evidence": (model.Evidence, None),
    "routine_items": (model.RoutineItem, None),
    "routine_handout": (model.HandoutSafety, None),
}

_BLOCK = re.compile(r"(<!-- reference:(\w+) -->\n).*?(<!-- /reference -->)", re.DOTALL)


def undocumented() -> list[str]:
    """Every field of a documented model that has no description (`Model.field`)."""
    return [
        f"{cls.__name__}.{name}"
        for cls, _ in TABLES.values()
        for name, info in cls.model_fields.items()
        if not (info.description or _type_description(info))
    ]


def table(name: str) -> str:
    """The Markdown table of one documented model."""
    cls, section = TABLES[name]
    rows = ["| field | required | meaning |", "|---|---|---|"]
    for field_name, info in cls.model_fields.items():
        key = info.alias or field_name
        required = "yes" if info.is_required() else "no"
        address = (
            f"/{section.folder}/<id>/"
            if section and section.folder and field_name == "id"
            else None
        )
        rows.append(f"| `{key}` | {required} | {_meaning(info, address)} |")
    return "\n".join(rows) + "\n"


def rewrite(document: str) -> str:
    """`document` with every reference block replaced by the current table."""

    def replace(match: re.Match[str]) -> str:
        name = match[2]
        if name not in TABLES:
            raise KeyError(f"unknown reference table '{name}' (known: {', '.join(TABLES)})")
        return f"{match[1]}{table(name)}{match[3]}"

    return _BLOCK.sub(replace, document)


def _meaning(info: FieldInfo, address: str | None) -> str:
    parts = [info.description or _type_description(info) or ""]
    if address is not None:
        parts.append(f"The page is at `{address}`")
    parts += _constraints(info)
    return " ".join(part.rstrip(".") + "." for part in parts if part).replace("|", "\\|")


def _type_description(info: FieldInfo) -> str | None:
    """The description of the field's own type (an `Id`, a nested model), if it has one."""
    for candidate in _types(info.annotation):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return " ".join((candidate.__doc__ or "").split("\n\n")[0].split()) or None
    return None


def _constraints(info: FieldInfo) -> list[str]:
    """What the type says: allowed words, a range, a number of items."""
    found: list[str] = []
    enum = next(
        (t for t in _types(info.annotation) if isinstance(t, type) and issubclass(t, Enum)), None
    )
    many = _is_list(info.annotation)
    if enum is not None:
        words = ", ".join(f"`{member.value}`" for member in enum)
        found.append(f"{'Any' if many else 'One'} of {words}")
    bounds = {key: value for m in info.metadata for key, value in _bounds(m).items()}
    bounds.update(_inner_bounds(info.annotation) if not many else {})
    low, high = bounds.get("ge"), bounds.get("le")
    if low is not None and high is not None:
        found.append(f"From {low} to {high}")
    fewest, most = bounds.get("min_length"), bounds.get("max_length")
    if many and (fewest or most):
        if fewest and most:
            found.append(f"{fewest} to {most} items")
        elif most:
            found.append(f"At most {most} items")
        else:
            found.append(f"At least {fewest} item{'s' if fewest != 1 else ''}")
    return found


def _bounds(metadata: object) -> dict[str, object]:
    names = ("ge", "le", "min_length", "max_length")
    return {n: getattr(metadata, n) for n in names if getattr(metadata, n, None) is not None}


def _inner_bounds(annotation: object) -> dict[str, object]:
    """Bounds written inside an optional type: `Annotated[int, Field(ge=1)] | None`."""
    found: dict[str, object] = {}
    for arg in typing.get_args(annotation):
        if typing.get_origin(arg) is typing.Annotated:
            for metadata in typing.get_args(arg)[1:]:
                found.update(_bounds(metadata))
                for inner in getattr(metadata, "metadata", []):
                    found.update(_bounds(inner))
    return found


def _is_list(annotation: object) -> bool:
    if typing.get_origin(annotation) is list:
        return True
    return any(_is_list(arg) for arg in typing.get_args(annotation) if _is_union(annotation))


def _is_union(annotation: object) -> bool:
    return typing.get_origin(annotation) in (typing.Union, types.UnionType)


def _types(annotation: object) -> list[object]:
    """The annotation and every type inside it (list items, union members, Annotated bases)."""
    found = [annotation]
    for arg in typing.get_args(annotation):
        found += _types(arg)
    return found
