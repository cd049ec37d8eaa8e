"""Search entries made from the catalog: real text, found by name and step, no boilerplate."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from markdown.extensions.toc import slugify as toc_slugify

from generator.catalog.model import Catalog
from generator.site_files.search_index import add_to_index, search_entries, slugify


def url_of(uri: str) -> str:
    return uri.removesuffix(".md") + "/"


def test_every_entry_page_is_indexed_by_name_and_steps(mini: Catalog) -> None:
    entries = search_entries(mini, url_of)
    titles = {e["location"]: e["title"] for e in entries}
    for exercise in mini.exercises:
        assert titles[f"exercises/{exercise.id}/"] == exercise.name
        steps = next(
            e for e in entries if e["location"] == f"exercises/{exercise.id}/#how-to-do-it"
        )
        assert all(" ".join(step.split()) in steps["text"] for step in exercise.steps)
    for kind, items in [
        ("conditions", mini.conditions),
        ("treatments", mini.treatments),
        ("routines", mini.routines),
    ]:
        assert all(titles[f"{kind}/{item.id}/"] == item.name for item in items)


def test_boilerplate_and_safety_boxes_stay_out(mini: Catalog) -> None:
    text = json.dumps(search_entries(mini, url_of))
    exercise = mini.exercises[0]
    for repeated in ["Stop and get advice", "typical starting point", *exercise.stop_if]:
        assert repeated not in text
    for flag in mini.conditions[0].red_flags.emergency:
        assert flag not in text


def test_entries_are_deterministic(mini: Catalog) -> None:
    assert search_entries(mini, url_of) == search_entries(mini, url_of)


@given(st.text(min_size=1, max_size=40))
def test_anchor_slugs_match_the_toc_extension(heading: str) -> None:
    expected = toc_slugify(heading, "-")
    assert slugify(heading) == expected


def test_text_is_html_escaped(mini: Catalog) -> None:
    summary = "Heat & <b>cold</b>"
    exercise = mini.exercises[0].model_copy(update={"summary": summary})
    catalog = mini.model_copy(update={"exercises": [exercise, *mini.exercises[1:]]})
    entry = search_entries(catalog, url_of)
    page = next(e for e in entry if e["location"] == f"exercises/{exercise.id}/")
    assert "Heat &amp; &lt;b&gt;cold&lt;/b&gt;" in page["text"]


def test_entries_are_appended_to_the_theme_index(tmp_path: Path) -> None:
    index = tmp_path / "search_index.json"
    index.write_text(json.dumps({"config": {"lang": ["en"]}, "docs": [{"location": ""}]}))
    add_to_index(index, [{"location": "a/", "title": "Á", "text": "b"}])
    data = json.loads(index.read_text(encoding="utf-8"))
    assert data["config"] == {
        "lang": ["en"],
        "fields": {"tags": {"boost": 1e4}, "terms": {"boost": 1e4}},
    }
    assert [d["location"] for d in data["docs"]] == ["", "a/"]


def test_tags_and_search_terms_weigh_ten_titles_and_keep_the_other_fields(tmp_path: Path) -> None:
    index = tmp_path / "search_index.json"
    theirs = {"title": {"boost": 1e3}, "text": {"boost": 1.0}, "tags": {"boost": 1e6}}
    index.write_text(json.dumps({"config": {"lang": ["en"], "fields": theirs}, "docs": []}))
    add_to_index(index, [])
    fields = json.loads(index.read_text(encoding="utf-8"))["config"]["fields"]
    assert fields["title"] == {"boost": 1e3} and fields["text"] == {"boost": 1.0}
    assert fields["tags"]["boost"] == fields["terms"]["boost"] == 10 * fields["title"]["boost"]


def test_search_terms_are_searched_but_not_shown(mini: Catalog) -> None:
    terms = ["Walking makes my legs ache", "Legs & feet"]
    exercise = mini.exercises[0].model_copy(update={"search_terms": terms})
    condition = mini.conditions[0].model_copy(update={"search_terms": terms[:1]})
    catalog = mini.model_copy(
        update={
            "exercises": [exercise, *mini.exercises[1:]],
            "conditions": [condition, *mini.conditions[1:]],
        }
    )
    entries = search_entries(catalog, url_of)
    by_location = {e["location"]: e for e in entries}
    assert by_location[f"exercises/{exercise.id}/"]["terms"] == (
        "Walking makes my legs ache. Legs &amp; feet"
    )
    assert by_location[f"conditions/{condition.id}/"]["terms"] == "Walking makes my legs ache"
    shown = " ".join(e["title"] + " " + e["text"] for e in entries)
    assert "Walking makes my legs ache" not in shown
    others = [
        e
        for e in entries
        if e["location"] not in {f"exercises/{exercise.id}/", f"conditions/{condition.id}/"}
    ]
    assert all("terms" not in e for e in others)


def test_everyday_names_of_conditions_and_treatments_are_search_tags(mini: Catalog) -> None:
    condition = mini.conditions[0].model_copy(update={"also_known_as": ["Lumbago", "A & B"]})
    catalog = mini.model_copy(update={"conditions": [condition, *mini.conditions[1:]]})
    entries = search_entries(catalog, url_of)
    intro = next(e for e in entries if e["location"] == f"conditions/{condition.id}/")
    assert intro["tags"] == ["Lumbago", "A &amp; B"]
    assert all("tags" not in e for e in entries if e["location"].startswith("exercises/"))
    assert all(e["location"].endswith("/") for e in entries if "tags" in e)
