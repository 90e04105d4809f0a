"""Bulk runs, the job and the kabinet's part: draft and offer every member's letters in a job (each zaak in its
own transaction, so the page shows progress and a killed job resumes where it stopped), draw the sample when
the run is offered, approve the run as a whole, and pull single letters out of it.

Approval binds to what the kabinet was shown: the hashes of the sampled letters it read, and a manifest hash
over every letter of the run listed on the page. A letter that changed since then refuses the whole approval.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from app import clock
from app.audit import Actor, record_change
from app.domain import errors as e
from app.domain.bulk import SamplePolicy, draw_sample, percent_done
from app.domain.drafting import DraftRequest
from app.models import Beslissing, Document, Notificatie, Reeks, User, Zaak
from app.models.types import utcnow
from app.runtime import Runtime
from app.services import drafting, letter_pdf, review
from app.services.bulk import Member, members
from app.services.queries import check_version
from app.services.review import current_documents

REFUSALS = (e.InvalidInput, e.JudgementMissing, e.InvalidTransition, e.MandateMissing, e.ConcurrentEdit)
OFFERED = ("ter_vaststelling", "vastgesteld", "verzonden")


@dataclass(frozen=True)
class Letter:
    """One offered beslissing of the run with its letters, and whether the kabinet must read it."""

    member: Member
    beslissing: Beslissing
    documents: list[Document]
    sampled: bool


def run_beslissingen(session: Session, reeks: Reeks) -> dict[int, Beslissing]:
    """Per zaak of the run, its newest beslissing (the run drafts one per zaak)."""
    rows = session.scalars(select(Beslissing).join(Zaak, Zaak.id == Beslissing.zaak_id)
                           .where(Zaak.reeks_id == reeks.id).order_by(Beslissing.id))
    return {b.zaak_id: b for b in rows}


def progress(session: Session, rt: Runtime, reeks: Reeks) -> dict[str, Any]:
    """How far the drafting job is: members handled (offered or a problem) out of all. Polled every second while
    the job runs, so it counts in the database instead of loading every member's receipt."""
    total = session.scalar(select(func.count()).select_from(Zaak).where(Zaak.reeks_id == reeks.id)) or 0
    offered = sum(1 for b in run_beslissingen(session, reeks).values() if b.status in OFFERED)
    done = offered + len(reeks.problemen or {})
    return {"status": reeks.status, "total": total, "done": done, "offered": offered,
            "problems": len(reeks.problemen or {}), "percent": percent_done(total, done)}


def render_bulk(session: Session, rt: Runtime, payload: dict[str, Any]) -> None:
    """Job handler: draft and offer each member's letter; then draw the sample and offer the run. Idempotent."""
    reeks = session.get(Reeks, payload["reeks_id"])
    if reeks is None or reeks.status != "opstellen":
        return
    actor = session.get(User, payload["actor_id"])
    verzenddatum = date.fromisoformat(payload["verzenddatum"])
    before = run_beslissingen(session, reeks)
    todo = [m for m in members(session, rt, reeks) if str(m.zaak.id) not in reeks.problemen
            and not (m.zaak.id in before and before[m.zaak.id].status in OFFERED)]  # done before an interruption
    for member in todo:
        _draft_one(session, rt, reeks, member, actor, verzenddatum)
    _offer(session, rt, reeks)


def _draft_one(session: Session, rt: Runtime, reeks: Reeks, member: Member, actor: User,  # noqa: PLR0913
               verzenddatum: date) -> None:
    """One member in its own transaction (the page's progress moves on; a killed job resumes after it): drafted
    and offered, or its problem recorded on the run."""
    try:
        if member.proposal is None:
            raise e.InvalidInput({"soort": "De regels stellen voor dit kind geen brief voor."})
        drafting.draft_and_offer(session, rt, member.zaak, DraftRequest(member.proposal, verzenddatum),
                                 reeks.ondertekenaar, actor, clock.today())
    except REFUSALS as exc:
        session.rollback()
        reeks.problemen = {**reeks.problemen, str(member.zaak.id): _reason(rt, member.zaak.zaaktype, exc)}
    session.commit()


def _reason(rt: Runtime, code: str, exc: e.DomainError) -> str:
    """The problem in words for the run's page (the questions a person still has to answer, not their codes)."""
    if isinstance(exc, e.JudgementMissing):
        procedure = rt.procedure(code)
        questions = [spec.vraag if (spec := procedure.judgement(c)) else c for c in exc.missing]
        return "Nog af te wegen in de eigen zaak: " + " ".join(questions)
    errors = getattr(exc, "errors", None) or {}
    return " ".join(str(v) for v in errors.values()) or exc.message


