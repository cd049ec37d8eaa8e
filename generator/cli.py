"""Command line: `python -m generator check|export|schema|new|figures`."""

from __future__ import annotations

import argparse
import datetime
import sys
from collections.abc import Sequence
from pathlib import Path

from generator.catalog.content_checks import DEFAULT_REVIEW_MONTHS, check_content
from generator.catalog.load import load_catalog
from generator.catalog.model import Catalog
from generator.catalog.red_flag_rules import default_rules
from generator.catalog.schema import catalog_schema
from generator.catalog.skeletons import SECTION_OF_KIND, add_entry
from generator.engine.export import export_project
from generator.figures.sheet import contact_sheet
from generator.pipeline import read_project
from generator.source.errors import CatalogError, format_path
from generator.source.text_safety import visible

DEFAULT_CATALOG = Path("exercises.yaml")
DEFAULT_CONFIG = Path("mkdocs.yml")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m generator",
        description="Patient-education site generator: check the catalog, export its pages.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    # check | export | schema | new
    check = commands.add_parser("check", help="validate the catalog (exit 1 when invalid)")
    check.add_argument("catalog", nargs="?", type=Path, default=DEFAULT_CATALOG, metavar="PATH")
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    check.add_argument(
        "--config",
        type=Path,
        default=DEFAULT_CONFIG,
        metavar="MKDOCS_YML",
        help="site settings: the clinic's settings are checked too (default mkdocs.yml)",
    )
    check.add_argument(
        "--review-months",
        type=int,
        default=DEFAULT_REVIEW_MONTHS,
        metavar="N",
        help="warn when an entry was last reviewed more than N months ago "
        f"(default {DEFAULT_REVIEW_MONTHS})",
    )
    check.add_argument(
        "--today", type=datetime.date.fromisoformat, default=None, help=argparse.SUPPRESS
    )
    check.add_argument(
        "--grades", action="store_true", help="list the reading grade of every entry"
    )
    export = commands.add_parser(
        "export", help="write a project any MkDocs-compatible engine builds (no plugin needed)"
    )
    export.add_argument("outdir", type=Path, metavar="OUTDIR")
    export.add_argument("--catalog", type=Path, default=DEFAULT_CATALOG, metavar="PATH")
    export.add_argument("--config", type=Path, default=DEFAULT_CONFIG, metavar="MKDOCS_YML")
    commands.add_parser("schema", help="print the catalog's JSON Schema")
    figures = commands.add_parser(
        "figures", help="write a contact sheet of every exercise figure and library pose"
    )
    figures.add_argument("sheet", type=Path, metavar="OUT.html")
    figures.add_argument("--catalog", type=Path, default=DEFAULT_CATALOG, metavar="PATH")
    new = commands.add_parser("new", help="add a commented skeleton entry to the catalog")
    new.add_argument("kind", choices=sorted(SECTION_OF_KIND), metavar="KIND")
    new.add_argument("entry_id", metavar="ID", help="lower-case words joined by hyphens")
    new.add_argument("--catalog", type=Path, default=DEFAULT_CATALOG, metavar="PATH")
    return parser


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _summary(catalog: Catalog) -> str:
    counts = [
        (len(catalog.exercises), "exercise"),
        (len(catalog.conditions), "condition"),
        (len(catalog.modalities), "treatment"),
        (len(catalog.routines), "routine"),
        (len(catalog.references), "reference"),
    ]
    return ", ".join(_count(n, noun) for n, noun in counts)


def _check(args: argparse.Namespace) -> int:
    """Settings and catalog: every problem of both is listed before exiting."""
    project = read_project(args.config, args.catalog)
    catalog, source = project.catalog, project.source
    today = args.today or datetime.date.today()
    report = check_content(
        catalog,
        source,
        today=today,
        review_months=args.review_months,
        red_flag_rules=default_rules(),
    )
    for finding in report.findings:
        print(finding, file=sys.stderr)
    if args.grades:
        for grade in sorted(report.grades, key=lambda g: -g.grade):
            print(f"  grade {grade.grade:5.1f}  {format_path(grade.path)} ({grade.name})")
    median = report.median_grade
    reading = f"reading grade median {median:.1f}" if median is not None else "no prose"
    errors, warnings = len(report.errors), len(report.warnings)
    counts = f"{_count(errors, 'error')}, {_count(warnings, 'warning')}"
    print(f"{visible(str(args.catalog))}: {_summary(catalog)}; {reading}; {counts}.")
    return 1 if errors or (args.strict and warnings) else 0


def _export(outdir: Path, catalog_path: Path, config_path: Path) -> int:
    count = export_project(outdir, catalog_path, config_path)
    print(f"Wrote {count} files to {outdir}: a project any MkDocs-compatible engine builds.")
    return 0


def _figures(sheet: Path, catalog_path: Path) -> int:
    catalog = load_catalog(catalog_path)
    figures = [(e.id, e.figure) for e in catalog.exercises if e.figure is not None]
    sheet.parent.mkdir(parents=True, exist_ok=True)
    sheet.write_text(contact_sheet(figures), encoding="utf-8")
    print(f"Wrote {len(figures)} figures and the pose library to {sheet}.")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "check":
            return _check(args)
        if args.command == "export":
            return _export(args.outdir, args.catalog, args.config)
        if args.command == "figures":
            return _figures(args.sheet, args.catalog)
        if args.command == "new":
            add_entry(args.catalog, args.kind, args.entry_id)
            print(
                f"Added {args.kind} '{args.entry_id}' to {visible(str(args.catalog))}. "
                "Replace every TODO; `make check` lists where they are."
            )
            return 0
        sys.stdout.write(catalog_schema())
        return 0
    except CatalogError as error:
        print(error.report(), file=sys.stderr)
        return 1
