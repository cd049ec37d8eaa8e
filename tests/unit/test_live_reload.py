"""The preview's page policy allows exactly the reload script MkDocs' server adds, and a built
page's policy does not: checked on MkDocs' own injection, not on a copy of it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs.livereload import LiveReloadServer

from generator.engine.live_reload import added_script, allow_reload_script
from generator.site_files.csp import add_policy, script_source

PAGE = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8">'
    "<script>var theme=1</script><title>T</title></head>"
    "<body><h1>Héllo</h1></body></html>"
)


def script_src(html: str) -> list[str]:
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html)
    assert policy is not None
    directive = next(d for d in policy[1].split("; ") if d.startswith("script-src "))
    return directive.split()[1:]


def inline_scripts(html: str) -> list[str]:
    return re.findall(r"<script>(.*?)</script>", html, re.DOTALL)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[LiveReloadServer]:
    served = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    yield served
    served.server_close()


def test_the_served_page_allows_exactly_its_reload_script(server: LiveReloadServer) -> None:
    built = add_policy(PAGE)
    allow_reload_script(server)
    served = server._inject_js_into_html(built.encode(), 1234).decode()
    scripts = inline_scripts(served)
    assert len(scripts) == 2 and "livereload(1234," in scripts[1]
    assert script_src(served) == [
        *script_src(built)[:1],
        script_source(scripts[1]),
        *script_src(built)[1:],
    ]
    assert sorted(script_src(served)) == sorted(["'self'", *map(script_source, scripts)])
    assert "<h1>Héllo</h1>" in served


def test_a_built_page_does_not_allow_a_reload_script(server: LiveReloadServer) -> None:
    built = add_policy(PAGE)
    unwrapped = server._inject_js_into_html(built.encode(), 1234).decode()
    reload_script = inline_scripts(unwrapped)[1]
    assert script_source(reload_script) not in script_src(built)
    assert script_src(unwrapped) == script_src(built)  # MkDocs alone leaves it refused


def test_only_one_plain_script_before_the_body_end_is_taken() -> None:
    page = b"<html><body>x</body></html>"
    assert added_script(page, b"<html><body>x<script>go()</script></body></html>") == "go()"
    assert added_script(page, b"<html><body>x<script src=a.js></script></body></html>") is None
    assert added_script(page, b"<html><body>y<script>go()</script></body></html>") is None
    two = b"<html><body>x<script>a()</script><script>b()</script></body></html>"
    assert added_script(page, two) is None
    assert added_script(b"no body", b"no body<script>go()</script>") == "go()"
