"""Woonoverlast: from the case file to the one flat, complete fact the rules read (rules/woonoverlast/index.yaml).

The chronology is counted, never judged: incidents from the dwelling or its immediate vicinity, not before the APV
norm (Awb 5:4 lid 2), within the observation window up to the latest one. Earlier orders and warnings come from the
core's `history` (other zaken at this dwelling or against this person). Moments are read on the Amsterdam wall
clock: the presence ban runs ten days to the hour, without the Algemene termijnenwet.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from dateutil.relativedelta import relativedelta

from app.domain.assessment import ParameterValue, table_parameter
from app.domain.deadlines import einde_op_klok, klokdagen
from app.domain.errors import FactsRejected
from app.domain.history import day_of, made_known
from app.domain.measures import parse_moment
from app.powers.woonoverlast import instructions as ins
from app.powers.woonoverlast.means import softer_means_facts

APV_NORM = "apv_norm_woonoverlast"
COUNTING = "telwijze_overtredingen"
PER_DAG = "per_dag"
DWANGSOM, BAN, WARNING = "last_onder_dwangsom", "aanwezigheidsverbod", "waarschuwing"
ORDERS = (DWANGSOM, "last_onder_bestuursdwang")
IN_DWELLING = ("in_woning", "vanuit_woning")
NEARBY = "onmiddellijke_nabijheid"
BORN = "gebruiker.geboortedatum"


def facts_from_case(case: Mapping[str, Any], history: Iterable[Mapping[str, Any]],
                    params: Mapping[str, ParameterValue], today: date) -> dict[str, Any]:
    """One flat, complete fact for the woonoverlast vocabulary.

    `today` is the planned decision date (an extension is decided before the ban ends).

    Raises:
        FactsRejected: no readable incident, an unreadable moment, or no readable date of birth of the user.
        ParameterNotInForce: no APV norm on record for the peildatum.
    """
    seen, history = incidents(case), list(history)
    given = list(case.get("instructions") or ())
    orders, since = _order_facts(history, case, seen, params)
    return {
        **_norm_and_incident_facts(case, seen, params), **softer_means_facts(case, history, seen, today),
        **_ban_facts(case, params, today), **orders, **_breach_facts(case, seen, params, today, since),
        "addressee_role": case.get("addressee_role") or "gebruiker",
        "dwelling_let": bool(str((case.get("verhuurder") or {}).get("naam") or "").strip()),
        **_age_facts(case, _moment(case, "ban_start_at") or seen[-1]["at"]),
        "minors_in_household": case.get("minors_in_household") or "unknown",
        "vulnerability_present": bool(str(case.get("vulnerability") or "").strip()),
        "care_involved": bool(str(case.get("care_organisation") or "").strip()),
        **ins.instruction_facts(given, params),
        "bestuursdwang_uitvoering_present": bool(str(case.get("bestuursdwang_uitvoering") or "").strip()),
        "appeal_against_order_pending": bool(case.get("appeal_against_order_pending")),
    }


def norm(params: Mapping[str, ParameterValue]) -> Mapping[str, Any]:
    """The APV norm in force (article, text, whether it addresses the landlord, entry into force).

    Raises:
        ParameterNotInForce: no value on this date: the system does not apply a norm it does not know.
    """
    return table_parameter(params, APV_NORM, "De APV-norm tegen woonoverlast")


def norm_start(params: Mapping[str, ParameterValue]) -> date | None:
    """The day the norm entered into force, or None when there is no norm."""
    apv = norm(params)
    if not apv.get("artikel") or not str(apv.get("tekst") or "").strip():
        return None
    found = str(apv.get("sinds") or "")
    start = datetime.strptime(found, "%d-%m-%Y").date() if found else None  # noqa: DTZ007 - a calendar day
    return start or params[APV_NORM].valid_from


def incidents(case: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The incidents with an aware moment (`at`), in time order.

    Raises:
        FactsRejected: none, or one without a readable moment.
    """
    found = []
    for i, item in enumerate(case.get("incidents") or ()):
        try:
            at = parse_moment((item or {}).get("at"))
        except ValueError:
            at = None
        if at is None:
            raise FactsRejected({f"incidents.{i}.at": "Het moment van het incident is onleesbaar."})
        found.append({**item, "at": at})
    if not found:
        raise FactsRejected({"incidents": "Vul ten minste één incident in."})
    return sorted(found, key=lambda o: o["at"])


