"""The clinic's sign-off: which of its clinicians approved each entry and page, and what exactly.

A sign-off is kept in `signoff.yaml`, a file the clinic owns (upstream never ships or edits it,
so taking a release never conflicts there). Each record holds a fingerprint of what was
approved: a SHA-256 of a canonical form of the entry's data (the validated model as JSON, keys
sorted, defaults and the project's own `reviewed` record left out, runs of spaces in text made
one), so re-indenting, re-quoting or re-ordering the YAML keeps a sign-off and any change of
content breaks it. A short fingerprint of each field says which fields changed.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property, partial
from pathlib import Path
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictStr,
    StringConstraints,
    ValidationError,
    create_model,
)

from generator.catalog.kinds import PAGE_KINDS
from generator.catalog.load import read_bounded
from generator.catalog.model import Catalog
from generator.clinic.content_pages import split_front_matter
from generator.source.errors import Problem, ProjectError
from generator.source.file_edit import edit_text
from generator.source.source_map import SourceMap
from generator.source.text_safety import check_text
from generator.source.yaml_source import read_yaml

SIGNOFF_FILE = "signoff.yaml"
PAGES = "pages"  # the section of content pages, beside the catalog's sections
# The project's review lines in a page's front matter: the project's record, not the text.
PAGE_REVIEW_KEYS = frozenset({"reviewed_by", "reviewed_on"})
# What the shipped sample reviewer's name says of itself; a clinic signs with a real name.
PLACEHOLDER_MARKERS = ("sample name", "to be replaced")
# The sample reviewer's made-up name, refused even with the markers taken off.
SAMPLE_PEOPLE = frozenset({"sam taylor"})
_FIELD_DIGITS = 12
# A sign-off is dated on the signer's own calendar; a machine elsewhere (CI in UTC) may still be
# on the day before. Only a date beyond that is "in the future".
TIME_ZONES = datetime.timedelta(days=1)


def is_placeholder(name: str) -> bool:
    """Whether `name` is the shipped sample reviewer (or another stand-in for a name)."""
    folded = " ".join(name.casefold().split())
    person = folded.partition(",")[0].strip()
    return person in SAMPLE_PEOPLE or any(marker in folded for marker in PLACEHOLDER_MARKERS)


def reviewer_problem(name: str) -> str | None:
    """Why `name` cannot sign off, or None: "Name, profession", real, plain text."""
    try:
        check_text(name)
    except ValueError as error:
        return str(error)
    if is_placeholder(name):
        return f"'{name}' is the sample reviewer; sign off with your clinician's own name"
    person, _, profession = name.partition(",")
    if not person.strip() or not profession.strip() or any(c in name for c in "<>\n"):
        return f"'{name}' should be a name and a profession, like 'Jane Smith, physiotherapist'"
    if len(name) > 120:
        return "the name is longer than 120 characters"
    return None


# -- fingerprints -------------------------------------------------------------------------


@dataclass(frozen=True)
class Fingerprint:
    """What was approved: the whole text's digest and a short digest of each field."""

    text: str
    fields: Mapping[str, str]

    def changed(self, approved: Fingerprint) -> list[str]:
        """The fields added, removed or changed since `approved`, sorted."""
        names = set(self.fields) | set(approved.fields)
        return sorted(n for n in names if self.fields.get(n) != approved.fields.get(n))


def _normal(value: Any) -> Any:
    """The canonical value: text with runs of white space made one space, at any depth."""
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, Mapping):
        return {str(k): _normal(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_normal(v) for v in value]
    return value


def _digest(value: Any) -> str:
    canonical = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def fingerprint(data: Mapping[str, Any]) -> Fingerprint:
    """The fingerprint of an entry's (or a page's) canonical data."""
    normal = _normal(data)
    fields = {name: _digest(value)[:_FIELD_DIGITS] for name, value in normal.items()}
    return Fingerprint("sha256:" + _digest(normal), fields)


def entry_data(entry: BaseModel) -> dict[str, Any]:
    """An entry's content as approved: defaults and the project's review record left out."""
    return entry.model_dump(mode="json", by_alias=True, exclude_defaults=True, exclude={"reviewed"})


def page_data(text: str) -> dict[str, Any]:
    """A content page's content: its front matter (less the project's review lines) and the
    text below it, line endings and trailing spaces aside."""
    front, body = split_front_matter(text.removeprefix("\ufeff"))
    data = {k: v for k, v in front.items() if k not in PAGE_REVIEW_KEYS}
    lines = [line.rstrip() for line in body.replace("\r\n", "\n").split("\n")]
    data["text"] = "\n".join(lines).strip("\n")
    return {key: _json_safe(value) for key, value in data.items()}


def _json_safe(value: Any) -> Any:
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_safe(v) for v in value]
    return value


