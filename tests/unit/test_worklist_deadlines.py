"""The deadlines overview as pure functions over what the stored beslissingen and dispatch records hold."""

from __future__ import annotations

from datetime import UTC, date, datetime

from app.domain.deadlines import AMSTERDAM
from app.domain.worklists import (
    BEGUNSTIGING,
    BEZWAAR,
    EINDE_MAATREGEL,
    TAAK,
    ZIENSWIJZE,
    DecisionFacts,
    TaskFacts,
    decision_deadlines,
    expiring_within,
    overview,
    task_deadlines,
)

NOW = datetime(2026, 12, 6, 10, 0, tzinfo=AMSTERDAM)


def voornemen(**kw) -> DecisionFacts:
    base = {"id": 1, "zaak_id": 10, "soort": "voornemen_sluiting", "label": "Voornemen tot sluiting",
            "announces": "sluiting", "ends": None, "revoked": False, "zienswijze_tot": date(2026, 12, 10)}
    return DecisionFacts(**{**base, **kw})


def sluiting(**kw) -> DecisionFacts:
    base = {"id": 2, "zaak_id": 10, "soort": "sluiting", "label": "Sluiting", "announces": None, "ends": None,
            "revoked": False, "begunstigingstermijn_tot": date(2026, 12, 20), "vervaldatum": date(2027, 3, 20),
            "remedy_dates": (date(2027, 1, 14), date(2027, 1, 18))}
    return DecisionFacts(**{**base, **kw})


def kinds(deadlines) -> dict[str, date]:
    return {d.kind: d.day for d in deadlines}


def test_a_voornemen_sets_the_zienswijze_term_running_until_the_besluit_is_taken():
    assert kinds(decision_deadlines([voornemen()])) == {ZIENSWIJZE: date(2026, 12, 10)}
    found = kinds(decision_deadlines([voornemen(), sluiting()]))
    assert ZIENSWIJZE not in found
    assert found == {BEGUNSTIGING: date(2026, 12, 20), BEZWAAR: date(2027, 1, 18), EINDE_MAATREGEL: date(2027, 3, 19)}


def test_a_term_that_runs_from_sending_counts_only_once_the_letter_was_sent():
    assert decision_deadlines([voornemen(sent=False)]) == []  # approved, never sent: no zienswijze term runs
    found = kinds(decision_deadlines([sluiting(sent=False, remedy_dates=())]))
    assert BEGUNSTIGING not in found and found == {EINDE_MAATREGEL: date(2027, 3, 19)}


def test_the_objection_period_runs_until_the_last_recipient_can_object():
    assert kinds(decision_deadlines([sluiting(remedy_dates=(date(2027, 1, 18), date(2027, 1, 14)))]))[BEZWAAR] == \
        date(2027, 1, 18)
    assert BEZWAAR not in kinds(decision_deadlines([sluiting(remedy_dates=())]))  # not sent yet: no period


def test_a_revoked_decision_sets_nothing_running():
    assert decision_deadlines([sluiting(revoked=True)]) == []


def test_a_huisverbod_ends_at_its_moment_an_extension_moves_it_and_a_withdrawal_ends_the_notice():
    order = DecisionFacts(id=5, zaak_id=11, soort="huisverbod", label="Tijdelijk huisverbod", announces=None,
                          ends=None, revoked=False, einde_at=datetime(2026, 12, 14, 22, 40, tzinfo=UTC))
    extension = DecisionFacts(id=6, zaak_id=11, soort="verlenging_huisverbod", label="Verlenging", announces=None,
                              ends=None, revoked=False, einde_at=datetime(2027, 1, 1, 22, 40, tzinfo=UTC))
    (end,) = decision_deadlines([order])
    assert end.moment == datetime(2026, 12, 14, 23, 40, tzinfo=AMSTERDAM) and end.day == date(2026, 12, 14)
    (later,) = decision_deadlines([order, extension])
    assert later.day == date(2027, 1, 1)
    withdrawal = DecisionFacts(id=7, zaak_id=11, soort="intrekking_huisverbod", label="Intrekking", announces=None,
                               ends="huisverbod", revoked=False)
    assert decision_deadlines([order, withdrawal]) == []


def test_overview_sorts_what_expires_first_and_marks_expired_ones():
    task = TaskFacts(12, "bereikbaarheid", "Bereikbaarheid opgeven", datetime(2026, 12, 5, 23, 40, tzinfo=AMSTERDAM))
    rows = overview(decision_deadlines([voornemen(), sluiting(id=3, zaak_id=13)]) + task_deadlines([task]), NOW)
    assert [(d.kind, expired) for d, expired in rows] == [
        (TAAK, True), (ZIENSWIJZE, False), (BEGUNSTIGING, False), (BEZWAAR, False), (EINDE_MAATREGEL, False)]


def test_a_dated_term_runs_to_the_end_of_its_last_day_and_old_expired_ones_drop_out():
    (today,) = decision_deadlines([voornemen(zienswijze_tot=date(2026, 12, 6))])
    assert not today.expired(NOW) and today.expired(datetime(2026, 12, 7, 0, 0, tzinfo=AMSTERDAM))
    old = decision_deadlines([voornemen(zienswijze_tot=date(2026, 10, 1))])
    assert overview(old, NOW) == []


def test_expiring_within_takes_open_deadlines_up_to_the_horizon_only():
    deadlines = decision_deadlines([voornemen(), sluiting(id=3, zaak_id=13)])
    assert [d.kind for d in expiring_within(deadlines, NOW, 4)] == [ZIENSWIJZE]
    assert expiring_within(deadlines, NOW, 3) == []
    assert expiring_within(decision_deadlines([voornemen(zienswijze_tot=date(2026, 12, 5))]), NOW, 3) == []


def test_each_deadline_has_a_stable_key_that_changes_when_its_date_does():
    first = decision_deadlines([voornemen()])[0].key
    assert first == decision_deadlines([voornemen()])[0].key
    assert first != decision_deadlines([voornemen(zienswijze_tot=date(2026, 12, 11))])[0].key
