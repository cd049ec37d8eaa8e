"""An export any engine can build: `python -m generator export` makes a project that Zensical
(which runs no MkDocs plugins), MkDocs and ProperDocs build strictly without the catalog plugin,
with catalog pages at their addresses, a Content-Security-Policy allowing only the site itself,
JSON-LD, review lines, redirects and catalog pages in the engine's own search."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.catalog.kinds import PAGE_KINDS
from generator.catalog.load import load_catalog
from generator.catalog.model import Catalog
from generator.clinic.site_config import read_site_settings
from generator.engine.export import THEME_DIR
from generator.site_files.csp import policy_for
from generator.site_files.structured_data import json_ld_pages
from tests.conftest import (
    PROJECT,
    ROOT,
    US_CLINIC,
    Ran,
    digest,
    make_project,
    pick,
    project_catalog,
    run_cli,
    with_clinic,
)

sys.path.insert(0, str(ROOT / "scripts"))
from url_manifest import published_urls

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
# An exercise of the project under test, given an old address (an alias) here.
(EXERCISE,) = pick(
    project_catalog().exercises, lambda e: not e.aliases, "an exercise without aliases"
)
ALIAS = f"old-{EXERCISE.id}"
# Zensical has no option for the output folder: it writes `site/`.
ENGINES = {
    "zensical": (["zensical", "build", "--strict"], "site"),
    "mkdocs": (["mkdocs", "build", "--strict", "--site-dir", "site-mkdocs"], "site-mkdocs"),
    "properdocs": (["properdocs", "build", "--strict", "--site-dir", "site-pd"], "site-pd"),
}
FOLDERS = {  # each kind's Catalog attribute and the folder of its pages
    "exercises": "exercises",
    "conditions": "conditions",
    "treatments": "treatments",
    "routines": "routines",
}
ALLOWED_SOURCES = {"'self'", "'none'"}


def _insert(path: Path, anchor: str, addition: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert anchor in text
    path.write_text(text.replace(anchor, anchor + addition, 1), encoding="utf-8")


def export(project: Path, out: Path) -> Ran:
    """`python -m generator export OUT` in `project` (in this process), as of ENV's date."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", ENV["SOURCE_DATE_EPOCH"])
        return run_cli("export", str(out), cwd=project)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real project, with an alias."""
    project = make_project(tmp_path_factory.mktemp("export"))
    _insert(project / "exercises.yaml", f"  - id: {EXERCISE.id}\n", f"    aliases: [{ALIAS}]\n")
    return project


@pytest.fixture(scope="module")
def exported(project: Path) -> Path:
    out = project / "export"
    result = export(project, out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def catalog(project: Path) -> Catalog:
    return load_catalog(project / "exercises.yaml")


@pytest.fixture(scope="module", params=sorted(ENGINES))
def site(request: pytest.FixtureRequest, exported: Path) -> Path:
    """The export built strictly by one engine (each engine's own command line)."""
    command, folder = ENGINES[request.param]
    executable = str(Path(sys.executable).parent / command[0])
    result = subprocess.run(
        [executable, *command[1:]], cwd=exported, env=ENV, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return exported / folder


def test_the_export_is_a_project_without_the_plugin(exported: Path) -> None:
    config = yaml.safe_load((exported / "mkdocs.yml").read_text(encoding="utf-8"))
    stemmed = {"search": {"pipeline": ["stemmer", "stopWordFilter", "trimmer"]}}
    assert config["plugins"] == [stemmed] and config["docs_dir"] == "docs"
    assert config["theme"]["custom_dir"] == "overrides"
    # The kinds with pages, for the theme, as the plugin gives them.
    assert config["extra"]["catalog_page_kinds"] == [kind.noun for kind in PAGE_KINDS]
    assert not (exported / "overrides" / "clinic-built-elsewhere.html").exists()
    for template in (exported / "overrides").rglob("*.html"):
        assert "clinic_fragments" not in template.read_text(encoding="utf-8"), template
    page = (exported / "docs" / "exercises" / f"{EXERCISE.id}.md").read_text(encoding="utf-8")
    assert "exclude: true" not in page and "\njson_ld: " in page


def test_two_exports_are_byte_identical(project: Path, exported: Path) -> None:
    again = project / "again"
    result = export(project, again)
    assert result.returncode == 0, result.stderr
    built = {"site", *(folder for _, folder in ENGINES.values()), ".cache"}
    first = {k: v for k, v in digest(exported).items() if k.split("/")[0] not in built}
    assert digest(again) == first


def test_the_themes_scripts_are_files_that_parse() -> None:
    node = shutil.which("node")
    assert node is not None, "Node.js is needed (make test installs the Nu HTML Checker with npm)"
    scripts = sorted((THEME_DIR / "assets" / "javascripts" / "theme").glob("*.js"))
    assert len(scripts) == 7
    for script in scripts:
        result = subprocess.run([node, "--check", str(script)], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr


def test_a_content_page_may_not_clash_with_a_catalog_page(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    (project / "content" / "exercises").mkdir()
    mine = project / "content" / "exercises" / f"{EXERCISE.id}.md"
    mine.write_text("# Mine\n", encoding="utf-8")
    result = export(project, project / "out")
    assert result.returncode == 1
    assert f"content/exercises/{EXERCISE.id}.md:1:1: clashes with a page generated" in result.stderr
    assert not (project / "out").exists()


def test_catalog_pages_are_at_the_design_addresses(site: Path, catalog: Catalog) -> None:
    published = set(published_urls(site))
    manifest = set((PROJECT / "urls.txt").read_text(encoding="utf-8").split())
    assert manifest - published == set()
    assert published - manifest <= {f"/exercises/{ALIAS}/", "/search.json"}
    for section, folder in FOLDERS.items():
        for entry in getattr(catalog, section):
            assert f"/{folder}/{entry.id}/" in published
    for routine in catalog.routines:
        assert (site / "routines" / routine.id / f"{routine.id}.ics").is_file()
    data = json.loads((site / "api" / "catalog.json").read_text(encoding="utf-8"))
    assert [e["id"] for e in data["exercises"]] == [e.id for e in catalog.exercises]
    assert (site / "assets" / "fonts" / "atkinson-hyperlegible-latin-400-normal.woff2").is_file()
    assert (site / "assets" / "javascripts" / "theme" / "base.js").is_file()
    assert any((site / "figures").rglob("*.svg"))


def _policy(page: str) -> dict[str, list[str]]:
    """The page's Content-Security-Policy, which must come before anything it governs."""
    found = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page)
    assert found is not None
    head = page[: page.index("</head>")]
    first_load = min((head.find(t) for t in ("<script", "<link") if t in head), default=-1)
    assert found.start() < first_load
    return {d.split()[0]: d.split()[1:] for d in found[1].split("; ")}


def test_every_page_allows_only_the_site_itself(site: Path) -> None:
    pages = sorted(p for p in site.rglob("*.html") if "assets" not in p.parts)
    assert len(pages) > 100
    for path in pages:
        page = path.read_text(encoding="utf-8")
        policy = _policy(page)
        assert policy["default-src"] == ["'self'"], path
        hashes = {s for s in policy["script-src"] if s.startswith("'sha256-")}
        assert set(policy["script-src"]) - hashes == {"'self'"}, path
        # Every script that runs inline is one the policy allows (nothing the theme needs is
        # blocked), and no directive names another host.
        assert set(re.findall(r"'sha256-[^']+'", policy_for(page))) <= hashes, path
        others = {s for sources in policy.values() for s in sources} - hashes
        assert others <= ALLOWED_SOURCES | {"'unsafe-inline'", "data:"}, path
        assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    # Content pages add no hash: the theme's scripts are files in the export.
    assert _policy((site / "about" / "index.html").read_text(encoding="utf-8"))["script-src"] == [
        "'self'"
    ]
    assert _policy((site / "index.html").read_text(encoding="utf-8"))["script-src"] == ["'self'"]


def test_entry_pages_carry_json_ld_and_their_review(
    site: Path, project: Path, catalog: Catalog
) -> None:
    settings = read_site_settings(project / "mkdocs.yml")
    expected = json_ld_pages(catalog, settings.clinic, settings.site_url)
    for section, folder in FOLDERS.items():
        for entry in getattr(catalog, section):
            page = (site / folder / entry.id / "index.html").read_text(encoding="utf-8")
            data = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
            assert [json.loads(d) for d in data] == [
                json.loads(expected[f"{folder}/{entry.id}.md"])
            ]
            # Not signed off by the clinic: the page says so, with the project's review date.
            review = re.search(
                r'has not yet reviewed this page.*?<time datetime="([0-9-]+)">', page
            )
            assert review is not None, page
            assert review[1] == entry.reviewed.date.isoformat()
    about = (site / "about" / "index.html").read_text(encoding="utf-8")
    assert "application/ld+json" not in about and "Read the disclaimer" in about


def test_an_old_address_redirects(site: Path) -> None:
    page = (site / "exercises" / ALIAS / "index.html").read_text(encoding="utf-8")
    assert f'<meta http-equiv="refresh" content="0; url=../{EXERCISE.id}/">' in page
    assert _policy(page)["script-src"] == ["'self'"]


def _search_entries(site: Path) -> list[dict[str, Any]]:
    """The engine's own index: Zensical's `search.json` or Material's `search_index.json`."""
    zensical = site / "search.json"
    if zensical.is_file():
        items: list[dict[str, Any]] = json.loads(zensical.read_text(encoding="utf-8"))["items"]
        return items
    index = site / "search" / "search_index.json"
    docs: list[dict[str, Any]] = json.loads(index.read_text(encoding="utf-8"))["docs"]
    return docs


def test_the_engines_search_finds_catalog_pages(site: Path, catalog: Catalog) -> None:
    entries = _search_entries(site)
    titles = {e["location"]: e["title"] for e in entries}
    assert html.unescape(titles[f"exercises/{EXERCISE.id}/"]) == EXERCISE.name
    for section, folder in FOLDERS.items():
        for entry in getattr(catalog, section):
            assert html.unescape(titles[f"{folder}/{entry.id}/"]) == entry.name
    steps = [e for e in entries if e["location"].startswith(f"exercises/{EXERCISE.id}/#")]
    first_step = " ".join(EXERCISE.steps[0].split())
    assert any(first_step in " ".join(html.unescape(e["text"]).split()) for e in steps), steps
    # As on the plugin's site, list pages are not searched: only the entries they link to.
    pages = {e["location"].split("#")[0] for e in entries}
    assert not {"exercises/", "conditions/", "routines/builder/"} & pages
    assert not [page for page in pages if "/all/" in page or "/body-area/" in page]


def test_the_settings_are_the_clinics_as_the_plugin_gives_them(tmp_path: Path) -> None:
    """The site name escaped (the theme prints it unescaped), plugins written as a mapping."""
    project = make_project(tmp_path)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    start, end = text.index("plugins:\n"), text.index("      catalog: exercises.yaml\n")
    plugins = text[start : end + len("      catalog: exercises.yaml\n")]
    assert "clinic-catalog:" in plugins
    text = text.replace(plugins, "plugins:\n  search: {lang: en}\n  clinic-catalog: {}\n")
    config.write_text(text, encoding="utf-8")
    with_clinic(project, US_CLINIC.replace("Lakeside Spine Care", "O'Neil & Sons"))
    out = project / "out"
    result = export(project, out)
    assert result.returncode == 0, result.stderr
    written = yaml.safe_load((out / "mkdocs.yml").read_text(encoding="utf-8"))
    assert written["site_name"] == "O&#x27;Neil &amp; Sons"
    assert written["extra"]["clinic"]["name"] == "O'Neil & Sons"  # escaped by the templates
    assert written["plugins"] == {"search": {"lang": "en"}}
