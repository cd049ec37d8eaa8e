"""End to end: build the real site in a temporary folder with MkDocs --strict."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from generator.catalog.addresses import html_file
from generator.catalog.kinds import PAGE_KINDS
from generator.catalog.load import load_catalog
from generator.catalog.model import BodyRegion
from generator.pipeline import read_project
from tests.conftest import (
    ROOT,
    build,
    digest,
    events,
    make_project,
    pick,
    project_catalog,
    project_settings,
)


@pytest.mark.clinic
def test_pages_are_at_the_design_urls(built: Path) -> None:
    site = built / "site"
    catalog = load_catalog(built / "exercises.yaml")
    for kind, entries in [
        ("exercises", catalog.exercises),
        ("conditions", catalog.conditions),
        ("treatments", catalog.treatments),
        ("routines", catalog.routines),
    ]:
        assert (site / kind / "index.html").is_file()
        for entry in entries:
            assert (site / kind / entry.id / "index.html").is_file(), f"/{kind}/{entry.id}/"
    assert (site / "references" / "index.html").is_file()
    data = json.loads((site / "api" / "catalog.json").read_text(encoding="utf-8"))
    assert len(data["exercises"]) == len(catalog.exercises)


def test_leaf_pages_stay_out_of_the_navigation(built: Path) -> None:
    home = (built / "site" / "index.html").read_text(encoding="utf-8")
    catalog = load_catalog(built / "exercises.yaml")
    assert 'href="exercises/"' in home
    for exercise in catalog.exercises:
        assert f'href="exercises/{exercise.id}/"' not in home


OG_TYPE = re.compile(r'<meta property="og:type" content="(\w+)">')


def test_entry_pages_are_articles_as_their_declared_kinds_say(built: Path) -> None:
    """The theme reads the kinds with pages from the plugin (`extra.catalog_page_kinds`)."""
    site = built / "site"
    catalog = load_catalog(built / "exercises.yaml")
    for kind in PAGE_KINDS:
        entry = kind.entries(catalog)[0]
        page = (site / html_file(kind.page(entry.id))).read_text(encoding="utf-8")
        assert OG_TYPE.findall(page) == ["article"], kind.noun
        index = (site / html_file(kind.index)).read_text(encoding="utf-8")
        assert OG_TYPE.findall(index) == ["website"], kind.index
    assert OG_TYPE.findall((site / "index.html").read_text(encoding="utf-8")) == ["website"]


def _text(html_text: str) -> str:
    """A page's text as a reader sees it (entities decoded, whitespace collapsed)."""
    return " ".join(str(e[1]) for e in events(html_text) if e[0] == "text")


@pytest.mark.clinic
def test_every_page_carries_the_clinic_from_its_settings(built: Path) -> None:
    """Whatever the clinic wrote in `mkdocs.yml`: its name, its phone as a `tel:` link that
    dials it, its country's (or region's) emergency wording, on every page."""
    clinic = project_settings(built).clinic
    pages = [p for p in (built / "site").rglob("*.html")]
    assert len(pages) > 50
    for path in pages:
        page = path.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in page:
            continue  # redirects to a renamed entry
        text = _text(page)
        assert clinic.name in text, path
        assert clinic.care.emergency in text, path
        if clinic.phone:
            assert clinic.tel and re.fullmatch(r"tel:\+[0-9]{6,15}(;ext=[0-9]+)?", clinic.tel)
            # One rule everywhere: the bar, the footer and the contact page dial the same.
            assert set(re.findall(r'href="(tel:[^"]*)"', page)) == {clinic.tel}, path
            assert clinic.phone in text, path
        assert "fonts.googleapis.com" not in page and "fonts.gstatic.com" not in page


