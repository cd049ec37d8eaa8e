"""The site on a patient's phone, offline: a web app manifest, its icons and a service worker
whose precache list (and cache version) is made here, from the files the build publishes."""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass
from importlib.resources import files as package_files

from PIL import Image, ImageDraw, ImageFont

from generator.catalog.addresses import (
    CATALOG_JSON_URI,
    HOME_PAGE,
    ROUTINE_BUILDER,
    directory_path,
    figure_uri,
    motion_uri,
    thumbnail_uri,
)
from generator.catalog.kinds import EXERCISES, ROUTINES
from generator.catalog.model import Catalog
from generator.clinic.settings import ClinicSettings

WORKER_URI = "sw.js"
MANIFEST_URI = "manifest.webmanifest"
ICON_SIZES = (192, 512)
CACHE_PREFIX = "clinic-offline-"
_ASSETS = (".css", ".js", ".woff2", ".png", ".svg")
_PLACEHOLDERS = ("/*PRECACHE*/[]", '"/*VERSION*/"', '"/*PREFIX*/"')


def icon_uri(size: int) -> str:
    """Where the home-screen icon of `size` pixels is published."""
    return f"assets/icons/icon-{size}.png"


def _initials(name: str) -> str:
    words = [w for w in name.replace("-", " ").split() if w[:1].isalnum()]
    return "".join(w[0] for w in words[:2]).upper() or "+"


def icon_png(settings: ClinicSettings, size: int, logo: bytes | None = None) -> bytes:
    """A square icon: the clinic's raster logo centred on white, else its initials in white on
    its primary colour. Pillow's own font, so the pixels do not depend on the machine's fonts."""
    if logo is not None:
        picture = Image.open(io.BytesIO(logo)).convert("RGBA")
        picture.thumbnail((size * 3 // 4, size * 3 // 4))
        image = Image.new("RGBA", (size, size), "#ffffff")
        offset = ((size - picture.width) // 2, (size - picture.height) // 2)
        image.alpha_composite(picture, offset)
    else:
        image = Image.new("RGBA", (size, size), settings.colours.primary)
        draw = ImageDraw.Draw(image)
        font = ImageFont.load_default(size=size * 2 // 5)
        draw.text(
            (size / 2, size / 2), _initials(settings.name), fill="#ffffff", font=font, anchor="mm"
        )
    out = io.BytesIO()
    image.convert("RGB").save(out, format="PNG", optimize=False)
    return out.getvalue()


def manifest(settings: ClinicSettings, start_url: str) -> str:
    """The web app manifest: the clinic's name and colours, its icons; relative addresses, so
    it works under any sub-path `site_url`."""
    data = {
        "name": settings.name,
        "short_name": settings.name if len(settings.name) <= 12 else _initials(settings.name),
        "start_url": start_url,
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": settings.colours.primary,
        "icons": [
            {
                "src": icon_uri(size),
                "sizes": f"{size}x{size}",
                "type": "image/png",
                "purpose": "any",
            }
            for size in ICON_SIZES
        ],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def routine_exercises(catalog: Catalog) -> frozenset[str]:
    """The exercises of the shipped routines: their pages and pictures are kept at install."""
    return frozenset(item.exercise for routine in catalog.routines for item in routine.items)


@dataclass(frozen=True)
class KeptAtInstall:
    """The pages and pictures of the routines' exercises, worked out once for every file."""

    pages: frozenset[str]
    pictures: frozenset[str]

    @classmethod
    def of(cls, exercises: frozenset[str]) -> KeptAtInstall:
        pages = {HOME_PAGE, ROUTINE_BUILDER, *(EXERCISES.page(e) for e in exercises)}
        pictures = {f(e) for e in exercises for f in (figure_uri, thumbnail_uri, motion_uri)}
        return cls(frozenset(pages), frozenset(pictures))


def precached(uri: str, kept: KeptAtInstall) -> str | None:
    """The address the worker keeps at install for a published file, or None when it is kept
    on first use (a builder programme's exercise pages and pictures are asked for by the page,
    offline.js): the home page, the routine pages and builder, the routines' exercises and
    their pictures and animations, the catalog, calendar files and the theme's assets."""
    if uri.endswith(".md"):
        keep = uri in kept.pages or uri.startswith(f"{ROUTINES.folder}/")
        return (directory_path(uri) or "./") if keep else None
    if "/lunr/" in uri:  # the search's language packs, loaded only for other languages
        return None
    if (uri.startswith("assets/") and uri.endswith(_ASSETS)) or uri.endswith(".ics"):
        return uri
    return uri if uri == CATALOG_JSON_URI or uri in kept.pictures else None


def worker(precache: list[str], version: str) -> str:
    """The service worker's script with its precache list and version filled in."""
    source = (package_files("generator.site_files") / "service_worker.js").read_text("utf-8")
    values = (json.dumps(precache, indent=0), json.dumps(version), json.dumps(CACHE_PREFIX))
    for placeholder, value in zip(_PLACEHOLDERS, values, strict=True):
        if placeholder not in source:
            raise ValueError(f"service_worker.js has lost its placeholder {placeholder}")
        source = source.replace(placeholder, value)
    return source


def offline_files(
    catalog: Catalog,
    settings: ClinicSettings,
    published: Mapping[str, str | bytes],
    logo: bytes | None = None,
) -> dict[str, str | bytes]:
    """The manifest, icons and worker for a site whose other files are `published` ({uri: text
    or bytes}, pages by their source uri). The cache version is a hash of all of them, so any
    change to the site makes a new cache and the worker drops the old ones."""
    made: dict[str, str | bytes] = {icon_uri(s): icon_png(settings, s, logo) for s in ICON_SIZES}
    made[MANIFEST_URI] = manifest(settings, directory_path(ROUTINE_BUILDER))
    digest = hashlib.sha256()
    everything = {**published, **made}
    for uri in sorted(everything):
        value = everything[uri]
        data = value.encode() if isinstance(value, str) else value
        digest.update(f"{uri}\0{len(data)}\0".encode())
        digest.update(data)
    kept = KeptAtInstall.of(routine_exercises(catalog))
    keep = sorted({p for uri in everything if (p := precached(uri, kept)) is not None})
    made[WORKER_URI] = worker([MANIFEST_URI, *keep], digest.hexdigest()[:16])
    return made
