"""Hand-written pages: front matter checked with located errors, scripts refused (the hostile
corpus is in test_hostile_content.py)."""

from __future__ import annotations

import pytest

from generator.clinic.content_files import walk_content
from generator.clinic.content_pages import check_content_pages, check_page
from tests.conftest import ROOT


def problems(text: str) -> list[str]:
    return [str(p) for p in check_page(text, "content/page.md")]


def test_the_shipped_pages_are_valid() -> None:
    walk = walk_content(ROOT / "content")
    assert walk.problems == []
    assert check_content_pages(ROOT / "content", walk.files) == []


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        ("title: A: b\n", "content/page.md:2:9: the value of 'title' holds ': '"),
        ("title: [x\n", "content/page.md:"),
        ("- just a list\n", "content/page.md:2:1: front matter must be a mapping"),
        (
            "titel: Hello\n",
            "content/page.md:2:1: titel: unknown front-matter key 'titel'; did you mean 'title'?",
        ),
        (
            "search:\n  exclude: yes\n",
            "content/page.md:3:12: search.exclude: Input should be a valid boolean",
        ),
        ("hide: [tocc]\n", "content/page.md:2:8: hide[0]: Input should be"),
        ("title: 'Say \"hi\"'\n", 'content/page.md:2:8: title: must not contain <, > or "'),
        ("title: A\u202eB\n", "U+202E (RIGHT-TO-LEFT OVERRIDE)"),
        ("date: 2026-02-30\n", "content/page.md:2:7: date: 2026-02-30 is not a real date"),
        (
            "reviewed_on: 2026-13-01\n",
            "content/page.md:2:14: reviewed_on: 2026-13-01 is not a real",
        ),
        ("reviewed_by: ''\n", "content/page.md:2:14: reviewed_by:"),
    ],
)
def test_front_matter_problems_are_located(front: str, expected: str) -> None:
    found = problems(f"---\n{front}---\n\n# Page\n")
    assert found and expected in found[0], found


def test_front_matter_with_windows_line_endings_is_read() -> None:
    assert problems("---\r\ntitle: Hello\r\n---\r\n\r\n# Page\r\n") == []
    found = problems("---\r\ntitel: Hello\r\n---\r\n")
    assert found == [
        "content/page.md:2:1: titel: unknown front-matter key 'titel'; did you mean 'title'?"
    ]


def test_front_matter_without_its_closing_line_is_an_error() -> None:
    assert problems("---\ntitle: x\n\n# Page\n") == [
        "content/page.md:1:1: front matter has no closing '---' line"
    ]


def test_an_inline_script_is_refused_with_its_place() -> None:
    page = "# Page\n\nText.\n\n<script>alert(1)</script>\n"
    (found,) = problems(page)
    assert found.startswith("content/page.md:5:1: scripts cannot run from content pages")


def test_scripts_in_code_are_shown_not_run() -> None:
    page = (
        "```html\n<script>alert(1)</script>\n```\n\n`<script>x</script>`\n\n"
        "    <script>indented code</script>\n"
    )
    assert problems(page) == []


def test_a_script_by_address_is_refused_too() -> None:
    found = problems('Text.\n\n<script src="../assets/x.js"></script>\n')
    assert [f.split(": ", 1)[0] for f in found] == ["content/page.md:3:1"]


def test_the_editing_guide_is_for_staff_not_patients() -> None:
    assert not (ROOT / "content" / "editing.md").exists()
    guide = (ROOT / "docs" / "editing.md").read_text(encoding="utf-8")
    assert guide.startswith("# How to edit this site (for clinic staff)")
