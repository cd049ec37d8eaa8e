"""What a YAML scalar means, read as written.

PyYAML reads YAML 1.1, where `010` is 8, `1:30` is 90 and `yes` is true; YAML 1.2 reads them
as 10, text and text. A dosage must not depend on which one an editor or a reader assumes, so
plain scalars follow YAML 1.2's core schema, narrowed to the forms both versions agree on:

- null: empty, `~`, `null`; booleans: `true`, `false` (also capitalised, as in both versions);
- a whole number: plain decimal digits, an optional minus, no leading zero, at most 15 digits;
- a decimal number: digits, a point, digits;
- a date: `YYYY-MM-DD`, a real calendar date (an impossible one is an error);
- everything else is text, exactly as written. Text that some YAML version reads as a number
  (`010`, `0x1F`, `1:30`, `1_000`, `+5`, `1e3`, `.inf`...) is kept as `NumberLike` text, so a
  number field refuses it with the reason, and a text field keeps it as written.

Explicit tags are checked against the same rules (`!!int Pelvic` is an error); tags of other
types (`!!binary`, `!!set`, `!!python/...`, `!custom`) are errors.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

MAX_DIGITS = 15

STR_TAG = "tag:yaml.org,2002:str"
MERGE_TAG = "tag:yaml.org,2002:merge"
_TAG = "tag:yaml.org,2002:"
MAPPING_TAGS = frozenset({None, "!", _TAG + "map"})
SEQUENCE_TAGS = frozenset({None, "!", _TAG + "seq"})

# First characters of the plain scalars that may be something other than text (with "").
FIRSTS = frozenset([*"0123456789-+.~nNtTfF<", ""])

_NULL = frozenset({"", "~", "null", "Null", "NULL"})
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"-?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(r"-?(?:0|[1-9][0-9]*)\.[0-9]+")
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
# Anything YAML 1.1 or 1.2 reads as a number (ints in bases 2, 8, 10, 16 and 60, floats,
# infinities), loosely: the exact forms above are taken out first.
_NUMBERISH = re.compile(
    r"[-+]?(?:[0-9][0-9_]*(?::[0-9_]+)*(?:\.[0-9_]*)?|\.[0-9_]+)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?0[xX][0-9a-fA-F_]+|[-+]?0[oO]?[0-7_]+|[-+]?0[bB][01_]+|[-+]?\.(?:inf|Inf|INF)"
    r"|\.(?:nan|NaN|NAN)"
)


class NumberLike(str):
    """Text that a YAML reader might take for a number; `reason` says why it is not one here."""

    reason: str

    def __new__(cls, text: str, reason: str) -> NumberLike:
        made = super().__new__(cls, text)
        made.reason = reason
        return made


class ScalarError(ValueError):
    """A scalar that has no meaning here (an impossible date, a wrong or unknown tag)."""


def _number_reason(text: str) -> str:
    body = text.lstrip("+-")
    if text.startswith("+"):
        return "write it without the plus sign"
    if ":" in text:
        return "older YAML reads it as a base-60 number (1:30 is 90); write the number itself"
    if "_" in text:
        return "write the digits without separators"
    if body[:2].lower() in {"0x", "0o", "0b"}:
        return "write it as a plain decimal number"
    if body.lower().lstrip(".") in {"inf", "nan"}:
        return "write a number"
    if "e" in body.lower():
        return "write the number in full, without an exponent"
    if body.startswith("0") and body[1:2].isdigit():
        return "a leading zero makes it an octal number in older YAML (010 is 8); drop the zero"
    if body.replace(".", "").isdigit() and len(body.split(".")[0]) > MAX_DIGITS:
        return f"it is far too large (more than {MAX_DIGITS} digits)"
    return "write it with digits on both sides of the point, like 0.5"


def _date(text: str, match: re.Match[str]) -> datetime.date:
    try:
        return datetime.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError as error:
        raise ScalarError(
            f"{text} is not a real date ({error}); write a date as YYYY-MM-DD"
        ) from None


def plain(text: str) -> Any:
    """The meaning of an untagged plain scalar. Raises `ScalarError` for an impossible date."""
    if text in _NULL:
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _INT.fullmatch(text) and len(text.lstrip("-")) <= MAX_DIGITS:
        return int(text)
    if _FLOAT.fullmatch(text) and len(text) <= 2 * MAX_DIGITS:
        return float(text)
    if (date := _DATE.fullmatch(text)) is not None:
        return _date(text, date)
    if _NUMBERISH.fullmatch(text):
        return NumberLike(text, _number_reason(text))
    return text


# What each standard scalar tag accepts (by the plain rules above), and how it is named.
_TAGGED: dict[str, tuple[tuple[type, ...], str]] = {
    "int": ((int,), "a whole number"),
    "float": ((int, float), "a number"),
    "bool": ((bool,), "true or false"),
    "null": ((type(None),), "empty"),
    "timestamp": ((datetime.date,), "a date (YYYY-MM-DD)"),
}


def tagged(tag: str, text: str) -> Any:
    """The meaning of a scalar with an explicit tag, or `ScalarError`."""
    if tag == "!" or tag == STR_TAG:
        return text
    kind = tag.removeprefix(_TAG) if tag.startswith(_TAG) else ""
    if kind not in _TAGGED:
        return _unknown(tag)
    types, name = _TAGGED[kind]
    value: Any = plain(text)
    if isinstance(value, types) and (kind == "bool" or not isinstance(value, bool)):
        return float(value) if kind == "float" and isinstance(value, int | float) else value
    reason = f": {value.reason}" if isinstance(value, NumberLike) else ""
    raise ScalarError(f"'!!{kind} {text}' is not {name}{reason}")


def _unknown(tag: str) -> Any:
    shown = "!!" + tag.removeprefix(_TAG) if tag.startswith(_TAG) else tag
    raise ScalarError(
        f"the tag '{shown}' is not supported; remove it (the catalog holds only text, "
        "numbers, true/false, dates, lists and mappings)"
    )


def check_collection_tag(tag: str | None, *, mapping: bool) -> None:
    """`ScalarError` for a mapping or sequence with a tag other than its own."""
    if tag not in (MAPPING_TAGS if mapping else SEQUENCE_TAGS):
        assert tag is not None
        _unknown(tag)
