"""Rebrand a copy of the project as the README's quick start tells a clinic to: its own name,
contact, country, colours, logo, site address and reviewer. Only settings and review lines
change; no code, template or test."""

from __future__ import annotations

import re
from pathlib import Path

# A name that needs escaping in HTML, YAML and JSON, and survives PDF text extraction.
NAME = "O'Brien & Daughters \u2013 Spine Care"  # an en dash
# The (0) trunk prefix written after the country code, as people write Irish numbers.
PHONE = "+353 (0)1 234 5678"
TEL = "tel:+35312345678"
SITE_URL = "https://clinic.example/patients/"
REVIEWER = "Aoife O'Brien, chartered physiotherapist"
SAMPLE_REVIEWER = "Sam Taylor, physiotherapist (sample name, to be replaced)"
LOGO = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="32" height="32">
<circle cx="16" cy="16" r="14" fill="#ffffff"/><path d="M16 6v20M6 16h20" stroke="#243b8a"
stroke-width="4"/></svg>
"""
CLINIC = f"""  clinic:
    name: "{NAME}"
    phone: "{PHONE}"
    email: reception@obrien-spine.example
    address: 4 Quay Street, Galway
    opening_hours:
      - Monday to Thursday, 9am to 6pm
    country: IE
    colours: {{primary: "#243b8a", accent: "#7a2e5f"}}
    logo: img/obrien-logo.svg
"""


def rebrand(project: Path) -> None:
    """Rebrand the project folder in place (settings in `mkdocs.yml`, logo in `content/`, the
    reviewer in the catalog and the guides' front matter)."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^site_url: .*$", f"site_url: {SITE_URL}", text)
    text = re.sub(r"(?m)^site_name: .*$", f'site_name: "{NAME}"', text)
    start = text.index("  clinic:\n")
    config.write_text(text[:start] + CLINIC, encoding="utf-8")
    (project / "content" / "img").mkdir(exist_ok=True)
    (project / "content" / "img" / "obrien-logo.svg").write_text(LOGO, encoding="utf-8")
    for path in [project / "exercises.yaml", *(project / "content").rglob("*.md")]:
        original = path.read_text(encoding="utf-8")
        if SAMPLE_REVIEWER in original:
            path.write_text(original.replace(SAMPLE_REVIEWER, REVIEWER), encoding="utf-8")
