"""Woonoverlast: the stored case file, the betrokkenen and the case-list description of a loaded melding."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from app.domain.addressees import address_of
from app.domain.assessment import ParameterValue
from app.domain.history import Counted, as_date, made_known, years_before
from app.domain.measures import parse_moment

# The earlier measures that count for escalation at this dwelling against this person (index.yaml `escalation`).
ESCALATING = ("waarschuwing", "last_onder_dwangsom", "last_onder_bestuursdwang", "aanwezigheidsverbod")
# The parameter that says how long an earlier measure counts, if the rules set one (rules/woonoverlast/parameters/).
HISTORY_WINDOW = "eerdere_maatregelen_termijn_jaren"


def case_file(data: Mapping[str, Any]) -> dict[str, Any]:
    """The case file as stored: the report's gegevens (the dwelling is the zaak's address)."""
    return dict(data["gegevens"])


def betrokkenen(data: Mapping[str, Any], _params: Mapping[str, ParameterValue]) -> list[dict[str, Any]]:
    """Whoever the order is addressed to as `overtreder`: the user at the dwelling, or the landlord at his own
    address. The landlord gets a copy (`verhuurder`) when the user is addressed; the user is a `gebruiker`
    (no letter) when the landlord is addressed."""
    gegevens, dwelling = data["gegevens"], address_of(data["adres"])
    user = gegevens["gebruiker"]
    user_row = {"naam": user["naam"], "geboortedatum": _day(user.get("geboortedatum")), **dwelling}
    landlord = gegevens.get("verhuurder")
    landlord_row = {"naam": landlord["naam"], "is_organisatie": bool(landlord.get("organisatie")),
                    "geboortedatum": None if landlord.get("organisatie") else _day(landlord.get("geboortedatum")),
                    **address_of(landlord)} if landlord else None
    if gegevens["addressee_role"] == "verhuurder" and landlord_row:
        return [{"roltype": "overtreder", **landlord_row}, {"roltype": "gebruiker", **user_row}]
    people = [{"roltype": "overtreder", **user_row}]
    return [*people, {"roltype": "verhuurder", **landlord_row}] if landlord_row else people


def omschrijving(data: Mapping[str, Any]) -> str:
    """Without anyone's name: the number of incidents and the period they span."""
    moments = sorted(_moment(i["at"]) for i in data["gegevens"]["incidents"])
    first, last = moments[0], moments[-1]
    if len(moments) == 1:
        return f"Woonoverlast, 1 incident op {first:%d-%m-%Y}"
    return f"Woonoverlast, {len(moments)} incidenten {first:%d-%m-%Y} t/m {last:%d-%m-%Y}"


def latest_incident_day(case: Mapping[str, Any]) -> date:
    """The day of the latest incident (Amsterdam clock): the finding earlier measures are weighed against."""
    return max(_moment(i["at"]) for i in case["incidents"]).date()


def explain_history(case: Mapping[str, Any], history: Iterable[Mapping[str, Any]],
                    params: Mapping[str, ParameterValue]) -> list[Counted]:
    """Each earlier warning, order or ban with whether it counts and why (for the case page), as facts.py counts
    them: made known, not revoked, at this dwelling, not another person, before the latest incident, and within
    the policy's window where the rules set one (`eerdere_maatregelen_termijn_jaren`)."""
    finding = latest_incident_day(case)
    start = years_before(finding, int(params[HISTORY_WINDOW].value)) if HISTORY_WINDOW in params else None
    return [Counted(item, reason == "telt", reason) for item in history for reason in (_reason(item, finding, start),)]


def _reason(item: Mapping[str, Any], finding: date, start: date | None) -> str:
    offence = as_date(item.get("date"))
    checks = (
        ("andere_soort", item.get("kind") not in ESCALATING),
        ("ingetrokken", bool(item.get("revoked"))),
        ("niet_verzonden", not made_known(item)),
        ("ander_adres", item.get("same_address", True) is False),
        ("ander_persoon", item.get("same_person", True) is False),
        ("niet_eerder", offence >= finding),
        ("buiten_termijn", start is not None and offence < start),
    )
    return next((reason for reason, failed in checks if failed), "telt")


def _moment(value: Any) -> datetime:
    found = parse_moment(value)
    if found is None:
        raise ValueError("an incident needs a moment")
    return found


def _day(value: Any) -> date | None:
    if value in (None, ""):
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value))
