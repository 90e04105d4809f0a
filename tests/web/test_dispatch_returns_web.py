"""The case page's dispatch forms: the five methods, the addressee's statement for e-mail and the Berichtenbox
(Awb 2:14 lid 1) with a Dutch field error, and a letter that came back, shown as "opnieuw verzenden" with the
judgement left to the jurist."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from app.domain.dispatch import METHOD_LABELS
from app.models import Beslissing, Retour, Verzending
from app.services.dispatch import DispatchRequest, record_dispatch
from app.services.review import current_documents
from tests.web.test_dispatch_web import _order
from tests.web.test_no_code_names import leaks

SENT = date(2026, 12, 4)


def _fields(prefix: str, version: int, **values) -> dict:
    return {"version": version, **{f"{prefix}.{k}": v for k, v in values.items()}}


def _fresh(db, order: Beslissing) -> Beslissing:
    db.rollback()  # end the observer's read snapshot and see what the requests committed
    db.expire_all()
    return db.get(Beslissing, order.id)


def _barred(db, order):
    return next(d for d in current_documents(db, order) if d.ontvanger_rol == "uithuisgeplaatste")


def test_the_form_offers_five_methods_and_asks_for_the_statement_for_e_mail(app, client, db, users, login_as):
    order = _order(app, db, users)
    letter = _barred(db, order)
    login_as("jurist")
    page = client.get(f"/zaken/{order.zaak_id}").get_data(as_text=True)
    assert all(f">{text}</option>" in page for text in METHOD_LABELS.values()) and len(METHOD_LABELS) == 5
    assert "Hoe heeft de ontvanger laten weten dat hij zo bereikbaar is?" in page
    prefix = f"verzending-b{order.id}"
    url = f"/zaken/{order.zaak_id}/beslissingen/{order.id}/verzending"
    refused = client.post(url, data=_fields(prefix, order.version_id, document_id=letter.id, methode="berichtenbox",
                                            verzonden_op=SENT.isoformat()))
    body = refused.get_data(as_text=True)
    assert refused.status_code == 400 and "Er is iets niet goed ingevuld" in body
    assert f'href="#f-{prefix}.elektronisch_bereikbaar"' in body and "(Awb 2:14 lid 1)" in body
    assert db.scalars(select(Verzending)).first() is None
    sent = client.post(url, data=_fields(prefix, order.version_id, document_id=letter.id, methode="berichtenbox",
                                         verzonden_op=SENT.isoformat(),
                                         elektronisch_bereikbaar="Berichtenbox aangezet voor de gemeente"))
    assert sent.status_code == 302
    page = client.get(f"/zaken/{order.zaak_id}").get_data(as_text=True)
    assert "Berichtenbox van MijnOverheid; bereikbaar volgens de ontvanger: Berichtenbox aangezet" in page


def test_a_returned_letter_reads_opnieuw_verzenden_and_leaves_the_judgement_to_the_jurist(app, client, db, users,
                                                                                        login_as):
    order = _order(app, db, users)
    letter = _barred(db, order)
    request = DispatchRequest(letter.id, SENT, "aangetekend", "3SABC7654321")
    record_dispatch(db, app.extensions["bevoegd"], order, request, order.version_id, users["jurist"], SENT)
    login_as("jurist")
    page = client.get(f"/zaken/{order.zaak_id}").get_data(as_text=True)
    assert "Retour vastleggen: een brief kwam terug" in page and "Aangetekende brief niet afgehaald" in page
    prefix, url = f"retour-b{order.id}", f"/zaken/{order.zaak_id}/beslissingen/{order.id}/retour"
    early = client.post(url, data=_fields(prefix, _fresh(db, order).version_id, document_id=letter.id,
                                          ontvangen_op="2026-12-03", reden="niet_afgehaald",
                                          bekendgemaakt="nee", toelichting="Niet afgehaald."))
    assert early.status_code == 400
    assert "Datum waarop de brief terugkwam: de brief is verzonden op 04-12-2026" in early.get_data(as_text=True)
    saved = client.post(url, data=_fields(prefix, _fresh(db, order).version_id, document_id=letter.id,
                                          ontvangen_op="2026-12-05", reden="niet_afgehaald",
                                          bekendgemaakt="nee", toelichting="Gewone post kwam niet terug."))
    assert saved.status_code == 302 and saved.headers["Location"].endswith("#bevestiging")
    _fresh(db, order)
    assert db.scalars(select(Retour)).one().toelichting == "Gewone post kwam niet terug."
    page = client.get(f"/zaken/{order.zaak_id}").get_data(as_text=True)
    assert "De retour is vastgelegd." in page
    assert ("teruggekomen op 05-12-2026: Aangetekende brief niet afgehaald. Niet bekendgemaakt: opnieuw "
            "verzenden.") in page
    assert "Volgens uw oordeel heeft de eerdere verzending het besluit niet bekendgemaakt" in page
    assert "Retour vastleggen: een brief kwam terug" not in page  # no second return on the same sending
    assert not leaks(page), leaks(page)


def test_a_get_of_the_return_url_goes_back_to_the_dispatch_section(app, client, db, users, login_as):
    order = _order(app, db, users)
    login_as("jurist")
    response = client.get(f"/zaken/{order.zaak_id}/beslissingen/{order.id}/retour")
    assert response.status_code == 302 and response.headers["Location"].endswith("#verzending")


def test_only_a_jurist_records_a_return(app, client, db, users, login_as):
    order = _order(app, db, users)
    for role in ("kabinet", "handhaving", "auditor"):
        login_as(role)
        assert client.post(f"/zaken/{order.zaak_id}/beslissingen/{order.id}/retour", data={}).status_code == 403