def linked(item: Mapping[str, Any], params: Mapping[str, ParameterValue]) -> bool:
    """In or from the dwelling or yard, or in its immediate vicinity (no further than the parameter's metres
    where a distance is given)."""
    origin = item.get("origin")
    if origin in IN_DWELLING:
        return True
    distance = item.get("distance_m")
    return origin == NEARBY and (distance is None or distance <= params["onmiddellijke_nabijheid_m"].value)


def counted(seen: list[dict[str, Any]], params: Mapping[str, ParameterValue]) -> list[dict[str, Any]]:
    """The incidents that count for repetition: linked to the dwelling, on or after the norm's entry into force,
    within `waarnemingsperiode_maanden` up to and including the latest of them."""
    start = norm_start(params)
    usable = [i for i in seen if linked(i, params) and start is not None and i["at"].date() >= start]
    if not usable:
        return []
    first = usable[-1]["at"].date() - relativedelta(months=int(params["waarnemingsperiode_maanden"].value))
    return [i for i in usable if i["at"].date() >= first]


def breaches(case: Mapping[str, Any], params: Mapping[str, ParameterValue]) -> tuple[date, ...]:
    """One date per established breach (the PowerSpec hook): every incident the police or a BOA observed that
    names the code of the instruction breached, counted per day or per observation (`telwijze_overtredingen`)."""
    counting = params[COUNTING].value if params and COUNTING in params else PER_DAG
    days = [i["at"].date() for i in incidents(case) if i.get("established") and _instruction(i)]
    return tuple(sorted(set(days))) if counting == PER_DAG else tuple(days)


def joins(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, Any]:
    """The stored case file with a later report about the same dwelling: incidents added once (the same moment,
    kind and source reference is the same incident), softer means appended, and for every other key the stored
    value unless it is empty."""
    merged = {**new, **{k: v for k, v in old.items() if v is not None and v not in ("", [], {})}}
    fresh: dict[tuple[Any, ...], Mapping[str, Any]] = {}
    for item in new.get("incidents") or ():
        fresh.setdefault(_incident_key(item), item)
    known = {_incident_key(i) for i in old.get("incidents") or ()}
    merged["incidents"] = [*(old.get("incidents") or ()), *(v for k, v in fresh.items() if k not in known)]
    means = list(old.get("softer_means") or ())
    merged["softer_means"] = means + [m for m in new.get("softer_means") or () if m not in means]
    return merged


def _norm_and_incident_facts(case: Mapping[str, Any], seen: list[dict[str, Any]],
                             params: Mapping[str, ParameterValue]) -> dict[str, Any]:
    apv, start = norm(params), norm_start(params)
    kinds = set(params["verstoring_openbare_orde_soorten"].value or ())
    return {
        "apv_norm_present": start is not None,
        "apv_norm_covers_verhuurder": start is not None and bool(apv.get("verhuurder")),
        "incidents_before_norm_present": start is not None and any(i["at"].date() < start for i in seen),
        "incidents_count": len(seen), "incidents_counted_count": len(counted(seen, params)),
        "linked_incident_present": any(linked(i, params) for i in seen),
        "unlinked_incident_present": any(not linked(i, params) for i in seen),
        "established_incident_present": any(bool(i.get("established")) for i in seen),
        "serious_incident_present": any(i.get("kind") in kinds for i in seen),
        "visitor_incident_present": any(i.get("kind") == "bezoekers" for i in seen),
        "omwonenden_affected": int(case.get("affected_omwonenden") or 0) > 0,
    }


def _ban_facts(case: Mapping[str, Any], params: Mapping[str, ParameterValue], today: date) -> dict[str, Any]:
    start, new_end = _moment(case, "ban_start_at"), _moment(case, "ban_extension_end_at")
    end = ban_end(start, params) if start else None
    return {
        "ban_requested": start is not None,
        "ban_running": end is not None and start.date() <= today <= end.date(),
        "ban_extension_requested": new_end is not None,
        "ban_extension_after_end": end is not None and new_end is not None and today > end.date(),
        "ban_extension_total_days": klokdagen(start, new_end) if start and new_end else 0,
    }


def ban_end(start: datetime, params: Mapping[str, ParameterValue]) -> datetime:
    """The end of the presence ban: the same clock time `aanwezigheidsverbod_dagen` days after its start."""
    return einde_op_klok(start, int(params["aanwezigheidsverbod_dagen"].value))


