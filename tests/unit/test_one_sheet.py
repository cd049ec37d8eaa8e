"""One printed sheet: the builder's <template> and a routine page's sheet say the same words.

Both come from the sheet macros in _macros.md.j2 (the builder's in slot mode). Each shared part
is read from the rendered pages with its data taken out (the lists of warning signs, the tick
grid's rows, the QR code); what is left, the sheet's own words, must be the same.
"""

from __future__ import annotations

from pathlib import Path

import html5lib
from selectolax.lexbor import LexborHTMLParser

from generator.catalog.model import Catalog
from generator.pages.render import HTML_TEMPLATES, TEMPLATE_DIR, make_environment, render_site

ROUTINE = "routines/first-days.md"  # the fixture's routine: all four tiers of warning signs
BUILDER = "routines/builder.md"

# The parts both sheets share, and the data inside them that differs by programme.
SHARED = {
    ".sheet-head": (),
    ".routine-facts li:nth-child(2) > strong": (),
    ".sheet-fill-in": (),
    ".safety-print": ("ul", "[data-slot=general]"),  # general advice: a programme with no condition
    "h2.screen-only": (),
    ".tracker": ("table",),  # the grids: their header is compared below
    ".tracker-grid thead": (),
    ".handout-footer": ("svg",),
}
# `.handout-note` differs on purpose: a routine's links its page and review, the builder's does not.


def _dom(page: str) -> LexborHTMLParser:
    """The page parsed as a browser parses it, with the builder's <template> contents opened up
    (Lexbor keeps them out of reach of CSS selectors; html5lib keeps them as children)."""
    tree = html5lib.parse(page, namespaceHTMLElements=False)
    for template in tree.iter("template"):
        template.tag = "div"
    return LexborHTMLParser(html5lib.serialize(tree, tree="etree"))


def _words(page: str, selector: str, data: tuple[str, ...]) -> list[str]:
    """The text of each node matching `selector`, without `data`, white space collapsed; a text
    said again (a second tick grid) counted once."""
    found = []
    for node in _dom(page).css(selector):
        for part in data:
            for inner in node.css(part):
                inner.decompose()
        found.append(" ".join((node.text(deep=True) or "").split()))
    return list(dict.fromkeys(found))


def sheet_differences(pages: dict[str, str]) -> list[str]:
    """Each shared part whose words differ between the routine page and the builder."""
    differences = []
    for selector, data in SHARED.items():
        routine = _words(pages[ROUTINE], selector, data)
        builder = _words(pages[BUILDER], selector, data)
        assert routine, f"no {selector} on the routine page"
        assert builder, f"no {selector} in the builder's templates"
        if routine != builder:
            differences.append(f"{selector}: routine {routine} != builder {builder}")
    return differences


def test_the_builder_sheet_says_what_a_routine_sheet_says(mini: Catalog) -> None:
    pages = render_site(mini, html_templates=HTML_TEMPLATES).texts
    assert sheet_differences(pages) == []


def test_a_word_typed_again_in_the_builder_is_caught(mini: Catalog, tmp_path: Path) -> None:
    # The builder's template with its fill-in lines typed by hand, one label reworded.
    source = (TEMPLATE_DIR / "builder.md.j2").read_text(encoding="utf-8")
    typed = (
        '<div class="sheet-fill-in print-only"><p><span class="fill-label">Patient</span></p>'
        '<p><span class="fill-label">Therapist</span></p>'
        '<p><span class="fill-label">Start date</span></p></div>'
    )
    assert "{{ m.sheet_fill_in(slots=true) }}" in source
    (tmp_path / "builder.md.j2").write_text(
        source.replace("{{ m.sheet_fill_in(slots=true) }}", typed), encoding="utf-8"
    )
    env = make_environment(tmp_path)
    pages = render_site(mini, env=env, html_templates=HTML_TEMPLATES).texts
    assert [d.split(":")[0] for d in sheet_differences(pages)] == [".sheet-fill-in"]


def test_the_builder_sheet_has_a_hole_for_each_piece_of_data(mini: Catalog) -> None:
    dom = _dom(render_site(mini).texts[BUILDER])
    slots = {node.attributes["data-slot"] for node in dom.css("#programme-sheet [data-slot]")}
    assert {
        "title", "how-often", "emergency", "urgent", "soon", "stop-if", "general",
        "therapist", "start", "instructions", "items", "tracker", "grids", "qr", "qr-caption",
    } <= slots  # fmt: skip
    for hole in ("emergency", "urgent", "soon", "stop-if", "items", "grids", "qr"):
        assert not (dom.css_first(f'#programme-sheet [data-slot="{hole}"]').text() or "").strip()
