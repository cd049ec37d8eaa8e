"""The clinic's sign-off on the built site: signed pages name the clinic's reviewer and date;
a page changed since its sign-off says the clinic has not reviewed it, and claims no review."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from generator.catalog.load import load_catalog
from generator.catalog.model import Catalog
from generator.clinic.site_config import read_site_settings
from tests.conftest import build, make_project, run_cli

SIGNER = "Siobhán O'Neill, physiotherapist"
DATE = "2026-12-01"
SIGNED = re.compile(r'Reviewed for (.+?) by (.+?) on <time datetime="([0-9-]+)">')
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


@pytest.fixture(scope="module")
def signed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    """The shipped project signed off, then one exercise and one guide changed, built.
    Returns the project, the changed exercise's id and the changed guide's folder name."""
    project = make_project(tmp_path_factory.mktemp("signed"))
    result = run_cli("review", "--by", SIGNER, "--all", "--date", DATE, cwd=project)
    assert result.returncode == 0, result.stderr
    catalog_file = project / "exercises.yaml"
    text = catalog_file.read_text(encoding="utf-8")
    exercise, step = next(
        (e.id, s)
        for e in load_catalog(catalog_file).exercises
        for s in e.steps
        if text.count(s) == 1
    )
    catalog_file.write_text(text.replace(step, step.rstrip(".") + " slowly.", 1), "utf-8")
    guide = sorted((project / "content" / "guides").glob("*.md"))[-1]
    guide.write_text(guide.read_text(encoding="utf-8") + "\nAsk us if unsure.\n", "utf-8")
    built = build(project)
    assert built.returncode == 0, built.stderr
    return project, exercise, guide.stem


def page(project: Path, folder: str) -> str:
    return (project / "site" / folder / "index.html").read_text(encoding="utf-8")


def test_signed_pages_name_the_clinic_reviewer_and_date(signed: tuple[Path, str, str]) -> None:
    project, changed, _ = signed
    clinic = read_site_settings(project / "mkdocs.yml").clinic.name
    catalog: Catalog = load_catalog(project / "exercises.yaml")
    # The Catalog's attribute of each kind, and the folder of its pages.
    folders = {"exercises": "exercises", "conditions": "conditions", "routines": "routines"}
    folders["treatments"] = "treatments"
    for section, folder in folders.items():
        for entry in getattr(catalog, section):
            if entry.id == changed:
                continue
            text = page(project, f"{folder}/{entry.id}")
            found = SIGNED.search(text)
            assert found is not None, f"{folder}/{entry.id}"
            assert html.unescape(found[1]) == clinic
            assert (html.unescape(found[2]), found[3]) == (SIGNER, DATE)
            [data] = [json.loads(d) for d in JSON_LD.findall(text)]
            assert data["reviewedBy"] == {"@type": "Person", "name": SIGNER}
            assert data["lastReviewed"] == DATE
            assert "has not yet reviewed" not in text


def test_a_changed_entry_no_longer_claims_the_review(signed: tuple[Path, str, str]) -> None:
    project, changed, _ = signed
    text = page(project, f"exercises/{changed}")
    assert SIGNED.search(text) is None
    assert "has not yet reviewed this page" in text
    assert "Not yet reviewed by the clinic" in text  # the printed sheet's foot
    [data] = [json.loads(d) for d in JSON_LD.findall(text)]
    assert "reviewedBy" not in data
    others = [
        p for p in (project / "site" / "exercises").glob("*/index.html") if changed not in str(p)
    ]
    assert any(f"Reviewed {DATE}" in p.read_text(encoding="utf-8") for p in others)


def test_content_pages_follow_their_own_sign_off(signed: tuple[Path, str, str]) -> None:
    project, _, guide = signed
    assert "has not yet reviewed this page" in page(project, f"guides/{guide}")
    guides = sorted(p.stem for p in (project / "content" / "guides").glob("*.md"))
    for name in guides:
        if name in {guide, "index"}:
            continue
        found = SIGNED.search(page(project, f"guides/{name}"))
        assert found is not None, name
        assert (html.unescape(found[2]), found[3]) == (SIGNER, DATE)


def test_publishing_names_exactly_the_two_changes(signed: tuple[Path, str, str]) -> None:
    project, changed, guide = signed
    result = run_cli("check", "--publish", cwd=project)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 2
    assert any(f"exercise '{changed}': changed since" in line for line in lines)
    assert any(f"guides/{guide}.md" in line and "(text)" in line for line in lines)
