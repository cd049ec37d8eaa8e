"""Search entries for the generated pages, made from catalog data instead of parsing HTML.

Each page gives one entry for its introduction (with the short sections folded in) and one per
main section a reader would search (steps, symptoms, evidence, ...), in the format of Material's
`search_index.json`: fewer entries keep the index small (each entry repeats its address). What the
pages repeat everywhere (safety boxes, dosage boilerplate, link lists) is never added, so the
index grows with real text only. Section anchors are the slugs the `toc` extension gives the
page's headings.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from generator.catalog.kinds import CONDITIONS, EXERCISES, PAGE_KINDS, ROUTINES, TREATMENTS
from generator.catalog.model import Catalog, Condition, Exercise, Routine, Stance, Treatment
from generator.catalog.relations import Relations
from generator.messages.active import N_, gettext
from generator.pages import labels
from generator.pages.dosage import describe_frequency, describe_weeks

Entry = dict[str, Any]
# (heading, texts): heading None is the page's introduction, titled with the page name.
Section = tuple[str | None, list[str]]

_WHITESPACE = re.compile(r"\s+")


def searched_pages(catalog: Catalog) -> set[str]:
    """The generated pages that have search entries (every catalog entry's page; not the
    index, list or builder pages)."""
    return {kind.page(item.id) for kind in PAGE_KINDS for item in kind.entries(catalog)}


def search_entries(catalog: Catalog, url_of: Callable[[str], str]) -> list[Entry]:
    """Every generated page's entries; `url_of` maps a page source uri to its site URL."""
    rel = Relations(catalog)
    entries: list[Entry] = []
    for kind in sorted(PAGE_KINDS, key=lambda kind: kind.noun):  # a stable order
        parts = SEARCH_SECTIONS[kind.noun]
        for item in sorted(kind.entries(catalog), key=lambda entry: entry.id):
            url = url_of(kind.page(item.id))
            found = list(_entries(item.name, url, parts(item, rel)))
            if kind.noun in FINDABLE_BY_EVERYDAY_NAMES and item.also_known_as:
                found[0] = {**found[0], "tags": [_plain(name) for name in item.also_known_as]}
            terms: list[str] = getattr(item, "search_terms", [])
            if terms:
                found[0] = {**found[0], TERMS_FIELD: _plain(". ".join(terms))}
            entries.extend(found)
    return entries


# The other names of conditions and treatments ("slipped disc", "lumbago", "chiropractor") are
# the words patients search with. As the theme's `tags` field (boosted far above title and text,
# and shown with each result) they bring the condition or treatment page above any exercise,
# routine or hand-written page that only mentions them.
FINDABLE_BY_EVERYDAY_NAMES = frozenset({CONDITIONS.noun, TREATMENTS.noun})

# `search_terms` (symptom phrases: "walking makes my legs ache") go in a field of their own,
# searched but never shown. Other names (`tags`) and search terms weigh ten times a title (the
# theme's default for tags, a million, let one shared word of a tag outweigh every other word
# of the query). Tuned on tests/search_queries.yaml with the theme's own search code.
TERMS_FIELD = "terms"
FIELD_BOOSTS = {"tags": 1e4, TERMS_FIELD: 1e4}


def _entries(name: str, url: str, sections: list[Section]) -> Iterator[Entry]:
    for heading, texts in sections:
        text = " ".join(_plain(t) for t in texts if t)
        if heading is None:
            yield {"location": url, "title": _plain(name), "text": text}
        elif text:
            yield {"location": f"{url}#{slugify(heading)}", "title": heading, "text": text}


def slugify(heading: str) -> str:
    """The anchor the `toc` extension gives a heading (its default `slugify`, `-` separator)."""
    text = unicodedata.normalize("NFKD", heading).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return re.sub(r"[-\s]+", "-", text)


def _plain(text: str) -> str:
    """One line of HTML-escaped text (Material shows `text` as HTML)."""
    return html.escape(_WHITESPACE.sub(" ", text).strip(), quote=False)


