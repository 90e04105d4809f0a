"""Huisverbod: the stored case file, the betrokkenen, the case-list description and the follow-up clock."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from app.domain.addressees import address_of
from app.domain.assessment import ParameterValue
from app.domain.deadlines import AMSTERDAM
from app.domain.measures import hours_after
from app.powers.huisverbod.facts import moment
from app.powers.spec import Task

REACHABILITY_HOURS = "bereikbaarheid_uren"


def case_file(data: Mapping[str, Any]) -> dict[str, Any]:
    """The case file as stored: the officer's record of the imposition and who imposed it."""
    return {**data["gegevens"], "decided_on_the_spot_by": data.get("decided_on_the_spot_by") or {}}


def betrokkenen(data: Mapping[str, Any], params: Mapping[str, ParameterValue]) -> list[dict[str, Any]]:
    """The barred person and the household at the dwelling, and Veilig Thuis (Wth art. 2 lid 8)."""
    adres, gegevens = address_of(data["adres"]), data["gegevens"]
    person = gegevens["person"]
    people = [{"roltype": "uithuisgeplaatste", "naam": person["naam"], "geboortedatum": person["geboortedatum"],
               **adres}]
    people += [{"roltype": "achterblijver", "naam": m["naam"], "geboortedatum": m.get("geboortedatum"), **adres}
               for m in gegevens.get("household", [])]
    vt = params["veilig_thuis_adres"].value
    people.append({"roltype": "veilig_thuis", "naam": vt["naam"], "is_organisatie": True,
                   **{f: str(value) for f, value in address_of(vt).items()}})
    return people


def omschrijving(data: Mapping[str, Any]) -> str:
    """Without names or address: the case list and the audit trail carry no one's domestic situation."""
    imposed = data["gegevens"]["imposed_at"].astimezone(AMSTERDAM)
    return f"Tijdelijk huisverbod, opgelegd {imposed:%d-%m-%Y %H.%M} uur"


def tasks(case: Mapping[str, Any], params: Mapping[str, ParameterValue], now: datetime) -> list[Task]:
    """Follow-up steps with a clock: the reachability notice within 24 hours (Wth art. 2 lid 6)."""
    imposed = moment(case, "imposed_at")
    if imposed is None or case.get("reachability_given_at"):
        return []
    due = hours_after(imposed, int(params[REACHABILITY_HOURS].value))
    return [Task("bereikbaarheid", "De uithuisgeplaatste heeft nog niet opgegeven waar en hoe hij bereikbaar is.",
                 due, now > due)]
