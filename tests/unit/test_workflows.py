"""The CI workflows are valid and do what they claim."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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


def test_main_is_published_with_the_official_pages_actions() -> None:
    deploy = load("deploy.yml")
    assert deploy[True]["push"]["branches"] == ["main"]  # type: ignore[index]
    jobs = deploy["jobs"]
    uses = [s.get("uses", "") for job in jobs.values() for s in steps(job)]  # type: ignore[union-attr]
    for action in (
        "actions/configure-pages@",
        "actions/upload-pages-artifact@",
        "actions/deploy-pages@",
    ):
        assert any(u.startswith(action) for u in uses), action
    assert deploy["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    upload = next(
        s for s in steps(jobs["build"]) if s.get("uses", "").startswith("actions/upload-pages")
    )  # type: ignore[index]
    assert upload["with"] == {"path": "site"}  # type: ignore[comparison-overlap]
