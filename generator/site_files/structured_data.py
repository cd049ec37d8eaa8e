"""schema.org JSON-LD for generated pages: what search engines and health portals read."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from generator.catalog.addresses import page_url
from generator.catalog.kinds import CONDITIONS, EXERCISES, PAGE_KINDS, ROUTINES, TREATMENTS
from generator.catalog.model import Catalog, Condition, Exercise, Routine, Treatment
from generator.catalog.relations import Relations
from generator.clinic.settings import ClinicSettings
from generator.clinic.signoff import SignOff
from generator.pages.dosage import describe_dosage, describe_frequency

CONTEXT = "https://schema.org"


def medical_web_page(
    about: dict[str, Any], reviewed: SignOff | None, url: str, clinic: ClinicSettings
) -> dict[str, Any]:
    """The page wrapper: a MedicalWebPage about one entry, with the clinic's review when it
    has signed the entry off (the project's own review is not the clinic's)."""
    page: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "MedicalWebPage",
        "name": about["name"],
        "description": about.get("description", ""),
        "about": about,
        "publisher": {"@type": "MedicalClinic", "name": clinic.name},
        "audience": {"@type": "Patient"},
    }
    if reviewed is not None:
        page["lastReviewed"] = reviewed.date.isoformat()
        page["reviewedBy"] = {"@type": "Person", "name": reviewed.by}
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


def treatment_data(treatment: Treatment, rel: Relations) -> dict[str, Any]:
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


def exercise_data(exercise: Exercise, rel: Relations) -> dict[str, Any]:
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


# What each kind of page is about, by the kind's noun (`kinds.py`; `pipeline.kind_gaps`).
JSON_LD: dict[str, Callable[[Any, Relations], dict[str, Any]]] = {
    CONDITIONS.noun: condition_data,
    EXERCISES.noun: exercise_data,
    ROUTINES.noun: routine_data,
    TREATMENTS.noun: treatment_data,
}


def json_ld_pages(
    catalog: Catalog,
    clinic: ClinicSettings,
    site_url: str,
    reviews: Mapping[tuple[str, str], SignOff] | None = None,
) -> dict[str, str]:
    """`{source uri: JSON-LD text}` for every entry page, safe inside a script element;
    `reviews` are the clinic's sign-offs that hold, by (noun, id)."""
    rel = Relations(catalog)
    reviews = reviews or {}
    entries = [
        (kind.page(entry.id), kind.noun, entry.id, JSON_LD[kind.noun](entry, rel))
        for kind in PAGE_KINDS
        for entry in kind.entries(catalog)
    ]
    pages: dict[str, str] = {}
    for uri, noun, entry_id, about in entries:
        url = page_url(site_url, uri) if site_url else ""
        data = medical_web_page(about, reviews.get((noun, entry_id)), url, clinic)
        text = json.dumps(data, ensure_ascii=False, sort_keys=True)
        pages[uri] = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return pages


def add_json_ld(html: str, json_ld: str) -> str:
    """`html` with the JSON-LD script placed just before `</head>`."""
    script = f'<script type="application/ld+json">{json_ld}</script>\n'
    return html.replace("</head>", script + "</head>", 1)
