"""Huisverbod (Wet tijdelijk huisverbod): from the case file to the one flat, complete fact the rules read.

Moments are read on the Amsterdam wall clock: a period "of ten days" or "up to four weeks after the
imposition" runs to the same clock time, across a daylight-saving change (Rb. Middelburg,
ECLI:NL:RBMID:2011:BP2167). This module only measures and classifies what the case file says; whether a
measure is too long or came too late is a rule with a parameter.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from dateutil.relativedelta import relativedelta

from app.domain.assessment import ParameterValue
from app.domain.deadlines import einde_op_klok, klokdagen
from app.domain.errors import FactsRejected
from app.domain.history import made_known
from app.domain.measures import parse_moment

ANNEX = ("persoon", "incident", "leefomstandigheden", "politiegegevens")  # Besluit tijdelijk huisverbod, bijlage
CAPACITIES = ("orgaan", "plaatsvervanger", "hulpofficier_van_justitie", "gemandateerde")
INFORMED = ("nee", "inhoud", "inhoud_en_gevolgen")


def facts_from_case(case: Mapping[str, Any], history: Iterable[Mapping[str, Any]],
                    params: Mapping[str, ParameterValue], today: date) -> dict[str, Any]:
    """One flat, complete fact for the huisverbod vocabulary (rules/huisverbod/index.yaml).

    `history`: earlier measures at this address; `params`: in force on the day of the imposition.

    Raises:
        FactsRejected: the moment of imposition or the date of birth is missing or unreadable.
    """
    imposed = moment(case, "imposed_at", required=True)
    assert imposed is not None  # noqa: S101 - required above
    return {
        **_person_facts(case, imposed), **_rihg_facts(case), **_imposer_facts(case),
        **_follow_up_facts(case), **_extension_facts(case, imposed, params),
        "kindermishandeling": bool(case.get("kindermishandeling")),
        "veilig_thuis_consulted_before": _before(moment(case, "veilig_thuis_consulted_at"), imposed),
        "earlier_order_at_address": any(item.get("kind") == "huisverbod" and made_known(item)
                                        and item.get("same_address", True) for item in history),
        "order_duration_days": _order_days(case, imposed, params),
    }


def end_of_order(imposed: datetime, params: Mapping[str, ParameterValue]) -> datetime:
    """The statutory end: the same clock time `duur_dagen` days after the imposition."""
    return einde_op_klok(imposed, int(params["duur_dagen"].value))


def moment(case: Mapping[str, Any], key: str, *, required: bool = False) -> datetime | None:
    """An aware moment of the case file, in Amsterdam time; None when absent (unless required).

    Raises:
        FactsRejected: unreadable, without a time zone, or required and absent.
    """
    try:
        found = parse_moment(case.get(key))
    except ValueError:
        raise FactsRejected({key: "Moet een datum en tijd met tijdzone zijn."}) from None
    if found is None and required:
        raise FactsRejected({key: "Dit moment ontbreekt."})
    return found


def _person_facts(case: Mapping[str, Any], imposed: datetime) -> dict[str, Any]:
    person = case.get("person") or {}
    born = person.get("geboortedatum")
    try:
        birth = born if isinstance(born, date) else date.fromisoformat(str(born))
    except ValueError:
        raise FactsRejected({"person.geboortedatum": "De geboortedatum ontbreekt of is onleesbaar."}) from None
    if birth > imposed.date():
        raise FactsRejected({"person.geboortedatum": "De geboortedatum ligt na de oplegging."})
    return {"age_at_imposition_years": relativedelta(imposed.date(), birth).years,
            "residence_status": case.get("residence_status") or "nee",
            "brp_registered_at_dwelling": case.get("brp_registered_at_dwelling") or "unknown"}


def _rihg_facts(case: Mapping[str, Any]) -> dict[str, Any]:
    rihg = case.get("rihg") or {}
    factors = rihg.get("factors") or []
    return {"rihg_completed": bool(rihg.get("completed_at")), "rihg_outcome": rihg.get("outcome") or "unknown",
            "rihg_factors_present": bool(factors),
            "rihg_factor_outside_annex": any(f.get("category") not in ANNEX for f in factors)}


def _imposer_facts(case: Mapping[str, Any]) -> dict[str, Any]:
    by = case.get("decided_on_the_spot_by") or {}
    capacity = by.get("capacity")
    return {"imposer_capacity": capacity if capacity in CAPACITIES else "unknown",
            "mandate_reference_present": bool(str(by.get("mandaatbesluit") or "").strip())}


def _follow_up_facts(case: Mapping[str, Any]) -> dict[str, Any]:
    oral = bool(case.get("oral_first"))
    informed = case.get("household_informed")
    return {
        "oral_first": oral, "written_order_served": not oral or bool(case.get("written_served_at")),
        "whereabouts_unknown": bool(case.get("whereabouts_unknown")),
        "nederlegging_recorded": bool(case.get("nederlegging_at")),
        "household_informed": informed if informed in INFORMED else "nee",
        "veilig_thuis_informed": bool(case.get("veilig_thuis_informed_at")),
        "mayor_informed": bool(case.get("mayor_informed_at")),
        "reachability_given": bool(case.get("reachability_given_at")),
        "help_accepted": bool(case.get("help_accepted")), "new_facts_reported": bool(case.get("new_facts_reported")),
    }


def _extension_facts(case: Mapping[str, Any], imposed: datetime,
                     params: Mapping[str, ParameterValue]) -> dict[str, Any]:
    new_end = moment(case, "extension_new_end_at")
    decided = moment(case, "extension_decided_at")
    withdrawal = case.get("withdrawal_decided_by")
    return {
        "extension_requested": new_end is not None,
        "extension_decider": case.get("extension_decided_by") or "geen",
        # The first extension is decided within the ten days; the procedure checks each later one against
        # the end as extended, at the moment the mayor decides.
        "extension_before_end": "unknown" if decided is None else
        ("yes" if decided < end_of_order(imposed, params) else "no"),
        "extension_total_days": klokdagen(imposed, new_end) if new_end else 0,
        "withdrawal_requested": bool(withdrawal), "withdrawal_decider": withdrawal or "geen",
    }


def _before(consulted: datetime | None, imposed: datetime) -> str:
    return "yes" if consulted is not None and consulted < imposed else "no"


def _order_days(case: Mapping[str, Any], imposed: datetime, params: Mapping[str, ParameterValue]) -> float:
    written = moment(case, "order_end_at")
    return klokdagen(imposed, written) if written else params["duur_dagen"].value
