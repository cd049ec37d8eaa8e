"""Addresses: every section's pages and files, and no other module writing a section's folder."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from generator.catalog import addresses
from generator.catalog.addresses import (
    calendar_uri,
    directory_path,
    figure_uri,
    html_file,
    index_uri,
    motion_uri,
    page_uri,
    page_url,
    relative_file_url,
    relative_path,
    relative_url,
    thumbnail_uri,
    url_pattern,
)
from generator.catalog.kinds import (
    BY_KEY,
    BY_NOUN,
    CONDITIONS,
    EXERCISES,
    KINDS,
    PAGE_KINDS,
    REFERENCES,
    ROUTINES,
    TREATMENTS,
)
from generator.catalog.model import Catalog

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("kind", "key", "folder", "page", "index", "more"),
    [
        ("exercise", "exercises", "exercises", "exercises/bird-dog.md", "exercises/index.md", ""),
        ("condition", "conditions", "conditions", "conditions/sciatica.md", "", "conditions/all"),
        ("treatment", "modalities", "treatments", "treatments/tens.md", "", "treatments/all"),
        ("routine", "routines", "routines", "routines/neck.md", "routines/index.md", ""),
    ],
)
def test_every_section_with_pages(
    kind: str, key: str, folder: str, page: str, index: str, more: str
) -> None:
    section = BY_NOUN[kind]
    assert BY_KEY[key] is section
    assert (section.key, section.noun, section.folder) == (key, kind, folder)
    entry_id = page.removeprefix(f"{folder}/").removesuffix(".md")
    assert section.page(entry_id) == page_uri(kind, entry_id) == page
    assert section.index == index_uri(kind) == f"{folder}/index.md"
    assert index in ("", section.index)
    assert section.more == f"{folder}/all"
    assert more in ("", section.more)
    assert section.plural == folder
    assert url_pattern(kind) == f"{folder}/{{id}}/"


def test_sections_follow_the_catalog() -> None:
    fields = list(Catalog.model_fields.items())[: len(KINDS)]
    assert [s.field for s in KINDS] == [name for name, _ in fields]
    assert [s.key for s in KINDS] == [info.alias or name for name, info in fields]
    assert PAGE_KINDS == (TREATMENTS, CONDITIONS, EXERCISES, ROUTINES)
    assert {s.noun for s in KINDS} == {
        "reference",
        "treatment",
        "condition",
        "exercise",
        "routine",
    }
    assert [s.title for s in (CONDITIONS, TREATMENTS, ROUTINES)] == [
        "Conditions",
        "Treatments",
        "Home routines",
    ]


def test_references_have_one_page_and_anchors() -> None:
    assert REFERENCES.folder is None
    with pytest.raises(ValueError, match="no pages"):
        REFERENCES.page("nice-ng59")
    assert addresses.REFERENCES_PAGE == "references.md"
    assert addresses.reference_anchor("nice-ng59") == "ref-nice-ng59"


def test_other_pages() -> None:
    assert addresses.ROUTINE_BUILDER == "routines/builder.md"
    assert addresses.CONTACT_PAGE == "contact.md"
    assert addresses.HOME_PAGE == "index.md"
    assert set(addresses.INDEX_PAGES) == {
        "conditions/index.md",
        "treatments/index.md",
        "exercises/index.md",
        "routines/index.md",
        "routines/builder.md",
        "references.md",
        "contact.md",
    }
    assert (
        addresses.exercise_group_uri("body-area", "lower-back") == "exercises/body-area/lower-back"
    )
    assert addresses.CATALOG_JSON_URI == "api/catalog.json"
    # Every folder and page name the site has besides entries is a reserved id.
    assert {"index", "builder", "api", "all", "body-area", "type"} <= addresses.RESERVED_IDS


def test_files() -> None:
    assert figure_uri("bird-dog") == "figures/bird-dog.svg"
    assert thumbnail_uri("bird-dog") == "figures/small/bird-dog.svg"
    assert motion_uri("bird-dog") == "figures/motion/bird-dog.svg"
    assert calendar_uri("neck") == "routines/neck/neck.ics"


@pytest.mark.parametrize(
    ("uri", "directory", "html"),
    [
        ("routines/neck.md", "routines/neck/", "routines/neck/index.html"),
        ("routines/index.md", "routines/", "routines/index.html"),
        ("exercises/type/strength.md", "exercises/type/strength/", None),
        ("index.md", "", "index.html"),
        ("references.md", "references/", "references/index.html"),
    ],
)
def test_published_addresses(uri: str, directory: str, html: str | None) -> None:
    assert directory_path(uri) == directory
    assert page_url("https://example.org/clinic/", uri) == f"https://example.org/clinic/{directory}"
    assert page_url("", uri) == f"/{directory}"
    if html is not None:
        assert html_file(uri) == html


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("exercises/a.md", "conditions/b.md", "../conditions/b.md"),
        ("exercises/a.md", "exercises/b.md", "b.md"),
        ("exercises/type/strength.md", "exercises/index.md", "../index.md"),
        ("contact.md", "conditions/index.md", "conditions/index.md"),
    ],
)
def test_relative_paths_between_sources(source: str, target: str, expected: str) -> None:
    assert relative_path(source, target) == expected


def test_relative_urls() -> None:
    assert relative_url("exercises/old.md", "exercises/new.md") == "../new/"
    assert relative_url("routines/builder.md", "routines/index.md") == "../"
    assert relative_file_url("exercises/a.md", "figures/a.svg") == "../../figures/a.svg"
    assert relative_file_url("routines/neck.md", calendar_uri("neck")) == "neck.ics"
    assert (
        relative_file_url("exercises/index.md", "figures/small/a.svg") == "../figures/small/a.svg"
    )


# ---- Nothing else writes a section's folder -------------------------------------------------

FOLDERS = sorted({s.folder for s in KINDS if s.folder} | {addresses.FIGURE_DIR, "api"})
# A folder name followed by a slash, as the start of a path: `"treatments/"`, `` `exercises/ ``.
FOLDER_PATH = re.compile(rf"(?<![\w/.-])({'|'.join(FOLDERS)})/")
PAGE_NAME = re.compile(r"\b(references|contact|builder)\.md(?![\w.])")


def _python_strings(path: Path) -> list[tuple[int, str]]:
    """Every string constant in a module's code, docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def _template_code(text: str) -> str:
    """A template without its comments."""
    return re.sub(r"\{#.*?#\}", "", text, flags=re.DOTALL)


