"""Pictures, videos and captions in `content/` are what their names say, read by their content:
images by Pillow (which decodes them), videos by their container's signature (filetype),
captions by a WebVTT parser (webvtt-py). A file named `.png`, `.mp4` or `.vtt` that holds
something else is refused: a browser would show nothing, or guess what it is.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import filetype
import webvtt
from PIL import Image, UnidentifiedImageError

IMAGE_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".gif": "GIF", ".webp": "WEBP"}
VIDEO_TYPES = {".mp4": "video/mp4", ".webm": "video/webm"}


def image_problem(path: Path, suffix: str) -> str | None:
    """Why the file is not the image its name says (None: it is)."""
    expected = IMAGE_FORMATS[suffix]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path, formats=[expected]) as image:
                image.verify()
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        found = _what_it_is(path)
        return f"is not a {expected} picture{found}; save it as {expected} or rename it"
    except Exception as error:  # Pillow reports a damaged file with many exception types
        return f"is a damaged {expected} picture ({error}); save it again"
    return None


def video_problem(head: bytes, suffix: str) -> str | None:
    """Why the file is not the video its name says (None: it is)."""
    kind = filetype.guess(head)
    if kind is not None and kind.mime == VIDEO_TYPES[suffix]:
        return None
    name = suffix.lstrip(".").upper()
    found = f" (it holds {kind.extension.upper()})" if kind is not None else ""
    return f"is not an {name} video{found}; export the video as {name}"


def captions_problem(text: str) -> str | None:
    """Why the text is not WebVTT captions with at least one caption (None: it is)."""
    try:
        captions = webvtt.from_string(text).captions
    except Exception:  # webvtt-py raises several kinds for text that is not WebVTT
        hint = " (it looks like SRT: convert it)" if "-->" in text and "," in text else ""
        return (
            f"is not WebVTT captions{hint}; a captions file starts with the line WEBVTT "
            "and times like 00:00:01.000 --> 00:00:04.000"
        )
    if not captions:
        return "has no captions; add at least one timed caption"
    return None


def _what_it_is(path: Path) -> str:
    try:
        with path.open("rb") as file:
            kind = filetype.guess(file.read(8192))
    except OSError:
        return ""
    return f" (it holds {kind.extension.upper()})" if kind is not None else ""
