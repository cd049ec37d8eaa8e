"""Empty-collection field defaults, made new for each object without a deep copy."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import Field


def empty_list(description: str | None = None) -> Any:
    """A field default of `[]`. Pydantic deep-copies a `[]` default for every object that
    leaves the field out (about a quarter of validating a large catalog); calling `list` is
    four times cheaper. The JSON Schema still says `"default": []`."""
    return _field(list, [], description)


def empty_dict(description: str | None = None) -> Any:
    """A field default of `{}`, made like `empty_list`'s."""
    return _field(dict, {}, description)


def _field(factory: Callable[[], Any], shown: Any, description: str | None) -> Any:
    extra: dict[str, Any] = {} if description is None else {"description": description}
    return Field(default_factory=factory, json_schema_extra={"default": shown}, **extra)
