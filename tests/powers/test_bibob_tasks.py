"""Bibob: "Nog te doen" on the case page. The art. 32 notice is overdue after `mededeling_art_32_dagen`, a
withdrawn application asks to close the zaak and, when suspected to be because of Bibob, for the art. 7a lid 8
report; own investigation near the end of the decision period prompts a verdaging (Awb 4:14)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from app.powers.bibob.tasks import tasks
from tests.powers.bibob_support import NO_ADVICE, case_file, params

ASKED = {**NO_ADVICE, "requested_on": "2026-03-02"}


def _at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 11, 0, tzinfo=UTC)


def _codes(found) -> list[str]:
    return [t.code for t in found]


def test_notice_is_overdue_after_the_set_days():
    early = tasks(case_file(lbb=ASKED), params(), _at(date(2026, 3, 9)))
    assert _codes(early) == ["mededeling_art_32"] and not early[0].overdue
    assert early[0].due.date() == date(2026, 3, 9)  # seven days, design default
    late = tasks(case_file(lbb=ASKED), params(), _at(date(2026, 3, 10)))
    assert late[0].overdue and "art. 32" in late[0].text
    told = {**ASKED, "betrokkene_informed_on": "2026-03-03"}
    assert "mededeling_art_32" not in _codes(tasks(case_file(lbb=told), params(), _at(date(2026, 3, 10))))


def test_withdrawn_application_asks_for_the_7a_lid_8_report():
    withdrawn = {"withdrawn_on": "2026-03-05", "suspected_because_of_bibob": True, "reported_to_lbb_on": None}
    found = tasks(case_file(application_withdrawn=withdrawn), params(), _at(date(2026, 3, 6)))
    assert _codes(found) == ["melding_lbb_7a_lid_8", "zaak_afsluiten"]
    assert "Aanvraag ingetrokken door de aanvrager" in found[1].text
    reported = {**withdrawn, "reported_to_lbb_on": "2026-03-06"}
    assert _codes(tasks(case_file(application_withdrawn=reported), params(), _at(date(2026, 3, 7)))) == \
        ["zaak_afsluiten"]
    unsuspected = {**withdrawn, "suspected_because_of_bibob": False}
    assert _codes(tasks(case_file(application_withdrawn=unsuspected), params(), _at(date(2026, 3, 6)))) == \
        ["zaak_afsluiten"]


def test_verdaging_is_prompted_near_the_end():
    """Received 5 January with 8 weeks: the period ends 2 March; own investigation suspends nothing."""
    case = case_file(lbb=NO_ADVICE)
    assert "verdaging_overwegen" not in _codes(tasks(case, params(), _at(date(2026, 2, 10))))
    found = [t for t in tasks(case, params(), _at(date(2026, 2, 20))) if t.code == "verdaging_overwegen"]
    assert found and found[0].due.date() == date(2026, 3, 2) and not found[0].overdue
    verdaagd = case_file(lbb=NO_ADVICE, extension_4_14={"weeks": 4, "notified_on": "2026-02-18"})
    assert "verdaging_overwegen" not in _codes(tasks(verdaagd, params(), _at(date(2026, 2, 20))))
    asked = case_file(lbb=ASKED)
    assert "verdaging_overwegen" not in _codes(tasks(asked, params(), _at(date(2026, 2, 27))))


def test_the_decision_not_to_process_follows_within_four_weeks_of_the_herstel_period():
    form = {"received": True, "complete": False, "missing": ["Vermogen"], "herstel_requested_on": "2026-02-01",
            "completed_on": None}
    case = case_file(lbb=NO_ADVICE, bibob_form=form, hersteltermijn_until="2026-02-15")
    assert "buiten_behandeling_besluiten" not in _codes(tasks(case, params(), _at(date(2026, 2, 15))))
    found = next(t for t in tasks(case, params(), _at(date(2026, 3, 16))) if t.code == "buiten_behandeling_besluiten")
    assert found.due.date() == date(2026, 3, 15) and found.overdue
