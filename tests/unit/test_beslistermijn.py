"""The decision period of an application: statutory or Awb 4:13 term, capped suspensions (Wet Bibob art. 31),
open suspensions counted to today, verdaging (Awb 4:14) and the Algemene termijnenwet on the last day."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.beslistermijn import Opschorting, TermijnAanvraag, beslistermijn, stand
from app.domain.deadlines import Calendar

STATUTE = Calendar({year: frozenset() for year in range(2020, 2031)})
LBB = "advies Landelijk Bureau Bibob gevraagd (art. 31 Wet Bibob)"
EIGHT_WEEKS = 8 * 7


def test_without_a_statutory_term_the_body_has_eight_weeks():
    termijn = beslistermijn(TermijnAanvraag(date(2025, 3, 3)), date(2025, 3, 10), STATUTE)
    assert (termijn.einde, termijn.termijn_weken, termijn.wettelijk) == (date(2025, 4, 28), 8, False)
    assert termijn.einde_zonder_opschorting == termijn.einde
    assert any("art. 4:13 lid 2 Awb" in line for line in termijn.uitleg)


def test_the_lbb_suspension_is_capped_at_eight_weeks_not_the_eighty_days_the_advice_took():
    """bibob.md §5.2: requested 1 March, received 20 May, no data requests, no extension: +56 days, not 80."""
    advies = Opschorting(date(2025, 3, 1), date(2025, 5, 20), LBB, cap_dagen=EIGHT_WEEKS)
    aanvraag = TermijnAanvraag(date(2025, 2, 3), 8, (advies,), grondslag="art. 2:28 APV")
    termijn = beslistermijn(aanvraag, date(2025, 6, 1), STATUTE)
    (applied,) = termijn.opschortingen
    assert (applied.duur, applied.dagen, applied.loopt) == (80, 56, False)
    assert termijn.einde_zonder_opschorting == date(2025, 3, 31)
    assert termijn.einde == date(2025, 5, 26)
    assert "80 dagen, maar hoogstens 56 dagen" in " ".join(termijn.uitleg)
    assert "Wettelijke beslistermijn: 8 weken (art. 2:28 APV)." in termijn.uitleg


def test_data_requests_and_the_extension_raise_the_cap_the_power_supplies():
    cap = EIGHT_WEEKS + 10 + 4 * 7  # a data request of 10 days and the one-off extension of 4 weeks
    advies = Opschorting(date(2025, 3, 1), date(2025, 5, 20), LBB, cap_dagen=cap)
    termijn = beslistermijn(TermijnAanvraag(date(2025, 2, 3), 8, (advies,)), date(2025, 6, 1), STATUTE)
    assert termijn.opschortingen[0].dagen == 80  # under the cap of 94: the whole period counts
    assert termijn.einde == date(2025, 6, 19)


def test_an_open_suspension_counts_up_to_today_and_never_past_its_cap():
    advies = Opschorting(date(2025, 3, 1), None, LBB, cap_dagen=EIGHT_WEEKS)
    aanvraag = TermijnAanvraag(date(2025, 2, 3), 8, (advies,))
    early = beslistermijn(aanvraag, date(2025, 3, 15), STATUTE)
    assert early.opgeschort and early.opschortingen[0].dagen == 14 and early.einde == date(2025, 4, 14)
    assert any("loopt nog" in line for line in early.uitleg)
    late = beslistermijn(aanvraag, date(2025, 7, 1), STATUTE)
    assert late.opschortingen[0].dagen == EIGHT_WEEKS and late.einde == date(2025, 5, 26)


def test_a_day_under_two_suspensions_counts_once():
    herstel = Opschorting(date(2025, 3, 1), date(2025, 3, 11), "aanvulling gevraagd (art. 4:15 Awb)")
    advies = Opschorting(date(2025, 3, 6), date(2025, 3, 16), LBB, cap_dagen=EIGHT_WEEKS)
    termijn = beslistermijn(TermijnAanvraag(date(2025, 2, 3), 8, (advies, herstel)), date(2025, 4, 1), STATUTE)
    assert [o.dagen for o in termijn.opschortingen] == [10, 5]
    assert termijn.einde == date(2025, 4, 15)
    assert "5 dagen vielen al onder een andere opschorting" in " ".join(termijn.uitleg)


def test_a_suspension_that_begins_after_the_term_ended_suspends_nothing():
    advies = Opschorting(date(2025, 4, 2), date(2025, 4, 20), LBB, cap_dagen=EIGHT_WEEKS)
    termijn = beslistermijn(TermijnAanvraag(date(2025, 2, 3), 8, (advies,)), date(2025, 5, 1), STATUTE)
    assert termijn.opschortingen[0].te_laat and termijn.einde == date(2025, 3, 31)


def test_a_verdaging_notified_within_the_term_adds_its_weeks_one_notified_late_does_not():
    on_time = TermijnAanvraag(date(2025, 3, 3), 8, verdaging_weken=4, verdaging_gemeld_op=date(2025, 4, 20))
    assert beslistermijn(on_time, date(2025, 4, 21), STATUTE).einde == date(2025, 5, 26)
    late = TermijnAanvraag(date(2025, 3, 3), 8, verdaging_weken=4, verdaging_gemeld_op=date(2025, 4, 30))
    termijn = beslistermijn(late, date(2025, 5, 1), STATUTE)
    assert termijn.einde == date(2025, 4, 28) and termijn.verdaging_weken == 0
    assert any("verlengt de termijn niet" in line for line in termijn.uitleg)


def test_a_last_day_on_a_saturday_moves_to_monday_under_the_termijnenwet():
    termijn = beslistermijn(TermijnAanvraag(date(2025, 3, 15), 8), date(2025, 3, 20), STATUTE)
    assert termijn.einde == date(2025, 5, 12)  # Saturday 10 May -> Monday 12 May
    assert any("zaterdag 10-05-2025" in line and "Algemene termijnenwet" in line for line in termijn.uitleg)


def test_bevrijdingsdag_moves_the_last_day_once_more():
    assert beslistermijn(TermijnAanvraag(date(2025, 3, 8), 8), date(2025, 3, 9), STATUTE).einde == date(2025, 5, 6)


def test_a_term_of_more_than_twelve_weeks_is_not_moved():
    """Atw art. 4 lid 1 onder a."""
    termijn = beslistermijn(TermijnAanvraag(date(2025, 3, 15), 26), date(2025, 3, 20), STATUTE)
    assert termijn.einde == date(2025, 9, 13) and termijn.einde.weekday() == 5


def test_the_state_warns_in_the_last_days_and_once_passed():
    termijn = beslistermijn(TermijnAanvraag(date(2025, 3, 3)), date(2025, 3, 10), STATUTE)
    assert stand(termijn, date(2025, 4, 1), 14) == "loopt"
    assert stand(termijn, date(2025, 4, 14), 14) == "bijna"
    assert stand(termijn, date(2025, 4, 28), 14) == "bijna"
    assert stand(termijn, date(2025, 4, 29), 14) == "verstreken"


def test_a_term_of_no_weeks_is_refused():
    with pytest.raises(ValueError, match="at least one week"):
        beslistermijn(TermijnAanvraag(date(2025, 3, 3), 0), date(2025, 3, 10), STATUTE)
