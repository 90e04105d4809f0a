"""Keyset paging, search and the search's access-log row, shared by every list (the case list, "Mijn meldingen",
the review queue, the kabinet's history and the auditor's logs).

A page is 50 rows in a fixed order of (sort column, id). The links to the next and previous page carry a
cursor naming the last (or first) row shown instead of an offset: a page costs the same at row 1,000,000 as
at row 1 (an index on the order columns is walked from the cursor), and a row added meanwhile never shifts
a row onto the next page twice or off it altogether.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, literal, or_, select, tuple_, union
from sqlalchemy.orm import Session

from app.audit import Actor, record_access
from app.clock import AMSTERDAM
from app.domain.errors import InvalidInput
from app.models import User

PAGE_SIZE = 50
AFTER, BEFORE = "na", "voor"  # the query parameters: rows after the cursor (Volgende), before it (Vorige)
BAD_CURSOR = "Deze paginalink klopt niet (meer). Begin opnieuw bij de eerste pagina."


@dataclass(frozen=True)
class Order:
    """The keyset: the sort column and the id as tie-breaker, with how a cursor's text turns back into the sort
    value. `newest_first` sorts descending (a list of cases), else ascending (a queue: the oldest first)."""

    column: Any
    id: Any
    parse: Callable[[str], Any]
    newest_first: bool = True

    @property
    def columns(self) -> tuple[Any, ...]:
        """The key columns; a list ordered by its id alone (a log) has a key of one column."""
        return (self.id,) if self.column is self.id else (self.column, self.id)

    def key(self, row: Any) -> tuple[Any, ...]:
        return tuple(getattr(row, c.key) for c in self.columns)


@dataclass(frozen=True)
class Page:
    """One page of rows and the cursors of its neighbours (None: there is no such page)."""

    rows: list[Any]
    next: str | None = None
    prev: str | None = None
    size: int = PAGE_SIZE


def keyset(session: Session, query: Select[Any], order: Order, filters: dict[str, Any]) -> Page:
    """One page of `query`: the first, or the one after filters["na"] or before filters["voor"]."""
    size = PAGE_SIZE
    backwards = bool(filters.get(BEFORE))
    token = filters.get(BEFORE) or filters.get(AFTER)
    columns = tuple_(*order.columns)
    if token:
        # Typed binds: SQLite compares stored moments as text, so the value is rendered the way it was stored.
        cursor = tuple_(*(literal(v, type_=c.type) for c, v in zip(order.columns, decode(token, order), strict=True)))
        # Walking forwards in a newest-first list means towards smaller keys; backwards flips both.
        smaller = order.newest_first != backwards
        query = query.where(columns < cursor if smaller else columns > cursor)
    descending = order.newest_first != backwards
    ordered = [c.desc() if descending else c.asc() for c in order.columns]
    rows = list(session.scalars(query.order_by(*ordered).limit(size + 1)))
    more, rows = len(rows) > size, rows[:size]
    if backwards:
        rows.reverse()
    first, last = (encode(order.key(rows[0])), encode(order.key(rows[-1]))) if rows else (None, None)
    if backwards:
        return Page(rows, next=last, prev=first if more else None, size=size)
    return Page(rows, next=last if more else None, prev=first if token else None, size=size)


def encode(key: tuple[Any, ...]) -> str:
    """The cursor text: the sort value and the id, base64url (opaque to the reader, but no secret)."""
    text = "|".join(value.isoformat() if isinstance(value, date) else str(value) for value in key)
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def decode(token: str, order: Order) -> tuple[Any, ...]:
    """The key a cursor names; a cursor that was edited or belongs to another list is refused in Dutch."""
    try:
        parts = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode().split("|")
        if len(parts) != len(order.columns):
            raise ValueError(token)
        *value, row_id = parts
        return (*(order.parse(v) for v in value), int(row_id))
    except (ValueError, binascii.Error, UnicodeDecodeError) as exc:
        raise InvalidInput({"_schema": BAD_CURSOR}, BAD_CURSOR) from exc


def moment(text: str) -> datetime:
    """A cursor's timestamp (stored in UTC)."""
    value = datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def matching(text: str | None, columns: Sequence[Any]) -> ColumnElement[bool] | None:
    """Rows where any of `columns` contains `text` (case-insensitive). ILIKE on PostgreSQL, where the trigram
    (pg_trgm) GIN indexes of migration 0022 serve it; lower() LIKE on SQLite, a scan, fine for the few
    thousand zaken of one municipality."""
    if not text:
        return None
    pattern = f"%{literal_pattern(text)}%"
    return or_(*(c.ilike(pattern, escape="\\") for c in columns))


def matching_ids(text: str | None, key: Any, sources: Sequence[tuple[Any, Any]]) -> ColumnElement[bool] | None:
    """Rows whose `key` is among the ids of any (id column, text column) source whose text contains `text`.
    One indexed lookup per source, united: with the conditions OR-ed into the list's own query, PostgreSQL
    walked the list's order index through all 1M zaken to find a name (about 0.5 s); the union of the trigram
    lookups is a few rows it then sorts."""
    if not text:
        return None
    lookups = [select(id_column).where(matching(text, (column,))) for id_column, column in sources]
    return key.in_(union(*lookups))


def literal_pattern(text: str) -> str:
    """`text` as a LIKE pattern that matches only itself (escape character backslash)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def in_period(query: Select[Any], column: Any, filters: dict[str, Any]) -> Select[Any]:
    """From the start of `van` up to and including the whole day `tot`: Dutch calendar days for a moment (a round
    at 00:30 belongs to that Dutch day, like every date the app shows), plain days for a date column."""
    is_moment = getattr(column.type, "timezone", False) or hasattr(column.type, "impl")
    start = (lambda day: datetime.combine(day, time.min, tzinfo=AMSTERDAM).astimezone(UTC)) if is_moment \
        else (lambda day: day)
    if filters.get("van"):
        query = query.where(column >= start(filters["van"]))
    if filters.get("tot"):
        query = query.where(column < start(filters["tot"] + timedelta(days=1)))
    return query


def log_search(session: Session, actor: User, object_type: str, origin: str, filters: dict[str, Any],
               hits: object, *, case_id: str = "-") -> None:
    """The access row of a list view (NEN 7513): which filters were used (never the free text), how many rows
    this page showed; committed with the read."""
    used = ",".join(sorted(k for k, v in filters.items() if v and k not in (AFTER, BEFORE))) or "geen"
    record_access(session, Actor.of(actor), action="search", object_type=object_type, object_id="*",
                  case_id=case_id, origin=origin, reason=f"filters={used} hits={hits}")
    session.commit()
