"""Exercise figures: the body model's geometry, the checks an author sees, and the SVG files."""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.errors import CatalogError
from generator.figures.check import check_figure, contact_problems, joint_problems
from generator.figures.poses import library, read_library, resolve_panel
from generator.figures.scene import place
from generator.figures.spec import Figure, Panel
from generator.figures.svg import render_figure
from generator.load import load_catalog
from generator.pictures import exercise_picture, figure_files
from tests.conftest import ROOT, mini_text, problems_of

SVG = "{http://www.w3.org/2000/svg}"
GOLDEN = Path(__file__).parent / "golden" / "figures"
SHIPPED = load_catalog(ROOT / "exercises.yaml")


def point(pose: str, name: str, **adjust: dict[str, float]) -> tuple[float, float, float]:
    scene = place(resolve_panel(Panel.model_validate({"pose": pose, "adjust": adjust})))
    return scene.posture.point(name)


def problems(**panel: object) -> list[str]:
    figure = Figure.model_validate({"panels": [panel]})
    return [message for _, message in check_figure(figure)]


# ---- Geometry ------------------------------------------------------------------------


def test_every_library_pose_is_possible() -> None:
    for name in library():
        pose = resolve_panel(Panel(pose=name))
        assert list(joint_problems(pose)) == [], name
        assert list(contact_problems(pose)) == [], name


def test_standing_figure_is_adult_height_with_feet_on_the_floor() -> None:
    top = point("standing", "head_centre")[1] + 11
    assert 175 <= top <= 185
    for foot in ("right_heel", "right_toes", "left_heel", "left_toes"):
        assert point("standing", foot)[1] == pytest.approx(4, abs=0.5)


def test_bridge_lifts_the_hips_while_head_and_feet_stay_down() -> None:
    assert point("bridge", "pelvis")[1] > point("lying-on-back-knees-bent", "pelvis")[1] + 15
    for part in ("head_centre", "right_heel", "right_toes"):
        assert point("bridge", part)[1] < 12


def test_bird_dog_reaches_one_arm_forward_and_the_opposite_leg_back() -> None:
    pelvis = point("bird-dog", "pelvis")
    shoulder = point("bird-dog", "right_shoulder")
    right_hand = point("bird-dog", "right_hand")
    left_ankle = point("bird-dog", "left_ankle")
    assert right_hand[0] > point("bird-dog", "head_centre")[0]  # reaching past the head
    assert abs(right_hand[1] - shoulder[1]) < 15  # about shoulder height
    assert left_ankle[0] < pelvis[0] - 70  # leg straight back
    assert abs(left_ankle[1] - pelvis[1]) < 20  # about hip height
    assert right_hand[2] > 0 > left_ankle[2]  # right arm, left leg: opposite sides
    # The supporting hand and knee stay on the floor.
    assert point("bird-dog", "left_hand")[1] == pytest.approx(4, abs=3)
    assert point("bird-dog", "right_knee")[1] == pytest.approx(4.5, abs=3)


def test_sitting_rests_the_pelvis_on_the_chair_seat() -> None:
    assert point("sitting", "right_hip")[1] - 4.5 == pytest.approx(48, abs=3)


# ---- What an author sees ---------------------------------------------------------------


def test_a_joint_beyond_its_range_is_named_with_its_range() -> None:
    found = problems(pose="lying-on-back-knees-bent", adjust={"right_knee": {"bend": 170}})
    assert "right knee bend 170° is beyond its range (0° to 155°)" in found


def test_a_part_that_should_rest_but_floats_is_reported() -> None:
    found = problems(pose="lying-on-back-knees-bent", adjust={"left_hip": {"bend": 100}})
    assert any(m.startswith("the left foot should rest on the floor but is") for m in found)


def test_a_limb_through_the_floor_is_reported() -> None:
    found = problems(pose="lying-on-back", adjust={"right_shoulder": {"bend": -50}})
    assert any("below the floor" in m for m in found)


def test_several_pictures_need_an_arrow() -> None:
    figure = Figure(panels=[Panel(pose="standing"), Panel(pose="walking")])
    assert [path for path, _ in check_figure(figure)] == [("panels",)]


def test_catalog_figure_errors_name_file_line_and_column() -> None:
    text = mini_text().replace("{pose: walking}", "{pose: walkng}")
    text = text.replace(
        "{pose: pelvic-tilt, arrow: upper_back}",
        "{pose: pelvic-tilt, arrow: upper_back, adjust: {right_knee: {bend: 170}}}",
    )
    found = problems_of(text)
    assert any(
        "exercises[2].figure.panels[0].pose: unknown pose 'walkng' (did you mean 'walking'?)" in p
        for p in found
    ), found
    assert any(".figure.panels[1].adjust.right_knee: right knee bend 170°" in p for p in found), (
        found
    )
    assert all(p.startswith("test.yaml:") for p in found)
    line = next(p for p in found if "walkng" in p).split(":")[1]
    expected = 1 + next(i for i, row in enumerate(text.splitlines()) if "walkng" in row)
    assert int(line) == expected


