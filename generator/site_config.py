"""Read the clinic settings from `mkdocs.yml` without importing MkDocs."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from .errors import CatalogError, Problem, format_path
from .settings import ClinicSettings


class _LenientLoader(yaml.SafeLoader):
    """Safe loader that reads MkDocs' custom tags (`!ENV`, `!!python/name:`) as plain values."""


def _unknown_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_LenientLoader.add_multi_constructor("!", _unknown_tag)
_LenientLoader.add_multi_constructor("tag:yaml.org,2002:python/", _unknown_tag)


def clinic_settings_from_mapping(extra: object, file: str) -> ClinicSettings:
    """Validate `extra.clinic`; raise `CatalogError` naming the bad setting and its place."""
    raw = extra.get("clinic", {}) if isinstance(extra, Mapping) else {}
    try:
        return ClinicSettings.model_validate(dict(raw or {}))
    except ValidationError as error:
        positions = _positions(Path(file))
        problems = []
        for detail in error.errors():
            path = ("extra", "clinic", *detail["loc"])
            line, column = _nearest(positions, path)
            message = detail["msg"].removeprefix("Value error, ")
            problems.append(Problem(file, line, column, format_path(path), message))
        raise CatalogError(problems) from None


def _positions(path: Path) -> dict[tuple[object, ...], tuple[int, int]]:
    """Line and column of every mapping value in a YAML file (tags are not interpreted)."""
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, yaml.YAMLError):
        return {}
    found: dict[tuple[object, ...], tuple[int, int]] = {}

    def walk(node: yaml.Node, here: tuple[object, ...]) -> None:
        found[here] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                walk(value, (*here, key.value))
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                walk(item, (*here, i))

    if root is not None:
        walk(root, ())
    return found


def _nearest(
    positions: dict[tuple[object, ...], tuple[int, int]], path: tuple[object, ...]
) -> tuple[int, int]:
    while path:
        if path in positions:
            return positions[path]
        path = path[:-1]
    return (1, 1)


def read_site_config(path: Path) -> dict[str, Any]:
    """The mkdocs.yml mapping (empty when the file does not exist)."""
    if not path.exists():
        return {}
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LenientLoader)
    return data if isinstance(data, dict) else {}


def locate_setting(file: str, path: tuple[object, ...]) -> tuple[int, int]:
    """Line and column of a setting in `file` (or of its nearest parent that is there)."""
    return _nearest(_positions(Path(file)), path)
