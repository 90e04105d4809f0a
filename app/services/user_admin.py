"""The beheerder's use cases for users and teams: create, change, (de)activate; every change audited.

No self-lockout: a beheerder cannot deactivate themself or take away their own role, and the last active
beheerder stays one, so someone can always manage the accounts.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.audit import Actor, record_change
from app.domain.errors import InvalidInput
from app.models import LoginSession, User, Zaak
from app.models.types import utcnow
from app.runtime import Runtime
from app.services.accounts import hash_password

EDITABLE = ("display_name", "role", "team", "zaaktypes", "max_vertrouwelijkheid", "phone", "email")


def create_user(session: Session, rt: Runtime, data: dict[str, Any], actor: User) -> User:
    """A new active account with an initial password (committed). Raises InvalidInput."""
    errors = _zaaktypes(rt, data)
    if session.scalar(select(User.id).where(User.username == data["username"])) is not None:
        errors["username"] = "Deze gebruikersnaam bestaat al; kies een andere."
    if errors:
        raise InvalidInput(errors)
    user = User(username=data["username"], password_hash=hash_password(data["password"]), wachtwoord_wijzigen=True,
                **{name: data[name] for name in EDITABLE})
    session.add(user)
    session.flush()
    _audit(session, actor, "create", user, None)
    session.commit()
    return user


def update_user(session: Session, rt: Runtime, user: User, data: dict[str, Any], actor: User) -> None:
    """Change a user's name, role, team, zaaktypes, confidentiality level or phone (committed)."""
    errors = _zaaktypes(rt, data)
    if data["role"] != "beheerder" and user.role == "beheerder" and _sole_or_self(session, user, actor):
        errors["role"] = "U kunt uw eigen rol of die van de laatste beheerder niet wijzigen."
    if errors:
        raise InvalidInput(errors)
    old = snapshot(user)
    for name in EDITABLE:
        setattr(user, name, data[name])
    session.flush()
    _audit(session, actor, "update", user, old)
    session.commit()


def set_active(session: Session, user: User, active: bool, actor: User) -> None:
    """Deactivate (its sessions end at once) or reactivate an account (committed)."""
    if not active and user.role == "beheerder" and _sole_or_self(session, user, actor):
        raise InvalidInput({"_schema": "U kunt uzelf of de laatste beheerder niet deactiveren."})
    old = snapshot(user)
    user.active = active
    if not active:
        for row in session.scalars(select(LoginSession).where(LoginSession.user_id == user.id,
                                                              LoginSession.revoked_at.is_(None))):
            row.revoked_at = utcnow()
    session.flush()
    _audit(session, actor, "activate" if active else "deactivate", user, old)
    session.commit()


def users(session: Session) -> list[User]:
    return list(session.scalars(select(User).order_by(User.active.desc(), User.display_name)))


def teams(session: Session) -> list[tuple[str, int, int, int]]:
    """Each team users or zaken belong to: (team, active users, inactive users, zaken)."""
    count = select(User.team, func.count()).group_by(User.team)
    active = _counts(session, count.where(User.active.is_(True)))
    inactive = _counts(session, count.where(User.active.is_(False)))
    zaken = _counts(session, select(Zaak.team, func.count()).group_by(Zaak.team))
    names = sorted(set(active) | set(inactive) | set(zaken))
    return [(name, active.get(name, 0), inactive.get(name, 0), zaken.get(name, 0)) for name in names]


def _counts(session: Session, query: Any) -> dict[str, int]:
    return {team: n for team, n in session.execute(query).all()}


def snapshot(user: User) -> dict[str, Any]:
    """The audited state of a user (never the password hash)."""
    return {"username": user.username, "active": user.active, **{name: getattr(user, name) for name in EDITABLE}}


def _sole_or_self(session: Session, user: User, actor: User) -> bool:
    others = session.scalar(select(func.count()).select_from(User).where(
        User.role == "beheerder", User.active.is_(True), User.id != user.id)) or 0
    return user.id == actor.id or others == 0


def _zaaktypes(rt: Runtime, data: dict[str, Any]) -> dict[str, str]:
    unknown = [code for code in data["zaaktypes"] if code not in rt.book.powers]
    return {"zaaktypes": "Kies alleen bestaande bevoegdheden."} if unknown else {}


def _audit(session: Session, actor: User, actie: str, user: User, old: dict[str, Any] | None) -> None:
    record_change(session, Actor.of(actor), actie=actie, hoofd_object=f"user:{user.id}", resource="user",
                  resource_id=user.id, weergave=user.display_name, oud=old, nieuw=snapshot(user))
