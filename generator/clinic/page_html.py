"""What a content page's HTML may hold, judged on the tree a browser would build from it.

The HTML (a page's Markdown converted, its raw HTML included) is parsed by html5lib, which
follows the WHATWG parsing rules browsers follow: entities are decoded, names lower-cased and
`<svg>`/`<math>` content put in its own namespace, exactly as a browser would, so no spelling
trick (`JaVaScRiPt:`, `&#106;avascript:`, `<ScRiPt>`) reads differently here. Nothing that runs
script, redirects, frames another page, sends a form elsewhere or loads anything from another
host is allowed; plain links to other sites are.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import html5lib

from generator.clinic.url_rules import (
    css_addresses,
    leaves_site,
    link_problem,
    resource_problem,
    srcset_addresses,
)

# Elements refused wherever they are, with what to do instead.
_REFUSED = {
    "script": "scripts cannot run from content pages; remove the <script> element",
    "iframe": "frames are not allowed; link to the page instead",
    "frame": "frames are not allowed; link to the page instead",
    "frameset": "frames are not allowed; link to the page instead",
    "portal": "embedded pages are not allowed; link to the page instead",
    "fencedframe": "embedded pages are not allowed; link to the page instead",
    "object": "<object> is not allowed; use a picture or a video file in content/",
    "embed": "<embed> is not allowed; use a picture or a video file in content/",
    "applet": "<applet> is not allowed; remove it",
    "base": "<base> changes where every link goes; remove it",
    "meta": "<meta> is not allowed in a page (the theme writes the page's head); remove it",
    "link": "<link> is not allowed in a page (the theme loads styles); remove it",
    "foreignobject": "<foreignObject> is not allowed in a drawing; remove it",
    "handler": "<handler> runs script; remove it",
    # A browser running script reads <noscript> as text, html5lib as markup: they disagree.
    "noscript": "<noscript> is not needed (pages work without script); remove it",
    "listener": "<listener> runs script; remove it",
}
# Attributes that load what they name, by element ("*": any element).
_LOADS = {
    "src": "*",
    "poster": "*",
    "data": {"object"},
    "background": "*",
    "lowsrc": "*",
    "dynsrc": "*",
    "longdesc": "*",
    "manifest": "*",
    "codebase": "*",
    "archive": "*",
}
_LINKS = frozenset({"a", "area"})
_ANIMATIONS = frozenset({"set", "animate", "animatemotion", "animatetransform", "animatecolor"})
SVG = "{http://www.w3.org/2000/svg}"


@dataclass(frozen=True)
class Finding:
    """One thing refused in a page, with text to look for in the source to locate it."""

    message: str
    needles: tuple[str, ...]


def parse(html: str) -> Any:
    """The fragment's tree (ElementTree elements; HTML names without a namespace)."""
    parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree"), namespaceHTMLElements=False)
    return parser.parseFragment(html)


def findings(html: str) -> list[Finding]:
    """Every refused element, attribute and address in `html`, in document order."""
    return list(_walk(parse(html)))


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1].lower()


def _walk(root: Any) -> Iterator[Finding]:
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # comments
        tag = _local(element.tag)
        yield from _element(element, tag)
        for name, value in element.attrib.items():
            yield from _attribute(tag, _local(name), str(value))


def _element(element: Any, tag: str) -> Iterator[Finding]:
    if tag in _REFUSED:
        yield Finding(_REFUSED[tag], (f"<{tag}",))
    elif tag == "style":
        for address in css_addresses(element.text or ""):
            yield Finding(_css_message(address), (address, "<style"))
    elif tag in _ANIMATIONS:
        names = {_local(k): str(v) for k, v in element.attrib.items()}
        target = _local(names.get("attributename", ""))
        if target == "href" or target.startswith("on"):
            yield Finding(f"<{tag}> may not change '{target}'; remove it", (f"<{tag}",))


def _attribute(tag: str, name: str, value: str) -> Iterator[Finding]:
    needles = (value, name) if value else (name,)
    if name.startswith("on"):
        yield Finding(f"event handler '{name}' runs script; remove it", (name, f"<{tag}"))
    elif name in {"srcdoc", "http-equiv", "ping"}:
        yield Finding(f"attribute '{name}' is not allowed; remove it", (name, f"<{tag}"))
    elif name == "style":
        for address in css_addresses(value, of="declarations"):
            yield Finding(_css_message(address), (address, "style"))
    elif name in {"href", "xlink:href"}:
        # A link is followed when clicked; any other element's href (SVG <use>, <image>,
        # MathML) loads what it names.
        in_link = tag in _LINKS
        problem = link_problem(value) if in_link else resource_problem(value, f"<{tag}>")
        if problem:
            yield Finding(problem, needles)
    elif name in {"action", "formaction"}:
        problem = link_problem(value)
        if problem is None and leaves_site(value):
            problem = "a form may not send what patients type to another site"
        if problem:
            yield Finding(problem, needles)
    elif name in {"srcset", "imagesrcset"}:
        for address in srcset_addresses(value):
            if problem := resource_problem(address, f"<{tag}>"):
                yield Finding(problem, (address, name))
    elif name in _LOADS and (_LOADS[name] == "*" or tag in _LOADS[name]):
        problem = resource_problem(value, f"<{tag}> {name}")
        if problem:
            yield Finding(problem, needles)


def _css_message(address: str) -> str:
    if address == "@import":
        return "@import in a style is not allowed; styles come from the theme"
    return (
        f"a style may not load files (url({address[:60]})); "
        "show a picture with an image instead (Markdown ![text](file.png))"
    )
