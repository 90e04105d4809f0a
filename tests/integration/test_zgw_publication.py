"""Publication to a ZGW backend, against the local fake server that checks every request against the standard's
OpenAPI documents and the JWT: each object is created once, a second run creates nothing, a failure halfway is
finished by a retry without duplicates, and a failed publication shows on the case page until it is retried."""

from __future__ import annotations

import base64
import hashlib
import time
from collections.abc import Iterator
from dataclasses import replace

import pytest
from flask import Flask
from sqlalchemy import select

from app import create_app
from app import jobs as jobs_module
from app.config import ROOT
from app.domain.zgw import ZgwConfigError
from app.models import Beslissing, DocumentPdf, OutboxJob, ZgwObject
from app.powers import registry
from app.rulebook import Rulebook
from app.services import outbox
from app.services.intake import submit_melding
from app.services.review import current_documents
from app.services.zgw import publish_zgw
from app.zgw_client import ZgwError
from tests.factories import huisverbod
from tests.jobs.jobs_support import approved_warning, run_all
from tests.web.test_no_code_names import leaks
from tests.zgw_fake import CLIENT_ID, SECRET, FakeZgw, running

RSIN = "123456782"  # fictional, passes the 11-proof
BOOK = Rulebook.load(ROOT / "rules")
TYPES = {code: {"zaaktype": f"https://catalogi.test/api/v1/zaaktypen/{code}",
                "informatieobjecttype": f"https://catalogi.test/api/v1/informatieobjecttypen/{code}",
                "besluittypen": {o: f"https://catalogi.test/api/v1/besluittypen/{code}-{o}"
                                 for o in BOOK.index(code).outcomes}} for code in registry()}


@pytest.fixture
def fake() -> Iterator[FakeZgw]:
    with running() as server:
        yield server


@pytest.fixture
def app(database_url: str, fake: FakeZgw) -> Iterator[Flask]:
    """The test app with the fake server as its ZGW backend; a job fails for good after one attempt."""
    application = create_app({"database_url": database_url, "testing": True, "strict_templates": True,
                              "csrf_enabled": False, "zgw_url": fake.base, "zgw_client_id": CLIENT_ID,
                              "zgw_secret": SECRET, "zgw_rsin": RSIN, "zgw_typen": TYPES, "job_max_attempts": 1})
    yield application
    application.extensions["db_engine"].dispose()


@pytest.fixture
def rt(app):
    return app.extensions["bevoegd"]


@pytest.fixture
def order(db, rt, users, today) -> Beslissing:
    """A huisverbod imposed on the spot: a besluit, vastgesteld at once, with three letters."""
    zaak = submit_melding(db, rt, huisverbod(), users["hovj"], today)
    return db.scalars(select(Beslissing).where(Beslissing.zaak_id == zaak.id)).one()


def _publish(db, rt, beslissing: Beslissing) -> None:
    publish_zgw(db, rt, {"beslissing_id": beslissing.id})


def _counts(fake: FakeZgw) -> dict[str, int]:
    counts: dict[str, int] = {}
    for r in fake.created():
        counts[r.resource] = counts.get(r.resource, 0) + 1
    return counts


def test_a_besluit_is_published_with_its_zaak_letters_and_links_each_once(db, rt, fake, order):
    letters = len(current_documents(db, order))
    _publish(db, rt, order)
    assert fake.problems == []  # every request valid against the OpenAPI documents, every token valid
    assert _counts(fake) == {"zaken": 1, "enkelvoudiginformatieobjecten": letters, "zaakinformatieobjecten": letters,
                             "besluiten": 1, "besluitinformatieobjecten": letters}
    stored = {o.sleutel: o.url for o in db.scalars(select(ZgwObject))}
    assert len(stored) == 2 + 3 * letters and stored[f"zaak:{order.zaak_id}"] == fake.created("zaken")[0].url
    besluit = fake.created("besluiten")[0].body
    assert besluit["zaak"] == stored[f"zaak:{order.zaak_id}"] and besluit["verantwoordelijkeOrganisatie"] == RSIN
    assert besluit["besluittype"] == TYPES["huisverbod"]["besluittypen"]["huisverbod"]
    assert besluit["vervalreden"] == "tijdelijk" and besluit["ingangsdatum"] < besluit["vervaldatum"]


def test_a_second_run_creates_nothing_new(db, rt, fake, order):
    _publish(db, rt, order)
    seen = len(fake.requests)
    _publish(db, rt, order)
    assert len(fake.requests) == seen


def test_a_letter_that_is_no_besluit_publishes_the_zaak_and_letters_but_no_besluit(db, rt, fake, users, today):
    warning = approved_warning(db, rt, users, today)
    _publish(db, rt, warning)
    counts = _counts(fake)
    assert counts["zaken"] == 1 and counts["enkelvoudiginformatieobjecten"] >= 1
    assert "besluiten" not in counts and "besluitinformatieobjecten" not in counts and fake.problems == []


