"""Column helpers shared by the models: checked string enums and UTC timestamps."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime, Enum, TypeDecorator


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


def utcnow() -> datetime:
    """Now, timezone-aware in UTC."""
    return datetime.now(UTC)
