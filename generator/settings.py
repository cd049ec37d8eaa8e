"""Clinic settings used on every page: name, contact, and urgent-care wording."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class UrgentCare(BaseModel):
    """How to get emergency and urgent help in the clinic's country."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    emergency: str = Field("call 999 or go to A&E", description="What to do in an emergency.")
    urgent: str = Field(
        "call your GP surgery or NHS 111",
        description="Where to get a same-day appointment.",
    )


class ClinicSettings(BaseModel):
    """The clinic's details, set under `extra.clinic` in mkdocs.yml."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = "Your Physiotherapy Clinic"
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    urgent_care: UrgentCare = UrgentCare()