def test_a_failure_on_the_second_call_is_finished_by_a_retry_without_duplicates(db, rt, fake, order):
    fake.fail_next(1, status=503, after=1)
    with pytest.raises(ZgwError, match="HTTP 503"):
        _publish(db, rt, order)
    db.rollback()
    assert [o.sleutel for o in db.scalars(select(ZgwObject))] == [f"zaak:{order.zaak_id}"]  # kept: it was created
    _publish(db, rt, order)
    letters = len(current_documents(db, order))
    assert _counts(fake) == {"zaken": 1, "enkelvoudiginformatieobjecten": letters, "zaakinformatieobjecten": letters,
                             "besluiten": 1, "besluitinformatieobjecten": letters}
    assert len([r for r in fake.requests if r.resource == "zaken"]) == 1  # the zaak was not even asked for again


def test_every_call_carries_the_zgw_jwt_of_the_person_who_decided(db, rt, fake, order, users):
    before = int(time.time())
    _publish(db, rt, order)
    officer = users["hovj"]  # the hulpofficier decided on the spot: the approver of the order
    for request in fake.requests:
        assert request.claims["iss"] == request.claims["client_id"] == CLIENT_ID
        assert request.claims["user_id"] == officer.username
        assert request.claims["user_representation"] == officer.display_name
        assert before - 5 <= request.claims["iat"] <= int(time.time()) + 5
        assert ("Content-Crs" in request.headers) == (request.api == "zaken")


def test_the_pdf_is_published_when_it_was_made(db, rt, fake, order):
    letter = current_documents(db, order)[0]
    pdf = b"%PDF-1.7 fictieve PDF/A van de brief"
    db.add(DocumentPdf(document_id=letter.id, zaak_id=letter.zaak_id, inhoud=pdf,
                       sha256=hashlib.sha256(pdf).hexdigest(), bron_sha256=letter.sha256, omzetter="test"))
    db.commit()
    _publish(db, rt, order)
    bodies = [r.body for r in fake.created("enkelvoudiginformatieobjecten")]
    as_pdf = [b for b in bodies if b["formaat"] == "application/pdf"]
    assert len(as_pdf) == 1 and base64.b64decode(as_pdf[0]["inhoud"]) == pdf
    assert as_pdf[0]["integriteit"]["waarde"] == hashlib.sha256(pdf).hexdigest()
    assert as_pdf[0]["bestandsnaam"].endswith(".pdf") and fake.problems == []


def test_a_power_without_types_fails_in_dutch_before_anything_is_sent(db, rt, fake, order):
    other = replace(rt, config=replace(rt.config, zgw_typen={"elders": TYPES["huisverbod"]}))
    with pytest.raises(ZgwConfigError, match="geen zaaktype en documenttype ingesteld"):
        _publish(db, other, order)
    assert fake.requests == []


def test_a_failed_publication_shows_on_the_case_page_and_a_retry_finishes_it(app, client, login_as, db, fake, order,
                                                                           monkeypatch):
    monkeypatch.setattr(jobs_module, "handlers", lambda: {"publish_zgw": publish_zgw})  # no LibreOffice here
    db.query(OutboxJob).delete()  # the PDF jobs of the approval: not what this test runs
    job = outbox.add(db, "publish_zgw", f"publish_zgw:beslissing:{order.id}", {"beslissing_id": order.id},
                     order.zaak_id)
    db.commit()
    fake.fail_next(1, status=503)
    assert run_all(app) == ["mislukt"]
    login_as("jurist")
    page = client.get(f"/zaken/{order.zaak_id}").get_data(as_text=True)
    assert "Publiceren in het zaaksysteem" in page and "Mislukt" in page and "HTTP 503" in page
    assert client.post(f"/zaken/{order.zaak_id}/taken/{job.id}/opnieuw").status_code == 302
    assert "klaar" in run_all(app)  # the retry's own hand-out and the sweep's: the second one is skipped
    db.expire_all()
    assert db.get(OutboxJob, job.id).status == "klaar"
    page = client.get(f"/zaken/{order.zaak_id}").get_data(as_text=True)
    assert "Gepubliceerd in het zaaksysteem" in page and fake.created("zaken")[0].url in page
    assert "— Achterblijver (huisgenoot)" in page and not leaks(page)  # each letter told apart, no code words
    assert len(fake.created("zaken")) == 1 and fake.problems == []


def test_without_a_backend_nothing_is_configured(app):
    from app.config import Config
    from app.services.zgw import zgw_configured

    assert not zgw_configured(Config.from_env({}))
    assert zgw_configured(app.extensions["bevoegd"].config)
    assert SECRET not in repr(app.extensions["bevoegd"].config)



def test_publication_waits_until_every_letter_is_sent_and_has_its_pdf(db, rt, order, users, today):
    from app.models import DocumentPdf, OutboxJob
    from app.services.dispatch import DispatchRequest, record_dispatch
    from app.services.review import current_documents

    letters = current_documents(db, order)
    for document in letters:  # the PDFs as the job would store them
        db.add(DocumentPdf(document_id=document.id, zaak_id=document.zaak_id, inhoud=b"%PDF-1.7", sha256="0" * 64,
                           bron_sha256=document.sha256, omzetter="test"))
    db.commit()

    def publications() -> int:
        db.rollback()
        return len(db.scalars(select(OutboxJob).where(OutboxJob.soort == "publish_zgw")).all())

    for n, document in enumerate(letters):
        assert publications() == 0  # not while a letter is still to be sent: the Besluit needs its real dates
        record_dispatch(db, rt, order, DispatchRequest(document.id, order.datum, "uitreiking", f"PV-{n}"),
                        order.version_id, users["jurist"], today)
    assert publications() == 1
