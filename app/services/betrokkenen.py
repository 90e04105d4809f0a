"""The jurist corrects a betrokkene's name, address (also to one in Belgium or Germany) or date of birth (the
kabinet returns letters for it).

A correction is refused while letters built from the old values await the kabinet or are approved but not
yet sent (approved letters never change; their recipient would no longer match the case). Where the power's
case file holds the same person (a huisverbod's barred person and household), the case file is corrected
with him, and the zaak is assessed again as a fact change is: a birth date can make a resident a minor, and
repeat offences match persons on name and date of birth.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import Actor, record_change
from app.domain.errors import FactsRejected, InvalidInput, InvalidTransition
from app.domain.serialize import jsonable
from app.models import AuditEntry, Beslissing, Betrokkene, User, Zaak
from app.runtime import Runtime
from app.services.assessment import assess
from app.services.judging import reopen
from app.services.queries import check_version, refuse_when_closed, refuse_while_in_review, touch

FIELDS = ("naam", "geboortedatum", "straat", "huisnummer", "postcode", "woonplaats", "land")
IDENTITY = ("naam", "geboortedatum")  # what the facts and the repeat count read


def edit_betrokkene(session: Session, rt: Runtime, zaak: Zaak, person: Betrokkene, data: dict[str, Any],  # noqa: PLR0913, PLR0917 - one use case, the version the jurist saw
                    version: int, actor: User, today: date) -> dict[str, Any]:
    """Correct one betrokkene; returns the changed fields. Raises ConcurrentEdit, InvalidTransition,
    InvalidInput, FactsRejected (the corrected case file does not hold)."""
    refuse_when_closed(zaak)
    refuse_while_in_review(session, zaak)
    _refuse_while_approved_unsent(session, zaak)
    check_version(person, version)
    old = {f: getattr(person, f) for f in FIELDS}
    changes = {f: data[f] for f in FIELDS if f in data and data[f] != old[f]}
    _check(person, zaak, changes)
    if not changes:
        return {}
    for name, value in changes.items():
        setattr(person, name, value)
    record_change(session, Actor.of(actor), actie="correct", hoofd_object=zaak.identificatie, resource="betrokkene",
                  resource_id=person.id, weergave=person.roltype, oud={f: old[f] for f in changes}, nieuw=changes)
    if any(f in changes for f in IDENTITY):
        _correct_case_file(session, rt, zaak, old, changes, actor)
        _reassess(session, rt, zaak, actor, today, changes)
    touch(zaak)
    session.commit()
    return changes


def corrections(session: Session, zaak: Zaak) -> list[AuditEntry]:
    """The audited corrections of this zaak's betrokkenen, newest first (the case page shows them to the people
    authorised for the zaak; nothing else of the audit trail)."""
    return list(session.scalars(select(AuditEntry).where(
        AuditEntry.hoofd_object == zaak.identificatie, AuditEntry.resource == "betrokkene",
        AuditEntry.actie == "correct").order_by(AuditEntry.id.desc())))


def _refuse_while_approved_unsent(session: Session, zaak: Zaak) -> None:
    approved = session.scalars(select(Beslissing.id).where(Beslissing.zaak_id == zaak.id,
                                                           Beslissing.status == "vastgesteld")).first()
    if approved is not None:
        raise InvalidTransition("Er is een vastgestelde beslissing waarvan de brieven nog niet zijn verzonden. "
                                "Goedgekeurde brieven veranderen niet; corrigeer de betrokkene nadat de verzending "
                                "is vastgelegd, of laat de beslissing intrekken.")


def _check(person: Betrokkene, zaak: Zaak, changes: dict[str, Any]) -> None:
    born = changes.get("geboortedatum")
    if person.is_organisatie and born is not None:
        raise InvalidInput({"geboortedatum": "Een organisatie heeft geen geboortedatum."})
    if born is not None and born > zaak.melding.pleegdatum:
        raise InvalidInput({"geboortedatum": "De geboortedatum ligt na de datum van de overtreding."})


def _reassess(session: Session, rt: Runtime, zaak: Zaak, actor: User, today: date, changes: dict[str, Any]) -> None:
    """A new receipt, as a fact change makes; a case file the power refuses (a barred person must keep his
    date of birth) is reported on the field that was changed."""
    try:
        assess(session, rt, zaak, Actor.of(actor), today)
    except FactsRejected as exc:
        field = "geboortedatum" if "geboortedatum" in changes else "naam"
        raise InvalidInput({field: " ".join(exc.errors.values()) or exc.message}) from None


def _correct_case_file(session: Session, rt: Runtime, zaak: Zaak, old: dict[str, Any], changes: dict[str, Any],
                       actor: User) -> None:
    """The case file's entries for the same person (same name and date of birth) follow the correction; the
    judgements those case-file fields reopen lapse, as with a fact change."""
    melding = zaak.melding
    before = jsonable(old)
    gegevens, touched = _replace(melding.gegevens, before, jsonable(changes))
    if not touched:
        return
    melding.gegevens = gegevens
    procedure = rt.procedure(zaak.zaaktype)
    reopen(session, zaak, actor, tuple(dict.fromkeys(c for f in touched for c in procedure.reopened_by(f))),
           reason="gecorrigeerde betrokkene")


def _replace(gegevens: dict[str, Any], before: dict[str, Any],
             after: dict[str, Any]) -> tuple[dict[str, Any], set[str]]:
    """A copy of the case file with every person entry matching `before` corrected, and the top-level fields
    that changed."""
    touched: set[str] = set()

    def fix(value: Any, top: str) -> Any:
        if isinstance(value, list):
            return [fix(v, top) for v in value]
        if isinstance(value, dict):
            if value.get("naam") == before["naam"] and value.get("geboortedatum") == before["geboortedatum"]:
                touched.add(top)
                return {**value, **{k: v for k, v in after.items() if k in IDENTITY}}
            return value
        return value

    return {k: fix(v, k) for k, v in gegevens.items()}, touched
