"""Bibob: reading dates of a stored case file (JSON text or dates) and the art. 31 cap on the suspension of the
decision period while the Landelijk Bureau Bibob advises (pure). facts.py and term.py count with the same cap."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from app.domain.assessment import ParameterValue
from app.domain.errors import FactsRejected
from app.domain.history import day_of

ADVICE_WEEKS = "lbb_advies_weken"
EXTENSION_MAX = "lbb_verlenging_max_weken"


def day(value: Any, field: str) -> date | None:
    """A stored date, or None when empty.

    Raises:
        FactsRejected: the text is no date.
    """
    try:
        return day_of(value)
    except (TypeError, ValueError):
        raise FactsRejected({field: "Deze datum is onleesbaar."}) from None


def lbb_of(case: Mapping[str, Any]) -> Mapping[str, Any]:
    """The advice record (empty when the case file has none)."""
    return case.get("lbb") or {}


def data_request_days(lbb: Mapping[str, Any], today: date) -> int:
    """Days the LBB waited for data it asked for (art. 15): each request until its end, an open one until the
    advice or today."""
    answered = day(lbb.get("received_on"), "lbb.received_on") or today
    total = 0
    for i, item in enumerate(lbb.get("data_requests") or ()):
        start = day(item.get("from"), f"lbb.data_requests.{i}.from")
        end = day(item.get("to"), f"lbb.data_requests.{i}.to") or answered
        if start is not None:
            total += max(0, (end - start).days)
    return total


def extension_weeks(lbb: Mapping[str, Any]) -> int:
    """The weeks of the extension the LBB notified (0: none), as it notified them."""
    extension = lbb.get("extension") or {}
    return int(extension.get("weeks") or 0) if extension.get("notified_on") else 0


def suspension_cap_days(lbb: Mapping[str, Any], params: Mapping[str, ParameterValue], today: date) -> int:
    """Art. 31 with art. 15: the advice period, plus the time of data requests, plus the one-off extension, at most
    `lbb_verlenging_max_weken`."""
    weeks = int(params[ADVICE_WEEKS].value)
    extension = min(extension_weeks(lbb), int(params[EXTENSION_MAX].value))
    return 7 * (weeks + extension) + data_request_days(lbb, today)


def suspension_days(lbb: Mapping[str, Any], today: date) -> int:
    """Days from the request to the answer (or today while it is awaited); 0 without a request."""
    asked = day(lbb.get("requested_on"), "lbb.requested_on")
    if asked is None:
        return 0
    answered = day(lbb.get("received_on"), "lbb.received_on") or today
    return max(0, (answered - asked).days)
