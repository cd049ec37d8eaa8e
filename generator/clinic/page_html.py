"""What a content page's HTML may hold, judged on the tree a browser would build from it.

The HTML (a page's Markdown converted, its raw HTML included) is parsed by html5lib, which
follows the WHATWG parsing rules browsers follow: entities are decoded, names lower-cased and
`<svg>`/`<math>` content put in its own namespace, exactly as a browser would, so no spelling
trick (`JaVaScRiPt:`, `&#106;avascript:`, `<ScRiPt>`) reads differently here. Nothing that runs
script, redirects, frames another page, sends a form elsewhere or loads anything from another
host is allowed; plain links to other sites are.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import html5lib
from selectolax.lexbor import LexborHTMLParser

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
    # Browsers have changed how they read what a <select> holds; a page needs no form controls.
    "select": "<select> is not allowed in a page; remove it",
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
# SVG presentation attributes read as CSS values: `url(...)` in them loads what it names.
_CSS_VALUES = frozenset(
    {"fill", "stroke", "mask", "filter", "clip-path", "cursor"}
    | {"marker-start", "marker-mid", "marker-end", "marker"}
)


@dataclass(frozen=True)
class Finding:
    """One thing refused in a page, with text to look for in the source to locate it."""

    message: str
    needles: tuple[str, ...]


@dataclass(frozen=True)
class Element:
    """An element as a parser built it: local name and attribute names lower-cased."""

    tag: str
    attributes: dict[str, str]
    text: str  # what it holds as text (for <style>)


def parse(html: str) -> Any:
    """The fragment's tree by html5lib (ElementTree elements; HTML names without a namespace)."""
    parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree"), namespaceHTMLElements=False)
    return parser.parseFragment(html)


def findings(html: str) -> list[Finding]:
    """Every refused element, attribute and address in `html`, in document order.

    Two parsers read it, and what either builds is judged: html5lib as a fragment in a page,
    and Lexbor (selectolax) as a document, which follows today's parsing rules where they
    changed (a `</p>` that ends an `<svg>`) and merges `<body onload>` into the page's body.
    """
    first = [f for e in _html5lib_elements(html) for f in _judge(e)]
    counted = Counter(first)
    extra = []
    for finding in (f for e in _lexbor_elements(html) for f in _judge(e)):
        if counted[finding] > 0:
            counted[finding] -= 1
        else:
            extra.append(finding)
    return first + extra


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1].lower()


def _html5lib_elements(html: str) -> Iterator[Element]:
    for element in parse(html).iter():
        if isinstance(element.tag, str):  # not a comment
            attributes = {_local(k): str(v) for k, v in element.attrib.items()}
            yield Element(_local(element.tag), attributes, element.text or "")


def _lexbor_elements(html: str) -> Iterator[Element]:
    root = LexborHTMLParser(html).root
    for node in root.traverse() if root is not None else []:
        tag = str(node.tag or "")
        if not tag or tag.startswith(("-", "!")):
            continue  # text, comments, doctype
        attributes = {_local(str(k)): str(v or "") for k, v in node.attributes.items()}
        yield Element(_local(tag), attributes, node.text(deep=True) or "")


def _judge(element: Element) -> Iterator[Finding]:
    yield from _element(element)
    for name, value in element.attributes.items():
        yield from _attribute(element.tag, name, value)


def _element(element: Element) -> Iterator[Finding]:
    tag = element.tag
    if tag in _REFUSED:
        yield Finding(_REFUSED[tag], (f"<{tag}",))
    elif tag == "style":
        for address in css_addresses(element.text):
            yield Finding(_css_message(address), (address, "<style"))
    elif tag in _ANIMATIONS:
        # `xlink:href` animates the same link as `href`; a browser ignores the prefix.
        target = element.attributes.get("attributename", "").strip().rsplit(":", 1)[-1].lower()
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
    elif name in _CSS_VALUES:
        for address in css_addresses(value, of="value"):
            if problem := resource_problem(address, f"<{tag}> {name}"):
                yield Finding(problem, (address, name))
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
