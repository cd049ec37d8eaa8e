"""A clinic rebrands a copy of the project the way the README says (its name, phone, country,
colours, logo, a site address under a sub-path, its own reviewer) and gives entries its own ids
and names, and the checks that read the clinic's details and catalog from the project (marked
`clinic`, in tests/site and tests/browser) pass on it.

They run in a child pytest with `CLINIC_PROJECT` set to the copy, so the shared `built` fixture
builds the rebranded project; the child run never starts another (no recursion)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, make_project, project_settings, run_cli
from tests.helpers.rebrand import (
    NAME,
    REVIEWER,
    SAMPLE_REVIEWER,
    SITE_URL,
    TEL,
    rebrand,
    rename_entries,
)

CHILD = "CLINIC_PROJECT"


@pytest.mark.skipif(bool(os.environ.get(CHILD)), reason="already the rebranded run")
def test_the_clinic_checks_pass_on_a_rebranded_copy(tmp_path: Path) -> None:
    project = make_project(tmp_path, ROOT)
    rebrand(project)
    rename_entries(project)  # its own catalog: no test may lean on the sample's ids or names
    site = project_settings(project)
    assert (site.clinic.name, site.clinic.tel, site.site_url) == (NAME, TEL, SITE_URL)
    assert site.clinic.care.emergency != project_settings(ROOT).clinic.care.emergency
    catalog = (project / "exercises.yaml").read_text(encoding="utf-8")
    assert SAMPLE_REVIEWER not in catalog and REVIEWER in catalog
    checked = run_cli("check", cwd=project)
    assert checked.returncode == 0, checked.stderr

    env = {**os.environ, CHILD: str(project), "NO_MKDOCS_2_WARNING": "1", "COLUMNS": "1000"}
    tiers = ["tests/site", "tests/browser"]
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "clinic", *tiers],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    summary = run.stdout.strip().splitlines()[-1] if run.stdout.strip() else run.stderr
    passed = re.search(r"(\d+) passed", summary)
    assert passed and int(passed[1]) >= 40, run.stdout[-6000:] + run.stderr[-2000:]
    failed = re.findall(r"(?m)^(?:FAILED|ERROR) \S+.*$", run.stdout)
    assert failed == [], run.stdout[-8000:]
