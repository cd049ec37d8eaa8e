"""Editorial checks: each one catches what it should, and the shipped catalog passes them all."""

from __future__ import annotations

import datetime
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from generator.catalog import content_checks
from generator.catalog.content_checks import Severity, check_content, patient_text
from generator.catalog.load import read_catalog, read_catalog_text
from generator.catalog.model import Catalog
from generator.catalog.red_flag_rules import RedFlagRules, default_rules
from generator.source.source_map import SourceMap
from tests.conftest import FIXTURES, ROOT, examples, mini_text, run_cli

TODAY = datetime.date(2026, 11, 23)


def findings(text: str, **kwargs: object) -> list[str]:
    catalog, source = read_catalog_text(text, "test.yaml")
    report = check_content(catalog, source, today=TODAY, readability=False, **kwargs)  # type: ignore[arg-type]
    return [str(f) for f in report.findings]


def test_the_mini_catalog_is_clean() -> None:
    assert findings(mini_text()) == []


def test_placeholder_text_is_an_error_at_its_place() -> None:
    found = findings(mini_text().replace("- Relax.", "- TODO write this step"))
    assert len(found) == 1
    assert "exercises[0].steps[2]: placeholder text 'TODO'" in found[0]
    assert ": warning:" not in found[0]


def test_one_way_ladder_is_a_warning() -> None:
    found = findings(mini_text().replace("    easier: [pelvic-tilt]\n", ""))
    assert any(
        "warning: exercises[0].harder[0]: 'glute-bridge' is listed as harder, but 'glute-bridge' "
        "does not list 'pelvic-tilt' under easier" in f
        for f in found
    )


def test_a_team_name_as_reviewer_is_a_warning() -> None:
    text = mini_text().replace("by: Test Reviewer", "by: Clinical team", 1)
    found = findings(text)
    assert len(found) == 1
    expected = ": warning: modalities[0].reviewed.by: reviewed.by 'Clinical team' names a group"
    assert expected in found[0]
    assert "name who reviewed it and their profession" in found[0]
    for person in ("Jane Smith, physiotherapist", "Dr Ann Lee, GP", "Sam Taylor, PT"):
        assert findings(mini_text().replace("by: Test Reviewer", f"by: '{person}'", 1)) == []


def test_old_and_future_review_dates_are_warnings() -> None:
    text = mini_text().replace("name: Walking\n", "name: Walking\n", 1)
    text = text.replace("date: 2026-11-20}\n\nconditions", "date: 2024-01-31}\n\nconditions", 1)
    found = findings(text)
    assert any("modalities[1].reviewed.date: last reviewed on 2024-01-31" in f for f in found)
    assert findings(text, review_months=48) == []
    future = mini_text().replace(
        "date: 2026-11-20}\n\nconditions", "date: 2027-01-01}\n\nconditions", 1
    )
    assert any("is in the future" in f for f in findings(future))


def test_uncited_reference_is_a_warning() -> None:
    text = mini_text().replace("references: [hayden-2021, nice-ng59]", "references: [nice-ng59]")
    found = findings(text)
    assert any("references[1].id: reference 'hayden-2021' is not cited" in f for f in found)


def test_hard_text_gets_a_reading_grade_warning() -> None:
    hard = (
        "Comprehensive multidisciplinary rehabilitation necessitates individualised "
        "biopsychosocial conceptualisation of musculoskeletal dysfunction and its sequelae."
    )
    catalog, source = read_catalog_text(
        mini_text().replace("summary: Keeps you active.", f"summary: {hard}"), "test.yaml"
    )
    report = check_content(catalog, source, today=TODAY)
    warnings = [str(f) for f in report.findings if f.severity is Severity.WARNING]
    assert any("exercises[2]: reading grade" in w and "is above 9" in w for w in warnings)


def test_patient_text_skips_names_and_ids_and_ends_sentences() -> None:
    text = patient_text({"id": "x", "name": "Bird dog", "steps": ["Kneel", "Reach out."]})
    assert text == "Kneel. Reach out."


