"""Content-Security-Policy for built pages: only the site itself, the theme's inline scripts by
hash. A page's content never adds a hash: content pages may hold no script (`check` refuses
one), and a script that got there anyway stays blocked."""

from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(
    r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.DOTALL | re.IGNORECASE
)
_DATA_TYPE = re.compile(r"""type\s*=\s*["']?application/(?:ld\+)?json""", re.IGNORECASE)
_HEAD = re.compile(r"<head[^>]*>", re.IGNORECASE)


_SCRIPT_SRC = "script-src 'self'"


def script_source(body: str) -> str:
    """How a policy names one inline script: `'sha256-...'`."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"


def policy_for(html: str) -> str:
    """The policy for one page: the page's own inline scripts are allowed by their hashes."""
    hashes = sorted(
        {
            script_source(m["body"])
            for m in _INLINE_SCRIPT.finditer(html)
            if "src=" not in m["attrs"].lower() and not _DATA_TYPE.search(m["attrs"])
        }
    )
    directives = [
        "default-src 'self'",
        " ".join([_SCRIPT_SRC, *hashes]),
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "media-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    return "; ".join(directives)


def add_policy(html: str, content: str = "") -> str:
    """`html` with a Content-Security-Policy meta element first in its head (if it has one);
    the inline scripts of `content` (the page's own part of `html`) get no hash."""
    head = _HEAD.search(html)
    if head is None:
        return html
    theme_only = html.replace(content, "", 1) if content else html
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(theme_only)}">'
    return html[: head.end()] + "\n    " + meta + html[head.end() :]


def allow_script(html: str, body: str) -> str:
    """`html` whose policy (written by `add_policy`) also allows the inline script `body`, and
    nothing else: how the preview allows the reload script its server adds to each page."""
    at = html.find('<meta http-equiv="Content-Security-Policy"')
    if at < 0:
        return html
    at = html.index(_SCRIPT_SRC, at) + len(_SCRIPT_SRC)
    return html[:at] + " " + script_source(body) + html[at:]
