"""The catalog reference (docs/catalog.md) is written from the model: complete and current."""

from __future__ import annotations

from pydantic import BaseModel, Field

from generator.catalog import reference_doc
from generator.catalog.reference_doc import TABLES, rewrite, table, undocumented
from tests.conftest import ROOT

DOCUMENT = ROOT / "docs" / "catalog.md"


def test_every_documented_field_has_a_meaning() -> None:
    assert undocumented() == [], "give these fields a description in generator/catalog/model.py"


def test_the_document_holds_every_table_and_is_current() -> None:
    text = DOCUMENT.read_text(encoding="utf-8")
    for name in TABLES:
        assert f"<!-- reference:{name} -->" in text, name
    assert rewrite(text) == text, "run: .venv/bin/python scripts/catalog_reference.py"


def test_a_table_says_what_the_type_says(monkeypatch) -> None:
    class Sample(BaseModel):
        count: int = Field(ge=2, le=9, description="How many.")
        words: list[str] = Field(default=[], max_length=3, description="Some words.")

    monkeypatch.setitem(reference_doc.TABLES, "sample", (Sample, None))
    assert table("sample").splitlines()[2:] == [
        "| `count` | yes | How many. From 2 to 9. |",
        "| `words` | no | Some words. At most 3 items. |",
    ]


def test_rewrite_replaces_only_the_marked_blocks() -> None:
    document = "before\n<!-- reference:dosage -->\nstale\n<!-- /reference -->\nafter\n"
    rewritten = rewrite(document)
    assert rewritten.startswith("before\n<!-- reference:dosage -->\n| field |")
    assert "stale" not in rewritten and rewritten.endswith("<!-- /reference -->\nafter\n")
    assert "`hold_seconds` | no |" in rewritten
