"""Ouderbrief: the stored case file, the betrokkenen, the case-list description, the proposal and the tasks."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from app.domain.addressees import address_of
from app.domain.assessment import NIET_BEVOEGD, Assessment, ParameterValue
from app.domain.history import person_key
from app.powers.ouderbrief.facts import child_abroad, incident_date
from app.powers.ouderbrief.labels import INCIDENT_TYPE_LABELS
from app.powers.spec import Task

CHILD, GUARDIAN = "minderjarige", "gezaghebbende"
LOOK_UP = Task("gezag_opzoeken", "Zoek op wie het gezag heeft over het kind (ouders of voogd). Tot dan gaat er "
                                 "geen brief; schrijf nooit aan een ouder zonder gezag.")
ABROAD = Task("handmatige_afhandeling", "Het kind woont in het buitenland. Handel de brief met de hand af: "
                                        "controleer wie daar het gezag heeft, en leg vast hoe de brief is bezorgd.")


def case_file(data: Mapping[str, Any]) -> dict[str, Any]:
    """The case file as stored: the report's own fields."""
    return dict(data["gegevens"])


def betrokkenen(data: Mapping[str, Any], _params: Mapping[str, ParameterValue]) -> list[dict[str, Any]]:
    """The child (never an addressee) and each person with authority at their own address."""
    gegevens = data["gegevens"]
    child = gegevens["child"]
    people = [{"roltype": CHILD, "naam": child["naam"], "geboortedatum": child["geboortedatum"],
               **address(child["adres"])}]
    people += [{"roltype": GUARDIAN, "naam": p["naam"], "geboortedatum": None, **address(p["adres"])}
               for p in gegevens.get("gezaghebbenden") or ()]
    return people


def address(adres: Mapping[str, Any]) -> dict[str, Any]:
    """The address fields of a betrokkene, with its country (Dutch when a stored case file has none)."""
    return address_of(adres)


def subject(gegevens: Mapping[str, Any]) -> str:
    """Who the melding is about: one police report of a group incident may start one case per child."""
    child = gegevens.get("child") or {}
    born = child.get("geboortedatum")
    try:
        birth = born if isinstance(born, date) else date.fromisoformat(str(born))
    except ValueError:
        birth = None
    return person_key(child.get("naam"), birth) or str(child.get("naam") or "")


def omschrijving(data: Mapping[str, Any]) -> str:
    """Without names: the case list and the audit trail carry no child's name."""
    gegevens = data["gegevens"]
    soort = INCIDENT_TYPE_LABELS.get(gegevens.get("incident_type"), "Incident")
    return f"Brief aan de ouders: {soort.lower()} door een minderjarige, {incident_date(gegevens):%d-%m-%Y}"


def proposal(assessment: Assessment) -> dict[str, Any]:
    """The letter the rules point to: the repeated letter after an earlier one, else the first; none for an
    adult. Both letters carry the same measure, so choosing the other is no departure from policy."""
    beleid = assessment.findings("beleid")
    if assessment.bevoegdheid == NIET_BEVOEGD:
        maatregel = "geen_brief"
    else:
        maatregel = beleid[0].value if beleid else "ouderbrief"
    return {"maatregel": maatregel, "duur": None, "eenheid": None, "parameter": None}


def tasks(case: Mapping[str, Any], _params: Mapping[str, ParameterValue], _now: datetime) -> list[Task]:
    """Nobody with authority known: look it up first (no letter until then); a child abroad: by hand."""
    found = [] if case.get("gezaghebbenden") else [LOOK_UP]
    return [*found, ABROAD] if child_abroad(case) else found
