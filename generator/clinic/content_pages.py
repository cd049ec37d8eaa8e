"""Hand-written pages in `content/`: their front matter is checked like the catalog, and their
HTML (the Markdown converted as MkDocs converts it) holds nothing that runs, redirects or loads
from another host (`page_html.py`).

MkDocs shows front matter that does not parse as text on the page, silently; a script in a page
would run on the site's origin. Both are located errors here, in `check` and in the build.
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Collection
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import markdown
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictFloat,
    StringConstraints,
    ValidationError,
)

from generator.catalog.load import read_bounded
from generator.clinic.content_files import ContentFile
from generator.clinic.page_html import findings
from generator.clinic.wording import PLACEHOLDERS, unknown_placeholders
from generator.source.errors import Problem, ProjectError
from generator.source.text_safety import check_text
from generator.source.yaml_source import read_yaml

_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*\r?$", re.DOTALL | re.MULTILINE)
_MAX_PAGE = 5 * 1024 * 1024
Extensions = tuple[tuple[str, dict[str, Any]], ...]
# MkDocs always adds these to the site's own (mkdocs.config.config_options.MarkdownExtensions).
BUILTIN_EXTENSIONS: Extensions = (("toc", {}), ("tables", {}), ("fenced_code", {}))
_CONVERTERS: dict[str, Any] = {}


def _attribute_text(text: str) -> str:
    """Themes print titles and descriptions into attributes unescaped."""
    check_text(text)
    if any(char in text for char in '<>"'):
        raise ValueError('must not contain <, > or " (use “curly quotes” in text)')
    return text


Line = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_attribute_text)
]


class Hidden(StrEnum):
    NAVIGATION = "navigation"
    TOC = "toc"
    FOOTER = "footer"
    PATH = "path"
    TAGS = "tags"
    FEEDBACK = "feedback"


class Search(BaseModel):
    model_config = ConfigDict(extra="forbid")

    exclude: StrictBool = False
    boost: Annotated[StrictFloat, Field(ge=0, le=100)] = 1


class FrontMatter(BaseModel):
    """The front-matter keys a content page may use (MkDocs' and Material's)."""

    model_config = ConfigDict(extra="forbid")

    title: Annotated[Line, StringConstraints(max_length=120)] | None = None
    description: Annotated[Line, StringConstraints(max_length=300)] | None = None
    search: Search | None = None
    hide: list[Hidden] = []
    template: Line | None = None
    icon: Line | None = None
    status: Line | None = None
    subtitle: Line | None = None
    tags: list[Line] = []
    # Who reviewed the page and when: shown at its foot, as on catalog pages.
    reviewed_by: Line | None = None
    reviewed_on: datetime.date | None = None


def check_page(
    text: str,
    file: str,
    extensions: Extensions = (),
    templates: Collection[str] | None = None,
) -> list[Problem]:
    """Every problem of one page's front matter and HTML, located; `templates` are those a
    page may name (None: any)."""
    body = _FRONT.sub(lambda m: "\n" * m[0].count("\n"), text, count=1)
    front = _front_matter(text, file, templates)
    html = html_problems(to_html(body, extensions), text, file)
    return front + html + placeholder_problems(text, file)


def html_problems(html: str, text: str, file: str) -> list[Problem]:
    """What is refused in a page's HTML, located in its Markdown `text`."""
    cursors: dict[str, int] = {}
    problems = []
    for finding in findings(html):
        line, column = _locate(text, finding.needles, cursors)
        problems.append(Problem(file, line, column, "", finding.message))
    return problems


def placeholder_problems(text: str, file: str) -> list[Problem]:
    """Every unknown `[[placeholder]]` of a page, located, with the known ones named."""
    problems = []
    for offset, name in unknown_placeholders(text):
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        close = difflib.get_close_matches(name, PLACEHOLDERS, 1)
        hint = f"did you mean [[{close[0]}]]? " if close else ""
        message = f"unknown placeholder [[{name}]]: {hint}known: {', '.join(PLACEHOLDERS)}"
        problems.append(Problem(file, line, column, "", message))
    return problems


