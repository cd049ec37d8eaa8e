"""Patient-education site generator: YAML catalog -> Markdown pages -> static site.

The core (model, load, render) never imports MkDocs; `generator.engine.plugin` is the thin glue.
"""

from __future__ import annotations
