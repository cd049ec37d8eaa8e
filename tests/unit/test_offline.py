"""Offline use: the web app manifest, its icons and the service worker's precache list and
version, made from a project's files (the mini fixture catalog)."""

from __future__ import annotations

import io
import json
import re
import subprocess

import pytest
from PIL import Image

from generator.catalog.addresses import ROUTINE_BUILDER, directory_path
from generator.catalog.kinds import EXERCISES, ROUTINES
from generator.catalog.load import load_catalog
from generator.catalog.model import Catalog
from generator.clinic.settings import ClinicSettings
from generator.site_files.offline import (
    CACHE_PREFIX,
    MANIFEST_URI,
    WORKER_URI,
    icon_uri,
    offline_files,
    routine_exercises,
)
from tests.conftest import MINI

SETTINGS = ClinicSettings(name="Hillside Spine & Joint", colours={"primary": "#123456"})


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(MINI)


def published(catalog: Catalog) -> dict[str, str | bytes]:
    """A site's files as the pipeline gives them: every exercise and routine page, pictures,
    an unrelated page, the theme's assets."""
    files: dict[str, str | bytes] = {"index.md": "# Home", "guides/sleep.md": "# Sleep"}
    files[ROUTINE_BUILDER] = "# Build a home routine"
    for exercise in catalog.exercises:
        files[EXERCISES.page(exercise.id)] = f"# {exercise.name}"
        files[f"figures/{exercise.id}.svg"] = b"<svg/>"
    for routine in catalog.routines:
        files[ROUTINES.page(routine.id)] = f"# {routine.name}"
    files["assets/javascripts/diary.js"] = "x"
    files["assets/javascripts/lunr/min/lunr.de.min.js"] = "y"
    return files


def precache_of(worker: str) -> tuple[list[str], str]:
    found = re.search(r"const PRECACHE = (\[.*?\]);", worker, re.DOTALL)
    version = re.search(r'const VERSION = "([0-9a-f]+)";', worker)
    assert found and version, "placeholders left in the worker"
    return json.loads(found[1]), version[1]


def test_manifest_names_the_clinic_and_its_icons(catalog: Catalog) -> None:
    made = offline_files(catalog, SETTINGS, published(catalog))
    manifest = json.loads(made[MANIFEST_URI])
    assert manifest["name"] == SETTINGS.name and manifest["short_name"] == "HS"
    assert manifest["theme_color"] == "#123456" and manifest["scope"] == "./"
    assert not manifest["start_url"].startswith(("/", "http")), "relative: any sub-path site"
    for icon in manifest["icons"]:
        image = Image.open(io.BytesIO(made[icon["src"]]))  # type: ignore[arg-type]
        assert f"{image.width}x{image.height}" == icon["sizes"] and image.format == "PNG"
    # The initials are drawn in white on the clinic's colour.
    image = Image.open(io.BytesIO(made[icon_uri(192)])).convert("RGB")  # type: ignore[arg-type]
    assert image.getpixel((2, 2)) == (0x12, 0x34, 0x56)
    assert (255, 255, 255) in {c for _, c in image.getcolors(192 * 192) or []}


def test_an_icon_from_a_raster_logo(catalog: Catalog) -> None:
    logo = io.BytesIO()
    Image.new("RGB", (40, 20), "#ff0000").save(logo, format="PNG")
    made = offline_files(catalog, SETTINGS, published(catalog), logo.getvalue())
    image = Image.open(io.BytesIO(made[icon_uri(512)])).convert("RGB")  # type: ignore[arg-type]
    assert image.getpixel((256, 256)) == (255, 0, 0) and image.getpixel((2, 2)) == (255, 255, 255)


def test_precache_keeps_the_patients_pages_only(catalog: Catalog) -> None:
    files = published(catalog)
    precache, _ = precache_of(str(offline_files(catalog, SETTINGS, files)[WORKER_URI]))
    kept = routine_exercises(catalog)
    assert kept, "the mini catalog's routines name exercises"
    assert "./" in precache and "routines/builder/" in precache and MANIFEST_URI in precache
    for routine in catalog.routines:
        assert directory_path(ROUTINES.page(routine.id)) in precache
    for exercise in catalog.exercises:
        page = directory_path(EXERCISES.page(exercise.id))
        assert (page in precache) == (exercise.id in kept)
        assert (f"figures/{exercise.id}.svg" in precache) == (exercise.id in kept)
    assert "guides/sleep/" not in precache
    assert "assets/javascripts/diary.js" in precache and icon_uri(192) in precache
    assert not any("lunr" in p or p.startswith(("/", "http")) or "#" in p for p in precache)


def test_version_follows_every_file_and_nothing_else(catalog: Catalog) -> None:
    files = published(catalog)
    first = offline_files(catalog, SETTINGS, files)
    assert offline_files(catalog, SETTINGS, dict(files)) == first  # deterministic
    _, version = precache_of(str(first[WORKER_URI]))
    changed = {**files, "guides/sleep.md": "# Sleep better"}
    _, other = precache_of(str(offline_files(catalog, SETTINGS, changed)[WORKER_URI]))
    assert version != other
    moved = {**files, "guides/sleep.md": "", "guides/sleep.mdx": "# Sleep"}
    assert precache_of(str(offline_files(catalog, SETTINGS, moved)[WORKER_URI]))[1] != version


def test_worker_is_valid_javascript_with_its_cache_prefix(catalog: Catalog, tmp_path) -> None:  # type: ignore[no-untyped-def]
    worker = str(offline_files(catalog, SETTINGS, published(catalog))[WORKER_URI])
    assert json.dumps(CACHE_PREFIX) in worker and "/*" + "PRECACHE" not in worker
    path = tmp_path / "sw.js"
    path.write_text(worker)
    subprocess.run(["node", "--check", str(path)], check=True)
