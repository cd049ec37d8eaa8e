"""Run `mkdocs build` with some of the generator's performance devices switched off.

Usage: BENCH_DEVICES_OFF=gc,yaml python scripts/devices_off.py build [mkdocs options]
       BENCH_DEVICES_OFF=gc,yaml python scripts/devices_off.py generator CATALOG
       BENCH_DEVICES_OFF=gc,yaml python scripts/devices_off.py parts CATALOG REPEAT
(the second prints the seconds the generator stage takes, as bench.py times it; the third the
least time, over REPEAT tries in one process, of each of its parts, as JSON)

Only the benchmark uses this (scripts/bench_devices.py): each device is replaced, by patching
before MkDocs loads the plugin, with the plain version it would be replaced by. The theme's
fragment memo (`memo`) is switched off in the project's copy of the theme by the benchmark itself.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEVICES = ("gc", "freeze", "memo", "yaml", "fork")


def _gc_off() -> None:
    """The collector runs while the catalog is loaded, checked and dumped."""
    import generator.catalog.content_checks as checks
    import generator.catalog.load as load
    import generator.site_files.api as api

    for module in (checks, load, api):
        module.gc_paused = contextlib.nullcontext  # type: ignore[attr-defined]


def _freeze_off() -> None:
    """The plugin leaves the catalog and MkDocs' files in the collector's reach."""
    import generator.engine.plugin as plugin

    plugin.gc = types.SimpleNamespace(  # type: ignore[assignment,attr-defined]
        collect=lambda: 0, freeze=lambda: None, unfreeze=lambda: None
    )


def _memo_off() -> None:
    import generator.engine.plugin as plugin

    plugin.toc_shape = lambda toc: []  # type: ignore[attr-defined]


def _yaml_off() -> None:
    sys.path.insert(0, str(ROOT))
    import generator.catalog.load as load
    from tests.helpers import yaml_reference

    load.read_yaml = yaml_reference.read_yaml  # type: ignore[assignment,attr-defined]


def _fork_off() -> None:
    import generator.engine.plugin as plugin
    import generator.pages.render as render

    plugin.spare_core = lambda: False  # type: ignore[attr-defined]
    render.spare_core = lambda: False  # type: ignore[attr-defined]


def main() -> None:
    off = [d for d in os.environ.get("BENCH_DEVICES_OFF", "").split(",") if d]
    unknown = set(off) - set(DEVICES)
    if unknown:
        raise SystemExit(f"unknown devices: {sorted(unknown)}")
    patches = {
        "gc": _gc_off,
        "freeze": _freeze_off,
        "memo": _memo_off,
        "yaml": _yaml_off,
        "fork": _fork_off,
    }
    for device in off:
        if device in patches:
            patches[device]()
    if sys.argv[1:2] == ["generator"]:
        print(time_generator(Path(sys.argv[2])))
        return
    if sys.argv[1:2] == ["parts"]:
        print(json.dumps(time_parts(Path(sys.argv[2]), int(sys.argv[3]))))
        return
    from mkdocs.__main__ import cli

    sys.argv = ["mkdocs", *sys.argv[1:]]
    cli()


def time_parts(catalog_path: Path, repeat: int) -> dict[str, float]:
    """The least time of each part of the generator stage over `repeat` tries, in one process
    (rendering in this process only, so a device's cost is counted whole)."""
    import datetime
    import time

    from generator.catalog.content_checks import check_content
    from generator.catalog.load import read_catalog
    from generator.pages.render import HTML_TEMPLATES, render_site
    from generator.site_files.api import catalog_json

    best: dict[str, float] = {}

    def timed(name: str, start: float) -> None:
        best[name] = min(best.get(name, float("inf")), time.perf_counter() - start)

    for _ in range(repeat):
        start = time.perf_counter()
        catalog, source = read_catalog(catalog_path)
        timed("load", start)
        start = time.perf_counter()
        check_content(catalog, source, today=datetime.date.today(), readability=False)
        timed("checks", start)
        start = time.perf_counter()
        render_site(catalog, site_url="https://example.org/", html_templates=HTML_TEMPLATES)
        timed("render", start)
        start = time.perf_counter()
        catalog_json(catalog)
        timed("json", start)
        del catalog, source
    return best


def time_generator(catalog_path: Path) -> float:
    """Seconds to load, check, render (two processes) and dump the catalog, as the plugin does."""
    import time

    from bench import generator_stage  # after the devices are switched off

    start = time.perf_counter()
    generator_stage(catalog_path)
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
