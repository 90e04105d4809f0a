"""The letter to the parents through the services, on a real database: two parents at two addresses get two
letters; the safety judgement blocks; nobody with authority blocks drafting; a second letter about the same
child is a repeated letter naming the first by date; a follow-up of another power's zaak about a minor."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

import pytest
import time_machine
from sqlalchemy import select

from app import clock
from app.domain.deadlines import AMSTERDAM
from app.domain.drafting import DraftRequest
from app.domain.errors import DuplicateMelding, InvalidInput, JudgementMissing
from app.letters.formatting import datum
from app.models import Beoordeling, Zaak
from app.schemas.melding import MeldingSchema
from app.services import dispatch, follow_up, review
from app.services.assessment import update_facts
from app.services.intake import submit_melding
from app.services.receipts import assessment_of
from tests.factories import huisverbod, melding
from tests.flows import draft, judge_one, judge_what_is_missing, submit
from tests.letters.letters_support import read_back

HOME = {"straat": "Proefstraat", "huisnummer": "1", "postcode": "6200 ZZ", "woonplaats": "Maastricht"}
ELSEWHERE = {"straat": "Verzonnenlaan", "huisnummer": "9", "postcode": "6200 ZZ", "woonplaats": "Maastricht"}


BORN = clock.today().replace(year=clock.today().year - 15, day=1) - timedelta(days=62)  # fifteen throughout


@pytest.fixture
def rt(app):
    return app.extensions["bevoegd"]


def ouderbrief(days_ago: int = 5, kenmerk: str = "PV-OB-1", **gegevens: Any) -> dict[str, Any]:
    day = clock.today() - timedelta(days=days_ago)
    case = {"incident_at": f"{day.isoformat()}T21:30", "incident_place": "Bij het winkelcentrum",
            "incident_type": "vuurwerk", "incident_source": "politie", "gia_signal": "no",
            "child": {"naam": "K. Proefkind", "geboortedatum": BORN.isoformat(),
                      "adres": HOME},
            "gezaghebbenden": [{"naam": "O. Proefmoeder", "relatie": "ouder", "adres": HOME},
                               {"naam": "P. Proefvader", "relatie": "ouder", "adres": ELSEWHERE}],
            "group_code": "GROEP-Z", **gegevens}
    return MeldingSchema().load({"submission_id": f"ob-test-{kenmerk}", "zaaktype": "ouderbrief",
                                 "bron_soort": "proces_verbaal", "bron_kenmerk": kenmerk, "adres": HOME,
                                 "gegevens": case})


def _approve_and_send(db, rt, beslissing, users, today):
    documents = review.current_documents(db, beslissing)
    review.approve(db, rt, beslissing, [d.sha256 for d in documents], beslissing.version_id, users["kabinet"], today)
    for letter in review.current_documents(db, beslissing):
        dispatch.record_dispatch(db, rt, beslissing, dispatch.DispatchRequest(letter.id, today, "post"),
                                 beslissing.version_id, users["jurist"], today)


def test_two_parents_get_two_letters_each_at_their_own_address_and_the_child_none(db, rt, users):
    today = clock.today()
    zaak = submit_melding(db, rt, ouderbrief(), users["handhaving"], today)
    assert {b.roltype for b in zaak.betrokkenen} == {"minderjarige", "gezaghebbende"}
    concept = judge_what_is_missing(db, rt, zaak, DraftRequest("ouderbrief", today), users["jurist"], today)
    offered = submit(db, rt, concept, users["kabinet"], users["jurist"], today)
    documents = review.current_documents(db, offered)
    assert sorted((d.ontvanger_rol, d.ontvanger_naam) for d in documents) == [
        ("gezaghebbende", "O. Proefmoeder"), ("gezaghebbende", "P. Proefvader")]
    for document in documents:
        body = "\n".join(read_back(document.inhoud)["body"])
        own = HOME if document.ontvanger_naam == "O. Proefmoeder" else ELSEWHERE
        assert f"{own['straat']} {own['huisnummer']}" in body and "GROEP-Z" not in body
        assert body.count("K. Proefkind") == 1 and "besluit" not in body.lower()


def test_the_safety_judgement_is_asked_first_and_a_danger_blocks_every_letter(db, rt, users):
    today = clock.today()
    zaak = submit_melding(db, rt, ouderbrief(gia_signal="yes"), users["handhaving"], today)
    with pytest.raises(JudgementMissing) as missing:
        draft(db, rt, zaak, DraftRequest("ouderbrief", today), users["jurist"], today)
    assert "veiligheidssignaal" in missing.value.missing
    db.rollback()
    judge_one(db, zaak, "veiligheidssignaal", "gevaar", "Veilig Thuis ontraadt een brief naar huis.", users["jurist"])
    with pytest.raises(InvalidInput) as blocked:
        judge_what_is_missing(db, rt, zaak, DraftRequest("ouderbrief", today), users["jurist"], today)
    assert "veiligheidssignaal" in blocked.value.errors


def test_nobody_with_authority_gives_a_task_and_no_letter(db, rt, users):
    today = clock.today()
    zaak = submit_melding(db, rt, ouderbrief(kenmerk="PV-OB-2", gezaghebbenden=[]), users["handhaving"], today)
    assert [t.code for t in rt.power("ouderbrief").tasks(zaak.melding.gegevens, {}, None)] == ["gezag_opzoeken"]
    with pytest.raises(InvalidInput) as refused:
        judge_what_is_missing(db, rt, zaak, DraftRequest("ouderbrief", today), users["jurist"], today)
    assert "gezaghebbende" in refused.value.errors


def test_a_person_with_authority_found_later_becomes_an_addressee_and_the_task_ends(db, rt, users):
    today = clock.today()
    zaak = submit_melding(db, rt, ouderbrief(kenmerk="PV-OB-4", gezaghebbenden=[]), users["handhaving"], today)
    found = [{"naam": "G. Gevondenouder", "relatie": "ouder", "adres": ELSEWHERE}]
    update_facts(db, rt, zaak, {"gezaghebbenden": found}, zaak.melding.version_id, users["jurist"], today)
    db.refresh(zaak)
    assert [b.naam for b in zaak.betrokkenen if b.roltype == "gezaghebbende"] == ["G. Gevondenouder"]
    assert rt.power("ouderbrief").tasks(zaak.melding.gegevens, {}, None) == []
    concept = judge_what_is_missing(db, rt, zaak, DraftRequest("ouderbrief", today), users["jurist"], today)
    offered = submit(db, rt, concept, users["kabinet"], users["jurist"], today)
    assert [d.ontvanger_naam for d in review.current_documents(db, offered)] == ["G. Gevondenouder"]


def test_one_report_of_a_group_incident_starts_one_case_per_child_and_never_twice_for_one(db, rt, users):
    today = clock.today()
    first = ouderbrief(kenmerk="PV-GROEP-1")
    other = {**ouderbrief(kenmerk="PV-GROEP-1"), "submission_id": "ob-test-groep-2",
             "gegevens": {**first["gegevens"], "child": {**first["gegevens"]["child"], "naam": "L. Proefkind"}}}
    a = submit_melding(db, rt, first, users["handhaving"], today)
    b = submit_melding(db, rt, other, users["handhaving"], today)
    assert a.id != b.id
    with pytest.raises(DuplicateMelding):
        submit_melding(db, rt, {**first, "submission_id": "ob-test-groep-3"}, users["handhaving"], today)


def test_a_child_living_in_belgium_is_handled_by_hand_and_the_letter_goes_in_the_belgian_format(db, rt, users):
    today = clock.today()
    luik = {"straat": "Rue Imaginaire", "huisnummer": "12 bus 3", "postcode": "4000", "woonplaats": "Luik",
            "land": "BE"}
    zaak = submit_melding(db, rt, ouderbrief(kenmerk="PV-OB-BE", child={
        "naam": "K. Proefkind", "geboortedatum": BORN.isoformat(), "adres": luik},
        gezaghebbenden=[{"naam": "B. Belgische Ouder", "relatie": "ouder", "adres": luik}]), users["handhaving"], today)
    assert [t.code for t in rt.power("ouderbrief").tasks(zaak.melding.gegevens, {}, None)] == ["handmatige_afhandeling"]
    row = db.scalars(select(Beoordeling).where(Beoordeling.zaak_id == zaak.id)).first()
    assert assessment_of(row).facts["child_abroad"] is True
    concept = judge_what_is_missing(db, rt, zaak, DraftRequest("ouderbrief", today), users["jurist"], today)
    offered = submit(db, rt, concept, users["kabinet"], users["jurist"], today)
    body = read_back(review.current_documents(db, offered)[0].inhoud)["body"]
    assert body[:4] == ["B. Belgische Ouder", "Rue Imaginaire 12 bus 3", "4000  LUIK", "BELGIË"]


def test_a_second_incident_gives_a_repeated_letter_naming_the_first_by_date(db, rt, users):
    today, then = clock.today(), clock.today() - timedelta(days=30)
    with time_machine.travel(datetime.combine(then, time(10), AMSTERDAM), tick=False):  # the first letter went out
        first = submit_melding(db, rt, ouderbrief(days_ago=10), users["handhaving"], then)
        letter = judge_what_is_missing(db, rt, first, DraftRequest("ouderbrief", then), users["jurist"], then)
        _approve_and_send(db, rt, submit(db, rt, letter, users["kabinet"], users["jurist"], then), users, then)
    # The second report is about the same child somewhere else, after the first letter went out.
    later = ouderbrief(days_ago=1, kenmerk="PV-OB-3")
    zaak = submit_melding(db, rt, {**later, "adres": ELSEWHERE}, users["handhaving"], today)
    row = db.scalars(select(Beoordeling).where(Beoordeling.zaak_id == zaak.id)).first()
    assessment = assessment_of(row)
    assert assessment.facts["prior_letters_count"] == 1 and assessment.facts["earlier_letter_in_interval"] is True
    assert [e.value for e in assessment.findings("beleid")] == ["ouderbrief_herhaald"]
    concept = judge_what_is_missing(db, rt, zaak, DraftRequest("ouderbrief_herhaald", today), users["jurist"], today)
    offered = submit(db, rt, concept, users["kabinet"], users["jurist"], today)
    body = "\n".join(read_back(review.current_documents(db, offered)[0].inhoud)["body"])
    assert f"Op {datum(then)} heb ik al een brief gestuurd over uw kind." in body


def test_a_minor_offender_in_another_powers_zaak_is_offered_a_follow_up_letter(db, rt, users):
    """Only the minor whose own conduct the source case is about (Damocles: the overtreder who dealt) is offered
    a letter to his parents; a child who merely lives in the closed dwelling is not accused of anything."""
    today = clock.today()
    minor = (today - timedelta(days=7)).replace(year=today.year - 16).isoformat()
    young = (today - timedelta(days=9)).replace(year=today.year - 9).isoformat()
    source = submit_melding(db, rt, melding(bewoners=[
        {"naam": "T. Testbewoner", "roltype": "bewoner"},
        {"naam": "J. Testjongere", "roltype": "overtreder", "geboortedatum": minor},
        {"naam": "K. Testkind", "roltype": "bewoner", "geboortedatum": young}],
        gegevens={"minors_in_household": "yes"}), users["handhaving"], today)
    offers = follow_up.offers(rt, source, users["jurist"], today)
    assert [(o.code, o.aantal) for o in offers] == [("ouderbrief", 1)]
    started = follow_up.start(db, rt, source, "ouderbrief", users["jurist"], today)
    again = follow_up.start(db, rt, source, "ouderbrief", users["jurist2"], today)
    assert [z.id for z in again] == [z.id for z in started]  # starting again, by anyone, finds the same zaak
    new = db.get(Zaak, started[0].id)
    assert new.zaaktype == "ouderbrief" and new.vervolg_op_id == source.id
    assert new.behandelaar_id == users["jurist"].id  # who starts it handles it
    assert new.melding.toelichting == f"Vervolg op zaak {source.identificatie}"
    assert new.melding.gegevens["child"]["naam"] == "J. Testjongere"
    assert [t.code for t in rt.power("ouderbrief").tasks(new.melding.gegevens, {}, None)] == ["gezag_opzoeken"]


def test_a_child_protected_by_a_huisverbod_is_no_offender_and_gets_no_follow_up(db, rt, users):
    today = clock.today()
    zaak = submit_melding(db, rt, huisverbod(), users["hovj"], today)
    assert any(b.geboortedatum and b.geboortedatum.year > today.year - 18 for b in zaak.betrokkenen)
    assert follow_up.offers(rt, zaak, users["jurist"], today) == []
