"""Straathandel: the stored case file, the betrokkenen and the case-list description of a loaded melding."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from app.domain.addressees import address_of
from app.domain.assessment import ParameterValue
from app.domain.deadlines import AMSTERDAM
from app.domain.history import PER_PERSON, Counted, classify
from app.domain.measures import parse_moment
from app.powers.straathandel.facts import observations
from app.powers.straathandel.labels import LABELS


def case_file(data: Mapping[str, Any]) -> dict[str, Any]:
    """The case file as stored: the report's gegevens (observations, person, indicators, gezaghebbenden)."""
    return dict(data["gegevens"])


def betrokkenen(data: Mapping[str, Any], _params: Mapping[str, ParameterValue]) -> list[dict[str, Any]]:
    """The offender at his own address (not the place of the observation, which is the zaak's address), then
    each person with parental authority at his or her own address (also abroad)."""
    gegevens = data["gegevens"]
    person = gegevens["waargenomen_persoon"]
    people = [{"roltype": "overtreder", "naam": person["naam"], "geboortedatum": person["geboortedatum"],
               **address_of(person)}]
    people += [{"roltype": "gezaghebbende", "naam": g["naam"], "geboortedatum": None, **address_of(g)}
               for g in gegevens.get("gezaghebbenden") or ()]
    return people


def omschrijving(data: Mapping[str, Any]) -> str:
    """Without the person's name: the case list and the audit trail carry no one's conduct by name."""
    gegevens = data["gegevens"]
    seen = min(parse_moment(o["observed_at"]) for o in gegevens["observations"]).astimezone(AMSTERDAM)
    role = LABELS.get(gegevens["dealing_role"], gegevens["dealing_role"]).lower()
    return f"Straathandel ({role}), waargenomen {seen:%d-%m-%Y}"


def subject(gegevens: Mapping[str, Any]) -> str:
    """Who the melding is about: one police report of a deal may start a case for the seller and one for the
    buyer (each his own order, Awb 5:6 per role)."""
    person = gegevens.get("waargenomen_persoon") or {}
    naam = " ".join(str(person.get("naam") or "").split()).casefold()
    return f"{naam}|{person.get('geboortedatum') or ''}|{gegevens.get('dealing_role') or ''}"


def explain_history(case: Mapping[str, Any], history: Iterable[Mapping[str, Any]],
                    params: Mapping[str, ParameterValue]) -> list[Counted]:
    """Each earlier order with whether it counts against this person and why (for the case page): per person,
    never per address, within the policy's window from the earlier observation."""
    first = observations(case)[0]["at"].date()
    return classify(history, first, int(params["eerdere_lasten_termijn_jaren"].value), PER_PERSON,
                    ("last_onder_dwangsom",))
