"""`check` refuses what the strict build refuses for the nav's sake, located in `mkdocs.yml`:
a content page left out of the nav (with the exact line to add) and a nav entry with no page."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from generator.clinic.nav_check import check_nav

SETTINGS = """\
site_name: Test
docs_dir: content
nav:
  - Home: index.md
  - Exercises: exercises/index.md
  - Guides:
      - All guides: guides/index.md
      - Sleeping: guides/sleeping.md
  - About:
      - About us: about.md
validation:
  omitted_files: warn
"""
GENERATED = ["exercises/index.md", "exercises/bird-dog.md"]


def project(tmp_path: Path, settings: str = SETTINGS, pages: dict[str, str] | None = None) -> Path:
    (tmp_path / "mkdocs.yml").write_text(settings, encoding="utf-8")
    every = {
        "index.md": "# Home\n",
        "guides/index.md": "# Guides\n",
        "guides/sleeping.md": "# Sleeping\n",
        "about.md": "# About\n",
        **(pages or {}),
    }
    for uri, text in every.items():
        page = tmp_path / "content" / uri
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(text, encoding="utf-8")
    return tmp_path


def problems(root: Path) -> list[str]:
    found = check_nav(root / "mkdocs.yml", "mkdocs.yml", root / "content", GENERATED)
    return [str(p) for p in found]


def added_line(message: str) -> tuple[int, str]:
    match = re.search(
        r"add this line after line (\d+) of mkdocs\.yml \(with its spaces\): `(.*)`", message
    )
    assert match, message
    return int(match[1]), match[2]


def test_a_listed_project_passes(tmp_path: Path) -> None:
    assert problems(project(tmp_path)) == []


def test_a_page_left_out_is_located_with_the_line_that_lists_it(tmp_path: Path) -> None:
    root = project(
        tmp_path,
        pages={"guides/parking.md": '---\ntitle: "Parking: where and how"\n---\n# Parking\n'},
    )
    [message] = problems(root)
    assert message.startswith("mkdocs.yml:8:7: nav: content/guides/parking.md is not in the nav")
    assert "not included in the nav" in message
    after, line = added_line(message)
    assert (after, line) == (8, '      - "Parking: where and how": guides/parking.md')
    # Adding the line as told makes the nav whole: it parses, and lists the page in its section.
    settings = (root / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    settings.insert(after, line)
    (root / "mkdocs.yml").write_text("\n".join(settings) + "\n", encoding="utf-8")
    assert problems(root) == []
    guides = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))["nav"][2]
    assert guides["Guides"][-1] == {"Parking: where and how": "guides/parking.md"}


def test_the_title_comes_from_the_heading_or_the_file_name(tmp_path: Path) -> None:
    root = project(tmp_path, pages={"team.md": "Some text\n\n# Our team\n", "opening-times.md": ""})
    lines = sorted(added_line(m)[1] for m in problems(root))
    assert lines == ["      - Opening times: opening-times.md", "      - Our team: team.md"]


def test_pages_left_out_pass_when_the_settings_allow_it(tmp_path: Path) -> None:
    settings = SETTINGS.replace("validation:\n  omitted_files: warn\n", "")
    assert problems(project(tmp_path, settings, {"extra.md": "# Extra\n"})) == []
    nested = SETTINGS.replace("  omitted_files: warn", "  nav:\n    omitted_files: warn")
    assert len(problems(project(tmp_path, nested, {"extra.md": "# Extra\n"}))) == 1


def test_without_a_nav_every_page_is_listed_by_mkdocs(tmp_path: Path) -> None:
    settings = "site_name: Test\ndocs_dir: content\nvalidation:\n  omitted_files: warn\n"
    assert problems(project(tmp_path, settings, {"extra.md": "# Extra\n"})) == []


def test_a_nav_entry_without_a_page_is_located(tmp_path: Path) -> None:
    settings = SETTINGS.replace("guides/sleeping.md", "guides/sleep.md").replace(
        "  - Exercises: exercises/index.md\n",
        "  - Exercises: exercises/index.md\n  - Bird dog: exercises/bird-dog.md\n"
        "  - Elsewhere: https://example.net/\n",
    )
    found = problems(project(tmp_path, settings))
    assert found[0] == (
        "mkdocs.yml:10:19: nav: the nav lists guides/sleep.md, but there is no such page "
        "(content/guides/sleep.md or a catalog page); correct the path or remove the line"
    )
    assert len(found) == 2 and "content/guides/sleeping.md is not in the nav" in found[1]


def test_a_page_at_a_catalog_address_is_left_to_the_clash_check(tmp_path: Path) -> None:
    root = project(tmp_path, pages={"exercises/bird-dog.md": "# Mine\n"})
    assert problems(root) == []


def test_unreadable_settings_are_left_to_the_settings_check(tmp_path: Path) -> None:
    root = project(tmp_path, pages={"extra.md": "# Extra\n"})
    (root / "mkdocs.yml").write_bytes(SETTINGS.encode("utf-8") + b"# caf\xe9\n")
    assert problems(root) == []


def test_menu_titles_with_markup_and_script_links_are_refused(tmp_path: Path) -> None:
    """The theme prints a menu title as HTML on every page; a menu link is clicked like any."""
    entries = (
        "      - About <img src=x onerror=alert(1)>: about.md\n"
        '      - Call: "javascript:alert(1)"\n'
        "      - Site: https://example.org/"
    )
    settings = SETTINGS.replace("      - About us: about.md", entries)
    settings = settings.replace("  - Guides:", '  - "<svg onload=alert(1)>":')
    assert problems(project(tmp_path, settings)) == [
        "mkdocs.yml:6:5: nav[2].<svg onload=alert(1)>: a menu title is shown as HTML on every "
        "page; remove '<' from it",
        "mkdocs.yml:10:9: nav[3].About[0].About <img src=x onerror=alert(1)>: a menu title is "
        "shown as HTML on every page; remove '<' from it",
        "mkdocs.yml:11:15: nav[3].About[1].Call: link runs script (javascript:); link to a page "
        "instead",
    ]
