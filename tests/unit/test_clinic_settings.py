"""Clinic settings: contrast rules and the country's urgent-care wording (builds with other
settings: tests/site/test_rebrand.py)."""

from __future__ import annotations

import html

import pytest
from pydantic import ValidationError

from generator.catalog.model import Catalog
from generator.clinic.phone import dial_uri
from generator.clinic.settings import ClinicSettings, Colours, Region, contrast_ratio
from generator.pages.render import render_pages


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


@pytest.mark.parametrize(
    ("written", "country", "uri"),
    [
        ("+44 (0)20 7946 0000", "UK", "tel:+442079460000"),  # the trunk zero after +44 dropped
        ("020 7946 0000", "UK", "tel:+442079460000"),  # national, read with the country
        ("020-7946-0000 ext. 12", "UK", "tel:+442079460000;ext=12"),
        ("+353 (0)1 234 5678", "IE", "tel:+35312345678"),
        ("(01) 234 5678", "IE", "tel:+35312345678"),
        ("(202) 555-0143 x7", "US", "tel:+12025550143;ext=7"),
        ("1-202-555-0143", "US", "tel:+12025550143"),
        ("(02) 9876 5432", "AU", "tel:+61298765432"),
        ("09 300 1234", "NZ", "tel:+6493001234"),
        ("+44 20 7946 0000", "US", "tel:+442079460000"),  # an international number anywhere
    ],
)
def test_every_way_of_writing_a_number_dials_it(written: str, country: str, uri: str) -> None:
    assert dial_uri(written, country) == uri
    settings = ClinicSettings.model_validate({"country": country, "phone": written})
    assert settings.tel == uri and settings.for_theme()["tel"] == uri
    assert settings.phone == written  # shown as the clinic wrote it


@pytest.mark.parametrize("written", ["123", "020 7946", "call us", "(555) 010-0199", "+999 1"])
def test_a_number_that_cannot_be_dialled_is_refused(written: str) -> None:
    country = "US" if "555" in written else "UK"
    with pytest.raises(ValidationError, match="is not a phone number that can be dialled in"):
        ClinicSettings.model_validate({"country": country, "phone": written})


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("Ireland", "'country: IE'"),
        ("Republic of Ireland", "'country: IE'"),
        ("United Kingdom", "'country: UK'"),
        ("GB", "'country: UK'"),
        ("USA", "'country: US'"),
        ("us", "'country: US'"),
        ("New Zealand", "'country: NZ'"),
        ("England", "'region: england'"),
        ("Northern Ireland", "'region: northern-ireland'"),
        ("Wales", "'region: wales'"),
    ],
)
def test_country_names_are_refused_with_the_code_to_write(written: str, hint: str) -> None:
    with pytest.raises(ValidationError, match=hint):
        ClinicSettings.model_validate({"country": written})


def test_a_region_sets_its_own_urgent_care_wording() -> None:
    england = ClinicSettings.model_validate({"country": "UK"}).care
    assert "NHS 111" in england.urgent
    wording = {
        region: ClinicSettings.model_validate({"country": "UK", "region": region.value}).care
        for region in Region
    }
    assert wording[Region.ENGLAND] == england
    assert "NHS 111" not in wording[Region.NORTHERN_IRELAND].urgent
    assert "NHS 24" in wording[Region.SCOTLAND].urgent
    assert "NHS 111 Wales" in wording[Region.WALES].urgent
    custom = {"emergency": "call 999", "urgent": "call us"}
    override = {"country": "UK", "region": "scotland", "urgent_care": custom}
    assert ClinicSettings.model_validate(override).care.model_dump() == custom
    with pytest.raises(ValidationError, match="not a region of IE"):
        ClinicSettings.model_validate({"country": "IE", "region": "wales"})


def test_pages_show_the_number_as_written_and_dial_it_by_the_one_rule(mini: Catalog) -> None:
    settings = ClinicSettings.model_validate(
        {"country": "UK", "phone": "+44 (0)20 7946 0000 ext. 3"}
    )
    pages = render_pages(mini, settings, site_url="https://clinic.example/patients/")
    contact = html.unescape(pages["contact.md"])  # a leading + is escaped as Markdown text
    assert "[+44 (0)20 7946 0000 ext. 3](tel:+442079460000;ext=3)" in contact
    assert "tel:" not in contact.replace("(tel:+442079460000;ext=3)", "")
    routine = next(text for uri, text in pages.items() if uri.startswith("routines/first-days"))
    assert "+44 (0)20 7946 0000 ext. 3" in routine  # printed as written
    assert '"uid_domain": "clinic.example/patients"' in routine
