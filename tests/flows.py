"""Service-level steps for tests: each passes the version the person would have seen on the page."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from app import clock
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
    """Record a zienswijze; a received one comes, unless the test says otherwise, in writing today from the
    first betrokkene (the resident)."""
    rt = build_runtime(Config())
    if data.get("outcome") == "ontvangen":
        data = {"betrokkene_id": zaak.betrokkenen[0].id, "ontvangen_op": today, "wijze": "schriftelijk", **data}
    return judging.record_zienswijze(db, rt, zaak, {**data, "version": zaak.version_id}, user, today)


def draft(db, rt, zaak: Zaak, request: DraftRequest, user: User, today: date) -> Beslissing:
    return drafting.draft_beslissing(db, rt, zaak, request, zaak.version_id, user, today)


def submit(db, rt, beslissing: Beslissing, signer: User, user: User, today: date | None = None) -> Beslissing:
    return drafting.submit_for_review(db, rt, beslissing, signer, beslissing.version_id, user, today or clock.today())


def judge_what_is_missing(db, rt, zaak: Zaak, request: DraftRequest, user: User, today: date,
                          answers: dict[str, str] | None = None) -> Beslissing:
    """Draft, recording each judgement the drafting still asks for (the answer that blocks nothing and, for
    a competence judgement, establishes the ground), until the draft succeeds."""
    from app.domain.errors import JudgementMissing

    procedure = rt.procedure(zaak.zaaktype)
    for _ in range(30):
        try:
            return draft(db, rt, zaak, request, user, today)
        except JudgementMissing as missing:
            db.rollback()
            for code in missing.missing:
                spec = procedure.judgement(code)
                outcome = (answers or {}).get(code) or spec.bevoegd_bij or next(
                    o.code for o in spec.outcomes if not o.blocks)
                judge_one(db, zaak, code, outcome, f"De jurist weegt {code} voor deze zaak.", user)
    raise AssertionError("drafting kept asking for judgements")


def approve_and_send(db, rt, users, beslissing: Beslissing, today: date) -> Beslissing:
    """Offer, approve (kabinet) and mark as sent: a measure that exists in law for the next case."""
    from app.services import review
    from app.services.review import current_documents

    submit(db, rt, beslissing, users["kabinet"], users["jurist"], today)
    review.approve(db, rt, beslissing, [d.sha256 for d in current_documents(db, beslissing)],
                   beslissing.version_id, users["kabinet"], today)
    beslissing.status, beslissing.verzonden_at = "verzonden", datetime.now(UTC)
    db.commit()
    return beslissing
