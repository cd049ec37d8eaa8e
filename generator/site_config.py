"""Read the clinic settings from `mkdocs.yml` without importing MkDocs."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from .errors import CatalogError, Problem
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
    """Validate `extra.clinic`; raise `CatalogError` naming the bad setting."""
    raw = extra.get("clinic", {}) if isinstance(extra, Mapping) else {}
    try:
        return ClinicSettings.model_validate(raw or {})
    except ValidationError as error:
        problems = [
            Problem(file, 1, 1, "extra.clinic." + ".".join(str(p) for p in e["loc"]), e["msg"])
            for e in error.errors()
        ]
        raise CatalogError(problems) from None


def read_site_config(path: Path) -> dict[str, Any]:
    """The mkdocs.yml mapping (empty when the file does not exist)."""
    if not path.exists():
        return {}
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LenientLoader)
    return data if isinstance(data, dict) else {}
