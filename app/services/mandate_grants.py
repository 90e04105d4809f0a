"""Granting a mandate with four eyes: one beheerder grants (pending), a second approves; ending and refusing.

A pending grant gives no power to sign (domain.mandates.in_force); the database refuses an active granted
mandate without a second beheerder (constraint mandaat_four_eyes). A granted mandate is never edited: a
change is an end (its last day) plus a new grant, so every power a person ever held was seen by two people.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import Actor, record_change
from app.domain.errors import FourEyesViolation, InvalidInput, InvalidTransition
from app.domain.mandates import AS_BODY
from app.domain.procedure import bodies, body_words
from app.models import Mandaat, User
from app.models.types import utcnow
from app.models.user import AANGEVRAAGD, ACTIEF, AFGEWEZEN
from app.runtime import Runtime

HOLDER_ROLES = ("kabinet", "handhaving")  # who signs (kabinet) or decides on the spot (an HOvJ in handhaving)


def grant(session: Session, rt: Runtime, data: dict[str, Any], actor: User) -> Mandaat:
    """Record a pending grant (committed). Raises InvalidInput with the fields at fault."""
    holder = session.get(User, data["user_id"])
    _check(rt, holder, data)
    mandaat = Mandaat(user_id=holder.id, besluittype=data["besluittype"], hoedanigheid=data["hoedanigheid"],
                      orgaan=data["orgaan"],
                      uitkomsten=list(data["uitkomsten"]), valid_from=data["valid_from"],
                      valid_until=data["valid_until"], mandaatbesluit=data["mandaatbesluit"],
                      functie=data["functie"], status=AANGEVRAAGD, verleend_door_id=actor.id)
    session.add(mandaat)
    session.flush()
    _audit(session, actor, "grant", mandaat, None, toelichting="Wacht op goedkeuring door een tweede beheerder.")
    session.commit()
    return mandaat


def approve(session: Session, mandaat: Mandaat, actor: User) -> None:
    """The second beheerder approves a pending grant; from then on it holds (committed)."""
    if mandaat.status != AANGEVRAAGD:
        raise InvalidTransition("Dit mandaat wacht niet op goedkeuring.")
    if mandaat.verleend_door_id == actor.id:
        raise FourEyesViolation("U heeft dit mandaat zelf verleend; een tweede beheerder moet het goedkeuren.")
    old = snapshot(mandaat)
    mandaat.status, mandaat.goedgekeurd_door_id, mandaat.goedgekeurd_at = ACTIEF, actor.id, utcnow()
    session.flush()
    _audit(session, actor, "approve_mandate", mandaat, old)
    session.commit()


def refuse(session: Session, mandaat: Mandaat, reden: str, actor: User) -> None:
    """A pending grant is refused (or withdrawn by its granter) with a reason; it never holds (committed)."""
    if mandaat.status != AANGEVRAAGD:
        raise InvalidTransition("Dit mandaat wacht niet op goedkeuring.")
    old = snapshot(mandaat)
    mandaat.status = AFGEWEZEN
    session.flush()
    _audit(session, actor, "refuse_mandate", mandaat, old, toelichting=reden)
    session.commit()


def end(session: Session, mandaat: Mandaat, last_day: date, actor: User) -> None:
    """An active mandate ends after `last_day` (committed); an earlier end only, never a longer one."""
    if mandaat.status != ACTIEF:
        raise InvalidTransition("Alleen een geldend mandaat kan worden beëindigd.")
    if last_day < mandaat.valid_from:
        raise InvalidInput({"laatste_dag": "De laatste dag ligt vóór de begindatum van het mandaat."})
    if mandaat.valid_until is not None and last_day > mandaat.valid_until:
        raise InvalidInput({"laatste_dag": "Een mandaat verlengen kan niet; verleen een nieuw mandaat."})
    old = snapshot(mandaat)
    mandaat.valid_until = last_day
    session.flush()
    _audit(session, actor, "end_mandate", mandaat, old)
    session.commit()


def mandates(session: Session, status: str | None = None) -> list[Mandaat]:
    """Every mandate (of a status), pending first, then by holder and power."""
    query = select(Mandaat).join(User, Mandaat.user_id == User.id).order_by(User.display_name, Mandaat.besluittype,
                                                                             Mandaat.id)
    if status:
        query = query.where(Mandaat.status == status)
    return list(session.scalars(query))


def snapshot(m: Mandaat) -> dict[str, Any]:
    """The audited state of a mandate."""
    return {"user_id": m.user_id, "besluittype": m.besluittype, "hoedanigheid": m.hoedanigheid, "orgaan": m.orgaan,
            "uitkomsten": list(m.uitkomsten or ()), "valid_from": m.valid_from, "valid_until": m.valid_until,
            "mandaatbesluit": m.mandaatbesluit, "functie": m.functie, "status": m.status,
            "verleend_door_id": m.verleend_door_id, "goedgekeurd_door_id": m.goedgekeurd_door_id}


def _check(rt: Runtime, holder: User | None, data: dict[str, Any]) -> None:
    errors: dict[str, str] = {}
    if holder is None or not holder.active or holder.role not in HOLDER_ROLES:
        errors["user_id"] = "Kies een actieve medewerker van het kabinet of de handhaving."
    if data["besluittype"] not in rt.book.powers:
        errors["besluittype"] = "Kies een bevoegdheid."
    else:
        errors.update(_outcomes(rt, data))
        errors.update(_body(rt, data))
    if data["hoedanigheid"] not in AS_BODY:
        if not data["mandaatbesluit"]:
            errors["mandaatbesluit"] = "Vul het mandaatbesluit in waarop dit mandaat rust."
        if not data["functie"]:
            errors["functie"] = "Vul de functie in die onder de handtekening komt."
    if errors:
        raise InvalidInput(errors)


def _body(rt: Runtime, data: dict[str, Any]) -> dict[str, str]:
    """The body that gives the mandate (Awb 10:1): the power's own body, or for a power settled per zaak the one
    chosen. Fills `data["orgaan"]` when the power has one body and none was chosen."""
    possible = bodies(rt.book.index(data["besluittype"]).orgaan)
    chosen = data.get("orgaan") or (possible[0] if len(possible) == 1 else None)
    if chosen is None:
        return {"orgaan": "Kies wie het mandaat verleent: de burgemeester of het college van burgemeester en "
                          "wethouders."}
    if chosen not in possible:
        return {"orgaan": f"Bij deze bevoegdheid beslist {body_words(possible[0])}; alleen die verleent dit mandaat."}
    data["orgaan"] = chosen
    return {}


def _outcomes(rt: Runtime, data: dict[str, Any]) -> dict[str, str]:
    procedure = rt.procedure(data["besluittype"])
    chosen = data["uitkomsten"]
    if not chosen:
        return {"uitkomsten": "Kies ten minste één beslissing die het mandaat dekt."}
    if any(code not in procedure.outcomes for code in chosen):
        return {"uitkomsten": "Kies alleen beslissingen van deze bevoegdheid."}
    refused = [procedure.outcome(code).label for code in chosen
               if not procedure.outcome(code).may_decide(data["hoedanigheid"])]
    if refused:
        return {"uitkomsten": f"In deze hoedanigheid kan niet worden beslist over: {', '.join(refused)}."}
    return {}


def _audit(session: Session, actor: User, actie: str, m: Mandaat, old: dict[str, Any] | None,
           toelichting: str = "") -> None:
    record_change(session, Actor.of(actor), actie=actie, hoofd_object=f"user:{m.user_id}", resource="mandaat",
                  resource_id=m.id, weergave=f"Mandaat {m.besluittype} van {m.user.display_name}", oud=old,
                  nieuw=snapshot(m), toelichting=toelichting)
