"""'Today' is the Dutch calendar day, not the server's UTC day: between midnight and 01:00 UTC in winter the
Netherlands is already a day further, so a report of tonight must not be refused as lying in the future."""

from __future__ import annotations

from datetime import UTC, date, datetime

import time_machine

from app import clock
from app.schemas.melding import MeldingSchema
from tests.factories import melding_form

JUST_AFTER_DUTCH_MIDNIGHT = datetime(2026, 12, 31, 23, 30, tzinfo=UTC)  # 00:30 on 1 January in Maastricht


def test_today_is_the_dutch_calendar_day():
    with time_machine.travel(JUST_AFTER_DUTCH_MIDNIGHT, tick=False):
        assert datetime.now(UTC).date() == date(2026, 12, 31)
        assert clock.today() == date(2027, 1, 1)
    with time_machine.travel(datetime(2026, 7, 1, 21, 59, tzinfo=UTC), tick=False):
        assert clock.today() == date(2026, 7, 1)  # 23:59 summer time
    with time_machine.travel(datetime(2026, 7, 1, 22, 0, tzinfo=UTC), tick=False):
        assert clock.today() == date(2026, 7, 2)


def test_a_report_of_tonight_is_not_in_the_future():
    tonight = {**melding_form(pleegdatum=date(2027, 1, 1)), "bron_datum": "2027-01-01"}
    with time_machine.travel(JUST_AFTER_DUTCH_MIDNIGHT, tick=False):
        assert MeldingSchema().load(tonight)["pleegdatum"] == date(2027, 1, 1)


def test_a_stored_moment_falls_on_its_dutch_day():
    assert clock.dutch_date(JUST_AFTER_DUTCH_MIDNIGHT) == date(2027, 1, 1)
    assert clock.dutch_date(datetime(2026, 7, 1, 12, 0, tzinfo=UTC)) == date(2026, 7, 1)
