"""A contact sheet: every figure of a catalog (and every library pose) on one HTML page.

For looking at the pictures by eye: `make figures`, which runs
`python -m generator figures build/figures.html`.
"""

from __future__ import annotations

import base64
from collections.abc import Iterable
from html import escape

from generator.figures.motion import render_motion
from generator.figures.poses import shipped
from generator.figures.spec import Figure, Panel
from generator.figures.svg import render_figure

_STYLE = (
    "body{font:14px sans-serif;margin:16px;color:#1d2a36}"
    "main{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:12px}"
    "figure{margin:0;border:1px solid #ccd3da;border-radius:6px;padding:8px}"
    "figure img,figure svg{width:100%;height:auto;max-height:200px}"
    "figcaption{font-size:12px}figcaption b{font-size:14px}"
)


def contact_sheet(figures: Iterable[tuple[str, Figure]], *, with_library: bool = True) -> str:
    """HTML page with each named figure, its animation, its size and its alt text, then every
    pose of the library the figures use (the clinic's poses included)."""
    items = list(figures)
    poses = next((figure.poses for _, figure in items if figure.poses), None) or shipped()
    if with_library:
        items += [
            (f"pose: {name}", Figure(panels=[Panel(pose=name)]).using(poses))
            for name in poses.poses
        ]
    cards = []
    for title, figure in items:
        rendered = render_figure(figure)
        size = len(rendered.svg.encode())
        moving = render_motion(figure)
        # As an image: each animation's styles and ids stay inside its own document.
        animation = (
            '<img alt="" src="data:image/svg+xml;base64,'
            f'{base64.b64encode(moving.svg.encode()).decode()}">'
            f"<br>animated · {len(moving.svg.encode()) / 1024:.1f} KB · "
            if moving
            else ""
        )
        cards.append(
            f"<figure>{rendered.svg}{animation}<figcaption><b>{escape(title)}</b> · "
            f"{size / 1024:.1f} KB<br>{escape(rendered.alt)}</figcaption></figure>"
        )
    return (
        '<!doctype html><html lang="en"><meta charset="utf-8"><title>Figures</title>'
        f"<style>{_STYLE}</style><main>{''.join(cards)}</main></html>\n"
    )
