"""Straathandel: from the case file to the one flat, complete fact the rules read (rules/straathandel/index.yaml).

The age is derived from the date of birth at the first observation, never typed. A running order (Awb 5:6) is
read from the earlier measures the core passes (`history`): a sent, not revoked last onder dwangsom against
the same person in the same role whose looptijd covers the observation. What the APV norm covers comes from
the dated parameter `apv_norm_straathandel` in force on the observation date. No legal condition is decided
here: this module only measures, counts and classifies.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from dateutil.relativedelta import relativedelta

from app.domain.assessment import ParameterValue, table_parameter
from app.domain.errors import FactsRejected
from app.domain.history import day_of
from app.domain.measures import parse_moment

APV_NORM = "apv_norm_straathandel"
ORDER = "last_onder_dwangsom"
COUNTRY_HOME = "NL"
PER_DAG, PER_CONSTATERING = "per_dag", "per_constatering"
COUNTING = "telwijze_overtredingen"
BORN = "waargenomen_persoon.geboortedatum"


def facts_from_case(case: Mapping[str, Any], history: Iterable[Mapping[str, Any]],
                    params: Mapping[str, ParameterValue], today: date) -> dict[str, Any]:
    """One flat, complete fact for the straathandel vocabulary.

    Raises:
        FactsRejected: no readable observation or date of birth.
        ParameterNotInForce: the APV of the observation date has no straathandel norm on record.
    """
    seen = observations(case)
    first = seen[0]["at"].date()
    role = case.get("dealing_role")
    breach_days = breaches(case, params)
    return {
        **norm_facts(params), **_observation_facts(seen),
        "dealing_role": role, "identity_established": case.get("identity_established") or "unknown",
        "age_at_observation_years": age_on(case, first),
        "resident_abroad": ((case.get("waargenomen_persoon") or {}).get("land") or COUNTRY_HOME) != COUNTRY_HOME,
        "repetition_indicators_present": bool(case.get("repetition_indicators")),
        "income_known": bool(str(case.get("income_situation") or "").strip()),
        **_order_facts(history, role, first, params),
        "observations_count": len(seen), "breaches_count": len(breach_days),
        "breaches_time_barred": bool(breach_days) and all(
            today > d + relativedelta(years=int(params["verjaring_jaren"].value)) for d in breach_days),
        "appeal_against_order_pending": bool(case.get("appeal_against_order_pending")),
    }


def norm(params: Mapping[str, ParameterValue]) -> Mapping[str, Any]:
    """The APV norm in force (article, text, what it covers).

    Raises:
        ParameterNotInForce: no value on this date: the system does not apply a norm it does not know.
    """
    return table_parameter(params, APV_NORM, "De APV-norm tegen straathandel")


def norm_facts(params: Mapping[str, ParameterValue]) -> dict[str, bool]:
    apv = norm(params)
    present = bool(apv.get("artikel")) and bool(str(apv.get("tekst") or "").strip())
    return {"apv_norm_present": present, "apv_covers_acquiring": present and bool(apv.get("verwerven")),
            "apv_covers_vehicle": present and bool(apv.get("voertuig")),
            "apv_covers_lookalike": present and bool(apv.get("gelijkend"))}


def observations(case: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The observations with an aware moment (`at`), in time order.

    Raises:
        FactsRejected: none, or one without a readable moment.
    """
    found = []
    for i, item in enumerate(case.get("observations") or ()):
        try:
            at = parse_moment(item.get("observed_at"))
        except ValueError:
            at = None
        if at is None:
            raise FactsRejected({f"observations.{i}.observed_at": "Het moment van de waarneming is onleesbaar."})
        found.append({**item, "at": at})
    if not found:
        raise FactsRejected({"observations": "Vul ten minste één waarneming in."})
    return sorted(found, key=lambda o: o["at"])


