"""Clinic settings used on every page: name, contact, colours and urgent-care wording.

Set under `extra.clinic` in mkdocs.yml. Everything has a sensible default, so a clinic changes
only what differs; a bad value is a located error like a catalog error.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from generator.catalog.model import no_markup
from generator.clinic.phone import dial_uri
from generator.messages.active import N_, gettext

MIN_CONTRAST = 4.5  # WCAG 2.1 AA for normal text


class Country(StrEnum):
    UK = "UK"
    IE = "IE"
    US = "US"
    CA = "CA"
    AU = "AU"
    NZ = "NZ"


class Region(StrEnum):
    """Parts of a country whose urgent-care services differ (only the UK's, so far)."""

    ENGLAND = "england"
    SCOTLAND = "scotland"
    WALES = "wales"
    NORTHERN_IRELAND = "northern-ireland"


REGIONS_OF = {Country.UK: tuple(Region)}

# Country names people write, and what to write instead (a setting has one spelling: its code).
_COUNTRY_NAMES = {
    "IE": ("ireland", "republic of ireland", "eire", "éire", "ie"),
    "UK": ("united kingdom", "great britain", "britain", "gb", "u.k.", "uk"),
    "US": ("usa", "u.s.", "u.s.a.", "united states", "united states of america", "america", "us"),
    "CA": ("canada", "ca"),
    "AU": ("australia", "au"),
    "NZ": ("new zealand", "aotearoa", "nz"),
}
_UK_NATIONS = {
    "england": Region.ENGLAND,
    "scotland": Region.SCOTLAND,
    "wales": Region.WALES,
    "cymru": Region.WALES,
    "northern ireland": Region.NORTHERN_IRELAND,
}


def _country_code(value: object) -> object:
    """A country name or a lower-case code is refused with the code to write instead."""
    if not isinstance(value, str) or value in Country.__members__:
        return value
    name = " ".join(value.split()).casefold()
    if name in _UK_NATIONS:
        raise ValueError(
            f"write the country's code, UK, and the nation as a region: 'country: UK' and "
            f"'region: {_UK_NATIONS[name].value}' (it sets the urgent-care wording)"
        )
    for code, names in _COUNTRY_NAMES.items():
        if name in names:
            return_hint = f"write the country's code: 'country: {code}'"
            raise ValueError(f"{return_hint} (for {value.strip()})")
    return value


def _region_spelling(value: object) -> object:
    """A region in capitals or with spaces (`Northern Ireland`) is refused with the spelling to
    write; an unknown one with the list of regions."""
    if not isinstance(value, str) or value in {region.value for region in Region}:
        return value
    written = "-".join(value.split()).casefold()
    if written == "cymru":
        written = Region.WALES.value
    if written in {region.value for region in Region}:
        raise ValueError(f"write the region in small letters: 'region: {written}'")
    known = ", ".join(region.value for region in Region)
    raise ValueError(
        f"'{value.strip()}' is not a region this site knows; write one of {known} "
        "(or leave `region` out: it only changes the urgent-care wording)"
    )


Line = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
    AfterValidator(no_markup),
]


