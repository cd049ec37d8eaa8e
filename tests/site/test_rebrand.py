"""Builds with other settings and content: clinic settings alone rebrand every page, a clinic
name with quotes is text everywhere, and bad settings or a page with a script fail the build
with located errors."""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser
from pathlib import Path

from generator.clinic.settings import Country
from generator.clinic.wording import WORDING
from tests.conftest import (
    US_CLINIC,
    build,
    make_project,
    pick,
    project_catalog,
    project_settings,
    run_cli,
    with_clinic,
)


def test_settings_alone_rebrand_every_page(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    before = project_settings(project).clinic
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
        assert escape(before.name) not in html and before.name not in html, page
        assert escape(before.care.emergency) not in html, page
        assert "999" not in html and "A&amp;E" not in html, page
        assert "--md-primary-fg-color:#5b2a86" in html, page
    first = project_catalog(project).routines[0].id
    routine = (site / "routines" / first / "index.html").read_text(encoding="utf-8")
    assert "Seek emergency care now (call 911 or go to the emergency room)" in routine
    assert "Stop and ask Lakeside Spine Care ((202) 555-0143) for advice" in routine
    contact = (site / "contact" / "index.html").read_text(encoding="utf-8")
    assert (
        'href="tel:+12025550143"' in contact
        and 'href="mailto:front.desk@lakeside.example"' in contact
    )


def test_country_words_fill_every_page(tmp_path: Path) -> None:
    """The country's words reach catalog pages (the "see soon" tier) and content pages
    (`[[placeholders]]`); no placeholder is left, in the pages or in the search index."""
    project = make_project(tmp_path)
    with_clinic(project, US_CLINIC)
    result = build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    us = WORDING[Country.US]
    for page in site.rglob("*.html"):
        assert "[[" not in page.read_text(encoding="utf-8"), page
    assert "[[" not in (site / "search" / "search_index.json").read_text(encoding="utf-8")
    soon = f"See {us.family_doctor} soon, within a week or two"
    (soon_flags,) = pick(
        project_catalog(project).conditions,
        lambda c: bool(c.red_flags.soon),
        "a condition with red flags to see a doctor soon",
    )
    condition = (site / "conditions" / soon_flags.id / "index.html").read_text("utf-8")
    assert soon in condition and "GP" not in condition
    guide = (site / "guides" / "is-it-serious" / "index.html").read_text("utf-8")
    assert soon in guide
    therapies = (site / "guides" / "pain-management-programmes" / "index.html").read_text("utf-8")
    assert us.talking_therapies in therapies and "NHS" not in therapies
    work = (site / "guides" / "work-and-driving" / "index.html").read_text("utf-8")
    assert escape(f"Ask {us.family_doctor} for {us.sick_note}", quote=False) in work


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
    located = f"\nmkdocs.yml:{country_line}:14: extra.clinic.country: Input should be"
    assert located in result.stderr, "named as the catalog is: from the project folder"
    assert (
        "extra.clinic.colours: primary colour #f0e68c has contrast 1.3:1 with white"
        in result.stderr
    )


def test_a_missing_logo_is_located(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    with_clinic(project, US_CLINIC + "    logo: img/nowhere.svg\n")
    result = build(project)
    assert result.returncode == 1
    lines = (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    logo_line = next(i for i, line in enumerate(lines, 1) if "logo: img/nowhere.svg" in line)
    assert f"mkdocs.yml:{logo_line}:11: extra.clinic.logo: logo file not found" in result.stderr


class _Attributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()
        self.aria: list[str] = []
        self.text = ""

    def handle_data(self, data: str) -> None:
        self.text += data

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.names.update(name for name, _ in attrs)
        self.aria += [value or "" for name, value in attrs if name == "aria-label"]


def test_a_clinic_name_with_quotes_is_text_on_every_page(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    name = '"Move Well" Physio " style="color:red'
    with_clinic(project, US_CLINIC.replace("Lakeside Spine Care", f"'{name}'"))
    result = build(project)
    assert result.returncode == 0, result.stderr
    pages = [p for p in (project / "site").rglob("*.html")]
    assert len(pages) > 80
    for page in pages:
        html = page.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html:
            continue
        parser = _Attributes()
        parser.feed(html)
        assert "style" not in parser.names, page
        assert name in parser.text, page
        assert name in parser.aria, page


def test_the_build_and_check_refuse_a_content_page_with_a_script(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    about = project / "content" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n<script>alert(1)</script>\n")
    result = build(project)
    assert result.returncode == 1
    message = "scripts cannot run from content pages"
    assert "content/about.md:" in result.stderr and message in result.stderr
    assert "Traceback" not in result.stderr
    checked = run_cli("check", cwd=project)
    assert checked.returncode == 1
    assert "content/about.md:" in checked.stderr and message in checked.stderr
