"""Column helpers shared by the models: checked string enums and UTC timestamps."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, Enum, Index, TypeDecorator


def checked_enum(name: str, *values: str) -> Enum:
    """A VARCHAR with a CHECK constraint, identical on SQLite and PostgreSQL."""
    return Enum(*values, name=name, native_enum=False, create_constraint=True, length=40)


class UtcDateTime(TypeDecorator):
    """Timezone-aware moments stored in UTC; SQLite returns naive values, which we mark as UTC again."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:  # noqa: ANN001
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime stored; use datetime.now(UTC)")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:  # noqa: ANN001
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


def trigram_index(name: str, column: str) -> Index:
    """A pg_trgm GIN index for searching text anywhere in the column (ILIKE '%...%'); PostgreSQL only (migration
    0022 creates it there), so alembic leaves it out of the comparison on SQLite (`include_for`)."""
    return Index(name, column, postgresql_using="gin", postgresql_ops={column: "gin_trgm_ops"},
                 info={"dialects": ("postgresql",)})


def include_for(dialect: str) -> Callable[..., bool]:
    """Alembic's include_object hook: leave out the indexes of the models that exist only on other dialects."""

    def include(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
        return type_ != "index" or dialect in obj.info.get("dialects", (dialect,))

    return include


def utcnow() -> datetime:
    """Now, timezone-aware in UTC."""
    return datetime.now(UTC)
