"""Close a zaak with a reason (niet bevoegd, afgezien van een maatregel, afgedaan) and reopen it.

A closed zaak is read-only (services/queries.refuse_when_closed guards every change of facts, judgements,
drafts and betrokkenen) and shows its reason and end date. Closing needs no judgement about the measure;
it is refused while a beslissing is open (concept or ter vaststelling) or approved letters still wait to
be sent. Reopening, with a reason, returns the zaak to the fase it was closed from.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import Actor, record_change
from app.domain.closure import check_reason
from app.domain.errors import InvalidInput, InvalidTransition
from app.domain.procedure import body_words
from app.models import AuditEntry, Beslissing, User, Zaak
from app.runtime import Runtime
from app.services.assessment import latest
from app.services.cases import competence_after
from app.services.queries import active_judgements, check_version, open_beslissing, refuse_when_closed
from app.services.receipts import assessment_of

REOPENED_FASE = "feiten"  # where a zaak closed before this module recorded its fase starts again


def close_zaak(session: Session, rt: Runtime, zaak: Zaak, data: dict[str, Any], version: int, actor: User,  # noqa: PLR0913 - one use case, the version the jurist saw
               today: date) -> Zaak:
    """Afsluiten. Raises InvalidInput, InvalidTransition, ConcurrentEdit."""
    refuse_when_closed(zaak)
    check_version(zaak, version)
    if open_beslissing(session, zaak) is not None:
        raise InvalidTransition("Er ligt nog een beslissing in concept of ter vaststelling. Trek die eerst terug "
                                "of rond haar af voordat u de zaak afsluit.")
    if session.scalars(select(Beslissing.id).where(Beslissing.zaak_id == zaak.id,
                                                   Beslissing.status == "vastgesteld")).first() is not None:
        raise InvalidTransition("De brieven van een vastgestelde beslissing zijn nog niet verzonden. Leg eerst de "
                                "verzending vast.")
    check_reason(data["afsluitreden"], _competence(session, rt, zaak), body_words(zaak.orgaan))
    toelichting = (data.get("toelichting") or "").strip()
    if not toelichting:
        raise InvalidInput({"toelichting": "Motiveer waarom de zaak wordt afgesloten."})
    old = {"fase": zaak.fase}
    zaak.fase, zaak.einddatum = "afgesloten", today
    zaak.afsluitreden, zaak.afsluittoelichting = data["afsluitreden"], toelichting
    record_change(session, Actor.of(actor), actie="close", hoofd_object=zaak.identificatie, resource="zaak",
                  resource_id=zaak.id, weergave=data["afsluitreden"], oud=old,
                  nieuw={"fase": "afgesloten", "einddatum": today, "afsluitreden": data["afsluitreden"]},
                  toelichting=toelichting)
    session.commit()
    return zaak


def reopen_zaak(session: Session, zaak: Zaak, reason: str, version: int, actor: User) -> Zaak:
    """Heropenen with a reason, back to the fase it was closed from. Raises InvalidInput, InvalidTransition,
    ConcurrentEdit."""
    check_version(zaak, version)
    if zaak.fase != "afgesloten":
        raise InvalidTransition("Deze zaak is niet afgesloten.")
    if not reason.strip():
        raise InvalidInput({"reden": "Schrijf op waarom de zaak wordt heropend."})
    old = {"fase": zaak.fase, "einddatum": zaak.einddatum, "afsluitreden": zaak.afsluitreden}
    zaak.fase = _closed_from(session, zaak)
    zaak.einddatum = zaak.afsluitreden = zaak.afsluittoelichting = None
    record_change(session, Actor.of(actor), actie="reopen", hoofd_object=zaak.identificatie, resource="zaak",
                  resource_id=zaak.id, weergave=zaak.fase, oud=old, nieuw={"fase": zaak.fase},
                  toelichting=reason.strip())
    session.commit()
    return zaak


def _competence(session: Session, rt: Runtime, zaak: Zaak) -> str | None:
    beoordeling = latest(session, zaak)
    if beoordeling is None:
        return None
    procedure = rt.procedure(zaak.zaaktype)
    return competence_after(procedure, assessment_of(beoordeling), active_judgements(session, zaak))


def _closed_from(session: Session, zaak: Zaak) -> str:
    entry = session.scalars(select(AuditEntry).where(
        AuditEntry.hoofd_object == zaak.identificatie, AuditEntry.resource == "zaak", AuditEntry.actie == "close",
    ).order_by(AuditEntry.id.desc())).first()
    fase = ((entry.wijzigingen or {}).get("oud") or {}).get("fase") if entry else None
    return fase if fase and fase != "afgesloten" else REOPENED_FASE
