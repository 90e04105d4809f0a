"""Bibob case file and melding: what the intake and the API accept, with Dutch messages, and what the envelope
takes from the application (the establishment's address, the kenmerk, the day received)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from marshmallow import ValidationError

from app.powers.bibob import SPEC
from app.powers.bibob.schema import BibobCaseFileSchema
from app.schemas.melding import MeldingSchema
from tests.powers.bibob_support import NO_ADVICE, case_file, melding


def _errors(data) -> dict:
    with pytest.raises(ValidationError) as exc:
        MeldingSchema().load(data)
    return exc.value.normalized_messages()


def test_the_envelope_comes_from_the_application_and_the_address_is_the_establishment():
    loaded = MeldingSchema().load(melding())
    assert (loaded["bron_soort"], loaded["bron_kenmerk"]) == ("aanvraag", "EXP-2026-1")
    assert loaded["pleegdatum"] == loaded["bron_datum"] == date(2026, 1, 5)
    assert loaded["gegevens"]["application"]["address"]["straat"] == "Proefstraat"


def test_every_demo_application_loads():
    found = [MeldingSchema().load(m) for m in SPEC.demo(date(2026, 12, 6))]
    assert {m["gegevens"]["application"]["competent_body"] for m in found} == {"burgemeester", "college"}
    assert len(found) == 3 and all(m["bron_soort"] == "aanvraag" for m in found)


def test_a_company_needs_a_kvk_number_of_eight_digits():
    no_kvk = _errors(melding(betrokkene={"kind": "rechtspersoon", "name": "X B.V."}))
    assert no_kvk["gegevens"]["betrokkene"]["kvk"] == ["Vul het KvK-nummer van de rechtspersoon in."]
    wrong = _errors(melding(betrokkene={"kind": "rechtspersoon", "name": "X B.V.", "kvk": "12ab"}))
    assert wrong["gegevens"]["betrokkene"]["kvk"] == ["Vul een KvK-nummer van acht cijfers in."]


def test_no_bsn_is_accepted():
    found = _errors(melding(betrokkene={"kind": "natuurlijk_persoon", "name": "J. Proef", "bsn": "123456782"}))
    assert found["gegevens"]["betrokkene"]["bsn"] == ["Onbekend veld."]


def test_advice_dates_follow_the_request_and_a_decline_has_no_conclusion():
    early = _errors(melding(lbb={**NO_ADVICE, "requested_on": "2026-02-01", "received_on": "2026-01-20",
                                 "conclusion": "mindere_mate"}))
    assert early["gegevens"]["lbb"]["received_on"] == ["Deze datum ligt voor de adviesaanvraag."]
    both = _errors(melding(lbb={**NO_ADVICE, "requested_on": "2026-02-01", "received_on": "2026-03-01",
                                "declined": True, "conclusion": "geen_gevaar"}))
    assert both["gegevens"]["lbb"]["conclusion"] == ["Het LBB zag af van advies; er is dan geen conclusie."]
    unasked = _errors(melding(lbb={**NO_ADVICE, "received_on": "2026-03-01", "conclusion": "geen_gevaar"}))
    assert unasked["gegevens"]["lbb"]["requested_on"] == ["Vul eerst de datum van de adviesaanvraag in."]


def test_a_data_request_keeps_its_contract_keys():
    data = {**NO_ADVICE, "requested_on": "2026-02-01", "data_requests": [{"from": "2026-02-10", "to": "2026-02-20"}]}
    loaded = MeldingSchema().load(melding(lbb=data))
    assert loaded["gegevens"]["lbb"]["data_requests"] == [{"from": date(2026, 2, 10), "to": date(2026, 2, 20)}]


def test_what_belongs_to_a_granted_permit_is_refused_for_an_application():
    found = _errors(melding(permit_breach={"date": "2026-02-01", "description": "Geen melding van een nieuwe "
                                                                                "leidinggevende."},
                            refused_to_supply_data={"context": "intrekkingsonderzoek_7a_lid3"}))
    assert "verleende vergunning" in found["gegevens"]["permit_breach"]["date"][0]
    assert "onderzoek naar intrekking" in found["gegevens"]["refused_to_supply_data"]["context"][0]
    granted = _errors(melding(existing_permit={"kenmerk": "EXP-2019-3", "granted_on": "2019-05-01"},
                              application_withdrawn={"withdrawn_on": "2026-02-01",
                                                     "suspected_because_of_bibob": False}))
    assert "al verleend" in granted["gegevens"]["application_withdrawn"]["withdrawn_on"][0]


def test_an_application_before_the_expanded_act_is_refused_but_an_old_permit_may_be_investigated():
    old = case_file()["application"] | {"received_on": "2020-07-31"}
    found = _errors(melding(application=old))
    assert "1 augustus 2020" in found["gegevens"]["application"]["received_on"][0]
    permit = MeldingSchema().load(melding(application=old, lbb=NO_ADVICE,
                                          existing_permit={"kenmerk": "EXP-2020-9", "granted_on": "2020-09-01"}))
    assert permit["gegevens"]["existing_permit"]["kenmerk"] == "EXP-2020-9"


def test_an_own_condition_needs_its_text_and_a_code_comes_from_the_list():
    found = _errors(melding(conditions=[{"code": "eigen", "text": ""}, {"code": "geen_contant", "text": ""}]))
    assert found["gegevens"]["conditions"][0]["text"] == ["Schrijf de tekst van het eigen voorschrift."]
    assert "standaardvoorschrift uit de lijst" in found["gegevens"]["conditions"][1]["code"][0]


def test_the_list_of_standard_conditions_is_every_code_the_parameter_ever_gave_a_text():
    from app.powers.bibob.schema_parties import STANDARD_CONDITIONS
    from app.rulebook.book import Rulebook

    book = Rulebook.load(Path(__file__).resolve().parents[2] / "rules")
    series = book.parameter_series("bibob")["standaard_voorschriften"]
    ever = {code for version in series.resolved if version is not None for code in version.value}
    assert set(STANDARD_CONDITIONS) == ever
    assert all(SPEC.labels.get(code) for code in STANDARD_CONDITIONS)  # the select shows words, not codes


def test_a_herstel_period_needs_its_request_first():
    found = _errors(melding(hersteltermijn_until="2026-02-20"))
    assert found["gegevens"]["hersteltermijn_until"] == ["Vul eerst in wanneer de aanvrager is gevraagd aan te vullen."]


def test_the_jurist_edits_the_screening_not_the_application():
    fields = BibobCaseFileSchema._declared_fields
    assert set(SPEC.editable_facts) <= set(fields) and "application" not in SPEC.editable_facts
    assert {"lbb", "third_parties", "conditions", "application_withdrawn", "extension_4_14"} <= set(SPEC.editable_facts)
    assert SPEC.people_fields == ("third_parties",) and all(f in SPEC.labels for f in SPEC.editable_facts)