def _order_facts(history: list[Mapping[str, Any]], case: Mapping[str, Any], seen: list[dict[str, Any]],
                 params: Mapping[str, ParameterValue]) -> tuple[dict[str, Any], date | None]:
    """Orders against this addressee at this dwelling that run on the latest incident (Awb 5:6), whether any
    incident came after an earlier order or presence ban was made known (escalation), and since when the running
    dwangsom order runs."""
    role, last = case.get("addressee_role") or "gebruiker", seen[-1]["at"].date()
    mine = [h for h in history if _same_addressee(h, role)]
    running = {h["kind"]: w for h in mine
               if h.get("kind") in ORDERS and (w := order_window(h, params))[0] <= last < w[1]}
    starts = [day_of(h.get("letter_date")) or day_of(h.get("date")) for h in mine if h.get("kind") in (*ORDERS, BAN)]
    ban = _moment(case, "ban_start_at")
    after = any(s is not None and s < last for s in starts) or (ban is not None and seen[-1]["at"] > ban)
    return ({"running_order": bool(running), "running_dwangsom_order": DWANGSOM in running,
             "nuisance_after_measure": after}, running.get(DWANGSOM, (None,))[0])


def _breach_facts(case: Mapping[str, Any], seen: list[dict[str, Any]], params: Mapping[str, ParameterValue],
                  today: date, since: date | None) -> dict[str, Any]:
    days = breaches(case, params)
    years = int(params["verjaring_jaren"].value)
    return {
        "breach_present": bool(days), "breaches_count": len(days),
        "breach_instruction_missing": since is not None and any(
            i.get("established") and not _instruction(i) and i["at"].date() >= since for i in seen),
        "breaches_time_barred": bool(days) and all(today > d + relativedelta(years=years) for d in days),
    }


def order_window(item: Mapping[str, Any], params: Mapping[str, ParameterValue]) -> tuple[date, date]:
    """The running time of an earlier order as [start, end): its own dates where the core passes them, else from
    the day the letter went out, after the begunstigingstermijn, for the looptijd in force."""
    start = day_of(item.get("ingangsdatum"))
    if start is None:
        sent = day_of(item.get("letter_date")) or day_of(item.get("date"))
        if sent is None:
            raise FactsRejected({"history": "Een eerdere last heeft geen datum."})
        start = sent + relativedelta(days=int(params["begunstigingstermijn_dagen"].value))
    end = day_of(item.get("vervaldatum")) or start + relativedelta(months=int(params["looptijd_maanden"].value))
    return start, end


def _same_addressee(item: Mapping[str, Any], role: str) -> bool:
    """Made known, not revoked, at this dwelling, not another person, and addressed in the same role."""
    if not made_known(item) or item.get("same_address", True) is False or item.get("same_person") is False:
        return False
    return (item.get("object") or {}).get("addressee_role") in (None, role)


def _age_facts(case: Mapping[str, Any], on: datetime) -> dict[str, Any]:
    """Whole years of the user on `on` (the start of the ban, else the latest incident). A landlord's case may
    not know the user's date of birth: then the age is explicitly unknown (and 0, which no rule reads alone)."""
    born = (case.get("gebruiker") or {}).get("geboortedatum")
    if born in (None, ""):
        return {"gebruiker_age_known": False, "gebruiker_age_years": 0}
    try:
        birth = born if isinstance(born, date) else date.fromisoformat(str(born))
    except ValueError:
        raise FactsRejected({BORN: "De geboortedatum van de gebruiker is onleesbaar."}) from None
    if birth > on.date():
        raise FactsRejected({BORN: "De geboortedatum ligt na het laatste incident of de start van het verbod."})
    return {"gebruiker_age_known": True, "gebruiker_age_years": relativedelta(on.date(), birth).years}


def _moment(case: Mapping[str, Any], key: str) -> datetime | None:
    try:
        return parse_moment(case.get(key))
    except ValueError:
        raise FactsRejected({key: "Moet een datum en tijd met tijdzone zijn."}) from None


def _instruction(item: Mapping[str, Any]) -> str:
    return str(item.get("instruction") or "").strip()


def _incident_key(item: Mapping[str, Any]) -> tuple[Any, ...]:
    try:
        at = parse_moment(item.get("at"))
    except ValueError:
        at = item.get("at")
    return at, item.get("kind"), str(item.get("source_kenmerk") or "").strip()
