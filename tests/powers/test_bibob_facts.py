"""Bibob: the flat fact from a case file. Counted and dated, never judged: a vrijspraak is left out (art. 3a), an
earlier advice is usable for five years up to the decision date (art. 29), the art. 31 cap is 8 weeks plus data
requests plus at most 4 weeks, and the body on file is checked against the permit type."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.errors import FactsRejected
from app.powers.bibob.facts import facts_from_case
from app.rules_engine import RulesEngine
from tests.powers.bibob_support import BOOK, DAY, NO_ADVICE, case_file, params


def _facts(on: date = DAY, **changes):
    return facts_from_case(case_file(**changes), [], params(on), on)


def test_every_fact_of_the_vocabulary_is_there_and_the_engine_takes_it():
    found = _facts()
    assert set(found) == set(BOOK.index("bibob").facts)
    assert RulesEngine(BOOK).evaluate("bibob", found, DAY).bevoegdheid == "judgement_required"


def test_an_acquittal_is_left_out_a_sepot_counts_and_another_persons_fact_runs_through_lid_4():
    acquitted = _facts(facts_3a=[{"kind": "vrijspraak", "date": "2024-01-01", "offence": "Heling", "person": ""}])
    assert (acquitted["facts_3a_usable_present"], acquitted["vrijspraak_present"]) == (False, True)
    other = _facts(facts_3a=[{"kind": "sepot", "date": "2025-01-01", "offence": "Witwassen",
                              "person": "  f. proefgeld "}, {"kind": "veroordeling", "date": "2024-01-01",
                                                            "offence": "Oplichting", "person": "Proefhoek B.V."}])
    assert other["facts_3a_usable_present"] and other["sepot_present"] and other["facts_via_related_person"]
    own = _facts(facts_3a=[{"kind": "veroordeling", "date": "2024-01-01", "offence": "X", "person": "proefhoek b.v."}])
    assert own["facts_via_related_person"] is False


@pytest.mark.parametrize(("advised", "usable"), [("2021-03-16", True), ("2021-03-15", False)])
def test_an_earlier_advice_is_reusable_for_five_years_up_to_the_decision_date(advised, usable):
    found = _facts(reused_advice={"date": advised, "conclusion": "mindere_mate", "still_current": True})
    assert found["reused_advice_present"] and found["reused_advice_within_term"] is usable


def test_the_suspension_is_capped_by_article_31_and_a_data_request_raises_the_cap():
    asked = {**NO_ADVICE, "requested_on": "2026-03-01", "betrokkene_informed_on": "2026-03-02",
             "received_on": "2026-05-20", "conclusion": "ernstig_gevaar_b", "advice_date": "2026-05-19"}
    on = date(2026, 5, 25)
    assert _facts(on, lbb=asked)["lbb_suspension_capped"] is True  # 80 days > 56
    with_data = {**asked, "data_requests": [{"from": "2026-03-10", "to": "2026-04-09"}]}
    assert _facts(on, lbb=with_data)["lbb_suspension_capped"] is False  # 80 <= 56 + 30
    extended = {**asked, "extension": {"weeks": 6, "notified_on": "2026-04-20"}}
    found = _facts(on, lbb=extended)
    assert found["lbb_suspension_capped"] is False and found["lbb_extension_weeks"] == 6  # 80 <= 56 + 28


def test_a_decline_is_no_advice():
    declined = {**NO_ADVICE, "requested_on": "2026-02-01", "received_on": "2026-03-01", "declined": True}
    found = _facts(lbb=declined)
    assert (found["lbb_received"], found["lbb_declined"], found["lbb_conclusion"]) == (False, True, "onbekend")


@pytest.mark.parametrize(("kind", "body", "check", "covered"), [
    ("exploitatievergunning_horeca", "burgemeester", "klopt", True),
    ("omgevingsvergunning", "burgemeester", "wijkt_af", True),
    ("omgevingsvergunning", "college", "klopt", True),
    ("overig", "college", "onbekend", False),
])
def test_the_body_on_file_is_checked_against_the_permit_type(kind, body, check, covered):
    application = case_file()["application"] | {"permit_type": kind, "competent_body": body}
    found = _facts(application=application)
    assert (found["competent_body_check"], found["permit_in_scope"]) == (check, covered)


def test_the_herstel_period_has_passed_only_after_its_last_day():
    changes = {"bibob_form": {"received": True, "complete": False, "missing": ["Vermogen"],
                              "herstel_requested_on": "2026-03-01"}, "hersteltermijn_until": "2026-03-16"}
    assert _facts(date(2026, 3, 16), **changes)["hersteltermijn_expired"] is False
    assert _facts(date(2026, 3, 17), **changes)["hersteltermijn_expired"] is True


def test_a_condition_code_outside_the_standard_list_is_flagged():
    assert _facts(conditions=[{"code": "geen_contante_financiering", "text": ""}])["conditions_code_unknown"] is False
    own = [{"code": "eigen", "text": "Geen terras na 22.00 uur."}]
    assert _facts(conditions=own)["conditions_code_unknown"] is False
    assert _facts(conditions=[{"code": "verzonnen_code", "text": ""}])["conditions_code_unknown"] is True


def test_a_third_party_without_his_own_part_is_flagged():
    party = {"name": "F. Proefgeld", "straat": "Proefweg", "huisnummer": "2", "postcode": "6200 ZZ",
             "woonplaats": "Maastricht", "land": "NL", "part_of_advice": "", "use_reason": ""}
    found = _facts(third_parties=[party])
    assert found["third_parties_present"] and found["third_party_part_missing"]


def test_contradicting_parts_are_refused_in_dutch():
    with pytest.raises(FactsRejected) as exc:
        _facts(permit_breach={"date": "2026-02-01", "description": "x"})
    assert "verleende vergunning" in exc.value.errors["permit_breach"]
    with pytest.raises(FactsRejected) as exc:
        _facts(application=case_file()["application"] | {"permit_type": "kermis"})
    assert exc.value.errors == {"application.permit_type": "Kies de soort vergunning."}
    with pytest.raises(FactsRejected):
        _facts(lbb={**NO_ADVICE, "requested_on": "gisteren"})
