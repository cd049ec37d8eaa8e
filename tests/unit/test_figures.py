"""Exercise figures: the body model's geometry, the checks an author sees, and the SVG files."""

from __future__ import annotations

import datetime
import math
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.catalog.assets_check import check_images
from generator.catalog.content_checks import Severity, check_content
from generator.catalog.load import load_catalog, load_catalog_text, read_catalog_text
from generator.catalog.skeletons import add_entry
from generator.figures import motion
from generator.figures.check import (
    MIN_MOVE_CM,
    TOLERANCE_CM,
    check_figure,
    contact_problems,
    joint_problems,
    largest_moves,
)
from generator.figures.motion import frames, motion_problems, render_motion
from generator.figures.poses import library, read_library, resolve_panel, shipped
from generator.figures.rests import rest_problems
from generator.figures.scene import CONTACT_POINTS, RADIUS, SURFACE_HEIGHT, line_up, place
from generator.figures.spec import Figure, Panel
from generator.figures.svg import View, render_figure
from generator.pages.pictures import exercise_picture, figure_files
from generator.pages.render import render_pages
from generator.site_files.csp import policy_for
from generator.source.errors import CatalogError
from tests.conftest import GOLDEN as GOLDEN_ROOT
from tests.conftest import ROOT, mini_text, problems_of

SVG = "{http://www.w3.org/2000/svg}"
GOLDEN = GOLDEN_ROOT / "figures"
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


def test_an_unknown_pose_with_no_near_name_points_to_the_pose_sheet() -> None:
    (problem,) = check_figure(Figure(panels=[Panel(pose="wallpress")]))
    assert problem[1].startswith("unknown pose 'wallpress'")
    assert "`make figures` draws every pose by name" in problem[1]


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


# ---- Pictures that show the movement and match the text ----------------------------------


def test_pictures_too_alike_to_show_the_movement_are_reported() -> None:
    alike = Figure(panels=[Panel(pose="sitting"), Panel(pose="sitting", arrow="nose")])
    assert [(path, message[:40]) for path, message in check_figure(alike)] == [
        (("panels", 1), "pictures 1 and 2 look nearly the same (n")
    ]
    apart = Figure(panels=[Panel(pose="sitting"), Panel(pose="sitting-forward", arrow="head")])
    assert check_figure(apart) == ()


def test_every_shipped_figure_shows_a_visible_movement() -> None:
    for exercise in SHIPPED.exercises:
        figure = exercise.figure
        if figure is not None and len(figure.panels) > 1:
            scenes = line_up([place(resolve_panel(panel)) for panel in figure.panels])
            assert min(largest_moves(scenes)) >= MIN_MOVE_CM, exercise.id


def test_a_figure_must_rest_the_body_as_the_position_says() -> None:
    text = mini_text().replace("{pose: walking}", "{pose: lying-on-back}")
    found = problems_of(text)
    assert any(
        "exercises[2].figure: the position is 'standing', so picture 1 should show the feet "
        "on the floor" in p
        for p in found
    ), found


def test_a_forearm_in_the_steps_needs_a_forearm_on_the_floor() -> None:
    side_lying = resolve_panel(Panel(pose="side-lying"))
    on_forearm = resolve_panel(Panel(pose="side-lying-on-forearm"))
    steps = ["Lie on your side, propped on your forearm."]
    assert list(rest_problems("side_lying", steps, [side_lying])) == [
        "the steps say 'propped on your forearm', so a picture should show a forearm on the floor"
    ]
    assert list(rest_problems("side_lying", steps, [on_forearm])) == []


def test_side_plank_rests_on_a_forearm_and_lifts_the_hips() -> None:
    for start, end in (
        ("side-lying-on-forearm", "side-plank"),
        ("side-lying-on-forearm-knees", "side-plank-knees"),
    ):
        for pose in (start, end):
            elbow, wrist = point(pose, "left_elbow"), point(pose, "left_wrist")
            assert elbow[1] < 10 and wrist[1] < 10, pose  # the forearm lies on the floor
            assert wrist[0] - elbow[0] > 15, pose  # pointing along the floor, seen side on
        assert point(end, "pelvis")[1] > point(start, "pelvis")[1] + 10


def test_open_book_turns_the_top_arm_to_the_other_side() -> None:
    before, after = point("side-lying-arms-forward", "right_hand"), point("open-book", "right_hand")
    assert before[2] > 30 and after[2] < -30  # in front of the body, then behind it


