"""Editorial checks on a valid catalog: placeholders, progressions, review dates, readability.

Structural safety content (stop-if on every exercise, red flags on every condition, stances
with references on every treatment, at most 8 exercises a routine) is enforced by the model
itself; these checks cover what a schema cannot.
"""

from __future__ import annotations

import datetime
import re
import statistics
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from generator.catalog.kinds import PAGE_KINDS
from generator.catalog.model import Catalog
from generator.catalog.red_flag_rules import RedFlagRules, missing_signs
from generator.source.errors import Path, Problem
from generator.source.source_map import SourceMap
from generator.source.text_safety import visible
from generator.speed.gc_pause import gc_paused

PLACEHOLDER = re.compile(r"\b(TODO|TBD|FIXME|XXX+|lorem|ipsum)\b", re.IGNORECASE)
READING_GRADE_LIMIT = 9.0
READING_GRADE_MEDIAN_LIMIT = 8.0
EVIDENCE_GRADE_LIMIT = 8.0  # what the evidence says: the content guide's US grade 8
DEFAULT_REVIEW_MONTHS = 12

# Fields that are not prose for patients: ids, names, enums, citations, links.
NOT_PROSE = {
    "id", "name", "also_known_as", "body_regions", "goals", "position", "equipment", "easier",
    "harder", "figure", "image", "video", "reviewed", "dosage", "references", "exercises",
    "routines", "for", "treatment", "stance", "kind", "frequency", "exercise", "short",
    "search_terms",
}  # fmt: skip


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Finding:
    problem: Problem
    severity: Severity

    def __str__(self) -> str:
        if self.severity is Severity.ERROR:
            return str(self.problem)
        p = self.problem
        warning = Problem(p.file, p.line, p.column, "", "")
        where = f"{p.path}: " if p.path else ""
        return str(warning).removesuffix(" ") + f" warning: {visible(where + p.message)}"


@dataclass(frozen=True)
class ReadingGrade:
    path: Path
    name: str
    grade: float


@dataclass(frozen=True)
class ContentReport:
    findings: list[Finding]
    grades: list[ReadingGrade]

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.WARNING]

    @property
    def median_grade(self) -> float | None:
        return statistics.median(g.grade for g in self.grades) if self.grades else None


def check_content(
    catalog: Catalog,
    source: SourceMap,
    *,
    today: datetime.date,
    review_months: int = DEFAULT_REVIEW_MONTHS,
    readability: bool = True,
    red_flag_rules: RedFlagRules | None = None,
) -> ContentReport:
    """Every editorial finding, and the reading grade of each entry; with `red_flag_rules`,
    the signs each condition's red-flag tiers must name."""
    findings = list(_placeholders(catalog, source))
    findings += _ladders(catalog, source)
    findings += _review_dates(catalog, source, today, review_months)
    findings += _reviewers(catalog, source)
    findings += _uncited_references(catalog, source)
    findings += _handouts(catalog, source)
    findings += _pictures(catalog, source)
    if red_flag_rules is not None:
        findings += _red_flag_tiers(catalog, source, red_flag_rules)
    grades: list[ReadingGrade] = []
    if readability:
        grades = _reading_grades(catalog)
        findings += _readability_findings(grades, source)
        findings += _evidence_grades(catalog, source)
    return ContentReport(sorted(findings), grades)


def _walk(value: Any, path: Path) -> Iterator[tuple[Path, Any]]:
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _walk(child, (*path, key))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from _walk(child, (*path, i))
    else:
        yield path, value


def _dump(catalog: Catalog) -> dict[str, Any]:
    with gc_paused():
        return catalog.model_dump(mode="json", by_alias=True, exclude_none=True)


def _placeholders(catalog: Catalog, source: SourceMap) -> Iterator[Finding]:
    """Every text value holding a placeholder word (TODO, lorem, ...)."""
    for path, value in _walk(_dump(catalog), ()):
        if isinstance(value, str) and (match := PLACEHOLDER.search(value)):
            message = f"placeholder text '{match[0]}': write the real content before publishing"
            yield Finding(source.problem(path, message), Severity.ERROR)


def _ladders(catalog: Catalog, source: SourceMap) -> Iterator[Finding]:
    """A harder version should name this one as its easier version, and the other way round."""
    by_id = {e.id: e for e in catalog.exercises}
    for i, exercise in enumerate(catalog.exercises):
        for direction, back in (("harder", "easier"), ("easier", "harder")):
            for j, other_id in enumerate(getattr(exercise, direction)):
                other = by_id.get(other_id)
                if other is not None and exercise.id not in getattr(other, back):
                    message = (
                        f"'{other_id}' is listed as {direction}, but '{other_id}' does not list "
                        f"'{exercise.id}' under {back}; add it so the ladder connects both ways"
                    )
                    yield Finding(
                        source.problem(("exercises", i, direction, j), message), Severity.WARNING
                    )


def _review_dates(
    catalog: Catalog, source: SourceMap, today: datetime.date, months: int
) -> Iterator[Finding]:
    oldest = _months_before(today, months)
    for section in PAGE_KINDS:  # the entries that have pages (and review dates)
        for i, entry in enumerate(getattr(catalog, section.field)):
            date = entry.reviewed.date
            path: Path = (section.key, i, "reviewed", "date")
            if date < oldest:
                message = f"last reviewed on {date}, more than {months} months ago; please review"
                yield Finding(source.problem(path, message), Severity.WARNING)
            elif date > today:
                message = f"review date {date} is in the future"
                yield Finding(source.problem(path, message), Severity.WARNING)


