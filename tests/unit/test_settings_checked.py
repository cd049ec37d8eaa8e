"""`check` reads the clinic settings as the build does, and any clinic name shows as written."""

from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.source.text_safety import FORBIDDEN
from tests.test_build import build, make_project
from tests.test_clinic_settings import US_CLINIC, with_clinic


def check(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", "check"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_project(tmp_path_factory.mktemp("settings"))


BAD_SETTINGS = [
    ("  clinic: Riverside\n", "clinic: Riverside", "extra.clinic: must be a mapping"),
    (
        US_CLINIC + '    urgent_care: {emergency: "", urgent: call us}\n',
        "urgent_care",
        "extra.clinic.urgent_care.emergency: String should have at least 1 character",
    ),
    (
        US_CLINIC + "    logo: ../exercises.yaml.png\n",
        "logo: ../",
        "must be a file inside content/",
    ),
    (US_CLINIC + "    logo: /etc/logo.png\n", "logo: /etc", "not an absolute path"),
    (US_CLINIC + "    logo: img/nowhere.svg\n", "logo: img/", "logo file not found"),
    (US_CLINIC.replace("country: US", "country: Mars"), "country:", "extra.clinic.country"),
    (US_CLINIC.replace("#5b2a86", "#f0e68c"), "colours:", "has contrast 1.3:1 with white"),
    (
        US_CLINIC.replace("Lakeside", "Lake\u202eside"),
        "    name: Lake",
        "U+202E (RIGHT-TO-LEFT OVERRIDE)",
    ),
    (US_CLINIC.replace("phone: ", "phone: !!int 010 #"), "phone:", "is not a whole number"),
    (
        US_CLINIC + "    colour: red\n",
        "colour: red",
        "extra.clinic.colour: unknown setting 'colour'; did you mean 'colours'?",
    ),
]


@pytest.mark.parametrize(("block", "where", "message"), BAD_SETTINGS)
def test_check_refuses_bad_settings_with_located_errors(
    project: Path, block: str, where: str, message: str
) -> None:
    original = (project / "mkdocs.yml").read_text(encoding="utf-8")
    try:
        with_clinic(project, block)
        lines = (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
        line = next(i for i, row in enumerate(lines, 1) if where in row)
        result = check(project)
    finally:
        (project / "mkdocs.yml").write_text(original, encoding="utf-8")
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    assert re.search(rf"^mkdocs\.yml:{line}:\d+: extra\.clinic[^:]*: ", result.stderr, re.M), (
        result.stderr
    )
    assert message in result.stderr
    assert not FORBIDDEN.search(result.stderr.replace("\n", ""))


def test_check_refuses_a_bad_site_url(project: Path) -> None:
    config = project / "mkdocs.yml"
    original = config.read_text(encoding="utf-8")
    try:
        config.write_text(original.replace("site_url: https://example.org/", 'site_url: "x y"'))
        result = check(project)
    finally:
        config.write_text(original, encoding="utf-8")
    assert result.returncode == 1
    assert re.search(
        r"^mkdocs\.yml:\d+:11: site_url: must be the site's address", result.stderr, re.M
    )


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


def test_mkdocs_own_tags_outside_the_clinic_settings_are_left_to_mkdocs(project: Path) -> None:
    config = project / "mkdocs.yml"
    original = config.read_text(encoding="utf-8")
    try:
        config.write_text(
            original.replace("extra:\n", "extra:\n  analytics_off: !ENV [NO_SUCH_VARIABLE, x]\n", 1)
        )
        assert "!ENV" in config.read_text(encoding="utf-8")
        result = check(project)
    finally:
        config.write_text(original, encoding="utf-8")
    assert result.returncode == 0, result.stderr
