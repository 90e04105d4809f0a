"""Woonoverlast: the flat fact from the case file (the chronology counted, earlier measures from the core's
history items, the ban on the wall clock), the breaches hook and joining a later report."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from app.config import ROOT
from app.domain.deadlines import AMSTERDAM, klokdagen
from app.domain.errors import FactsRejected
from app.powers.woonoverlast.facts import ban_end, breaches, facts_from_case, joins
from app.rulebook import Rulebook

BOOK = Rulebook.load(ROOT / "rules")
DAY = date(2026, 2, 20)
PARAMS = BOOK.parameters_for("woonoverlast", DAY)


def _incident(at, kind="geluid", origin="in_woning", established=True, instruction=None, kenmerk="", distance=None):
    return {"at": at, "kind": kind, "origin": origin, "distance_m": distance, "source": "politie",
            "source_kenmerk": kenmerk, "reporter": "politie", "established": established,
            "description": "Harde muziek.", "instruction": instruction}


def _case(**changes):
    case = {
        "erf": True, "addressee_role": "gebruiker", "gebruiker": {"naam": "T. Test", "geboortedatum": "1990-03-15"},
        "verhuurder": {"naam": "Woonstichting Proef", "land": "NL"}, "minors_in_household": "no",
        "affected_omwonenden": 3,
        "incidents": [_incident("2026-02-20T22:45:00+01:00", kenmerk="C"), _incident("2026-01-10T23:30:00+01:00",
                                                                                      kenmerk="A"),
                      _incident("2026-02-02T01:15:00+01:00", kenmerk="B")],
        "softer_means": [{"kind": "gesprek", "date": "2025-12-15", "outcome": "mislukt", "reason": ""},
                         {"kind": "waarschuwing", "date": "2026-01-15", "outcome": "mislukt", "reason": ""},
                         {"kind": "huurrechtelijke_maatregel", "date": None, "outcome": "niet_geprobeerd",
                          "reason": "De corporatie wacht op de gedragsaanwijzing."}],
        "vulnerability": "", "care_organisation": "", "care_since": None,
        "instructions": [{"code": "A1", "text": "U speelt tussen 23.00 en 07.00 uur geen versterkte muziek in de "
                                                "woning of op het erf."}],
        "ban_start_at": None, "ban_area": "", "ban_extension_end_at": None, "appeal_against_order_pending": False,
    }
    return {**case, **changes}


def _facts(case=None, history=(), today=DAY, params=PARAMS):
    return facts_from_case(case or _case(), list(history), params, today)


def test_every_vocabulary_fact_is_present_and_the_checker_accepts_them():
    facts = _facts()
    assert set(facts) == set(BOOK.index("woonoverlast").facts)
    assert facts["incidents_counted_count"] == 3 and facts["earlier_warnings_count"] == 1
    assert facts["gebruiker_age_years"] == 35 and facts["dwelling_let"] and facts["landlord_means_recorded"]


def test_incidents_are_sorted_and_an_unreadable_moment_is_refused():
    with pytest.raises(FactsRejected) as refused:
        _facts(_case(incidents=[_incident("gisteren")]))
    assert "incidents.0.at" in refused.value.errors
    with pytest.raises(FactsRejected):
        _facts(_case(incidents=[]))


def test_the_window_runs_back_from_the_latest_incident_inclusive():
    six_months = [_incident("2025-08-20T10:00:00+02:00"), _incident("2025-08-19T10:00:00+02:00"),
                  _incident("2026-02-20T10:00:00+01:00")]
    assert _facts(_case(incidents=six_months))["incidents_counted_count"] == 2


def test_incidents_beyond_the_immediate_vicinity_do_not_count():
    near = [_incident("2026-02-20T10:00:00+01:00", origin="onmiddellijke_nabijheid", distance=100),
            _incident("2026-02-19T10:00:00+01:00", origin="onmiddellijke_nabijheid", distance=101),
            _incident("2026-02-18T10:00:00+01:00", origin="elders")]
    facts = _facts(_case(incidents=near))
    assert facts["incidents_counted_count"] == 1 and facts["unlinked_incident_present"]


def test_an_undated_warning_does_not_count_and_asks_for_its_date():
    means = [{"kind": "waarschuwing", "date": None, "outcome": "mislukt", "reason": ""}]
    facts = _facts(_case(softer_means=means))
    assert facts["earlier_warnings_count"] == 0 and facts["warning_undated_present"]
    later = [{"kind": "waarschuwing", "date": "2026-03-01", "outcome": "mislukt", "reason": ""}]
    assert _facts(_case(softer_means=later))["earlier_warnings_count"] == 0  # not given yet on the decision day


def test_a_warning_of_another_zaak_counts_unless_it_was_revoked_or_another_person():
    warned = {"kind": "waarschuwing", "date": date(2025, 11, 1), "letter_date": date(2025, 11, 10)}
    means = [{"kind": "gesprek", "date": "2025-12-15", "outcome": "mislukt", "reason": ""}]
    assert _facts(_case(softer_means=means), [warned])["earlier_warnings_count"] == 1
    assert _facts(_case(softer_means=means), [{**warned, "revoked": "ingetrokken"}])["earlier_warnings_count"] == 0
    assert _facts(_case(softer_means=means), [{**warned, "same_person": False}])["earlier_warnings_count"] == 0


def test_a_reason_is_needed_for_a_means_not_tried():
    means = [{"kind": "buurtbemiddeling", "date": None, "outcome": "niet_geprobeerd", "reason": " "}]
    assert _facts(_case(softer_means=means))["softer_means_reason_missing"]


def test_ban_ends_at_the_same_clock_time_ten_days_later_without_atw():
    start = datetime(2025, 4, 18, 14, 0, tzinfo=AMSTERDAM)  # Good Friday; Easter and Koningsdag in between
    assert ban_end(start, PARAMS) == datetime(2025, 4, 28, 14, 0, tzinfo=AMSTERDAM)
    summer = datetime(2026, 3, 27, 20, 0, tzinfo=AMSTERDAM)  # summer time starts on 29 March
    assert ban_end(summer, PARAMS).hour == 20 and ban_end(summer, PARAMS).day == 6
    assert klokdagen(start, datetime(2025, 5, 16, 14, 0, tzinfo=AMSTERDAM)) == 28


def test_the_age_for_the_ban_is_taken_on_the_day_it_starts():
    case = _case(gebruiker={"naam": "J. Jong", "geboortedatum": "2008-03-01"},
                 ban_start_at="2026-02-28T23:59:00+01:00")
    assert _facts(case)["gebruiker_age_years"] == 17
    assert _facts({**case, "ban_start_at": "2026-03-01T00:00:00+01:00"})["gebruiker_age_years"] == 18
    unknown = _facts(_case(addressee_role="verhuurder", gebruiker={"naam": "J. Jong", "geboortedatum": ""}))
    assert unknown["gebruiker_age_known"] is False and unknown["gebruiker_age_years"] == 0
    with pytest.raises(FactsRejected):
        _facts(_case(gebruiker={"naam": "J. Jong", "geboortedatum": "1-2-1990"}))


def test_an_extension_after_the_end_day_is_flagged_and_on_the_end_day_it_is_not():
    case = _case(ban_start_at="2025-04-18T14:00:00+02:00", ban_extension_end_at="2025-05-10T14:00:00+02:00")
    params = BOOK.parameters_for("woonoverlast", date(2025, 4, 17))
    assert not _facts(case, today=date(2025, 4, 28), params=params)["ban_extension_after_end"]
    late = _facts(case, today=date(2025, 4, 29), params=params)
    assert late["ban_extension_after_end"] and not late["ban_running"]


def test_breaches_need_an_instruction_code_and_are_counted_per_day():
    case = _case(incidents=[_incident("2026-04-10T23:00:00+02:00", instruction="A1"),
                            _incident("2026-04-10T23:40:00+02:00", instruction="A1"),
                            _incident("2026-04-11T23:00:00+02:00", instruction=None),
                            _incident("2026-04-12T23:00:00+02:00", instruction="A1", established=False)])
    assert breaches(case, PARAMS) == (date(2026, 4, 10),)
    per_observation = {**PARAMS, "telwijze_overtredingen": replace(PARAMS["telwijze_overtredingen"],
                                                                        value="per_constatering")}
    assert breaches(case, per_observation) == (date(2026, 4, 10), date(2026, 4, 10))


def test_a_running_order_of_the_same_addressee_blocks_and_one_to_the_landlord_does_not():
    order = {"kind": "last_onder_dwangsom", "date": date(2026, 1, 5), "letter_date": date(2026, 1, 10)}
    assert _facts(history=[order])["running_order"] and _facts(history=[order])["running_dwangsom_order"]
    other = {**order, "object": {"addressee_role": "verhuurder"}}
    assert not _facts(history=[other])["running_order"]
    ended = {**order, "vervaldatum": date(2026, 2, 1)}
    facts = _facts(history=[ended])
    assert not facts["running_order"] and facts["nuisance_after_measure"]


def test_an_established_incident_without_code_during_an_order_is_flagged():
    order = {"kind": "last_onder_dwangsom", "date": date(2026, 1, 5), "letter_date": date(2026, 1, 10)}
    facts = _facts(_case(incidents=[_incident("2026-02-20T22:00:00+01:00")]), [order])
    assert facts["breach_instruction_missing"] and not facts["breach_present"]


def test_breaches_older_than_a_year_are_time_barred():
    case = _case(incidents=[_incident("2025-02-19T22:00:00+01:00", instruction="A1")])
    assert _facts(case, today=date(2026, 2, 20))["breaches_time_barred"]
    assert not _facts(case, today=date(2026, 2, 19))["breaches_time_barred"]


def test_no_neighbour_names_reach_the_facts():
    case = _case(incidents=[{**_incident("2026-02-20T22:00:00+01:00"), "description": "Melding van P. Buurman"}])
    facts = _facts(case)
    assert not any("Buurman" in str(v) for v in facts.values())
    assert all(isinstance(v, bool | int | float | str) for v in facts.values())


def test_joins_adds_new_incidents_once_appends_means_and_keeps_stored_values():
    old = _case()
    new = _case(incidents=[_incident("2026-02-20T21:45:00+00:00", kenmerk="C"),  # the same moment in UTC
                           _incident("2026-03-01T22:00:00+01:00", kenmerk="D"),
                           _incident("2026-03-01T22:00:00+01:00", kenmerk="D")],
                softer_means=[{"kind": "mediation", "date": "2026-02-25", "outcome": "geweigerd", "reason": ""}],
                vulnerability="Verslaving", addressee_role="verhuurder")
    merged = joins(old, new)
    assert [i["source_kenmerk"] for i in merged["incidents"]] == ["C", "A", "B", "D"]
    assert [m["kind"] for m in merged["softer_means"]][-1] == "mediation" and len(merged["softer_means"]) == 4
    assert merged["addressee_role"] == "gebruiker" and merged["vulnerability"] == "Verslaving"
    assert old["incidents"][0]["source_kenmerk"] == "C" and len(old["incidents"]) == 3  # pure
