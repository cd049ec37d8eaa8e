"""Command line: `python -m generator check|export|schema`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .api import CATALOG_JSON_URI, catalog_json
from .errors import CatalogError
from .load import load_catalog
from .model import Catalog
from .render import render_pages
from .schema import catalog_schema
from .site_config import read_clinic_settings

DEFAULT_CATALOG = Path("exercises.yaml")
DEFAULT_CONFIG = Path("mkdocs.yml")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m generator",
        description="Patient-education site generator: check the catalog, export its pages.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check = commands.add_parser("check", help="validate the catalog (exit 1 when invalid)")
    check.add_argument("catalog", nargs="?", type=Path, default=DEFAULT_CATALOG, metavar="PATH")
    export = commands.add_parser("export", help="write the generated Markdown pages to a folder")
    export.add_argument("outdir", type=Path, metavar="OUTDIR")
    export.add_argument("--catalog", type=Path, default=DEFAULT_CATALOG, metavar="PATH")
    export.add_argument("--config", type=Path, default=DEFAULT_CONFIG, metavar="MKDOCS_YML")
    commands.add_parser("schema", help="print the catalog's JSON Schema")
    return parser


def _summary(catalog: Catalog) -> str:
    counts = [
        (len(catalog.exercises), "exercise"),
        (len(catalog.conditions), "condition"),
        (len(catalog.modalities), "treatment"),
        (len(catalog.routines), "routine"),
        (len(catalog.references), "reference"),
    ]
    return ", ".join(f"{n} {noun}{'' if n == 1 else 's'}" for n, noun in counts)


def _check(path: Path) -> int:
    catalog = load_catalog(path)
    print(f"{path}: OK: {_summary(catalog)}.")
    return 0


def _export(outdir: Path, catalog_path: Path, config_path: Path) -> int:
    catalog = load_catalog(catalog_path)
    pages = render_pages(catalog, read_clinic_settings(config_path))
    pages[CATALOG_JSON_URI] = catalog_json(catalog)
    for uri, text in pages.items():
        target = outdir / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    print(f"Wrote {len(pages)} files to {outdir}.")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "check":
            return _check(args.catalog)
        if args.command == "export":
            return _export(args.outdir, args.catalog, args.config)
        sys.stdout.write(catalog_schema())
        return 0
    except CatalogError as error:
        print(error.report(), file=sys.stderr)
        return 1
