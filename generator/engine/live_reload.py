"""The preview's reload script, allowed by the page's Content-Security-Policy and nothing more.

`mkdocs serve` adds an inline script to every HTML page it serves; it asks the server whether
the site was rebuilt, and reloads the page when it was. Each copy differs (it holds the build's
time and a request id), so no hash made at build time can allow it: the server's injection is
wrapped to add the hash of exactly the script it added to that page's policy. A built site
never holds it, nor a policy that allows it.
"""

from __future__ import annotations

from collections.abc import Callable

from mkdocs.livereload import LiveReloadServer

from generator.site_files.csp import allow_script

_OPEN, _CLOSE = b"<script>", b"</script>"


def allow_reload_script(server: LiveReloadServer) -> None:
    """Make `server` add its reload script's hash to each served page's policy."""
    inject: Callable[[bytes, int], bytes] = server._inject_js_into_html

    def inject_allowed(content: bytes, epoch: int) -> bytes:
        injected = inject(content, epoch)
        script = added_script(content, injected)
        if script is None:
            return injected
        html = injected.decode("utf-8", "surrogateescape")
        return allow_script(html, script).encode("utf-8", "surrogateescape")

    server._inject_js_into_html = inject_allowed  # type: ignore[method-assign]


def added_script(content: bytes, injected: bytes) -> str | None:
    """The body of the one `<script>` element the server added before `</body>`, or None if
    it added something else (then the page keeps its policy, and the script is refused)."""
    end = content.rfind(b"</body>")
    at = len(content) if end < 0 else end
    added = injected[at : at + len(injected) - len(content)]
    if injected[:at] != content[:at] or injected[at + len(added) :] != content[at:]:
        return None
    if not (added.startswith(_OPEN) and added.endswith(_CLOSE)):
        return None
    body = added[len(_OPEN) : -len(_CLOSE)]
    if _OPEN[:-1] in body.lower() or _CLOSE[:-1] in body.lower():
        return None
    return body.decode("utf-8", "surrogateescape")
