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

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from types import MappingProxyType
from typing import Any

from app.domain.assessment import ParameterValue
from app.domain.errors import FactsRejected

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
})

# Opiumwet lists grouped the way the policy reads them. A substance designated under art. 3a lid 5 is
# counted with lijst I (open question: the designation can also mirror lijst II). Lijst IA is kept apart
# because it is a ground only from its commencement date, which the rules versions decide.
_GROUP = {"lijst_i": "hard", "art_3a_lid_5": "hard", "lijst_ii": "soft", "lijst_ia": "ia"}
_UNITS = ("g", "units", "plants", "ml")  # a quantity in any other unit must never be silently ignored
_OBJECT_FACT = {
    "art_10a_lid1_sub3": "objects_art_10a_present",
    "art_11a": "objects_art_11a_present",
    "art_10c_lid1_sub3": "objects_art_10c_present",
}
_OUTSIDE_13B = ("voertuig", "openbare_ruimte")
_DWELLING = ("woning", "erf_bij_woning")
_PASS_THROUGH = (
    "person_who_dealt", "resident_role", "landlord_kind", "lease_dissolution_risk", "blacklist_risk",
)
_YES_NO = ("minors_in_household", "vulnerable_residents", "pets_present", "alternative_housing_available",
           "gezinsvoorziening_offered", "bekendheid_drugsmilieu", "sensitive_area")
_PRIOR_KINDS = ("waarschuwing", "sluiting")
_OFFENCE = ("eerste", "tweede", "derde_of_later")
_MILLIGRAM = Decimal("0.001")


def facts_from_case(
    case: Mapping[str, Any], history: Iterable[Mapping[str, Any]], params: Mapping[str, ParameterValue],
    today: date,
) -> dict[str, Any]:
    """One flat, complete fact for the damocles vocabulary (rules/damocles/index.yaml).

    `history`: earlier sent or approved interventions at this address ({date, kind, kenmerk});
    `params`: in force on the finding date; `today`: the assessment date (days since the finding).

    Raises:
        FactsRejected: finding date or premises type missing, a date or quantity unreadable, or a
            finding after `today`.
    """
    data = {**CASE_FILE_DEFAULTS, **case}
    finding = _required_date(data)
    facts: dict[str, Any] = {
        **_place_facts(data, params),
        **quantity_facts(data["substances"]),
        **_object_facts(data["objects_13b_1b"]),
        "dealing_evidence_present": bool(data["dealing_evidence"]),
        "dealing_attributes_found": bool(data["attributes_found"]),
        "weapon_found": bool(data["weapon_found"]),
        "offence": offence(history, finding, _param(params, "recidive_termijn_jaren")),
        "finding_age_days": _finding_age_days(finding, today),
        "complaints_count": _count(data["complaints_count"], "complaints_count"),
    }
    facts.update({name: _or_unknown(data[name]) for name in _PASS_THROUGH})
    facts.update({name: _yes_no(data[name]) for name in _YES_NO})
    return facts


def quantity_facts(substances: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Sums per drug class and unit, the largest single substance per class, and the derived class.

    Grams, units (pills) and plants are never mixed. Plants count only on lijst II (cuttings are
    registered as plants); a quantity in ml has no threshold and only makes `drugs_found` true.
    """
    totals: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    per_substance: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for item in substances:
        group, unit, amount = _group(item), _unit(item), _amount(item.get("quantity"))
        totals[(group, unit)] += amount
        if unit == "g":
            per_substance[(group, _name(item))] += amount
    found = {group for (group, _kind), amount in totals.items() if amount > 0}
    return {
        "drugs_found": bool(found & {"hard", "soft"}),
        "hard_drugs_g": _number(totals[("hard", "g")]),
        "max_hard_substance_g": _number(_largest(per_substance, "hard")),
        "hard_drugs_units": _number(totals[("hard", "units")]),
        "soft_drugs_g": _number(totals[("soft", "g")]),
        "max_soft_substance_g": _number(_largest(per_substance, "soft")),
        "cannabis_plants": _number(totals[("soft", "plants")]),
        "lijst_ia_present": "ia" in found,
        "lijst_ia_g": _number(totals[("ia", "g")]),
        "lijst_ia_units": _number(totals[("ia", "units")]),
        "drug_class": "harddrugs" if "hard" in found else "softdrugs" if "soft" in found else "geen",
    }


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


def offence(history: Iterable[Mapping[str, Any]], finding: date, window_years: int) -> str:
    """eerste | tweede | derde_of_later: earlier warnings and closures at this address within the window.

    The window runs from the same calendar day `window_years` earlier (that day included) up to the day
    before the finding. Counting per premises rather than per person is a choice still to confirm.
    """
    start = _years_before(finding, window_years)
    earlier = sum(
        1 for item in history
        if item.get("kind") in _PRIOR_KINDS and start <= _as_date(item.get("date"), "history") < finding
    )
    return _OFFENCE[min(earlier, len(_OFFENCE) - 1)]


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


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year - years, day=28)


def _param(params: Mapping[str, ParameterValue], name: str) -> Any:
    return params[name].value


def _subtype(premises_type: str, subtype: str | None) -> str:
    if subtype:
        return subtype
    return UNKNOWN if premises_type in ("lokaal", "erf_bij_lokaal") else "geen"


def _object_facts(objects: Iterable[Mapping[str, Any]]) -> dict[str, bool]:
    bases = {item.get("basis") for item in objects}
    return {fact: basis in bases for basis, fact in _OBJECT_FACT.items()}


def _group(item: Mapping[str, Any]) -> str:
    try:
        return _GROUP[item["opiumwet_list"]]
    except KeyError:
        raise FactsRejected({"substances": "Onbekende lijst van de Opiumwet."}) from None


def _unit(item: Mapping[str, Any]) -> str:
    if item.get("unit") not in _UNITS:
        raise FactsRejected({"substances": "Eenheid moet g, units, plants of ml zijn."})
    return str(item["unit"])


def _name(item: Mapping[str, Any]) -> str:
    return str(item.get("name", "")).strip().casefold()


def _amount(value: Any) -> Decimal:
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        amount = Decimal("NaN")
    if not amount.is_finite() or amount < 0:
        raise FactsRejected({"substances": "Elke hoeveelheid moet een getal van 0 of meer zijn."})
    return amount


def _largest(per_substance: Mapping[tuple[str, str], Decimal], group: str) -> Decimal:
    return max((amount for (g, _s), amount in per_substance.items() if g == group), default=Decimal(0))


def _number(amount: Decimal) -> int | float:
    # Sum as decimals (2.3 + 0.55 is exactly 2.85), hand the engine a plain int or float, rounded to mg:
    # Python writes floats below 1e-4 as 1e-05, which durable_rules cannot parse (error 204). Sums have
    # at most 28 digits, so quantize cannot overflow; the exponent is an int (_amount rejects NaN, inf).
    if amount.as_tuple().exponent < -3:
        amount = amount.quantize(_MILLIGRAM, rounding=ROUND_HALF_UP)
    return int(amount) if amount == amount.to_integral_value() else float(amount)


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
