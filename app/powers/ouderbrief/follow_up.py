"""Letters to parents as a follow-up of another power's zaak that involves a minor.

`follow_up(source)` reads only the generic source dict the core passes (CONTRACT: zaaktype, kenmerk,
pleegdatum, bron_*, adres, betrokkenen, today, and `offender_roles`, the source power's generic
PowerSpec.offender_roles) and never another power's vocabulary: every betrokkene in an offender role under
eighteen on the source's pleegdatum gets one ouderbrief melding (a source without offender roles, such as a
protective order, offers none); the source's betrokkenen in the role
`gezaghebbende` become the persons with authority (none known: the new zaak's task asks for a look-up).
The jurist corrects what a follow-up can only guess (the kind of incident, its place, the source).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from app.domain.addressees import ADDRESS_FIELDS, address_of, is_minor
from app.powers.ouderbrief.case import GUARDIAN

CODE = "ouderbrief"
# The envelope's kinds of source document, read as who reported the incident (a jurist can correct it).
HANDHAVING_SOURCES = ("boa_rapport", "melding")


def follow_up(source: Mapping[str, Any]) -> list[dict[str, Any]]:
    """One melding (JSON types, without submission_id) per minor in the source zaak; [] when there is none."""
    pleegdatum = _day(source["pleegdatum"])
    people = source.get("betrokkenen") or []
    guardians = [_guardian(p) for p in people if p.get("roltype") == GUARDIAN]
    minors = [p for p in people if _about(p, source) and not p.get("is_organisatie")
              and p.get("geboortedatum") and is_minor(_day(p["geboortedatum"]), pleegdatum)]
    return [_melding(source, pleegdatum, child, guardians) for child in minors]


def _about(person: Mapping[str, Any], source: Mapping[str, Any]) -> bool:
    """A person the source's measure is about: in one of its offender roles when the source names them (a
    child a protective order protects is no offender), never a person with authority."""
    roles = source.get("offender_roles")
    return person.get("roltype") != GUARDIAN and (roles is None or person.get("roltype") in roles)


def _melding(source: Mapping[str, Any], pleegdatum: date, child: Mapping[str, Any],
             guardians: list[dict[str, Any]]) -> dict[str, Any]:
    adres = _address(source.get("adres") or {})  # the place of the incident: in the municipality (NL)
    return {
        "zaaktype": CODE, "bron_soort": source["bron_soort"], "bron_kenmerk": source["bron_kenmerk"],
        "bron_datum": _day(source.get("bron_datum") or pleegdatum).isoformat(),
        "pleegdatum": pleegdatum.isoformat(), "toelichting": f"Vervolg op zaak {source['kenmerk']}",
        "adres": adres,
        "gegevens": {
            "incident_at": f"{pleegdatum.isoformat()}T00:00", "incident_time_unknown": True,
            "incident_place": f"In de {adres.get('straat', '')}".strip(), "incident_type": "overig",
            "incident_source": "handhaving" if source["bron_soort"] in HANDHAVING_SOURCES else "politie",
            "gia_signal": "unknown",
            "child": {"naam": child["naam"], "geboortedatum": _day(child["geboortedatum"]).isoformat(),
                      "adres": _address(child)},
            "gezaghebbenden": guardians,
        },
    }


def _guardian(person: Mapping[str, Any]) -> dict[str, Any]:
    """A person with authority from the source; parent unless the jurist corrects it."""
    return {"naam": person["naam"], "relatie": "ouder", "adres": _address(person)}


def _address(found: Mapping[str, Any]) -> dict[str, Any]:
    """The address fields as text, with the country (Dutch when the source names none)."""
    return {k: str(v) for k, v in address_of({f: found.get(f) or "" for f in ADDRESS_FIELDS}).items()}


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))