class UrgentCare(BaseModel):
    """How to get emergency and urgent help in the clinic's country."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    emergency: Line = Field(description="What to do in an emergency, e.g. 'call 999 or go to A&E'.")
    urgent: Line = Field(description="Where to get a same-day appointment.")


URGENT_CARE = {
    Country.UK: UrgentCare(
        emergency=N_("call 999 or go to A&E"), urgent=N_("call your GP surgery or NHS 111")
    ),
    Country.IE: UrgentCare(
        emergency=N_("call 112 or 999, or go to an emergency department"),
        urgent=N_("call your GP, or a GP out-of-hours service"),
    ),
    Country.US: UrgentCare(
        emergency=N_("call 911 or go to the emergency room"),
        urgent=N_("call your doctor or go to an urgent care center"),
    ),
    Country.CA: UrgentCare(
        emergency=N_("call 911 or go to the emergency department"),
        urgent=N_("call your doctor, or 811 for health advice"),
    ),
    Country.AU: UrgentCare(
        emergency=N_("call 000 or go to the emergency department"),
        urgent=N_("see your GP today, or call 1800 022 222 (healthdirect)"),
    ),
    Country.NZ: UrgentCare(
        emergency=N_("call 111 or go to the emergency department"),
        urgent=N_("call your GP, or Healthline on 0800 611 116"),
    ),
}

# Where a region's wording differs from its country's. Sources: NHS 24 (https://www.nhs24.scot,
# 111 in Scotland), NHS 111 Wales (https://111.wales.nhs.uk), nidirect "GP out of hours service"
# (https://www.nidirect.gov.uk/articles/gp-out-hours-service: Northern Ireland has no NHS 111
# advice line).
REGIONAL_URGENT_CARE = {
    Region.SCOTLAND: UrgentCare(
        emergency=N_("call 999 or go to A&E"), urgent=N_("call your GP surgery, or NHS 24 on 111")
    ),
    Region.WALES: UrgentCare(
        emergency=N_("call 999 or go to A&E"), urgent=N_("call your GP surgery or NHS 111 Wales")
    ),
    Region.NORTHERN_IRELAND: UrgentCare(
        emergency=N_("call 999 or go to the emergency department"),
        urgent=N_("call your GP surgery, or the GP out-of-hours service"),
    ),
}


def _hex_colour(value: str) -> str:
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", value):
        raise ValueError("must be a colour like #0b5563")
    return value.lower()


Colour = Annotated[str, AfterValidator(_hex_colour)]


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours (1 to 21)."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


class Colours(BaseModel):
    """Header colour (white text on it) and link colour (on a white page)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    primary: Colour = "#0b5563"
    accent: Colour = "#a33c00"

    @model_validator(mode="after")
    def _readable(self) -> Self:
        for name, colour in (("primary", self.primary), ("accent", self.accent)):
            ratio = contrast_ratio(colour, "#ffffff")
            if ratio < MIN_CONTRAST:
                raise ValueError(
                    f"{name} colour {colour} has contrast {ratio:.1f}:1 with white; "
                    f"it needs at least {MIN_CONTRAST}:1 (choose a darker colour)"
                )
        return self


class ClinicSettings(BaseModel):
    """The clinic's details, set under `extra.clinic` in mkdocs.yml."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Line = "Your Physiotherapy Clinic"
    # Before the phone and the region, which are read with it (pydantic checks fields in order).
    country: Annotated[Country, BeforeValidator(_country_code)] = Country.UK
    region: Annotated[Region | None, BeforeValidator(_region_spelling)] = Field(
        None, description="Part of the country whose urgent-care services differ (UK only)."
    )
    phone: Line | None = Field(
        None, description="As patients dial it; national numbers are read with the country."
    )
    email: (
        Annotated[
            str,
            StringConstraints(pattern=r"^[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+$"),
            AfterValidator(no_markup),
        ]
        | None
    ) = None
    address: Line | None = None
    opening_hours: list[Line] = Field([], description="e.g. 'Monday to Friday, 8am to 6pm'.")
    logo: (
        Annotated[str, StringConstraints(pattern=r"^[\w./-]+\.(svg|png|jpg|jpeg|webp)$")] | None
    ) = Field(None, description="Logo file, relative to content/.")
    urgent_care: UrgentCare | None = Field(None, description="Overrides the country's wording.")
    colours: Colours = Colours()

    @field_validator("region")
    @classmethod
    def _region_of_country(cls, region: Region | None, info: ValidationInfo) -> Region | None:
        country = info.data.get("country")
        if region is not None and country is not None and region not in REGIONS_OF.get(country, ()):
            known = REGIONS_OF.get(country)
            raise ValueError(
                f"'{region.value}' is not a region of {country.value}; "
                + (f"known: {', '.join(r.value for r in known)}" if known else "leave it out")
            )
        return region

    @field_validator("phone")
    @classmethod
    def _dialable(cls, phone: str | None, info: ValidationInfo) -> str | None:
        country = info.data.get("country")
        if phone is not None and country is not None:
            dial_uri(phone, country.value)  # raises with a message
        return phone

    @property
    def care(self) -> UrgentCare:
        """The urgent-care wording in force: the clinic's own (as written), else its region's,
        else its country's (in the build's language)."""
        if self.urgent_care is not None:
            return self.urgent_care
        if self.region is not None and self.region in REGIONAL_URGENT_CARE:
            source = REGIONAL_URGENT_CARE[self.region]
        else:
            source = URGENT_CARE[self.country]
        return UrgentCare(emergency=gettext(source.emergency), urgent=gettext(source.urgent))

    @property
    def tel(self) -> str | None:
        """The phone's `tel:` URI (`tel:+442079460000`), the one form every link uses."""
        return dial_uri(self.phone, self.country.value) if self.phone else None

    def for_theme(self) -> dict[str, object]:
        """Settings as the theme reads them (`config.extra.clinic`), with defaults filled in."""
        data = self.model_dump(mode="json")
        data["urgent_care"] = self.care.model_dump()
        data["tel"] = self.tel
        return data
