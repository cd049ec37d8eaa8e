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
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from generator.catalog.model import no_markup

MIN_CONTRAST = 4.5  # WCAG 2.1 AA for normal text


class Country(StrEnum):
    UK = "UK"
    IE = "IE"
    US = "US"
    CA = "CA"
    AU = "AU"
    NZ = "NZ"


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
        emergency="call 999 or go to A&E", urgent="call your GP surgery or NHS 111"
    ),
    Country.IE: UrgentCare(
        emergency="call 112 or 999, or go to an emergency department",
        urgent="call your GP, or a GP out-of-hours service",
    ),
    Country.US: UrgentCare(
        emergency="call 911 or go to the emergency room",
        urgent="call your doctor or go to an urgent care center",
    ),
    Country.CA: UrgentCare(
        emergency="call 911 or go to the emergency department",
        urgent="call your doctor, or 811 for health advice",
    ),
    Country.AU: UrgentCare(
        emergency="call 000 or go to the emergency department",
        urgent="see your GP today, or call 1800 022 222 (healthdirect)",
    ),
    Country.NZ: UrgentCare(
        emergency="call 111 or go to the emergency department",
        urgent="call your GP, or Healthline on 0800 611 116",
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
    phone: Line | None = None
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
    country: Country = Country.UK
    urgent_care: UrgentCare | None = Field(None, description="Overrides the country's wording.")
    colours: Colours = Colours()

    @property
    def care(self) -> UrgentCare:
        """The urgent-care wording in force: the clinic's own, else its country's."""
        return self.urgent_care or URGENT_CARE[self.country]

    def for_theme(self) -> dict[str, object]:
        """Settings as the theme reads them (`config.extra.clinic`), with defaults filled in."""
        data = self.model_dump(mode="json")
        data["urgent_care"] = self.care.model_dump()
        return data
