"""Ouderbrief: from the case file and the child's history to the one flat, complete fact the rules read.

Ages are whole years on the day of the incident (BW 1:233: eighteen is adult on the birthday itself).
Earlier letters count per child (name and date of birth, app/domain/history.py), within the configured
repeat interval, counted back from the incident by the date the earlier letter went out. Nothing here
decides; the rules compare these numbers with parameters.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from dateutil.relativedelta import relativedelta

from app.domain.assessment import ParameterValue
from app.domain.errors import FactsRejected
from app.domain.history import Counted, as_date
from app.domain.measures import parse_moment

LETTERS = ("ouderbrief", "ouderbrief_herhaald")  # the outcomes that count as an earlier letter
INTERVAL = "herhaaltermijn_maanden"
HOME = "NL"


def facts_from_case(case: Mapping[str, Any], history: Iterable[Mapping[str, Any]],
                    params: Mapping[str, ParameterValue], _today: date) -> dict[str, Any]:
    """One flat, complete fact for the ouderbrief vocabulary (rules/ouderbrief/index.yaml).

    Raises:
        FactsRejected: the moment of the incident or the child's date of birth is missing or unreadable.
    """
    incident = incident_date(case)
    counted = [c.item for c in explain_history(case, history, params) if c.counts]
    last = max((letter_date(item) for item in counted), default=None)
    people = case.get("gezaghebbenden") or []
    interventions = case.get("other_interventions") or []
    return {
        "age_at_incident_years": age_on(case, incident),
        "earlier_letter_in_interval": bool(counted), "prior_letters_count": len(counted),
        "months_since_last_letter": _months(last, incident), "days_since_last_letter": _days(last, incident),
        "authority_known": bool(people),
        "guardian_has_authority": any(p.get("relatie") == "voogd" for p in people),
        "child_abroad": child_abroad(case),
        "group_incident": bool(str(case.get("group_code") or "").strip()),
        "other_interventions_present": bool(interventions),
        "incident_type": case.get("incident_type") or "overig",
        "incident_source": case.get("incident_source") or "politie",
        "gia_signal": case.get("gia_signal") or "unknown",
    }


def explain_history(case: Mapping[str, Any], history: Iterable[Mapping[str, Any]],
                    params: Mapping[str, ParameterValue]) -> list[Counted]:
    """Each earlier letter with whether it counts for this incident and why (also for the case page)."""
    incident = incident_date(case)
    start = incident - relativedelta(months=int(params[INTERVAL].value))
    return [Counted(item, reason == "telt", reason) for item in history
            for reason in (_reason(item, incident, start),)]


def _reason(item: Mapping[str, Any], incident: date, start: date) -> str:
    """The first reason an earlier letter does not count, or "telt". Only the same child counts: a letter
    about another child at the same place (same_person False) or an unidentified one (None) does not."""
    earlier, letter = as_date(item.get("date")), item.get("letter_date")
    checks = (
        ("andere_soort", item.get("kind") not in LETTERS),
        ("ingetrokken", bool(item.get("revoked"))),
        ("niet_verzonden", item.get("sent", True) is False),
        ("ander_persoon", item.get("same_person", True) is False),
        ("persoon_onbekend", item.get("same_person", True) is None),
        ("niet_eerder", earlier >= incident),
        ("later_verzonden", letter not in (None, "") and as_date(letter) >= incident),
        ("buiten_termijn", letter_date(item) < start),
    )
    return next((reason for reason, failed in checks if failed), "telt")


def letter_date(item: Mapping[str, Any]) -> date:
    """When an earlier letter went out (its incident date when the dispatch is not known)."""
    letter = item.get("letter_date")
    return as_date(letter if letter not in (None, "") else item.get("date"))


def incident_date(case: Mapping[str, Any]) -> date:
    """The day of the incident on the Dutch wall clock. Raises FactsRejected."""
    try:
        moment = parse_moment(case.get("incident_at"))
    except ValueError:
        moment = None
    if moment is None:
        raise FactsRejected({"incident_at": "Het moment van het incident ontbreekt of is onleesbaar."})
    return moment.date()


def birth_date(case: Mapping[str, Any]) -> date:
    """The child's date of birth. Raises FactsRejected."""
    born = (case.get("child") or {}).get("geboortedatum")
    try:
        return born if isinstance(born, date) else date.fromisoformat(str(born))
    except ValueError:
        raise FactsRejected({"child.geboortedatum": "De geboortedatum van het kind ontbreekt of is onleesbaar."}) \
            from None


def age_on(case: Mapping[str, Any], day: date) -> int:
    """Whole years on `day`. Raises FactsRejected when the child was born after it."""
    birth = birth_date(case)
    if birth > day:
        raise FactsRejected({"child.geboortedatum": "De geboortedatum ligt na het incident."})
    return relativedelta(day, birth).years


def child_abroad(case: Mapping[str, Any]) -> bool:
    """The child's address is outside the Netherlands (the address's `land`, NL when absent)."""
    adres = (case.get("child") or {}).get("adres") or {}
    return str(adres.get("land") or HOME).upper() != HOME


def _months(last: date | None, incident: date) -> int:
    if last is None:
        return 0
    gap = relativedelta(incident, last)
    return gap.years * 12 + gap.months


def _days(last: date | None, incident: date) -> int:
    return 0 if last is None else (incident - last).days
