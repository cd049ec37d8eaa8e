"""Exercise illustrations drawn from a simple body model: poses, checks and SVG output."""

from __future__ import annotations

from generator.figures.spec import Figure
from generator.figures.svg import RenderedFigure, render_figure

__all__ = ["Figure", "RenderedFigure", "render_figure"]
