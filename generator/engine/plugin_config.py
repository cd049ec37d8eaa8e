"""The plugin's settings under `plugins: - clinic-catalog:` in `mkdocs.yml`."""

from __future__ import annotations

from mkdocs.config import config_options
from mkdocs.config.base import Config


class CatalogPluginConfig(Config):
    catalog = config_options.Type(str, default="exercises.yaml")
    templates = config_options.Optional(config_options.Type(str))
    # `mkdocs build` uses a second process (a second core) for about half of the catalog pages.
    parallel = config_options.Type(bool, default=True)
    # Catalog pages are rendered as finished HTML (no Markdown conversion) when the site's
    # `toc` settings allow; `false` always renders Markdown.
    html_pages = config_options.Type(bool, default=True)
