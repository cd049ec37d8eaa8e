"""A pseudo-locale: every message accented, about 35 % longer and marked at both ends.

Built from the English source itself (no catalog file), so `make site-pseudo` shows at a
glance a word the catalog misses (plain English), a sentence cut short (a missing end mark) and
a layout that cannot take longer text. Placeholders, markup and entities are kept as they are.
"""

from __future__ import annotations

import gettext
import re

PSEUDO_LANGUAGE = "en-XA"  # the pseudo-locale code Android and Chromium use
OPEN, CLOSE = "⟦", "⟧"
GROWTH = 0.35

_ACCENTED = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "åƀçđéƒĝĥîĵķľɱñöþǫŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĽṀÑÖÞǪŔŠŢÛṼŴẊÝŽ",
)
# Kept verbatim: Python and JavaScript fields, wording placeholders, tags and entities.
_KEEP = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w+\}|\[\[\w+\]\]|<[^<>]*>|&#?\w+;")
_PADDING = "·ẋ"


def pseudo(message: str) -> str:
    """`message` accented, padded by about 35 % of its letters, between the two end marks."""
    if not message.strip():
        return message
    parts: list[str] = []
    letters = 0
    position = 0
    for kept in _KEEP.finditer(message):
        text = message[position : kept.start()]
        parts.append(text.translate(_ACCENTED))
        letters += sum(character.isalpha() for character in text)
        parts.append(kept.group())
        position = kept.end()
    tail = message[position:]
    parts.append(tail.translate(_ACCENTED))
    letters += sum(character.isalpha() for character in tail)
    padding = (_PADDING * letters)[: round(letters * GROWTH)]
    return f"{OPEN}{''.join(parts)}{' ' + padding if padding else ''}{CLOSE}"


class PseudoTranslations(gettext.NullTranslations):
    """Translations that turn every message into its pseudo form (English plural rules)."""

    def gettext(self, message: str) -> str:
        return pseudo(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:
        return pseudo(message)

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)
