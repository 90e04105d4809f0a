"""Bulk runs, the jurist's part: read a group incident's member list into one zaak per member (one transaction,
nothing stored when one row is wrong), record the judgements that hold for the whole group, and start the
drafting job. The kabinet's part and the job are in services/bulk_review.py.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from marshmallow import ValidationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import flag_modified

from app.audit import Actor, record_change
from app.domain.assessment import Assessment
from app.domain.bulk import read_members
from app.domain.errors import DuplicateMelding, InvalidInput, InvalidTransition
from app.domain.judgements import required_for
from app.domain.wording import in_sentence
from app.models import Beoordeling, Oordeel, OutboxJob, Reeks, User, Zaak
from app.powers.spec import BulkSpec
from app.runtime import Runtime
from app.schemas.melding import MeldingSchema
from app.services import judging, outbox
from app.services.intake import create_zaak, refuse_duplicate, refuse_source, submission_key
from app.services.queries import check_version
from app.services.receipts import assessment_of

RENDER = "render_bulk"
MAX_ROW_ERRORS = 20


@dataclass(frozen=True)
class Member:
    """One zaak of a run with what the jurist and the kabinet need to know about it."""

    zaak: Zaak
    assessment: Assessment
    flags: tuple[str, ...]
    proposal: str | None  # the outcome the rules propose, when it is one a run may draft


def bulk_of(rt: Runtime, code: str) -> BulkSpec:
    spec = rt.power(code).bulk
    if spec is None:
        raise InvalidInput({"zaaktype": "Voor deze bevoegdheid bestaat geen groepsincident."})
    return spec


def import_run(session: Session, rt: Runtime, shared: dict[str, Any], upload: bytes, actor: User,  # noqa: PLR0913
               today: date) -> Reeks:
    """Create the run and one zaak per member row, each assessed, in one transaction.

    Raises InvalidInput: the shared incident's own field errors, or `bestand` with one message per wrong row.
    """
    code = shared.get("zaaktype", "")
    bulk = bulk_of(rt, code)
    omschrijving = _omschrijving(shared)
    rows = read_members(upload, bulk.columns)
    melding = {k: v for k, v in shared.items() if k != "omschrijving"}
    meldingen = _load_all(session, rt, melding, rows, bulk, actor)
    reeks = Reeks(zaaktype=code, soort=bulk.outcomes[0], team=actor.team, status="ingelezen",
                  omschrijving=omschrijving, created_by_id=actor.id, steekproef=[], problemen={})
    session.add(reeks)
    session.flush()
    for data in meldingen:
        create_zaak(session, rt, data, actor, today).reeks_id = reeks.id
    record_change(session, Actor.of(actor), actie="create", hoofd_object=f"reeks-{reeks.id}", resource="reeks",
                  resource_id=reeks.id, weergave=reeks.omschrijving, nieuw={"zaken": len(meldingen)})
    session.commit()
    return reeks


def _omschrijving(shared: Mapping[str, Any]) -> str:
    text = str(shared.get("omschrijving") or "").strip()
    if not text:
        raise InvalidInput({"omschrijving": "Geef de reeks een korte omschrijving, bijvoorbeeld de plaats en datum."})
    return text[:300]


def _load_all(session: Session, rt: Runtime, shared: dict[str, Any], rows: list[dict[str, str]], bulk: BulkSpec,
              actor: User) -> list[dict[str, Any]]:
    """Every row validated as a melding; the shared part's errors once, the rows' errors together."""
    batch, loaded, errors, seen = uuid.uuid4().hex, [], [], set()
    subject = rt.power(shared["zaaktype"]).subject
    for number, row in enumerate(rows, start=2):  # row 1 is the header
        raw = _merge({**shared, "submission_id": f"{batch}-{number}"}, bulk.member(row))
        try:
            data = MeldingSchema().load(raw)
            refuse_source(rt, data)
            data = {**data, "submission_id": submission_key(actor, data["submission_id"])}
            refuse_duplicate(session, data, subject)
        except ValidationError as exc:
            _shared_errors(exc.messages, bulk)
            errors.append(f"Rij {number}: {_describe(exc.messages, bulk)}")
            continue
        except DuplicateMelding as exc:
            errors.append(f"Rij {number}: dit kind is al gemeld bij dit incident (zaak {exc.identificatie}).")
            continue
        key = subject(data["gegevens"]) if subject else str(number)
        if key in seen:
            errors.append(f"Rij {number}: dit kind staat al eerder in de lijst.")
        seen.add(key)
        loaded.append(data)
    if errors:
        more = [f"En nog {len(errors) - MAX_ROW_ERRORS} rij(en) met fouten."] if len(errors) > MAX_ROW_ERRORS else []
        raise InvalidInput({"bestand": [*errors[:MAX_ROW_ERRORS], *more]})
    return loaded


def _merge(base: dict[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in extra.items():
        merged[key] = _merge(merged.get(key) or {}, value) if isinstance(value, Mapping) else value
    return merged


def _flat(messages: Any, prefix: str = "") -> dict[str, str]:
    if isinstance(messages, Mapping):
        return {k: v for key, value in messages.items() for k, v in _flat(value, f"{prefix}{key}.").items()}
    text = messages[0] if isinstance(messages, list) and messages and isinstance(messages[0], str) else messages
    return {prefix.rstrip("."): str(text)}


def _member_field(path: str, bulk: BulkSpec) -> bool:
    """A path the member list fills (or a part of one): a row's error, not the shared form's."""
    return any(path == key or key.startswith(path + ".") or path.startswith(key + ".") for key in bulk.column_labels)


def _shared_errors(messages: Any, bulk: BulkSpec) -> None:
    """Errors in the shared incident are the form's, not a row's: shown once, on their own fields."""
    shared = {path: text for path, text in _flat(messages).items() if not _member_field(path, bulk)}
    if shared:
        raise InvalidInput(shared)


def _describe(messages: Any, bulk: BulkSpec) -> str:
    """One row's errors, each naming its column and, where the spec says, what the column may hold."""
    parts = []
    for path, text in _flat(messages).items():
        column = bulk.column_labels.get(path, path)
        hint = bulk.column_hints.get(column)
        parts.append(f"{column}: {text.rstrip('.')}" + (f" (toegestaan: {hint})" if hint else "") + ".")
    return " ".join(parts)


