"""`check` reads the clinic settings as the build does (a clinic name with quotes on every
built page: tests/site/test_rebrand.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.source.text_safety import FORBIDDEN
from tests.conftest import US_CLINIC, Ran, make_project, run_cli, with_clinic


def check(project: Path) -> Ran:
    return run_cli("check", cwd=project)


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
    (
        US_CLINIC.replace('"(202) 555-0143"', '"(555) 010-0199"'),
        "phone:",
        "extra.clinic.phone: '(555) 010-0199' is not a phone number that can be dialled in US",
    ),
    (
        US_CLINIC.replace("country: US", "country: Ireland"),
        "country:",
        "extra.clinic.country: write the country's code: 'country: IE' (for Ireland)",
    ),
    (
        US_CLINIC.replace("country: US", "country: Scotland"),
        "country:",
        "'country: UK' and 'region: scotland'",
    ),
    (
        US_CLINIC + "    region: scotland\n",
        "region:",
        "extra.clinic.region: 'scotland' is not a region of US; leave it out",
    ),
    (
        US_CLINIC + "    opening_hours:\n      - Monday: 9am to 5pm\n",
        "Monday",
        "extra.clinic.opening_hours[0]: must be text, but the ': ' in it made YAML read it",
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
        config.write_text(re.sub(r"(?m)^site_url: .*$", 'site_url: "x y"', original))
        result = check(project)
    finally:
        config.write_text(original, encoding="utf-8")
    assert result.returncode == 1
    assert re.search(
        r"^mkdocs\.yml:\d+:11: site_url: must be the site's address", result.stderr, re.M
    )


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
