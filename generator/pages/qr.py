"""QR codes for printed pages, made at build time as small inline SVG."""

from __future__ import annotations

import html
import re

import segno

SCALE = 3  # CSS pixels per module
BORDER = 2  # quiet zone, in modules
_DARK_RUN = re.compile(b"\x01+")


def qr_svg(url: str, label: str) -> str:
    """An inline SVG QR code for `url`, labelled for screen readers, on one line.

    segno encodes; the SVG is written here, in the form segno's own `svg_inline` writes (the
    tests compare them), at half its cost: one path, each row's dark runs as strokes.
    """
    # A fixed mask skips segno's search for the best one (most of its time); any mask is valid.
    code = segno.make(url, error="m", micro=False, mask=0)
    size = len(code.matrix) + 2 * BORDER
    return (
        f'<svg role="img" aria-label="{html.escape(label, quote=True)}"'
        f' viewBox="0 0 {size * SCALE} {size * SCALE}" class="qr-code">'
        f'<g transform="scale({SCALE})"><path fill="#fff" d="M0 0h{size}v{size}h-{size}z"/>'
        f'<path class="qrline" stroke="#000" d="{_dark_path(code.matrix)}"/></g></svg>'
    )


def _dark_path(matrix: tuple[bytearray, ...]) -> str:
    """Path data drawing each run of dark modules as a horizontal line through the middle of
    its row: the first move absolute, the others relative to where the last line ended."""
    parts: list[str] = []
    pen_x, pen_y = 0, 0.0
    for row_number, row in enumerate(matrix):
        y = BORDER + row_number + 0.5
        for run in _DARK_RUN.finditer(row):
            x, dy = BORDER + run.start(), y - pen_y
            down = int(dy) if dy.is_integer() else dy
            parts.append(f"m{x - pen_x} {down}h{run.end() - run.start()}")
            pen_x, pen_y = BORDER + run.end(), y
    if parts:
        parts[0] = "M" + parts[0][1:]
    return "".join(parts)