def test_unknown_joint_names_suggest_the_right_one() -> None:
    text = mini_text().replace(
        "{pose: walking}", "{pose: walking, adjust: {right_kneee: {bend: 10}}}"
    )
    assert any("right_kneee" in p for p in problems_of(text))


def test_an_exercise_cannot_have_both_a_figure_and_an_image() -> None:
    text = mini_text().replace(
        "    figure: {panels: [{pose: walking}]}",
        "    figure: {panels: [{pose: walking}]}\n"
        "    image: {path: img/glute-bridge.svg, alt: Walking.}",
    )
    assert any("give either `figure` or `image`, not both" in p for p in problems_of(text))


def test_a_broken_pose_library_is_located() -> None:
    text = "standing:\n  description: Standing\n  body: {head: up, facing: right}\n  contacts: {}\n"
    text += "leaning:\n  base: standng\n  description: Leaning\n"
    with pytest.raises(CatalogError) as caught:
        read_library(text, "poses.yaml")
    assert [str(p) for p in caught.value.problems] == [
        "poses.yaml:6:9: leaning.base: unknown pose 'standng'"
    ]


# ---- The pictures ----------------------------------------------------------------------


def test_every_shipped_exercise_has_a_picture_with_alt_text() -> None:
    for exercise in SHIPPED.exercises:
        picture = exercise_picture(exercise)
        assert picture is not None, exercise.id
        assert len(picture.alt) > 20 and picture.alt.endswith("."), exercise.id


def test_alt_text_comes_from_the_pose_descriptions_unless_written() -> None:
    figure = Figure(
        panels=[Panel(pose="hands-and-knees"), Panel(pose="bird-dog", arrow="left_ankle")]
    )
    assert render_figure(figure).alt == (
        "Picture 1: on hands and knees, hands under the shoulders, knees under the hips. "
        "Picture 2: on hands and knees, one arm reaching forward and the opposite leg back."
    )
    written = figure.model_copy(update={"alt": "Bird dog, start and finish."})
    assert render_figure(written).alt == "Bird dog, start and finish."


def test_figure_files_are_small_valid_svg_with_a_title() -> None:
    files = figure_files(SHIPPED)
    moving = [e for e in SHIPPED.exercises if e.figure and len(e.figure.panels) > 1]
    # each figure and its thumbnail, and the animation of each with several pictures
    assert len(files) == 2 * len(SHIPPED.exercises) + len(moving)
    for uri, text in files.items():
        limit = 15 if uri.startswith("figures/motion/") else 10
        assert len(text.encode()) <= limit * 1024, uri
        root = ET.fromstring(text)
        assert root.tag == f"{SVG}svg", uri
        width, height = (int(root.get(k, "0")) for k in ("width", "height"))
        assert root.get("viewBox") == f"0 0 {width} {height}", uri
        assert 40 <= width <= 700 and 40 <= height <= 700, uri
        title = root.find(f"{SVG}title")
        assert title is not None and title.text, uri


def test_colours_have_contrast_with_white() -> None:
    from generator.figures import svg

    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    for colour in (svg.INK, svg.FAR, svg.PROP_LINE, svg.ARROW):
        assert 1.05 / (luminance(colour) + 0.05) >= 3, colour
    # Figures use only these colours (plus the light fill of props and white nose dots), so
    # the check above covers every line a reader has to see.
    palette = {svg.INK, svg.FAR, svg.PROP_LINE, svg.ARROW, svg.PROP_FILL, "#fff", "none"}
    for uri, text in figure_files(SHIPPED).items():
        used = set(re.findall(r'(?:fill|stroke)="([^"]+)"', text))
        assert used <= palette, (uri, used - palette)


@pytest.mark.parametrize(
    "exercise_id", ["glute-bridge", "bird-dog", "sit-to-stand", "neck-rotation"]
)
def test_golden_svg(exercise_id: str) -> None:
    exercise = next(e for e in SHIPPED.exercises if e.id == exercise_id)
    assert exercise.figure is not None
    text = render_figure(exercise.figure).svg + "\n"
    golden = GOLDEN / f"{exercise_id}.svg"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8"), "UPDATE_GOLDEN=1 to accept a change"