def test_the_pillow_under_the_belly_shows_below_the_body() -> None:
    scene = place(resolve_panel(Panel(pose="lying-face-down-pillow")))
    (pillow,) = [s for s in scene.shapes if s.closed and max(p[1] for p in s.points) > 5]
    assert max(p[1] for p in pillow.points) - min(p[1] for p in pillow.points) >= 10


def test_bent_knees_lying_show_as_bent_in_the_picture() -> None:
    view = View(resolve_panel(Panel(pose="knees-bent-from-feet")).body.seen_from_above)
    knee, hip = (view.flat(point("knees-bent-from-feet", n)) for n in ("right_knee", "right_hip"))
    heel = view.flat(point("knees-bent-from-feet", "right_heel"))
    # the knee stands clear of the line from hip to heel: the leg is drawn bent
    (hx, hy), (kx, ky), (ex, ey) = hip, knee, heel
    off_line = abs((ex - hx) * (ky - hy) - (ey - hy) * (kx - hx)) / math.dist(hip, heel)
    assert off_line > 15


# ---- A new exercise's figure is a TODO -----------------------------------------------------


def test_a_placeholder_pose_is_drawn_as_an_empty_frame_and_checked_as_a_todo(
    tmp_path: Path,
) -> None:
    catalog_path = tmp_path / "exercises.yaml"
    catalog_path.write_text(mini_text(), encoding="utf-8")
    add_entry(catalog_path, "exercise", "wall-press")
    head, entry = catalog_path.read_text(encoding="utf-8").split("id: wall-press", 1)
    # An author fills in every text TODO...
    entry = re.sub(r"TODO", "Written", entry.replace("pose: TODO", "pose: T0D0"))
    text = head + "id: wall-press" + entry.replace("pose: T0D0", "pose: TODO")
    catalog, source = read_catalog_text(text, "exercises.yaml")
    report = check_content(catalog, source, today=datetime.date.today(), readability=False)
    errors = [str(f) for f in report.findings if f.severity is Severity.ERROR]
    # ...but the figure still names no pose, and check says so
    assert [e.split(": ", 1)[1] for e in errors] == [
        f"exercises[{len(catalog.exercises) - 1}].figure.panels[0].pose: placeholder text "
        "'TODO': write the real content before publishing"
    ]
    exercise = catalog.exercises[-1]
    assert exercise.figure is not None and exercise.figure.placeholder
    drawn = render_figure(exercise.figure)
    assert "<circle" not in drawn.svg and "TODO" in drawn.svg  # no body: nothing borrowed
    assert render_motion(exercise.figure) is None


# ---- Poses a clinic adds -------------------------------------------------------------------

CLINIC_POSES = """
poses:
  wall-press-start:
    base: standing
    description: Standing an arm's length from a wall, hands on the wall at shoulder height
    joints:
      right_shoulder: {bend: 90}
      left_shoulder: {bend: 90}
  wall-press:
    base: wall-press-start
    description: Elbows bent, chest brought toward the wall
    joints:
      right_elbow: {bend: 100}
      left_elbow: {bend: 100}
"""


def test_a_clinic_pose_builds_on_the_library_and_is_used_by_a_figure() -> None:
    text = (
        mini_text()
        .replace(
            "{pose: walking}",
            "{panels: [{pose: wall-press-start}, {pose: wall-press, arrow: right_hand}]}",
        )
        .replace("figure: {panels: [{panels:", "figure: {panels:")
        .replace("}]}]}", "}]}")
    )
    text += CLINIC_POSES
    catalog = load_catalog_text(text, "test.yaml")
    walking = next(e for e in catalog.exercises if e.id == "walking")
    assert walking.figure is not None
    picture = exercise_picture(walking)
    assert picture is not None and "elbows bent, chest brought toward the wall" in picture.alt
    assert picture.motion_uri == "figures/motion/walking.svg"
    assert "figures/motion/walking.svg" in figure_files(catalog)


def test_mistakes_in_a_clinic_pose_are_located() -> None:
    text = mini_text() + CLINIC_POSES.replace("{bend: 100}", "{bend: 170}", 1).replace(
        "base: wall-press-start", "base: wall-pres-start"
    ).replace(
        "      left_shoulder: {bend: 90}\n",
        "      left_shoulder: {bend: 90}\n"
        "    contacts: {right_foot: floor, left_foot: floor, right_hand: floor}\n",
    )
    found = problems_of(text)
    lines = text.splitlines()

    def line_of(needle: str) -> int:
        return 1 + next(i for i, row in enumerate(lines) if needle in row)

    assert (
        f"test.yaml:{line_of('base: wall-pres-start')}:11: poses.wall-press.base: unknown "
        "pose 'wall-pres-start' (did you mean 'wall-press-start'?)" in found
    ), found
    assert any(
        p.startswith(f"test.yaml:{line_of('right_hand: floor')}:")
        and "poses.wall-press-start.contacts: the right hand should rest on the floor but is" in p
        for p in found
    ), found


