"""Command line: `python -m generator check|review|export|build|schema|new|figures`."""

from __future__ import annotations

import argparse
import datetime
import sys
from collections.abc import Sequence
from pathlib import Path

from generator.catalog.content_checks import (
    DEFAULT_REVIEW_MONTHS,
    Finding,
    Severity,
    check_content,
)
from generator.catalog.kinds import KINDS
from generator.catalog.load import load_catalog
from generator.catalog.model import Catalog
from generator.catalog.red_flag_rules import default_rules
from generator.catalog.schema import catalog_schema
from generator.catalog.skeletons import NEW_KINDS, add_entry
from generator.clinic.signoff import (
    SIGNOFF_FILE,
    TIME_ZONES,
    Item,
    record_signoffs,
    reviewer_problem,
)
from generator.engine.build import build_site
from generator.engine.export import export_project
from generator.figures.sheet import contact_sheet
from generator.pipeline import Project, read_project
from generator.source.errors import Problem, ProjectError, SettingsError, format_path
from generator.source.text_safety import visible

DEFAULT_CATALOG = Path("exercises.yaml")
DEFAULT_CONFIG = Path("mkdocs.yml")
MAX_REVIEW_MONTHS = 1200


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
        default=None,
        metavar="MKDOCS_YML",
        help="site settings: the clinic's settings are checked too (default mkdocs.yml)",
    )
    check.add_argument(
        "--review-months",
        type=_months,
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
    check.add_argument(
        "--publish",
        action="store_true",
        help="fail (exit 1) unless the clinic has signed off every entry and page as it is now",
    )
    export = commands.add_parser(
        "export", help="write a project any MkDocs-compatible engine builds (no plugin needed)"
    )
    export.add_argument("outdir", type=Path, metavar="OUTDIR")
    export.add_argument("--catalog", type=Path, default=DEFAULT_CATALOG, metavar="PATH")
    export.add_argument("--config", type=Path, default=None, metavar="MKDOCS_YML")
    build = commands.add_parser(
        "build", help="build the site with MkDocs (strict), optionally in another language"
    )
    build.add_argument("site_dir", type=Path, metavar="SITE_DIR")
    build.add_argument("--config", type=Path, default=DEFAULT_CONFIG, metavar="MKDOCS_YML")
    build.add_argument(
        "--language",
        default=None,
        metavar="CODE",
        help="the site's language for this build (theme.language), e.g. en-XA (pseudo-locale)",
    )
    commands.add_parser("schema", help="print the catalog's JSON Schema")
    review = commands.add_parser(
        "review", help="record the clinic's sign-off of entries and pages (in signoff.yaml)"
    )
    review.add_argument(
        "targets",
        nargs="*",
        metavar="ID_OR_PAGE",
        help="entry ids (or KIND/ID) and content pages (content/guides/x.md)",
    )
    review.add_argument("--by", required=True, metavar='"NAME, PROFESSION"')
    chosen = review.add_mutually_exclusive_group()
    chosen.add_argument("--all", action="store_true", help="every entry and content page")
    chosen.add_argument(
        "--pending", action="store_true", help="everything not signed off, or changed since"
    )
    review.add_argument(
        "--date", type=_past_date, default=None, metavar="YYYY-MM-DD", help="default today"
    )
    review.add_argument("--catalog", type=Path, default=DEFAULT_CATALOG, metavar="PATH")
    review.add_argument("--config", type=Path, default=DEFAULT_CONFIG, metavar="MKDOCS_YML")
    figures = commands.add_parser(
        "figures", help="write a contact sheet of every exercise figure and library pose"
    )
    figures.add_argument("sheet", type=Path, metavar="OUT.html")
    figures.add_argument("--catalog", type=Path, default=DEFAULT_CATALOG, metavar="PATH")
    new = commands.add_parser("new", help="add a commented skeleton entry to the catalog")
    new.add_argument("kind", choices=sorted(NEW_KINDS), metavar="KIND")
    new.add_argument("entry_id", metavar="ID", help="lower-case words joined by hyphens")
    new.add_argument("--catalog", type=Path, default=DEFAULT_CATALOG, metavar="PATH")
    return parser


def _past_date(text: str) -> datetime.date:
    """A sign-off day: a real date, today or before (a sign-off date is never made up)."""
    try:
        date = datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date written as YYYY-MM-DD") from None
    if date > datetime.date.today() + TIME_ZONES:
        raise argparse.ArgumentTypeError(f"{text} is in the future")
    return date


def _items(n: int) -> str:
    return f"{n} {'entry or page' if n == 1 else 'entries and pages'}"


def _months(text: str) -> int:
    """A number of months from 1 to 1200 (an absurd one is a usage error, not a traceback)."""
    try:
        months = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number of months: {text!r}") from None
    if not 1 <= months <= MAX_REVIEW_MONTHS:
        raise argparse.ArgumentTypeError(f"must be from 1 to {MAX_REVIEW_MONTHS} months")
    return months


def _config(given: Path | None) -> Path:
    """The settings file: the default `mkdocs.yml` may be absent (defaults apply); a file
    named with `--config` must exist."""
    if given is None:
        return DEFAULT_CONFIG
    if not given.is_file():
        reason = "is a folder, not a file" if given.is_dir() else "file not found"
        raise SettingsError([Problem(str(given), 1, 1, "", f"--config: {reason}")])
    return given


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _summary(catalog: Catalog) -> str:
    # The kinds with pages, in the catalog's order, then those without (references).
    kinds = sorted(KINDS, key=lambda kind: kind.folder is None)
    return ", ".join(_count(len(kind.entries(catalog)), kind.noun) for kind in kinds)


def _check(args: argparse.Namespace) -> int:
    """Settings and catalog: every problem of both is listed before exiting."""
    project = read_project(_config(args.config), args.catalog)
    catalog, source = project.catalog, project.source
    today = args.today or datetime.date.today()
    report = check_content(
        catalog,
        source,
        today=today,
        review_months=args.review_months,
        red_flag_rules=default_rules(),
    )
    settings = [Finding(problem, Severity.WARNING) for problem in project.site.warnings]
    for finding in [*settings, *report.findings]:
        print(finding, file=sys.stderr)
    if args.grades:
        for grade in sorted(report.grades, key=lambda g: -g.grade):
            print(f"  grade {grade.grade:5.1f}  {format_path(grade.path)} ({grade.name})")
    median = report.median_grade
    reading = f"reading grade median {median:.1f}" if median is not None else "no prose"
    errors, warnings = len(report.errors), len(report.warnings) + len(settings)
    counts = f"{_count(errors, 'error')}, {_count(warnings, 'warning')}"
    signed = _signoff_report(project, today, publish=args.publish)
    if args.publish:
        errors += signed
        if signed:  # the catalog may be clean and still not ready: say so on the last line
            counts += f"; not ready to publish: {_items(signed)} to sign off (again)"
    if signed:
        severity = "errors" if args.publish else "warnings"
        print(f"Sign-off: {_items(signed)} to review by the clinic ({severity} above).")
    print(f"{visible(str(args.catalog))}: {_summary(catalog)}; {reading}; {counts}.")
    return 1 if errors or (args.strict and warnings) else 0


def _signoff_report(project: Project, today: datetime.date, *, publish: bool) -> int:
    """Print what the clinic has not signed off (errors when publishing); return how many.
    Before the clinic's first sign-off, a warning says so once instead of listing everything."""
    _, pending = project.review_state(today)
    if not publish and pending and not project.signoff_file.exists():
        message = (
            f"warning: nothing is signed off by the clinic yet ({len(pending)} entries and "
            'pages); once a clinician has read them: python -m generator review --by "Name, '
            'profession" --all (docs/editing.md, "Sign-off")'
        )
        print(f"{SIGNOFF_FILE}: {message}", file=sys.stderr)
        return len(pending)
    for problem in pending:
        line = str(problem) if publish else str(Finding(problem, Severity.WARNING))
        print(line, file=sys.stderr)
    return len(pending)


def _review(args: argparse.Namespace) -> int:
    """Record the sign-off of the chosen entries and pages; exit 2 on bad arguments."""
    problem = reviewer_problem(args.by)
    if problem is None and not (args.targets or args.all or args.pending):
        problem = "name what was reviewed: ids, pages, --all or --pending"
    if problem is None and args.targets and (args.all or args.pending):
        problem = "give ids and pages, or --all, or --pending, not both"
    if problem is not None:
        return _usage(problem)
    project = read_project(args.config, args.catalog)
    items = project.signoff_items()
    if args.pending:
        current, _ = project.review_state()
        chosen = [item for item in items if (item.noun, item.key) not in current]
    elif args.all:
        chosen = items
    else:
        found = _chosen(items, args.targets, project.site.docs_dir.name)
        if isinstance(found, str):
            return _usage(found)
        chosen = found
    if not chosen:
        print("Nothing to sign off: everything is signed off as it is now.")
        return 0
    date = args.date or datetime.date.today()
    record_signoffs(project.signoff_file, chosen, args.by.strip(), date)
    where = visible(str(project.signoff_file))
    print(f"Signed off {_items(len(chosen))} as {visible(args.by)} on {date}:")
    for item in chosen[:20]:
        print(f"  {item.noun} {visible(item.key)}")
    if len(chosen) > 20:
        print(f"  ... and {len(chosen) - 20} more")
    print(f"Recorded in {where}; commit it with the change it approves.")
    return 0


def _chosen(items: list[Item], targets: list[str], docs: str) -> list[Item] | str:
    """The items named by id, KIND/ID or page path; or why a name matches none, or several."""
    chosen: list[Item] = []
    for target in targets:
        matches = [
            item
            for item in items
            if target in {item.key, f"{item.noun}/{item.key}"}
            or (item.noun == "page" and item.key == f"{docs}/{target}")
        ]
        if not matches:
            return f"'{visible(target)}' is not an entry id or a page in {docs}/"
        if len(matches) > 1:
            kinds = ", ".join(f"{m.noun}/{m.key}" for m in matches)
            return f"'{visible(target)}' is ambiguous: write one of {kinds}"
        if matches[0] not in chosen:
            chosen.append(matches[0])
    return chosen


def _usage(message: str) -> int:
    print(f"python -m generator review: error: {visible(message)}", file=sys.stderr)
    return 2


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
            return _export(args.outdir, args.catalog, _config(args.config))
        if args.command == "build":
            return build_site(_config(args.config), args.site_dir, args.language)
        if args.command == "review":
            return _review(args)
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
    except ProjectError as error:
        print(error.report(), file=sys.stderr)
        return 1
    except OSError as error:  # a path that is a file, a read-only folder, a full disk
        where = visible(str(error.filename)) + ": " if error.filename else ""
        reason = error.strerror or str(error)
        if isinstance(error, FileExistsError | NotADirectoryError):
            reason = "a file is where a folder should be"
        print(f"error: {where}{reason}", file=sys.stderr)
        return 1
    except (ValueError, OverflowError, RecursionError, MemoryError) as error:
        print(f"error: {visible(str(error)) or type(error).__name__}", file=sys.stderr)
        return 1