@pytest.mark.clinic
def test_pages_carry_review_and_disclaimer(built: Path) -> None:
    catalog = load_catalog(built / "exercises.yaml")
    project = read_project(built / "mkdocs.yml", built / "exercises.yaml")
    signed, _ = project.review_state()
    clinic = project.site.clinic.name
    for exercise in catalog.exercises:
        page = (built / "site" / "exercises" / exercise.id / "index.html").read_text("utf-8")
        text = _text(page)
        signoff = signed.get(("exercise", exercise.id))
        if signoff is None:  # the page does not claim a review the clinic has not made
            assert f"{clinic} has not yet reviewed this page" in text, exercise.id
            assert f"last checked on {exercise.reviewed.date.isoformat()}" in text, exercise.id
            assert "Reviewed for" not in text, exercise.id
        else:
            reviewed = f"Reviewed for {clinic} by {signoff.by} on {signoff.date.isoformat()}"
            assert reviewed in text, exercise.id
        assert "does not replace an assessment" in page


def test_exercise_and_routine_pages_show_figures_with_alt_text(built: Path) -> None:
    site = built / "site"
    catalog = load_catalog(built / "exercises.yaml")
    for exercise in catalog.exercises:
        page = (site / "exercises" / exercise.id / "index.html").read_text(encoding="utf-8")
        found = re.search(r'<img alt="([^"]+)" class="exercise-figure"[^>]* src="([^"]+)"', page)
        assert found, exercise.id
        # The starts of the generator's pose descriptions (generator/figures/poses.yaml).
        assert found[1].startswith(("Picture 1:", "Lying", "Walking", "Sitting", "Standing", "On "))
        svg = (site / "exercises" / exercise.id / found[2]).resolve()
        assert svg == (site / "figures" / f"{exercise.id}.svg").resolve() and svg.is_file()
    for routine in catalog.routines:
        page = (site / "routines" / routine.id / "index.html").read_text(encoding="utf-8")
        assert page.count('class="routine-figure"') == len(routine.items), routine.id
    neck = pick(catalog.exercises, lambda e: BodyRegion.NECK in e.body_regions, "a neck exercise")
    group = (site / "exercises" / "body-area" / "neck" / "index.html").read_text(encoding="utf-8")
    assert f'src="../../../figures/small/{neck[0].id}.svg"' in group


def test_each_catalog_page_shows_its_own_title_and_sections(built: Path) -> None:
    """The theme's header and table of contents are shared between catalog pages (main.html);
    each page still shows its own title and links to its own sections."""
    site = built / "site"
    catalog = load_catalog(built / "exercises.yaml")
    topic = re.compile(
        r'data-md-component="header-topic">\s*<span class="md-ellipsis">\s*(.*?)\s*<'
    )
    for kind, entries in [
        ("exercises", catalog.exercises),
        ("conditions", catalog.conditions),
        ("treatments", catalog.treatments),
        ("routines", catalog.routines),
    ]:
        for entry in entries:
            page = (site / kind / entry.id / "index.html").read_text(encoding="utf-8")
            shown = topic.search(page)
            assert shown is not None and html.unescape(shown[1]) == entry.name, entry.id
            article = page[page.index("<article") :]
            sections = re.findall(r'<h[23] id="([^"]+)"', article)
            contents = page[page.index('data-md-type="toc"') : page.index('class="md-content"')]
            assert re.findall(r'href="#([^"]+)"', contents) == sections, entry.id


def test_two_builds_are_byte_identical(built: Path, tmp_path: Path) -> None:
    result = build(built, tmp_path / "site-again")
    assert result.returncode == 0, result.stderr
    assert digest(built / "site") == digest(tmp_path / "site-again")


