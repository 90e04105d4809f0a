"""One JSON form for stored snapshots (assessments, letter contexts, audit rows)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any


def jsonable(value: Any) -> Any:
    """Dates as ISO strings (aware moments in UTC, whatever zone the database returned), containers
    recursively, other non-JSON values as their text."""
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, datetime):
        return (value.astimezone(UTC) if value.tzinfo else value).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value if isinstance(value, str | int | float | bool | type(None)) else str(value)
