"""Assessment use cases: run a zaak's facts through its power's rules and store the receipt.

The stored Beoordeling is never re-derived silently: a change of facts produces a new one.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import Actor, record_change
from app.domain.addressees import person_row
from app.domain.assessment import Assessment
from app.domain.errors import InvalidInput
from app.domain.measures import indicative_deadlines
from app.domain.receipt import same_result
from app.domain.serialize import jsonable
from app.models import Beoordeling, Betrokkene, User, Zaak
from app.rulebook.overlay import Overlay
from app.runtime import Runtime
from app.schemas.casework import facts_schema
from app.services.bodies import settle_body
from app.services.history import history_items
from app.services.judging import reopen
from app.services.parameters import overlay_for, peildatum_of
from app.services.queries import check_version, refuse_while_in_review, touch
from app.services.receipts import parameter_set, receipt

REMEDY_WEEKS = "algemeen.bezwaartermijn_weken"  # Awb 6:7, the same for bezwaar and beroep


def evaluate_scenario(rt: Runtime, power_code: str, on: date, facts: Mapping[str, Any], *,
                      beslisdatum: date | None = None, overlay: Overlay | None = None) -> Assessment:
    """What-if: evaluate flat facts for a date (policy values on `beslisdatum`) without touching the database."""
    rt.power(power_code)
    return rt.engine.evaluate(power_code, dict(facts), on, beslisdatum=beslisdatum, overlay=overlay)


def evaluate_melding(rt: Runtime, melding: Mapping[str, Any], on: date, today: date,  # noqa: PLR0913
                     history: list[dict[str, Any]], *, overlay: Overlay | None = None) -> Assessment:
    """What-if on a loaded melding, as handhaving submits it: the power builds the flat fact from its case file
    (with the given earlier measures at the same address) and the rules of `on` run, with the policy values
    of `today` (the planned decision date). Nothing is stored."""
    spec = rt.power(melding["zaaktype"])
    params = rt.book.parameters_for(spec.code, on, beslisdatum=today, overlay=overlay)
    facts = spec.facts_from_case(spec.case_file(melding), history, params, today)
    return rt.engine.evaluate(spec.code, facts, on, beslisdatum=today, overlay=overlay)


def deadlines_if_sent(rt: Runtime, power_code: str, peildatum: date, verzenddatum: date,
                      overlay: Overlay | None = None) -> dict[str, date]:
    """Indicative Awb/Atw deadlines for letters sent on `verzenddatum`, with the power's parameters (policy
    terms as they stand on the verzenddatum, the decision date)."""
    params = rt.book.parameters_for(power_code, peildatum, beslisdatum=verzenddatum, overlay=overlay)
    weeks = rt.book.parameter("algemeen", REMEDY_WEEKS, verzenddatum).value
    return indicative_deadlines(rt.procedure(power_code), params, weeks, rt.calendar(verzenddatum), verzenddatum)


def history_for(session: Session, rt: Runtime, zaak: Zaak) -> list[dict[str, Any]]:
    """Earlier measures that may count for this zaak's repeat (services/history.py; the power decides)."""
    return history_items(session, rt, zaak)


def assess(session: Session, rt: Runtime, zaak: Zaak, actor: Actor, today: date,
           beslisdatum: date | None = None) -> Beoordeling:
    """Evaluate the zaak (the law of its peildatum, policy values of `beslisdatum`, default today, with the
    values the municipality confirmed) and add the receipt (flushes; the caller commits). The zaak's body is settled
    again first: the case file may now name another body (services/bodies.py)."""
    settle_body(session, rt, zaak, actor)
    return _store(session, rt, zaak, actor, today, _evaluate(session, rt, zaak, today, beslisdatum))


def _evaluate(session: Session, rt: Runtime, zaak: Zaak, today: date, beslisdatum: date | None) -> Assessment:
    decided = beslisdatum or today
    overlay = overlay_for(session, zaak.zaaktype)  # per evaluation: a confirmation applies without a restart
    on, facts = _facts(session, rt, zaak, today, decided, overlay)
    return rt.engine.evaluate(zaak.zaaktype, facts, on, beslisdatum=decided, overlay=overlay)


def _store(session: Session, rt: Runtime, zaak: Zaak, actor: Actor, today: date,  # noqa: PLR0913
           result: Assessment) -> Beoordeling:
    # By reference (app/domain/receipt.py): the digest covers the case part, which names the rules version
    # and parameter set by their SHA-256, so it still pins everything the assessment rests on.
    data, regelset_id, parameterset_id = receipt(session, rt, result)
    row = Beoordeling(
        zaak_id=zaak.id, peildatum=result.peildatum, beoordeeld_op=today, ruleset=result.ruleset,
        rules_sha256=result.rules_sha256, engine=result.engine, bevoegdheid=result.bevoegdheid,
        assessment=data, sha256=_digest(data), created_by_id=int(actor.id), regelset_id=regelset_id,
        parameterset_id=parameterset_id,
    )
    session.add(row)
    session.flush()
    record_change(session, actor, actie="assess", hoofd_object=zaak.identificatie, resource="beoordeling",
                  resource_id=row.id, weergave=f"{result.ruleset}: {result.bevoegdheid}",
                  nieuw={"ruleset": result.ruleset, "bevoegdheid": result.bevoegdheid, "sha256": row.sha256})
    return row


