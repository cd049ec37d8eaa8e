"""The kinds of page, declared once (generator/catalog/kinds.py), and every piece each needs."""

from __future__ import annotations

import dataclasses
import re
from typing import Annotated, get_args

import pytest
from pydantic import BaseModel

from generator.catalog import model
from generator.catalog.kinds import BY_NOUN, EXERCISES, KINDS, PAGE_KINDS, REFERENCES, TREATMENTS
from generator.catalog.load import load_catalog
from generator.catalog.model import Catalog, ExerciseId, ReferenceId, RefersTo
from generator.catalog.xref import named_ids
from generator.pages.render import page_uris
from generator.pipeline import PAGE_KINDS_SETTING, kind_gaps
from generator.site_files.search_index import searched_pages
from tests.conftest import MINI, ROOT


def test_every_declared_kind_is_whole() -> None:
    assert kind_gaps() == []


def test_a_kind_missing_a_piece_is_named_for_each_piece() -> None:
    pamphlet = dataclasses.replace(
        TREATMENTS, noun="pamphlet", template="pamphlet.md.j2", index_template=None, skeleton=None
    )
    assert kind_gaps([pamphlet]) == [
        "kind 'pamphlet' has no entry-page template (pamphlet.md.j2)",
        "kind 'pamphlet' has no index-page template (None)",
        "kind 'pamphlet' has no search-index builder",
        "kind 'pamphlet' has no structured-data (JSON-LD) builder",
        "kind 'pamphlet' has no skeleton for `new`",
    ]


def test_a_kind_must_be_a_field_of_the_catalog_with_its_model() -> None:
    unknown = dataclasses.replace(REFERENCES, noun="pamphlet", field="pamphlets", key="pamphlets")
    assert kind_gaps([unknown]) == [
        "kind 'pamphlet' is not the catalog's field pamphlets (pamphlets)"
    ]
    # The YAML key must be the field's alias: `modalities` for `treatments`.
    renamed = dataclasses.replace(TREATMENTS, key="treatments")
    assert kind_gaps([renamed])[0].startswith("kind 'treatment' is not the catalog's field")
    wrong = dataclasses.replace(REFERENCES, model=model.Exercise)
    assert kind_gaps([wrong]) == ["kind 'reference': the catalog's references are not Exercise"]


def test_kinds_follow_the_catalog_and_name_its_sections() -> None:
    fields = list(Catalog.model_fields.items())[: len(KINDS)]
    assert [kind.field for kind in KINDS] == [name for name, _ in fields]
    assert [kind.key for kind in KINDS] == [info.alias or name for name, info in fields]
    assert len({kind.noun for kind in KINDS}) == len(KINDS)


def test_every_reference_in_the_model_names_a_declared_kind() -> None:
    targets: set[str] = set()

    def collect(annotation: object) -> None:
        for arg in get_args(annotation):
            targets.update(
                m.kind for m in getattr(arg, "__metadata__", ()) if isinstance(m, RefersTo)
            )
            collect(arg)

    for value in vars(model).values():
        if isinstance(value, type) and issubclass(value, BaseModel):
            for info in value.model_fields.values():
                targets.update(m.kind for m in info.metadata if isinstance(m, RefersTo))
                collect(info.annotation)
    assert targets == {"exercise", "condition", "treatment", "routine", "reference"}
    assert targets <= set(BY_NOUN)


def test_the_walk_finds_ids_in_nested_models_lists_and_aliased_fields() -> None:
    catalog = load_catalog(MINI)
    routine = catalog.routines[0]
    found = list(named_ids(routine, ("routines", 0)))
    assert (("routines", 0, "for", 0), "condition", routine.for_conditions[0]) in found
    item = routine.items[1]
    assert (("routines", 0, "items", 1, "exercise"), "exercise", item.exercise) in found
    treatment = catalog.treatments[0]
    refs = [(p, k) for p, k, _ in named_ids(treatment, ("modalities", 0))]
    assert (("modalities", 0, "evidence", "acute", "references", 0), "reference") in refs


def test_the_walk_follows_whatever_a_model_declares() -> None:
    class Step(BaseModel):
        uses: list[ExerciseId] = []
        source: ReferenceId | None = None

    class Guide(BaseModel):
        id: str
        steps: list[Step]
        see_also: Annotated[list[ExerciseId], "not a reference marker"] = []

    guide = Guide(id="g", steps=[Step(uses=["aa", "bb"]), Step(source="rr")], see_also=["cc"])
    assert list(named_ids(guide, ("guides", 0))) == [
        (("guides", 0, "steps", 0, "uses", 0), "exercise", "aa"),
        (("guides", 0, "steps", 0, "uses", 1), "exercise", "bb"),
        (("guides", 0, "steps", 1, "source"), "reference", "rr"),
        (("guides", 0, "see_also", 0), "exercise", "cc"),
    ]


@pytest.mark.parametrize("kind", PAGE_KINDS, ids=lambda kind: kind.noun)
def test_each_kind_s_entries_have_pages_and_search_entries(kind: object) -> None:
    catalog = load_catalog(MINI)
    uris = set(page_uris(catalog))
    searched = searched_pages(catalog)
    assert kind is EXERCISES or kind.index in uris  # type: ignore[attr-defined]
    for entry in kind.entries(catalog):  # type: ignore[attr-defined]
        page = kind.page(entry.id)  # type: ignore[attr-defined]
        assert page in uris and page in searched


def test_the_theme_reads_the_kinds_it_needs_from_the_plugin() -> None:
    """No template in the theme lists the kinds of page by hand (they read
    `config.extra.catalog_page_kinds`, which the plugin and `export` set from `KINDS`)."""
    nouns = "|".join(kind.noun for kind in PAGE_KINDS)
    listed = re.compile(rf"""\[\s*["']({nouns})["']\s*,""")
    found = [
        str(path.relative_to(ROOT))
        for path in sorted((ROOT / "theme").rglob("*.html"))
        if listed.search(path.read_text(encoding="utf-8"))
    ]
    assert found == []
    assert listed.search("""page.meta.page_kind in ["exercise", "condition"]""")
    main = (ROOT / "theme" / "main.html").read_text(encoding="utf-8")
    assert f"config.extra.{PAGE_KINDS_SETTING}" in main
