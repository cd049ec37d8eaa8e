"""Property-based: whatever is typed, the loader answers with a Catalog or located problems."""

from __future__ import annotations

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.catalog.load import load_catalog_bytes, load_catalog_text
from generator.source.errors import CatalogError
from generator.source.text_safety import FORBIDDEN
from tests.conftest import examples, mini_text

KINDS = ["references", "modalities", "conditions", "exercises", "routines"]
YAMLISH = st.text(
    alphabet=st.sampled_from(list("ab-: \n\t[]{},&*!|>'\"#%@`?<=~0123456789.\\")), max_size=200
)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.sampled_from(["id", "bird-dog", "https://x.org", "javascript:alert(1)", "2026-11-20"]),
)
documents = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(
            st.sampled_from([*KINDS, "id", "name", "dosage", "sets", "x"]), children, max_size=4
        ),
    ),
    max_leaves=25,
)


def answers_cleanly(text: str) -> None:
    try:
        load_catalog_text(text, "fuzz.yaml")
    except CatalogError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.file == "fuzz.yaml" and problem.line >= 1 and problem.column >= 1
        assert not FORBIDDEN.search(error.report().replace("\n", ""))  # shown as U+XXXX


# Text with the characters and forms that used to slip through: controls, bidi and zero-width
# characters, YAML 1.1 numbers and booleans, tags, dates.
HOSTILE = st.lists(
    st.one_of(
        st.sampled_from(list("ab-: \n\t[]{},&*!|>'\"#?0123456789.\\")),
        st.sampled_from(
            ["\x00", "\x1b", "\x7f", "\x85", "\u202e", "\u200b", "\ufeff", "\ufdd0", "\u2028"]
        ),
        st.sampled_from(
            [
                "010",
                "0x1F",
                "1:30",
                "1_000",
                "+5",
                "yes",
                "on",
                "2026-02-30",
                "2026-11-20",
                "!!int ",
                "!!bool ",
                "!foo ",
                "!!python/name:x ",
                "!!binary ",
                "9" * 40,
                '"\\e"',
            ]
        ),
    ),
    max_size=60,
).map("".join)


@settings(max_examples=examples(500), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HOSTILE)
def test_hostile_text_is_answered_located_and_escaped(text: str) -> None:
    answers_cleanly(text)
    answers_cleanly("exercises:\n  - id: x\n    name: " + text.replace("\n", " ") + "\n")


@settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(YAMLISH)
def test_arbitrary_text_never_crashes(text: str) -> None:
    answers_cleanly(text)


@settings(max_examples=examples(200), deadline=None)
@given(st.dictionaries(st.sampled_from(KINDS), st.lists(documents, max_size=3), max_size=5))
def test_arbitrary_structures_never_crash(data: dict[str, object]) -> None:
    answers_cleanly(yaml.safe_dump(data))


@settings(max_examples=examples(200), deadline=None)
@given(st.integers(min_value=0, max_value=len(mini_text()) - 1), st.text(max_size=5))
def test_damaging_a_valid_catalog_never_crashes(position: int, junk: str) -> None:
    text = mini_text()
    answers_cleanly(text[:position] + junk + text[position + 1 :])


@settings(max_examples=examples(100), deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_never_crash(raw: bytes) -> None:
    try:
        load_catalog_bytes(raw, "fuzz.yaml")
    except CatalogError as error:
        assert error.problems


def test_deep_nesting_is_a_located_error() -> None:
    text = "exercises: " + "[" * 5000 + "]" * 5000
    try:
        load_catalog_text(text, "deep.yaml")
    except CatalogError as error:
        assert (
            str(error.problems[0])
            == "deep.yaml:1:75: the document is nested more than 64 levels deep"
        )
    else:
        raise AssertionError("deep nesting was accepted")


def test_a_huge_file_is_refused_quickly() -> None:
    text = (
        "references:\n" + "  - {id: r, citation: x, year: 2000, url: 'https://e.org'}\n" * 800_000
    )
    try:
        load_catalog_text(text, "big.yaml")
    except CatalogError as error:
        assert str(error.problems[0]) == "big.yaml:1:1: the file is larger than 40 MB"
    else:
        raise AssertionError("a file over 40 MB was accepted")