def test_a_clinic_pose_beyond_a_joint_range_is_located_at_the_joint() -> None:
    text = mini_text() + CLINIC_POSES.replace(
        "right_elbow: {bend: 100}", "right_elbow: {bend: 170}"
    )
    found = problems_of(text)
    assert any(
        "poses.wall-press.joints.right_elbow: right elbow bend 170° is beyond its range" in p
        for p in found
    ), found


# ---- The movement, animated ----------------------------------------------------------------


def test_in_between_frames_rest_on_their_surfaces_and_never_go_through_the_floor() -> None:
    for exercise in SHIPPED.exercises:
        figure = exercise.figure
        if figure is None or len(figure.panels) < 2:
            continue
        assert list(motion_problems(figure, shipped())) == [], exercise.id
        for frame in frames(figure, shipped()):
            scene = frame.scene
            lowest = min(scene.bottom(name) for name in RADIUS)
            assert lowest >= -TOLERANCE_CM, (exercise.id, frame)
            for part, surface in scene.pose.contacts:
                for name in CONTACT_POINTS[part]:
                    if part.value in ("upper_back", "pelvis"):
                        continue  # these rest on any one of their points
                    gap = scene.bottom(name) - SURFACE_HEIGHT[surface]
                    assert abs(gap) <= TOLERANCE_CM, (exercise.id, part, gap)


def test_an_in_between_frame_through_the_floor_is_reported_where_the_move_is() -> None:
    # From arms by the sides to propped on the forearms, the arms would swing through the floor.
    figure = Figure(panels=[Panel(pose="lying-face-down"), Panel(pose="on-elbows", arrow="chest")])
    found = list(motion_problems(figure, shipped()))
    assert found and all(path == ("panels", 1) for path, _ in found)
    assert any(
        re.match(r"moving from picture 1 to 2, \d+% of the way: the \w+ \w+ is \d+ cm below", m)
        for _, m in found
    ), found


def test_animations_are_small_and_loop_through_every_frame_with_pauses() -> None:
    for exercise in SHIPPED.exercises:
        if exercise.figure is None or len(exercise.figure.panels) < 2:
            continue
        moving = render_motion(exercise.figure)
        assert moving is not None
        assert len(moving.svg.encode()) <= 15 * 1024, exercise.id
        root = ET.fromstring(moving.svg)
        assert root.find(f"{SVG}title") is not None
        assert root.find(f".//{SVG}script") is None and "<script" not in moving.svg
        count = len(frames(exercise.figure, shipped(), steps=_steps(moving.svg)))
        for index in range(count):  # every frame is shown at some point of the loop
            assert re.search(
                rf"@keyframes kf{index}\{{0%\{{opacity:0\}}[^}}]*opacity:1", moving.svg
            ) or (index == 0 and "@keyframes kf0{0%{opacity:1}" in moving.svg), (exercise.id, index)


def _steps(svg: str) -> int:
    frames_drawn = len(re.findall(r'<g class="f" id="f\d+"', svg))
    for steps in (6, 4, 3, 2, 1):
        if frames_drawn in {1 + steps * n for n in (1, 2)} or steps == 1:
            return steps
    return 1


def test_reduced_motion_stops_the_animation_on_picture_one() -> None:
    figure = next(e.figure for e in SHIPPED.exercises if e.id == "glute-bridge")
    assert figure is not None
    moving = render_motion(figure)
    assert moving is not None
    reduced = "@media (prefers-reduced-motion:reduce){.f{animation:none!important}#f0{opacity:1}}"
    assert reduced in moving.svg


def test_the_exercise_page_swaps_the_animation_for_the_still_pictures() -> None:
    page = render_pages(SHIPPED)["exercises/glute-bridge.md"]
    assert (
        '<source media="(prefers-reduced-motion: reduce)" srcset="../../figures/glute-bridge.svg">'
        in page
    )
    assert 'src="../../figures/motion/glute-bridge.svg"' in page
    assert '<input class="figure-motion-toggle" id="figure-stills" type="checkbox">' in page
    css = (ROOT / "theme" / "assets" / "stylesheets" / "figures.css").read_text(encoding="utf-8")
    assert "@media print, (prefers-reduced-motion: reduce)" in css
    routine = next(
        r for r in SHIPPED.routines if any(i.exercise == "glute-bridge" for i in r.items)
    )
    printed = render_pages(SHIPPED)[f"routines/{routine.id}.md"]
    assert "figures/motion/" not in printed  # print keeps the numbered pictures


