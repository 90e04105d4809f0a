"""Bibob: the stored case file, the betrokkenen with their roles, the case-list description and the competent
body of a loaded melding (pure)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.domain.addressees import address_of
from app.domain.assessment import ParameterValue
from app.powers.bibob.labels import LABELS

APPLICANT, THIRD_PARTY = "aanvrager", "derde"
ORGANISATION = "rechtspersoon"


def case_file(data: Mapping[str, Any]) -> dict[str, Any]:
    """The case file as stored: the melding's gegevens."""
    return dict(data["gegevens"])


def orgaan(case: Mapping[str, Any]) -> str:
    """The body that decides the permit applied for (burgemeester or college): it applies the Wet Bibob."""
    return str((case.get("application") or {}).get("competent_body") or "")


def betrokkenen(data: Mapping[str, Any], _params: Mapping[str, ParameterValue]) -> list[dict[str, Any]]:
    """The applicant (or permit holder) at his own postal address, else at the establishment; and every third
    party named in the advice (role derde), each with `ref` to his own entry of the case file, so his letter holds
    only his own part."""
    gegevens = data["gegevens"]
    person = gegevens["betrokkene"]
    home = person.get("address") or gegevens["application"].get("address") or data["adres"]
    people = [{"roltype": APPLICANT, "naam": person["name"], "is_organisatie": person["kind"] == ORGANISATION,
               "geboortedatum": None, "ref": "betrokkene", **address_of(home)}]
    for i, party in enumerate(gegevens.get("third_parties") or ()):
        people.append({"roltype": THIRD_PARTY, "naam": party["name"], "is_organisatie": False, "geboortedatum": None,
                       "ref": f"third_parties.{i}", **address_of(party)})
    return people


def omschrijving(data: Mapping[str, Any]) -> str:
    """The permit and the business, never the applicant's findings: "Bibob-toets exploitatievergunning horeca,
    Café De Verzonnen Hoek"."""
    application = data["gegevens"]["application"]
    kind = LABELS.get(application["permit_type"], application["permit_type"])
    what = "intrekking" if data["gegevens"].get("existing_permit") else "aanvraag"
    return f"Bibob-toets {what} {kind[:1].lower()}{kind[1:]}, {application['business_name']}"
