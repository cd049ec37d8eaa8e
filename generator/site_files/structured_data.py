"""schema.org JSON-LD for generated pages: what search engines and health portals read."""

from __future__ import annotations

import json
from typing import Any

from generator.catalog.addresses import CONDITIONS, EXERCISES, ROUTINES, TREATMENTS, page_url
from generator.catalog.model import Catalog, Condition, Exercise, Modality, Review, Routine
from generator.catalog.relations import Relations
from generator.clinic.settings import ClinicSettings
from generator.pages.dosage import describe_dosage, describe_frequency

CONTEXT = "https://schema.org"


def medical_web_page(
    about: dict[str, Any], reviewed: Review, url: str, clinic: ClinicSettings
) -> dict[str, Any]:
    """The page wrapper: a MedicalWebPage about one entry, with its review."""
    page: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "MedicalWebPage",
        "name": about["name"],
        "description": about.get("description", ""),
        "about": about,
        "lastReviewed": reviewed.date.isoformat(),
        "reviewedBy": {"@type": "Person", "name": reviewed.by},
        "publisher": {"@type": "MedicalClinic", "name": clinic.name},
        "audience": {"@type": "Patient"},
    }
    if clinic.tel:
        page["publisher"]["telephone"] = clinic.tel.removeprefix("tel:")  # as every tel: link
    if url:
        page["url"] = url
    return page


def condition_data(condition: Condition, rel: Relations) -> dict[str, Any]:
    return {
        "@type": "MedicalCondition",
        "name": condition.name,
        "alternateName": condition.also_known_as,
        "description": condition.summary,
        "signOrSymptom": [{"@type": "MedicalSignOrSymptom", "name": s} for s in condition.symptoms],
        "possibleTreatment": [
            {"@type": "MedicalTherapy", "name": rel.treatment[role.treatment].name}
            for role in condition.helps
        ],
    }


def treatment_data(treatment: Modality) -> dict[str, Any]:
    return {
        "@type": "MedicalTherapy",
        "name": treatment.name,
        "alternateName": treatment.also_known_as,
        "description": treatment.summary,
        "adverseOutcome": [{"@type": "MedicalEntity", "name": r} for r in treatment.risks],
        "contraindication": [
            {"@type": "MedicalContraindication", "name": n} for n in treatment.not_for
        ],
    }


def exercise_data(exercise: Exercise) -> dict[str, Any]:
    return {
        "@type": "ExercisePlan",
        "name": exercise.name,
        "alternateName": exercise.also_known_as,
        "description": exercise.summary,
        "activityFrequency": describe_dosage(exercise.dosage),
        "exerciseType": [goal.value.replace("_", " ") for goal in exercise.goals],
    }


def routine_data(routine: Routine, rel: Relations) -> dict[str, Any]:
    return {
        "@type": "ExercisePlan",
        "name": routine.name,
        "description": routine.summary,
        "activityFrequency": describe_frequency(routine.frequency),
        "activityDuration": f"P{routine.duration_weeks}W",
        "workload": [
            f"{rel.exercise[item.exercise].name}: {describe_dosage(rel.item_dosage(item))}"
            for item in routine.items
        ],
    }


def json_ld_pages(catalog: Catalog, clinic: ClinicSettings, site_url: str) -> dict[str, str]:
    """`{source uri: JSON-LD text}` for every entry page, safe inside a script element."""
    rel = Relations(catalog)
    entries: list[tuple[str, dict[str, Any], Review]] = []
    entries += [(EXERCISES.page(e.id), exercise_data(e), e.reviewed) for e in catalog.exercises]
    entries += [
        (CONDITIONS.page(c.id), condition_data(c, rel), c.reviewed) for c in catalog.conditions
    ]
    entries += [(TREATMENTS.page(m.id), treatment_data(m), m.reviewed) for m in catalog.modalities]
    entries += [(ROUTINES.page(r.id), routine_data(r, rel), r.reviewed) for r in catalog.routines]
    pages: dict[str, str] = {}
    for uri, about, reviewed in entries:
        url = page_url(site_url, uri) if site_url else ""
        data = medical_web_page(about, reviewed, url, clinic)
        text = json.dumps(data, ensure_ascii=False, sort_keys=True)
        pages[uri] = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return pages


def add_json_ld(html: str, json_ld: str) -> str:
    """`html` with the JSON-LD script placed just before `</head>`."""
    script = f'<script type="application/ld+json">{json_ld}</script>\n'
    return html.replace("</head>", script + "</head>", 1)
