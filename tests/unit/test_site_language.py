"""The site's language: Material's `theme.language`, read and checked with the other settings."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import jinja2
import pytest

from generator.clinic.site_config import read_site_settings
from generator.engine.theme_words import material_words, pseudo_material_words
from generator.messages.pseudo import CLOSE, OPEN, PSEUDO_LANGUAGE
from tests.conftest import make_project, run_cli

MATERIAL = Path(__import__("material").__file__).parent / "templates"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_project(tmp_path_factory.mktemp("language"))


@pytest.fixture
def language(project: Path) -> Iterator[object]:
    """Set `theme.language` in the project's settings to a value (restored afterwards)."""
    config = project / "mkdocs.yml"
    original = config.read_text(encoding="utf-8")

    def set_to(value: str) -> int:
        text, count = re.subn(r"(?m)^(  language:) .*$", rf"\1 {value}", original)
        assert count == 1, "the project's mkdocs.yml sets theme.language once"
        config.write_text(text, encoding="utf-8")
        return text.splitlines().index(f"  language: {value}") + 1

    yield set_to
    config.write_text(original, encoding="utf-8")


@pytest.mark.parametrize("code", ["en", PSEUDO_LANGUAGE])
def test_a_language_with_words_is_read_without_a_warning(
    project: Path, language: object, code: str
) -> None:
    language(code)  # type: ignore[operator]
    site = read_site_settings(project / "mkdocs.yml")
    assert (site.language, site.warnings) == (code, ())


def test_check_warns_at_theme_language_when_the_generator_has_no_words_in_it(
    project: Path, language: object
) -> None:
    line = language("tlh")  # type: ignore[operator]
    result = run_cli("check", cwd=project)
    assert result.returncode == 0, result.stderr
    assert re.search(
        rf"^mkdocs\.yml:{line}:13: warning: theme\.language: the generator has no words in 'tlh'",
        result.stderr,
        re.M,
    ), result.stderr


def test_a_language_that_is_not_a_code_is_a_located_error(project: Path, language: object) -> None:
    line = language("[en]")  # type: ignore[operator]
    result = run_cli("check", cwd=project)
    assert result.returncode == 1
    assert re.search(
        rf"^mkdocs\.yml:{line}:13: theme\.language: must be a language code", result.stderr, re.M
    ), result.stderr


def test_materials_words_in_the_pseudo_locale() -> None:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(MATERIAL)))
    english = material_words(env)
    assert {"action.skip", "top", "search.placeholder"} <= set(english)
    made = jinja2.Environment(loader=jinja2.DictLoader({"p.html": pseudo_material_words(env)}))
    words = {key: str(made.get_template("p.html").module.t(key)) for key in english}  # type: ignore[attr-defined]
    assert words["language"] == PSEUDO_LANGUAGE
    assert words["search.config.separator"] == english["search.config.separator"]
    texts = [k for k in english if k not in {"language", "direction"} and ".config." not in k]
    assert all(words[k].startswith(OPEN) and words[k].endswith(CLOSE) for k in texts), words
