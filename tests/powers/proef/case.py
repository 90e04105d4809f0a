"""The fictional power `proef`: flat facts, the policy proposal, the case file and its betrokkenen."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from app.domain.addressees import address_of, rechthebbende
from app.domain.assessment import NIET_BEVOEGD, Assessment, ParameterValue
from tests.powers.proef.aanvraag import LABELS as AANVRAAG_LABELS

OFFENCE = ("eerste", "tweede", "derde_of_later")
AMOUNTS = ("hard_drugs_g", "lijst_ia_g", "soft_drugs_g")


def facts_from_case(case: Mapping[str, Any], history: Iterable[Mapping[str, Any]],
                    _params: Mapping[str, ParameterValue], _today: date) -> dict[str, Any]:
    """The flat fact of rules/proef/index.yaml; every earlier measure at the address raises the offence."""
    earlier = len(list(history))
    return {"premises_type": case["premises_type"], "medical_practice": bool(case["medical_practice"]),
            **{name: float(case[name]) for name in AMOUNTS}, "dealing_observed": case["dealing_observed"],
            "offence": OFFENCE[min(earlier, len(OFFENCE) - 1)]}


def proposal(assessment: Assessment) -> dict[str, Any]:
    """The beleid rule's measure and months (its parameter holds both), or no action."""
    beleid = assessment.findings("beleid")
    if assessment.bevoegdheid == NIET_BEVOEGD or not beleid:
        return {"maatregel": "geen_actie", "duur": None, "eenheid": None, "parameter": None}
    name = beleid[0].conclusion["parameter"]
    cell = assessment.parameters[name].value
    return {"maatregel": cell["maatregel"], "duur": cell["maanden"], "eenheid": "months", "parameter": name}


def case_file(data: Mapping[str, Any]) -> dict[str, Any]:
    return dict(data["gegevens"])


def betrokkenen(data: Mapping[str, Any], _params: Mapping[str, ParameterValue]) -> list[dict[str, Any]]:
    adres = address_of(data["adres"])
    people = [{"roltype": "bewoner", "naam": p["naam"], **adres} for p in data["bewoners"]]
    owner = data.get("rechthebbende")
    return [*people, rechthebbende(owner)] if owner else people


def omschrijving(data: Mapping[str, Any]) -> str:
    return f"Proefvondst {data['adres']['straat']} {data['adres']['huisnummer']}"


LABELS = {
    "woning": "Woning", "lokaal": "Lokaal", "erf": "Erf", "voertuig": "Voertuig",
    "premises_type": "Soort pand", "medical_practice": "Praktijkruimte van een arts",
    "hard_drugs_g": "Harddrugs (gram)", "lijst_ia_g": "Lijst IA (gram)", "soft_drugs_g": "Softdrugs (gram)",
    "dealing_observed": "Handel gezien", "offence": "Overtreding", "eerste": "Eerste", "tweede": "Tweede",
    "derde_of_later": "Derde of later", "eigenaar": "Eigenaar", "verhuurder": "Verhuurder",
    "woningcorporatie": "Woningcorporatie", "bewoner": "Bewoner", "rechthebbende": "Rechthebbende",
    "sluiting": "Sluiting", "geen_actie": "Geen actie", **AANVRAAG_LABELS,
}
