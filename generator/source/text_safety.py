"""Characters that must not be in text people read: controls, bidi controls, zero-width
characters and non-characters. They are invisible or reorder what is shown, so a name can look
right in an editor and wrong (or deceptive) on a page or in a terminal.

Messages never print such a character: `visible` writes each one as `U+202E`.
"""

from __future__ import annotations

import re
import unicodedata

_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(17)
)
# Bidi controls (U+061C, U+200E/F, U+202A-202E, U+2066-2069), zero-width characters
# (U+200B-200D, U+2060, U+FEFF), line and paragraph separators, C1 controls and DEL,
# non-characters, and lone surrogates (from `surrogateescape`d file names).
_INVISIBLE = (
    "\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff\ud800-\udfff"
    + _NONCHARACTERS
)
_C0 = "\x00-\x09\x0b-\x1f"  # C0 controls but newline (tab included)
FORBIDDEN = re.compile(f"[{_C0}{_INVISIBLE}]")
FORBIDDEN_OR_NEWLINE = re.compile(f"[{_C0}\n{_INVISIBLE}]")
# What a raw file may not hold anywhere: tab, newline and carriage return are YAML whitespace.
FORBIDDEN_RAW = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f{_INVISIBLE}]")
FORBIDDEN_RAW_OR_TAB = re.compile(f"[\x00-\x09\x0b\x0c\x0e-\x1f{_INVISIBLE}]")


def code_point(char: str) -> str:
    """`U+202E`."""
    return f"U+{ord(char):04X}"


def describe(char: str) -> str:
    """`U+202E (RIGHT-TO-LEFT OVERRIDE)`, or just the code point when it has no name."""
    name = unicodedata.name(char, "")
    if not name and ord(char) < 0x20:
        name = unicodedata.name(chr(0x2400 + ord(char)), "").removeprefix("SYMBOL FOR ")
    return f"{code_point(char)} ({name})" if name else code_point(char)


def visible(text: str) -> str:
    """`text` with every forbidden character (newline too) written as `U+XXXX`."""
    return FORBIDDEN_OR_NEWLINE.sub(lambda m: code_point(m[0]), text)


def first_forbidden(text: str, *, newline: bool = False) -> int | None:
    """Index of the first forbidden character of `text` (newline allowed when `newline`)."""
    found = (FORBIDDEN if newline else FORBIDDEN_OR_NEWLINE).search(text)
    return found.start() if found else None


def forbidden_message(char: str) -> str:
    """What a clinician reads about one forbidden character."""
    if char == "\n":
        return "must be on one line (it contains a line break)"
    return (
        f"contains the invisible or control character {describe(char)}; "
        "delete it (retype the text around it if you cannot see it)"
    )


def check_text(text: str, *, newline: bool = False) -> str:
    """Validator: `text` unchanged, or ValueError naming its first forbidden character."""
    index = first_forbidden(text, newline=newline)
    if index is not None:
        raise ValueError(forbidden_message(text[index]))
    return text
