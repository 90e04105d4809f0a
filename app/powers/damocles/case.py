"""Damocles: the stored case file, the betrokkenen and the case-list description of a loaded melding."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.domain.addressees import address_of, is_minor, rechthebbende
from app.domain.assessment import ParameterValue

_LANDLORD = {"woningcorporatie": "woningcorporatie", "verhuurder": "particulier"}


def case_file(data: Mapping[str, Any]) -> dict[str, Any]:
    """The case file as stored: the report's gegevens, the finding date, and the kind of landlord."""
    return {**data["gegevens"], "finding_date": data["pleegdatum"].isoformat(), "landlord_kind": _landlord_kind(data),
            "minors_in_household": _minors(data)}


def _minors(data: Mapping[str, Any]) -> str:
    """A resident under 18 on the finding date answers the question the report left open (the dates of birth
    are in the report; the rules would otherwise ask the jurist to find out what is already known)."""
    said = data["gegevens"].get("minors_in_household", "unknown")
    born = [p.get("geboortedatum") for p in data.get("bewoners", [])]
    return "yes" if said == "unknown" and any(is_minor(b, data["pleegdatum"]) for b in born) else said


def _landlord_kind(data: Mapping[str, Any]) -> str:
    """The kind of landlord follows from the rechthebbende when the report did not say it explicitly."""
    known = data["gegevens"].get("landlord_kind", "unknown")
    soort = (data.get("rechthebbende") or {}).get("soort")
    return known if known != "unknown" else _LANDLORD.get(soort or "", "unknown")


def betrokkenen(data: Mapping[str, Any], _params: Mapping[str, ParameterValue]) -> list[dict[str, Any]]:
    """Residents and offenders at the premises' address, then the owner or landlord (Awb 5:24 lid 3)."""
    adres = data["adres"]
    people = [{"roltype": p.get("roltype", "bewoner"), "naam": p["naam"], "geboortedatum": p.get("geboortedatum"),
               **address_of(adres)} for p in data.get("bewoners", [])]
    owner = data.get("rechthebbende")
    return [*people, rechthebbende(owner)] if owner else people


def omschrijving(data: Mapping[str, Any]) -> str:
    adres = data["adres"]
    return f"Drugsaantreffen {adres['straat']} {adres['huisnummer']}, {adres['woonplaats']}"[:300]
