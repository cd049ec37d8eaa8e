"""Small 3-D vector and rotation helpers for the figure model (no dependencies)."""

from __future__ import annotations

import math
from functools import lru_cache

Vec = tuple[float, float, float]
# A frame maps body-local coordinates (forward, up, right) to world coordinates
# (x to the right of the picture, y up, z toward the viewer); stored as its three columns.
Frame = tuple[Vec, Vec, Vec]


def add(a: Vec, b: Vec) -> Vec:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def sub(a: Vec, b: Vec) -> Vec:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def scale(a: Vec, k: float) -> Vec:
    return (a[0] * k, a[1] * k, a[2] * k)


def cross(a: Vec, b: Vec) -> Vec:
    return (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])


def apply(frame: Frame, local: Vec) -> Vec:
    """World vector of `local` (forward, up, right) in `frame`."""
    f, u, r = frame
    return (
        f[0] * local[0] + u[0] * local[1] + r[0] * local[2],
        f[1] * local[0] + u[1] * local[1] + r[1] * local[2],
        f[2] * local[0] + u[2] * local[1] + r[2] * local[2],
    )


def rotate(frame: Frame, flex: float, side: float, twist: float) -> Frame:
    """`frame` turned by three angles in degrees, applied twist first, then side, then flex.

    flex turns up toward forward's opposite about the right axis (f' = f cos - u sin);
    side turns up toward right about the forward axis; twist turns forward toward right
    about the up axis. Callers give each joint its anatomical signs.
    """
    local = _rotation(flex, side, twist)
    return (apply(frame, local[0]), apply(frame, local[1]), apply(frame, local[2]))


@lru_cache(maxsize=65536)  # poses share most of their angles: each rotation is made once
def _rotation(flex: float, side: float, twist: float) -> Frame:
    columns = []
    for axis in ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0)):
        f, u, r = axis
        c, s = math.cos(math.radians(twist)), math.sin(math.radians(twist))
        f, r = f * c - r * s, f * s + r * c
        c, s = math.cos(math.radians(side)), math.sin(math.radians(side))
        u, r = u * c - r * s, u * s + r * c
        c, s = math.cos(math.radians(flex)), math.sin(math.radians(flex))
        f, u = f * c - u * s, f * s + u * c
        columns.append((f, u, r))
    return (columns[0], columns[1], columns[2])
