"""Clinic settings alone change every page and printed routine; bad settings are located errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from generator.clinic.settings import ClinicSettings, Colours, contrast_ratio
from tests.test_build import build, make_project

US_CLINIC = """
  clinic:
    name: Lakeside Spine Care
    phone: "(555) 010-0199"
    email: front.desk@lakeside.example
    country: US
    colours: {primary: "#5b2a86", accent: "#8a3b12"}
"""


def with_clinic(project: Path, block: str) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    start = text.index("  clinic:\n")
    config.write_text(text[:start] + block.lstrip("\n"), encoding="utf-8")


def test_settings_alone_rebrand_every_page(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    with_clinic(project, US_CLINIC)
    result = build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    pages = list(site.rglob("*.html"))
    assert len(pages) > 80
    for page in pages:
        html = page.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html:
            continue  # redirects
        assert "Lakeside Spine Care" in html, page
        assert "Riverside" not in html and "999" not in html and "A&amp;E" not in html, page
        assert "--md-primary-fg-color:#5b2a86" in html, page
    routine = (site / "routines" / "neck-routine" / "index.html").read_text(encoding="utf-8")
    assert "Seek emergency care now (call 911 or go to the emergency room)" in routine
    assert "Stop and ask Lakeside Spine Care ((555) 010-0199) for advice" in routine
    contact = (site / "contact" / "index.html").read_text(encoding="utf-8")
    assert (
        'href="tel:5550100199"' in contact
        and 'href="mailto:front.desk@lakeside.example"' in contact
    )


def test_a_bad_setting_is_a_located_error(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    with_clinic(
        project,
        US_CLINIC.replace('primary: "#5b2a86"', 'primary: "#f0e68c"').replace(
            "country: US", "country: Mars"
        ),
    )
    result = build(project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    country_line = next(i for i, line in enumerate(lines, 1) if "country: Mars" in line)
    assert f"mkdocs.yml:{country_line}:14: extra.clinic.country: Input should be" in result.stderr
    assert (
        "extra.clinic.colours: primary colour #f0e68c has contrast 1.3:1 with white"
        in result.stderr
    )


def test_contrast_rules() -> None:
    assert round(contrast_ratio("#000000", "#ffffff")) == 21
    assert contrast_ratio("#0b5563", "#ffffff") >= 4.5
    with pytest.raises(ValidationError, match=r"needs at least 4\.5:1"):
        Colours(primary="#ffcc00")
    with pytest.raises(ValidationError, match="must be a colour like #0b5563"):
        Colours(primary="teal")


def test_country_sets_the_urgent_care_wording_unless_overridden() -> None:
    assert ClinicSettings(country="AU").care.emergency.startswith("call 000")  # type: ignore[arg-type]
    custom = ClinicSettings.model_validate(
        {"urgent_care": {"emergency": "call 112", "urgent": "call us"}}
    )
    assert custom.care.emergency == "call 112"
    assert custom.for_theme()["urgent_care"] == {"emergency": "call 112", "urgent": "call us"}


def test_a_missing_logo_is_located(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    with_clinic(project, US_CLINIC + "    logo: img/nowhere.svg\n")
    result = build(project)
    assert result.returncode == 1
    lines = (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    logo_line = next(i for i, line in enumerate(lines, 1) if "logo: img/nowhere.svg" in line)
    assert f"mkdocs.yml:{logo_line}:11: extra.clinic.logo: logo file not found" in result.stderr
