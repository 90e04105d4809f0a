"""The kabinet's read use cases: the read-only case file of a zaak whose decision was offered to it (its history
of reviewed decisions is a list in services/case_lists.py). Each read writes its access-log row in the same
transaction."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from app.audit import Actor, record_access
from app.domain.assessment import Assessment
from app.models import Beslissing, Document, Oordeel, Reviewronde, User, Zaak
from app.runtime import Runtime
from app.services.assessment import latest
from app.services.cases import competence_after
from app.services.queries import active_judgements
from app.services.receipts import assessment_of
from app.services.review import current_documents

OFFERED = ("ter_vaststelling", "vastgesteld", "verzonden")  # a concept was offered only if a round exists


@dataclass(frozen=True)
class Dossier:
    """What the read-only case file shows."""

    zaak: Zaak
    assessment: Assessment | None
    proposal: dict[str, Any]
    competence: str | None
    judgements: dict[str, Oordeel]
    letters: list[tuple[Beslissing, list[Document]]]


def offered_zaak(session: Session, visible: Select[Any], zaak_id: int) -> Zaak | None:
    """The zaak if this kabinet member may see it and one of its decisions was offered to the kabinet."""
    reviewed = select(Beslissing.zaak_id).join(Reviewronde)
    offered = select(Beslissing.zaak_id).where(Beslissing.status.in_(OFFERED))
    return session.scalars(visible.where(Zaak.id == zaak_id, or_(Zaak.id.in_(offered), Zaak.id.in_(reviewed))
                                         )).first()


def dossier(session: Session, rt: Runtime, zaak: Zaak, actor: User, origin: str) -> Dossier:
    """Load the case file and log the view."""
    beoordeling = latest(session, zaak)
    assessment = assessment_of(beoordeling) if beoordeling else None
    judgements = active_judgements(session, zaak)
    procedure = rt.procedure(zaak.zaaktype)
    shown = list(session.scalars(select(Beslissing).where(
        Beslissing.zaak_id == zaak.id, or_(Beslissing.status.in_(OFFERED), Beslissing.reviewrondes.any()))
        .order_by(Beslissing.id.desc())))
    view = Dossier(zaak=zaak, assessment=assessment,
                   proposal=rt.power(zaak.zaaktype).proposal(assessment) if assessment else {},
                   competence=competence_after(procedure, assessment, judgements) if assessment else None,
                   judgements=judgements, letters=[(b, current_documents(session, b)) for b in shown])
    record_access(session, Actor.of(actor), action="view", object_type="dossier", object_id=zaak.id,
                  case_id=zaak.identificatie, origin=origin)
    session.commit()
    return view
