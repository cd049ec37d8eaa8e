"""What an address in a clinic's content may point to, read as a browser reads it.

A picture, video or frame must come from the site itself (a relative address); a link a
patient clicks may also go to another site, by `http:`, `https:`, `mailto:` or `tel:`, but
never run script (`javascript:`) or open a document made of the address itself (`data:`).
Addresses inside CSS (`url(...)`, `@import`) are found by tinycss2, a CSS parser, so escapes
and comments cannot hide them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import tinycss2

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
_CSS_URL_FUNCTIONS = frozenset({"url", "src", "image", "image-set", "-webkit-image-set"})


def as_browser_reads(address: str) -> str:
    """`address` as the URL parser sees it: leading and trailing controls and spaces
    stripped, tabs and newlines removed anywhere (`java\\tscript:` is `javascript:`)."""
    stripped = address.strip("".join(chr(c) for c in range(0x21)))
    return re.sub(r"[\t\n\r]", "", stripped)


def scheme(address: str) -> str | None:
    """The scheme in lower case (`javascript`), or None for a relative address."""
    match = _SCHEME.match(as_browser_reads(address))
    return match[1].lower() if match else None


def leaves_site(address: str) -> bool:
    """Whether the address names another host: a scheme, or `//host` (`\\` counts as `/`)."""
    cleaned = as_browser_reads(address)
    return scheme(cleaned) is not None or re.match(r"[/\\]{2}", cleaned) is not None


def resource_problem(address: str, what: str) -> str | None:
    """Why a picture, video, frame or style may not load from `address` (None: it may)."""
    kind = scheme(address)
    if kind in {"javascript", "vbscript"}:
        return f"{what} address runs script ({kind}:); remove it"
    if kind == "data":
        return f"{what} is written into the page (data:); save it as a file in content/"
    if leaves_site(address):
        shown = as_browser_reads(address)[:80]
        return (
            f"{what} loads from another site ({shown}); download it into content/ "
            "and use its address there"
        )
    return None


def link_problem(address: str) -> str | None:
    """Why a link may not go to `address` (None: it may)."""
    kind = scheme(address)
    if kind is None or kind in LINK_SCHEMES:
        return None
    if kind in {"javascript", "vbscript"}:
        return f"link runs script ({kind}:); link to a page instead"
    return f"link uses '{kind}:'; only https:, http:, mailto:, tel: and addresses in the site work"


def srcset_addresses(value: str) -> list[str]:
    """Every address in a `srcset` (comma-separated `address [width]` candidates)."""
    return [part.split()[0] for part in value.split(",") if part.split()]


def css_addresses(css: str, *, of: str = "sheet") -> list[str]:
    """Every address CSS loads (`url()`, `image-set()`, `@import`), escapes decoded: from a
    style sheet (`of="sheet"`), a `style` attribute (`"declarations"`) or one value
    (`"value"`, such as SVG's `fill="url(#shade)"`)."""
    if of == "declarations":
        nodes: Iterable[object] = tinycss2.parse_blocks_contents(css)
    elif of == "value":
        nodes = tinycss2.parse_component_value_list(css)
    else:
        nodes = tinycss2.parse_stylesheet(css)
    return list(_addresses(nodes))


def _addresses(nodes: Iterable[object]) -> Iterator[str]:
    for node in nodes:
        kind = getattr(node, "type", None)
        if kind == "url":
            yield str(getattr(node, "value", ""))
        elif kind == "at-rule" and getattr(node, "lower_at_keyword", "") == "import":
            yield "@import"
        elif kind == "function" and getattr(node, "lower_name", "") in _CSS_URL_FUNCTIONS:
            strings = [a for a in getattr(node, "arguments", []) if a.type == "string"]
            yield from (str(s.value) for s in strings) if strings else ["url()"]
        for child in ("prelude", "content", "value", "arguments"):
            inner = getattr(node, child, None)
            if isinstance(inner, list):
                yield from _addresses(inner)
