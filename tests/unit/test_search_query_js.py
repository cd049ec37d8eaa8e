"""The search box's query rewriting (theme/assets/javascripts/search-query.js), run in Node:
common words never reach the theme's search, where its wildcard would match them inside other
words ("my" in "myofascial"); other words are searched whole and stemmed; only the word still
being typed also matches as a beginning; lunr syntax is left alone."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from tests.conftest import ROOT

SEARCH_QUERY_JS = ROOT / "theme" / "assets" / "javascripts" / "search-query.js"
NODE = shutil.which("node")

RUNNER = """
const S = require(process.argv[1]);
const queries = JSON.parse(require("fs").readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify({
  out: queries.map((q) => S.rewriteQuery(q)), stop: S.STOP_WORDS }));
"""

QUERIES = [
    "walking makes my legs ache",
    "can't turn my head",
    "Can\u2019t turn my head ",
    "pins and needles in my arm",
    "the",
    "my back",
    "sciat",
    "+neck -shoulder",
    'title:"bird dog"',
    "neck*",
    "low-back pain",
    "",
]


@pytest.fixture(scope="module")
def rewritten() -> dict[str, object]:
    assert NODE is not None, "Node.js is needed (make test installs the Nu HTML Checker with npm)"
    result = subprocess.run(
        [NODE, "-e", RUNNER, str(SEARCH_QUERY_JS)],
        input=json.dumps(QUERIES),
        capture_output=True,
        text=True,
        check=True,
    )
    data: dict[str, object] = json.loads(result.stdout)
    return data


def terms(query: str) -> list[str]:
    return query.split()


def test_common_words_never_reach_the_search(rewritten: dict[str, object]) -> None:
    out = dict(zip(QUERIES, rewritten["out"], strict=True))  # type: ignore[call-overload]
    stop = set(rewritten["stop"])  # type: ignore[call-overload]
    assert {"my", "the", "can", "cant", "makes", "and", "in"} <= stop
    for query in ("walking makes my legs ache", "can't turn my head", "my back"):
        words = {t.split("^")[0].rstrip("*") for t in terms(out[query])}
        assert not words & stop, out[query]
    assert terms(out["walking makes my legs ache"]) == [
        "walking^10",
        "legs^10",
        "ache^1",
        "ache*^1",
    ]


def test_whole_words_weigh_more_than_generic_words_and_beginnings(
    rewritten: dict[str, object],
) -> None:
    out = dict(zip(QUERIES, rewritten["out"], strict=True))  # type: ignore[call-overload]
    assert terms(out["pins and needles in my arm"]) == ["pins^10", "needles^10", "arm^10", "arm*^1"]
    assert terms(out["sciat"]) == ["sciat^10", "sciat*^1"]
    assert terms(out["my back"]) == ["back^1", "back*^1"]


def test_a_finished_word_is_not_searched_as_a_beginning(rewritten: dict[str, object]) -> None:
    out = dict(zip(QUERIES, rewritten["out"], strict=True))  # type: ignore[call-overload]
    assert terms(out["Can\u2019t turn my head "]) == ["turn^10", "head^10"]
    assert terms(out["can't turn my head"]) == ["turn^10", "head^10", "head*^1"]


def test_lunr_syntax_and_queries_of_common_words_only_are_left_alone(
    rewritten: dict[str, object],
) -> None:
    out = dict(zip(QUERIES, rewritten["out"], strict=True))  # type: ignore[call-overload]
    for query in ("+neck -shoulder", 'title:"bird dog"', "neck*", "the", ""):
        assert out[query] == query
    assert terms(out["low-back pain"]) == ["low^10", "back^1", "pain^1", "pain*^1"]
