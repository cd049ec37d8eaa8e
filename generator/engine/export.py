"""`python -m generator export OUTDIR`: a project any MkDocs-compatible engine builds as is.

The export needs no plugin of ours: `mkdocs.yml` (the clinic's, less the `clinic-catalog`
plugin), `docs/` (content pages, generated pages, assets, pictures, calendar files, catalog
JSON, redirect pages) and `overrides/` (the theme's templates, with a plugin-free `main.html`).
What the plugin adds to built pages travels in each page's front matter, which the exported
`main.html` prints: the Content-Security-Policy (`csp`, the site-wide policy being
`extra.content_security_policy`) and the JSON-LD (`json_ld`). The theme's inline scripts are
loaded from files instead, so the policy allows scripts from the site itself only. Generated
pages lose `search: exclude`, so the engine's own search indexes them.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from generator.catalog.addresses import INDEX_PAGES
from generator.catalog.load import read_bounded
from generator.catalog.model import Catalog
from generator.clinic.content_files import walk_content
from generator.clinic.signoff import SignOff
from generator.clinic.site_config import SiteSettings
from generator.clinic.wording import fill_placeholders, wording_for
from generator.engine.export_folder import write_export
from generator.engine.export_words import with_words
from generator.pages.render import render_pages
from generator.pipeline import (
    PAGE_KIND_NOUNS,
    PAGE_KINDS_SETTING,
    checked_for_publishing,
    content_page_reviews,
    generated_files,
    read_project,
    use_language,
)
from generator.site_files.csp import policy_for
from generator.site_files.search_index import searched_pages
from generator.site_files.structured_data import json_ld_pages
from generator.source.errors import Problem, ProjectError, SettingsError
from generator.source.yaml_source import read_yaml

PLUGIN = "clinic-catalog"
THEME_DIR = Path(__file__).parent / "export_theme"
SEARCH_EXCLUDE = "search:\n  exclude: true\n"
# The theme's templates that need the plugin; the export's own versions replace them.
PLUGIN_TEMPLATES = frozenset({"main.html", "clinic-built-elsewhere.html"})
PLUGIN_GLOBALS = ("clinic_fragments", "clinic_built_elsewhere", "clinic_toc_key")

Files = dict[str, str | bytes]


def export_project(outdir: Path, catalog_path: Path, config_path: Path) -> int:
    """Write the project to `outdir` (replacing an earlier export, keeping files the user
    added there: `export_folder.py`); the number of files."""
    project = read_project(config_path, catalog_path)
    checked_for_publishing(project)
    site, catalog = project.site, project.catalog
    config = _read_config(config_path)
    theme = config.get("theme")
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    theme_dir = config_path.parent / custom if isinstance(custom, str) else None

    reviews, _ = project.review_state()
    use_language(site.language)
    generated = render_pages(catalog, site.clinic, site_url=site.site_url, clinic_reviews=reviews)
    docs = _docs(catalog, site, theme_dir, generated, reviews)
    for uri, signoff in content_page_reviews(project, reviews).items():
        text = docs.get(uri)
        if isinstance(text, str):
            docs[uri] = _with_review(text, signoff)
    files: Files = {f"docs/{u}": t for u, t in docs.items()}
    files.update({f"overrides/{uri}": t for uri, t in _overrides(theme_dir).items()})
    leaves = sorted(u for u in generated if u.endswith(".md") and u not in INDEX_PAGES)
    files["mkdocs.yml"] = _config_text(config, site.clinic.for_theme(), leaves)
    write_export(outdir, files)
    return len(files) + 1  # and its manifest


def _docs(
    catalog: Catalog,
    site: SiteSettings,
    theme_dir: Path | None,
    generated: dict[str, str],
    reviews: Mapping[tuple[str, str], SignOff],
) -> Files:
    """`docs/`: content pages, the theme's assets, then everything made from the catalog."""
    docs: Files = {}
    wording = wording_for(site.clinic)
    for file in walk_content(site.docs_dir).files:  # what the site publishes (checked)
        data = file.path.read_bytes()
        page = file.uri.endswith(".md")
        docs[file.uri] = fill_placeholders(data.decode("utf-8"), wording) if page else data
    if theme_dir is not None and (theme_dir / "assets").is_dir():
        docs.update({f"assets/{uri}": t for uri, t in _tree(theme_dir / "assets").items()})
    docs.update({f"assets/{uri}": t for uri, t in _tree(THEME_DIR / "assets").items()})
    json_ld = json_ld_pages(catalog, site.clinic, site.site_url, reviews)
    searched = searched_pages(catalog)
    pages = {
        uri: _generated_page(text, json_ld.get(uri), searchable=uri in searched)
        for uri, text in generated.items()
    }
    made = generated_files(catalog, site.clinic, site.docs_dir, site.site_url, pages, docs).files
    return {**docs, **made}


