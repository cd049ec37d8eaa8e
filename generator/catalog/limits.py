"""The bounds of a programme, read from the catalog model: one source for the YAML checks, the
pages and the routine builder (which gets them through its page data)."""

from __future__ import annotations

from typing import Any

from annotated_types import MaxLen
from pydantic import BaseModel

from generator.catalog.model import Dosage, Routine

# The longest programme link the builder makes, in characters. Its QR code (error correction L,
# version 29: 133 modules across) prints at 0.35 mm a module within QR_MAX_MM.
LINK_CHARACTERS = 1600
# A printed QR code: 0.35 mm a module at least, 4 modules of quiet zone, at most QR_MAX_MM
# wide; a code that would need more is not printed (the sheet prints a short address instead).
QR_MODULE_MM = 0.35
QR_MIN_MM = 22.0
QR_MAX_MM = 50.0
TEXT_CHARACTERS = {"title": 120, "instructions": 600, "note": 300, "therapist": 60}


def field_bounds(model: type[BaseModel], name: str) -> tuple[int, int]:
    """The (lowest, highest) values a model's integer field allows (from its JSON Schema, which
    also sees the bounds of an optional field)."""
    schema = model.model_json_schema(by_alias=False)["properties"][name]
    for option in [schema, *schema.get("anyOf", [])]:
        if "minimum" in option and "maximum" in option:
            return int(option["minimum"]), int(option["maximum"])
    raise ValueError(f"{model.__name__}.{name} has no bounds")


def max_items() -> int:
    """The most exercises a routine (or a builder programme) may have."""
    for constraint in Routine.model_fields["items"].metadata:
        if isinstance(constraint, MaxLen):
            return int(constraint.max_length)
    raise ValueError("Routine.items has no maximum length")


# The tick grid of a printed sheet: a row a week, up to this many rows a grid, up to this many
# grids side by side on the first sheet; a longer log gets a sheet of its own.
TRACKER_ROWS = 6
TRACKER_GRIDS = 2


def tracker_layout(weeks: int) -> tuple[int, int, bool]:
    """(grids, rows in each, whether the log has a sheet of its own) for a routine's weeks."""
    own_sheet = weeks > TRACKER_ROWS * TRACKER_GRIDS
    grids = 1 if weeks <= TRACKER_ROWS or own_sheet else -(-weeks // TRACKER_ROWS)
    return grids, -(-weeks // grids), own_sheet


def programme_limits() -> dict[str, Any]:
    """Everything the builder must enforce, as JSON-ready data."""
    return {
        "items": max_items(),
        "sets": field_bounds(Dosage, "sets"),
        "reps": field_bounds(Dosage, "reps"),
        "hold": field_bounds(Dosage, "hold_seconds"),
        "minutes": field_bounds(Dosage, "minutes"),
        "rest": field_bounds(Dosage, "rest_seconds"),
        "perDay": field_bounds(Dosage, "times_per_day"),
        "perWeek": field_bounds(Dosage, "days_per_week"),
        "weeks": field_bounds(Routine, "duration_weeks"),
        "link": LINK_CHARACTERS,
        "text": TEXT_CHARACTERS,
        "tracker": {"rows": TRACKER_ROWS, "grids": TRACKER_GRIDS},
        "qr": {"module_mm": QR_MODULE_MM, "min_mm": QR_MIN_MM, "max_mm": QR_MAX_MM},
    }
