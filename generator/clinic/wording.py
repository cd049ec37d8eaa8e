"""Words that differ by country: the family doctor, the non-emergency line, a sick note.

The catalog and the templates say "your family doctor" through these terms, so a clinic in the
US never reads "GP" and one in the UK never reads "primary care provider". The urgent-care
lines (999, 911, ...) stay in `settings.URGENT_CARE`; this module has the other words, and the
headings of the red-flag tiers that use them (one wording on every page and sheet).
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.clinic.settings import ClinicSettings, Country


@dataclass(frozen=True)
class Wording:
    """Everyday health-service words for patients in one country."""

    family_doctor: str  # "your GP", with "your"
    health_line: str  # where to ask when unsure, not an emergency
    talking_therapies: str  # how to find psychological help
    sick_note: str  # the note from a doctor for work

    @property
    def soon_heading(self) -> str:
        """The heading of the third red-flag tier ("see your GP soon")."""
        return f"See {self.family_doctor} soon, within a week or two, if you have:"


WORDING = {
    Country.UK: Wording(
        family_doctor="your GP",
        health_line="NHS 111",
        talking_therapies="NHS Talking Therapies (in England you can refer yourself)",
        sick_note="a fit note",
    ),
    Country.IE: Wording(
        family_doctor="your GP",
        health_line="your GP's out-of-hours service",
        talking_therapies="counselling through your GP, or HSE mental health services",
        sick_note="a sick cert (medical certificate)",
    ),
    Country.US: Wording(
        family_doctor="your doctor",
        health_line="your doctor's office or a nurse advice line",
        talking_therapies="a psychologist or counselor (ask your doctor or health plan)",
        sick_note="a doctor's note",
    ),
    Country.CA: Wording(
        family_doctor="your family doctor",
        health_line="811",
        talking_therapies="a psychologist or counsellor (ask your family doctor)",
        sick_note="a medical note",
    ),
    Country.AU: Wording(
        family_doctor="your GP",
        health_line="healthdirect on 1800 022 222",
        talking_therapies="a psychologist, through a Mental Health Treatment Plan from your GP",
        sick_note="a medical certificate",
    ),
    Country.NZ: Wording(
        family_doctor="your GP",
        health_line="Healthline on 0800 611 116",
        talking_therapies="a counsellor or psychologist (ask your GP)",
        sick_note="a medical certificate",
    ),
}


def wording_for(settings: ClinicSettings) -> Wording:
    """The words for the clinic's country."""
    return WORDING[settings.country]
