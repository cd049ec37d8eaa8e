"""Treatments whose evidence for neck pain differs say so under a heading of its own."""

from __future__ import annotations

from generator.catalog.load import load_catalog, load_catalog_text
from generator.catalog.model import Stance
from generator.pages.render import render_pages
from tests.conftest import ROOT

CATALOG = load_catalog(ROOT / "exercises.yaml")


def test_neck_stances_are_shown_on_their_treatment_pages() -> None:
    with_neck = {m.id: m for m in CATALOG.treatments if m.evidence.neck is not None}
    assert {"exercise-therapy", "joint-mobilisation", "spinal-manipulation"} <= set(with_neck)
    assert with_neck["exercise-therapy"].evidence.neck.stance == Stance.RECOMMENDED  # type: ignore[union-attr]
    pages = render_pages(CATALOG)
    for treatment_id, treatment in with_neck.items():
        page = pages[f"treatments/{treatment_id}.md"]
        assert "### Neck pain" in page
        assert treatment.evidence.neck.summary.split(".")[0] in " ".join(page.split())  # type: ignore[union-attr]
    assert "### Neck pain" not in pages["treatments/cupping.md"]


def test_a_neck_stance_cites_known_references() -> None:
    text = (ROOT / "exercises.yaml").read_text(encoding="utf-8")
    at = text.index("      neck:\n")
    at = text.index("          - blanpied-2017\n", at)
    broken = (
        text[:at] + "          - no-such-ref\n" + text[at + len("          - blanpied-2017\n") :]
    )
    try:
        load_catalog_text(broken, "exercises.yaml")
    except Exception as error:
        assert "evidence.neck.references" in str(error) and "no-such-ref" in str(error)
    else:
        raise AssertionError("an unknown reference under evidence.neck was accepted")
