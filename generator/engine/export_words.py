"""The theme's words written into an exported project's templates, in the site's language.

An exported project is built by engines without Jinja's i18n extension (Zensical's templates
know no `{% trans %}`), so each `{% trans %}` block of a theme template is replaced by its
message in the active language, its fields written back as `{{ expression }}`. The template
is read with Jinja's own lexer; a block this cannot write (a plural, a message holding
template syntax) is a located error.
"""

from __future__ import annotations

import re

import jinja2

from generator.messages import active
from generator.source.errors import Problem, ProjectError

_FIELD = re.compile(r"%\((\w+)\)s|%%")
_LINES = re.compile(r"\s*\n\s*")  # as Jinja trims a message (ext.i18n.trimmed)
_LEXER = jinja2.Environment(extensions=["jinja2.ext.i18n"]).lexer
_OPEN = ("(", "[", "{")
_CLOSE = (")", "]", "}")


def with_words(source: str, name: str) -> str:
    """`source` with each `{% trans %}` block written out in the active language (unchanged
    when it has none)."""
    tokens = [(line, kind, value) for line, kind, value in _LEXER.tokeniter(source, name)]
    if not any(kind == "name" and value == "trans" for _, kind, value in tokens):
        return source
    out: list[str] = []
    index = 0
    while index < len(tokens):
        if _is_tag(tokens, index, "trans"):
            text, index = _trans_block(tokens, index, name)
            out.append(text)
        else:
            out.append(tokens[index][2])
            index += 1
    return "".join(out)


def _is_tag(tokens: list[tuple[int, str, str]], index: int, tag: str) -> bool:
    """Whether a block tag named `tag` starts at `index` (`{%`, optional space, its name)."""
    if tokens[index][1] != "block_begin":
        return False
    following = [t for t in tokens[index + 1 : index + 3] if t[1] != "whitespace"]
    return bool(following) and following[0][1] == "name" and following[0][2] == tag


def _trans_block(tokens: list[tuple[int, str, str]], start: int, name: str) -> tuple[str, int]:
    """The message of the block at `start`, translated, and the index after `{% endtrans %}`."""
    line = tokens[start][0]
    index = start + 1
    while tokens[index][2] != "trans":
        index += 1
    header: list[tuple[int, str, str]] = []
    index += 1
    while tokens[index][1] != "block_end":
        header.append(tokens[index])
        index += 1
    index += 1
    fields, trimmed = _header(header, name, line)
    body: list[str] = []
    while not _is_tag(tokens, index, "endtrans"):
        kind, value = tokens[index][1], tokens[index][2]
        if kind == "data":
            body.append(value.replace("%", "%%"))
        elif kind == "name":
            body.append(f"%({value})s")
            fields.setdefault(value, value)
        elif kind == "block_begin":
            _refuse(name, tokens[index][0], "a plural or a tag inside {% trans %}")
        index += 1
    while tokens[index][1] != "block_end":
        index += 1
    message = "".join(body)
    if trimmed:
        message = _LINES.sub(" ", message.strip())
    return _written(active.gettext(message), fields, name, line), index + 1


def _header(
    header: list[tuple[int, str, str]], name: str, line: int
) -> tuple[dict[str, str], bool]:
    """The block's fields (name -> expression source) and whether its message is trimmed."""
    parts: list[list[tuple[int, str, str]]] = [[]]
    depth = 0
    for token in header:
        depth += token[2] in _OPEN and token[1] == "operator"
        depth -= token[2] in _CLOSE and token[1] == "operator"
        if token[1] == "operator" and token[2] == "," and depth == 0:
            parts.append([])
        else:
            parts[-1].append(token)
    fields: dict[str, str] = {}
    trimmed = True
    for part in parts:
        at = [i for i, t in enumerate(part) if t[1] != "whitespace"]
        words = [part[i] for i in at]
        if words and words[0][1] == "name" and words[0][2] in ("trimmed", "notrimmed"):
            trimmed = words[0][2] == "trimmed"
            at, words = at[1:], words[1:]
        if not words:
            continue
        if len(words) >= 3 and words[0][1] == "name" and words[1][2] == "=":
            fields[words[0][2]] = "".join(t[2] for t in part[at[2] :]).strip()
        elif len(words) == 1 and words[0][1] == "name":
            fields[words[0][2]] = words[0][2]
        else:
            _refuse(name, line, "a {% trans %} header other than name=expression pairs")
    return fields, trimmed


def _written(message: str, fields: dict[str, str], name: str, line: int) -> str:
    """The translated message as template text: each field as `{{ (expression) }}`."""
    if any(mark in message for mark in ("{{", "{%", "{#")):
        _refuse(name, line, "a translated message holding template syntax")

    def field(match: re.Match[str]) -> str:
        return "%" if match.group(1) is None else f"{{{{ ({fields[match.group(1)]}) }}}}"

    return _FIELD.sub(field, message)


def _refuse(name: str, line: int, what: str) -> None:
    problem = f"the export cannot write {what} (theme template); use the plugin's build"
    raise ProjectError([Problem(name, line, 1, "", problem)])