ALSO_CALLED = N_("Also called: %(names)s.")


def _also(names: list[str]) -> list[str]:
    return [gettext(ALSO_CALLED) % {"names": ", ".join(names)}] if names else []


def _exercise(exercise: Exercise, rel: Relations) -> list[Section]:
    # "What you should feel" is left out: sensations, not what people search an exercise by.
    return [
        (None, [*_also(exercise.also_known_as), exercise.summary, *exercise.precautions]),
        (gettext("How to do it"), exercise.steps),
    ]


def _condition(condition: Condition, rel: Relations) -> list[Section]:
    helps: list[str] = []
    unlikely: list[str] = []
    for r in condition.helps:
        treatment = rel.treatment[r.treatment]
        stances = {treatment.evidence.acute.stance, treatment.evidence.chronic.stance}
        (unlikely if stances <= WEAK_STANCES else helps).append(f"{treatment.name}: {r.role}")
    return [
        (None, [*_also(condition.also_known_as), condition.summary, condition.course]),
        (gettext("Common symptoms"), condition.symptoms),
        (gettext("Common causes"), condition.causes),
        (gettext("What can help"), helps),
        (gettext("What is unlikely to help"), unlikely),
        (gettext("When to see a physiotherapist"), condition.see_physio),
    ]


# As on the condition page: not recommended or without evidence for new and long-lasting pain.
WEAK_STANCES = {Stance.NOT_RECOMMENDED, Stance.INSUFFICIENT}


def _treatment(treatment: Treatment, rel: Relations) -> list[Section]:
    kind = gettext("Type of treatment: %(kind)s.") % {"kind": labels.TREATMENT_KIND[treatment.kind]}
    intro = [*_also(treatment.also_known_as), treatment.summary, kind, treatment.what_it_is]
    evidence = []
    for phase, found in treatment.evidence.phases():
        evidence += [
            gettext("%(phase)s: %(stance)s.")
            % {
                "phase": labels.PHASE[phase],
                "stance": labels.stance_label(found.stance, treatment.kind),
            },
            found.summary,
        ]
    return [
        (None, [*intro, treatment.session, treatment.with_exercise]),
        (gettext("What the evidence says"), evidence),
        (gettext("Risks and side effects"), [*treatment.risks, *treatment.not_for]),
    ]


def _routine(routine: Routine, rel: Relations) -> list[Section]:
    how_often = {
        "how_often": describe_frequency(routine.frequency),
        "weeks": describe_weeks(routine.duration_weeks),
    }
    conditions = ", ".join(c.name for c in rel.conditions_for_routine(routine.id))
    facts = [
        gettext("When to use it: %(when)s") % {"when": routine.when},
        gettext("How often: %(how_often)s, for %(weeks)s.") % how_often,
        gettext("For: %(conditions)s.") % {"conditions": conditions},
    ]
    return [
        (None, [routine.summary, *facts]),
        (gettext("When to move on"), [routine.progress]),
        (gettext("Notes"), routine.notes),
    ]


# Each kind of page's search sections, by the kind's noun (`kinds.py`): a kind missing here
# would drop out of search, and `pipeline.kind_gaps` names it.
SEARCH_SECTIONS: dict[str, Callable[[Any, Relations], list[Section]]] = {
    CONDITIONS.noun: _condition,
    EXERCISES.noun: _exercise,
    ROUTINES.noun: _routine,
    TREATMENTS.noun: _treatment,
}


def add_to_index(index_file: Path, entries: list[Entry]) -> None:
    """Append `entries` to a Material `search_index.json` written by the search plugin."""
    data = json.loads(index_file.read_text(encoding="utf-8"))
    fields = data["config"].setdefault("fields", {})
    fields.update({name: {"boost": boost} for name, boost in FIELD_BOOSTS.items()})
    data["docs"].extend(entries)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    index_file.write_text(text, encoding="utf-8")