def _script_code(text: str) -> str:
    """A script without its line comments (the project's scripts use no block comments)."""
    return re.sub(r"(?m)^\s*//.*$|\s//\s.*$", "", text)


def test_only_addresses_py_writes_a_section_folder() -> None:
    found: list[str] = []
    for path in sorted((ROOT / "generator").rglob("*.py")):
        if path.name in {"addresses.py", "kinds.py"}:  # kinds.py declares each kind's folder
            continue
        for line, value in _python_strings(path):
            # The folder of `modalities` alone is a word only a table of sections would write.
            if FOLDER_PATH.search(value) or PAGE_NAME.search(value) or value == TREATMENTS.folder:
                found.append(f"{path.relative_to(ROOT)}:{line}: {value!r}")
    for path in sorted((ROOT / "generator" / "pages" / "templates").glob("*.j2")):
        for number, line in enumerate(_template_code(path.read_text("utf-8")).splitlines(), 1):
            if FOLDER_PATH.search(line) or PAGE_NAME.search(line) or 'href="../' in line:
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    scripts = ROOT / "theme" / "assets" / "javascripts"
    for path in sorted(scripts.rglob("*.js")):  # the builder's modules too
        for number, line in enumerate(_script_code(path.read_text("utf-8")).splitlines(), 1):
            if FOLDER_PATH.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not found, "use generator/catalog/addresses.py or kinds.py:\n" + "\n".join(found)


def test_the_guard_finds_what_it_looks_for() -> None:
    assert FOLDER_PATH.search('f"treatments/{m.id}.md"')
    assert FOLDER_PATH.search("siteUrl(`exercises/${id}/`)")
    assert FOLDER_PATH.search('url("routines/" ~ routine.id ~ ".md")')
    assert not FOLDER_PATH.search("generator/figures/poses.yaml")
    assert not FOLDER_PATH.search("the exercises in this routine")
    code = 'x = "conditions/"\n\ndef f() -> None:\n    """In `exercises/a.md`."""\n'
    path = ROOT / "tests" / "fixtures" / "_addresses_probe.py"
    try:
        path.write_text(code, encoding="utf-8")
        assert [value for _, value in _python_strings(path)] == ["conditions/"]
    finally:
        path.unlink()
