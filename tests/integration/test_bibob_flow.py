"""Bibob on a real database (issue 10): an application through the API becomes a secret zaak of the body that
decides the permit; asking the LBB's advice proposes the art. 32 notice and suspends the decision period; after a
lesser degree of danger the refusal is blocked and the voornemen with conditions goes to the applicant and the
named third party. A withdrawn application asks for the art. 7a lid 8 report and closes with its own reason."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from app import clock
from app.domain.assessment import Assessment
from app.domain.drafting import DraftRequest
from app.domain.errors import InvalidInput
from app.models import Beoordeling, Zaak
from app.powers.bibob import SPEC
from app.schemas.melding import MeldingSchema
from app.services import assignment, toegang
from app.services.assessment import update_facts
from app.services.beslistermijn import termijn_of
from app.services.intake import submit_melding
from app.services.receipts import assessment_of
from app.services.review import current_documents
from app.services.zaak_closure import close_zaak
from tests.flows import draft, judge_one, judge_what_is_missing, submit

TODAY = clock.today()
ESTABLISHMENT = {"straat": "Verzinselplein", "huisnummer": "5", "postcode": "6200 ZZ", "woonplaats": "Maastricht"}
THIRD = {"name": "F. Proefgeld", "straat": "Rue Fictive", "huisnummer": "4", "postcode": "4000", "woonplaats": "Luik",
         "land": "BE", "part_of_advice": "Een lening van F. Proefgeld zonder vastgelegde herkomst.",
         "use_reason": "Hij financiert de onderneming (art. 3 lid 4)."}
# The heard derde appears in the reasons (legal review, finding 8): a fact about him the reasons use.
FACT = {"kind": "transactie", "date": (TODAY - timedelta(days=400)).isoformat(), "offence": "heling",
        "person": "F. Proefgeld", "in_motivering": True}
ANSWERS = {"screening_nodig": "ja", "eigen_conclusie": "ernstig_gevaar", "lbb_advies_vragen": "vragen",
           "mate_van_gevaar": "mindere_mate", "advies_beoordeeld": "overgenomen", "openbaarmaking": "beperkt",
           "voorschriften": "passend", "evenredig_3_lid_5": "ja"}


@pytest.fixture
def rt(app):
    return app.extensions["bevoegd"]


def _day(days_ago: int) -> str:
    return (TODAY - timedelta(days=days_ago)).isoformat()


def _body(kind: str = "exploitatievergunning_horeca", body: str = "burgemeester", key: str = "1") -> dict:
    return {"submission_id": f"bibob-flow-000{key}", "zaaktype": "bibob", "adres": ESTABLISHMENT, "gegevens": {
        "application": {"permit_type": kind, "received_on": _day(30), "competent_body": body,
                        "statutory_term_weeks": 8, "kenmerk": f"APP-FLOW-{key}", "business_name": "Proefzaak"},
        "betrokkene": {"kind": "rechtspersoon", "name": "Proefzaak B.V.", "kvk": "99000044"},
        "screening_trigger": "standaard", "bibob_form": {"received": True, "complete": True},
        "own_research": [{"source": "open_bronnen", "finding": "Een eerdere onderneming ging failliet.",
                          "date": _day(20)}]}}


def _assessment(db, zaak) -> Assessment:
    row = db.scalars(select(Beoordeling).where(Beoordeling.zaak_id == zaak.id).order_by(Beoordeling.id.desc())).first()
    return assessment_of(row)


def _lbb(**values) -> dict:
    return {"requested_on": _day(10), "betrokkene_informed_on": None, "data_requests": [], "extension": None,
            "received_on": None, "conclusion": None, "advice_date": None, "declined": False, **values}


def _on_the_list(db, zaak, users) -> None:
    """The jurist takes the zaak (and lands on its list) and puts the signatory on it."""
    assignment.assign(db, zaak, users["jurist"].id, zaak.version_id, users["jurist"])
    toegang.grant(db, zaak, users["kabinet"].id, users["jurist"], zaak.version_id)


def test_an_application_becomes_a_secret_zaak_and_ends_in_a_voornemen_with_conditions(client, login_as, db, rt, users):
    login_as("handhaving")
    assert client.post("/api/v1/meldingen", json=_body(), headers={"Idempotency-Key": "bibob-key-01"}).status_code \
        == 201
    zaak = db.scalars(select(Zaak)).one()
    assert zaak.toegang_beperkt and zaak.orgaan == "burgemeester" and zaak.melding.bron_soort == "aanvraag"
    assert [b.roltype for b in zaak.betrokkenen] == ["aanvrager"]
    assert SPEC.proposal(_assessment(db, zaak))["stap"] == "gevaar_beoordelen"
    _on_the_list(db, zaak, users)
    _ask_advice(db, rt, zaak, users)

    # The advice: a lesser degree of danger through a named financier; conditions from the standard list.
    changes = {"lbb": _lbb(betrokkene_informed_on=_day(9), received_on=_day(2), conclusion="mindere_mate",
                           advice_date=_day(3)), "third_parties": [THIRD],
               "related_persons": [{"role": "vermogensverschaffer", "name": THIRD["name"]}], "facts_3a": [FACT],
               "conditions": [{"code": "geen_contante_financiering", "text": ""}]}
    update_facts(db, rt, zaak, changes, zaak.melding.version_id, users["jurist"], TODAY)
    db.refresh(zaak)
    assert sorted(b.roltype for b in zaak.betrokkenen) == ["aanvrager", "derde"]
    assert SPEC.proposal(_assessment(db, zaak))["stap"] == "gevaar_beoordelen"
    voornemen = judge_what_is_missing(db, rt, zaak, DraftRequest("voornemen_voorschriften", TODAY), users["jurist"],
                                      TODAY, ANSWERS)
    judge_one(db, zaak, "evenredig_3_lid_5", "ja", "Weigeren zou in verhouding staan.", users["jurist"])
    with pytest.raises(InvalidInput) as refused:  # a lesser danger: refusal is not offered (art. 3 lid 7)
        draft(db, rt, zaak, DraftRequest("voornemen_weigering", TODAY), users["jurist"], TODAY)
    assert "mate_van_gevaar" in refused.value.errors
    db.rollback()
    offered = submit(db, rt, voornemen, users["kabinet"], users["jurist"], TODAY)
    assert sorted(d.ontvanger_rol for d in current_documents(db, offered)) == ["aanvrager", "derde"]


def _ask_advice(db, rt, zaak, users) -> None:
    """The jurist asks the LBB's advice: the art. 32 notice is proposed and drafted, the decision period suspended."""
    before = termijn_of(rt, zaak, TODAY)
    update_facts(db, rt, zaak, {"lbb": _lbb()}, zaak.melding.version_id, users["jurist"], TODAY)
    proposed = SPEC.proposal(_assessment(db, zaak))
    assert (proposed["stap"], proposed["maatregel"]) == ("mededeling_sturen", "mededeling")
    after = termijn_of(rt, zaak, TODAY)
    assert after.opgeschort and after.opschortingen[0].dagen == 10 and after.einde > before.einde
    notice = judge_what_is_missing(db, rt, zaak, DraftRequest("mededeling_adviesaanvraag", TODAY), users["jurist"],
                                   TODAY, ANSWERS)
    assert notice.soort == "mededeling_adviesaanvraag" and not notice.besluit


