"""Service-level steps for tests: each passes the version the person would have seen on the page."""

from __future__ import annotations

from datetime import date
from typing import Any

from app.config import Config
from app.domain.drafting import DraftRequest
from app.models import Beslissing, User, Zaak
from app.runtime import build_runtime
from app.services import drafting, judging


def judge_one(db, zaak: Zaak, code: str, outcome: str, reasoning: str, user: User):
    rt = build_runtime(Config())  # the process-wide runtime the app also uses
    data = {"code": code, "outcome": outcome, "reasoning": reasoning, "version": zaak.version_id}
    return judging.record_judgement(db, rt, zaak, data, user)


def zienswijze(db, zaak: Zaak, data: dict[str, Any], user: User, today: date):
    rt = build_runtime(Config())
    return judging.record_zienswijze(db, rt, zaak, {**data, "version": zaak.version_id}, user, today)


def draft(db, rt, zaak: Zaak, request: DraftRequest, user: User, today: date) -> Beslissing:
    return drafting.draft_beslissing(db, rt, zaak, request, zaak.version_id, user, today)


def submit(db, rt, beslissing: Beslissing, signer: User, user: User, today: date | None = None) -> Beslissing:
    return drafting.submit_for_review(db, rt, beslissing, signer, beslissing.version_id, user, today or date.today())
