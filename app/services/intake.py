"""Intake: handhaving submits a violation report; the zaak, its betrokkenen and first assessment are stored."""

from __future__ import annotations

import hashlib
import re
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import Actor, record_change
from app.models import Betrokkene, Melding, User, Zaak
from app.powers import power
from app.runtime import Runtime
from app.services.assessment import assess
from app.services.queries import check_version, refuse_while_in_review, touch

ADDRESS_FIELDS = ("straat", "huisnummer", "postcode", "woonplaats")


def submit_melding(session: Session, rt: Runtime, data: dict[str, Any], officer: User, today: date) -> Zaak:
    """Create zaak, melding and betrokkenen and assess them, in one transaction; a replay returns the first zaak.

    Raises RulesNotInForce / ParameterNotInForce when the finding date is not covered by the rules.
    """
    data = {**data, "submission_id": submission_key(officer, data["submission_id"])}
    known = session.scalars(select(Melding).where(Melding.submission_id == data["submission_id"])).first()
    if known is not None:
        return known.zaak
    actor = Actor.of(officer)
    zaak = _new_zaak(session, rt, data, officer, today)
    melding = _new_melding(zaak, data, officer)
    session.add(melding)
    for person in _betrokkenen(data):
        zaak.betrokkenen.append(person)
    session.flush()
    _audit_intake(session, actor, zaak, melding)
    assess(session, rt, zaak, actor, today)
    session.commit()
    return zaak


def submission_key(officer: User, submission_id: str) -> str:
    """Idempotency keys are per officer: another officer's retry with the same key is a different report."""
    return hashlib.sha256(f"{officer.id}:{submission_id}".encode()).hexdigest()


def _new_zaak(session: Session, rt: Runtime, data: dict[str, Any], officer: User, today: date) -> Zaak:
    adres = data["adres"]
    zaak = Zaak(
        identificatie=f"tmp-{data['submission_id'][:36]}", bronorganisatie=rt.config.extra.get("rsin", "123456782"),
        zaaktype=data["zaaktype"], fase="bevoegdheid", omschrijving=_omschrijving(data),
        registratiedatum=today, startdatum=today, created_by_id=officer.id, team=officer.team,
        adres_straat=adres["straat"], adres_huisnummer=adres["huisnummer"], adres_postcode=adres["postcode"],
        adres_woonplaats=adres["woonplaats"], adres_sleutel=address_key(adres),
    )
    power(zaak.zaaktype)
    session.add(zaak)
    session.flush()
    zaak.identificatie = f"BEV-{today.year}-{zaak.id:06d}"  # the kenmerk on every letter
    return zaak


def _new_melding(zaak: Zaak, data: dict[str, Any], officer: User) -> Melding:
    return Melding(
        zaak=zaak, submission_id=data["submission_id"], bron_soort=data["bron_soort"],
        bron_kenmerk=data["bron_kenmerk"], bron_datum=data["bron_datum"], pleegdatum=data["pleegdatum"],
        toelichting=data.get("toelichting", ""),
        gegevens={**data["gegevens"], "finding_date": data["pleegdatum"].isoformat(),
                  "landlord_kind": _landlord_kind(data)}, reporter_id=officer.id,
    )


def _landlord_kind(data: dict[str, Any]) -> str:
    """The kind of landlord follows from the rechthebbende when the report did not say it explicitly."""
    known = data["gegevens"].get("landlord_kind", "unknown")
    soort = (data.get("rechthebbende") or {}).get("soort")
    derived = {"woningcorporatie": "woningcorporatie", "verhuurder": "particulier"}.get(soort or "", "unknown")
    return known if known != "unknown" else derived


def _betrokkenen(data: dict[str, Any]) -> list[Betrokkene]:
    adres = data["adres"]
    people = [Betrokkene(roltype=p.get("roltype", "bewoner"), naam=p["naam"], geboortedatum=p.get("geboortedatum"),
                         **{f: adres[f] for f in ADDRESS_FIELDS}) for p in data.get("bewoners", [])]
    owner = data.get("rechthebbende")
    if owner:
        people.append(Betrokkene(roltype="rechthebbende", rechthebbende_soort=owner["soort"], naam=owner["naam"],
                                 is_organisatie=owner["soort"] == "woningcorporatie",
                                 **{f: owner[f] for f in ADDRESS_FIELDS}))
    return people


def _audit_intake(session: Session, actor: Actor, zaak: Zaak, melding: Melding) -> None:
    record_change(session, actor, actie="create", hoofd_object=zaak.identificatie, resource="zaak",
                  resource_id=zaak.id, weergave=zaak.omschrijving, nieuw={"zaaktype": zaak.zaaktype})
    record_change(session, actor, actie="create", hoofd_object=zaak.identificatie, resource="melding",
                  resource_id=melding.id, weergave=f"{melding.bron_soort} {melding.bron_kenmerk}",
                  nieuw={"bron_kenmerk": melding.bron_kenmerk, "pleegdatum": melding.pleegdatum})
    for person in zaak.betrokkenen:
        record_change(session, actor, actie="create", hoofd_object=zaak.identificatie, resource="betrokkene",
                      resource_id=person.id, weergave=person.roltype, nieuw={"roltype": person.roltype})


def _omschrijving(data: dict[str, Any]) -> str:
    adres = data["adres"]
    return f"Drugsaantreffen {adres['straat']} {adres['huisnummer']}, {adres['woonplaats']}"[:300]


def address_key(adres: dict[str, str]) -> str:
    """Normalised premises key (postcode + house number) so history is found whatever the spelling."""
    postcode = re.sub(r"\s+", "", adres["postcode"]).upper()
    return f"{postcode}|{adres['huisnummer'].strip().lower()}"


def add_rechthebbende(session: Session, zaak: Zaak, data: dict[str, Any], version: int, actor: User) -> Betrokkene:
    """The jurist adds the owner or landlord the report did not name (a closure must be notified to them,
    Awb 5:24 lid 3). Raises ConcurrentEdit, InvalidTransition."""
    refuse_while_in_review(session, zaak)
    check_version(zaak, version)
    person = Betrokkene(roltype="rechthebbende", rechthebbende_soort=data["soort"], naam=data["naam"],
                        is_organisatie=data["soort"] == "woningcorporatie", **{f: data[f] for f in ADDRESS_FIELDS})
    zaak.betrokkenen.append(person)
    touch(zaak)
    session.flush()
    record_change(session, Actor.of(actor), actie="create", hoofd_object=zaak.identificatie, resource="betrokkene",
                  resource_id=person.id, weergave="rechthebbende", nieuw={"roltype": "rechthebbende"})
    session.commit()
    return person
