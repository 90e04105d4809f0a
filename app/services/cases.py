"""Read use cases: each writes its access-log row in the same transaction (NEN 7513 style)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePath
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from app.audit import Actor, record_access
from app.domain.assessment import Assessment
from app.domain.closure import judgements_to_ask
from app.domain.judgements import competence
from app.domain.mandates import given_by, in_force, reservation, valid_on
from app.domain.procedure import Outcome, Procedure
from app.models import Beslissing, Document, Mandaat, Oordeel, User, Zaak
from app.models.types import utcnow
from app.runtime import Runtime
from app.services import toegang
from app.services.assessment import latest
from app.services.letter_pdf import pdf_of
from app.services.queries import active_judgements, lapsed_judgements, mandaat_for
from app.services.receipts import assessment_of
from app.services.review import current_documents

PDF_TYPE = "application/pdf"


@dataclass(frozen=True)
class CaseView:
    """Everything the case page shows."""

    zaak: Zaak
    assessment: Assessment | None
    beoordeling_id: int | None
    proposal: dict[str, Any]
    judgements: dict[str, Oordeel]
    judgement_specs: tuple[Any, ...]
    beslissingen: list[tuple[Beslissing, list[Document]]]
    ondertekenaars: list[User]
    tasks: list[Any] = field(default_factory=list)
    competence: str | None = None  # after the recorded judgements (the rules alone may say "judgement needed")
    lapsed: dict[str, Oordeel] = field(default_factory=dict)  # reopened judgements: what was weighed before
    panel: Mapping[str, Any] | None = None  # the power's picture of the case file (PowerSpec.panel)


def view_zaak(session: Session, rt: Runtime, zaak: Zaak, actor: User, origin: str) -> CaseView:
    """Load the case page's data and log the view."""
    beoordeling = latest(session, zaak)
    assessment = assessment_of(beoordeling) if beoordeling else None
    beslissingen = list(session.scalars(select(Beslissing).where(Beslissing.zaak_id == zaak.id)
                                        .order_by(Beslissing.id.desc())))
    spec, procedure = rt.power(zaak.zaaktype), rt.procedure(zaak.zaaktype)
    params = rt.book.parameters_for(zaak.zaaktype, zaak.melding.pleegdatum) if spec.tasks or spec.panel else {}
    concept = next((b for b in beslissingen if b.status == "concept" and not procedure.outcome(b.soort).reconsiders),
                   None)
    judgements = active_judgements(session, zaak)
    competence = competence_after(procedure, assessment, judgements) if assessment else None
    view = CaseView(
        zaak=zaak, assessment=assessment, beoordeling_id=beoordeling.id if beoordeling else None,
        proposal=spec.proposal(assessment) if assessment else {},
        judgements=judgements, judgement_specs=judgements_to_ask(competence, procedure.judgements),
        lapsed=lapsed_judgements(session, zaak), competence=competence,
        beslissingen=[(b, current_documents(session, b)) for b in beslissingen],
        ondertekenaars=_signers(session, zaak, procedure, concept),
        tasks=spec.tasks(zaak.melding.gegevens, params, utcnow()) if spec.tasks else [],
        panel=spec.panel(zaak.melding.gegevens, params) if spec.panel else None,
    )
    record_access(session, Actor.of(actor), action="view", object_type="zaak", object_id=zaak.id,
                  case_id=zaak.identificatie, origin=origin, reason="toegangslijst" if zaak.toegang_beperkt else "")
    session.commit()
    return view


def competence_after(procedure: Procedure, assessment: Assessment, judgements: Mapping[str, Oordeel]) -> str:
    """Competence once the recorded competence judgements are taken into account."""
    return competence(assessment.bevoegdheid, procedure.judgements, assessment.judgements_required, judgements,
                      procedure.cumulative_competence)


def _signers(session: Session, zaak: Zaak, procedure: Procedure, concept: Beslissing | None) -> list[User]:
    """Who may sign the concept today (any kabinet member of the zaak's team with a valid mandate for the power
    without one); for a restricted zaak only those on its access list. Another team's members would be refused
    when chosen, and their names are not this team's business."""
    if concept is None:
        return toegang.only_members(session, zaak, signatories(session, zaak.zaaktype, None, clock.today(),
                                                               body=zaak.orgaan, team=zaak.team))
    return toegang.only_members(session, zaak, signatories(
        session, zaak.zaaktype, procedure.outcome(concept.soort), clock.today(),
        assessment_of(concept.beoordeling), body=zaak.orgaan, team=zaak.team))


