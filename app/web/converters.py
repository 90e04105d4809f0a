"""URL converters: an id in a path is a database id, so one past 64 bits cannot exist.

Werkzeug's `int` converter accepts any number of digits; the database then fails on an id past its column
(SQLite's driver at 2**63, PostgreSQL's INTEGER at 2**31: an HTTP 500) before the query can say "not found", or
when the refusal's access row stores the id. Bounding the converter makes such a URL match no route at all: a
plain 404, before any view or query runs.
"""

from __future__ import annotations

from typing import Any

from flask import Flask
from werkzeug.routing import IntegerConverter

MAX_ID = 2**31 - 1  # every id column is INTEGER: PostgreSQL's largest (SQLite's goes to 2**63 - 1)


class BoundedIntConverter(IntegerConverter):
    """`<int:...>` with 0 <= value <= MAX_ID."""

    def __init__(self, url_map: Any, fixed_digits: int = 0, low: int | None = None, high: int | None = None,
                 signed: bool = False) -> None:
        super().__init__(url_map, fixed_digits, low, MAX_ID if high is None else min(high, MAX_ID), signed)


def init_app(app: Flask) -> None:
    """Replace `int` before any route is added (a rule binds its converter when it is added)."""
    app.url_map.converters["int"] = BoundedIntConverter