def members(session: Session, rt: Runtime, reeks: Reeks) -> list[Member]:
    """The run's zaken in import order, with their latest assessment, flags and the proposed outcome."""
    bulk = bulk_of(rt, reeks.zaaktype)
    zaken = session.scalars(select(Zaak).where(Zaak.reeks_id == reeks.id).order_by(Zaak.id)
                            .options(selectinload(Zaak.meldingen))).all()
    latest = (select(func.max(Beoordeling.id)).join(Zaak, Zaak.id == Beoordeling.zaak_id)
              .where(Zaak.reeks_id == reeks.id).group_by(Beoordeling.zaak_id))
    receipts = {b.zaak_id: b for b in session.scalars(select(Beoordeling).where(Beoordeling.id.in_(latest)))}
    found = []
    for zaak in zaken:
        assessment = assessment_of(receipts[zaak.id])
        proposed = rt.power(zaak.zaaktype).proposal(assessment).get("maatregel")
        proposal = proposed if proposed in bulk.outcomes else None
        flags = bulk.flags(zaak.meldingen[-1].gegevens)
        if proposal not in (None, bulk.outcomes[0]):  # e.g. a repeated letter: that child's own history matters
            label = rt.procedure(zaak.zaaktype).outcome(proposal).label
            flags = [*flags, f"Andere brief dan de rest van de reeks: {in_sentence(label)}"]
        found.append(Member(zaak, assessment, tuple(flags), proposal))
    return found


def open_judgements(rt: Runtime, member: Member) -> list[str]:
    """The judgements this member's proposed letter needs (recorded or not)."""
    if member.proposal is None:
        return []
    a = member.assessment
    return required_for(member.proposal, rt.procedure(member.zaak.zaaktype).judgements, a.judgements_required,
                        a.triggerable_judgements)


def group_judgements_open(session: Session, rt: Runtime, reeks: Reeks, found: list[Member]) -> list[str]:
    """The judgements some member without an attention point still lacks, in the procedure's order; never the
    ones the power keeps to each case."""
    if not found:
        return []
    individual = set(bulk_of(rt, reeks.zaaktype).individual_judgements)
    recorded = set(session.execute(select(Oordeel.zaak_id, Oordeel.code).join(Zaak, Zaak.id == Oordeel.zaak_id).where(
        Zaak.reeks_id == reeks.id, Oordeel.superseded_at.is_(None))).tuples())
    lacking = {c for m in found if not m.flags for c in open_judgements(rt, m)
               if c not in individual and (m.zaak.id, c) not in recorded}
    return [j.code for j in rt.procedure(reeks.zaaktype).judgements if j.code in lacking]