# -- what a clinic signs off --------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """A catalog entry or a content page, as the clinic signs it off. Its fingerprint is made
    when first asked for: only items with a sign-off are compared."""

    section: str  # "exercises", "conditions", "treatments", "routines" or "pages"
    key: str  # the entry's id, or the page's path from the project folder
    noun: str  # "exercise", ..., "page"
    content: Callable[[], Mapping[str, Any]]  # entry_data or page_data
    file: str
    source: SourceMap | None  # where the entry's fields are written (None for a page)
    path: tuple[str | int, ...]

    @cached_property
    def fingerprint(self) -> Fingerprint:
        return fingerprint(self.content())

    def problem(self, message: str, field: str | None = None) -> Problem:
        """`message` at the entry (or at `field`, when given and written) or the page's top."""
        line, column = 1, 1
        if self.source is not None:
            at = (*self.path, field) if field else self.path
            line, column = self.source.locate(at, key=field is not None)
        return Problem(self.file, line, column, f"{self.noun} '{self.key}'", message)


def catalog_items(catalog: Catalog, source: SourceMap) -> Iterator[Item]:
    """Every entry that has a page, in catalog order."""
    for section in PAGE_KINDS:
        for index, entry in enumerate(getattr(catalog, section.field)):
            content = partial(entry_data, entry)
            path = (section.key, index)
            yield Item(section.plural, entry.id, section.noun, content, source.file, source, path)


def page_items(docs_dir: Path) -> Iterator[Item]:
    """Every Markdown page in `docs_dir` (already checked by the pipeline), by path."""
    for page in sorted(docs_dir.rglob("*.md")):
        name = f"{docs_dir.name}/{page.relative_to(docs_dir).as_posix()}"
        content = partial(_page_file_data, page, name)
        yield Item(PAGES, name, "page", content, name, None, ())


def _page_file_data(page: Path, name: str) -> dict[str, Any]:
    return page_data(read_bounded(page, name, error=ProjectError).decode("utf-8"))


# -- the file -----------------------------------------------------------------------------

Reviewer = Annotated[StrictStr, StringConstraints(min_length=1, max_length=200)]
Digest = Annotated[StrictStr, StringConstraints(pattern=r"^sha256:[0-9a-f]{64}$")]
FieldDigest = Annotated[StrictStr, StringConstraints(pattern=r"^[0-9a-f]{12}$")]


class SignOff(BaseModel):
    """One record: who signed off, on which day, and the fingerprint of what they read."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    by: Reviewer
    date: datetime.date
    text: Digest
    fields: dict[str, FieldDigest] = Field(default_factory=dict)

    @property
    def approved(self) -> Fingerprint:
        return Fingerprint(self.text, self.fields)


class SignOffRecords(BaseModel):
    """A sign-off file's records: a section per kind of entry with pages (named by its plural:
    `exercises`, ...) and `pages`, each of records by id or page path. The sections are made
    from the kinds' declarations (`SignOffFile`)."""

    model_config = ConfigDict(extra="forbid", strict=True)

    def section(self, name: str) -> dict[str, SignOff]:
        records: dict[str, SignOff] = getattr(self, name)
        return records

    def record(self, item: Item) -> SignOff | None:
        return self.section(item.section).get(item.key)


# The file's sections, in the order it is written: the kinds' (in catalog order), then pages.
SECTIONS = (*(kind.plural for kind in PAGE_KINDS), PAGES)
SignOffFile: type[SignOffRecords] = create_model(
    "SignOffFile",
    __base__=SignOffRecords,
    **{name: (dict[str, SignOff], Field(default_factory=dict)) for name in SECTIONS},  # type: ignore[call-overload]
)


@dataclass(frozen=True)
class SignOffs:
    """The clinic's sign-off file as read, with where each value is written."""

    records: SignOffRecords
    source: SourceMap

    def problem(self, item: Item, field: str, message: str) -> Problem:
        path = (item.section, item.key, field)
        line, column = self.source.locate(path)
        return Problem(self.source.file, line, column, f"{item.section}.{item.key}", message)


def _has_data(text: str) -> bool:
    return any(line.strip() and not line.lstrip().startswith("#") for line in text.splitlines())


def parse_signoffs(text: str, name: str) -> SignOffs:
    """The records in `text`; `ProjectError` with every problem located."""
    if not _has_data(text):
        return SignOffs(SignOffFile(), SourceMap(name))
    top = "the sign-off file must be a mapping with sections (exercises, pages, ...)"
    data, source, problems = read_yaml(text, name, top)
    if data is None or problems:
        raise ProjectError(problems)
    try:
        records = SignOffFile.model_validate(data)
    except ValidationError as error:
        found = []
        for detail in error.errors():
            path = tuple(detail["loc"])
            message = detail["msg"].removeprefix("Value error, ")
            if detail["type"] == "extra_forbidden":
                message = f"unknown key '{path[-1]}'"
            found.append(source.problem(path, message, key=detail["type"] == "extra_forbidden"))
        raise ProjectError(found) from None
    return SignOffs(records, source)


