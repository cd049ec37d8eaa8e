"""The translations for a site language: English (the source), the pseudo-locale, or a catalog.

A translated catalog is `generator/messages/locales/<language>/LC_MESSAGES/messages.po`, read
with Babel straight from the `.po` file (no compiled `.mo` kept in the repository).
"""

from __future__ import annotations

import gettext
import io
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from generator.messages.pseudo import PSEUDO_LANGUAGE, PseudoTranslations

LOCALES = Path(__file__).parent / "locales"
SOURCE_LANGUAGE = "en"
TEMPLATE = Path(__file__).parent / "messages.pot"


def catalog_path(language: str) -> Path:
    """Where the catalog for `language` lives (whether or not it exists)."""
    return LOCALES / language.replace("-", "_") / "LC_MESSAGES" / "messages.po"


def available_languages() -> list[str]:
    """Every language a site can be built in, sorted (source and pseudo-locale included)."""
    found = {path.parts[-3].replace("_", "-") for path in LOCALES.glob("*/LC_MESSAGES/*.po")}
    return sorted({SOURCE_LANGUAGE, PSEUDO_LANGUAGE, *found})


def has_catalog(language: str) -> bool:
    """Whether the generator's own words exist in `language` (else they stay in English)."""
    base = language.split("-")[0]
    return language in (SOURCE_LANGUAGE, PSEUDO_LANGUAGE) or any(
        catalog_path(code).is_file() for code in (language, base)
    )


def translations_for(language: str) -> gettext.NullTranslations:
    """The translations for `language`: English for the source or an unknown language."""
    if language == PSEUDO_LANGUAGE:
        return PseudoTranslations()
    for code in (language, language.split("-")[0]):
        path = catalog_path(code)
        if code != SOURCE_LANGUAGE and path.is_file():
            with path.open("rb") as po_file:
                catalog = read_po(po_file, locale=code.replace("-", "_"))
            compiled = io.BytesIO()
            write_mo(compiled, catalog)
            compiled.seek(0)
            return gettext.GNUTranslations(compiled)
    return gettext.NullTranslations()