def _read_config(config_path: Path) -> dict[str, Any]:
    """`mkdocs.yml` as plain data; values MkDocs would compute (`!ENV`, ...) are refused."""
    file = str(config_path)
    if not config_path.exists():
        return {}
    data, _source, problems = read_yaml(
        read_bounded(config_path, file, error=SettingsError).decode("utf-8"), file
    )
    if problems or not isinstance(data, dict):
        raise SettingsError(problems or [Problem(file, 1, 1, "", "must be a mapping")])
    return data


def _config_text(config: dict[str, Any], clinic: dict[str, object], leaves: list[str]) -> str:
    """The clinic's settings for a plugin-free build."""
    out = dict(config)
    # Escaped, as the plugin gives it: the theme prints the site name unescaped.
    out["site_name"] = html.escape(str(clinic["name"]))
    out["docs_dir"] = "docs"
    out.pop("site_dir", None)
    theme = dict(out.get("theme") or {})
    theme["custom_dir"] = "overrides"
    if clinic.get("logo"):
        theme["logo"] = clinic["logo"]
    out["theme"] = theme
    plugins = out.get("plugins", ["search"])
    if isinstance(plugins, dict):  # MkDocs also takes a mapping
        out["plugins"] = {name: v for name, v in plugins.items() if name != PLUGIN}
    else:
        out["plugins"] = [p for p in plugins if _plugin_name(p) != PLUGIN]
    # Catalog pages are out of the navigation, as the plugin keeps them.
    out["not_in_nav"] = "".join(f"/{uri}\n" for uri in leaves)
    extra = dict(out.get("extra") or {})
    extra["clinic"] = clinic
    extra["content_security_policy"] = policy_for("")
    extra[PAGE_KINDS_SETTING] = list(PAGE_KIND_NOUNS)
    out["extra"] = extra
    header = (
        "# Written by `python -m generator export`: builds without the clinic-catalog plugin.\n"
    )
    return header + yaml.safe_dump(out, sort_keys=False, allow_unicode=True, width=1000)


def _plugin_name(plugin: object) -> object:
    return next(iter(plugin)) if isinstance(plugin, dict) and len(plugin) == 1 else plugin


def _generated_page(text: str, json_ld: str | None, *, searchable: bool) -> str:
    """A generated Markdown page with its JSON-LD in front matter; an entry's page is indexed by
    the engine's own search (as the plugin indexes it from the catalog), list pages are not."""
    if not text.startswith("---\n"):
        return text
    if searchable:
        text = text.replace(SEARCH_EXCLUDE, "", 1)
    if json_ld is not None:
        text = _with_meta(text, "json_ld", json_ld)
    return _with_policy(text)


def _with_policy(text: str) -> str:
    """A generated page with inline scripts of its own gets a policy allowing them by hash
    (content pages have none: they get the site's policy)."""
    policy = policy_for(text)
    return text if policy == policy_for("") else _with_meta(text, "csp", policy)


def _with_review(text: str, signoff: SignOff | None) -> str:
    """A content page's review line, as the plugin gives it (`pipeline.mark_review`)."""
    if signoff is None:
        return _with_meta(text, "review_pending", "yes")
    text = _with_meta(text, "signed_off_on", signoff.date.isoformat())
    return _with_meta(text, "signed_off_by", html.escape(signoff.by, quote=True))


def _with_meta(text: str, key: str, value: str) -> str:
    """`text` with `key: value` added to its front matter (made when it has none)."""
    line = f"{key}: {json.dumps(value, ensure_ascii=False)}\n"
    if text.startswith("---\n") and (end := text.find("\n---\n", 3)) != -1:
        return text[: end + 1] + line + text[end + 1 :]
    return f"---\n{line}---\n\n{text}"


def _overrides(theme_dir: Path | None) -> Files:
    """The theme's templates that work without the plugin (their words written in the site's
    language: export_words.py), plus the export's own."""
    files: Files = {}
    if theme_dir is not None and theme_dir.is_dir():
        for uri, text in _tree(theme_dir).items():
            if uri.startswith("assets/") or uri in PLUGIN_TEMPLATES:
                continue
            if isinstance(text, str) and any(name in text for name in PLUGIN_GLOBALS):
                problem = "uses the catalog plugin's templates; the export has no version of it"
                raise ProjectError([Problem(str(theme_dir / uri), 1, 1, "", problem)])
            files[uri] = with_words(text, str(theme_dir / uri)) if isinstance(text, str) else text
    files.update({u: t for u, t in _tree(THEME_DIR).items() if not u.startswith("assets/")})
    return files


def _tree(folder: Path) -> Files:
    """Every file under `folder` by its `/`-separated path (text when it is UTF-8), sorted."""
    files: Files = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        uri = path.relative_to(folder).as_posix()
        try:
            files[uri] = data.decode("utf-8") if path.suffix in {".md", ".html"} else data
        except UnicodeDecodeError:
            files[uri] = data
    return files
