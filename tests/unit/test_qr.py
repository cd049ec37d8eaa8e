"""QR codes: our SVG writer draws exactly what segno's own writer draws."""

from __future__ import annotations

import html

import segno
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.pages.qr import qr_svg
from tests.conftest import examples


def segno_svg(url: str, label: str) -> str:
    code = segno.make(url, error="m", micro=False, mask=0)
    svg = code.svg_inline(
        scale=3, border=2, dark="#000", light="#fff", omitsize=True, svgclass="qr-code"
    )
    return svg.replace("<svg", f'<svg role="img" aria-label="{html.escape(label, quote=True)}"', 1)


def test_routine_address_is_drawn_as_segno_draws_it() -> None:
    url = "https://physio.example/routines/neck-stiffness-gentle-mobility/"
    svg = qr_svg(url, 'Scan "this" <code>')
    assert svg == segno_svg(url, 'Scan "this" <code>')
    assert svg.startswith('<svg role="img" aria-label="Scan &quot;this&quot; &lt;code&gt;"')


@settings(max_examples=examples(200), deadline=None)
@given(st.text(min_size=1, max_size=400), st.text(max_size=40))
def test_any_text_is_drawn_as_segno_draws_it(url: str, label: str) -> None:
    assert qr_svg(url, label) == segno_svg(url, label)
