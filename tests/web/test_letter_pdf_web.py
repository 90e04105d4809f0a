"""Letters as files: the PDF is downloaded by default once the job made it and the .docx on request, each download
logged with its format; the case page links both and says "PDF wordt gemaakt" until then; the post room's print
batch merges the letters still to be sent, by recipient, and names those whose PDF is missing."""

from __future__ import annotations

import hashlib
from datetime import date
from io import BytesIO

import pikepdf
from sqlalchemy import select

from app.models import AccessEntry, DocumentPdf
from app.services.dispatch import DispatchRequest, record_dispatch
from app.services.review import current_documents
from tests.web.test_dispatch_web import _order
from tests.web.test_no_code_names import leaks


def tiny_pdf(width: int = 595) -> bytes:
    """A valid one-page PDF; its page width tells the letters apart in a merged batch."""
    with pikepdf.new() as pdf:
        pdf.add_blank_page(page_size=(width, 842))
        out = BytesIO()
        pdf.save(out)
        return out.getvalue()


def add_pdf(db, document, data: bytes) -> DocumentPdf:
    """Store a PDF as the conversion job would; first end the read snapshot (WAL) the requests moved past."""
    db.rollback()
    row = DocumentPdf(document_id=document.id, zaak_id=document.zaak_id, inhoud=data,
                      sha256=hashlib.sha256(data).hexdigest(), bron_sha256=document.sha256, omzetter="test")
    db.add(row)
    db.commit()
    return row


def _downloads(db) -> list[tuple[str, str]]:
    db.rollback()
    return [(e.object_id, e.reason) for e in db.scalars(select(AccessEntry).where(
        AccessEntry.action == "download").order_by(AccessEntry.id))]


def test_the_pdf_is_the_default_download_once_made_and_the_docx_stays_available(app, client, db, users, login_as):
    order = _order(app, db, users)
    letter = current_documents(db, order)[0]
    login_as("jurist")
    page = client.get(f"/zaken/{order.zaak_id}").get_data(as_text=True)
    assert "PDF wordt gemaakt" in page and f"/documenten/{letter.id}/download?formaat=docx" in page
    before = client.get(f"/documenten/{letter.id}/download")
    assert before.status_code == 200 and before.data[:2] == b"PK"  # no PDF yet: the approved .docx
    assert client.get(f"/documenten/{letter.id}/download?formaat=pdf").status_code == 404
    pdf = add_pdf(db, letter, tiny_pdf())
    page = client.get(f"/zaken/{order.zaak_id}").get_data(as_text=True)
    assert f"/documenten/{letter.id}/download?formaat=pdf" in page and f"{pdf.sha256[:12]}… (PDF)" in page
    default = client.get(f"/documenten/{letter.id}/download")
    assert default.mimetype == "application/pdf" and default.data == pdf.inhoud
    assert default.headers["Cache-Control"] == "no-store"
    assert default.headers["Content-Disposition"].endswith(".pdf") and letter.bestandsnaam[:-5] in \
        default.headers["Content-Disposition"]
    word = client.get(f"/documenten/{letter.id}/download?formaat=docx")
    assert word.data == letter.inhoud and word.headers["Content-Disposition"].endswith(".docx")
    assert client.get(f"/documenten/{letter.id}/download?formaat=odt").status_code == 404
    assert _downloads(db) == [(str(letter.id), "formaat=docx"), (str(letter.id), "formaat=pdf"),
                              (str(letter.id), "formaat=docx")]


def test_the_print_batch_merges_the_unsent_letters_by_recipient_and_names_the_missing(app, client, db, users,
                                                                                      login_as):
    order = _order(app, db, users)
    letters = sorted(current_documents(db, order), key=lambda d: d.ontvanger_naam.casefold())
    widths = {d.id: 500 + 10 * i for i, d in enumerate(letters)}
    for document in letters[:2]:
        add_pdf(db, document, tiny_pdf(widths[document.id]))
    login_as("jurist")
    page = client.get(f"/zaken/{order.zaak_id}").get_data(as_text=True)
    assert "Download de afdrukset (PDF, 2 brieven)" in page and "PDF wordt gemaakt" in page
    assert letters[2].ontvanger_naam in page.split("PDF wordt gemaakt")[-1]
    assert not leaks(page), leaks(page)
    batch = client.get(f"/zaken/{order.zaak_id}/beslissingen/{order.id}/afdrukset")
    assert batch.status_code == 200 and batch.mimetype == "application/pdf"
    with pikepdf.open(BytesIO(batch.data)) as merged:
        assert [float(p.mediabox[2]) for p in merged.pages] == [widths[d.id] for d in letters[:2]]
    assert _downloads(db) == [(str(d.id), "formaat=pdf afdrukset") for d in letters[:2]]
    record_dispatch(db, app.extensions["bevoegd"], order, DispatchRequest(letters[0].id, date(2026, 12, 4), "post"),
                    order.version_id, users["jurist"], date(2026, 12, 4))
    with pikepdf.open(BytesIO(client.get(f"/zaken/{order.zaak_id}/beslissingen/{order.id}/afdrukset").data)) as rest:
        assert [float(p.mediabox[2]) for p in rest.pages] == [widths[letters[1].id]]


def test_without_a_letter_ready_the_batch_link_returns_to_the_page_with_the_reason(app, client, db, users, login_as):
    order = _order(app, db, users)
    login_as("jurist")
    response = client.get(f"/zaken/{order.zaak_id}/beslissingen/{order.id}/afdrukset")
    assert response.status_code == 302 and response.headers["Location"].endswith(f"#afdrukset-b{order.id}")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Er is geen brief om af te drukken" in page and "Download de afdrukset" not in page
    assert _downloads(db) == []


def test_only_the_jurist_downloads_the_print_batch(app, client, db, users, login_as):
    order = _order(app, db, users)
    add_pdf(db, current_documents(db, order)[0], tiny_pdf())
    url = f"/zaken/{order.zaak_id}/beslissingen/{order.id}/afdrukset"
    for role in ("kabinet", "hovj", "beheerder", "auditor"):
        login_as(role)
        assert client.get(url).status_code == 403, role
    login_as("jurist")
    assert client.get(url).status_code == 200
    assert client.get(f"/zaken/{order.zaak_id}/beslissingen/999999/afdrukset").status_code == 404
