"""PDF/A-2 of approved letters, made by LibreOffice headless in the job: conforming, tagged, Dutch, with the
letter's text verbatim, stored once beside the .docx with both hashes; a hanging converter is killed."""

from __future__ import annotations

import hashlib
import io
import re
import subprocess
import time
from pathlib import Path

import docx
import pytest
from sqlalchemy import select

from app.letters import pdf as pdf_letters
from app.models import DocumentPdf
from app.services.review import current_documents
from tests.jobs.jobs_support import approved_warning, jobs_of, run_all


@pytest.fixture
def rt(app):
    return app.extensions["bevoegd"]


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _unhyphenated(text: str) -> str:
    # pdftotext joins a word broken over two lines and drops the hyphen at the break ("BEV-2026-" + "000001"),
    # so hyphens are left out on both sides of the comparison; everything else must match verbatim.
    return text.replace("-", "")


def _docx_text(data: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(data))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return [_words(p) for p in [*(p.text for p in document.paragraphs), *cells] if _words(p)]


def _pdftotext(pdf: bytes, tmp_path: Path) -> str:
    source = tmp_path / "brief.pdf"
    source.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(source), "-"], capture_output=True, check=True,
                          text=True).stdout


def test_an_approved_letter_becomes_a_tagged_dutch_pdfa2_with_its_text_verbatim(app, db, rt, users, today,
                                                                              tmp_path):
    beslissing = approved_warning(db, rt, users, today)
    assert run_all(app) == ["klaar"]  # one job for the letters of the beslissing
    document = current_documents(db, beslissing)[0]
    stored = db.scalar(select(DocumentPdf).where(DocumentPdf.document_id == document.id))
    assert stored.sha256 == hashlib.sha256(stored.inhoud).hexdigest()
    assert stored.bron_sha256 == document.sha256
    assert stored.omzetter.startswith("LibreOffice ")
    found = pdf_letters.require_pdfa(stored.inhoud)
    assert (found.pdfa_part, found.pdfa_conformance, found.pdfua_part, found.tagged) == ("2", "B", "1", True)
    assert found.language.lower().startswith("nl")
    text = _unhyphenated(_words(_pdftotext(stored.inhoud, tmp_path)))
    missing = [line for line in _docx_text(document.inhoud) if _unhyphenated(line) not in text]
    assert missing == []
    assert {j.status for j in jobs_of(db, beslissing.zaak_id)} == {"klaar"}


def test_running_the_job_again_makes_nothing_twice(app, db, rt, users, today):
    beslissing = approved_warning(db, rt, users, today)
    run_all(app)
    made = db.scalars(select(DocumentPdf.sha256)).all()
    from app.services.letter_pdf import convert_pdf

    convert_pdf(db, rt, {"document_id": current_documents(db, beslissing)[0].id})
    db.commit()
    assert db.scalars(select(DocumentPdf.sha256)).all() == made


def test_a_stored_pdf_cannot_be_changed(app, db, rt, users, today):
    from sqlalchemy import text
    from sqlalchemy.exc import DatabaseError

    approved_warning(db, rt, users, today)
    run_all(app)
    with pytest.raises(DatabaseError):
        db.execute(text("UPDATE document_pdfs SET sha256 = 'x'"))
        db.flush()
    db.rollback()


def test_a_hanging_converter_is_killed_after_the_time_out(tmp_path):
    hang = tmp_path / "soffice"
    hang.write_text("#!/bin/sh\nsleep 30 &\nwait\n")
    hang.chmod(0o755)
    started = time.monotonic()
    with pytest.raises(pdf_letters.PdfConversionError, match="niet binnen 1 seconden"):
        pdf_letters.convert_to_pdfa(b"not a docx", tmp_path / "profile", soffice=str(hang), timeout=1)
    assert time.monotonic() - started < 5
    found = subprocess.run(["pgrep", "-f", "sleep 30"], capture_output=True, text=True, check=False)
    leftover = found.stdout.split()
    assert leftover == []  # the whole process group went, not only the launcher


def test_merged_batch_keeps_every_page_in_order(app, db, rt, users, today):
    import pikepdf

    approved_warning(db, rt, users, today)
    run_all(app)
    pdfs = db.scalars(select(DocumentPdf.inhoud).order_by(DocumentPdf.id)).all()
    merged = pdf_letters.merge([*pdfs, *pdfs])
    with pikepdf.open(io.BytesIO(merged)) as batch:
        expected = 2 * sum(pdf_letters.conformance(p).pages for p in pdfs)
        assert len(batch.pages) == expected