def age_on(case: Mapping[str, Any], day: date) -> int:
    """Whole years on `day`, from the date of birth.

    Raises:
        FactsRejected: the date of birth is missing, unreadable or after `day`.
    """
    born = (case.get("waargenomen_persoon") or {}).get("geboortedatum")
    try:
        birth = born if isinstance(born, date) else date.fromisoformat(str(born))
    except ValueError:
        raise FactsRejected({BORN: "De geboortedatum ontbreekt of is onleesbaar."}) from None
    if birth > day:
        raise FactsRejected({BORN: "De geboortedatum ligt na de waarneming."})
    return relativedelta(day, birth).years


def dealing_seen(item: Mapping[str, Any]) -> bool:
    """The evident aim shows: a transfer seen, or contacts that the officer described."""
    return bool(item.get("transfer_observed")) or (
        int(item.get("contacts_observed") or 0) > 0 and bool(str(item.get("description") or "").strip()))


def breaches(case: Mapping[str, Any], params: Mapping[str, ParameterValue]) -> tuple[date, ...]:
    """One date per established violation (the PowerSpec hook): every observation of dealing behaviour, counted
    per day or per observation as the parameter `telwijze_overtredingen` says (default per day, as The Hague counts)."""
    counting = params[COUNTING].value if params and COUNTING in params else PER_DAG
    days = [o["at"].date() for o in observations(case) if dealing_seen(o)]
    return tuple(sorted(set(days))) if counting == PER_DAG else tuple(days)


def _observation_facts(seen: list[dict[str, Any]]) -> dict[str, Any]:
    """The place of the first observation; conduct, oath and substance over all of them."""
    classes = [o.get("substance_class") or "unknown" for o in seen]
    known = [c for c in ("lijst_i", "lijst_ii", "gelijkende_waar") if c in classes]
    return {"location_type": seen[0].get("location_type") or "overig",
            "conduct_observed": any(dealing_seen(o) for o in seen),
            "report_on_oath": all(bool(o.get("report_on_oath")) for o in seen),
            "substance_class": known[0] if known else "unknown"}


def _order_facts(history: Iterable[Mapping[str, Any]], role: str | None, on: date,
                 params: Mapping[str, ParameterValue]) -> dict[str, bool]:
    running = exhausted = False
    for item in history:
        if not _counts(item, role):
            continue
        start, end = order_window(item, params)
        spent = maximum_reached(item)
        if start <= on < end and not spent:
            running = True
        elif end <= on or (start <= on and spent):
            exhausted = True
    return {"running_order_same_role": running, "exhausted_order_same_role": exhausted}


def _counts(item: Mapping[str, Any], role: str | None) -> bool:
    """An order against this person in this role that was made known and not revoked. An item without its
    object (an order entered by hand) is taken as the same role: a second order must never slip through."""
    if item.get("kind") != ORDER or item.get("revoked") or item.get("sent") is False:
        return False
    if "same_person" in item and item["same_person"] is not True:  # another person, or not known to be him
        return False
    obj = item.get("object") or {}
    return not obj.get("dealing_role") or obj.get("dealing_role") == role


def maximum_reached(item: Mapping[str, Any]) -> bool:
    """The order forfeited its maximum: what its invorderingsbeschikkingen collected (`verbeurd`) against its
    `dwangsom.maximum`, as the core passes them; `maximum_bereikt` where a case states it directly."""
    if item.get("maximum_bereikt"):
        return True
    maximum = (item.get("dwangsom") or {}).get("maximum")
    return maximum is not None and Decimal(str(item.get("verbeurd") or 0)) >= Decimal(str(maximum))


def order_window(item: Mapping[str, Any], params: Mapping[str, ParameterValue]) -> tuple[date, date]:
    """The looptijd of an earlier order as [start, end): its own dates where the core passes them (it runs up to
    the day before `vervaldatum`, as app/domain/forfeiture.py reads it), else from the day the letter went out
    for the looptijd in force."""
    start = day_of(item.get("ingangsdatum")) or day_of(item.get("letter_date")) or day_of(item.get("date"))
    if start is None:
        raise FactsRejected({"history": "Een eerdere last heeft geen datum."})
    end = day_of(item.get("vervaldatum"))
    if end is None:
        end = start + relativedelta(months=int(params["looptijd_maanden"].value))
    return start, end
