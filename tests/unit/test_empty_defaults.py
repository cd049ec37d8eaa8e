"""Empty-collection defaults: a new, empty list or dict for each object, as `[]` gave."""

from __future__ import annotations

from pydantic import BaseModel

from generator.catalog import model
from generator.figures import spec


def models() -> list[type[BaseModel]]:
    found = [*vars(model).values(), *vars(spec).values()]
    return [m for m in found if isinstance(m, type) and issubclass(m, BaseModel)]


def test_factory_defaults_are_new_empty_collections_shown_in_the_schema() -> None:
    checked = 0
    for cls in models():
        for name, field in cls.model_fields.items():
            if field.default_factory is None:
                continue
            first = field.get_default(call_default_factory=True, validated_data={})
            second = field.get_default(call_default_factory=True, validated_data={})
            assert first in ([], {}) and first is not second, (cls, name)
            assert field.json_schema_extra == {"default": first}, (cls, name)
            checked += 1
    assert checked >= 20


def test_objects_do_not_share_their_default_lists() -> None:
    panel = spec.Panel(pose="standing")
    other = spec.Panel(pose="standing")
    assert panel.adjust == {} and panel.adjust is not other.adjust
    catalog, again = model.Catalog(), model.Catalog()
    assert catalog.exercises == [] and catalog.exercises is not again.exercises
