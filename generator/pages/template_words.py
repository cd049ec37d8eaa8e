"""The templates' own words, looked up in the build's language (Jinja's i18n extension).

Two forms, each escaped the way the rest of a template is:

- `{% trans name=value %}…{{ name }}…{% endtrans %}` (and `gettext`/`ngettext`) is template
  text: the message is written as it is (markup is kept out of messages), each field is
  escaped as Markdown unless it is already Markup (in raw HTML pass `value | h`).
- `_("…")` is a value: plain text (fields filled in, nothing escaped), so it can be given to
  a macro or filter, and is escaped by `finalize` (or `| h`) when written, like any value.

The language is looked up when a message is, not when the environment is made: one compiled
set of templates serves every build (see generator/messages/active.py).
"""

from __future__ import annotations

from typing import Any

import jinja2
from markupsafe import Markup

from generator.messages import active
from generator.pages.markdown_text import escape_text


def install(env: jinja2.Environment) -> None:
    """Add Jinja's i18n extension to `env`, trimmed, with lookups in the active language."""
    env.add_extension("jinja2.ext.i18n")
    env.policies["ext.i18n.trimmed"] = True
    env.newstyle_gettext = True  # type: ignore[attr-defined]  # set by the extension
    env.globals.update(gettext=_gettext, ngettext=_ngettext, _=_text)


def _filled(message: str, variables: dict[str, Any]) -> Markup:
    """`message` as it is, each field escaped as Markdown unless Markup (or a number); `%%`
    is a `%` (Jinja's new-style messages are always formatted)."""
    if not variables and "%" not in message:
        return Markup(message)  # most messages: no field to fill
    fields = {
        key: value if isinstance(value, Markup | int | float) else escape_text(str(value))
        for key, value in variables.items()
    }
    return Markup(message % fields)


def _gettext(message: str, /, **variables: Any) -> Markup:
    """A message of the template's own text: kept as it is, its fields escaped."""
    return _filled(active.gettext(message), variables)


def _ngettext(singular: str, plural: str, count: int, /, **variables: Any) -> Markup:
    """The form of a message for `count` (`%(num)d` is the count), its fields escaped."""
    variables.setdefault("num", count)
    return _filled(active.ngettext(singular, plural, count), variables)


def _text(message: str, /, **variables: Any) -> str:
    """A message as plain text, fields filled in: escaped when it is written, like a value."""
    return str(active.gettext(message) % variables)
