"""What a clinic would use instead: other engines building the same pages, for `make bench`.

`python -m generator export` writes the catalog's pages as an engine-neutral project (Markdown
pages, the theme's templates, no plugin). Plain MkDocs with Material, and Zensical, build that
export; each build is timed in its own process, as ours is, with its peak memory.
"""

from __future__ import annotations

import math
import os
import shutil
import statistics
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from bench_measure import BuildFailed, time_build

BIN = Path(sys.executable).parent
# Each engine's own command line, and the folder it writes (Zensical always writes `site/`).
ENGINES = {
    "mkdocs": (
        [str(BIN / "mkdocs"), "build", "--quiet", "--site-dir", "site-mkdocs"],
        "site-mkdocs",
    ),
    "zensical": ([str(BIN / "zensical"), "build", "--clean"], "site"),
}
LABELS = {"mkdocs": "MkDocs + Material", "zensical": "Zensical 0.0.73"}


def export(project: Path) -> Path:
    """The project exported (not timed: a clinic using another engine has its pages already)."""
    out = project / "export"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
    command = [sys.executable, "-m", "generator", "export", str(out)]
    subprocess.run(command, cwd=project, env=env, check=True, stdout=subprocess.DEVNULL)
    return out


def time_engine(exported: Path, engine: str) -> tuple[float, float]:
    """Seconds and peak MB of `engine` building the export from scratch."""
    command, folder = ENGINES[engine]
    shutil.rmtree(exported / folder, ignore_errors=True)
    shutil.rmtree(exported / ".cache", ignore_errors=True)
    try:
        return time_build(exported, command)
    except BuildFailed as failure:  # e.g. Zensical's search index limit: recorded, not fatal
        print(f"{engine}: {failure} after {failure.seconds:.0f} s", flush=True)
        return math.nan, failure.peak_mb


@dataclass
class EngineRuns:
    """One catalog's builds by our plugin and by the other engines, round by round."""

    label: str
    ours: list[tuple[float, float]] = field(default_factory=list)  # shared with Runs.builds
    others: dict[str, list[tuple[float, float]]] = field(default_factory=dict)

    def add(self, exported: Path, engines: list[str]) -> None:
        for engine in engines:
            self.others.setdefault(engine, []).append(time_engine(exported, engine))


def comparison_table(runs: list[EngineRuns]) -> str:
    """Each engine's build time and peak memory, and how many times slower than ours it is
    (the median of the rounds' own ratios: both are built close in time in each round)."""
    engines = [e for e in ENGINES if any(e in r.others for r in runs)]
    header = "| catalog | ours: build / peak memory |"
    rule = "|---|---:|"
    for engine in engines:
        header += f" {LABELS[engine]}: build / peak memory | {LABELS[engine]} / ours |"
        rule += "---:|---:|"
    rows = [header, rule]
    for r in runs:
        row = f"| {r.label} | {_median(r.ours)} |"
        for engine in engines:
            theirs = r.others.get(engine, [])
            ratios = [t[0] / o[0] for t, o in zip(theirs, r.ours, strict=False)]
            if any(math.isnan(x) for x in ratios):
                row += f" failed ({_failed(theirs)}) | - |"
                continue
            ratio = f"{statistics.median(ratios):.2f}" if ratios else "-"
            row += f" {_median(theirs)} | {ratio} |"
        rows.append(row)
    return "\n".join(rows) + "\n"


def _failed(builds: list[tuple[float, float]]) -> str:
    return f"peak {max(b[1] for b in builds):.0f} MB"


def _median(builds: list[tuple[float, float]]) -> str:
    if not builds:
        return "-"
    seconds = statistics.median(b[0] for b in builds)
    return f"{seconds:.1f} s / {max(b[1] for b in builds):.0f} MB"