def current_assessment(session: Session, rt: Runtime, zaak: Zaak, actor: Actor, today: date,
                       beslisdatum: date | None = None) -> Beoordeling:
    """The latest receipt if it still holds today for this decision date (same facts, same parameter values,
    confirmations included); otherwise a new one (e.g. the days since the finding crossed the point where the
    time elapsed must be weighed, or a beheerder confirmed a value). Flushes only."""
    row = latest(session, zaak)
    settle_body(session, rt, zaak, actor)
    result = _evaluate(session, rt, zaak, today, beslisdatum)
    if row is not None and same_result(row.assessment, result, parameter_set(result)[0]):
        return row
    return _store(session, rt, zaak, actor, today, result)


def _facts(session: Session, rt: Runtime, zaak: Zaak, today: date, decided: date,
           overlay: Overlay) -> tuple[date, dict[str, Any]]:
    """The peildatum (from the power's index.yaml) and the flat fact for it."""
    melding = zaak.melding
    on = peildatum_of(rt, zaak, today)
    params = rt.book.parameters_for(zaak.zaaktype, on, beslisdatum=decided, overlay=overlay)
    history = history_for(session, rt, zaak)
    # Time elapsed is counted to the planned sending date of the decision being drafted (issue 6 §3), which
    # is today when nothing is being drafted.
    return on, rt.power(zaak.zaaktype).facts_from_case(melding.gegevens, history, params, max(today, decided))


def changed_fields(old: Mapping[str, Any], new: Mapping[str, Any]) -> tuple[str, ...]:
    """The case-file fields a change touches: each top-level field, and for a record also "field.part" for each
    part that changed, so index.yaml's `reopened_by` can name a part (a date of notice is not the advice)."""
    found: list[str] = []
    for key, value in new.items():
        before = old.get(key)
        if before == value:
            continue
        found.append(key)
        if isinstance(value, Mapping) and isinstance(before, Mapping | None):
            parts = set(value) | set(before or {})
            found += [f"{key}.{p}" for p in sorted(parts) if (before or {}).get(p) != value.get(p)]
    return tuple(found)


def update_facts(session: Session, rt: Runtime, zaak: Zaak, changes: Mapping[str, Any],
                 version: int, user: User, today: date) -> Beoordeling:
    """The jurist corrects or completes the case file; judgements those facts reopen lapse, and the zaak is
    assessed again. Raises ConcurrentEdit, InvalidTransition."""
    melding, actor = zaak.melding, Actor.of(user)
    refuse_while_in_review(session, zaak)
    check_version(melding, version)
    touch(zaak)  # a judgement or draft form rendered before this change carries the zaak's version: now stale
    old = dict(melding.gegevens)
    changed = changed_fields(old, jsonable(dict(changes)))
    melding.gegevens = jsonable({**old, **changes})
    record_change(session, actor, actie="update", hoofd_object=zaak.identificatie, resource="melding",
                  resource_id=melding.id, weergave=f"Feiten van {zaak.identificatie}",
                  oud={k: old.get(k) for k in changes}, nieuw=dict(changes))
    procedure = rt.procedure(zaak.zaaktype)
    reopened = tuple(dict.fromkeys(code for field in changed for code in procedure.reopened_by(field)))
    reopen(session, zaak, user, reopened, reason="gewijzigde feiten")
    if set(changed) & set(rt.power(zaak.zaaktype).people_fields):
        add_listed_people(session, rt, zaak, actor)
    row = assess(session, rt, zaak, actor, today)
    session.commit()
    return row


def add_listed_person(session: Session, rt: Runtime, zaak: Zaak, field: str, person: Mapping[str, Any],  # noqa: PLR0913, PLR0917
                      version: int, user: User, today: date) -> Beoordeling:
    """The jurist adds one person to a case-file list of people (a parent with authority found by a manual
    look-up); the list is checked as the power's case file checks it, the person becomes a betrokkene and the
    zaak is assessed again, as with any fact change. Raises InvalidInput, ValidationError, ConcurrentEdit,
    InvalidTransition."""
    spec = rt.power(zaak.zaaktype)
    if field not in spec.people_fields:
        raise InvalidInput({"_schema": "Aan deze lijst kunt u hier geen persoon toevoegen."})
    listed = [*(zaak.melding.gegevens.get(field) or []), jsonable(dict(person))]
    checked = facts_schema(spec.case_file_schema, (field,))().load({field: listed, "version": version})
    return update_facts(session, rt, zaak, {field: checked[field]}, version, user, today)


def add_listed_people(session: Session, rt: Runtime, zaak: Zaak, actor: Actor) -> None:
    """People the jurist added to a case-file list of people (e.g. the persons with parental authority, found
    by a manual look-up) become betrokkenen, so they receive their letters; nobody is removed here (a wrong
    entry is corrected on the betrokkene's own form, which keeps the change history)."""
    spec = rt.power(zaak.zaaktype)
    data = {"adres": zaak.adres, "gegevens": zaak.melding.gegevens}
    params = rt.book.parameters_for(zaak.zaaktype, zaak.melding.pleegdatum)
    known = {(b.roltype, b.naam, b.geboortedatum) for b in zaak.betrokkenen}
    for person in map(person_row, spec.betrokkenen(data, params)):
        if (person["roltype"], person["naam"], person.get("geboortedatum")) in known:
            continue
        row = Betrokkene(**person)
        zaak.betrokkenen.append(row)
        session.flush()
        record_change(session, actor, actie="create", hoofd_object=zaak.identificatie, resource="betrokkene",
                      resource_id=row.id, weergave=row.roltype, nieuw={"roltype": row.roltype})


def latest(session: Session, zaak: Zaak) -> Beoordeling | None:
    """The newest assessment of a zaak."""
    return session.scalars(
        select(Beoordeling).where(Beoordeling.zaak_id == zaak.id).order_by(Beoordeling.id.desc())
    ).first()


def _digest(data: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
