"""The PDF/A rendition of approved letters: asked for at approval, made by the job queue, stored immutably.

The conversion runs on the approved bytes, so the PDF shows exactly what the kabinet approved; its record
names the SHA-256 of that .docx. Once every letter of a beslissing has its PDF and its sending is recorded,
publication to the ZGW backend is queued (when one is configured), so the zaaksysteem receives what was sent.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import SYSTEM, record_change
from app.letters import pdf as pdf_letters
from app.models import Beslissing, Document, DocumentPdf
from app.runtime import Runtime
from app.services import outbox

CONVERT = "convert_pdf"
PUBLISH = "publish_zgw"


BATCH = 25  # letters per LibreOffice run: one start-up for many letters, well within the 60 s time-out


def request_pdfs(session: Session, documents: list[Document]) -> None:
    """At approval: conversion jobs for these letters, in batches (flushed with the approval, run after its
    commit). The key names the letters, so asking twice for the same letters is one job."""
    for start in range(0, len(documents), BATCH):
        batch = documents[start:start + BATCH]
        ids = [d.id for d in batch]
        key = hashlib.sha256(",".join(map(str, ids)).encode()).hexdigest()[:32]
        outbox.add(session, CONVERT, f"{CONVERT}:documents:{key}", {"document_ids": ids}, batch[0].zaak_id)


def convert_pdf(session: Session, rt: Runtime, payload: dict[str, Any]) -> None:
    """Job handler: make and store the PDFs of approved letters; letters that have one already are skipped."""
    ids = payload.get("document_ids") or [payload["document_id"]]
    documents = [d for d in session.scalars(select(Document).where(Document.id.in_(ids)).order_by(Document.id))
                 if _existing(session, d.id) is None]
    if not documents:
        return
    if any(d.status != "definitief" for d in documents):
        raise pdf_letters.PdfConversionError("Alleen een vastgestelde brief wordt als PDF gemaakt.")
    config, sources = rt.config, [d.inhoud for d in documents]
    # End the read before LibreOffice runs: a transaction held for seconds would hold SQLite's write lock (every
    # transaction here begins IMMEDIATE) and make the users' requests wait; the rows are written after.
    session.commit()
    pdfs = pdf_letters.convert_many(sources, _profile_dir(config.pdf_profile_dir),
                                    soffice=config.soffice, timeout=config.pdf_timeout_seconds)
    for document, pdf in zip(documents, pdfs, strict=True):
        _store(session, document, pdf, pdf_letters.converter_version(config.soffice))
    for beslissing in {d.beslissing_id: d.beslissing for d in documents}.values():
        publish_when_ready(session, rt, beslissing)


def _store(session: Session, document: Document, pdf: bytes, converter: str) -> None:
    row = DocumentPdf(document_id=document.id, zaak_id=document.zaak_id, inhoud=pdf,
                      sha256=hashlib.sha256(pdf).hexdigest(), bron_sha256=document.sha256, omzetter=converter)
    session.add(row)
    session.flush()
    record_change(session, SYSTEM, actie="pdf", hoofd_object=document.beslissing.zaak.identificatie,
                  resource="document", resource_id=document.id, weergave=document.titel,
                  nieuw={"pdf_sha256": row.sha256, "bron_sha256": row.bron_sha256})


def _profile_dir(base: Path) -> Path:
    # One LibreOffice profile per worker process: runs that share a profile fail intermittently.
    return base / f"worker-{os.getpid()}"


def _existing(session: Session, document_id: int) -> DocumentPdf | None:
    return session.scalar(select(DocumentPdf).where(DocumentPdf.document_id == document_id))


def publish_when_ready(session: Session, rt: Runtime, beslissing: Beslissing) -> None:
    """Queue the ZGW publication once the besluit is made known (every letter's sending recorded: the Besluit
    carries the real verzenddatum and the dates that follow from it, Awb 3:40, 3:41) and every letter has its PDF
    (the zaaksysteem gets what was sent). Called when the last PDF is made and when the last sending is recorded."""
    from app.services.review import current_documents
    from app.services.zgw import zgw_configured

    if not zgw_configured(rt.config) or beslissing.status != "verzonden":
        return
    documents = current_documents(session, beslissing)
    if all(_existing(session, d.id) is not None for d in documents):
        outbox.add(session, PUBLISH, f"{PUBLISH}:beslissing:{beslissing.id}", {"beslissing_id": beslissing.id},
                   beslissing.zaak_id)


def pdf_of(session: Session, document: Document) -> DocumentPdf | None:
    """The PDF of a letter, once made."""
    return _existing(session, document.id)


def pdfs_of(session: Session, documents: list[Document]) -> dict[int, DocumentPdf]:
    """The PDFs made so far, by document id."""
    ids = [d.id for d in documents]
    return {p.document_id: p for p in session.scalars(select(DocumentPdf).where(DocumentPdf.document_id.in_(ids)))}