def record_group_judgements(session: Session, rt: Runtime, reeks: Reeks,  # noqa: PLR0913
                            answers: Mapping[str, Mapping[str, str]], version: int, actor: User) -> tuple[int, int]:
    """Record the answers for every unflagged member that needs them and has none; one transaction.
    Returns how many judgements were recorded for how many children. Raises InvalidInput, InvalidTransition,
    ConcurrentEdit."""
    check_version(reeks, version)
    if reeks.status != "ingelezen":
        raise InvalidTransition("De brieven van deze reeks zijn al opgesteld; weeg een kind nu in zijn eigen zaak.")
    given = {c: a for c, a in answers.items() if a.get("outcome") or a.get("reasoning", "").strip()}
    if not given:
        raise InvalidInput({"_schema": judging.NOTHING})
    count, children = 0, 0
    individual = set(bulk_of(rt, reeks.zaaktype).individual_judgements)
    for member in (m for m in members(session, rt, reeks) if not m.flags):
        needed = set(open_judgements(rt, member)) - individual
        recorded = judging.record_for_run(session, rt, member.zaak, {c: a for c, a in given.items() if c in needed},
                                          actor)
        count, children = count + recorded, children + bool(recorded)
    if not count:  # a group answer never replaces what was already recorded: that is done per child
        raise InvalidInput({"_schema": "Deze afwegingen zijn al voor alle kinderen zonder aandachtspunt vastgelegd. "
                                       "Wijzig een afweging in de eigen zaak van het kind."})
    flag_modified(reeks, "status")  # bumps the run's version: a second form on the same run gets a 409
    record_change(session, Actor.of(actor), actie="judge", hoofd_object=f"reeks-{reeks.id}", resource="reeks",
                  resource_id=reeks.id, weergave=reeks.omschrijving, nieuw={"oordelen": count, "codes": sorted(given)})
    session.commit()
    return count, children


def runs_awaiting(session: Session, user: User) -> list[Reeks]:
    """The runs of the user's team and powers that wait for the kabinet's approval."""
    return list(session.scalars(select(Reeks).where(
        Reeks.status == "ter_vaststelling", Reeks.team == user.team, Reeks.zaaktype.in_(user.zaaktypes or ()))
        .order_by(Reeks.id)))


def drafting_job(session: Session, reeks: Reeks) -> OutboxJob | None:
    """The run's drafting job, once started (its state shows on the run's page)."""
    return session.scalar(select(OutboxJob).where(OutboxJob.sleutel.like(f"{RENDER}:reeks:{reeks.id}:%"))
                          .order_by(OutboxJob.id.desc()).limit(1))


def start_drafting(session: Session, rt: Runtime, reeks: Reeks, choice: Mapping[str, Any], actor: User,  # noqa: PLR0913
                   today: date) -> Reeks:
    """Name the signatory and the letters' date, and hand the drafting of every letter to the job queue (progress
    on the run's page). `choice`: version, ondertekenaar (a User), verzenddatum.
    Raises InvalidInput, InvalidTransition, ConcurrentEdit."""
    check_version(reeks, choice["version"])
    if reeks.status != "ingelezen":
        raise InvalidTransition("De brieven van deze reeks worden al opgesteld of zijn al opgesteld.")
    if choice["verzenddatum"] < today:
        raise InvalidInput({"verzenddatum": "De datum van de brieven kan niet in het verleden liggen."})
    if group_judgements_open(session, rt, reeks, members(session, rt, reeks)):
        raise InvalidInput({"_schema": "Leg eerst de afwegingen voor de groep vast; zonder die afwegingen kan er "
                                       "geen brief worden opgesteld."})
    ondertekenaar = choice["ondertekenaar"]
    reeks.status, reeks.ondertekenaar_id, reeks.problemen = "opstellen", ondertekenaar.id, {}
    started = session.scalar(select(func.count()).select_from(OutboxJob).where(
        OutboxJob.sleutel.like(f"{RENDER}:reeks:{reeks.id}:%")))
    outbox.add(session, RENDER, f"{RENDER}:reeks:{reeks.id}:{started + 1}", {
        "reeks_id": reeks.id, "actor_id": actor.id, "verzenddatum": choice["verzenddatum"].isoformat()}, None)
    record_change(session, Actor.of(actor), actie="draft", hoofd_object=f"reeks-{reeks.id}", resource="reeks",
                  resource_id=reeks.id, weergave=reeks.omschrijving, nieuw={"ondertekenaar": ondertekenaar.id})
    session.commit()
    return reeks
