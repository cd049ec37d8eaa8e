"""Findable pages: meta description, Open Graph, canonical URL, sitemap and schema.org JSON-LD."""

from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path

import pytest

from generator.catalog.addresses import directory_path, page_uri, page_url
from generator.catalog.relations import Relations
from generator.pipeline import read_project
from tests.conftest import project_catalog, project_settings

pytestmark = pytest.mark.clinic  # run again on a rebranded clinic

LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def structured(built: Path, path: str) -> dict[str, object]:
    html = (built / "site" / path / "index.html").read_text(encoding="utf-8")
    (block,) = LD.findall(html)
    data = json.loads(block)
    assert isinstance(data, dict)
    return data


KINDS = [
    ("condition", "conditions", "MedicalCondition"),
    ("treatment", "treatments", "MedicalTherapy"),
    ("exercise", "exercises", "ExercisePlan"),
    ("routine", "routines", "ExercisePlan"),
]


@pytest.mark.parametrize(("kind", "section", "about"), KINDS)
def test_entry_pages_carry_medical_web_page_json_ld(
    built: Path, kind: str, section: str, about: str
) -> None:
    site = project_settings(built)
    signed, _ = read_project(built / "mkdocs.yml", built / "exercises.yaml").review_state()
    for entry in getattr(project_catalog(built), section):
        path = directory_path(page_uri(kind, entry.id)).strip("/")
        data = structured(built, path)
        assert data["@context"] == "https://schema.org"
        assert data["@type"] == "MedicalWebPage"
        assert data["about"]["@type"] == about  # type: ignore[index]
        signoff = signed.get((kind, entry.id))
        if signoff is None:  # no review is claimed that the clinic has not made
            assert "reviewedBy" not in data and "lastReviewed" not in data
        else:
            assert data["lastReviewed"] == signoff.date.isoformat()
            assert data["reviewedBy"] == {"@type": "Person", "name": signoff.by}
        assert data["url"] == page_url(site.site_url, page_uri(kind, entry.id))
        assert data["url"].startswith(site.site_url) and data["url"].endswith(f"/{path}/")
        publisher = data["publisher"]
        assert publisher["name"] == site.clinic.name  # type: ignore[index]
        if site.clinic.tel:
            assert f"tel:{publisher['telephone']}" == site.clinic.tel  # type: ignore[index]


def test_condition_json_ld_lists_symptoms_and_treatments(built: Path) -> None:
    catalog = project_catalog(built)
    relations = Relations(catalog)
    for condition in catalog.conditions:
        about = structured(built, f"conditions/{condition.id}")["about"]
        symptoms = about["signOrSymptom"]  # type: ignore[index]
        assert symptoms == [
            {"@type": "MedicalSignOrSymptom", "name": s} for s in condition.symptoms
        ]
        treatments = [t["name"] for t in about["possibleTreatment"]]  # type: ignore[index]
        assert treatments == [relations.treatment[h.treatment].name for h in condition.helps]


def test_pages_have_description_open_graph_canonical_and_sitemap(built: Path) -> None:
    site_url = project_settings(built).site_url
    sitemap = (built / "site" / "sitemap.xml").read_text(encoding="utf-8")
    for exercise in project_catalog(built).exercises:
        html = (built / "site" / "exercises" / exercise.id / "index.html").read_text("utf-8")
        url = page_url(site_url, page_uri("exercise", exercise.id))
        assert f'<meta name="description" content="{escape(exercise.summary)}">' in html
        assert f'<link rel="canonical" href="{escape(url)}">' in html
        assert f'<meta property="og:title" content="{escape(exercise.name)}">' in html
        assert f'<meta property="og:url" content="{escape(url)}">' in html
        assert f"<loc>{escape(url)}</loc>" in sitemap


def test_json_ld_cannot_break_out_of_its_script(built: Path) -> None:
    for page in (built / "site").rglob("*.html"):
        for block in LD.findall(page.read_text(encoding="utf-8")):
            assert "<" not in block and ">" not in block
