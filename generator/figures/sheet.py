"""A contact sheet: every figure of a catalog (and every library pose) on one HTML page.

For looking at the pictures by eye: `make figures`, which runs
`python -m generator figures build/figures.html`.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from .poses import library
from .spec import Figure, Panel
from .svg import render_figure

_STYLE = (
    "body{font:14px sans-serif;margin:16px;color:#1d2a36}"
    "main{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:12px}"
    "figure{margin:0;border:1px solid #ccd3da;border-radius:6px;padding:8px}"
    "figure img,figure svg{width:100%;height:auto;max-height:200px}"
    "figcaption{font-size:12px}figcaption b{font-size:14px}"
)


def contact_sheet(figures: Iterable[tuple[str, Figure]], *, with_library: bool = True) -> str:
    """HTML page with each named figure, its size and its alt text."""
    items = list(figures)
    if with_library:
        items += [(f"pose: {name}", Figure(panels=[Panel(pose=name)])) for name in library()]
    cards = []
    for title, figure in items:
        rendered = render_figure(figure)
        size = len(rendered.svg.encode())
        cards.append(
            f"<figure>{rendered.svg}<figcaption><b>{escape(title)}</b> · "
            f"{size / 1024:.1f} KB<br>{escape(rendered.alt)}</figcaption></figure>"
        )
    return (
        '<!doctype html><html lang="en"><meta charset="utf-8"><title>Figures</title>'
        f"<style>{_STYLE}</style><main>{''.join(cards)}</main></html>\n"
    )
