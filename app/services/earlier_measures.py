"""Use cases for earlier measures: enter one from before go-live, and record that a measure was revoked or
annulled (any power's measure). Each is one transaction, audited; nothing is stored when one fails."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from app import clock
from app.audit import Actor, record_change
from app.domain.errors import InvalidInput, InvalidTransition
from app.models import Beslissing, EerdereMaatregel, User, Zaak
from app.runtime import Runtime
from app.services.assessment import assess
from app.services.history import APPROVED
from app.services.intake import address_key
from app.services.queries import check_version, refuse_while_in_review, touch

ADDRESS = ("straat", "huisnummer", "postcode", "woonplaats")


def record_earlier_measure(session: Session, rt: Runtime, zaak: Zaak, data: dict[str, Any], user: User,
                           today: date) -> EerdereMaatregel:
    """The jurist enters an earlier measure found in an archive or another system; the zaak it is entered
    from is assessed again (its offence number may change). Raises ConcurrentEdit, InvalidInput,
    InvalidTransition."""
    refuse_while_in_review(session, zaak)
    check_version(zaak, data["version"])
    _check_measure(rt, zaak, data, today)
    row = EerdereMaatregel(
        zaaktype=zaak.zaaktype, soort=data["soort"], pleegdatum=data["pleegdatum"], verzonden=data["verzonden"],
        verzenddatum=data["verzenddatum"], **{f"adres_{k}": data[k] for k in ADDRESS},
        adres_sleutel=address_key({k: data[k] for k in ADDRESS}), persoon_naam=data["persoon_naam"],
        persoon_geboortedatum=data["persoon_geboortedatum"], kenmerk=data["kenmerk"], bron=data["bron"],
        toelichting=data["toelichting"], ingevoerd_bij=zaak.identificatie, created_by_id=user.id,
    )
    session.add(row)
    touch(zaak)
    session.flush()
    record_change(session, Actor.of(user), actie="create", hoofd_object=zaak.identificatie,
                  resource="eerdere_maatregel", resource_id=row.id, weergave=f"{row.soort} {row.kenmerk}",
                  nieuw={k: v for k, v in data.items() if k != "version"})
    assess(session, rt, zaak, Actor.of(user), today)
    session.commit()
    return row


def _check_measure(rt: Runtime, zaak: Zaak, data: dict[str, Any], today: date) -> None:
    errors = {}
    if data["soort"] not in rt.procedure(zaak.zaaktype).escalation_kinds():
        errors["soort"] = "Kies een maatregel die meetelt voor herhaling."
    if data["pleegdatum"] > today:
        errors["pleegdatum"] = "De datum van de overtreding ligt in de toekomst."
    if data["verzenddatum"] is not None and data["verzenddatum"] > today:
        errors["verzenddatum"] = "De datum van verzending ligt in de toekomst."
    if errors:
        raise InvalidInput(errors)


def revoke_beslissing(session: Session, zaak: Zaak, beslissing: Beslissing, data: dict[str, Any], user: User,
                      today: date) -> Beslissing:
    """Record that an approved beslissing was revoked or annulled; it no longer counts as an earlier measure.
    Raises ConcurrentEdit, InvalidInput, InvalidTransition."""
    if beslissing.status not in APPROVED:
        raise InvalidTransition("Alleen een vastgestelde of verzonden beslissing kan ingetrokken of vernietigd zijn.")
    approved = clock.dutch_date(beslissing.approved_at) if beslissing.approved_at else today
    _revoke(session, zaak, beslissing, data, user, today, earliest=approved)
    return beslissing


def revoke_earlier_measure(session: Session, zaak: Zaak, measure: EerdereMaatregel, data: dict[str, Any],
                           user: User, today: date) -> EerdereMaatregel:
    """Record that an entered earlier measure was revoked or annulled. Raises ConcurrentEdit, InvalidInput,
    InvalidTransition."""
    _revoke(session, zaak, measure, data, user, today, earliest=measure.verzenddatum or measure.pleegdatum)
    return measure


def _revoke(session: Session, zaak: Zaak, row: Beslissing | EerdereMaatregel, data: dict[str, Any], user: User,
            today: date, earliest: date) -> None:
    apply_revocation(session, zaak, row, data, user, today, earliest)
    session.commit()


def apply_revocation(session: Session, zaak: Zaak, row: Beslissing | EerdereMaatregel, data: dict[str, Any],  # noqa: PLR0913
                     user: User, today: date, earliest: date) -> None:
    """Record the revocation and audit it, without committing: a decision on a bezwaar or a court ruling
    revokes in its own transaction. Raises ConcurrentEdit, InvalidInput, InvalidTransition."""
    if row.intrekking_soort is not None:
        raise InvalidTransition("Voor deze maatregel is al vastgelegd dat zij is ingetrokken of vernietigd.")
    check_version(row, data["version"])
    if not earliest <= data["datum"] <= today:
        raise InvalidInput({"datum": f"De datum ligt tussen {earliest:%d-%m-%Y} (de maatregel) en vandaag."})
    old = {"intrekking_soort": None}
    row.intrekking_soort, row.intrekking_datum = data["soort"], data["datum"]
    row.intrekking_reden, row.intrekking_door_id = data["reden"], user.id
    session.flush()
    resource = "beslissing" if isinstance(row, Beslissing) else "eerdere_maatregel"
    record_change(session, Actor.of(user), actie="update", hoofd_object=zaak.identificatie, resource=resource,
                  resource_id=row.id, weergave=f"{data['soort']} op {data['datum']}",
                  oud=old, nieuw={k: v for k, v in data.items() if k != "version"})
