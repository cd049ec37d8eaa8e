"""Rebrand a copy of the project as the README's quick start tells a clinic to: its own name,
contact, country, colours, logo, site address and reviewer. Only settings and review lines
change; no code, template or test."""

from __future__ import annotations

import re
from pathlib import Path

from ruamel.yaml import YAML

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


# A clinic's own catalog: the sample's entries the tests once named, under other ids and names.
RENAMED = {
    "walking": ("brisk-walk", "Brisk walk"),
    "bird-dog": ("opposite-arm-leg", "Opposite arm and leg"),
    "cat-camel": ("arch-and-round", "Arch and round"),
    "pelvic-tilt": ("back-flatten", "Back flatten"),
    "knee-rocking": ("knee-sway", "Knee sway"),
    "glute-bridge": ("hip-lift", "Hip lift"),
    "chin-tuck": ("head-glide", "Head glide"),
    "neck-routine": ("neck-plan", "Neck plan"),
    "neck-pain": ("sore-neck", "Sore neck"),
    "desk-worker": ("office-plan", "Office plan"),
    "cupping": ("suction-cups", "Suction cups"),
}
_PAGE_LINK = re.compile(r"\b(exercises|conditions|treatments|routines)/([a-z0-9-]+)(?=[/.#)\s]|$)")


def rename_entries(project: Path) -> None:
    """Give the entries in RENAMED other ids and names everywhere the project names them: in
    the catalog every value that is exactly an old id (a figure's pose aside) and the entries'
    names; the links in `content/`; the addresses in `urls.txt` (if there is one)."""
    yaml = YAML()  # round trip: comments and layout kept
    yaml.width = 4096
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    catalog_file = project / "exercises.yaml"
    data = yaml.load(catalog_file.read_text(encoding="utf-8"))
    ids = {old: new for old, (new, _) in RENAMED.items()}

    def visit(node: object) -> None:
        items = (
            node.items()
            if isinstance(node, dict)
            else enumerate(node)
            if isinstance(node, list)
            else []
        )
        for key, value in list(items):
            if isinstance(value, str) and value in ids and key != "pose":  # poses keep theirs
                node[key] = ids[value]  # type: ignore[index]
            else:
                visit(value)
        if isinstance(node, dict) and node.get("id") in {new for new, _ in RENAMED.values()}:
            name = next(n for new, n in RENAMED.values() if new == node["id"])
            if "name" in node:
                node["name"] = name

    visit(data)
    with catalog_file.open("w", encoding="utf-8") as out:
        yaml.dump(data, out)

    def relink(match: re.Match[str]) -> str:
        return f"{match[1]}/{ids.get(match[2], match[2])}"

    for path in [*(project / "content").rglob("*.md"), project / "urls.txt"]:
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            path.write_text(_PAGE_LINK.sub(relink, text), encoding="utf-8")
