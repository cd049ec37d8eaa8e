"""The signs each red-flag tier must name, by kind of condition, read from data.

The standard is the content guide's (`red_flag_rules.yaml` beside this module): back pain needs
the cauda equina signs, neck pain the neck emergency set, pregnancy the maternity-unit signs.
`check` warns, at the list, when a condition's `red_flags` or its printed `handout` misses one.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from importlib.resources import files
from typing import Annotated, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from generator.catalog.model import Catalog, Condition
from generator.catalog.relations import Relations
from generator.source.errors import Path

Tier = Literal["emergency", "urgent", "soon"]
TIERS: tuple[Tier, ...] = ("emergency", "urgent", "soon")
Word = Annotated[str, StringConstraints(min_length=1, to_lower=True)]


class Sign(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    sign: str
    any: Annotated[list[Word], Field(min_length=1)]


class RuleSet(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    applies_to: Annotated[list[Word], Field(min_length=1)]
    tiers: dict[Tier, list[Sign]]

    def applies(self, condition: Condition) -> bool:
        names = " ".join([condition.name, *condition.also_known_as]).lower()
        return any(word in names for word in self.applies_to)


class RedFlagRules(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    sets: list[RuleSet]


@cache
def default_rules() -> RedFlagRules:
    """The content guide's rules, shipped with the generator."""
    text = files("generator.catalog").joinpath("red_flag_rules.yaml").read_text(encoding="utf-8")
    return RedFlagRules.model_validate(yaml.safe_load(text))


def missing_signs(catalog: Catalog, rules: RedFlagRules) -> Iterator[tuple[Path, str]]:
    """(path of the list, message) for each required sign left out of a condition's red flags
    or handout, or of the printed handout of a routine for that condition."""
    for i, condition in enumerate(catalog.conditions):
        applying = [rule for rule in rules.sets if rule.applies(condition)]
        yield from _missing(("conditions", i, "red_flags"), condition.red_flags, applying)
        if condition.handout is not None:
            yield from _missing(("conditions", i, "handout"), condition.handout, applying)
    relations = Relations(catalog)
    for i, routine in enumerate(catalog.routines):
        if routine.handout is None:
            continue
        conditions = relations.conditions_for_routine(routine.id)
        applying = [r for r in rules.sets if any(r.applies(c) for c in conditions)]
        yield from _missing(("routines", i, "handout"), routine.handout, applying)


def _missing(base: Path, flags: object, applying: list[RuleSet]) -> Iterator[tuple[Path, str]]:
    kind = "red-flag list" if base[-1] == "red_flags" else "handout"
    for rule in applying:
        for tier, signs in rule.tiers.items():
            lines: list[str] = getattr(flags, tier)
            text = " ".join(lines).lower()
            absent = [s.sign for s in signs if not any(w in text for w in s.any)]
            if absent:
                message = (
                    f"the {kind}'s '{tier}' tier does not name what the content guide "
                    f"requires for {rule.name}: {'; '.join(absent)}"
                )
                yield ((*base, tier) if lines else base), message
