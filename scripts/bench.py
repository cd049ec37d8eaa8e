"""Benchmark: build synthetic catalogs of 100, 1,000 and 5,000 exercises and the shipped one.

Usage: python scripts/bench.py [--sizes shipped,100,1000,5000] [--engines mkdocs,zensical]
                               [--repeat N] [--out bench-results.md]

Synthetic catalogs are the shipped catalog copied group by group (ids suffixed, so ladders,
conditions and routines stay consistent), with exercise order shuffled by a fixed seed: same
input every run. For each catalog the table reports the generator stage (load, validate,
render), the full MkDocs build, peak memory of the build process, site size, HTML bytes per
exercise page, the search index, and a lower bound: Python-Markdown converting the exported pages
with the extensions (and their settings) listed in the site's `mkdocs.yml`, in one process.
With `--repeat N` every time is the median of N rounds, each round measuring every catalog in
turn (timings on a shared machine vary, and drift). It also times the edit loop under
`mkdocs serve` (see preview.py).
"""

from __future__ import annotations

import argparse
import datetime
import json
import math
import os
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import markdown
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_engines import ENGINES, EngineRuns, comparison_table, export  # noqa: E402
from bench_measure import time_build  # noqa: E402
from preview import time_edit_loop  # noqa: E402

from generator.catalog.addresses import html_file  # noqa: E402
from generator.catalog.assets_check import check_images  # noqa: E402
from generator.catalog.content_checks import check_content  # noqa: E402
from generator.catalog.kinds import EXERCISES, PAGE_KINDS, TREATMENTS  # noqa: E402
from generator.catalog.load import read_catalog  # noqa: E402
from generator.catalog.model import Catalog  # noqa: E402
from generator.pages.render import HTML_TEMPLATES, render_pages, render_site  # noqa: E402
from generator.site_files.api import catalog_json  # noqa: E402

PROJECT_FILES = ["mkdocs.yml", "content", "theme"]
SEED = 20261123


@dataclass
class Result:
    label: str
    exercises: int
    pages: int
    generator_s: float
    build_s: float
    peak_mb: float
    site_mb: float
    html_median_kb: float
    html_max_kb: float
    search_kb: float
    search_per_page_kb: float
    lower_bound_s: float

    @property
    def ratio(self) -> float:
        return self.build_s / self.lower_bound_s


def synthetic_catalog(base: dict[str, Any], exercises: int, seed: int) -> dict[str, Any]:
    """`base` copied in groups until it has `exercises` exercises, every id still resolvable."""
    groups = math.ceil(exercises / len(base["exercises"]))
    rng = random.Random(seed)
    out: dict[str, Any] = {"references": base["references"]}
    for kind in PAGE_KINDS:
        out[kind.key] = []
    for group in range(groups):
        suffix = f"-g{group}" if group else ""

        def rename(value: str, suffix: str = suffix) -> str:
            return value + suffix

        for treatment in base[TREATMENTS.key]:
            out[TREATMENTS.key].append(
                {**treatment, "id": rename(treatment["id"]), "name": f"{treatment['name']} {group}"}
            )
        for condition in base["conditions"]:
            out["conditions"].append(
                {
                    **condition,
                    "id": rename(condition["id"]),
                    "name": f"{condition['name']} {group}",
                    "helps": [
                        {**h, "treatment": rename(h["treatment"])} for h in condition["helps"]
                    ],
                    "exercises": [rename(e) for e in condition.get("exercises", [])],
                    "routines": [rename(r) for r in condition.get("routines", [])],
                }
            )
        shuffled = list(base["exercises"])
        rng.shuffle(shuffled)
        for exercise in shuffled:
            out["exercises"].append(
                {
                    **exercise,
                    "id": rename(exercise["id"]),
                    "name": f"{exercise['name']} {group}",
                    "easier": [rename(e) for e in exercise.get("easier", [])],
                    "harder": [rename(e) for e in exercise.get("harder", [])],
                }
            )
        for routine in base["routines"]:
            out["routines"].append(
                {
                    **routine,
                    "id": rename(routine["id"]),
                    "name": f"{routine['name']} {group}",
                    "for": [rename(c) for c in routine["for"]],
                    "items": [{**i, "exercise": rename(i["exercise"])} for i in routine["items"]],
                }
            )
    return _trim(out, exercises)


def synthetic_text(base: dict[str, Any], exercises: int) -> str:
    """The synthetic catalog of `exercises` exercises as YAML: the same text on every run."""
    data = synthetic_catalog(base, exercises, SEED + exercises)
    plain = json.loads(json.dumps(data, default=str))  # dates as text, as a clinic writes them
    return yaml.safe_dump(plain, sort_keys=False, allow_unicode=True)


