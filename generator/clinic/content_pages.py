"""Hand-written pages in `content/`: their front matter is checked like the catalog, and inline
scripts are refused unless the clinic lists them (by hash) in its settings.

MkDocs shows front matter that does not parse as text on the page, silently; and the page's
Content-Security-Policy allows every inline script it holds, by hash. Both are located errors
here, in `check` and in the build.
"""

from __future__ import annotations

import base64
import datetime
import difflib
import hashlib
import re
from enum import StrEnum
from pathlib import Path
from typing import Annotated

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
from generator.clinic.wording import PLACEHOLDERS, unknown_placeholders
from generator.source.errors import CatalogError, Problem
from generator.source.text_safety import check_text
from generator.source.yaml_source import read_yaml

_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*\r?$", re.DOTALL | re.MULTILINE)
_SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script\s*>", re.I | re.DOTALL)
_DATA_TYPE = re.compile(r"""type\s*=\s*["']?application/(?:ld\+)?json""", re.I)
_CODE = re.compile(r"^(?P<fence>```+|~~~+).*?^(?P=fence)[ \t]*$|`[^`\n]+`", re.M | re.DOTALL)
_MAX_PAGE = 5 * 1024 * 1024


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


def script_hash(body: str) -> str:
    """`sha256-...`: how a script is named in a Content-Security-Policy and in the settings."""
    return "sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()


def check_page(text: str, file: str, allowed_scripts: frozenset[str]) -> list[Problem]:
    """Every problem of one page's front matter and inline scripts, located."""
    problems = _front_matter(text, file)
    blanked = _CODE.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), text)  # code shows, never runs
    for match in _SCRIPT.finditer(blanked):
        if "src=" in match["attrs"].lower() or _DATA_TYPE.search(match["attrs"]):
            continue
        digest = script_hash(match["body"])
        if digest not in allowed_scripts:
            line = text.count("\n", 0, match.start()) + 1
            column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
            message = (
                "inline scripts are not allowed in content pages; if this one must run, "
                f"add '{digest}' to extra.clinic.inline_scripts in mkdocs.yml"
            )
            problems.append(Problem(file, line, column, "", message))
    for offset, name in unknown_placeholders(text):
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        close = difflib.get_close_matches(name, PLACEHOLDERS, 1)
        hint = f"did you mean [[{close[0]}]]? " if close else ""
        message = f"unknown placeholder [[{name}]]: {hint}known: {', '.join(PLACEHOLDERS)}"
        problems.append(Problem(file, line, column, "", message))
    return problems


def _front_matter(text: str, file: str) -> list[Problem]:
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
    # The YAML starts on the page's second line.
    return [Problem(p.file, p.line + 1, p.column, p.path, p.message) for p in found]


def check_content_pages(docs_dir: Path, allowed_scripts: frozenset[str]) -> list[Problem]:
    """Problems of every Markdown page in `docs_dir`, named by their path from the project."""
    problems: list[Problem] = []
    for page in sorted(docs_dir.rglob("*.md")):
        name = f"{docs_dir.name}/{page.relative_to(docs_dir).as_posix()}"
        try:
            raw = read_bounded(page, name, _MAX_PAGE)
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(Problem(name, 1, 1, "", "not valid UTF-8; save it as UTF-8"))
            continue
        except CatalogError as error:
            problems.extend(error.problems)
            continue
        problems.extend(check_page(text.removeprefix("\ufeff"), name, allowed_scripts))
    return problems
