"""The pose library's descriptions are the generator's words: extracted and looked up."""

from __future__ import annotations

import gettext
import io

from generator.catalog.model import Catalog
from generator.figures.pose_words import extract, pose_words
from generator.figures.poses import library
from generator.figures.svg import alt_text
from generator.messages import active
from generator.messages.pseudo import PseudoTranslations, pseudo

POSES = b"""\
# a comment
lying-on-back:
  description: Lying on the back
  body: {head: left}

kneeling:
  base: lying-on-back
  description: "Kneeling, tall"
"""


def test_every_description_is_extracted_with_its_line_and_pose() -> None:
    found = list(extract(io.BytesIO(POSES), [], [], {}))
    assert found == [
        (3, None, "Lying on the back", ["pose lying-on-back"]),
        (8, None, "Kneeling, tall", ["pose kneeling"]),
    ]


def test_library_words_are_translated_and_a_clinics_are_not() -> None:
    shipped = next(iter(library().values())).description
    try:
        active.use(PseudoTranslations())
        assert pose_words(shipped) == pseudo(shipped)
        assert pose_words("Our own pose, as the clinic wrote it") == (
            "Our own pose, as the clinic wrote it"
        )
    finally:
        active.use(gettext.NullTranslations())


def test_made_alt_text_is_in_the_build_language(mini: Catalog) -> None:
    figure = next(
        exercise.figure
        for exercise in mini.exercises
        if exercise.figure
        and not exercise.figure.alt
        and not any(panel.description for panel in exercise.figure.panels)
    )
    english = alt_text(figure)
    try:
        active.use(PseudoTranslations())
        pseudo_alt = alt_text(figure)
    finally:
        active.use(gettext.NullTranslations())
    assert pseudo_alt != english
    assert not any(word in pseudo_alt for word in english.split() if len(word) > 3), pseudo_alt
