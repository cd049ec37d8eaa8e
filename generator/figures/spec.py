"""What an author writes to get a figure: named poses, joint adjustments, props, arrows.

Shared by the catalog model (an exercise's `figure:`) and the shipped pose library
(`poses.yaml`). Angles are degrees; see `skeleton` for what each angle means.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    StrictFloat,
    StrictInt,
    StringConstraints,
)

from generator.figures.skeleton import ENDS, JOINTS

if TYPE_CHECKING:
    from generator.figures.poses import PoseLibrary


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


JointName = StrEnum(  # type: ignore[misc]
    "JointName", {joint.name: joint.name for joint in JOINTS}
)
PointName = StrEnum(  # type: ignore[misc]
    "PointName", {name: name for name in [j.name for j in JOINTS] + list(ENDS)}
)


class Direction(StrEnum):
    """A direction in the picture: left, right, up, down, toward or away from the viewer."""

    LEFT = "left"
    RIGHT = "right"
    UP = "up"
    DOWN = "down"
    VIEWER = "viewer"
    AWAY = "away"


class Surface(StrEnum):
    FLOOR = "floor"
    CHAIR = "chair"
    STEP = "step"
    TABLE = "table"


class ContactPart(StrEnum):
    HEAD = "head"
    UPPER_BACK = "upper_back"
    PELVIS = "pelvis"
    RIGHT_FOOT = "right_foot"
    LEFT_FOOT = "left_foot"
    RIGHT_HEEL = "right_heel"
    LEFT_HEEL = "left_heel"
    RIGHT_TOES = "right_toes"
    LEFT_TOES = "left_toes"
    RIGHT_KNEE = "right_knee"
    LEFT_KNEE = "left_knee"
    RIGHT_SHIN = "right_shin"
    LEFT_SHIN = "left_shin"
    RIGHT_HAND = "right_hand"
    LEFT_HAND = "left_hand"
    RIGHT_FOREARM = "right_forearm"
    LEFT_FOREARM = "left_forearm"


class Equipment(StrEnum):
    """What an exercise uses, and what its picture may show: one vocabulary for both."""

    MAT = "mat"
    CHAIR = "chair"
    WALL = "wall"
    STEP = "step"
    BAND = "band"
    PILLOW = "pillow"
    TOWEL = "towel"
    TABLE = "table"
    DOORWAY = "doorway"


Degrees = Annotated[StrictFloat, Field(ge=-180, le=180)]


class JointAngles(_Strict):
    """Angles for one joint; an angle left out keeps the named pose's value."""

    bend: Degrees | None = None
    side: Degrees | None = None
    turn: Degrees | None = None


class Body(_Strict):
    """Where the body points in the picture, and how far it is tipped from there."""

    head: Direction = Field(description="Where the top of the head points.")
    facing: Direction = Field(description="Where the chest faces.")
    seen_from_above: Annotated[StrictInt, Field(ge=0, le=90)] = Field(
        0,
        description="Degrees the viewer looks down by (0: level with the floor, 90: overhead).",
    )


class Prop(_Strict):
    """Something in the picture besides the body, placed by a body point."""

    kind: Equipment
    at: PointName | None = Field(None, description="Body point the prop is placed by.")
    to: PointName | None = Field(None, description="For a band or towel held in the hands.")
    shift: Annotated[StrictFloat, Field(ge=-200, le=200)] = Field(
        0, description="Moved this many centimetres in the direction the body faces."
    )


Description = Annotated[str, StringConstraints(min_length=3, max_length=160)]


class Panel(_Strict):
    """One picture of a figure: a named pose, optionally adjusted joint by joint."""

    pose: Annotated[str, StringConstraints(pattern=r"^(?:[a-z0-9]+(?:-[a-z0-9]+)*|TODO)$")] = Field(
        description="A named pose (`TODO` in a new exercise until the author chooses one)."
    )
    adjust: dict[JointName, JointAngles] = Field(
        default={}, description="Joint angles changed from the named pose, in degrees."
    )
    contacts: dict[ContactPart, Surface] | None = Field(
        None, description="Body parts that rest on a surface (replaces the pose's list)."
    )
    props: list[Prop] | None = Field(None, description="Replaces the named pose's props.")
    arrow: PointName | None = Field(
        None, description="Body point whose movement from the previous picture is drawn."
    )
    description: Description | None = Field(
        None, description="What this picture shows, for the alt text (default: the pose's)."
    )


class Figure(_Strict):
    """Up to three pictures of an exercise, drawn from named poses."""

    panels: Annotated[list[Panel], Field(min_length=1, max_length=3)]
    alt: Annotated[str, StringConstraints(min_length=3, max_length=300)] | None = Field(
        None, description="Alt text; by default made from the pictures' descriptions."
    )
    # The pose library this figure's names refer to: the catalog sets it when the clinic
    # adds poses (`poses:`); None means the shipped library.
    _poses: PoseLibrary | None = PrivateAttr(None)

    def using(self, poses: PoseLibrary | None) -> Figure:
        """A copy of this figure whose pose names refer to `poses`."""
        copy = self.model_copy()
        copy.bind(poses)
        return copy

    def bind(self, poses: PoseLibrary | None) -> None:
        """Let this figure's pose names refer to `poses` (done once, by the catalog)."""
        self._poses = poses

    @property
    def poses(self) -> PoseLibrary | None:
        return self._poses

    @property
    def placeholder(self) -> bool:
        """A new exercise's figure whose poses are still to be chosen."""
        return any(panel.pose == "TODO" for panel in self.panels)


class NamedPose(_Strict):
    """An entry of the pose library: a whole pose, or changes to another named pose."""

    description: Description
    base: str | None = Field(None, description="Named pose this one changes.")
    body: Body | None = None
    joints: dict[JointName, JointAngles] = {}
    contacts: dict[ContactPart, Surface] | None = None
    props: list[Prop] | None = None
    anchor: PointName | None = Field(
        None, description="Body point kept in the same place in every picture."
    )
