"""The CI workflows are valid and do what they claim."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"


def load(name: str) -> dict[object, object]:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_workflows_match_the_github_schema() -> None:
    files = sorted(str(p) for p in WORKFLOWS.glob("*.yml"))
    checker = Path(sys.executable).parent / "check-jsonschema"
    result = subprocess.run(
        [str(checker), "--builtin-schema", "vendor.github-workflows", *files],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def steps(job: dict[str, object]) -> list[dict[str, str]]:
    found = job["steps"]
    assert isinstance(found, list)
    return found


def test_pull_requests_are_checked_built_and_tested() -> None:
    ci = load("ci.yml")
    assert "pull_request" in ci[True]  # PyYAML reads the `on:` key as True
    runs = " ".join(s.get("run", "") for s in steps(ci["jobs"]["test"]))  # type: ignore[index]
    assert "make check" in runs and "make site" in runs and "make test" in runs
    engine = " ".join(s.get("run", "") for s in steps(ci["jobs"]["properdocs"]))  # type: ignore[index]
    assert "properdocs build --strict" in engine


def jobs(workflow: dict[object, object]) -> dict[str, dict[str, Any]]:
    found = workflow["jobs"]
    assert isinstance(found, dict)
    return found


def every_job() -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (path.name, name, job)
        for path in sorted(WORKFLOWS.glob("*.yml"))
        for name, job in jobs(load(path.name)).items()
    ]


def test_only_main_is_published_and_only_after_the_tests_pass() -> None:
    ci = load("ci.yml")
    assert ci[True]["push"]["branches"] == ["main"]  # type: ignore[index]
    graph = jobs(ci)
    uses = {s.get("uses", "").split("@")[0] for job in graph.values() for s in steps(job)}
    assert {"actions/upload-pages-artifact", "actions/deploy-pages"} <= uses
    # The deploy job needs the build job, which needs every test job: a commit whose tests
    # fail (or are still running) is never published.
    assert graph["deploy"]["needs"] == "build"
    assert set(graph["build"]["needs"]) == {"test", "properdocs"}
    assert "refs/heads/main" in graph["build"]["if"] and "pull_request" in graph["build"]["if"]
    build_runs = [s.get("run", "") for s in steps(graph["build"])]
    publish = build_runs.index(".venv/bin/python -m generator check --publish")
    assert publish < build_runs.index("make site"), "the sign-off gate runs before the build"
    upload = next(
        s for s in steps(graph["build"]) if s.get("uses", "").startswith("actions/upload-pages")
    )
    assert upload["with"] == {"path": "site"}  # type: ignore[comparison-overlap]
    # A newer push cancels an older run of its pull request, never a run that publishes.
    pr_only = "${{ github.event_name == 'pull_request' }}"
    assert ci["concurrency"]["cancel-in-progress"] == pr_only  # type: ignore[index]
    assert graph["deploy"]["concurrency"] == {"group": "pages", "cancel-in-progress": False}


def test_every_job_has_least_privilege() -> None:
    for path in sorted(WORKFLOWS.glob("*.yml")):
        assert load(path.name)["permissions"] == {}, f"{path.name}: nothing by default"
    for file, name, job in every_job():
        granted = job.get("permissions")
        if name == "deploy":
            assert granted == {"pages": "write", "id-token": "write"}, (file, name)
        else:
            assert granted == {"contents": "read"}, (file, name)


def test_every_job_has_a_name_and_a_timeout() -> None:
    for file, name, job in every_job():
        assert isinstance(job.get("name"), str) and job["name"].strip(), (file, name)
        timeout = job.get("timeout-minutes")
        assert isinstance(timeout, int) and 0 < timeout <= 60, (file, name)


PINNED = re.compile(r"^\s*(?:-\s+)?uses:\s+(?P<action>[\w.-]+/[\w./-]+)@(?P<ref>\S+)(?P<rest>.*)$")


def test_every_action_is_pinned_to_a_commit_with_its_release_named() -> None:
    for path in sorted(WORKFLOWS.glob("*.yml")):
        lines = path.read_text(encoding="utf-8").splitlines()
        used = [line for line in lines if re.match(r"^\s*(?:-\s+)?uses:", line)]
        assert used, path.name
        for line in used:
            match = PINNED.match(line)
            assert match, f"{path.name}: {line.strip()}"
            assert re.fullmatch(r"[0-9a-f]{40}", match["ref"]), f"not a full commit: {line}"
            assert re.fullmatch(r"\s+# v\d+\.\d+\.\d+", match["rest"]), f"no release: {line}"


def test_every_checkout_drops_its_credentials() -> None:
    for file, name, job in every_job():
        for step in steps(job):
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False, (file, name)  # type: ignore[index]


def test_zizmor_finds_nothing_offline() -> None:
    zizmor = Path(sys.executable).parent / "zizmor"
    result = subprocess.run(
        [str(zizmor), "--offline", "--persona", "auditor", "--format", "json", str(WORKFLOWS)],
        capture_output=True,
        text=True,
        check=False,
    )
    findings = json.loads(result.stdout)
    assert findings == [], result.stdout
    assert result.returncode == 0, result.stderr
