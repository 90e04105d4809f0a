"""The jurist's preview of a concept's letters: rendered by the same path that stores them when offered,
never stored, and refused with the same checks as offering when the letters cannot be made yet.

Rendering runs the offering checks (which may write a fresh assessment receipt when facts changed); all of
that is rolled back, so a preview changes nothing but the access log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from app.audit import Actor, record_access
from app.letters.render import mark_concept
from app.models import Beslissing, Document, User
from app.runtime import Runtime
from app.services.documents import build_letters
from app.services.drafting import check_offer

CONCEPT_VERSIE = 0  # no stored letter has version 0: the preview is no version of its own


@dataclass(frozen=True)
class PreviewLetter:
    """One recipient's concept letter: the bytes as they would be stored plus a concept mark on the first line
    and in the header (letters/render.mark_concept), and a file name marking a concept."""

    betrokkene_id: int
    ontvanger_naam: str
    ontvanger_rol: str
    titel: str
    bestandsnaam: str
    inhoud: bytes


def preview_letters(session: Session, rt: Runtime, beslissing: Beslissing, ondertekenaar: User, actor: User,
                    today: date, origin: str) -> list[PreviewLetter]:
    """Render every letter of a concept as it would be offered, store nothing, log the preview.

    Raises InvalidInput, MandateMissing, JudgementMissing, InvalidTransition (as offering does)."""
    try:
        check_offer(session, rt, beslissing, ondertekenaar, actor, today)
        letters = [_letter(person.id, d) for person, d in
                   build_letters(session, rt, beslissing, ondertekenaar, today, CONCEPT_VERSIE, "in_bewerking")]
    finally:
        kenmerk = beslissing.zaak.identificatie
        session.rollback()  # nothing of the rendering is kept
    record_access(session, Actor.of(actor), action="preview", object_type="beslissing", reason="concept",
                  object_id=beslissing.id, case_id=kenmerk, origin=origin)
    session.commit()
    return letters


def _letter(betrokkene_id: int, document: Document) -> PreviewLetter:
    stem = document.bestandsnaam.removesuffix(f"-v{CONCEPT_VERSIE}.docx")
    return PreviewLetter(betrokkene_id=betrokkene_id, ontvanger_naam=document.ontvanger_naam,
                         ontvanger_rol=document.ontvanger_rol, titel=document.titel,
                         bestandsnaam=f"CONCEPT-{stem}.docx", inhoud=mark_concept(document.inhoud))
