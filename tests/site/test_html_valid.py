"""Every built page passes the Nu HTML Checker, and the theme repairs stay minimal."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from generator.site_files.html_fixes import repair
from tests.conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.mark.clinic
def test_every_page_is_valid_html(built: Path) -> None:
    java = shutil.which("java")
    assert java and VNU.exists(), "`make test` installs Java and the Nu HTML Checker (npm ci)"
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--skip-non-html", str(built / "site")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[:4000]


def test_repairs_touch_only_the_invalid_attributes() -> None:
    html = (
        '<input class="md-toggle" type="checkbox" id="__drawer" autocomplete="off">'
        '<input type="text" name="query" autocomplete="off">'
        '<label class="md-nav__link" for="__nav_5" tabindex="">Routines</label>'
        '<label for="__drawer">Menu</label>'
        '<div class="md-search" data-md-component="search" role="dialog">'
        '<nav class="md-search__options" aria-label="Suche"></nav></div>'
    )
    assert repair(html) == (
        '<input class="md-toggle" type="checkbox" id="__drawer">'
        '<input type="text" name="query" autocomplete="off">'
        '<label class="md-nav__link">Routines</label>'
        '<label for="__drawer">Menu</label>'
        '<div class="md-search" data-md-component="search" role="dialog" aria-label="Suche">'
        '<nav class="md-search__options" aria-label="Suche"></nav></div>'
    )
