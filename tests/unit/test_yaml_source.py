"""The fast YAML reader gives exactly what the plain reference reader gives, for any input."""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.source import yaml_source
from generator.source.errors import Path
from generator.source.text_safety import FORBIDDEN
from generator.source.yaml_scalars import NumberLike, plain
from tests.conftest import FIXTURES, ROOT, mini_text
from tests.helpers import yaml_reference

TRICKY = [
    "", "~", "null", "Null", "NULL", "nul", "true", "True", "TRUE", "tRue", "yes", "Yes", "no",
    "No", "on", "On", "off", "OFF", "y", "n", "Y", "N", "o", "O", "t", "f", "0", "-0", "+1",
    "0x1F", "0o17", "017", "1_000", "1:20", "190:20:30", "1.5", ".5", "-.5", "1e3", "1.0e+3",
    ".inf", "-.Inf", "+.INF", ".nan", ".NaN", "2026-11-20", "2026-1-2", "2026-11-20T10:00:00Z",
    "2026-11-20 10:00:00.5 +02:00", "<<", "=", "!", "&a", "*a", "-", "+", ".", "..", "- x",
    "name", "note", "Tighten", "feel", "falsey", "offset", "yesterday", "one", "the", "12 reps",
    "1.2.3", "0b101", "0b2", "+.5", "-1_0", "10:61", "x" * 300,
]  # fmt: skip
IMPLICITS = [(True, False), (False, True), (False, False), (True, True)]
SCALAR_TEXT = st.one_of(
    st.sampled_from(TRICKY),
    st.text(max_size=12),
    st.text(alphabet="0123456789+-._:eE xXoObBtTnNfFyY~<=!&*", max_size=12),
    st.from_regex(r"[0-9]{1,4}(-[0-9]{1,2}){0,2}([Tt ][0-9:.]{1,12})?( ?Z| ?[+-][0-9:]{1,5})?"),
)


def outcome(read: Any, text: str) -> Any:
    """Everything a reader answers for `text`: data, problems, both position tables, or the
    exception it raised."""
    try:
        data, source, problems = read(text, "t.yaml")
    except Exception as error:  # the same failure is part of the same answer
        return ("raised", type(error).__name__, str(error))
    return (
        repr(data),
        problems,
        list(source.values.items()),
        list(source.keys.items()),
    )


def same_reading(text: str) -> None:
    """Both readers agree (forbidden characters are located differently: the fast reader
    finds where each one is written, see test_text_safety)."""
    if FORBIDDEN.search(text.lstrip("\ufeff").replace("\n", "")) or "\\" in text:
        return
    assert outcome(yaml_source.read_yaml, text) == outcome(yaml_reference.read_yaml, text)
    same_locations(text)


def same_locations(text: str) -> None:
    """`locate` agrees on every recorded path, its neighbours and paths that do not exist."""
    try:
        _, fast, _ = yaml_source.read_yaml(text, "t.yaml")
        _, slow, _ = yaml_reference.read_yaml(text, "t.yaml")
    except Exception:
        return
    paths: set[Path] = {(), ("zz",), (0,), (-1,)}
    for path in [*slow.values, *slow.keys]:
        paths.update({path, (*path, "zz"), (*path, 0), (*path, 99), (*path, -1), path[:-1]})
        if path and isinstance(path[-1], int):
            paths.update({(*path[:-1], path[-1] + 1), (*path[:-1], str(path[-1]))})
    for path in paths:
        for key in (False, True):
            assert fast.locate(path, key=key) == slow.locate(path, key=key), (path, key)


@settings(max_examples=1000, deadline=None)
@given(SCALAR_TEXT)
def test_only_scalars_that_need_the_resolver_skip_it(value: str) -> None:
    if not yaml_source.needs_resolver(value, (True, False)):
        assert plain(value) == value and not isinstance(plain(value), NumberLike)


def test_tricky_scalars_read_the_same_by_both_readers() -> None:
    for value in TRICKY:
        # each value twice: the second reading comes from the caches
        same_reading(f"a: {value}\nb: {value}\nc: [{value!r}, {value}]\n{value}: x\n")


@settings(max_examples=500, deadline=None)
@given(st.lists(SCALAR_TEXT, min_size=1, max_size=6))
def test_scalars_read_as_the_reference_reads_them(values: list[str]) -> None:
    lines = [f"k{i}: {v}" for i, v in enumerate(values)] + [f"s: [{', '.join(values)}]"]
    same_reading("\n".join(lines) + "\n")
    same_reading("\n".join(values) + "\n")
    same_reading("".join(f"- {v}\n" for v in values))


YAMLISH = st.text(
    alphabet=st.sampled_from(list("ab-: \n\t[]{},&*!|>'\"#%@`?<=~0123456789.\\")), max_size=200
)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(YAMLISH)
def test_arbitrary_text_reads_as_the_reference_reads_it(text: str) -> None:
    same_reading(text)


documents = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=8)),
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.one_of(st.text(max_size=3), st.integers()), children, max_size=4),
    ),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(documents, st.booleans())
def test_arbitrary_structures_read_as_the_reference_reads_them(data: Any, flow: bool) -> None:
    same_reading(yaml.safe_dump(data, default_flow_style=flow))


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=len(mini_text()) - 1), st.text(max_size=5))
def test_a_damaged_catalog_reads_as_the_reference_reads_it(position: int, junk: str) -> None:
    text = mini_text()
    same_reading(text[:position] + junk + text[position + 1 :])


def test_shipped_files_and_edge_cases_read_as_the_reference_reads_them() -> None:
    files = [ROOT / "exercises.yaml", ROOT / "generator/figures/poses.yaml"]
    files += sorted(FIXTURES.glob("**/*.yaml"))
    texts = [path.read_text(encoding="utf-8") for path in files]
    texts += [
        "a: &x [1, {b: 2}]\nc: *x\nd:\n  - e: f\n",
        "a: 1\na: 2\nb: {c: 1, c: 2}\n[x]: 1\n{y: 1}: 2\n3: z\n? [p, {q: 1}]\n: v\n",
        "a: {b: 1, b: {c: 2, c: 3}}\nlist: [{k: 1, k: 2}]\n",
        "<<: {a: 1}\nb: {<<: *u}\n",
        "a: &r\n  b: *r\n",
        "references: []\n---\nexercises: []\n",
        "- just\n- a list\n",
        "scalar\n",
        "",
        "# only a comment\n",
        "---\n...\n",
        "a: !!int '12'\nb: !!str 12\nc: !custom x\n",
        "a: !!binary aGVsbG8=\nb: !!float 1\nc: !!timestamp 2026-01-02\n",
        "a: 2026-02-30\n",
        "a: !!set {x, y}\n",
        "a: ! 12\nb: !!null ''\n",
        "a: &s x\nb: *s\n*s : 1\n",
        "x: " + "[" * 70 + "]" * 70 + "\n",
        "\ta: 1\n",
        "a:\n\t- b\n",
        "a: b: c\n",
        'a: "\\x"\n',
        "dup: 1\ndup: {a: [1, 2]}\nafter: 3\n",
        "k: {[1]: {x: 1, x: 2}}\n",
    ]
    for text in texts:
        same_reading(text)


def test_alias_bombs_and_deep_nesting_stop_where_the_reference_stops() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join(['*a' + str(i - 1)] * 10)}]" for i in range(1, 9)]
    same_reading("\n".join(lines) + "\n")
    same_reading("exercises: " + "[" * 5000 + "]" * 5000)
