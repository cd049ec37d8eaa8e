"""What the MkDocs glue relies on beyond the documented plugin API, and what to re-check when the
pinned engine changes. `tests/unit/test_engine_guard.py` fails, naming the entry, when an
installed version or a relied-on file differs from what was checked here.

Everything listed is used by this package (`generator/engine/`, the only code that imports
MkDocs), by the theme overrides in `theme/`, or by the HTML post-processing.
"""

from __future__ import annotations

from dataclasses import dataclass

# The versions every entry below was checked against.
CHECKED_VERSIONS = {"mkdocs": "1.6.1", "mkdocs-material": "9.8.1"}


@dataclass(frozen=True)
class Reliance:
    """One thing the glue relies on: where it lives, the digest of that file as checked, and
    what to re-check when it changes."""

    package: str
    path: str  # inside the installed package
    sha256: str
    used_by: str
    recheck: str


RELIANCES = (
    Reliance(
        "mkdocs",
        "commands/build.py",
        "77fb0135d13f14223066a60c5a7e0293e333d1e6a4b058cebbb6d8acf8cc3825",
        "second_process._renderer",
        "get_context(nav, files, config, page) is private: check its signature, and that "
        "_build_page still sets page.active, calls on_page_context and renders the template as "
        "_renderer does (it re-implements that part of _build_page).",
    ),
    Reliance(
        "mkdocs",
        "structure/pages.py",
        "28cc64c2f8b85b9272d49f0f2eb263851f86ed99796f8a593b11c0c7fbd11bf2",
        "html_page.HtmlPage",
        "Page.read_source, Page.render and the attributes render sets (content, toc, "
        "_title_from_render, present_anchor_ids, links_to_anchors): HtmlPage overrides render "
        "to take finished HTML and must set the same ones.",
    ),
    Reliance(
        "mkdocs",
        "structure/toc.py",
        "f1e35ef66730a65154b67c2dc38ac4e876e44214a3a1df1b35a110dbe6710b2f",
        "html_page.HtmlPage.render",
        "get_toc(tokens) and the token shape outline.toc_tokens makes (Python-Markdown's toc).",
    ),
    Reliance(
        "mkdocs",
        "livereload/__init__.py",
        "024073f7bc0989673f27d2d01ddd4b94f25e8638d25015875958d9af32d35673",
        "live_reload.allow_reload_script",
        "LiveReloadServer._inject_js_into_html(content, epoch) is private: check that it still "
        "adds one `<script>...</script>` (no attributes) before the last `</body>`, and that "
        "serve_request still calls it for each HTML page it serves.",
    ),
    Reliance(
        "mkdocs-material",
        "templates/base.html",
        "8536d352b0093623df9e0032894f321cbe264b15a9b48cdd962583772455dadb",
        "theme/main.html",
        "main.html copies the `site_nav` block and overrides tabs, header, styles, footer, "
        "config, announce and content: diff them against the new base.html.",
    ),
    Reliance(
        "mkdocs-material",
        "templates/partials/header.html",
        "8cf3fb15bcf969ff596649616fd99366b3c31c08d57a86d05308efc16d8fa75f",
        "theme/main.html (block header)",
        "the header is rendered once per folder and the page title put into the span "
        'data-md-component="header-topic": check that span is still there, once.',
    ),
    Reliance(
        "mkdocs-material",
        "templates/partials/search.html",
        "bfd556535abcddb99396ab2a7e3acc2ebcd3f36756007d3969396caa4126be30",
        "html_fixes.repair (the search dialog's name)",
        'repair names the dialog `<div class="md-search" ... role="dialog">` after the '
        'aria-label of `<nav class="md-search__options">` inside it: check both are still '
        "written so.",
    ),
    Reliance(
        "mkdocs-material",
        "templates/partials/toc.html",
        "fde48f583563364b0e0e6865a5ab1e7060ec1826161f69f5cbee653e621b0f84",
        "html_page.toc_shape",
        "toc_shape lists what this partial prints of a table of contents (title, url, typeset, "
        "children): pages with the same shape share one rendering.",
    ),
    Reliance(
        "mkdocs-material",
        "templates/partials/content.html",
        "ce33929c85af129f6e2f3b0aed47159e9c4a519482d1938bae15f5ff4a3cfae5",
        "theme/main.html (block content)",
        "catalog pages skip this partial's five includes (source, tags, feedback, comments): "
        "check it includes nothing new that catalog pages need.",
    ),
    Reliance(
        "mkdocs-material",
        "templates/assets/javascripts/bundle.a5f9d56c.min.js",
        "b9a1ef14b5e91ad61fa8d7dd42e1f55e6af0ebd224bc8970dff0e7d7311b172f",
        "theme/assets/javascripts/search-query.js",
        "the search box posts its query to the search worker with Worker.postMessage as "
        "{type: 2 (QUERY), data: the query text}: search-query.js rewrites those messages.",
    ),
    Reliance(
        "mkdocs-material",
        "templates/assets/javascripts/workers/search.a7633da7.min.js",
        "da1b3df5e5f00cc73083c9e21ff0ec28bde85cd247057bdd05b7a167e5903bd4",
        "theme/assets/javascripts/search-query.js, site_files/search_index.py",
        "the worker adds a trailing wildcard to words without a +, -, ~N or ^N modifier, reads "
        "`word^N` as a whole word through the pipeline, and indexes every field named in "
        "config.fields (the `terms` field of search_index.py); re-run tests/search_queries.yaml.",
    ),
    Reliance(
        "mkdocs-material",
        "templates/partials/languages/en.html",
        "902e36bb5ec5cb46fb41df377051591ec87cb4077e8de11e0efd8cd70fd4b2c6",
        "theme_words.material_words (the pseudo-locale's partial)",
        "Material's words are one dict literal in macro `t(key)`: check it still is, and that "
        "new keys that are settings rather than words are kept out of the pseudo-locale.",
    ),
    Reliance(
        "mkdocs-material",
        "templates/partials/language.html",
        "3a44516f305006ac794f51a45ad7b532cf270916d8e92e8c42784e58b2eff0a3",
        "theme_words.material_language",
        "the language partial is imported as partials/languages/<theme.language>.html: check "
        "the name, and that the search plugin still reads it from config.theme.get_env().",
    ),
)
