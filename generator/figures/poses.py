"""The shipped pose library and how a figure's panels become posed bodies.

A panel names a pose from `poses.yaml`; a pose may build on another (`base`) and change
some joints. Resolving a panel gives a `PanelPose`: body direction, every joint's angles,
the contacts to check, the props and a description for the alt text.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from pydantic import ValidationError

from generator.figures.geometry import Frame, Vec, cross
from generator.figures.skeleton import Angles, Posture, pose_body
from generator.figures.spec import (
    Body,
    ContactPart,
    Direction,
    JointAngles,
    NamedPose,
    Panel,
    Prop,
    Surface,
)
from generator.source.errors import CatalogError
from generator.source.yaml_source import read_yaml

Key = TypeVar("Key", bound=str)

LIBRARY_FILE = Path(__file__).with_name("poses.yaml")

DIRECTIONS: Mapping[Direction, Vec] = {
    Direction.LEFT: (-1.0, 0.0, 0.0),
    Direction.RIGHT: (1.0, 0.0, 0.0),
    Direction.UP: (0.0, 1.0, 0.0),
    Direction.DOWN: (0.0, -1.0, 0.0),
    Direction.VIEWER: (0.0, 0.0, 1.0),
    Direction.AWAY: (0.0, 0.0, -1.0),
}


@dataclass(frozen=True)
class PanelPose:
    """Everything needed to draw and check one panel."""

    body: Body
    angles: tuple[tuple[str, Angles], ...]  # sorted by joint name (hashable, so cacheable)
    contacts: tuple[tuple[ContactPart, Surface], ...]
    props: tuple[Prop, ...]
    description: str
    anchor: str

    def posture(self) -> Posture:
        return _posture(self.body, self.angles)


class UnknownPose(ValueError):
    """A panel or pose names a pose the library does not have."""


PLACEHOLDER_POSE = "TODO"


@dataclass(frozen=True, eq=False)
class PoseLibrary:
    """The shipped poses with a clinic's own merged over them; `key` identifies the clinic's
    (empty for the shipped library alone), so figures can be cached per library."""

    poses: Mapping[str, NamedPose] = field(repr=False)
    key: str = ""

    def __hash__(self) -> int:
        return hash(self.key)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PoseLibrary) and other.key == self.key


@lru_cache(maxsize=1)
def shipped() -> PoseLibrary:
    return PoseLibrary(library())


def with_clinic_poses(clinic: Mapping[str, NamedPose]) -> PoseLibrary:
    """The shipped library with the clinic's poses merged over it (a clinic pose wins)."""
    if not clinic:
        return shipped()
    key = json.dumps(
        {name: pose.model_dump(mode="json", exclude_none=True) for name, pose in clinic.items()},
        sort_keys=True,
    )
    return _merged(key)


@lru_cache(maxsize=8)
def _merged(key: str) -> PoseLibrary:
    clinic = {name: NamedPose.model_validate(data) for name, data in json.loads(key).items()}
    return PoseLibrary({**library(), **clinic}, key)


def base_problems(name: str, pose: NamedPose, poses: Mapping[str, NamedPose]) -> Iterator[str]:
    """What is wrong with a pose's place in the library: an unknown or circular base, or a
    root pose without a body or contacts."""
    if pose.base is None:
        if pose.body is None or pose.contacts is None:
            yield "a pose without a base needs `body` and `contacts`"
        return
    try:
        _chain(name, poses)
    except UnknownPose as error:
        yield str(error)


@lru_cache(maxsize=1)
def library() -> Mapping[str, NamedPose]:
    """The shipped pose library, validated (a broken library is a located error)."""
    return read_library(LIBRARY_FILE.read_text(encoding="utf-8"), "generator/figures/poses.yaml")