def test_a_broken_catalog_fails_the_build_with_located_errors(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    catalog = project / "exercises.yaml"
    catalog.write_text(catalog.read_text(encoding="utf-8").replace("level: 1", "level: 0", 1))
    result = build(project)
    assert result.returncode == 1
    assert (
        "exercises.yaml:" in result.stderr
        and ".level: Input should be greater than or equal to 1" in result.stderr
    )
    assert "Traceback" not in result.stderr
    assert not (project / "site").exists()


def test_search_index_holds_real_text_not_boilerplate(built: Path) -> None:
    index = json.loads(
        (built / "site" / "search" / "search_index.json").read_text(encoding="utf-8")
    )
    docs = index["docs"]
    text = " ".join(doc["title"] + " " + doc["text"] for doc in docs)
    for boilerplate in (
        "When to get help straight away",
        "Stop and get advice if",
        "Print this routine",
        "Scan to open online",
        "This is a typical starting point",
    ):
        assert boilerplate not in text
    locations = {doc["location"].split("#")[0] for doc in docs}
    assert "exercises/" not in locations and "conditions/" not in locations  # list pages
    catalog = project_catalog(built)
    (exercise,) = pick(catalog.exercises, lambda _: True, "an exercise")
    (treatment,) = pick(catalog.treatments, lambda _: True, "a treatment")
    assert f"exercises/{exercise.id}/" in locations and f"treatments/{treatment.id}/" in locations
    pages = sum(1 for _ in (built / "site").rglob("*.html"))
    size = (built / "site" / "search" / "search_index.json").stat().st_size
    assert size / pages < 1500  # issue 8: under 1.5 KB per page


def test_search_finds_generated_pages_at_real_anchors(built: Path) -> None:
    site = built / "site"
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    catalog = load_catalog(built / "exercises.yaml")
    exercise = catalog.exercises[0]
    docs = {doc["location"]: doc for doc in index["docs"]}
    assert docs[f"exercises/{exercise.id}/"]["title"] == exercise.name
    assert exercise.steps[0] in docs[f"exercises/{exercise.id}/#how-to-do-it"]["text"]
    for location in docs:
        path, _, anchor = location.partition("#")
        page = (site / path / "index.html").read_text(encoding="utf-8")
        assert not anchor or f'id="{anchor}"' in page, location


def build_with_setting(tmp_path: Path, setting: str) -> Path:
    """Build a copy of the shipped project with one more plugin setting; the site's folder."""
    project = make_project(tmp_path)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    line = "      catalog: exercises.yaml\n"
    changed = config.replace(line, line + f"      {setting}\n")
    assert changed != config
    (project / "mkdocs.yml").write_text(changed, encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_one_process_builds_the_same_site(built: Path, tmp_path: Path) -> None:
    """A second process renders the theme for most of the catalog pages (and writes the
    figures); without it (`parallel: false`, or one core) the site is byte-identical."""
    assert digest(built / "site") == digest(build_with_setting(tmp_path, "parallel: false"))


def test_pages_converted_from_markdown_read_the_same(built: Path, tmp_path: Path) -> None:
    """Catalog pages are built from finished HTML; with `html_pages: false` MkDocs converts
    their Markdown instead, and every page reads the same: same tags, attributes, text and
    table of contents (only whitespace and attribute order may differ)."""
    markdown_site = build_with_setting(tmp_path, "html_pages: false")
    pages = sorted((built / "site").rglob("*.html"))
    assert len(pages) == sum(1 for _ in markdown_site.rglob("*.html"))
    differ = []
    for page in pages:
        other = markdown_site / page.relative_to(built / "site")
        html, converted = page.read_text("utf-8"), other.read_text("utf-8")
        if html != converted:
            differ.append(page)
            assert events(html) == events(converted), page
    catalog = load_catalog(built / "exercises.yaml")
    assert len(differ) >= len(catalog.exercises)  # the catalog pages did take the other path


def test_link_warnings_from_the_second_process_fail_the_strict_build(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    overrides = project / "overrides"
    overrides.mkdir()
    template = (ROOT / "generator" / "pages" / "templates" / "exercise.md.j2").read_text(
        encoding="utf-8"
    )
    (overrides / "exercise.md.j2").write_text(template + "\n[Broken](no-such-page.md)\n")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        config.replace(
            "      catalog: exercises.yaml\n",
            "      catalog: exercises.yaml\n      templates: overrides\n",
        ),
        encoding="utf-8",
    )
    result = build(project)
    assert result.returncode == 1
    exercises = len(load_catalog(project / "exercises.yaml").exercises)
    # an overridden template is rendered as Markdown and converted by MkDocs, which checks its
    # links: every exercise page warns exactly once, whichever process rendered it
    assert result.stderr.count("contains a link 'no-such-page.md'") == exercises, result.stderr
