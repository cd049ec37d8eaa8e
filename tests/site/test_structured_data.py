"""Findable pages: meta description, Open Graph, canonical URL, sitemap and schema.org JSON-LD."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def structured(built: Path, path: str) -> dict[str, object]:
    html = (built / "site" / path / "index.html").read_text(encoding="utf-8")
    (block,) = LD.findall(html)
    data = json.loads(block)
    assert isinstance(data, dict)
    return data


@pytest.mark.parametrize(
    ("path", "about"),
    [
        ("conditions/sciatica", "MedicalCondition"),
        ("treatments/spinal-decompression", "MedicalTherapy"),
        ("exercises/bird-dog", "ExercisePlan"),
        ("routines/neck-routine", "ExercisePlan"),
    ],
)
def test_entry_pages_carry_medical_web_page_json_ld(built: Path, path: str, about: str) -> None:
    data = structured(built, path)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "MedicalWebPage"
    assert data["about"]["@type"] == about  # type: ignore[index]
    # No clinic sign-off in the shipped project: no review is claimed (test_signoff_site.py).
    assert "reviewedBy" not in data and "lastReviewed" not in data
    assert data["url"] == f"https://example.org/{path}/"
    assert data["publisher"]["name"] == "Riverside Physiotherapy"  # type: ignore[index]


def test_condition_json_ld_lists_symptoms_and_treatments(built: Path) -> None:
    about = structured(built, "conditions/sciatica")["about"]
    assert about["signOrSymptom"][0]["@type"] == "MedicalSignOrSymptom"  # type: ignore[index]
    assert any(t["name"] == "Exercise therapy" for t in about["possibleTreatment"])  # type: ignore[index]


def test_pages_have_description_open_graph_canonical_and_sitemap(built: Path) -> None:
    html = (built / "site" / "exercises" / "bird-dog" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="description" content="You reach one arm forward' in html
    assert '<link rel="canonical" href="https://example.org/exercises/bird-dog/">' in html
    assert '<meta property="og:title" content="Bird dog">' in html
    assert '<meta property="og:url" content="https://example.org/exercises/bird-dog/">' in html
    sitemap = (built / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://example.org/exercises/bird-dog/</loc>" in sitemap


def test_json_ld_cannot_break_out_of_its_script(built: Path) -> None:
    for page in (built / "site").rglob("*.html"):
        for block in LD.findall(page.read_text(encoding="utf-8")):
            assert "<" not in block and ">" not in block
