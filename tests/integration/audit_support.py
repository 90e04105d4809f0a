"""Helpers for the audit sealing tests: log rows appended as a request does, and changes forced past the
append-only guards the way an attacker with database rights would."""

from __future__ import annotations

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.audit import SYSTEM, record_access
from app.models import AccessEntry


def append_reads(session: Session, count: int, reason: str = "test") -> list[int]:
    """`count` access rows, committed as one request would; returns their ids."""
    ids = [record_access(session, SYSTEM, action="view", object_type="zaak", object_id=n, case_id="Z-1",
                         reason=f"{reason} {n}").id for n in range(count)]
    session.commit()
    return ids


def by_chain_position(session: Session) -> list[AccessEntry]:
    session.expire_all()
    return list(session.scalars(select(AccessEntry).where(AccessEntry.chain_pos.is_not(None))
                                .order_by(AccessEntry.chain_pos)))


def forced(session: Session, table: str, statement: str) -> None:
    """Run `statement` with the table's triggers out of the way, then put them back, and commit."""
    if session.bind.dialect.name == "sqlite":
        triggers = session.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                                        "AND tbl_name = :t"), {"t": table}).all()
        for name, _sql in triggers:
            session.execute(text(f"DROP TRIGGER {name}"))
        session.execute(text(statement))
        for _name, sql in triggers:
            session.execute(text(sql))
    else:
        session.execute(text(f"ALTER TABLE {table} DISABLE TRIGGER USER"))
        session.execute(text(statement))
        session.execute(text(f"ALTER TABLE {table} ENABLE TRIGGER USER"))
    session.commit()