def read_signoffs(path: Path, name: str | None = None) -> SignOffs:
    """The clinic's sign-off file (none yet: no records)."""
    name = name or str(path)
    if not path.exists():
        return SignOffs(SignOffFile(), SourceMap(name))
    try:
        text = read_bounded(path, name, error=ProjectError).decode("utf-8")
    except UnicodeDecodeError:
        raise ProjectError([Problem(name, 1, 1, "", "not valid UTF-8; save it as UTF-8")]) from None
    return parse_signoffs(text, name)


HEADER = """\
# The clinic's sign-off: which of its clinicians approved each page, on which day, and what
# exactly they approved. This file belongs to the clinic: the project's releases never ship or
# change it, so taking a release never conflicts here.
#
# Written by `python -m generator review --by "Name, profession" ...` (see docs/editing.md);
# there is no need to edit it by hand. `text` is a fingerprint (SHA-256) of the entry's content
# as approved, not of its layout in the YAML; `fields` has one per field, so that `make check`
# can say which fields changed. When an entry changes (an edit here, or a new release),
# `make check` lists it as needing review again and `check --publish` refuses to publish.
"""


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _key(text: str) -> str:
    """A mapping key, bare when it reads as the same text in any YAML."""
    bare = re.fullmatch(r"[a-z][a-z0-9_-]*", text) and text not in {"true", "false", "null"}
    return text if bare else _quoted(text)


def render_signoffs(records: SignOffRecords) -> str:
    """The file's text: sections in a fixed order, keys sorted, one field per line."""
    out = [HEADER]
    for section in SECTIONS:
        entries = records.section(section)
        if not entries:
            continue
        out.append(f"\n{section}:\n")
        for key in sorted(entries):
            record = entries[key]
            out.append(f"  {_key(key)}:\n")
            out.append(f"    by: {_quoted(record.by)}\n")
            out.append(f"    date: {record.date.isoformat()}\n")
            out.append(f'    text: "{record.text}"\n')
            out.append("    fields:\n")
            out.extend(f'      {_key(n)}: "{d}"\n' for n, d in sorted(record.fields.items()))
    if len(out) == 1:
        out.append("{}\n")
    return "".join(out)


def record_signoffs(path: Path, items: list[Item], by: str, date: datetime.date) -> None:
    """Sign off `items` as `by` on `date`, keeping every other record: the file is locked,
    read again and replaced in one rename (created first when the clinic has none)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        pass
    except OSError as error:
        message = f"cannot create the file: {error.strerror or error}"
        raise ProjectError([Problem(str(path), 1, 1, "", message)]) from None
    else:
        os.close(fd)

    def change(text: str) -> str:
        records = parse_signoffs(text, str(path)).records
        for item in items:
            records.section(item.section)[item.key] = SignOff(
                by=by, date=date, text=item.fingerprint.text, fields=dict(item.fingerprint.fields)
            )
        return render_signoffs(records)

    edit_text(path, change)


# -- what still needs a sign-off ----------------------------------------------------------


def review_state(
    items: list[Item], signoffs: SignOffs, today: datetime.date
) -> tuple[dict[tuple[str, str], SignOff], list[Problem]]:
    """The sign-offs that hold (by noun and key), and a located problem for every item that
    is unsigned, changed since, signed by the sample reviewer or signed on a future day."""
    current: dict[tuple[str, str], SignOff] = {}
    problems: list[Problem] = []
    command = 'python -m generator review --by "Name, profession"'
    for item in items:
        record = signoffs.records.record(item)
        if record is None:
            message = f"not signed off by the clinic; once a clinician has read it: {command} "
            problems.append(item.problem(message + _argument(item)))
            continue
        if is_placeholder(record.by):
            message = f"signed off by the sample reviewer '{record.by}'; sign it off by name"
            problems.append(signoffs.problem(item, "by", message))
            continue
        if record.date > today + TIME_ZONES:
            message = f"signed off on {record.date}, a day in the future"
            problems.append(signoffs.problem(item, "date", message))
            continue
        if record.text != item.fingerprint.text:
            changed = item.fingerprint.changed(record.approved)
            what = ", ".join(changed) if changed else "its text"
            message = (
                f"changed since {record.by} signed it off on {record.date} ({what}); "
                f"read it again, then: {command} {_argument(item)}"
            )
            problems.append(item.problem(message, changed[0] if changed else None))
            continue
        current[(item.noun, item.key)] = record
    return current, sorted(problems)


def _argument(item: Item) -> str:
    return item.key if re.fullmatch(r"[a-z0-9-]+", item.key) else _quoted(item.key)