def _trim(catalog: dict[str, Any], exercises: int) -> dict[str, Any]:
    catalog["exercises"] = catalog["exercises"][:exercises]
    kept = {e["id"] for e in catalog["exercises"]}
    for exercise in catalog["exercises"]:
        exercise["easier"] = [e for e in exercise["easier"] if e in kept]
        exercise["harder"] = [e for e in exercise["harder"] if e in kept]
    routines = []
    for routine in catalog["routines"]:
        items = [i for i in routine["items"] if i["exercise"] in kept]
        if items:
            routines.append({**routine, "items": items})
    catalog["routines"] = routines
    routine_ids = {r["id"] for r in routines}
    for condition in catalog["conditions"]:
        condition["exercises"] = [e for e in condition["exercises"] if e in kept]
        condition["routines"] = [r for r in condition["routines"] if r in routine_ids]
    return catalog


def make_project(folder: Path, catalog_text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, folder / name)
        else:
            shutil.copy(source, folder / name)
    (folder / "exercises.yaml").write_text(catalog_text, encoding="utf-8")
    return folder


def markdown_extensions(config_file: Path) -> tuple[list[str], dict[str, Any]]:
    """The site's `markdown_extensions` from mkdocs.yml: names and their settings."""
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    names: list[str] = []
    settings: dict[str, Any] = {}
    for entry in config.get("markdown_extensions") or []:
        if isinstance(entry, dict):
            ((name, options),) = entry.items()
            names.append(name)
            settings[name] = options or {}
        else:
            names.append(entry)
    return names, settings


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml may use MkDocs' `!ENV` and `!relative` tags; read them as plain values."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def generator_stage(catalog_path: Path) -> Catalog:
    """Everything the plugin does before MkDocs renders: load, check, render (catalog pages as
    finished HTML, in two processes, as the plugin does), catalog JSON."""
    catalog, source = read_catalog(catalog_path)
    check_content(catalog, source, today=datetime.date.today(), readability=False)
    check_images(catalog, source, catalog_path.parent / "content")
    render_site(
        catalog, site_url="https://example.org/", parallel=True, html_templates=HTML_TEMPLATES
    )
    catalog_json(catalog)
    return catalog


def time_generator(catalog_path: Path) -> tuple[float, dict[str, str]]:
    """Seconds of the generator stage, and the pages' Markdown form (made after the timing)
    for the lower bound."""
    start = time.perf_counter()
    catalog = generator_stage(catalog_path)
    elapsed = time.perf_counter() - start
    return elapsed, render_pages(catalog, site_url="https://example.org/", parallel=True)


def time_lower_bound(project: Path, pages: dict[str, str]) -> float:
    """Python-Markdown alone, same extensions, on the same pages (generated and hand-written)."""
    sources = list(pages.values())
    sources += [p.read_text(encoding="utf-8") for p in sorted((project / "content").rglob("*.md"))]
    names, settings = markdown_extensions(project / "mkdocs.yml")
    converter = markdown.Markdown(extensions=names, extension_configs=settings)
    start = time.perf_counter()
    for source in sources:
        converter.reset().convert(source.split("---\n", 2)[-1])
    return time.perf_counter() - start


@dataclass
class Runs:
    """One catalog's project and the times of its runs so far."""

    label: str
    exercises: int
    project: Path
    generator: list[float] = field(default_factory=list)
    builds: list[tuple[float, float]] = field(default_factory=list)  # (seconds, peak MB)
    lower_bounds: list[float] = field(default_factory=list)
    pages: dict[str, str] = field(default_factory=dict)
    engines: list[str] = field(default_factory=list)  # other engines building the export
    exported: Path | None = None

    def __post_init__(self) -> None:
        self.against = EngineRuns(self.label, self.builds)

    def run(self) -> None:
        """Time the generator, a full build, the lower bound and the other engines once."""
        generator_s, self.pages = time_generator(self.project / "exercises.yaml")
        self.generator.append(generator_s)
        shutil.rmtree(self.project / "site", ignore_errors=True)
        self.builds.append(time_build(self.project))
        self.lower_bounds.append(time_lower_bound(self.project, self.pages))
        if self.engines:
            self.exported = self.exported or export(self.project)
            self.against.add(self.exported, self.engines)

    def result(self) -> Result:
        """Medians of the runs, and sizes of the last built site."""
        site = self.project / "site"
        html = [
            (site / html_file(uri)).stat().st_size
            for uri in self.pages
            if uri.rpartition("/")[0] == EXERCISES.folder and uri != EXERCISES.index
        ]
        search = (site / "search" / "search_index.json").stat().st_size
        html_pages = sum(1 for _ in site.rglob("*.html"))
        size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
        return Result(
            label=self.label,
            exercises=self.exercises,
            pages=html_pages,
            generator_s=statistics.median(self.generator),
            build_s=statistics.median(b[0] for b in self.builds),
            peak_mb=max(b[1] for b in self.builds),
            site_mb=size / 1e6,
            html_median_kb=statistics.median(html) / 1000,
            html_max_kb=max(html) / 1000,
            search_kb=search / 1000,
            search_per_page_kb=search / 1000 / html_pages,
            lower_bound_s=statistics.median(self.lower_bounds),
        )


