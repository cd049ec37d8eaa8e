"""Measure what each performance device saves: full builds with it on and off, same run.

Usage: python scripts/bench_devices.py [--size 5000] [--devices qr,gc,...] [--results F.json]

One synthetic catalog (see bench.py) is built with every device on (the baseline) and with one
device off at a time (devices_off.py replaces it by its plain version). A round builds the
baseline, then a few devices, then the baseline again, and so on; each device's ratio is its
build time over the mean of the two baselines around it, so a machine that slows down during
the round moves both. Results are appended to a JSON file, so rounds may run at different
times; the table shows medians over all rounds so far.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import make_project, synthetic_text  # noqa: E402
from bench_measure import time_build  # noqa: E402
from devices_off import DEVICES  # noqa: E402

THEME_OFF = ROOT / "scripts" / "bench_theme"
GROUP = 4  # devices between two baseline builds


def _theme(project: Path, device: str) -> None:
    """The project's theme as shipped, or with the theme device `device` switched off."""
    shutil.rmtree(project / "theme")
    shutil.copytree(ROOT / "theme", project / "theme")
    if device == "memo":  # main.html without the shared fragments
        shutil.copy(THEME_OFF / "main.html", project / "theme" / "main.html")


def build(project: Path, device: str) -> tuple[float, float]:
    """Seconds and peak MB of a full build with `device` off ("" for none)."""
    _theme(project, device)
    shutil.rmtree(project / "site", ignore_errors=True)
    command = [sys.executable, str(ROOT / "scripts" / "devices_off.py"), "build", "--quiet"]
    command += ["--site-dir", "site"]
    return time_build(project, command, {"BENCH_DEVICES_OFF": device})


def generator_round(project: Path, devices: list[str], repeat: int) -> dict[str, list[float]]:
    """{device: [(seconds off, seconds on) ...]}: the generator stage alone, in its own process,
    with each device off right after (or before, every other time) it on."""
    out: dict[str, list[float]] = {}
    for number in range(repeat):
        for device in devices:
            order = [device, ""] if number % 2 else ["", device]
            times = {name: _generator(project, name) for name in order}
            out.setdefault(device, []).extend([times[device], times[""]])
            print(f"  generator, {device} off / on: {times[device]:.2f} / {times['']:.2f} s")
    return out


def _generator(project: Path, device: str) -> float:
    command = [sys.executable, str(ROOT / "scripts" / "devices_off.py"), "generator"]
    env = {**os.environ, "BENCH_DEVICES_OFF": device}
    result = subprocess.run(
        [*command, str(project / "exercises.yaml")],
        env=env,
        cwd=project,
        check=True,
        capture_output=True,
        text=True,
    )
    return float(result.stdout.split()[-1])


def parts_round(project: Path, devices: list[str], repeat: int) -> dict[str, list[float]]:
    """{device: [saved seconds, on seconds]}: the generator's parts, each the least of
    `repeat` tries in one process, with the device off minus with it on (devices_off.py)."""
    out: dict[str, list[float]] = {}
    for device in devices:
        off = _parts(project, device, repeat)
        on = _parts(project, "", repeat)
        saved = sum(off.values()) - sum(on.values())
        detail = ", ".join(f"{k} {off[k] - on[k]:+.2f}" for k in on)
        print(f"  parts, {device} off - on: {saved:+.2f} s ({detail})", flush=True)
        out[device] = [saved, sum(on.values())]
    return out


def _parts(project: Path, device: str, repeat: int) -> dict[str, float]:
    command = [sys.executable, str(ROOT / "scripts" / "devices_off.py"), "parts"]
    result = subprocess.run(
        [*command, str(project / "exercises.yaml"), str(repeat)],
        env={**os.environ, "BENCH_DEVICES_OFF": device},
        cwd=project,
        check=True,
        capture_output=True,
        text=True,
    )
    parts: dict[str, float] = json.loads(result.stdout.splitlines()[-1])
    return parts


def one_round(project: Path, devices: list[str], group: int) -> dict[str, list[float]]:
    """{device: [seconds, peak MB, baseline seconds, baseline peak MB]} for one round."""
    base = build(project, "")
    out: dict[str, list[float]] = {}
    for start in range(0, len(devices), group):
        times = {device: build(project, device) for device in devices[start : start + group]}
        for device, (seconds, peak) in times.items():
            print(f"  {device} off: {seconds:.1f} s, {peak:.0f} MB", flush=True)
        after = build(project, "")
        print(f"  baseline: {base[0]:.1f} s / {after[0]:.1f} s", flush=True)
        for device, (seconds, peak) in times.items():
            out[device] = [seconds, peak, (base[0] + after[0]) / 2, max(base[1], after[1])]
        base = after
    return out


