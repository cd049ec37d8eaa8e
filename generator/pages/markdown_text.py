"""Turn catalog text into inert page text: it reads the same, and can never become markup.

Catalog strings are plain text. Before they reach a page we collapse whitespace to one line,
HTML-escape `<`, `>` and `&`, and backslash-escape every character that Python-Markdown or
our enabled extensions could read as syntax. The site enables no inline extension whose
syntax is outside this set.

Inside raw HTML blocks (which Python-Markdown passes through untouched, and converts much
faster than the same content written as Markdown) text is HTML-escaped only: `escape_html`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from markupsafe import Markup

# Characters with inline meaning anywhere in a line; each has a backslash escape in
# Python-Markdown (ESCAPED_CHARS, plus `|` from the tables extension).
_INLINE = re.compile(r"([\\`*_{}\[\]|])")
# Characters with block meaning at the start of a line (headings, lists, setext, fences).
_LEADING = {
    "#": "&#35;",
    "-": "&#45;",
    "+": "&#43;",
    "=": "&#61;",
    "~": "&#126;",
    "!": "&#33;",
    "?": "&#63;",
    ":": "&#58;",
}
_ORDERED_LIST = re.compile(r"^(\d+)([.)])")
_HTML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})
_WHITESPACE = re.compile(r"\s+")


@functools.lru_cache(maxsize=65536)
def escape_text(text: str) -> Markup:
    """Plain text -> one line of Markdown that renders back to exactly that text."""
    line = _WHITESPACE.sub(" ", text).strip()
    line = line.translate(_HTML)
    line = _INLINE.sub(r"\\\1", line)
    if line[:1] in _LEADING:
        line = _LEADING[line[0]] + line[1:]
    line = _ORDERED_LIST.sub(lambda m: f"{m[1]}&#{ord(m[2])};", line)
    return Markup(line)


@functools.lru_cache(maxsize=65536)
def escape_heading(text: str) -> Markup:
    """Plain text -> the text of a Markdown heading (after `## `) that renders back to `text`.

    Inside a heading line nothing is at the start of a line, but closing `#`s would be read as
    the end of the heading.
    """
    line = _INLINE.sub(r"\\\1", _WHITESPACE.sub(" ", text).strip().translate(_HTML))
    return Markup(line[:-1] + "\\#" if line.endswith("#") else line)


@functools.lru_cache(maxsize=65536)
def escape_html(text: str) -> Markup:
    """Plain text -> one line of HTML text (for raw HTML blocks) that reads exactly as `text`."""
    return Markup(_WHITESPACE.sub(" ", text).strip().translate(_HTML))


def html_list(items: Iterable[str], tag: str = "ul", *, close: bool = False) -> Markup:
    """A list as a raw HTML block, each item HTML-escaped.

    `</li>` is optional in HTML and left out (less for Python-Markdown to parse), except inside
    a `markdown` block (`close=True`): md_in_html re-parses nested HTML and would nest the items.
    """
    if tag not in ("ul", "ol"):
        raise ValueError(f"not a list element: {tag!r}")
    end = "</li>\n" if close else "\n"
    body = "".join(f"<li>{escape_html(item)}{end}" for item in items)
    return Markup(f"<{tag}>\n{body}</{tag}>")


def finalize(value: object) -> object:
    """Jinja `finalize`: every `{{ }}` is escaped unless a helper marked it as trusted Markup."""
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return escape_text(value)
    return value
