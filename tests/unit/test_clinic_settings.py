"""Clinic settings: contrast rules and the country's urgent-care wording (builds with other
settings: tests/site/test_rebrand.py)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from generator.clinic.settings import ClinicSettings, Colours, contrast_ratio


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
