"""Use cases for direct beroep and interim relief where a besluit has no objection stage (the power's
procedure data: `remedy: beroep`, e.g. a huisverbod under Awb 7:1 lid 1 onder g): register the beroep or the
verzoek om voorlopige voorziening (Awb 8:81), and the court's ruling with its effect. A beroep declared
gegrond annuls the besluit (`vernietigd_in_beroep`) in the same transaction: it no longer counts as an
earlier measure. Each is one transaction, audited; nothing is stored when one fails.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import Actor, record_change
from app.domain.bezwaar import ANNULS, RULINGS
from app.domain.errors import InvalidInput, InvalidTransition
from app.models import Beroep, Beslissing, User, Zaak
from app.runtime import Runtime
from app.services.earlier_measures import apply_revocation
from app.services.queries import APPROVED, check_version, touch


def has_direct_appeal(rt: Runtime, beslissing: Beslissing) -> bool:
    """The power's procedure data says this outcome goes straight to the court."""
    outcome = rt.procedure(beslissing.zaak.zaaktype).outcome(beslissing.soort)
    return outcome.besluit and outcome.remedy == "beroep"


def register(session: Session, rt: Runtime, zaak: Zaak, beslissing: Beslissing, data: dict[str, Any], user: User,
             today: date) -> Beroep:
    """Register a beroep or verzoek om voorlopige voorziening. Raises ConcurrentEdit, InvalidInput,
    InvalidTransition."""
    check_version(zaak, data["version"])
    if beslissing.status not in APPROVED or not has_direct_appeal(rt, beslissing):
        raise InvalidTransition("Tegen deze beslissing staat geen rechtstreeks beroep open.")
    if data["ingediend_op"] > today:
        raise InvalidInput({"ingediend_op": "De datum van indiening ligt in de toekomst."})
    if data.get("zitting_op") is not None and data["zitting_op"] < data["ingediend_op"]:
        raise InvalidInput({"zitting_op": "De zitting ligt na de indiening."})
    row = Beroep(zaak_id=zaak.id, beslissing_id=beslissing.id, soort=data["soort"], rechtbank=data["rechtbank"],
                 indiener_naam=data["indiener_naam"], ingediend_op=data["ingediend_op"],
                 zaaknummer=data.get("zaaknummer", ""), zitting_op=data.get("zitting_op"), created_by_id=user.id)
    session.add(row)
    touch(zaak)
    return _done(session, user, zaak, row, "create", old=None)


def record_ruling(session: Session, row: Beroep, data: dict[str, Any], user: User, today: date) -> Beroep:
    """The court's ruling; an annulment in beroep revokes the besluit. Raises ConcurrentEdit, InvalidInput,
    InvalidTransition."""
    check_version(row, data["version"])
    if row.uitspraak is not None:
        raise InvalidTransition("De uitspraak is al vastgelegd.")
    if data["uitspraak"] not in RULINGS[row.soort]:
        raise InvalidInput({"uitspraak": "Kies een uitspraak die bij deze procedure past."})
    if not row.ingediend_op <= data["uitspraak_op"] <= today:
        raise InvalidInput({"uitspraak_op": f"De uitspraak ligt tussen de indiening "
                                            f"({row.ingediend_op:%d-%m-%Y}) en vandaag."})
    old = _snapshot(row)
    row.uitspraak, row.uitspraak_op = data["uitspraak"], data["uitspraak_op"]
    row.zitting_op = data.get("zitting_op") or row.zitting_op
    row.toelichting = data.get("toelichting", "")
    besluit = row.beslissing
    if row.uitspraak == ANNULS and besluit.intrekking_soort is None:
        apply_revocation(session, besluit.zaak, besluit, {
            "soort": "vernietigd_in_beroep", "datum": row.uitspraak_op, "version": besluit.version_id,
            "reden": f"{row.rechtbank} {row.zaaknummer}: beroep gegrond, besluit vernietigd. {row.toelichting}"},
            user, today, earliest=row.ingediend_op)
    return _done(session, user, besluit.zaak, row, "update", old=old)


def beroepen_of(session: Session, zaak: Zaak) -> list[Beroep]:
    """Every beroep and verzoek om voorlopige voorziening of a zaak, oldest first."""
    return list(session.scalars(select(Beroep).where(Beroep.zaak_id == zaak.id).order_by(Beroep.id)))


def _done(session: Session, user: User, zaak: Zaak, row: Beroep, actie: str, *, old: dict[str, Any] | None) -> Beroep:
    session.flush()
    record_change(session, Actor.of(user), actie=actie, hoofd_object=zaak.identificatie, resource="beroep",
                  resource_id=row.id, weergave=f"{row.soort} {row.zaaknummer}".strip(), oud=old, nieuw=_snapshot(row))
    session.commit()
    return row


def _snapshot(row: Beroep) -> dict[str, Any]:
    fields = ("beslissing_id", "soort", "rechtbank", "indiener_naam", "ingediend_op", "zaaknummer", "zitting_op",
              "uitspraak", "uitspraak_op", "toelichting")
    return {f: getattr(row, f) for f in fields}
