"""The post room's print batch: one merged PDF of the letters of a beslissing that still have to go out.

The scope is one beslissing, downloaded by its jurist from the case page: its letters without a valid sending
(none recorded yet, or the recorded one came back), in a stable order by recipient. A letter whose PDF/A the
job has not made yet is listed as missing, never left out silently. Each letter in the batch gets its own
access row, as a single download would.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import Actor, record_access
from app.domain.dispatch import awaiting_dispatch
from app.letters.pdf import merge
from app.models import Beslissing, Document, DocumentPdf, User
from app.services.dispatch import dispatch_records, returns_of
from app.services.letter_pdf import pdfs_of
from app.services.queries import APPROVED
from app.services.review import current_documents


@dataclass(frozen=True)
class PrintBatch:
    """The letters still to be sent, in print order: those whose PDF exists and those still waiting for it."""

    ready: list[Document]
    missing: list[Document]


def print_batch(session: Session, beslissing: Beslissing) -> PrintBatch:
    """What the batch of an approved beslissing holds now (empty for one not approved)."""
    if beslissing.status not in APPROVED:
        return PrintBatch([], [])
    documents = current_documents(session, beslissing)
    waiting = set(awaiting_dispatch((d.id for d in documents), dispatch_records(session, beslissing),
                                    returns_of(session, beslissing)))
    ordered = sorted((d for d in documents if d.id in waiting), key=_recipient_order)
    made = pdf_hashes(session, ordered)
    return PrintBatch([d for d in ordered if d.id in made], [d for d in ordered if d.id not in made])


def download_print_batch(session: Session, beslissing: Beslissing, actor: User, origin: str) -> bytes | None:
    """The merged PDF of the letters ready to print, each download logged; None when none is ready."""
    ready = print_batch(session, beslissing).ready
    if not ready:
        return None
    pdfs = pdfs_of(session, ready)
    merged = merge([pdfs[d.id].inhoud for d in ready])
    for document in ready:
        record_access(session, Actor.of(actor), action="download", object_type="document", object_id=document.id,
                      case_id=beslissing.zaak.identificatie, origin=origin, reason="formaat=pdf afdrukset")
    session.commit()
    return merged


def pdf_hashes(session: Session, documents: list[Document]) -> dict[int, str]:
    """The SHA-256 of each letter's PDF made so far, by document id (without loading the PDFs themselves)."""
    ids = [d.id for d in documents]
    if not ids:
        return {}
    rows = session.execute(select(DocumentPdf.document_id, DocumentPdf.sha256).where(DocumentPdf.document_id.in_(ids)))
    return dict(rows.tuples().all())


def _recipient_order(document: Document) -> tuple[str, str, int]:
    # By name as the post room sorts envelopes; role and id keep two letters to one person in a fixed order.
    return document.ontvanger_naam.casefold(), document.ontvanger_rol, document.id
