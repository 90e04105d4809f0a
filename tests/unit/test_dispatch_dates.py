"""Pure dispatch rules after sending: a letter that came back counts as not sent, the besluit's ZGW dates follow the
sending that did not come back, and a return is dated between the sending and today."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from app.domain.dispatch import (
    BesluitDates,
    all_sent,
    awaiting_dispatch,
    besluit_dates,
    check_return_date,
    current_records,
)
from app.domain.errors import InvalidInput


@dataclass
class R:
    id: int
    document_id: int
    verzonden_op: date
    uiterlijke_reactiedatum: date | None = None
    vervangt_id: int | None = None


FIRST = R(1, 10, date(2026, 12, 4), date(2027, 1, 15))
SECOND = R(2, 11, date(2026, 12, 5), date(2027, 1, 18))
TOLD = R(3, 12, date(2026, 12, 3), None)  # told the content only: no legal remedy


def test_a_letter_whose_current_record_came_back_is_not_sent_and_waits_for_a_new_sending():
    current = current_records([FIRST, SECOND])
    assert all_sent([10, 11], current)
    assert not all_sent([10, 11], current, returned={2})
    assert awaiting_dispatch([10, 11, 12], current, returned={2}) == [11, 12]
    resent = R(4, 11, date(2026, 12, 9), date(2027, 1, 21), vervangt_id=2)
    current = current_records([FIRST, SECOND, resent])
    assert all_sent([10, 11], current, returned={2}) and awaiting_dispatch([10, 11], current, returned={2}) == []


def test_the_besluit_is_sent_on_the_earliest_sending_and_open_to_objection_until_the_latest_deadline():
    assert besluit_dates([SECOND, FIRST, TOLD]) == BesluitDates(date(2026, 12, 3), date(2027, 1, 18))


def test_a_sending_that_came_back_gives_the_besluit_no_date():
    assert besluit_dates([FIRST, SECOND], returned={1}) == BesluitDates(date(2026, 12, 5), date(2027, 1, 18))
    assert besluit_dates([SECOND, FIRST], returned={2}) == BesluitDates(date(2026, 12, 4), date(2027, 1, 15))
    assert besluit_dates([FIRST], returned={1}) == BesluitDates(None, None)


def test_nothing_sent_or_no_remedy_leaves_the_dates_open():
    assert besluit_dates([]) == BesluitDates(None, None)
    assert besluit_dates([TOLD]) == BesluitDates(date(2026, 12, 3), None)


def test_a_return_is_dated_on_or_after_the_sending_and_not_in_the_future():
    check_return_date(date(2026, 12, 4), date(2026, 12, 4), date(2026, 12, 4))
    with pytest.raises(InvalidInput) as before:
        check_return_date(date(2026, 12, 3), date(2026, 12, 4), date(2026, 12, 10))
    assert before.value.errors["ontvangen_op"].startswith("De brief is verzonden op 04-12-2026")
    with pytest.raises(InvalidInput) as future:
        check_return_date(date(2026, 12, 11), date(2026, 12, 4), date(2026, 12, 10))
    assert "toekomst" in future.value.errors["ontvangen_op"]
