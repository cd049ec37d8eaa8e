"""The MkDocs glue: live reload watches the catalog and the templates, and its script runs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config import load_config

from generator.engine.plugin import CatalogPlugin
from generator.pages.render import TEMPLATE_DIR
from generator.site_files.csp import add_policy, script_source
from tests.conftest import ROOT


class RecordingServer:
    def __init__(self) -> None:
        self.watched: list[str] = []

    def watch(self, path: str, *args: Any, **kwargs: Any) -> None:
        self.watched.append(path)

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        end = content.rindex(b"</body>")
        return content[:end] + b"<script>reload(%d)</script>" % epoch + content[end:]


def test_serve_reloads_on_catalog_and_template_changes() -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    plugin = config.plugins["clinic-catalog"]
    assert isinstance(plugin, CatalogPlugin)
    plugin.on_config(config)
    server = RecordingServer()
    plugin.on_serve(server, config=config, builder=None)  # type: ignore[arg-type]
    assert str(ROOT / "exercises.yaml") in server.watched
    assert str(TEMPLATE_DIR) in server.watched
    assert Path(server.watched[0]).name == "exercises.yaml"
    page = add_policy("<html><head></head><body></body></html>").encode()
    served = server._inject_js_into_html(page, 7).decode()
    assert script_source("reload(7)") in served  # the page's policy allows the reload script


def test_clinic_settings_reach_the_generated_pages() -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    plugin = config.plugins["clinic-catalog"]
    plugin.on_config(config)
    assert plugin.settings.name == config.extra["clinic"]["name"]
    assert plugin.settings.name != "Your Physiotherapy Clinic"


def test_the_build_checks_a_content_pages_html_again(tmp_path: Path) -> None:
    """Whatever made the HTML (an extension `check` could not load), the build refuses a
    script in it, located in the page's Markdown."""
    from mkdocs.exceptions import PluginError
    from mkdocs.structure.files import File
    from mkdocs.structure.pages import Page

    config = load_config(str(ROOT / "mkdocs.yml"))
    plugin = config.plugins["clinic-catalog"]
    assert isinstance(plugin, CatalogPlugin)
    source = "# Page\n\n!!! note\n    made by an extension\n\n<b onclick=x()>bold</b>\n"
    docs = tmp_path / "content"
    docs.mkdir()
    (docs / "page.md").write_text(source, encoding="utf-8")
    config.docs_dir = str(docs)
    page = Page(None, File("page.md", str(docs), str(tmp_path / "site"), False), config)
    html = '<p>Fine</p><p><b onclick="x()">bold</b></p>'
    try:
        plugin.on_page_content(html, page=page, config=config, files=None)  # type: ignore[arg-type]
    except PluginError as error:
        assert "content/page.md:6:4: event handler 'onclick' runs script" in str(error)
    else:
        raise AssertionError("the script was not refused")
    assert plugin.on_page_content("<p>Fine</p>", page=page, config=config, files=None) == (  # type: ignore[arg-type]
        "<p>Fine</p>"
    )