def test_a_permit_of_the_college_is_a_zaak_of_the_college(db, rt, users):
    data = MeldingSchema().load(_body("omgevingsvergunning", "college", "2"))
    zaak = submit_melding(db, rt, data, users["handhaving"], TODAY)
    assert zaak.orgaan == "college" and zaak.toegang_beperkt


def test_a_withdrawn_application_asks_for_the_report_and_closes_with_its_own_reason(db, rt, users):
    zaak = submit_melding(db, rt, MeldingSchema().load(_body(key="3")), users["handhaving"], TODAY)
    _on_the_list(db, zaak, users)
    withdrawn = {"withdrawn_on": _day(1), "suspected_because_of_bibob": True, "reported_to_lbb_on": None}
    update_facts(db, rt, zaak, {"application_withdrawn": withdrawn}, zaak.melding.version_id, users["jurist"], TODAY)
    assessment = _assessment(db, zaak)
    assert assessment.bevoegdheid == "niet_bevoegd" and SPEC.proposal(assessment)["stap"] == "afsluiten"
    params = rt.book.parameters_for("bibob", zaak.melding.pleegdatum)
    assert [t.code for t in SPEC.tasks(zaak.melding.gegevens, params, datetime.now(UTC))] == \
        ["melding_lbb_7a_lid_8", "zaak_afsluiten"]
    assert termijn_of(rt, zaak, TODAY) is None
    close_zaak(db, rt, zaak, {"afsluitreden": "aanvraag_ingetrokken", "toelichting": "De aanvrager trok de aanvraag "
                              "in na het verzoek om aanvullende gegevens."}, zaak.version_id, users["jurist"], TODAY)
    db.refresh(zaak)
    assert (zaak.fase, zaak.afsluitreden) == ("afgesloten", "aanvraag_ingetrokken")
