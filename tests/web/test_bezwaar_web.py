"""The case page's bezwaar section: register a bezwaar against a sent closure (Dutch errors at the field,
nothing half-stored), see its timeliness and decision term, and offer the decision on it to the kabinet, who sees it
in the review queue and approves or returns it; a huisverbod offers beroep."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import time_machine
from sqlalchemy import func, select

from app.domain.deadlines import AMSTERDAM
from app.models import AuditEntry, Beslissing, Bezwaar
from app.services.intake import submit_melding
from app.services.review import current_documents as besluit_documents
from tests.bezwaar_support import PERSON, sent_closure
from tests.factories import huisverbod


def _form(prefix: str, version: int, **fields: str) -> dict[str, str]:
    return {"version": str(version), **{f"{prefix}.{k}": v for k, v in fields.items()}}


def _committee_advises(client, db, zaak_id: int, row: Bezwaar, on: date) -> Bezwaar:
    advies = f"bezwaar-{row.id}-advies"
    assert client.post(f"/zaken/{zaak_id}/bezwaren/{row.id}/advies", data={
        "version": str(row.version_id), f"{advies}.advies_op": on.isoformat(),
        f"{advies}.advies_uitkomst": "gegrond",
        f"{advies}.samenvatting": "De commissie adviseert het bezwaar gegrond te verklaren."}).status_code == 302
    db.rollback()
    return db.scalars(select(Bezwaar)).one()


def _heard(client, db, zaak_id: int, row: Bezwaar, page: str, on: date) -> Bezwaar:
    """Not hearing needs one of the five grounds of Awb 7:3, offered to choose; here he is heard, assisted."""
    horen = f"bezwaar-{row.id}-horen"
    assert "a. Het bezwaar is kennelijk niet-ontvankelijk" in page
    unheard = client.post(f"/zaken/{zaak_id}/bezwaren/{row.id}/horen", data=_form(
        horen, row.version_id, niet_horen_reden="Kennelijk gegrond."))  # not a ground of 7:3
    assert unheard.status_code == 400 and f'href="#f-{horen}.niet_horen_grond"' in unheard.get_data(as_text=True)
    assert client.post(f"/zaken/{zaak_id}/bezwaren/{row.id}/horen", data=_form(
        horen, row.version_id, hoorzitting_op=on.isoformat(), gehoord="De bewoner en zijn advocaat",
        bijgestaan_door="mr. A. Advocaat")).status_code == 302
    db.rollback()
    row = db.scalars(select(Bezwaar)).one()
    assert row.bijgestaan_door == "mr. A. Advocaat"
    return row


def test_a_bezwaar_is_registered_and_decided_from_the_case_page(app, client, login_as, db, users, today):
    closure = sent_closure(db, app.extensions["bevoegd"], users, today)
    zaak_id, prefix = closure.zaak_id, f"bezwaar-b{closure.id}"
    resident = next(b for b in closure.zaak.betrokkenen if b.naam == PERSON["naam"])
    login_as("jurist")
    page = client.get(f"/zaken/{zaak_id}").get_data(as_text=True)
    assert "Bezwaar en beroep" in page and "Bezwaar tegen sluiting" in page and "Bezwaar registreren" in page
    audit_before = db.scalar(select(func.count()).select_from(AuditEntry))
    refused = client.post(f"/zaken/{zaak_id}/beslissingen/{closure.id}/bezwaren", data=_form(
        prefix, closure.zaak.version_id, ontvangen_op=today.isoformat(), wijze="post", gronden="Te zwaar"))
    text = refused.get_data(as_text=True)
    assert refused.status_code == 400 and "Er is iets niet goed ingevuld" in text
    assert f'href="#f-{prefix}.gepost_op"' in text and "Vul de datum van de poststempel in." in text
    assert f'href="#f-{prefix}.betrokkene_id"' in text
    db.rollback()
    assert db.scalar(select(func.count()).select_from(Bezwaar)) == 0
    assert db.scalar(select(func.count()).select_from(AuditEntry)) == audit_before
    received = today + timedelta(days=2)
    with time_machine.travel(received, tick=False):
        login_as("jurist")  # a new working day, a new login
        done = client.post(f"/zaken/{zaak_id}/beslissingen/{closure.id}/bezwaren", data=_form(
            prefix, closure.zaak.version_id, betrokkene_id=str(resident.id), ontvangen_op=received.isoformat(),
            wijze="digitaal", commissie="true", gronden="Geen handel <script>\nTe zwaar voor het gezin"))
        assert done.status_code == 302 and done.headers["Location"].endswith(f"#{prefix}")
        page = client.get(f"/zaken/{zaak_id}").get_data(as_text=True)
        assert f"Bezwaar van {PERSON['naam']}" in page and "Tijdig: ontvangen binnen de termijn" in page
        assert "Geen handel &lt;script&gt;" in page and "Bezwaarcommissie (Awb 7:13)" in page
        db.rollback()  # a fresh snapshot: the page wrote in its own connection
        row = db.scalars(select(Bezwaar)).one()
        row = _heard(client, db, zaak_id, row, page, received)
        step = f"bezwaar-{row.id}-besluit"
        assert "Beslistermijn bezwaar van B. Bezwaarmaker (Awb 7:10)" in page  # in the summary's deadlines
        decision = {f"{step}.uitkomst": "gegrond", f"{step}.motivering": "Niet aangetoond.",
                    f"{step}.verzenddatum": received.isoformat(), f"{step}.ondertekenaar_id": str(users["kabinet"].id),
                    f"{step}.reacties": ["Terecht.", "Niet meer aan de orde."],
                    f"{step}.oordelen": ["true", "false"]}
        early = client.post(f"/zaken/{zaak_id}/bezwaren/{row.id}/beslissing",
                            data={"version": str(row.version_id), **decision})
        assert early.status_code == 400 and "nog niet geadviseerd" in early.get_data(as_text=True)  # Awb 7:13
        row = _committee_advises(client, db, zaak_id, row, received)
        offered = client.post(f"/zaken/{zaak_id}/bezwaren/{row.id}/beslissing", data={
            "version": str(row.version_id), **decision, f"{step}.advies_gevolgd": "true"})
        assert offered.status_code == 302
        page = client.get(f"/zaken/{zaak_id}").get_data(as_text=True)
        assert "Ter vaststelling aangeboden aan" in page and "Beslistermijn bezwaar van" in page
        assert "Termijnen" in client.get("/termijnen").get_data(as_text=True)
        assert "Beslistermijn bezwaar van B. Bezwaarmaker" in client.get("/termijnen").get_data(as_text=True)
        db.rollback()
        assert db.get(Beslissing, closure.id).intrekking_soort is None  # nothing takes effect before approval
        besluit = db.scalars(select(Beslissing).where(Beslissing.soort == "beslissing_op_bezwaar")).one()

        _kabinet_approves(client, login_as, db, besluit)
        login_as("jurist")
        page = client.get(f"/zaken/{zaak_id}").get_data(as_text=True)
        assert "Beslistermijn bezwaar van" not in page  # decided: the 7:10 term no longer runs
        assert "Beslistermijn bezwaar van" not in client.get("/termijnen").get_data(as_text=True)
    assert "Gegrond: het besluit wordt herroepen" in page and "Terecht." in page
    db.rollback()
    assert db.get(Beslissing, closure.id).intrekking_soort == "herroepen_in_bezwaar"
    assert db.get(Beslissing, besluit.id).status == "vastgesteld"


def _kabinet_approves(client, login_as, db, besluit) -> None:
    """The kabinet finds the decision in its queue, reads its letters (the grounds, the beroep clause) and
    approves exactly those."""
    login_as("kabinet")
    queue = client.get("/vaststelling").get_data(as_text=True)
    assert f"/vaststelling/{besluit.id}" in queue and "Beslissing op bezwaar" in queue
    review_page = client.get(f"/vaststelling/{besluit.id}").get_data(as_text=True)
    assert "Geen handel &lt;script&gt;" in review_page and "Terecht." in review_page
    assert "rechtbank Limburg" in review_page and "beslissing_op_bezwaar" not in review_page
    hashes = [d.sha256 for d in besluit_documents(db, besluit)]
    approved = client.post(f"/vaststelling/{besluit.id}/vaststellen",
                           data={"version": str(besluit.version_id), "sha256": hashes})
    assert approved.status_code == 302


def test_a_returned_decision_on_a_bezwaar_shows_the_comment_and_its_draft_to_change(
        app, client, login_as, db, users, today):
    from app.services import bezwaar, objection_decision, review

    rt = app.extensions["bevoegd"]
    closure = sent_closure(db, rt, users, today)
    row = bezwaar.register(db, rt, closure.zaak, closure, {
        "version": closure.zaak.version_id, "betrokkene_id": None, "indiener_naam": "A. Buurman",
        "indiener_adres": "Buurstraat 2, 6211 AA Maastricht", "ontvangen_op": today, "wijze": "persoonlijk",
        "commissie": False, "gronden": ["Overlast blijft."]}, users["jurist"], today)
    row = bezwaar.record_step(db, rt, row, "horen", {"version": row.version_id, "hoorzitting_op": None,
                                                     "niet_horen_grond": "c"}, users["jurist"], today)
    besluit = objection_decision.offer(db, rt, row, {
        "version": row.version_id, "uitkomst": "ongegrond", "motivering": "De sluiting blijft nodig.",
        "verzenddatum": today, "reacties": ["Dat klopt niet <b>echt</b>."], "oordelen": [False]},
        users["kabinet"], users["jurist"], today)
    assert [d.ontvanger_rol for d in besluit_documents(db, besluit)] == ["indiener"]
    review.return_for_changes(db, rt, besluit, "Schrijf de reactie uit.", besluit.version_id, users["kabinet"])
    login_as("jurist")
    page = client.get(f"/zaken/{closure.zaak_id}").get_data(as_text=True)
    assert "Het kabinet stuurde de beslissing op dit bezwaar terug" in page and "Schrijf de reactie uit." in page
    assert "Dat klopt niet &lt;b&gt;echt&lt;/b&gt;." in page and "De sluiting blijft nodig." in page
    assert '<option value="false" selected>Deze grond slaagt niet</option>' in page  # the verdict kept


def test_a_huisverbod_offers_beroep_not_bezwaar(app, client, login_as, db, users):
    with time_machine.travel(datetime(2026, 12, 4, 0, 15, tzinfo=AMSTERDAM), tick=False):
        zaak = submit_melding(db, app.extensions["bevoegd"], huisverbod(datetime(2026, 12, 3, 23, 40,
                                                                                 tzinfo=AMSTERDAM)),
                              users["hovj"], date(2026, 12, 4))
    order = db.scalars(select(Beslissing).where(Beslissing.zaak_id == zaak.id)).one()
    login_as("jurist")
    page = client.get(f"/zaken/{zaak.id}").get_data(as_text=True)
    assert "Beroep tegen tijdelijk huisverbod" in page and "Bezwaar registreren" not in page
    prefix = f"beroep-b{order.id}"
    day = date(2026, 12, 5)
    with time_machine.travel(datetime(2026, 12, 5, 12, 0, tzinfo=AMSTERDAM), tick=False):
        login_as("jurist")
        done = client.post(f"/zaken/{zaak.id}/beslissingen/{order.id}/beroepen", data=_form(
            prefix, zaak.version_id, soort="voorlopige_voorziening", rechtbank="Rechtbank Limburg",
            indiener_naam="U. Huisverbod", ingediend_op=day.isoformat(), zaaknummer="ROE 26/77"))
        assert done.status_code == 302
        page = client.get(f"/zaken/{zaak.id}").get_data(as_text=True)
    assert "Verzoek om voorlopige voorziening (Awb 8:81)" in page and "ROE 26/77" in page


def test_a_bezwaar_of_another_zaak_is_not_found_and_a_step_outside_the_procedure_neither(
        app, client, login_as, db, users, today):
    from app.services import bezwaar

    rt = app.extensions["bevoegd"]
    closure = sent_closure(db, rt, users, today)
    row = bezwaar.register(db, rt, closure.zaak, closure, {
        "version": closure.zaak.version_id, "betrokkene_id": None, "indiener_naam": "A. Buurman",
        "indiener_adres": "Buurstraat 2, 6211 AA Maastricht", "ontvangen_op": today, "wijze": "persoonlijk",
        "commissie": False, "gronden": ["Overlast blijft."]}, users["jurist"], today)
    other = sent_closure(db, rt, users, today)
    login_as("jurist")
    elsewhere = client.post(f"/zaken/{other.zaak_id}/bezwaren/{row.id}/advies", data={
        "version": str(row.version_id), f"bezwaar-{row.id}-advies.advies_op": today.isoformat(),
        f"bezwaar-{row.id}-advies.samenvatting": "Ongegrond.", f"bezwaar-{row.id}-advies.advies_uitkomst": "ongegrond"})
    assert elsewhere.status_code == 404
    unknown = client.post(f"/zaken/{closure.zaak_id}/bezwaren/{row.id}/intrekken", data={"version": "1"})
    assert unknown.status_code == 404
    db.rollback()
    assert db.get(Bezwaar, row.id).advies_op is None
