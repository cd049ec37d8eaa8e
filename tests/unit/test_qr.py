"""QR codes: segno's SVG, labelled for screen readers, sized for print."""

from __future__ import annotations

import html
import re

import segno
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.pages.qr import BORDER, SCALE, qr_svg
from tests.conftest import examples


def test_routine_address_is_a_labelled_svg_of_its_code() -> None:
    url = "https://physio.example/routines/neck-stiffness-gentle-mobility/"
    svg = qr_svg(url, 'Scan "this" <code>')
    assert svg.startswith('<svg role="img" aria-label="Scan &quot;this&quot; &lt;code&gt;"')
    size = (len(segno.make(url, error="m", micro=False).matrix) + 2 * BORDER) * SCALE
    assert f'viewBox="0 0 {size} {size}"' in svg and 'class="qr-code"' in svg
    assert "\n" not in svg and svg.endswith("</svg>")


@settings(max_examples=examples(100), deadline=None)
@given(st.text(min_size=1, max_size=400), st.text(max_size=40))
def test_any_text_gives_one_svg_whose_label_is_escaped(url: str, label: str) -> None:
    svg = qr_svg(url, label)
    assert svg.count("<svg") == 1
    found = re.match(r'<svg role="img" aria-label="([^"<>]*)"', svg)
    assert found is not None and html.unescape(found[1]) == label