def test_shipped_catalog_passes_every_check_strictly() -> None:
    result = run_cli("check", "--strict")
    assert result.returncode == 0, result.stderr
    # Only the clinic's sign-off may be pending (`check --publish` gates that, not `--strict`).
    others = [line for line in result.stderr.splitlines() if "generator review" not in line]
    assert others == []
    summary = result.stdout.strip().splitlines()[-1]
    assert "0 errors, 0 warnings." in summary
    median = float(summary.split("reading grade median ")[1].split(";")[0])
    assert median <= 8.0


def test_shipped_catalog_meets_the_counts_without_placeholders() -> None:
    catalog, _ = read_catalog(ROOT / "exercises.yaml")
    assert len(catalog.exercises) >= 40
    assert len(catalog.conditions) >= 8
    assert len(catalog.treatments) >= 16
    assert len(catalog.routines) >= 8
    assert all(len(r.items) <= 8 for r in catalog.routines)
    assert all(e.steps and e.stop_if for e in catalog.exercises)


def test_strict_check_fails_on_warnings(tmp_path: Path) -> None:
    bad = tmp_path / "exercises.yaml"
    bad.write_text(mini_text().replace("    easier: [pelvic-tilt]\n", ""), encoding="utf-8")
    config = FIXTURES / "mkdocs.yml"
    run = ["check", str(bad), "--config", str(config)]
    assert run_cli(*run).returncode == 0
    strict = run_cli(*run, "--strict")
    assert strict.returncode == 1
    assert "0 errors, 1 warning." in strict.stdout


def test_placeholders_are_found_in_any_case_and_only_as_words() -> None:
    found = findings(mini_text().replace("- Relax.", "- Lorem Ipsum here"))
    assert any("placeholder text 'Lorem'" in f for f in found)
    clean = findings(mini_text().replace("- Relax.", "- Watch the mastodon and the xx marks."))
    assert not any("placeholder" in f for f in clean)


# Letters of the words, their odd case foldings (long s, dotted I, Kelvin, ligature) and
# characters JSON escapes.
PLACEHOLDER_CHARS = [*'TODOtodbfixmelorempsuXIK .-_"\\/<>', *"\t\n\f\b\x01\x1b\x7f"]
PLACEHOLDER_CHARS += [*"\u017f\u0130\u0131\u212a\ufb01\u00df\u2028\u00e9"]
PLACEHOLDER_TEXT = st.text(alphabet=st.sampled_from(PLACEHOLDER_CHARS), min_size=1, max_size=30)


@settings(max_examples=examples(300), deadline=None)
@given(PLACEHOLDER_TEXT, st.sampled_from(["summary", "name", "feel"]))
def test_any_text_is_reported_exactly_when_it_holds_a_placeholder_word(
    text: str, field: str
) -> None:
    data = read_catalog_text(mini_text(), "test.yaml")[0].model_dump(by_alias=True)
    data["exercises"][0][field] = [text] if field == "feel" else text
    try:
        catalog = Catalog.model_validate(data)
    except ValidationError:
        return
    found = list(content_checks._placeholders(catalog, SourceMap("test.yaml")))
    match = content_checks.PLACEHOLDER.search(text)
    if match is None:
        assert found == []
    else:
        path = f"exercises[0].{field}" + ("[0]" if field == "feel" else "")
        assert [f.problem.path for f in found] == [path]
        assert f"placeholder text '{match[0]}'" in found[0].problem.message


# What the evidence says, read on its own: over grade 8 is a located warning.

HARD_EVIDENCE = (
    "Heterogeneous randomised controlled trials demonstrated statistically insignificant "
    "improvements in functional disability questionnaires, notwithstanding considerable "
    "methodological limitations concerning allocation concealment."
)


def test_an_evidence_summary_over_grade_8_is_a_warning_at_the_summary() -> None:
    catalog, source = read_catalog_text(mini_text(), "test.yaml")
    modality = catalog.treatments[0]
    chronic = modality.evidence.chronic.model_copy(update={"summary": HARD_EVIDENCE})
    evidence = modality.evidence.model_copy(update={"chronic": chronic})
    changed = catalog.model_copy(
        update={"treatments": [modality.model_copy(update={"evidence": evidence})]}
    )
    found = [str(f) for f in check_content(changed, source, today=TODAY).findings]
    hits = [f for f in found if "for what the evidence says" in f]
    assert len(hits) == 1
    assert "warning: modalities[0].evidence.chronic.summary: reading grade" in hits[0]
    plain = [str(f) for f in check_content(catalog, source, today=TODAY).findings]
    assert not [f for f in plain if "for what the evidence says" in f]


