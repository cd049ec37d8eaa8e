"""Messages for the YAML slips people make most, in words a clinic manager understands.

libyaml reports what its grammar expected ("did not find expected key"); these say what was
typed and what to do: which line a mis-indented line should line up with, that a ': ' inside
a value needs quotes, that a '- ' line was read as part of the text above it.
"""

from __future__ import annotations

import re
from typing import Any

# A line holding a key: indentation, an optional list dash, the key, a colon.
_KEY_LINE = re.compile(r"^( *)(- +)?([^\s#'\"\-\[{][^:#]*?):(?:\s|$)")
_INDENTATION_PROBLEMS = (
    "did not find expected key",
    "did not find expected '-' indicator",
    "expected <block end>",
)
_LOOK_BACK = 400  # lines searched for the line to line up with


def indentation_message(problem: str, text: str, line: int) -> str | None:
    """For a parser error on 0-based `line` that comes from its indentation: which line above
    it to line up with; None when the indentation is not the likely cause."""
    lines = text.splitlines()
    if line >= len(lines) or not problem.startswith(_INDENTATION_PROBLEMS):
        return None
    written = lines[line]
    typed = written.lstrip(" ")
    if not typed or typed.startswith("#"):
        return None
    indent = len(written) - len(typed)
    if typed == "-" or typed.startswith("- "):
        return _item_message(lines, line, indent)
    best: tuple[int, int, int, str] | None = None  # (distance, lines back, column, key)
    for number in range(line - 1, max(line - _LOOK_BACK, 0) - 1, -1):
        found = _KEY_LINE.match(lines[number])
        if found is None:
            continue
        column = len(found[1]) + len(found[2] or "")
        candidate = (abs(column - indent), line - number, column, found[3])
        if column != indent and (best is None or candidate[:2] < best[:2]):
            best = candidate
        if column == 0:
            break  # a top-level key: nothing above it is in the same section
    if best is None:
        return None
    _, back, column, key = best
    what = typed.split(":", 1)[0] if _KEY_LINE.match(typed) else typed[:30]
    return (
        f"line {line + 1} is indented {_spaces(indent)}, which does not line up with the lines "
        f"around it: start '{what}' under '{key}' on line {line + 1 - back} "
        f"({_spaces(column)}); YAML reads the structure from the indentation"
    )


def _item_message(lines: list[str], line: int, indent: int) -> str | None:
    """A mis-indented list item: the '-' above it to line it up with (the nearest whose
    indentation is closest)."""
    best: tuple[int, int, int] | None = None  # (distance, lines back, column)
    for number in range(line - 1, max(line - _LOOK_BACK, 0) - 1, -1):
        typed = lines[number].lstrip(" ")
        if typed == "-" or typed.startswith("- "):
            column = len(lines[number]) - len(typed)
            candidate = (abs(column - indent), line - number, column)
            if column != indent and (best is None or candidate[:2] < best[:2]):
                best = candidate
    if best is None:
        return None
    _, back, column = best
    return (
        f"line {line + 1} is indented {_spaces(indent)}, which does not line up with the list "
        f"above it: line its '-' up with the '-' on line {line + 1 - back} ({_spaces(column)}); "
        "YAML reads the structure from the indentation"
    )


def missing_space_message(text: str, line: int) -> str | None:
    """For "could not find expected ':'" about the key that began on 0-based `line`: a
    `key:value` written without the space YAML needs after the colon."""
    lines = text.splitlines()
    if line >= len(lines):
        return None
    written = lines[line].strip()
    found = re.match(r"^(- +)?([A-Za-z_][\w-]*):(\S.*)$", written)
    if found is None:
        return (
            f"line {line + 1} is read as a key, but has no ': ' after it; write 'key: value', "
            "or put text that continues a value in quotes"
        )
    return f"'{found[2]}:' needs a space after the colon: write '{found[2]}: {found[3]}'"


def colon_message(problem: str, text: str, line: int, column: int) -> str | None:
    """For "mapping values are not allowed here" on a line `key: some text: more`: the value
    holds ': ', which needs quotes. None for other lines."""
    lines = text.splitlines()
    if line >= len(lines) or not problem.startswith("mapping values are not allowed"):
        return None
    written = lines[line]
    found = _KEY_LINE.match(written)
    if found is None or found.end() > column:
        return None
    value = written[found.end() :].strip()
    return (
        f"the value of '{found[3]}' holds ': ', which YAML reads as the start of another "
        f'key; put the whole value in quotes: {found[3]}: "{_quoted(value)}"'
    )


_HASH_VALUE = re.compile(r"([\w-]+): +(#\S*?)[,}\]]?(?:\s|$)")


def hash_comment_message(text: str, line: int) -> tuple[int, str] | None:
    """For a list or mapping in brackets that YAML finds unclosed, opened on 0-based `line`: a
    value there starting with '#' (a colour), which YAML read as a comment, as the 0-based
    column of the '#' and the message. None otherwise."""
    lines = text.splitlines()
    if line >= len(lines):
        return None
    found = _HASH_VALUE.search(lines[line])
    if found is None or not {"{", "["} & set(lines[line][: found.start()]):
        return None  # a '#' outside brackets is a comment the author meant
    return found.start(2), (
        f"YAML reads everything from the '#' of '{found[2]}' to the end of the line as a "
        f'comment; put the value in quotes: {found[1]}: "{found[2]}"'
    )


def mapping_for_text(value: Any) -> str | None:
    """A value that should be text but was read as a one-pair mapping because it held ': '
    (`- Relax: let go`): the message saying to quote it, else None."""
    if not (isinstance(value, dict) and len(value) == 1):
        return None
    ((key, rest),) = value.items()
    if not isinstance(key, str) or not isinstance(rest, str | int | None):
        return None
    written = f"{key}: {rest}" if rest is not None else f"{key}:"
    return (
        "must be text, but the ': ' in it made YAML read it as 'key: value'; put the whole "
        f'text in quotes: "{_quoted(written)}"'
    )


def merged_item_message(first_line: str, start_column: int, in_list: bool, line: int) -> str:
    """A '- ' line that YAML joined to the text above it (it is indented further than that
    text's dash): what to line it up with. Lines are 1-based here, columns 0-based."""
    before = first_line[:start_column].rstrip()
    if in_list and before.endswith("-"):
        dash = len(before) - 1
        fix = (
            f"to make it a new item, line its '-' up with the '-' on line {line} "
            f"({_spaces(dash)} before it)"
        )
    else:
        fix = "to make a list, start each item on its own line with '- ', under the key"
    return (
        f"a line starting with '- ' is read as part of this text (YAML joins lines that are "
        f"indented further); {fix}; if the dash belongs to the text, put the text in quotes"
    )


def _spaces(count: int) -> str:
    return "1 space" if count == 1 else f"{count} spaces"


def _quoted(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"')
