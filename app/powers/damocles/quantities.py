"""Damocles: what was found, summed per drug class and unit, the way the rules read it.

Grams, pieces, plants and cartridges are never mixed. Every (class, unit) pair either feeds a fact that a
threshold rule reads, or sets one of the `*_unthresholded` facts, which force a person's judgement: no
quantity is ignored silently (500 ml GHB, 2,000 alprazolam tablets). Which list a substance designated
under art. 3a lid 5 follows is said in the report (`mirrors_list`); when it is not, it forces a judgement.
Nitrous oxide (lachgas, lijst II since 1 January 2023) is its own class, never "softdrugs".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from app.domain.errors import FactsRejected

UNITS = ("g", "ml", "units", "cartridges", "plants", "cuttings")
LACHGAS = "lachgas"
_LISTS = ("lijst_i", "lijst_ii", "lijst_ia", "art_3a_lid_5")
_MIRROR = {"lijst_i": "hard", "lijst_ii": "soft"}
# The (class, unit) pairs a threshold parameter covers; cuttings count as plants (lijst II, every part of
# the cannabis plant except the seeds). Any other pair with a quantity forces a judgement.
_THRESHOLDED = {("hard", "g"), ("hard", "units"), ("soft", "g"), ("soft", "plants"), ("lachgas", "cartridges"),
                ("ia", "g"), ("ia", "units")}
_UNTHRESHOLDED_FACT = {"hard": "unthresholded_quantity", "soft": "unthresholded_quantity",
                       "designated": "unthresholded_quantity", "lachgas": "lachgas_unthresholded",
                       "ia": "lijst_ia_unthresholded"}
_MILLIGRAM = Decimal("0.001")


def quantity_facts(substances: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Sums per drug class and unit, the largest single substance per class, and the derived class."""
    totals: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    per_substance: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for item in substances:
        group, unit, amount = _group(item), _unit(item), _amount(item.get("quantity"))
        totals[(group, unit)] += amount
        if unit == "g":
            per_substance[(group, _name(item))] += amount
    found = {group for (group, _unit_), amount in totals.items() if amount > 0}
    unthresholded = {_UNTHRESHOLDED_FACT[group] for (group, unit), amount in totals.items()
                     if amount > 0 and (group, unit) not in _THRESHOLDED}
    return {
        "drugs_found": bool(found & {"hard", "soft", "designated"}),
        "hard_drugs_g": _number(totals[("hard", "g")]),
        "max_hard_substance_g": _number(_largest(per_substance, "hard")),
        "hard_drugs_units": _number(totals[("hard", "units")]),
        "soft_drugs_g": _number(totals[("soft", "g")]),
        "max_soft_substance_g": _number(_largest(per_substance, "soft")),
        "cannabis_plants": _number(totals[("soft", "plants")]),
        "unthresholded_quantity": "unthresholded_quantity" in unthresholded,
        "lachgas_present": "lachgas" in found,
        "lachgas_units": _number(totals[("lachgas", "cartridges")]),
        "lachgas_unthresholded": "lachgas_unthresholded" in unthresholded,
        "lijst_ia_present": "ia" in found,
        "lijst_ia_g": _number(totals[("ia", "g")]),
        "lijst_ia_units": _number(totals[("ia", "units")]),
        "lijst_ia_unthresholded": "lijst_ia_unthresholded" in unthresholded,
        "drug_class": drug_class(found),
    }


def drug_class(found: set[str], objects: bool = False) -> str:
    """The policy class of the find, the most serious first: lijst I (and art. 3a lid 5 designations that
    mirror it) > lijst IA > lijst II > lachgas > objects only (lid 1 onder b). A designation whose list is
    unknown has no class: the policy proposes nothing until a person knows what it mirrors."""
    for group, name in (("hard", "harddrugs"), ("ia", "lijst_ia"), ("soft", "softdrugs"), ("lachgas", "lachgas")):
        if group in found:
            return name
    return "voorbereiding" if objects else "geen"


def _group(item: Mapping[str, Any]) -> str:
    listed = item.get("opiumwet_list")
    if listed not in _LISTS:
        raise FactsRejected({"substances": "Onbekende lijst van de Opiumwet."})
    if listed == "lijst_ii" and item.get("soort") == LACHGAS:
        return "lachgas"
    if listed == "art_3a_lid_5":
        return _MIRROR.get(str(item.get("mirrors_list")), "designated")
    return {"lijst_i": "hard", "lijst_ii": "soft", "lijst_ia": "ia"}[listed]


def _unit(item: Mapping[str, Any]) -> str:
    unit = item.get("unit")
    if unit not in UNITS:
        raise FactsRejected({"substances": "Eenheid moet g, ml, units, cartridges, plants of cuttings zijn."})
    return "plants" if unit == "cuttings" else str(unit)


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
