"""The theme's words in the site's language: our templates' `{% trans %}` and Material's own.

Our theme templates (theme/) mark their words with Jinja's i18n extension, looked up in the
active language (generator/messages/active.py) when a page is rendered. Material keeps its
own words (search, "Skip to content", "Back to top") in `partials/languages/<language>.html`;
for the pseudo-locale that partial is made here from Material's English one, written to a
folder put first among the theme's folders (Material's search plugin reads it from a theme
environment of its own), so a pseudo build shows every word Material prints too.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import nodes

from generator.messages import active
from generator.messages.pseudo import PSEUDO_LANGUAGE, pseudo

LANGUAGE_PARTIAL = "partials/languages/{}.html"
# Material's settings kept in its word list: not words, left as they are.
_NOT_WORDS = ("direction", "search.config.")


def install(env: jinja2.Environment) -> None:
    """Jinja's i18n extension on the theme's environment, trimmed, in the active language."""
    env.add_extension("jinja2.ext.i18n")  # MkDocs adds it when Babel is installed
    env.policies["ext.i18n.trimmed"] = True
    env.install_gettext_callables(  # type: ignore[attr-defined]  # added by the extension
        active.gettext, active.ngettext, newstyle=True
    )


def material_language(theme: Any, language: str) -> tempfile.TemporaryDirectory[str] | None:
    """For the pseudo-locale, Material's language partial in a new folder first among the
    `theme`'s (MkDocs' Theme); the folder, to remove when the build ends. None otherwise."""
    if language != PSEUDO_LANGUAGE:
        return None
    folder = tempfile.TemporaryDirectory(prefix="clinic-language-")
    partial = Path(folder.name) / LANGUAGE_PARTIAL.format(language)
    partial.parent.mkdir(parents=True)
    partial.write_text(pseudo_material_words(theme.get_env()), encoding="utf-8")
    theme.dirs.insert(0, folder.name)
    return folder


def material_words(env: jinja2.Environment) -> dict[str, str]:
    """Material's English words by key, read with Jinja's parser from its `en.html` partial."""
    assert env.loader is not None
    source, _, _ = env.loader.get_source(env, LANGUAGE_PARTIAL.format("en"))
    table = next(env.parse(source).find_all(nodes.Dict))
    words: dict[str, str] = {}
    for pair in table.items:
        if isinstance(pair.key, nodes.Const) and isinstance(pair.value, nodes.Const):
            words[str(pair.key.value)] = str(pair.value.value)
    return words


def pseudo_material_words(env: jinja2.Environment) -> str:
    """Material's language partial for the pseudo-locale: its English words made pseudo."""
    lines = []
    for key, value in material_words(env).items():
        if key == "language":
            value = PSEUDO_LANGUAGE
        elif not key.startswith(_NOT_WORDS):
            value = pseudo(value)
        lines.append(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},")
    body = "\n".join(lines)
    return f"{{% macro t(key) %}}{{{{ {{\n{body}\n}}[key] }}}}{{% endmacro %}}\n"
