"""The pose library's descriptions as the generator's own words: a Babel extraction method for
`poses.yaml` (babel.cfg), and their lookup when a figure's alt text is made from them."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from functools import cache
from typing import IO, Any

import yaml

from generator.figures.poses import library
from generator.messages.active import gettext


@cache
def _library_descriptions() -> frozenset[str]:
    return frozenset(pose.description for pose in library().values())


def pose_words(description: str) -> str:
    """A description in the build's language when it is the shipped library's (a clinic's own
    words, in its panels or poses, stay as written)."""
    return gettext(description) if description in _library_descriptions() else description


def extract(
    fileobj: IO[bytes], keywords: Collection[str], comment_tags: Collection[str], options: Any
) -> Iterator[tuple[int, None, str, list[str]]]:
    """Babel extraction method: each pose's `description`, with its line and the pose's name."""
    document = yaml.compose(fileobj, Loader=yaml.SafeLoader)
    if not isinstance(document, yaml.MappingNode):
        return
    for name, pose in document.value:
        if not isinstance(pose, yaml.MappingNode):
            continue
        for key, value in pose.value:
            if key.value == "description" and isinstance(value, yaml.ScalarNode):
                yield value.start_mark.line + 1, None, value.value, [f"pose {name.value}"]