def to_html(markdown_text: str, extensions: Extensions = ()) -> str:
    """The page's HTML as MkDocs makes it: Python-Markdown with MkDocs' own extensions and the
    site's (`markdown_extensions` in mkdocs.yml); an extension that cannot be loaded here is
    left out (the build checks the HTML it makes again)."""
    html: str = _converter((*BUILTIN_EXTENSIONS, *extensions)).reset().convert(markdown_text)
    return html


def _converter(extensions: Extensions) -> Any:
    key = repr(extensions)
    if key not in _CONVERTERS:
        usable: list[tuple[str, dict[str, Any]]] = []
        for name, config in extensions:
            for tried in ((name, config), (name, {})):
                try:
                    markdown.Markdown(extensions=[tried[0]], extension_configs={name: tried[1]})
                except Exception:  # an extension missing here, or a configuration it refuses
                    continue
                usable.append(tried)
                break
        configs = {name: config for name, config in usable}
        _CONVERTERS[key] = markdown.Markdown(
            extensions=list(dict.fromkeys(n for n, _ in usable)), extension_configs=configs
        )
    return _CONVERTERS[key]


def _locate(text: str, needles: tuple[str, ...], cursors: dict[str, int]) -> tuple[int, int]:
    """Where a finding is written: the next place one of its needles (an address, an
    attribute or `<tag`) appears in the page, in order; the page's start if none does."""
    lowered = text.lower()
    for needle in needles:
        if not needle:
            continue
        at = lowered.find(needle.lower(), cursors.get(needle, 0))
        if at == -1:
            at = lowered.find(needle.lower())
        if at != -1:
            cursors[needle] = at + 1
            line = text.count("\n", 0, at) + 1
            return line, at - (text.rfind("\n", 0, at) + 1) + 1
    return 1, 1


def _front_matter(text: str, file: str, templates: Collection[str] | None) -> list[Problem]:
    if not re.match(r"---[ \t]*\r?\n", text):
        return []
    block = _FRONT.match(text)
    if block is None:
        return [Problem(file, 1, 1, "", "front matter has no closing '---' line")]
    top = "front matter must be a mapping of settings (key: value lines)"
    data, source, problems = read_yaml(block[1], file, top)
    if data is None and not problems:
        return []
    found = list(problems)
    if data is not None:
        try:
            FrontMatter.model_validate(data)
        except ValidationError as error:
            for detail in error.errors():
                path = tuple(detail["loc"])
                if path in source.refused:
                    continue
                message = detail["msg"].removeprefix("Value error, ")
                if detail["type"] == "extra_forbidden":
                    close = difflib.get_close_matches(str(path[-1]), FrontMatter.model_fields, 1)
                    hint = f"; did you mean '{close[0]}'?" if close else ""
                    message = f"unknown front-matter key '{path[-1]}'{hint}"
                found.append(source.problem(path, message, key=detail["type"] == "extra_forbidden"))
        template = data.get("template") if isinstance(data, dict) else None
        if isinstance(template, str) and templates is not None and template not in templates:
            message = (
                f"no template '{template}' in the theme; name one of the theme's templates "
                "(such as main.html) or remove the line"
            )
            found.append(source.problem(("template",), message))
    # The YAML starts on the page's second line.
    return [Problem(p.file, p.line + 1, p.column, p.path, p.message) for p in found]


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """A checked page's front matter (empty when it has none) and the text below it."""
    block = _FRONT.match(text) if re.match(r"---[ \t]*\r?\n", text) else None
    if block is None:
        return {}, text
    data, _, _ = read_yaml(block[1], "front matter", "front matter")
    return (data if isinstance(data, dict) else {}), text[block.end() :]


def check_content_pages(
    docs_dir: Path,
    files: list[ContentFile],
    extensions: Extensions = (),
    templates: Collection[str] | None = None,
) -> list[Problem]:
    """Problems of every Markdown page among `files`, named by their path from the project."""
    problems: list[Problem] = []
    for page in files:
        if not page.uri.endswith(".md"):
            continue
        name = f"{docs_dir.name}/{page.uri}"
        try:
            raw = read_bounded(page.path, name, _MAX_PAGE, ProjectError)
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(Problem(name, 1, 1, "", "not valid UTF-8; save it as UTF-8"))
            continue
        except ProjectError as error:
            problems.extend(error.problems)
            continue
        problems.extend(check_page(text.removeprefix("\ufeff"), name, extensions, templates))
    return problems
