"""Where forbidden characters are written in a YAML file, as libyaml counts lines and columns.

One scan of the whole text: a file without any costs the reader nothing more, and each one
found is reported at its own line and column (a NUL byte too, which libyaml refuses without
saying where).
"""

from __future__ import annotations

import bisect
import re

from generator.source.errors import Problem
from generator.source.text_safety import FORBIDDEN_RAW, FORBIDDEN_RAW_OR_TAB, forbidden_message

MAX_REPORTED = 20  # characters reported when a file holds many forbidden ones
Written = tuple[int, int, str]  # a character and where it is written (0-based line, column)

# Characters libyaml refuses outright (it then stops without saying where): C0 controls but
# tab, newline and carriage return, DEL, C1 controls, surrogates, U+FFFE and U+FFFF; and the
# line breaks only YAML counts as such (NEL, U+2028, U+2029), which change the structure.
_UNREADABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]"
)
# Line breaks as libyaml counts them.
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def unreadable(text: str) -> bool:
    """Whether libyaml would refuse to read `text` at all (or read its lines differently)."""
    return _UNREADABLE.search(text) is not None


def forbidden_characters(text: str) -> list[Written]:
    """0-based (line, column) of every forbidden character written in `text`, as libyaml
    counts lines and columns, and the character."""
    pattern = FORBIDDEN_RAW_OR_TAB if "\t" in text else FORBIDDEN_RAW
    found = [match.start() for match in pattern.finditer(text)]
    if not found:
        return []
    starts = [0] + [match.end() for match in _BREAK.finditer(text)]
    places = []
    for index in found:
        line = bisect.bisect_right(starts, index) - 1
        places.append((line, index - starts[line], text[index]))
    return places


def raw_problems(places: list[Written], file: str) -> list[Problem]:
    """Forbidden characters outside any value (in comments, say), or in a file libyaml cannot
    read: each at its line and column."""
    problems = []
    for line, column, char in places[:MAX_REPORTED]:
        problems.append(Problem(file, line + 1, column + 1, "", forbidden_message(char)))
    return problems
