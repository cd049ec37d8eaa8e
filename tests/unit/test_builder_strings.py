"""The builder's words: every one comes from `generator/pages/ui_strings.py` (BUILDER) through
the page's `ui-strings` island, none is typed in its modules (theme/assets/javascripts/builder/).
The modules are read with a small scanner for JavaScript's strings, comments and regular
expressions; `strings.js` itself is run in Node against a page-like island."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

from generator.catalog.model import Catalog
from generator.pages.render import render_pages
from generator.pages.ui_strings import BUILDER
from tests.conftest import ROOT

MODULES = ROOT / "theme" / "assets" / "javascripts" / "builder"
NODE = shutil.which("node")
# Where a `/` starts a regular expression rather than a division (the token before it).
_REGEX_AFTER = set("(,=:[!&|?{};+-*%<>~^") | {""}
# Single words that are names a browser or library gives, not words shown to anyone.
_NOT_WORDS = {"Enter", "Home", "End", "Byte"}


def string_literals(source: str) -> list[str]:
    """The text of each string literal in `source` (JavaScript), a template literal's text
    parts one by one (its `${}` parts are scanned as code); comments and regexes skipped."""
    found: list[str] = []
    at, last = 0, ""
    while at < len(source):
        char = source[at]
        if source.startswith("//", at):
            end = source.find("\n", at)
            at = len(source) if end < 0 else end
        elif char in "'\"":
            end = at + 1
            while source[end] != char:
                end += 2 if source[end] == "\\" else 1
            found.append(source[at + 1 : end])
            at, last = end + 1, "a"
        elif char == "`":
            at, last = _template(source, at + 1, found), "a"
        elif char == "/" and last in _REGEX_AFTER:
            at, in_class = at + 1, False
            while in_class or source[at] != "/":
                in_class = (in_class or source[at] == "[") and source[at] != "]"
                at += 2 if source[at] == "\\" else 1
            at, last = at + 1, "a"
        else:
            last = char if not char.isspace() else last
            last = "a" if char.isalnum() or char in "_$)]" else last
            at += 1
    return found


def _template(source: str, at: int, found: list[str]) -> int:
    """Scan a template literal from just after its opening backtick; where it ends."""
    text = ""
    while source[at] != "`":
        if source.startswith("${", at):
            found.append(text)
            text, depth, start = "", 1, at + 2
            at = start
            while depth:
                depth += {"{": 1, "}": -1}.get(source[at], 0)
                at += 1
            found.extend(string_literals(source[start : at - 1]))
        else:
            step = 2 if source[at] == "\\" else 1
            text += source[at : at + step]
            at += step
    found.append(text)
    return at + 1


def _words(literal: str) -> bool:
    """Whether a literal reads as words for a person: a capitalised word, or two or more words
    (CSS class lists and selectors have hyphens, brackets or commas between single words)."""
    if literal in _NOT_WORDS:
        return False
    if re.fullmatch(r"[A-Z][a-z]+", literal):
        return True
    return bool(re.fullmatch(r"[A-Za-z][A-Za-z']*( [A-Za-z']+)+[.:!?]?", literal.strip()))


def _sources() -> dict[str, str]:
    return {path.name: path.read_text("utf-8") for path in sorted(MODULES.glob("*.js"))}


def test_the_scanner_finds_strings_and_skips_the_rest() -> None:
    source = (
        'const a = "Say \\"hi\\""; // "Not this"\n'
        "const b = `Dear ${name ? 'Ann' : `Bo${x}`}, hello`;\n"
        "const c = x.replace(/\\/$/, 'end').split(/[\"/]/);\n"
        "const d = 6 / 2 / 'three';\n"
    )
    assert string_literals(source) == [
        'Say \\"hi\\"',
        "Dear ",
        "Ann",
        "Bo",
        "",
        ", hello",
        "end",
        "three",
    ]
    assert _words("Print") and _words("as given for each exercise") and _words("Copy link.")
    assert not _words("admonition-title") and not _words("a, button, input, select, textarea")


def test_the_builder_modules_type_no_words() -> None:
    typed = [
        f"{name}: {literal!r}"
        for name, source in _sources().items()
        for literal in string_literals(source)
        if _words(literal) and literal not in ("admonition danger", "admonition warning")
    ]
    assert typed == [], "put these in generator/pages/ui_strings.py (BUILDER)"


def test_every_builder_string_is_used_and_every_key_used_exists() -> None:
    literals = {lit for source in _sources().values() for lit in string_literals(source)}
    assert set(BUILDER) <= literals, f"not used: {sorted(set(BUILDER) - literals)}"
    called = {
        key
        for source in _sources().values()
        for key in re.findall(r"\b(?:format|parts)\(\s*\"(\w+)\"", source)
    }
    assert called and called <= set(BUILDER), sorted(called - set(BUILDER))
    assert all(re.fullmatch(r"[a-z][a-zA-Z]*", key) for key in BUILDER)


def test_the_builder_page_carries_the_strings(mini: Catalog) -> None:
    page = render_pages(mini)["routines/builder.md"]
    island = re.search(r'<script type="application/json" id="ui-strings">(.*?)</script>', page)
    assert island is not None
    assert json.loads(island[1])["builder"] == BUILDER  # English: the source words


def test_format_fills_fields_and_refuses_an_unknown_key() -> None:
    assert NODE is not None, "Node.js is needed (make test installs it)"
    program = """
    const strings = {builder: {hello: "Hi {name}, {name}! {missing}", plain: "Plain"}};
    globalThis.document = {getElementById: () => ({textContent: JSON.stringify(strings)})};
    const S = await import(process.argv[1]);
    let refused = false;
    try { S.format("nope"); } catch { refused = true; }
    process.stdout.write(JSON.stringify({
      filled: S.format("hello", {name: "Ann"}), plain: S.format("plain"), refused,
      parts: S.parts("hello", {name: 7}),
    }));
    """
    result = subprocess.run(
        [NODE, "--input-type=module", "-e", program, str(MODULES / "strings.js")],
        capture_output=True,
        check=True,
        text=True,
    )
    out = json.loads(result.stdout)
    assert out["filled"] == "Hi Ann, Ann! {missing}"
    assert out["plain"] == "Plain"
    assert out["refused"] is True
    assert out["parts"] == ["Hi ", 7, ", ", 7, "! ", "{missing}"]
