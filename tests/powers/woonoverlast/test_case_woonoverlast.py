"""The woonoverlast case file: what the schema refuses (in Dutch), who the betrokkenen are per addressee, a case
description without anyone's name, and which earlier measures count against this person at this dwelling."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from marshmallow import ValidationError

from app import clock
from app.domain.assessment import ParameterValue
from app.powers.woonoverlast import case
from app.powers.woonoverlast.demo import demo_meldingen
from app.powers.woonoverlast.schema import EDITABLE_FACTS, MEASURE_FIELDS, WoonoverlastMeldingSchema

DWELLING = {"straat": "Proefhof", "huisnummer": "14b", "postcode": "6200 ZZ", "woonplaats": "Maastricht"}
LANDLORD = {"naam": "Woonstichting Proef", "organisatie": True, "straat": "Postbus", "huisnummer": "5",
            "postcode": "6200 ZZ", "woonplaats": "Maastricht"}


def _melding(**gegevens: Any) -> dict[str, Any]:
    incidents = [{"at": "2026-09-01T23:30", "kind": "geluid", "origin": "in_woning", "source": "melddesk",
                  "reporter": "omwonende"},
                 {"at": "2026-10-20T01:10", "kind": "intimidatie", "origin": "onmiddellijke_nabijheid",
                  "distance_m": 30, "source": "politie", "source_kenmerk": "PL-1", "reporter": "politie",
                  "established": True, "instruction": ""}]
    base = {"addressee_role": "gebruiker", "gebruiker": {"naam": "G. Proef", "geboortedatum": "1990-05-05"},
            "verhuurder": LANDLORD, "affected_omwonenden": 3, "incidents": incidents}
    return {"zaaktype": "woonoverlast", "bron_soort": "melding", "bron_kenmerk": "MD-1", "adres": DWELLING,
            "gegevens": {**base, **gegevens}}


def _load(**gegevens: Any) -> dict[str, Any]:
    return WoonoverlastMeldingSchema().load(_melding(**gegevens))


def _errors(**gegevens: Any) -> dict[str, Any]:
    with pytest.raises(ValidationError) as caught:
        _load(**gegevens)
    return caught.value.messages["gegevens"]


def test_the_melding_date_is_the_day_of_the_latest_incident():
    loaded = _load()
    assert loaded["pleegdatum"] == loaded["bron_datum"] == date(2026, 10, 20)
    assert loaded["gegevens"]["incidents"][1]["instruction"] is None  # an empty form field is "none breached"


def test_at_least_one_incident():
    assert _errors(incidents=[])["incidents"] == ["Vul ten minste één incident in (hoogstens honderd per melding)."]


def test_an_incident_in_the_future_is_refused():
    future = (datetime.now(UTC) + timedelta(days=2)).isoformat()
    incident = {"at": future, "kind": "geluid", "origin": "in_woning", "source": "melddesk", "reporter": "anoniem"}
    assert _errors(incidents=[incident])["incidents"][0]["at"] == ["Dit incident ligt in de toekomst."]


@pytest.mark.parametrize("outcome", ["niet_geschikt", "niet_geprobeerd"])
def test_a_means_not_tried_or_not_suitable_needs_a_reason(outcome):
    errors = _errors(softer_means=[{"kind": "buurtbemiddeling", "outcome": outcome}])
    assert "waarom" in errors["softer_means"][0]["reason"][0]
    assert _load(softer_means=[{"kind": "buurtbemiddeling", "outcome": "mislukt"}])


def test_a_landlord_is_required_when_he_is_addressed():
    errors = _errors(addressee_role="verhuurder", verhuurder=None)
    assert errors["verhuurder"]["naam"] == ["Vul de verhuurder in: de last is aan hem gericht."]


def test_the_user_needs_a_date_of_birth_before_the_incidents():
    assert _errors(gebruiker={"naam": "G. Proef"})["gebruiker"]["geboortedatum"] == ["Vul dit veld in."]
    late = _errors(gebruiker={"naam": "G. Proef", "geboortedatum": "2026-10-01"})
    assert late["gebruiker"]["geboortedatum"] == ["De geboortedatum ligt na een incident."]
    future = _errors(gebruiker={"naam": "G. Proef", "geboortedatum": "2999-01-01"})
    assert future["gebruiker"]["geboortedatum"] == ["De geboortedatum ligt in de toekomst."]


def test_instruction_codes_are_unique_and_well_formed():
    same = [{"code": "A1", "text": "Geen versterkte muziek tussen 23.00 en 07.00 uur."},
            {"code": "A1", "text": "Houd de hond binnen of aan de lijn."}]
    assert _errors(instructions=same)["instructions"] == ["Geef elke aanwijzing een eigen code."]
    assert "A1" in _errors(instructions=[{"code": "een", "text": "Iets."}])["instructions"][0]["code"][0]


def test_untrusted_text_loses_its_control_characters():
    loaded = _load(household_description="Twee\x00 volwassenen\x1b[31m", gebruiker={"naam": "G.\x07 Proef",
                                                                                     "geboortedatum": "1990-05-05"})
    assert loaded["gegevens"]["household_description"] == "Twee volwassenen[31m"
    assert loaded["gegevens"]["gebruiker"]["naam"] == "G. Proef"


def test_what_the_mayor_has_done_under_bestuursdwang_is_cleaned_optional_text_the_jurist_edits():
    assert _load()["gegevens"]["bestuursdwang_uitvoering"] == ""
    loaded = _load(bestuursdwang_uitvoering="  De tuin\x00 laten opruimen door een aannemer.\x1b ")
    assert loaded["gegevens"]["bestuursdwang_uitvoering"] == "De tuin laten opruimen door een aannemer."
    assert "bestuursdwang_uitvoering" in EDITABLE_FACTS
    assert "bestuursdwang_uitvoering" in _errors(bestuursdwang_uitvoering="x" * 2001)


def test_unknown_fields_such_as_a_neighbours_name_are_refused():
    assert _errors(melder_naam="Buurvrouw")["melder_naam"] == ["Onbekend veld."]


def test_the_addressee_is_what_the_measure_is_about_and_not_editable_later():
    assert MEASURE_FIELDS == ("addressee_role",)
    assert "addressee_role" not in EDITABLE_FACTS and "incidents" in EDITABLE_FACTS


def test_the_user_addressed_at_the_dwelling_and_the_landlord_gets_a_copy():
    people = case.betrokkenen(_load(), {})
    assert [(p["roltype"], p["naam"]) for p in people] == [("overtreder", "G. Proef"),
                                                            ("verhuurder", "Woonstichting Proef")]
    assert people[0]["straat"] == "Proefhof" and people[0]["geboortedatum"] == date(1990, 5, 5)
    assert people[1]["straat"] == "Postbus" and people[1]["is_organisatie"]


def test_without_a_known_landlord_only_the_user():
    assert [p["roltype"] for p in case.betrokkenen(_load(verhuurder=None), {})] == ["overtreder"]


def test_the_landlord_addressed_at_his_own_address_and_the_user_gets_no_letter_role():
    abroad = {**LANDLORD, "naam": "L. Proef", "organisatie": False, "geboortedatum": "1960-02-02",
              "straat": "Kerkstraat", "postcode": "3700", "woonplaats": "Tongeren", "land": "BE"}
    people = case.betrokkenen(_load(addressee_role="verhuurder", verhuurder=abroad), {})
    assert [(p["roltype"], p["naam"], p["land"]) for p in people] == [("overtreder", "L. Proef", "BE"),
                                                                       ("gebruiker", "G. Proef", "NL")]
    assert (people[0]["is_organisatie"], people[0]["geboortedatum"]) == (False, date(1960, 2, 2))


def test_a_landlord_is_a_person_unless_said_to_be_an_organisation():
    person = {k: v for k, v in LANDLORD.items() if k != "organisatie"}
    landlord = case.betrokkenen(_load(verhuurder=person), {})[1]
    assert (landlord["is_organisatie"], landlord["geboortedatum"]) == (False, None)


def test_the_description_counts_the_incidents_and_names_nobody():
    text = case.omschrijving(_load())
    assert text == "Woonoverlast, 2 incidenten 01-09-2026 t/m 20-10-2026"
    assert "Proef" not in text
    one = _melding()
    one["gegevens"]["incidents"] = one["gegevens"]["incidents"][:1]
    assert case.omschrijving(WoonoverlastMeldingSchema().load(one)) == "Woonoverlast, 1 incident op 01-09-2026"


def test_the_stored_case_file_reads_back_from_json():
    stored = {"gegevens": {"incidents": [{"at": "2026-10-20T01:10:00+02:00"}, {"at": "2026-09-01T23:30:00+02:00"}]}}
    assert case.omschrijving(stored) == "Woonoverlast, 2 incidenten 01-09-2026 t/m 20-10-2026"
    assert case.case_file({"gegevens": {"erf": True}}) == {"erf": True}


def _window(years: int) -> dict[str, ParameterValue]:
    return {case.HISTORY_WINDOW: ParameterValue(case.HISTORY_WINDOW, years, date(2017, 7, 1), "design default", {})}


def test_earlier_measures_count_at_this_dwelling_against_this_person_before_the_latest_incident():
    stored = {"incidents": [{"at": "2026-09-01T23:30:00+02:00"}, {"at": "2026-10-20T01:10:00+02:00"}]}
    history = [
        {"kind": "waarschuwing", "date": "2026-09-10", "letter_date": "2026-09-12"},  # between the incidents
        {"kind": "last_onder_dwangsom", "date": "2025-01-10", "same_address": False},
        {"kind": "aanwezigheidsverbod", "date": "2026-03-01", "same_person": False},  # a former tenant
        {"kind": "waarschuwing", "date": "2020-01-01"},
    ]
    verdicts = [(c.counts, c.reason) for c in case.explain_history(stored, history, _window(2))]
    assert verdicts == [(True, "telt"), (False, "ander_adres"), (False, "ander_persoon"), (False, "buiten_termijn")]
    later = [{"kind": "waarschuwing", "date": "2026-10-25"}, {"kind": "waarschuwing", "date": "2026-01-01",
                                                              "sent": False}, {"kind": "voornemen_last",
                                                                               "date": "2026-01-01"}]
    assert [c.reason for c in case.explain_history(stored, later, {})] == ["niet_eerder", "niet_verzonden",
                                                                            "andere_soort"]
    assert case.explain_history(stored, history[-1:], {})[0].counts  # without a window in the rules: no limit


def test_the_demo_reports_load_and_are_fictional():
    meldingen = demo_meldingen(clock.today())
    loaded = [WoonoverlastMeldingSchema().load(m) for m in meldingen]
    assert {m["gegevens"]["addressee_role"] for m in loaded} == {"gebruiker", "verhuurder"}
    assert all("(demo)" in p["naam"] for m in loaded for p in case.betrokkenen(m, {}))