def signatories(session: Session, besluittype: str, outcome: Outcome | None, on: date,  # noqa: PLR0913
                assessment: Assessment | None = None, body: str | None = None, team: str | None = None) -> list[User]:
    """Kabinet members with a mandate for this besluittype that allows `outcome` on `on` (honouring a
    reservation to the body itself that the assessment concludes); without an outcome, any valid mandate. With
    `body` (the zaak's settled body), only mandates that body gave; with `team`, only members of that team."""
    query = select(User).join(Mandaat, Mandaat.user_id == User.id).where(
        Mandaat.besluittype == besluittype, User.active.is_(True), User.role == "kabinet")
    if team is not None:
        query = query.where(User.team == team)
    users = session.scalars(query.order_by(User.display_name))
    if outcome is None:
        return [u for u in dict.fromkeys(users) if any(m.besluittype == besluittype and valid_on(m, on)
                                                       and in_force(m) and body in (None, given_by(m))
                                                       for m in u.mandaten)]
    reserved = reservation(assessment, outcome.code) is not None
    return [u for u in dict.fromkeys(users) if mandaat_for(u, besluittype, outcome, on, reserved, body) is not None]


def decided_on_the_spot(session: Session, zaak: Zaak) -> list[Beslissing]:
    """The decisions taken when the melding was submitted (review afterwards)."""
    return list(session.scalars(select(Beslissing).where(Beslissing.zaak_id == zaak.id,
                                                         Beslissing.review_mode == "achteraf")))


def letters_to_serve(session: Session, zaken: list[Zaak], actor: User) -> dict[int, list[Document]]:
    """The final letters of the decisions this person took on the spot, per zaak: the officer who imposed a
    measure hands the written beschikking over (or serves it) and needs it at hand."""
    rows = session.scalars(select(Document).join(Beslissing, Document.beslissing_id == Beslissing.id).where(
        Beslissing.zaak_id.in_([z.id for z in zaken]), Beslissing.approver_id == actor.id,
        Beslissing.review_mode == "achteraf", Document.status == "definitief").order_by(Document.id))
    letters: dict[int, list[Document]] = {}
    for document in rows:
        letters.setdefault(document.zaak_id, []).append(document)
    return letters


@dataclass(frozen=True)
class LetterFile:
    """The stored bytes of one letter in one format, with the name and type they are served under."""

    inhoud: bytes
    mimetype: str
    bestandsnaam: str
    formaat: str  # "pdf" or "docx"


def download_document(session: Session, document: Document, actor: User, origin: str,
                      formaat: str = "") -> LetterFile | None:
    """The letter as PDF once its PDF/A rendition exists (what is sent), else, or when asked for, the approved
    .docx; the access row names the format. None when the PDF is asked for and not made yet."""
    pdf = None if formaat == "docx" else pdf_of(session, document)
    if formaat == "pdf" and pdf is None:
        return None
    letter = (LetterFile(pdf.inhoud, PDF_TYPE, str(PurePath(document.bestandsnaam).with_suffix(".pdf")), "pdf")
              if pdf is not None else LetterFile(document.inhoud, document.formaat, document.bestandsnaam, "docx"))
    record_access(session, Actor.of(actor), action="download", object_type="document", object_id=document.id,
                  case_id=document.beslissing.zaak.identificatie, origin=origin, reason=f"formaat={letter.formaat}")
    session.commit()
    return letter


def log_preview(session: Session, beslissing: Beslissing, actor: User, origin: str) -> None:
    """Log that the kabinet read the stored letters of a beslissing."""
    record_access(session, Actor.of(actor), action="preview", object_type="beslissing", object_id=beslissing.id,
                  case_id=beslissing.zaak.identificatie, origin=origin)
    session.commit()


def record_denied(session: Session, actor: User, *, object_type: str, object_id: object, case_id: object,  # noqa: PLR0913 - NEN 7513 fields, keyword-only
                  origin: str, reason: str = "", action: str = "view") -> None:
    """A refused access is itself a logged read, in its own transaction (the request itself fails)."""
    session.rollback()
    record_access(session, Actor.of(actor), action=action, object_type=object_type, object_id=object_id,
                  case_id=case_id, result="denied", origin=origin, reason=reason)
    session.commit()
