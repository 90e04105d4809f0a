"""Core extensions through the fictional power `proef` only (nothing in app/ knows it):

- the facts form edits a record with records and lists in it (kind group), a list of records (lines) and a list
  of values (items), names a bad nested field in Dutch, keeps the version check and the audit trail;
- the decision period of an application (PowerSpec.decision_period) on the case page (#beslistermijn-aanvraag),
  in /termijnen and the daily notice, and in the terms a draft stores.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from werkzeug.datastructures import MultiDict

from app import clock
from app.domain.beslistermijn import beslistermijn
from app.models import AuditEntry, Beslissing, Notificatie, Zaak
from app.services.worklists import notify_expiring
from app.web.labels import kort
from tests.powers import proef
from tests.powers.proef.aanvraag import decision_period
from tests.powers.scenarios import SCENARIOS
from tests.powers.test_every_power import _fresh, _judge_what_the_procedure_asks, _post, app, folders  # noqa: F401 - fixtures: proef registered
from tests.web.test_facts_rows import _facts_form

TODAY = clock.today()


def _zaak(client, login_as, db) -> Zaak:
    login_as("handhaving")
    data = {"submission_id": "proef-aanvraag-0001", **SCENARIOS["proef"].intake(datetime.now(UTC))}
    assert client.post("/meldingen", data=data).status_code == 302
    db.rollback()
    login_as("jurist")
    return db.scalars(select(Zaak)).one()


def _send(client, zaak, changes: dict[str, str], drop: str = "") -> object:
    """The facts form as the browser sends it, with `changes` typed in (inputs starting with `drop` left out)."""
    sent = [(k, changes.get(k, v)) for k, v in _facts_form(client, zaak) if not (drop and k.startswith(drop))]
    sent += [(k, v) for k, v in changes.items() if k not in dict(sent)]
    return client.post(f"/zaken/{zaak.id}/feiten", data=MultiDict(sent))


def _store(db, zaak, aanvraag: dict) -> None:
    """Record an application straight in the case file (the form's own test is above); a fresh read first, so the
    write does not start from a snapshot older than the page views' access rows."""
    zaak = _fresh(db, zaak)
    zaak.melding.gegevens = {**zaak.melding.gegevens, "aanvraag": aanvraag}
    db.commit()


def _day(days: int) -> str:
    return (TODAY + timedelta(days=days)).isoformat()


def test_the_facts_form_offers_groups_lines_and_items_by_dotted_name(client, login_as, db, users):
    zaak = _zaak(client, login_as, db)
    names = [k for k, _ in _facts_form(client, zaak)]
    assert {"aanvraag.ontvangen_op", "aanvraag.verlenging.weken", "aanvraag.verzoeken.0.van",
            "aanvraag.verzoeken.1.tot", "aanvraag.ontbreekt.0", "onderzoek.1.bron", "dealing_observed"} <= set(names)
    page = client.get(f"/zaken/{zaak.id}").get_data(as_text=True)
    assert "Verlenging in weken" in page  # the power's word for the dotted path wins over the field's own
    assert "Gegevensverzoeken: regel 2 (nieuw)" in page and "Ontbrekende stukken: regel 1" in page


def test_a_record_with_a_list_in_it_is_stored_whole_with_version_check_and_audit(client, login_as, db, users):
    zaak = _zaak(client, login_as, db)
    version = zaak.melding.version_id
    filled = {"aanvraag.ontvangen_op": _day(-30), "aanvraag.advies_gevraagd_op": _day(-20),
              "aanvraag.verlenging.weken": "2", "aanvraag.verzoeken.0.van": _day(-15),
              "aanvraag.verzoeken.0.tot": _day(-5), "aanvraag.ontbreekt.0": "vog",
              "onderzoek.0.bron": "politie", "onderzoek.0.bevinding": "Niets bijzonders & <niets>."}
    assert _send(client, zaak, filled).status_code == 302
    db.rollback()
    stored = zaak.melding.gegevens
    assert stored["aanvraag"]["verlenging"] == {"weken": 2, "gemeld_op": None}
    assert stored["aanvraag"]["verzoeken"] == [{"van": _day(-15), "tot": _day(-5)}]
    assert stored["aanvraag"]["ontbreekt"] == ["vog"] and stored["onderzoek"][0]["bron"] == "politie"
    audit = db.scalars(select(AuditEntry).where(AuditEntry.resource == "melding")).all()[-1]
    assert audit.wijzigingen["nieuw"]["aanvraag"]["ontvangen_op"] == _day(-30)

    before = dict(stored)
    assert _send(client, zaak, {}).status_code == 302  # sent back unchanged: nothing changes
    db.rollback()
    assert zaak.melding.gegevens == before

    stale = {"aanvraag.ontvangen_op": _day(-31), "version": str(version)}
    assert _send(client, zaak, stale).status_code == 409
    db.rollback()
    assert zaak.melding.gegevens["aanvraag"]["ontvangen_op"] == _day(-30)


def test_a_bad_nested_field_is_named_in_dutch_and_nothing_is_stored(client, login_as, db, users):
    zaak = _zaak(client, login_as, db)
    response = _send(client, zaak, {"aanvraag.ontvangen_op": _day(-30), "aanvraag.verzoeken.0.van": "gisteren",
                                    "aanvraag.verlenging.weken": "9"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert 'href="#f-aanvraag.verzoeken.0.van"' in page and 'id="f-aanvraag.verzoeken.0.van"' in page
    assert "Aanvraag: Gegevensverzoeken, regel 1: Van: vul een geldige datum in" in page
    assert "Aanvraag: Verlenging: Verlenging in weken: vul 1 tot en met 4 weken in." in page
    db.rollback()
    assert zaak.melding.gegevens.get("aanvraag") is None


def test_the_case_page_counts_the_decision_period_with_the_capped_suspension(client, login_as, db, users):
    zaak = _zaak(client, login_as, db)
    page = client.get(f"/zaken/{zaak.id}").get_data(as_text=True)
    assert 'id="beslistermijn-aanvraag"' not in page  # no application recorded yet
    _store(db, zaak, {"ontvangen_op": _day(-80), "advies_gevraagd_op": _day(-70), "advies_ontvangen_op": _day(-1)})
    page = client.get(f"/zaken/{zaak.id}").get_data(as_text=True)
    item = page[page.index('id="beslistermijn-aanvraag"'):page.index("Behandelaar</dt>")]
    assert "Geen wettelijke termijn: hoogstens 8 weken" in item and "56 dagen erbij (duurde 69 dagen)" in item
    # 80 days ago + 8 weeks + 8 weeks of advice (69 days, capped): in 32 days, whatever the Atw adds
    assert "Uiterlijk beslissen op" in item and "Beslistermijn" not in item.split("</dt>")[1].split("<ul")[0]

    _store(db, zaak, {"ontvangen_op": _day(-100), "termijn_weken": 6})
    item = client.get(f"/zaken/{zaak.id}").get_data(as_text=True).split('id="beslistermijn-aanvraag"')[1]
    assert "Beslistermijn verstreken" in item and "Wettelijke termijn: 6 weken" in item


def test_the_deadline_runs_in_the_overview_and_the_daily_notice_until_the_zaak_is_closed(client, login_as, db,
                                                                                        users):
    zaak = _zaak(client, login_as, db)
    _store(db, zaak, {"ontvangen_op": _day(-50)})  # eight weeks: ends in six days (or a little later, Atw)
    page = client.get("/termijnen").get_data(as_text=True)
    assert "Beslistermijn aanvraag" in page and zaak.identificatie in page
    item = client.get(f"/zaken/{zaak.id}").get_data(as_text=True).split('id="beslistermijn-aanvraag"')[1]
    assert "Beslistermijn loopt bijna af" in item
    rt, now = client.application.extensions["bevoegd"], datetime.now(UTC)
    assert notify_expiring(db, rt, now, 10) >= 1 and notify_expiring(db, rt, now, 10) == 0  # once only
    texts = db.scalars(select(Notificatie.tekst).where(Notificatie.zaak_id == zaak.id)).all()
    assert any("Beslistermijn aanvraag loopt af op" in t for t in texts)

    zaak = _fresh(db, zaak)
    zaak.fase, zaak.einddatum, zaak.afsluitreden, zaak.afsluittoelichting = "afgesloten", TODAY, "afgezien", "Klaar."
    db.commit()
    item = client.get(f"/zaken/{zaak.id}").get_data(as_text=True).split('id="beslistermijn-aanvraag"')[1]
    assert f"De zaak is afgesloten (afgezien van een maatregel, {kort(TODAY)})" in item
    assert "Beslistermijn aanvraag" not in client.get("/termijnen").get_data(as_text=True)


def test_a_draft_stores_the_decision_period_for_its_letters(client, login_as, db, users):
    zaak = _zaak(client, login_as, db)
    _store(db, zaak, {"ontvangen_op": _day(-20), "advies_gevraagd_op": _day(-10)})
    rt, scenario = client.application.extensions["bevoegd"], SCENARIOS["proef"]
    _judge_what_the_procedure_asks("proef", scenario, client, db, zaak, rt)
    sent = TODAY + timedelta(days=1)
    _post(client, f"/zaken/{zaak.id}/beslissingen", {"soort": scenario.outcome, "verzenddatum": sent.isoformat(),
                                                      **scenario.draft, "version": _fresh(db, zaak).version_id})
    db.rollback()
    concept = db.scalars(select(Beslissing).where(Beslissing.zaak_id == zaak.id)).one()
    expected = beslistermijn(decision_period(zaak.melding.gegevens, {}, sent), sent, rt.calendar(sent))
    assert expected.opgeschort and expected.opschortingen[0].dagen == 11  # the open advice counted to sending
    assert concept.termijnen["beslistermijn_einde"] == expected.einde.isoformat()
    assert concept.termijnen["beslistermijn_zonder_opschorting"] == expected.einde_zonder_opschorting.isoformat()
    assert proef.SPEC.decision_period is decision_period