# Red-flag tiers against the content guide's rules (generator/catalog/red_flag_rules.yaml).


def rule_findings(text: str, rules: RedFlagRules | None = None) -> list[str]:
    catalog, source = read_catalog_text(text, "test.yaml")
    report = check_content(
        catalog, source, today=TODAY, readability=False, red_flag_rules=rules or default_rules()
    )
    return [str(f) for f in report.findings]


FULL_BACK_FLAGS = """    red_flags:
      emergency:
        - Numbness around your genitals or buttocks, or it feels different when you wipe.
        - New trouble passing urine, or losing control of your bladder or bowels.
        - New problems with sex.
        - Pain, weakness or numbness in both legs.
        - Chest pain.
        - Back pain after a serious accident or fall.
      urgent:
        - A fever with back pain, weight loss without trying, or cancer in the past.
        - Pain that is worse at night.
        - Pain between your shoulder blades.
      soon:
        - Back pain that started before age 45 and has lasted 3 months or more.
"""
SHORT_FLAGS = """    red_flags:
      emergency: [Numbness around your genitals or buttocks.]
      urgent: [A fever with back pain.]
"""


def test_a_back_condition_missing_signs_is_warned_at_each_tier() -> None:
    found = rule_findings(mini_text().replace(FULL_BACK_FLAGS, SHORT_FLAGS))
    emergency = [f for f in found if "conditions[0].red_flags.emergency:" in f]
    assert len(emergency) == 1
    for sign in ("altered feeling when wiping", "new problems with sex", "chest pain"):
        assert sign in emergency[0]
    assert "numbness around the genitals" not in emergency[0]
    assert any("conditions[0].red_flags.urgent:" in f and "shoulder blades" in f for f in found)
    # No `soon` list at all: the warning is at the red flags.
    assert any("conditions[0].red_flags: " in f and "'soon' tier" in f for f in found)


def test_a_back_condition_naming_every_sign_passes() -> None:
    assert FULL_BACK_FLAGS in mini_text()
    assert rule_findings(mini_text()) == []


def test_the_handout_is_held_to_the_same_signs() -> None:
    handout = FULL_BACK_FLAGS + (
        "    handout:\n      emergency: [Numb genitals, bladder or bowel trouble]\n"
    )
    found = rule_findings(mini_text().replace(FULL_BACK_FLAGS, handout))
    assert any("conditions[0].handout.emergency:" in f and "chest pain" in f for f in found)
    assert any("conditions[0].handout: " in f and "'urgent' tier" in f for f in found)


def test_rules_are_data_matched_by_the_condition_names() -> None:
    rules = RedFlagRules.model_validate(
        {
            "sets": [
                {
                    "name": "lumbago",
                    "applies_to": ["LUMBAGO"],
                    "tiers": {"urgent": [{"sign": "a fever", "any": ["fever"]}]},
                },
                {
                    "name": "knees",
                    "applies_to": ["knee"],
                    "tiers": {"urgent": [{"sign": "a hot knee", "any": ["hot"]}]},
                },
            ]
        }
    )
    assert rule_findings(mini_text(), rules) == []
    no_fever = mini_text().replace("A fever with back pain,", "Pain,")
    found = rule_findings(no_fever, rules)
    assert len(found) == 1 and "required for lumbago: a fever" not in found[0]
    assert "requires for lumbago: a fever" in found[0]


def test_the_shipped_catalog_names_every_required_sign() -> None:
    catalog, source = read_catalog(ROOT / "exercises.yaml")
    report = check_content(
        catalog, source, today=TODAY, readability=False, red_flag_rules=default_rules()
    )
    assert [str(f) for f in report.findings if "content guide requires" in str(f)] == []
