"""schema.org JSON-LD for generated pages: what search engines and health portals read."""

from __future__ import annotations

from typing import Any

from .dosage import describe_dosage, describe_frequency
from .model import Condition, Exercise, Modality, Review, Routine
from .relations import Relations
from .settings import ClinicSettings

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
