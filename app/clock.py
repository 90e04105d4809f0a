"""The Dutch calendar day. The server's clock runs in UTC, but a decision, a deadline or a report dated
"today" means today in the Netherlands: between midnight and 01:00 (02:00 in summer) UTC is still yesterday."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def today() -> date:
    """Today's date on the Dutch wall clock."""
    return datetime.now(AMSTERDAM).date()


def dutch_date(moment: datetime) -> date:
    """The Dutch calendar day of a stored (UTC) moment: a letter sent at 00:30 is sent on that Dutch day."""
    return moment.astimezone(AMSTERDAM).date()