def _offer(session: Session, rt: Runtime, reeks: Reeks) -> None:
    """Every member handled: fix the sample (first, random, flagged) and offer the run to its signatory."""
    letters = letters_of(session, rt, reeks, sampled=set())
    if not letters:  # nothing could be drafted: back to the jurist, who judges the children and starts again
        reeks.status, reeks.ondertekenaar_id = "ingelezen", None
        session.commit()
        return
    flagged = [x.beslissing.id for x in letters if x.member.flags or x.beslissing.soort != reeks.soort]
    reeks.steekproef_seed = secrets.token_hex(16)
    reeks.steekproef = draw_sample([x.beslissing.id for x in letters], flagged, _policy(rt), reeks.steekproef_seed)
    reeks.status, reeks.aangeboden_at = "ter_vaststelling", utcnow()
    if letters:  # one message for the run, not one per letter
        session.add(Notificatie(user_id=reeks.ondertekenaar_id, zaak_id=None, soort="ter_vaststelling",
                                tekst=f"De reeks \u2018{reeks.omschrijving}\u2019 ligt ter vaststelling bij u "
                                      f"({len(letters)} brieven)."[:300], link=f"/reeksen/{reeks.id}"))
    session.commit()


def _policy(rt: Runtime) -> SamplePolicy:
    return SamplePolicy(rt.config.bulk_sample_minimum, rt.config.bulk_sample_percent)


def letters_of(session: Session, rt: Runtime, reeks: Reeks, sampled: set[int] | None = None,
               found_members: list[Member] | None = None) -> list[Letter]:
    """The run's offered (or approved) beslissingen in run order, with their letters (`found_members`: the
    members the caller already loaded)."""
    chosen = set(reeks.steekproef or []) if sampled is None else sampled
    found = run_beslissingen(session, reeks)
    run = members(session, rt, reeks) if found_members is None else found_members
    return [Letter(m, b, current_documents(session, b), b.id in chosen)
            for m in run if (b := found.get(m.zaak.id)) is not None and b.status in OFFERED]


def manifest(letters: Iterable[Letter]) -> str:
    """One hash over every letter of the run as listed: approval binds to this list, not only the sample."""
    lines = sorted(f"{x.beslissing.id}:{d.sha256}" for x in letters for d in x.documents)
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def approve_run(session: Session, rt: Runtime, reeks: Reeks, decision: dict[str, Any], actor: User,
                today: date) -> Reeks:
    """Approve every letter of the run but those pulled out (back to the jurist with the comment), in one
    transaction. `decision`: version, manifest, shown (hashes of the sample), pulled (beslissing ids), comment.
    Raises StaleDocument, InvalidInput, InvalidTransition, FourEyesViolation, MandateMissing, ConcurrentEdit."""
    check_version(reeks, decision["version"])
    if reeks.status != "ter_vaststelling":
        raise e.InvalidTransition("Deze reeks ligt niet ter vaststelling.")
    letters = letters_of(session, rt, reeks)
    if decision["manifest"] != manifest(x for x in letters if x.beslissing.status == "ter_vaststelling"):
        raise e.StaleDocument()
    pulled = set(decision.get("pulled") or ())
    _check_sample_shown(letters, set(decision.get("shown") or ()))
    comment = _pull_comment(decision) if pulled else ""
    if not pulled and str(decision.get("comment") or "").strip():
        raise e.InvalidInput({"pulled": "U schreef een reden, maar koos geen brief om uit de reeks te halen. Kies de "
                                        "brieven, of maak de reden leeg."})
    if not pulled <= {x.beslissing.id for x in letters}:
        raise e.StaleDocument()
    approved: list[Document] = []
    for letter in (x for x in letters if x.beslissing.status == "ter_vaststelling"):
        if letter.beslissing.id in pulled:
            review.return_in_session(session, rt, letter.beslissing, comment, actor)
        else:
            approved += review.approve_in_session(session, rt, letter.beslissing,
                                                  [d.sha256 for d in letter.documents], actor, today, in_run=True)
    letter_pdf.request_pdfs(session, approved)
    reeks.status, reeks.approver_id, reeks.approved_at = "vastgesteld", actor.id, utcnow()
    record_change(session, Actor.of(actor), actie="approve", hoofd_object=f"reeks-{reeks.id}", resource="reeks",
                  resource_id=reeks.id, weergave=reeks.omschrijving,
                  nieuw={"vastgesteld": len(letters) - len(pulled), "teruggehaald": sorted(pulled),
                         "manifest": decision["manifest"]})
    session.commit()
    return reeks


def _check_sample_shown(letters: list[Letter], shown: set[str]) -> None:
    """Every sampled letter must have been on the page the kabinet approved from."""
    expected = {d.sha256 for x in letters if x.sampled for d in x.documents}
    if not expected <= shown:
        raise e.StaleDocument()


def _pull_comment(decision: dict[str, Any]) -> str:
    comment = str(decision.get("comment") or "").strip()
    if not comment:
        raise e.InvalidInput({"comment": "Schrijf op waarom u brieven uit de reeks haalt; de jurist leest het."})
    return f"Uit de reeks gehaald: {comment}"


def touch_run(reeks: Reeks) -> None:
    flag_modified(reeks, "status")
