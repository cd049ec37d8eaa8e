"""Exercise illustrations drawn from a simple body model: poses, checks and SVG output."""

from __future__ import annotations

from .spec import Figure
from .svg import RenderedFigure, render_figure

__all__ = ["Figure", "RenderedFigure", "render_figure"]