def growth(small: Runs, large: Runs) -> float:
    """Median over rounds of the large catalog's build time over the small one's. Both are
    built in each round, close in time, so a machine that slows down for a while moves both."""
    return statistics.median(b[0] / a[0] for a, b in zip(small.builds, large.builds, strict=True))


def edit_loop(catalog_text: str) -> float:
    """Seconds from saving an edited exercise to `mkdocs serve` serving it (see preview.py)."""
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as tmp:
        return time_edit_loop(make_project(Path(tmp), catalog_text))


def table(results: list[Result]) -> str:
    header = (
        "| catalog | exercises | pages | generator | build | generator share | peak memory "
        "| site | HTML per exercise page (median / max) | search index (total / per page) "
        "| Markdown-only lower bound | build / lower bound |\n"
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
    )
    rows = [
        f"| {r.label} | {r.exercises:,} | {r.pages:,} | {r.generator_s:.2f} s | {r.build_s:.1f} s "
        f"| {100 * r.generator_s / r.build_s:.1f} % | {r.peak_mb:.0f} MB | {r.site_mb:.1f} MB "
        f"| {r.html_median_kb:.1f} / {r.html_max_kb:.1f} KB "
        f"| {r.search_kb:,.0f} / {r.search_per_page_kb:.2f} KB | {r.lower_bound_s:.1f} s "
        f"| {r.ratio:.2f} |"
        for r in results
    ]
    return header + "\n".join(rows) + "\n"


def machine() -> str:
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return (
        f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, {platform.system()}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="shipped,100,1000,5000", help="catalogs to build")
    parser.add_argument(
        "--engines", default=",".join(ENGINES), help="other engines building the export"
    )
    parser.add_argument("--no-edit-loop", action="store_true", help="skip timing the edit loop")
    parser.add_argument("--repeat", type=int, default=1, help="rounds; times are medians")
    parser.add_argument("--out", type=Path, default=None, help="also write the table to this file")
    args = parser.parse_args()
    shipped_text = (ROOT / "exercises.yaml").read_text(encoding="utf-8")
    base = yaml.safe_load(shipped_text)
    catalogs = []
    for size in args.sizes.split(","):
        if size == "shipped":
            catalogs.append(("shipped", shipped_text, len(base["exercises"])))
        else:
            exercises = int(size)
            catalogs.append(
                (f"synthetic {exercises:,}", synthetic_text(base, exercises), exercises)
            )
    engines = [e for e in args.engines.split(",") if e]
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        runs = []
        for number, (label, text, exercises) in enumerate(catalogs):
            project = make_project(Path(tmp) / str(number), text)
            runs.append(Runs(label, exercises, project, engines=engines))
        edits: list[float] = []
        # Rounds: every catalog once per round, so that slow spells of a shared machine fall
        # on all sizes alike rather than on whichever was measured then.
        for round_number in range(1, args.repeat + 1):
            for catalog in runs:
                catalog.run()
                print(f"round {round_number}: {catalog.label} built", flush=True)
            if not args.no_edit_loop:
                edits.append(edit_loop(shipped_text))
        results = [catalog.result() for catalog in runs]
        by_size = {c.exercises: c for c in runs if c.label != "shipped"}
        ratio = growth(by_size[1000], by_size[5000]) if {1000, 5000} <= by_size.keys() else None
    rounds = "one run" if args.repeat == 1 else f"median of {args.repeat} rounds"
    report = f"Machine: {machine()}; times: {rounds}\n\n{table(results)}\n"
    if engines:
        report += (
            "Against other engines building the same pages (`python -m generator export`), "
            f"same rounds:\n\n{comparison_table([c.against for c in runs])}\n"
        )
    if edits:
        report += (
            f"Edit loop (`make serve`, shipped catalog): a renamed exercise is served "
            f"{statistics.median(edits):.1f} s after the catalog is saved\n"
        )
    if ratio is not None:
        report += f"\nBuild time 5,000 / 1,000: {ratio:.2f} (median of the rounds' ratios)\n"
    print(report)
    if args.out:
        args.out.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
