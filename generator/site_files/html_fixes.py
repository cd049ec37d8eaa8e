"""Small repairs to the theme's HTML so every page passes the Nu HTML Checker and axe-core.

Material 9.8 writes `autocomplete` on checkbox toggles, an empty `tabindex` on some navigation
labels, labels whose `for` names a control that is not on the page, and a search dialog with no
accessible name. Each repair keeps the behaviour and changes only the attribute at fault; the
dialog is named as Material names the search options inside it (the theme's word for "Search").
"""

from __future__ import annotations

import re

_CHECKBOX = re.compile(r'<input\b[^>]*\btype="checkbox"[^>]*>')
_AUTOCOMPLETE = re.compile(r'\s+autocomplete="off"')
_EMPTY_TABINDEX = re.compile(r'(<label\b[^>]*?)\s+tabindex=""')
_LABEL_FOR = re.compile(r'(<label\b[^>]*?)\s+for="([^"]*)"')
_CONTROL_ID = re.compile(r'<(?:input|select|textarea|button)\b[^>]*\bid="([^"]*)"')
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
_SEARCH_NAME = re.compile(r'<nav class="md-search__options" aria-label="([^"]*)"')


def repair(html: str) -> str:
    """`html` with the theme's known validation errors repaired."""
    html = _CHECKBOX.sub(lambda m: _AUTOCOMPLETE.sub("", m[0]), html)
    html = _EMPTY_TABINDEX.sub(r"\1", html)
    controls = set(_CONTROL_ID.findall(html))
    html = _LABEL_FOR.sub(lambda m: m[0] if m[2] in controls else m[1], html)
    name = _SEARCH_NAME.search(html) if _SEARCH_DIALOG in html else None
    if name is not None:
        html = html.replace(_SEARCH_DIALOG, f'{_SEARCH_DIALOG[:-1]} aria-label="{name[1]}">', 1)
    return html
