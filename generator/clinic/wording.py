"""Words that differ by country: the family doctor, the non-emergency line, a sick note.

Templates use them as `wording`, so a clinic in the US never reads "GP". Pages in `content/`
use them as placeholders, `[[family_doctor]]`, `[[health_line]]`, `[[talking_therapies]]`,
`[[sick_note]]`, filled in when the site is built (or exported); an unknown placeholder is a
located error in `check` and in the build. The urgent-care lines (999, 911, ...) stay in
`settings.URGENT_CARE`; this module has the other words, and the heading of the "see your GP
soon" red-flag tier (one wording on every page and sheet).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, fields

from generator.clinic.settings import ClinicSettings, Country
from generator.messages.active import N_, gettext


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
        return gettext(SOON_HEADING) % {"family_doctor": self.family_doctor}


SOON_HEADING = N_("See %(family_doctor)s soon, within a week or two, if you have:")


WORDING = {
    Country.UK: Wording(
        family_doctor=N_("your GP"),
        health_line=N_("NHS 111"),
        talking_therapies=N_("NHS Talking Therapies (in England you can refer yourself)"),
        sick_note=N_("a fit note"),
    ),
    Country.IE: Wording(
        family_doctor=N_("your GP"),
        health_line=N_("your GP's out-of-hours service"),
        talking_therapies=N_("counselling through your GP, or HSE mental health services"),
        sick_note=N_("a sick cert (medical certificate)"),
    ),
    Country.US: Wording(
        family_doctor=N_("your doctor"),
        health_line=N_("your doctor's office or a nurse advice line"),
        talking_therapies=N_("a psychologist or counselor (ask your doctor or health plan)"),
        sick_note=N_("a doctor's note"),
    ),
    Country.CA: Wording(
        family_doctor=N_("your family doctor"),
        health_line=N_("811"),
        talking_therapies=N_("a psychologist or counsellor (ask your family doctor)"),
        sick_note=N_("a medical note"),
    ),
    Country.AU: Wording(
        family_doctor=N_("your GP"),
        health_line=N_("healthdirect on 1800 022 222"),
        talking_therapies=N_("a psychologist, through a Mental Health Treatment Plan from your GP"),
        sick_note=N_("a medical certificate"),
    ),
    Country.NZ: Wording(
        family_doctor=N_("your GP"),
        health_line=N_("Healthline on 0800 611 116"),
        talking_therapies=N_("a counsellor or psychologist (ask your GP)"),
        sick_note=N_("a medical certificate"),
    ),
}


def wording_for(settings: ClinicSettings) -> Wording:
    """The words for the clinic's country, in the build's language."""
    source = WORDING[settings.country]
    return Wording(**{f.name: gettext(getattr(source, f.name)) for f in fields(Wording)})


PLACEHOLDER = re.compile(r"\[\[\s*([^\[\]\n]*?)\s*\]\]")
PLACEHOLDERS = tuple(Wording.__dataclass_fields__)


def unknown_placeholders(text: str) -> list[tuple[int, str]]:
    """(offset, name) of each `[[name]]` in `text` that is not a wording placeholder."""
    return [(m.start(), m[1]) for m in PLACEHOLDER.finditer(text) if m[1] not in PLACEHOLDERS]


def fill_placeholders(text: str, wording: Wording) -> str:
    """`text` with each `[[name]]` replaced by the country's words (unknown ones left as is:
    `check` and the build refuse them first)."""
    words = asdict(wording)
    return PLACEHOLDER.sub(lambda m: str(words.get(m[1], m[0])), text)
