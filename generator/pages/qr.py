"""QR codes for printed pages, made at build time as small inline SVG."""

from __future__ import annotations

import html

import segno

SCALE = 3  # CSS pixels per module
BORDER = 2  # quiet zone, in modules


def qr_svg(url: str, label: str) -> str:
    """An inline SVG QR code for `url` (segno's writer), labelled for screen readers, on one line.

    The mask is fixed: segno's search for the best one costs three times the rest of the code's
    making, and any mask gives a valid code.
    """
    code = segno.make(url, error="m", micro=False, mask=0)
    svg = code.svg_inline(
        scale=SCALE, border=BORDER, dark="#000", light="#fff", omitsize=True, svgclass="qr-code"
    )
    name = html.escape(label, quote=True)
    return svg.replace("<svg", f'<svg role="img" aria-label="{name}"', 1)
