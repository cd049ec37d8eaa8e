"""Build the site with MkDocs in a chosen language (`make site-pseudo`), the file unchanged.

The language is Material's `theme.language`; `--language` sets it for one build by loading
`mkdocs.yml` with that one setting changed in memory (no second settings file to keep).
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException
from mkdocs.utils.yaml import yaml_load


def build_site(config_file: Path, site_dir: Path, language: str | None = None) -> int:
    """`mkdocs build --strict` of `config_file` into `site_dir`, in `language` if given;
    1 with MkDocs' message when the build fails."""
    logging.basicConfig(format="%(levelname)-7s -  %(message)s", level=logging.WARNING)
    overrides: dict[str, Any] = {"site_dir": str(site_dir), "strict": True}
    if language is not None:
        with config_file.open("rb") as file:
            raw = yaml_load(file)
        theme = raw.get("theme") if isinstance(raw, dict) else None
        theme = dict(theme) if isinstance(theme, dict) else {"name": theme or "material"}
        overrides["theme"] = {**theme, "language": language}
    try:
        build(load_config(str(config_file), **overrides))
    except MkDocsException as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0
