"""The decision on a bezwaar through the kabinet's review: the jurist records it as a draft offered to the
named signatory (one transaction: beslissing, letters, audit, notification); the kabinet approves it in
services/review.py, which calls `take_effect` in the approval's transaction, or returns it, after which the
jurist changes it and offers it again. Only on approval is the decision written to the bezwaar, and only then
does a gegrond decision revoke the contested besluit.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from app.audit import Actor, record_change
from app.domain.bezwaar import REVOKING, is_tijdig
from app.domain.errors import InvalidInput, InvalidTransition, MandateMissing
from app.domain.objection_decision import CODE, Bezwaarstand, draft
from app.domain.workflow import fase_after, next_status
from app.models import Beslissing, Bezwaar, Reviewronde, User
from app.runtime import Runtime
from app.services import notifications, toegang
from app.services.documents import render_documents
from app.services.earlier_measures import apply_revocation
from app.services.queries import check_version, require_mandaat
from app.services.receipts import assessment_of


def offer(session: Session, rt: Runtime, row: Bezwaar, data: dict[str, Any], signer: User | None,  # noqa: PLR0913
          user: User, today: date) -> Beslissing:
    """Draft the decision on the bezwaar and offer it, with its letters, to the signatory for approval.
    Raises ConcurrentEdit, InvalidInput, InvalidTransition, MandateMissing, LetterRenderError."""
    check_version(row, data["version"])
    besluit = _open_draft(row)
    contested = row.beslissing
    content = draft(_stand(row), data)
    if not today <= data["verzenddatum"]:
        raise InvalidInput({"verzenddatum": "De datum van de brief ligt niet in het verleden."})
    _check_signer(rt, contested, signer, user, today)
    toegang.require_signer_on_list(session, contested.zaak, signer)
    old = dict(besluit.maatregel) if besluit else None
    besluit = besluit or Beslissing(zaak_id=row.zaak_id, soort=CODE, besluit=True, review_mode="vooraf",
                                    beoordeling_id=contested.beoordeling_id, status="concept")
    besluit.maatregel, besluit.verzenddatum, besluit.drafter_id = content, data["verzenddatum"], user.id
    besluit.ondertekenaar_id = signer.id
    besluit.status = next_status(besluit.status, "submit")
    session.add(besluit)
    session.flush()
    row.besluit_id = besluit.id
    flag_modified(row, "besluit_id")  # a re-offer changes no column of the bezwaar, yet its form is now stale
    documents = render_documents(session, rt, besluit, signer, today)
    contested.zaak.fase = fase_after(rt.procedure(contested.zaak.zaaktype).outcome(CODE), "submit")
    record_change(session, Actor.of(user), actie="submit", hoofd_object=contested.zaak.identificatie,
                  resource="beslissing", resource_id=besluit.id, weergave=CODE, oud=old,
                  nieuw={"status": besluit.status, "bezwaar": row.id, "uitkomst": content["uitkomst"],
                         "documenten": [d.sha256 for d in documents]})
    notifications.on_submitted(session, rt, besluit, signer)
    session.commit()
    return besluit


def _open_draft(row: Bezwaar) -> Beslissing | None:
    """The beslissing returned for changes, if any; a decision under review or taken cannot be offered."""
    if row.uitkomst is not None:
        raise InvalidTransition("Op dit bezwaar is al beslist.")
    besluit = row.besluit
    if besluit is not None and besluit.status != "concept":
        raise InvalidTransition("De beslissing op dit bezwaar ligt al ter vaststelling bij het kabinet.")
    return besluit


def _stand(row: Bezwaar) -> Bezwaarstand:
    return Bezwaarstand(bezwaar_id=row.id, bestreden=row.beslissing.soort, tijdig=is_tijdig(row.tijdigheid),
                        verschoonbaar=row.verschoonbaar, gronden=tuple(g["grond"] for g in row.gronden),
                        advies=row.advies_op is not None, commissie=row.commissie,
                        advies_uitkomst=row.advies_uitkomst, gehoord=row.hoorzitting_op is not None,
                        niet_horen_grond=row.niet_horen_grond, tijdigheid=row.tijdigheid)


def _check_signer(rt: Runtime, contested: Beslissing, signer: User | None, user: User, today: date) -> None:
    """A member of the kabinet of the zaak's team, not the jurist himself, with a mandate for the besluit the
    bezwaar is against (the same body reconsiders its own besluit)."""
    zaak = contested.zaak
    if (signer is None or signer.id == user.id or signer.role != "kabinet" or not signer.active
            or signer.team != zaak.team):
        raise MandateMissing("Kies een ondertekenaar, niet uzelf, met mandaat voor het besluit waartegen het "
                             "bezwaar is gericht.")
    outcome = rt.procedure(zaak.zaaktype).outcome(contested.soort)
    require_mandaat(signer, zaak.zaaktype, outcome, today, assessment_of(contested.beoordeling),
                    who=signer.display_name, body=zaak.orgaan)


def take_effect(session: Session, besluit: Beslissing, actor: User, today: date) -> Bezwaar:
    """In the approval's transaction (flushes, no commit): write the decision to the bezwaar and, when the
    bezwaar is gegrond, revoke the contested besluit so it no longer counts for repeat offences."""
    row = session.scalars(select(Bezwaar).where(Bezwaar.besluit_id == besluit.id)).one()
    content = besluit.maatregel
    old = {"uitkomst": None}
    row.gronden, row.uitkomst, row.motivering = content["gronden"], content["uitkomst"], content["motivering"]
    row.beslist_op, row.beslist_door_id, row.ondertekenaar_id = today, besluit.drafter_id, actor.id
    contested = row.beslissing
    if row.uitkomst in REVOKING and contested.intrekking_soort is None:
        apply_revocation(session, contested.zaak, contested, {
            "soort": "herroepen_in_bezwaar", "datum": today, "version": contested.version_id,
            "reden": f"Bezwaar van {row.indiener_naam} gegrond verklaard: {row.motivering}"},
            actor, today, earliest=row.ontvangen_op)
    session.flush()
    record_change(session, Actor.of(actor), actie="update", hoofd_object=contested.zaak.identificatie,
                  resource="bezwaar", resource_id=row.id, weergave=f"beslissing op bezwaar: {row.uitkomst}",
                  oud=old, nieuw={"uitkomst": row.uitkomst, "beslist_op": row.beslist_op, "besluit": besluit.id})
    return row


def last_return(session: Session, besluit: Beslissing | None) -> Reviewronde | None:
    """The kabinet's latest comment on a decision returned for changes (shown to the jurist)."""
    if besluit is None or besluit.status != "concept":
        return None
    return session.scalars(select(Reviewronde).where(Reviewronde.beslissing_id == besluit.id,
                                                     Reviewronde.resultaat == "teruggestuurd")
                           .order_by(Reviewronde.id.desc())).first()
