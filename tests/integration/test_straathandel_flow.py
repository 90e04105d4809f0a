"""Straathandel through the services on a real database: a voornemen and a last onder dwangsom for a seller,
then a new report of the same person in the same role within the looptijd: no second order (Awb 5:6), but an
invorderingsbeschikking that collects one amount (Awb 5:37); and a minor buyer's voornemen addressed to him and
to both parents with authority."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest
import time_machine
from sqlalchemy import select

from app import clock
from app.domain.assessment import Assessment
from app.domain.deadlines import AMSTERDAM
from app.domain.drafting import DraftRequest
from app.domain.errors import InvalidInput
from app.models import Beoordeling, Zaak
from app.schemas.melding import MeldingSchema
from app.services.intake import submit_melding
from app.services.receipts import assessment_of
from app.services.review import current_documents
from tests.flows import approve_and_send, judge_what_is_missing, submit, zienswijze

TODAY = clock.today()
START = TODAY - timedelta(days=90)
PERSON = {"naam": "V. Herhaald", "geboortedatum": "1999-09-09", "straat": "Proefstraat", "huisnummer": "3",
          "postcode": "6200 ZZ", "woonplaats": "Maastricht", "land": "NL"}
ANSWERS = {"herhalingsgevaar": "dreigt", "overtreding_vastgesteld": "vastgesteld", "horen_invordering": "gehoord",
           "bijzondere_omstandigheden": "nee"}


@pytest.fixture
def rt(app):
    return app.extensions["bevoegd"]


def _melding(seen: date, submission: str, role: str = "verkoper", person=PERSON, **gegevens) -> dict:
    moment = datetime.combine(seen, time(21, 15), tzinfo=AMSTERDAM).isoformat()
    return MeldingSchema().load({
            "submission_id": submission, "zaaktype": "straathandel", "bron_soort": "proces_verbaal",
            "bron_kenmerk": f"PV-{submission}", "bron_datum": seen.isoformat(),
            "adres": {"straat": "Verzinselplein", "huisnummer": "1", "postcode": "6200 ZZ", "woonplaats": "Maastricht"},
            "gegevens": {"dealing_role": role, "identity_established": "yes", "waargenomen_persoon": person,
                         "observations": [{"observed_at": moment, "place_description": "Bij de bank",
                                           "location_type": "openbare_plaats", "transfer_observed": True,
                                           "substance_class": "lijst_i", "report_on_oath": True}],
                         "repetition_indicators": [{"kind": "aanwezig_op_hotspot"}], **gegevens}})


def _at(day: date):
    return time_machine.travel(datetime.combine(day, time(10, 0), tzinfo=AMSTERDAM), tick=False)


def _assessment(db, zaak) -> Assessment:
    row = db.scalars(select(Beoordeling).where(Beoordeling.zaak_id == zaak.id).order_by(Beoordeling.id.desc())).first()
    return assessment_of(row)


def _order(db, rt, users):
    with _at(START):
        zaak = submit_melding(db, rt, _melding(START - timedelta(days=1), "sh-flow-00001"), users["handhaving"], START)
        voornemen = judge_what_is_missing(db, rt, zaak, DraftRequest("voornemen_last", START + timedelta(days=1),
                                                                     duur=12), users["jurist"], START, ANSWERS)
        approve_and_send(db, rt, users, voornemen, START)
    later = START + timedelta(days=20)
    with _at(later):
        zienswijze(db, zaak, {"outcome": "niet_ontvangen", "reactie": "Er kwam geen reactie."}, users["jurist"], later)
        last = judge_what_is_missing(db, rt, zaak, DraftRequest("last_onder_dwangsom", later + timedelta(days=1),
                                                                duur=12), users["jurist"], later, ANSWERS)
        return zaak, approve_and_send(db, rt, users, last, later)


def test_an_order_then_a_breach_is_collected_not_ordered_again(db, rt, users):
    zaak, last = _order(db, rt, users)
    assert last.maatregel["dwangsom"] == {"bedrag": "2500.00", "maximum": "10000.00"}
    assert last.maatregel["object"] == {"dealing_role": "verkoper"}
    letters = current_documents(db, last)
    assert [d.ontvanger_rol for d in letters] == ["overtreder"]
    text = json.dumps(letters[0].context, ensure_ascii=False)
    assert "op te houden met het kennelijke doel" in text and "€ 2.500,00" in text and "€ 10.000,00" in text

    breach = submit_melding(db, rt, _melding(TODAY - timedelta(days=3), "sh-flow-00002"), users["handhaving"], TODAY)
    assessment = _assessment(db, breach)
    assert assessment.facts["running_order_same_role"] is True
    assert assessment.bevoegdheid_for("last_onder_dwangsom") == "niet_bevoegd"
    assert "overtreding_vastgesteld" in assessment.judgements_required
    with pytest.raises(InvalidInput):
        judge_what_is_missing(db, rt, breach, DraftRequest("voornemen_last", TODAY + timedelta(days=1), duur=12),
                              users["jurist"], TODAY, ANSWERS)
    db.rollback()
    invordering = judge_what_is_missing(db, rt, breach, DraftRequest("invorderingsbeschikking",
                                                                     TODAY + timedelta(days=1)),
                                        users["jurist"], TODAY, ANSWERS)
    record = invordering.maatregel["invordering"]
    assert record["last"]["kenmerk"] == zaak.identificatie and record["bedrag"] == "2500.00"
    assert record["totaal"] == "2500.00" and record["resterend"] == "7500.00"
    submit(db, rt, invordering, users["kabinet"], users["jurist"], TODAY)
    text = json.dumps([d.context for d in current_documents(db, invordering)], ensure_ascii=False)
    assert zaak.identificatie in text and "€ 2.500,00" in text and "€ 7.500,00" in text


def test_a_buyer_is_not_blocked_by_the_sellers_order(db, rt, users):
    _order(db, rt, users)
    buyer = submit_melding(db, rt, _melding(TODAY - timedelta(days=3), "sh-flow-00003", role="koper"),
                           users["handhaving"], TODAY)
    assessment = _assessment(db, buyer)
    assert assessment.facts["running_order_same_role"] is False
    assert assessment.bevoegdheid_for("last_onder_dwangsom") == "bevoegd"


def test_a_minor_buyer_and_both_parents_receive_the_voornemen(db, rt, users):
    born = (TODAY - timedelta(days=15 * 365 + 60)).isoformat()  # fifteen: the minor factor applies
    minor = {**PERSON, "naam": "K. Jong", "geboortedatum": born, "straat": "Verzonnenstraat", "huisnummer": "12",
             "postcode": "3700", "woonplaats": "Tongeren", "land": "BE"}
    parents = [{"naam": "M. Jong", "relatie": "ouder", "straat": "Verzonnenstraat", "huisnummer": "12",
                "postcode": "3700", "woonplaats": "Tongeren", "land": "BE"},
               {"naam": "P. Jong", "relatie": "ouder", "straat": "Denkbeeldlaan", "huisnummer": "7",
                "postcode": "6200 ZZ", "woonplaats": "Maastricht", "land": "NL"}]
    zaak: Zaak = submit_melding(db, rt, _melding(TODAY - timedelta(days=2), "sh-flow-00004", role="koper",
                                                 person=minor, gezaghebbenden=parents), users["handhaving"], TODAY)
    assert {b.roltype for b in zaak.betrokkenen} == {"overtreder", "gezaghebbende"}
    assert "K. Jong" not in zaak.omschrijving
    answers = {**ANSWERS, "minderjarige_aanpak": "passend", "rol_koper_verkoper": "evenredig"}
    voornemen = judge_what_is_missing(db, rt, zaak, DraftRequest("voornemen_last", TODAY + timedelta(days=1),
                                                                 duur=12), users["jurist"], TODAY, answers)
    assert voornemen.maatregel["dwangsom"] == {"bedrag": "1250.00", "maximum": "5000.00"}
    submit(db, rt, voornemen, users["kabinet"], users["jurist"], TODAY)
    letters = current_documents(db, voornemen)
    assert sorted(d.ontvanger_naam for d in letters) == ["K. Jong", "M. Jong", "P. Jong"]
    parent = next(d for d in letters if d.ontvanger_naam == "P. Jong")
    assert "met gezag over K. Jong" in json.dumps(parent.context, ensure_ascii=False)
    abroad = next(d for d in letters if d.ontvanger_naam == "M. Jong")
    assert abroad.context["adresregels"][-2:] == ["3700  TONGEREN", "BELGIË"]


def test_a_breach_that_reaches_the_maximum_forfeits_only_the_remainder(db, rt, users):
    """Three breach days under an order of 2,500 with a maximum of 7,000: 2,500 + 2,500 + the remaining 2,000;
    a fourth day forfeits nothing and the letter says so. Each sum has its own pay-by date (Awb 5:33)."""
    answers = {**ANSWERS, "bijzondere_omstandigheden": "ja"}  # a lower maximum departs from policy (Awb 4:84)
    with _at(START):
        zaak = submit_melding(db, rt, _melding(START - timedelta(days=1), "sh-flow-00011"), users["handhaving"], START)
        terms = {"duur": 12, "bedrag": Decimal("2500"), "maximum": Decimal("7000")}
        voornemen = judge_what_is_missing(db, rt, zaak, DraftRequest("voornemen_last", START + timedelta(days=1),
                                                                     **terms), users["jurist"], START, answers)
        approve_and_send(db, rt, users, voornemen, START)
    later = START + timedelta(days=20)
    with _at(later):
        zienswijze(db, zaak, {"outcome": "niet_ontvangen", "reactie": "Er kwam geen reactie."}, users["jurist"], later)
        last = judge_what_is_missing(db, rt, zaak, DraftRequest("last_onder_dwangsom", later + timedelta(days=1),
                                                                **terms), users["jurist"], later, answers)
        approve_and_send(db, rt, users, last, later)
    melding = _melding(TODAY - timedelta(days=6), "sh-flow-00012")
    first = melding["gegevens"]["observations"][0]
    melding["gegevens"]["observations"] = [{**first, "observed_at": first["observed_at"] + timedelta(days=n)}
                                           for n in range(4)]
    breach = submit_melding(db, rt, melding, users["handhaving"], TODAY)
    invordering = judge_what_is_missing(db, rt, breach, DraftRequest("invorderingsbeschikking",
                                                                     TODAY + timedelta(days=1)),
                                        users["jurist"], TODAY, ANSWERS)
    assert [v["bedrag"] for v in invordering.maatregel["invordering"]["verbeurten"]] == ["2500.00", "2500.00",
                                                                                       "2000.00"]
    submit(db, rt, invordering, users["kabinet"], users["jurist"], TODAY)
    context = current_documents(db, invordering)[0].context
    assert context["betalen"][0].startswith("Betaal in totaal € 7.000,00")
    assert any("restte tot het maximum" in p for p in context["overtredingen"])
    assert any("geen dwangsom meer verbeurd" in p for p in context["overtredingen"])
