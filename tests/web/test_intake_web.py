"""Data on the way in: the officer's note reaches the jurist and kabinet, minors reach the case file, numbers
are read the Dutch way, a report sent again is no second case, and every error names its field."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from app import clock
from app.domain.drafting import DraftRequest
from app.models import Zaak
from app.services.assessment import latest
from tests.flows import draft, submit
from tests.integration.test_damocles_flow import WARN, judge
from tests.web.test_web_flow import form_data, version_of

NOTE = "Bewoner <b>zegt</b> & ontkent.\nTweede regel van de melder."


def _post(client, **extra: str):
    return client.post("/meldingen", data=form_data(**extra))


def _zaken(db) -> int:
    db.rollback()
    return db.scalar(select(func.count()).select_from(Zaak))


def _only(db) -> Zaak:
    db.rollback()
    db.expire_all()
    return db.scalars(select(Zaak)).one()


def test_a_quantity_typed_the_dutch_way_is_read_as_thousands(client, login_as, db):
    login_as("handhaving")
    assert _post(client, **{"gegevens.substances.0.quantity": "35.000"}).status_code == 302
    assert _only(db).melding.gegevens["substances"][0]["quantity"] == 35000


def test_an_ambiguous_or_exponent_quantity_gets_a_question_and_nothing_is_stored(client, login_as, db):
    login_as("handhaving")
    page = _post(client, **{"gegevens.substances.0.quantity": "1.5"}).get_data(as_text=True)
    assert "Middel 1: hoeveelheid: bedoelt u 1,5? Schrijf decimalen met een komma." in page
    page = _post(client, **{"gegevens.substances.0.quantity": "1,5e3"}).get_data(as_text=True)
    assert "Middel 1: hoeveelheid: vul een getal in zonder letters" in page
    assert _zaken(db) == 0


def test_number_inputs_are_text_so_the_browser_does_not_reinterpret_them(client, login_as):
    login_as("handhaving")
    page = client.get("/meldingen/nieuw/damocles").get_data(as_text=True)
    assert 'name="gegevens.substances.0.quantity" type="text"' in page and 'inputmode="decimal"' in page
    assert 'type="number"' not in page


def test_the_fact_form_prints_a_count_the_dutch_way_and_asks_about_1_500(client, login_as, db):
    login_as("handhaving")
    _post(client, **{"gegevens.complaints_count": "1.500"})
    zaak = _only(db)
    assert zaak.melding.gegevens["complaints_count"] == 1500
    login_as("jurist")
    page = client.get(f"/zaken/{zaak.id}").get_data(as_text=True)
    assert 'name="complaints_count" type="text" value="1.500"' in page and 'inputmode="numeric"' in page
    page = client.post(f"/zaken/{zaak.id}/feiten", data={"complaints_count": "1,500",
                                                        "version": version_of(db, zaak.id)}).get_data(as_text=True)
    assert "Aantal klachten over het pand: wat bedoelt u met &#39;1,500&#39;: 1.500 of 1,5?" in page


def test_the_officers_note_reaches_the_jurist_and_the_kabinet_escaped_with_its_line_breaks(
        app, client, login_as, db, users):
    login_as("handhaving")
    _post(client, toelichting=NOTE)
    zaak = _only(db)
    shown = "Bewoner &lt;b&gt;zegt&lt;/b&gt; &amp; ontkent.<br>\nTweede regel van de melder."
    login_as("jurist")
    assert shown in client.get(f"/zaken/{zaak.id}").get_data(as_text=True)
    rt, zaak = app.extensions["bevoegd"], _only(db)
    judge(db, zaak, users["jurist"], WARN)
    beslissing = draft(db, rt, zaak, DraftRequest("waarschuwing", clock.today()), users["jurist"], clock.today())
    submit(db, rt, beslissing, users["kabinet"], users["jurist"])
    login_as("kabinet")
    page = client.get(f"/vaststelling/{beslissing.id}").get_data(as_text=True)
    assert "Toelichting van de melder" in page and shown in page


def test_minors_in_the_dwelling_reach_the_case_file_and_the_assessment(app, client, login_as, db):
    login_as("handhaving")
    page = client.get("/meldingen/nieuw/damocles").get_data(as_text=True)
    assert 'name="gegevens.minors_in_household"' in page and 'name="gegevens.minors_count"' in page
    assert _post(client, **{"gegevens.minors_in_household": "yes", "gegevens.minors_count": "2"}).status_code == 302
    zaak = _only(db)
    assert zaak.melding.gegevens["minors_in_household"] == "yes" and zaak.melding.gegevens["minors_count"] == 2
    assert latest(db, zaak).assessment["facts"]["minors_in_household"] == "yes"
    login_as("jurist")
    page = client.get(f"/zaken/{zaak.id}").get_data(as_text=True)
    assert "Aantal minderjarigen in het huishouden" in page


def test_a_count_of_minors_must_agree_and_a_minor_resident_contradicts_no(client, login_as, db):
    login_as("handhaving")
    page = _post(client, **{"gegevens.minors_in_household": "no", "gegevens.minors_count": "2"}).get_data(as_text=True)
    assert "Aantal minderjarigen: dit aantal past niet" in page
    child = {"gegevens.minors_in_household": "no", "bewoners.1.naam": "K. Kind",
             "bewoners.1.geboortedatum": date(clock.today().year - 10, 1, 1).isoformat()}
    assert "Minderjarigen in de woning: een van de bewoners" in _post(client, **child).get_data(as_text=True)
    assert _zaken(db) == 0
    _post(client, **{**child, "gegevens.minors_in_household": ""})
    assert _only(db).melding.gegevens["minors_in_household"] == "yes"  # the date of birth answers it


def test_the_api_documents_the_minors_fields_in_dutch(client, login_as):
    login_as("handhaving")
    spec = client.get("/api/v1/openapi.json").get_json()
    case_file = spec["components"]["schemas"]["DamoclesCaseFile"]["properties"]
    assert "minderjarigen" in case_file["minors_count"]["description"]
    assert "minderjarigen" in case_file["minors_in_household"]["description"]


def test_the_form_keeps_its_submission_id_across_reloads_and_back_after_sending(client, login_as, db):
    """Browser trial: Back after sending loaded the form again (no-store) with a new id, so the resend was
    refused as a duplicate document (a red field error) instead of being recognised by its id."""
    login_as("handhaving")
    first = client.get("/meldingen/nieuw/damocles").get_data(as_text=True)
    again = client.get("/meldingen/nieuw/damocles").get_data(as_text=True)
    sid = first.split('name="submission_id" value="')[1].split('"')[0]
    assert len(sid) == 32 and f'value="{sid}"' in again
    response = _post(client, submission_id=sid)
    assert response.status_code == 302
    back = client.get("/meldingen/nieuw/damocles").get_data(as_text=True)  # Back reloads the page
    assert f'value="{sid}"' in back
    replay = client.post("/meldingen", data=form_data(submission_id=sid))
    anchor = "/meldingen#zaak-" + _only(db).identificatie
    assert replay.status_code == 302 and replay.headers["Location"].endswith(anchor)
    page = client.get("/meldingen").get_data(as_text=True)
    assert "Deze melding was al ontvangen als zaak BEV-" in page and "utrecht-alert--info" in page
    assert _zaken(db) == 1
    other = _post(client, submission_id=sid, bron_kenmerk="BR-2026-78")  # a new report in the same form
    assert other.status_code == 302 and _zaken(db) == 2


def test_the_same_source_document_again_is_refused_with_a_link_to_the_first(client, login_as, db):
    login_as("handhaving")
    assert _post(client).status_code == 302
    zaak = _only(db)
    response = _post(client, submission_id="another-form-0002", bron_kenmerk=" br-2026-77 ")
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and f"Deze melding is al ontvangen als zaak {zaak.identificatie}" in page
    assert f'href="/meldingen#zaak-{zaak.identificatie}"' in page and "utrecht-alert--info" in page
    assert "Er is iets niet goed ingevuld" not in page and 'id="error-summary"' not in page
    assert _zaken(db) == 1
    assert f'id="zaak-{zaak.identificatie}"' in client.get("/meldingen").get_data(as_text=True)


def test_a_kenmerk_with_like_wildcards_matches_only_itself(client, login_as, db):
    login_as("handhaving")
    assert _post(client, bron_kenmerk="BR_26%7").status_code == 302
    assert _post(client, submission_id="another-form-0003", bron_kenmerk="BRX26-77").status_code == 302
    assert _post(client, submission_id="another-form-0004", bron_kenmerk="br_26%7").status_code == 400
    assert _zaken(db) == 2


def test_the_api_answers_a_duplicate_document_with_a_structured_error(app, client, login_as, db):
    from tests.factories import melding_form

    login_as("handhaving")
    body = melding_form(bron_kenmerk="BR-API-1")
    assert client.post("/api/v1/meldingen", json=body).status_code == 201
    response = client.post("/api/v1/meldingen", json={**body, "submission_id": "another-key-0002"})
    assert response.status_code == 422
    assert "al ontvangen als zaak BEV-" in response.get_json()["errors"]["bron_kenmerk"][0]
    assert _zaken(db) == 1


def _summary_items(page: str) -> list[str]:
    summary = page.split('id="error-summary"')[1].split("</ul>", maxsplit=1)[0]
    return [item.split("</li>")[0] for item in summary.split('<li class="utrecht-unordered-list__item">')[1:]]


def test_every_message_in_the_error_summary_names_its_field(app, client, login_as, db, users):
    login_as("handhaving")
    pages = [client.post("/meldingen", data={"submission_id": "empty-form-0001", "zaaktype": "damocles"})]
    login_as("hovj")
    pages.append(client.post("/meldingen", data={"submission_id": "empty-form-0002", "zaaktype": "huisverbod",
                                                 "gegevens.household.0.naam": "A. Kind"}))
    login_as("jurist")
    login_as("handhaving")
    _post(client)
    zaak = _only(db)
    login_as("jurist")
    pages.append(client.post(f"/zaken/{zaak.id}/beslissingen", data={"version": version_of(db, zaak.id)}))
    pages.append(client.post(f"/zaken/{zaak.id}/zienswijze", data={"version": version_of(db, zaak.id)}))
    pages.append(client.post(f"/zaken/{zaak.id}/rechthebbende", data={"version": version_of(db, zaak.id)}))
    rt, zaak = app.extensions["bevoegd"], _only(db)
    judge(db, zaak, users["jurist"], WARN)
    beslissing = draft(db, rt, zaak, DraftRequest("waarschuwing", clock.today()), users["jurist"], clock.today())
    submit(db, rt, beslissing, users["kabinet"], users["jurist"])
    login_as("kabinet")
    pages.append(client.post(f"/vaststelling/{beslissing.id}/terugsturen", data={"version": beslissing.version_id}))
    items = [item for response in pages if 'id="error-summary"' in response.get_data(as_text=True)
             for item in _summary_items(response.get_data(as_text=True))]
    assert len(items) >= 10
    # "Veld: bericht." or, for a question, "Vraag? Bericht."
    unnamed = [item for item in items if 'href="#f-' in item
               and not any(mark in item.split(">", 1)[1] for mark in (": ", "? "))]
    assert not unnamed, unnamed
    assert any("Kenmerk van het document: vul dit veld in." in item for item in items)
    assert any("Opmerking: " in item for item in items)  # the kabinet's return without a comment
