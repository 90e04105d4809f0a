"""Timeliness of a bezwaar (Awb 6:7-6:11) and the decision term on it (Awb 7:10), with the Atw calendar."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.bezwaar import beslistermijn, check_beslissing, check_verdaging, tijdigheid
from app.domain.deadlines import Calendar
from app.domain.errors import InvalidInput

STATUTE = Calendar({year: frozenset() for year in range(2020, 2031)})


def _refused(call) -> str:
    with pytest.raises(InvalidInput) as refused:
        call()
    return " ".join(refused.value.errors.values())


def _verdict(sent: date, received: date, wijze: str = "digitaal", posted: date | None = None) -> str:
    return tijdigheid(sent, sent, received, wijze, posted, 6, STATUTE).oordeel


def test_received_on_the_last_day_is_on_time_and_the_day_after_is_late():
    # Mon 3 Mar 2025: the period ends Mon 14 Apr 2025 (awb-procedure.md §6.4)
    assert _verdict(date(2025, 3, 3), date(2025, 4, 14)) == "tijdig"
    assert _verdict(date(2025, 3, 3), date(2025, 4, 15)) == "te_laat"


def test_the_period_moves_past_easter_under_the_termijnenwet():
    # Fri 7 Mar 2025: nominal Fri 18 Apr (Goede Vrijdag), shifted to Tue 22 Apr 2025
    verdict = tijdigheid(date(2025, 3, 7), date(2025, 3, 7), date(2025, 4, 22), "digitaal", None, 6, STATUTE)
    assert verdict.termijn.end_date == date(2025, 4, 22) and verdict.oordeel == "tijdig"
    assert "Goede vrijdag" in verdict.termijn.shifted_reason
    assert _verdict(date(2025, 3, 7), date(2025, 4, 23)) == "te_laat"


def test_koningsdag_on_a_weekday_moves_the_last_day():
    assert _verdict(date(2026, 3, 16), date(2026, 4, 28)) == "tijdig"


def test_posted_in_time_and_received_within_a_week_is_on_time_6_9_lid_2():
    sent = date(2025, 3, 3)  # ends Mon 14 Apr; a week after: Mon 21 Apr is Tweede Paasdag, so Tue 22 Apr
    assert _verdict(sent, date(2025, 4, 22), "post", date(2025, 4, 14)) == "tijdig_per_post"
    assert _verdict(sent, date(2025, 4, 23), "post", date(2025, 4, 14)) == "te_laat"
    assert _verdict(sent, date(2025, 4, 17), "post", date(2025, 4, 15)) == "te_laat"  # posted too late
    assert _verdict(sent, date(2025, 4, 17), "digitaal") == "te_laat"  # the week is for post only


def test_a_posted_bezwaar_needs_its_postmark_and_cannot_be_posted_after_receipt():
    with pytest.raises(InvalidInput) as missing:
        _verdict(date(2025, 3, 3), date(2025, 4, 1), "post")
    assert "gepost_op" in missing.value.errors
    with pytest.raises(InvalidInput):
        _verdict(date(2025, 3, 3), date(2025, 4, 1), "post", date(2025, 4, 2))


def test_premature_filing_after_the_decision_is_not_inadmissible_6_10():
    verdict = tijdigheid(date(2025, 3, 1), date(2025, 3, 3), date(2025, 3, 2), "persoonlijk", None, 6, STATUTE)
    assert verdict.oordeel == "prematuur" and verdict.tijdig and "6:10" in verdict.tekst
    before = tijdigheid(date(2025, 3, 1), date(2025, 3, 3), date(2025, 2, 27), "persoonlijk", None, 6, STATUTE)
    assert before.oordeel == "voor_besluit" and not before.tijdig


def test_every_verdict_names_its_article_in_dutch():
    late = tijdigheid(date(2025, 3, 3), date(2025, 3, 3), date(2025, 5, 1), "digitaal", None, 6, STATUTE)
    assert not late.tijdig and "Awb 6:11" in late.tekst and late.tekst.startswith("Te laat")


def test_the_decision_term_is_six_weeks_or_twelve_with_a_committee_from_the_day_after_the_period():
    # objection period ended Mon 14 Apr 2025; six weeks later is Mon 26 May 2025
    six = beslistermijn(date(2025, 4, 14), commissie=False, verdaagd=False, uitstel_tot=None, calendar=STATUTE)
    assert six.start_date == date(2025, 4, 15) and six.einde == date(2025, 5, 26)
    twelve = beslistermijn(date(2025, 4, 14), commissie=True, verdaagd=False, uitstel_tot=None, calendar=STATUTE)
    assert twelve.einde == date(2025, 7, 7)


def test_the_decision_term_moves_past_a_holiday_and_a_postponement_adds_six_weeks():
    # period ended Thu 27 Mar 2025: six weeks is Thu 8 May; from Thu 3 Apr 2025: Thu 15 May. Hemelvaart 2026:
    # ended Thu 2 Apr 2026 -> Thu 14 May 2026 is Hemelvaartsdag -> Fri 15 May 2026
    term = beslistermijn(date(2026, 4, 2), commissie=False, verdaagd=False, uitstel_tot=None, calendar=STATUTE)
    assert term.wettelijk.nominal_end_date == date(2026, 5, 14) and term.einde == date(2026, 5, 15)
    postponed = beslistermijn(date(2026, 4, 2), commissie=False, verdaagd=True, uitstel_tot=None, calendar=STATUTE)
    assert postponed.einde == date(2026, 6, 26)
    # twelve weeks plus six from 13 Nov 2025 runs over Christmas: 12 weeks -> Thu 5 Feb 2026, +6 -> Thu 19 Mar
    long = beslistermijn(date(2025, 11, 13), commissie=True, verdaagd=True, uitstel_tot=None, calendar=STATUTE)
    assert long.wettelijk.end_date == date(2026, 2, 5) and long.einde == date(2026, 3, 19)


def test_christmas_shifts_a_six_week_decision_term():
    term = beslistermijn(date(2025, 11, 13), commissie=False, verdaagd=False, uitstel_tot=None, calendar=STATUTE)
    assert term.wettelijk.nominal_end_date == date(2025, 12, 25) and term.einde == date(2025, 12, 29)


def test_the_term_warns_a_week_before_and_says_when_it_has_passed():
    term = beslistermijn(date(2025, 4, 14), commissie=False, verdaagd=False, uitstel_tot=None, calendar=STATUTE)
    assert term.stand(date(2025, 5, 18)) == "loopt"
    assert term.stand(date(2025, 5, 19)) == "bijna" and term.stand(date(2025, 5, 26)) == "bijna"
    assert term.stand(date(2025, 5, 27)) == "verstreken"


def test_agreed_further_delay_must_end_after_the_current_term_and_postponing_is_once_and_in_time():
    with pytest.raises(InvalidInput):
        beslistermijn(date(2025, 4, 14), commissie=False, verdaagd=False, uitstel_tot=date(2025, 5, 26),
                      calendar=STATUTE)
    delayed = beslistermijn(date(2025, 4, 14), False, True, date(2025, 8, 1), STATUTE)
    assert delayed.einde == date(2025, 8, 1)
    term = beslistermijn(date(2025, 4, 14), False, False, None, STATUTE)
    check_verdaging(term, date(2025, 5, 26))
    with pytest.raises(InvalidInput) as late:
        check_verdaging(term, date(2025, 5, 27))
    assert "7:10 lid 3" in late.value.errors["verdaagd_op"]
    with pytest.raises(InvalidInput) as twice:
        check_verdaging(beslistermijn(date(2025, 4, 14), False, True, None, STATUTE), date(2025, 5, 1))
    assert "al verdaagd" in twice.value.errors["verdaagd_op"]


def test_a_decision_answers_every_ground_and_a_late_unexcused_bezwaar_is_inadmissible():
    grounds = [{"grond": "Geen drugs gevonden", "reactie": "Het proces-verbaal noemt 35 gram."}]
    check_beslissing("ongegrond", True, None, grounds)
    assert "elke grond" in _refused(lambda: check_beslissing("ongegrond", True, None, [{"grond": "Te zwaar",
                                                                                         "reactie": " "}]))
    assert "6:11" in _refused(lambda: check_beslissing("ongegrond", False, None, grounds))
    assert "niet-ontvankelijk" in _refused(lambda: check_beslissing("gegrond", False, False, grounds))
    check_beslissing("niet_ontvankelijk", False, False, [])
    check_beslissing("gegrond", False, True, grounds)  # excused under 6:11: decided on the merits
