"""QR codes for printed pages, made at build time as small inline SVG."""

from __future__ import annotations

import html

import segno


def qr_svg(url: str, label: str) -> str:
    """An inline SVG QR code for `url`, labelled for screen readers, on one line."""
    # A fixed mask skips segno's search for the best one (most of its time); any mask is valid.
    code = segno.make(url, error="m", micro=False, mask=0)
    svg = code.svg_inline(
        scale=3, border=2, dark="#000", light="#fff", omitsize=True, svgclass="qr-code"
    )
    attributes = f'<svg role="img" aria-label="{html.escape(label, quote=True)}"'
    return svg.replace("<svg", attributes, 1)


def page_url(site_url: str, uri: str) -> str:
    """The published address of a page source uri: `routines/neck.md` -> `.../routines/neck/`."""
    path = uri.removesuffix(".md")
    if path == "index" or path.endswith("/index"):
        path = path.removesuffix("index")
    else:
        path += "/"
    return site_url.rstrip("/") + "/" + path.lstrip("/")
