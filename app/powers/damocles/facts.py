"""Damocles (art. 13b Opiumwet): from the case file to the one flat, complete fact the rules read.

`facts_from_case` turns the case file (docs/contracts.md) into the fact that rules/damocles/ reads:
quantities summed per drug class *and* per substance, the offence number within the recidive window, the
days since the finding, and explicit `unknown` values.

No statutory or policy number lives here and no legal condition is decided here: thresholds, the recidive
window, the treatment of an unoccupied dwelling and the closure months are parameters, and whether a
quantity is a handelshoeveelheid is a rule. This module only counts, sums and classifies what the case
file says.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from types import MappingProxyType
from typing import Any

from app.domain import history as history_rules
from app.domain.assessment import ParameterValue
from app.domain.errors import FactsRejected
from app.powers.damocles.quantities import quantity_facts

POWER = "damocles"
UNKNOWN = "unknown"

# The complete case file with nothing found and every unanswered question explicitly unknown. The two
# None values must be supplied: a finding without a date or a place cannot be assessed.
CASE_FILE_DEFAULTS: Mapping[str, Any] = MappingProxyType({
    "finding_date": None,
    "premises_type": None,
    "lokaal_subtype": None,
    "medical_practice_use": False,
    "substances": (),
    "objects_13b_1b": (),
    "dealing_evidence": (),
    "attributes_found": (),
    "weapon_found": False,
    "person_who_dealt": UNKNOWN,
    "resident_role": UNKNOWN,
    "minors_in_household": UNKNOWN,
    "vulnerable_residents": UNKNOWN,
    "pets_present": UNKNOWN,
    "landlord_kind": UNKNOWN,
    "lease_dissolution_risk": UNKNOWN,
    "blacklist_risk": UNKNOWN,
    "alternative_housing_available": UNKNOWN,
    "gezinsvoorziening_offered": UNKNOWN,
    "bekendheid_drugsmilieu": UNKNOWN,
    "complaints_count": 0,
    "sensitive_area": UNKNOWN,
    "eigen_gebruik_explanation": UNKNOWN,
    "financial_hardship_documented": UNKNOWN,
    "closure_effect_on_children": UNKNOWN,
})

# Only an observed sale (politie_observatie) or an admission (verklaring_betrokkene) establishes sale; the
# other evidence (a loop, a confirmed MMA report, third-party statements) is indirect: a person judges it.
_SALE_ESTABLISHED = ("politie_observatie", "verklaring_betrokkene")
_OBJECT_FACT = {
    "art_10a_lid1_sub3": "objects_art_10a_present",
    "art_11a": "objects_art_11a_present",
    "art_10c_lid1_sub3": "objects_art_10c_present",
}
_OUTSIDE_13B = ("voertuig", "openbare_ruimte")
_DWELLING = ("woning", "erf_bij_woning", "woonwagen", "woonboot")  # a mobile home or houseboat lived in
_PASS_THROUGH = (
    "person_who_dealt", "resident_role", "landlord_kind", "lease_dissolution_risk", "blacklist_risk",
    "closure_effect_on_children",
)
_YES_NO = ("minors_in_household", "vulnerable_residents", "pets_present", "alternative_housing_available",
           "gezinsvoorziening_offered", "bekendheid_drugsmilieu", "sensitive_area", "financial_hardship_documented")
_PRIOR_KINDS = ("waarschuwing", "sluiting")
_OFFENCE = ("eerste", "tweede", "derde_of_later")


def facts_from_case(
    case: Mapping[str, Any], history: Iterable[Mapping[str, Any]], params: Mapping[str, ParameterValue],
    today: date,
) -> dict[str, Any]:
    """One flat, complete fact for the damocles vocabulary (rules/damocles/index.yaml).

    `history`: earlier measures at this address or against this person (app/domain/history.py);
    `params`: in force on the finding date; `today`: the date the time elapsed is counted to (the planned
    sending date of the decision being drafted, else the assessment date).

    Raises:
        FactsRejected: finding date or premises type missing, a date or quantity unreadable, or a
            finding after `today`.
    """
    data = {**CASE_FILE_DEFAULTS, **case}
    finding = _required_date(data)
    facts: dict[str, Any] = {
        **_place_facts(data, params),
        **_found_facts(data),
        "dealing_evidence_present": bool(data["dealing_evidence"]),
        "sale_established": bool(set(data["dealing_evidence"]) & set(_SALE_ESTABLISHED)),
        "dealing_attributes_found": bool(data["attributes_found"]),
        "weapon_found": bool(data["weapon_found"]),
        "offence": offence(history, finding, _param(params, "recidive_termijn_jaren"),
                           _param(params, "recidive_telt_per")),
        "finding_age_days": _finding_age_days(finding, today),
        "complaints_count": _count(data["complaints_count"], "complaints_count"),
    }
    facts.update({name: _or_unknown(data[name]) for name in _PASS_THROUGH})
    facts.update({name: _yes_no(data[name]) for name in _YES_NO})
    return facts


def premises_class(premises_type: str, subtype: str | None, params: Mapping[str, ParameterValue]) -> str:
    """Policy class of the premises: an erf follows its building; an unoccupied dwelling, a parameter."""
    if premises_type in _OUTSIDE_13B:
        return "buiten_13b"
    if premises_type in _DWELLING:
        return "woning"
    if subtype == "coffeeshop":
        return "coffeeshop"
    if subtype == "niet_bewoonde_woning":
        return str(_param(params, "niet_bewoonde_woning_als"))
    return "lokaal"


def offence(history: Iterable[Mapping[str, Any]], finding: date, window_years: int,
            counts_per: str = history_rules.PER_ADDRESS) -> str:
    """eerste | tweede | derde_of_later: earlier warnings and closures that count (app/domain/history.py).

    Only measures that were sent (before the finding) and not revoked or annulled count, against the same
    premises and/or person as `counts_per` says; the window runs from the earlier OFFENCE, from the same
    calendar day `window_years` before the finding (that day included) up to the day before it.
    """
    earlier = history_rules.count(history, finding, window_years, counts_per, _PRIOR_KINDS)
    return _OFFENCE[min(earlier, len(_OFFENCE) - 1)]


def explain_history(case: Mapping[str, Any], history: Iterable[Mapping[str, Any]],
                    params: Mapping[str, ParameterValue]) -> list[history_rules.Counted]:
    """Each earlier measure with whether it counts for this finding and why (for the case page)."""
    finding = _required_date({**CASE_FILE_DEFAULTS, **case})
    return history_rules.classify(history, finding, _param(params, "recidive_termijn_jaren"),
                                  _param(params, "recidive_telt_per"), _PRIOR_KINDS)


# ------------------------------------------------------------------------------------------- helpers


def _place_facts(data: Mapping[str, Any], params: Mapping[str, ParameterValue]) -> dict[str, Any]:
    premises = _required(data, "premises_type")
    return {
        "premises_type": premises,
        "lokaal_subtype": _subtype(premises, data["lokaal_subtype"]),
        "premises_class": premises_class(premises, data["lokaal_subtype"], params),
        "medical_practice_use": bool(data["medical_practice_use"]),
    }


def _required(data: Mapping[str, Any], key: str) -> Any:
    if data.get(key) in (None, ""):
        raise FactsRejected({key: "Dit feit ontbreekt."})
    return data[key]


def _required_date(data: Mapping[str, Any]) -> date:
    return _as_date(_required(data, "finding_date"), "finding_date")


def _as_date(value: Any, key: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise FactsRejected({key: "Moet een datum zijn (JJJJ-MM-DD)."}) from None


def _finding_age_days(finding: date, today: date) -> int:
    days = (today - finding).days
    if days < 0:
        raise FactsRejected({"finding_date": "De datum van de vondst ligt na de beoordelingsdatum."})
    return days


def _param(params: Mapping[str, ParameterValue], name: str) -> Any:
    return params[name].value


def _subtype(premises_type: str, subtype: str | None) -> str:
    if subtype:
        return subtype
    return UNKNOWN if premises_type in ("lokaal", "erf_bij_lokaal") else "geen"


def _found_facts(data: Mapping[str, Any]) -> dict[str, Any]:
    """The quantities (quantities.py) and the objects of lid 1 onder b; objects alone are their own class."""
    found = {**quantity_facts(data["substances"]), **_object_facts(data["objects_13b_1b"])}
    if found["drug_class"] == "geen" and any(found[fact] for fact in _OBJECT_FACT.values()):
        found["drug_class"] = "voorbereiding"
    return found


def _object_facts(objects: Iterable[Mapping[str, Any]]) -> dict[str, bool]:
    bases = {item.get("basis") for item in objects}
    return {fact: basis in bases for basis, fact in _OBJECT_FACT.items()}


def _count(value: Any, key: str) -> int:
    if type(value) is not int or value < 0:
        raise FactsRejected({key: "Moet een geheel getal van 0 of meer zijn."})
    return value


def _or_unknown(value: Any) -> str:
    return UNKNOWN if value in (None, "") else str(value)


def _yes_no(value: Any) -> str:
    if value is True or value is False:
        return "yes" if value else "no"
    return _or_unknown(value)