def read_library(text: str, file: str) -> dict[str, NamedPose]:
    """Validate a pose library given as YAML text."""
    data, source, problems = read_yaml(text, file)
    if data is None:
        raise CatalogError(problems)
    poses: dict[str, NamedPose] = {}
    for name, entry in data.items():
        try:
            poses[name] = NamedPose.model_validate(entry)
        except ValidationError as error:
            for detail in error.errors():
                path = (name, *detail["loc"])
                problems.append(source.problem(path, detail["msg"]))
    for name, pose in poses.items():
        if pose.base is not None and pose.base not in poses:
            problems.append(source.problem((name, "base"), f"unknown pose '{pose.base}'"))
        elif pose.base is None and (pose.body is None or pose.contacts is None):
            message = "a pose without a base needs `body` and `contacts`"
            problems.append(source.problem((name,), message))
    if problems:
        raise CatalogError(problems)
    for name in poses:
        try:
            _chain(name, poses)
        except UnknownPose as error:
            raise CatalogError([source.problem((name, "base"), str(error))]) from None
    return poses


def pose_hint(name: str, poses: Mapping[str, NamedPose]) -> str:
    close = difflib.get_close_matches(name, list(poses), n=1)
    if close:
        return f" (did you mean '{close[0]}'?)"
    return " (`make figures` draws every pose by name in build/figures.html)"


def _chain(name: str, poses: Mapping[str, NamedPose]) -> list[NamedPose]:
    """The pose and its bases, most basic first."""
    chain: list[NamedPose] = []
    seen: set[str] = set()
    current: str | None = name
    while current is not None:
        if current in seen:
            raise UnknownPose(f"pose '{name}' is built on itself")
        if current not in poses:
            raise UnknownPose(f"unknown pose '{current}'{pose_hint(current, poses)}")
        seen.add(current)
        chain.append(poses[current])
        current = poses[current].base
    return chain[::-1]


def resolve_panel(
    panel: Panel, poses: Mapping[str, NamedPose] | PoseLibrary | None = None
) -> PanelPose:
    """The named pose with its bases and the panel's adjustments applied."""
    if isinstance(poses, PoseLibrary):
        poses = poses.poses
    poses = library() if poses is None else poses
    chain = _chain(panel.pose, poses)
    body: Body | None = None
    contacts: Mapping[ContactPart, Surface] = {}
    props: list[Prop] = []
    anchor = "pelvis"
    angles: dict[str, Angles] = {}
    for pose in chain:
        body = pose.body or body
        contacts = pose.contacts if pose.contacts is not None else contacts
        props = list(pose.props) if pose.props is not None else props
        anchor = pose.anchor or anchor
        _merge(angles, pose.joints)
    _merge(angles, panel.adjust)
    assert body is not None  # the library guarantees a body at the root of every chain
    return PanelPose(
        body=body,
        angles=tuple(sorted(angles.items())),
        contacts=tuple(
            sorted((panel.contacts if panel.contacts is not None else contacts).items())
        ),
        props=tuple(panel.props if panel.props is not None else props),
        description=panel.description or chain[-1].description,
        anchor=anchor,
    )


def _merge(angles: dict[str, Angles], changes: Mapping[Key, JointAngles]) -> None:
    for joint, change in changes.items():
        old = angles.get(str(joint), Angles())
        angles[str(joint)] = Angles(
            bend=old.bend if change.bend is None else change.bend,
            side=old.side if change.side is None else change.side,
            turn=old.turn if change.turn is None else change.turn,
        )


def root_frame(body: Body) -> Frame:
    """World frame of the pelvis for a body pointing as `body` says."""
    up = DIRECTIONS[body.head]
    forward = DIRECTIONS[body.facing]
    right = cross(forward, up)
    if right == (0.0, 0.0, 0.0):
        raise ValueError(f"head '{body.head}' and facing '{body.facing}' must differ in axis")
    return (forward, up, right)


@lru_cache(maxsize=4096)
def _posture(body: Body, angles: tuple[tuple[str, Angles], ...]) -> Posture:
    return pose_body(root_frame(body), dict(angles))