# `reviewed.by` should name the person who checked the entry, and their profession: a team,
# department or the clinic itself tells a patient nothing about who stands behind the advice.
_TEAM_WORDS = re.compile(
    r"\b(team|teams|staff|department|dept|committee|group|panel|board|unit|clinic|practice|"
    r"service|office|admin|editors?|editorial|clinicians|physios|therapists|everyone|various)\b",
    re.IGNORECASE,
)


def _reviewers(catalog: Catalog, source: SourceMap) -> Iterator[Finding]:
    for section in PAGE_KINDS:
        for i, entry in enumerate(getattr(catalog, section.field)):
            by = entry.reviewed.by
            match = _TEAM_WORDS.search(by)
            if match:
                message = (
                    f"reviewed.by '{by}' names a group ('{match[0]}'), not a person: name who "
                    "reviewed it and their profession, e.g. 'Jane Smith, physiotherapist'"
                )
                yield Finding(
                    source.problem((section.key, i, "reviewed", "by"), message), Severity.WARNING
                )


def _months_before(day: datetime.date, months: int) -> datetime.date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month, candidate)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _uncited_references(catalog: Catalog, source: SourceMap) -> Iterator[Finding]:
    cited = {ref for c in catalog.conditions for ref in c.references}
    for treatment in catalog.treatments:
        for _, evidence in treatment.evidence.phases():
            cited.update(evidence.references)
    for i, reference in enumerate(catalog.references):
        if reference.id not in cited:
            message = f"reference '{reference.id}' is not cited by any condition or treatment"
            yield Finding(source.problem(("references", i, "id"), message), Severity.WARNING)


def _handouts(catalog: Catalog, source: SourceMap) -> Iterator[Finding]:
    for i, routine in enumerate(catalog.routines):
        if routine.handout is None:
            message = (
                "no `handout` safety box: the printed sheet will list every stop-if warning and "
                "red flag in full, which may not fit on one page"
            )
            yield Finding(source.problem(("routines", i, "id"), message), Severity.WARNING)


def _pictures(catalog: Catalog, source: SourceMap) -> Iterator[Finding]:
    for i, exercise in enumerate(catalog.exercises):
        if exercise.figure is None and exercise.image is None:
            message = "no picture: add a `figure` drawn from named poses, or an `image` file"
            yield Finding(source.problem(("exercises", i, "id"), message), Severity.WARNING)


def _red_flag_tiers(catalog: Catalog, source: SourceMap, rules: RedFlagRules) -> Iterator[Finding]:
    for path, message in missing_signs(catalog, rules):
        yield Finding(source.problem(path, message), Severity.WARNING)


def _evidence_grades(catalog: Catalog, source: SourceMap) -> Iterator[Finding]:
    """Each evidence summary over grade 8: the text patients decide on, read on its own."""
    import textstat

    for i, treatment in enumerate(catalog.treatments):
        for phase, evidence in treatment.evidence.phases():
            grade = round(float(textstat.flesch_kincaid_grade(evidence.summary)), 1)
            if grade > EVIDENCE_GRADE_LIMIT:
                message = (
                    f"reading grade {grade} is above {EVIDENCE_GRADE_LIMIT:g} for what the "
                    "evidence says: use shorter sentences and common words"
                )
                path = ("modalities", i, "evidence", phase, "summary")
                yield Finding(source.problem(path, message), Severity.WARNING)


def patient_text(entry: dict[str, Any]) -> str:
    """The prose of one entry, one sentence per list item, for reading-level measures."""
    sentences: list[str] = []
    for path, value in _walk(entry, ()):
        if isinstance(value, str) and not (set(map(str, path)) & NOT_PROSE):
            text = value.strip()
            sentences.append(text if text[-1:] in ".!?" else text + ".")
    return " ".join(sentences)


def _reading_grades(catalog: Catalog) -> list[ReadingGrade]:
    import textstat  # imported here: loading its dictionary takes about a second

    data = _dump(catalog)
    grades: list[ReadingGrade] = []
    for section in PAGE_KINDS:
        for i, entry in enumerate(data.get(section.key, [])):
            text = patient_text(entry)
            if text:
                grade = float(textstat.flesch_kincaid_grade(text))
                grades.append(ReadingGrade((section.key, i), entry["id"], round(grade, 1)))
    return grades


def _readability_findings(grades: list[ReadingGrade], source: SourceMap) -> Iterator[Finding]:
    for grade in grades:
        if grade.grade > READING_GRADE_LIMIT:
            message = (
                f"reading grade {grade.grade} is above {READING_GRADE_LIMIT:g}: "
                "use shorter sentences and common words"
            )
            yield Finding(source.problem(grade.path, message), Severity.WARNING)
    if grades:
        median = statistics.median(g.grade for g in grades)
        if median > READING_GRADE_MEDIAN_LIMIT:
            message = (
                f"median reading grade {median:.1f} is above {READING_GRADE_MEDIAN_LIMIT:g} "
                "across the catalog"
            )
            yield Finding(Problem(source.file, 1, 1, "", message), Severity.WARNING)
