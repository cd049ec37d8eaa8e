"""The language a build writes in, and the lookups every stage uses for its own words.

English is the source: each word the generator shows a patient is written in English where it
is used, marked for extraction (`gettext`, `ngettext`, or `N_` for words kept in tables and
looked up later), and collected into `messages.pot` by Babel (`make messages`). A build first
calls `use(translations_for(language))`; the forked second renderer inherits the choice.
"""

from __future__ import annotations

import gettext as _gettext

_active: _gettext.NullTranslations = _gettext.NullTranslations()


def use(translations: _gettext.NullTranslations) -> None:
    """Make `translations` the language of every lookup that follows (one build at a time)."""
    global _active
    _active = translations


def current() -> _gettext.NullTranslations:
    """The translations in use (the Jinja environment installs these)."""
    return _active


def gettext(message: str) -> str:
    """`message` in the build's language."""
    return _active.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a message for `count`, in the build's language (plural rules included)."""
    return _active.ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Mark `message` for the catalog without looking it up (tables translated when used)."""
    return message