def table(rounds: list[dict[str, list[float]]]) -> str:
    lines = [
        "| device | rounds | build, device on | build, device off | off / on (median) "
        "| time saved | peak memory on / off |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for device in DEVICES:
        runs = [r[device] for r in rounds if device in r]
        if not runs:
            continue
        ratio = statistics.median(off / on for off, _, on, _ in runs)
        on_s = statistics.median(r[2] for r in runs)
        off_s = statistics.median(r[0] for r in runs)
        on_mb = statistics.median(r[3] for r in runs)
        off_mb = statistics.median(r[1] for r in runs)
        lines.append(
            f"| {device} | {len(runs)} | {on_s:.1f} s | {off_s:.1f} s | {ratio:.3f} "
            f"| {100 * (1 - 1 / ratio):.1f} % | {on_mb:.0f} / {off_mb:.0f} MB |"
        )
    return "\n".join(lines) + "\n"


def stage_table(stages: dict[str, list[float]], rounds: list[dict[str, list[float]]]) -> str:
    """The generator stage with each device off and on, and the time saved as a share of the
    full build (the median baseline of the build rounds)."""
    builds = [r[2] for rnd in rounds for r in rnd.values()]
    full = statistics.median(builds) if builds else None
    lines = [
        "| device | pairs | generator, device on | generator, device off | saved "
        "| saved / full build |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for device in DEVICES:
        if device not in stages:
            continue
        off, on = stages[device][0::2], stages[device][1::2]
        saved = statistics.median(a - b for a, b in zip(off, on, strict=True))
        share = f"{100 * saved / full:.1f} %" if full else "-"
        lines.append(
            f"| {device} | {len(on)} | {statistics.median(on):.2f} s "
            f"| {statistics.median(off):.2f} s | {saved:.2f} s | {share} |"
        )
    return "\n".join(lines) + "\n"


def parts_table(history: list[dict[str, list[float]]], rounds: list[dict[str, list[float]]]) -> str:
    """Each device's saving on the generator's parts (median over runs), as a share of the full
    build (the median baseline of the build rounds)."""
    builds = [r[2] for rnd in rounds for r in rnd.values()]
    full = statistics.median(builds) if builds else None
    lines = [
        "| device | runs | generator parts, device on | saved when on | saved / full build |",
        "|---|---:|---:|---:|---:|",
    ]
    for device in DEVICES:
        runs = [h[device] for h in history if device in h]
        if not runs:
            continue
        saved = statistics.median(r[0] for r in runs)
        share = f"{100 * saved / full:.1f} %" if full else "-"
        on = statistics.median(r[1] for r in runs)
        lines.append(f"| {device} | {len(runs)} | {on:.2f} s | {saved:.2f} s | {share} |")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=5000)
    parser.add_argument("--devices", default=",".join(DEVICES))
    parser.add_argument("--results", type=Path, default=ROOT / "build" / "devices.json")
    parser.add_argument("--project", type=Path, default=ROOT / "build" / "bench-devices")
    parser.add_argument("--table-only", action="store_true")
    parser.add_argument("--builds", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--generator", type=int, default=0, help="generator-stage repeats")
    parser.add_argument("--parts", type=int, default=0, help="tries of each generator part")
    parser.add_argument("--group", type=int, default=GROUP, help="devices between baselines")
    args = parser.parse_args()
    stage_file = args.results.with_name(args.results.stem + "-generator.json")
    stages: dict[str, list[float]] = {}
    if stage_file.exists():
        stages = json.loads(stage_file.read_text(encoding="utf-8"))
    rounds: list[dict[str, list[float]]] = []
    if args.results.exists():
        rounds = json.loads(args.results.read_text(encoding="utf-8"))
    if not args.table_only:
        devices = [d for d in args.devices.split(",") if d]
        if not (args.project / "exercises.yaml").exists():
            base = yaml.safe_load((ROOT / "exercises.yaml").read_text(encoding="utf-8"))
            make_project(args.project, synthetic_text(base, args.size))
        args.results.parent.mkdir(parents=True, exist_ok=True)
        if args.generator:
            for device, times in generator_round(args.project, devices, args.generator).items():
                stages.setdefault(device, []).extend(times)
            stage_file.write_text(json.dumps(stages, indent=1), encoding="utf-8")
        if args.parts:
            parts_file = args.results.with_name(args.results.stem + "-parts.json")
            found = parts_round(args.project, devices, args.parts)
            history = json.loads(parts_file.read_text()) if parts_file.exists() else []
            parts_file.write_text(json.dumps([*history, found], indent=1), encoding="utf-8")
        if args.builds:
            rounds.append(one_round(args.project, devices, args.group))
            args.results.write_text(json.dumps(rounds, indent=1), encoding="utf-8")
    print(table(rounds))
    parts_file = args.results.with_name(args.results.stem + "-parts.json")
    if parts_file.exists():
        print(parts_table(json.loads(parts_file.read_text(encoding="utf-8")), rounds))
    if stages:
        print(stage_table(stages, rounds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
