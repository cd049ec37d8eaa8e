"""SVG files a clinic adds (logo, pictures, video posters) hold a drawing and nothing else.

An SVG opened on its own is a document on the site's origin: its scripts run there. So an SVG
with script, event handlers, embedded HTML (`foreignObject`), style sheets it links or any
reference outside itself (another host, `data:`, another file) is refused, each finding
located. It is parsed with defusedxml (no entity expansion, no external entities: an XML bomb
is refused, not expanded), as a stream of elements with their line and column.
"""

from __future__ import annotations

import io
import xml.sax
from typing import Any
from xml.sax.handler import ContentHandler, feature_namespaces

from defusedxml import DefusedXmlException
from defusedxml.expatreader import DefusedExpatParser

from generator.clinic.url_rules import css_addresses

SVG_NS = "http://www.w3.org/2000/svg"
XHTML_NS = "http://www.w3.org/1999/xhtml"
_REFUSED = {
    "script": "runs script",
    "foreignobject": "embeds HTML",
    "iframe": "embeds a page",
    "object": "embeds a file",
    "embed": "embeds a file",
    "handler": "runs script",
    "listener": "runs script",
}
_ANIMATIONS = frozenset({"set", "animate", "animatemotion", "animatetransform", "animatecolor"})
Found = tuple[int, int, str]


class _Drawing(ContentHandler):
    """Collects what is refused, with the line and column of the element it is in."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[Found] = []
        self.style: list[str] | None = None
        self.style_at = (1, 1)
        self.depth = 0
        self.locator: Any = None

    def setDocumentLocator(self, locator: Any) -> None:
        self.locator = locator

    def _here(self) -> tuple[int, int]:
        locator = self.locator
        if locator is None:
            return (1, 1)
        return (locator.getLineNumber() or 1, (locator.getColumnNumber() or 0) + 1)

    def _refuse(self, message: str, at: tuple[int, int] | None = None) -> None:
        line, column = at or self._here()
        self.found.append((line, column, message))

    def startElementNS(self, name: tuple[str | None, str], qname: Any, attrs: Any) -> None:
        uri, local = name[0] or "", name[1].lower()
        if self.depth == 0 and (uri, local) != (SVG_NS, "svg"):
            self._refuse("is not an SVG drawing (its first element must be <svg>)")
        self.depth += 1
        if local in _REFUSED:
            self._refuse(f"<{name[1]}> {_REFUSED[local]}; remove it")
        elif uri == XHTML_NS:
            self._refuse(f"HTML element <{name[1]}> is not allowed in a drawing; remove it")
        if local == "style":
            self.style, self.style_at = [], self._here()
        values = {key[1].lower(): str(value) for key, value in attrs.items()}
        if local in _ANIMATIONS:
            target = values.get("attributename", "").rsplit(":", 1)[-1].lower()
            if target == "href" or target.startswith("on"):
                self._refuse(f"<{name[1]}> may not change '{target}'; remove it")
        for attribute, value in values.items():
            self._attribute(attribute, value)

    def _attribute(self, attribute: str, value: str) -> None:
        if attribute.startswith("on"):
            self._refuse(f"event handler '{attribute}' runs script; remove it")
        elif attribute == "href":
            if not value.strip().startswith("#"):
                self._refuse(f"refers to '{value[:60]}'; a drawing may refer only to its own parts")
        elif "url" in value.lower() or "\\" in value or attribute == "style":
            self._css(value, "declarations" if attribute == "style" else "value")

    def _css(self, css: str, of: str, at: tuple[int, int] | None = None) -> None:
        for address in css_addresses(css, of=of):
            if not address.startswith("#"):
                shown = "@import" if address == "@import" else f"url({address[:60]})"
                message = f"a style loads {shown}; a drawing may use only its own parts"
                self._refuse(message, at)

    def characters(self, content: str) -> None:
        if self.style is not None:
            self.style.append(content)

    def endElementNS(self, name: tuple[str | None, str], qname: Any) -> None:
        self.depth -= 1
        if name[1].lower() == "style" and self.style is not None:
            self._css("".join(self.style), "sheet", self.style_at)
            self.style = None

    def processingInstruction(self, target: str, data: str) -> None:
        self._refuse(f"<?{target}?> instructions are not allowed in a drawing; remove it")


def svg_problems(data: bytes) -> list[Found]:
    """(line, column, message) for everything refused in an SVG file's bytes."""
    drawing = _Drawing()
    parser = DefusedExpatParser(forbid_dtd=False, forbid_entities=True, forbid_external=True)
    parser.setFeature(feature_namespaces, True)
    parser.setContentHandler(drawing)
    try:
        parser.parse(io.BytesIO(data))
    except DefusedXmlException:
        return [(1, 1, "declares XML entities or external files; remove the <!DOCTYPE> part")]
    except xml.sax.SAXParseException as error:
        line, column = error.getLineNumber() or 1, (error.getColumnNumber() or 0) + 1
        return [(line, column, f"is not a valid SVG file: {error.getMessage()}")]
    if drawing.depth == 0 and not drawing.found and not data.strip():
        return [(1, 1, "is empty; save the drawing as SVG")]
    return drawing.found
