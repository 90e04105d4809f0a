"""The shared parts that assessment receipts reference: a rules version and a parameter set.

A receipt (beoordelingen.assessment, format 2) keeps only what is particular to its case and names these by
their SHA-256 (app/domain/receipt.py). Each part is written once, by the first assessment that needs it
(unique key, insert-if-absent), and never changed or deleted afterwards (triggers, migration 0024).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base
from app.models.types import UtcDateTime, utcnow


class Regelset(Base):
    """One rules version of one power: per rule its trace metadata, and the rules as written."""

    __tablename__ = "regelsets"
    __table_args__ = (UniqueConstraint("bevoegdheid", "rules_sha256", name="uq_regelsets_sleutel"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    bevoegdheid: Mapped[str] = mapped_column(String(40))  # the power code
    ruleset: Mapped[str] = mapped_column(String(80))
    rules_sha256: Mapped[str] = mapped_column(String(64))  # versions.fingerprint over the rules as written
    inhoud: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class Parameterset(Base):
    """The parameter values in force for an assessment (by date and confirmations), with their sources."""

    __tablename__ = "parametersets"
    __table_args__ = (UniqueConstraint("bevoegdheid", "sha256", name="uq_parametersets_sleutel"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    bevoegdheid: Mapped[str] = mapped_column(String(40))
    sha256: Mapped[str] = mapped_column(String(64))  # receipt.digest of `inhoud`
    inhoud: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
