"""The animated figure in a real browser: it moves, stops for reduced motion, and prints still."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from tests.conftest import pick, project_catalog

# An exercise drawn in several pictures (the animation needs two), shown by no photo or video.
(EXERCISE,) = pick(
    project_catalog().exercises,
    lambda e: (
        e.figure is not None
        and len(e.figure.panels) >= 2
        and not e.figure.placeholder
        and e.image is None
        and e.video is None
    ),
    "an exercise with a figure of two pictures or more",
)
PAGE = f"/exercises/{EXERCISE.id}/"
MOVING = ".figure-motion-moving img"
STILL = ".figure-motion-still img"


@pytest.fixture(params=["no-preference", "reduce"])
def motion_page(request: pytest.FixtureRequest, browser: Browser, base_url: str) -> Iterator[Page]:
    context = browser.new_context(base_url=base_url, reduced_motion=request.param)
    page = context.new_page()
    yield page
    context.close()


def test_the_page_animates_unless_the_reader_asks_for_reduced_motion(motion_page: Page) -> None:
    motion_page.goto(PAGE)
    reduced = motion_page.evaluate("matchMedia('(prefers-reduced-motion: reduce)').matches")
    assert motion_page.locator(MOVING).is_visible() is not reduced
    assert motion_page.locator(STILL).is_visible() is reduced
    assert motion_page.get_by_label("Show still pictures").is_visible() is not reduced
    if not reduced:
        source = motion_page.locator(MOVING).evaluate("img => img.currentSrc")
        assert source.endswith(f"/figures/motion/{EXERCISE.id}.svg")


def test_the_reader_can_stop_the_animation_without_script(page: Page) -> None:
    page.goto(PAGE)
    page.get_by_label("Show still pictures").check()
    assert page.locator(STILL).is_visible()
    assert not page.locator(MOVING).is_visible()


def test_print_keeps_the_numbered_pictures(page: Page) -> None:
    page.goto(PAGE)
    page.emulate_media(media="print")
    assert page.locator(STILL).is_visible()
    assert not page.locator(MOVING).is_visible()


def test_the_animation_stands_still_on_picture_one_for_reduced_motion(motion_page: Page) -> None:
    motion_page.goto(f"/figures/motion/{EXERCISE.id}.svg")
    reduced = motion_page.evaluate("matchMedia('(prefers-reduced-motion: reduce)').matches")
    first, later = (
        motion_page.evaluate(
            f"() => {{ const s = getComputedStyle(document.getElementById('{name}'));"
            " return [s.animationName, s.opacity]; }"
        )
        for name in ("f0", "f3")
    )
    if reduced:
        assert first == ["none", "1"] and later == ["none", "0"]
    else:
        assert first[0] == "kf0" and later[0] == "kf3"