@pytest.mark.parametrize("exercise_id", ["glute-bridge", "sit-to-stand", "side-plank"])
def test_golden_animation(exercise_id: str) -> None:
    exercise = next(e for e in SHIPPED.exercises if e.id == exercise_id)
    assert exercise.figure is not None
    moving = render_motion(exercise.figure)
    assert moving is not None
    golden = GOLDEN / "motion" / f"{exercise_id}.svg"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(moving.svg + "\n", encoding="utf-8")
    assert moving.svg + "\n" == golden.read_text(encoding="utf-8"), "UPDATE_GOLDEN=1 to accept"


# ---- Clinic videos -------------------------------------------------------------------------

VIDEO = (
    "    video: {path: video/walking.mp4, captions: video/walking.vtt, poster: video/walking.jpg}\n"
)


def _with_video(video: str = VIDEO) -> str:
    return mini_text().replace(
        "    figure: {panels: [{pose: walking}]}\n",
        "    figure: {panels: [{pose: walking}]}\n" + video,
    )


def test_a_clinic_video_plays_from_the_site_with_captions_and_a_poster() -> None:
    catalog = load_catalog_text(_with_video(), "test.yaml")
    page = render_pages(catalog)["exercises/walking.md"]
    assert (
        '<video class="exercise-video" controls preload="none" poster="../../video/walking.jpg">'
        '<source src="../../video/walking.mp4" type="video/mp4">'
        '<track default kind="captions" label="Captions" src="../../video/walking.vtt" '
        'srclang="en">'
    ) in page
    assert "opens another website" not in page
    assert "media-src 'self'" in policy_for(page)


def test_a_clinic_video_needs_captions_and_a_poster_of_the_right_kinds() -> None:
    found = problems_of(_with_video("    video: {path: video/walking.mov}\n"))
    assert [p.split(": ", 1)[1] for p in found] == [
        "exercises[2].video.file.captions: missing required field 'captions'",
        "exercises[2].video.file.path: must be an MP4 or WebM video (.mp4, .webm)",
        "exercises[2].video.file.poster: missing required field 'poster'",
    ]
    srt = "    video: {path: video/walking.mp4, captions: video/walking.srt, poster: p.jpg}\n"
    assert any(
        "video.file.captions: must be a WebVTT captions file (.vtt)" in p
        for p in problems_of(_with_video(srt))
    )
    http = _with_video("    video: http://example.org/walk.mp4\n")
    line = 1 + next(i for i, row in enumerate(http.splitlines()) if "http://" in row)
    assert problems_of(http) == [
        f"test.yaml:{line}:12: exercises[2].video: must be an https:// address"
    ]


def test_missing_video_files_are_located(tmp_path: Path) -> None:
    text = _with_video()
    catalog, source = read_catalog_text(text, "test.yaml")
    (tmp_path / "video").mkdir()
    (tmp_path / "video" / "walking.mp4").write_bytes(b"\x00")
    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "glute-bridge.svg").write_text("<svg/>", encoding="utf-8")
    found = [str(p) for p in check_images(catalog, source, tmp_path)]
    line = 1 + next(i for i, row in enumerate(text.splitlines()) if "walking.vtt" in row)
    assert [p.split(": ", 1)[1] for p in found] == [
        f"exercises[2].video.captions: file not found: {tmp_path}/video/walking.vtt",
        f"exercises[2].video.poster: file not found: {tmp_path}/video/walking.jpg",
    ]
    assert all(p.startswith(f"test.yaml:{line}:") for p in found)


def test_a_change_of_view_between_pictures_cuts_instead_of_morphing() -> None:
    figure = Figure(panels=[Panel(pose="sitting"), Panel(pose="sitting-front", arrow="nose")])
    drawn = frames(figure, shipped())
    assert [frame.key for frame in drawn] == [0, 1]  # no in-between across the change
    moving = render_motion(figure)
    assert moving is not None and moving.svg.count('<g class="f" id="f') == 2


def test_animations_are_the_same_bytes_every_time() -> None:
    figure = next(e.figure for e in SHIPPED.exercises if e.id == "cat-camel")
    assert figure is not None
    first = render_motion(figure)
    motion._render.cache_clear()  # drawn again from scratch, not taken from the cache
    motion.in_betweens.cache_clear()
    again = render_motion(figure)
    assert first is not None and again is not None
    assert first is not again and first.svg == again.svg
