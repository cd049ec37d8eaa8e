"""Small repairs to the theme's HTML so every page passes the Nu HTML Checker.

Material 9.8 writes `autocomplete` on checkbox toggles, an empty `tabindex` on some navigation
labels, and labels whose `for` names a control that is not on the page. Each repair keeps the
behaviour and changes only the invalid attribute.
"""

from __future__ import annotations

import re

_CHECKBOX = re.compile(r'<input\b[^>]*\btype="checkbox"[^>]*>')
_AUTOCOMPLETE = re.compile(r'\s+autocomplete="off"')
_EMPTY_TABINDEX = re.compile(r'(<label\b[^>]*?)\s+tabindex=""')
_LABEL_FOR = re.compile(r'(<label\b[^>]*?)\s+for="([^"]*)"')
_CONTROL_ID = re.compile(r'<(?:input|select|textarea|button)\b[^>]*\bid="([^"]*)"')


def repair(html: str) -> str:
    """`html` with the theme's known validation errors repaired."""
    html = _CHECKBOX.sub(lambda m: _AUTOCOMPLETE.sub("", m[0]), html)
    html = _EMPTY_TABINDEX.sub(r"\1", html)
    controls = set(_CONTROL_ID.findall(html))
    return _LABEL_FOR.sub(lambda m: m[0] if m[2] in controls else m[1], html)
