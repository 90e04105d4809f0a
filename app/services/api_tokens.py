"""API tokens for machine clients: made and revoked by a beheerder (audited), checked on every API call (logged).

A token is `bvg_` plus 256 random bits; only its SHA-256 is stored, so the token is shown once, at creation.
Each token gets its own system account with the role, team and zaaktypes the beheerder chose: whatever the
token does is done, and logged, as that account. The token's scopes narrow what the role allows.
"""

from __future__ import annotations

import hashlib
import logging
import re
import secrets
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import Actor, record_access, record_change
from app.domain.errors import InvalidInput
from app.models import ApiToken, User
from app.models.types import utcnow
from app.runtime import Runtime
from app.services.accounts import hash_password

log = logging.getLogger(__name__)

PREFIX = "bvg_"
# scope -> the roles whose API operations it opens (a scope outside the token's role would open nothing).
SCOPES: dict[str, tuple[str, ...]] = {"meldingen:schrijven": ("handhaving",), "evaluaties": ("jurist", "kabinet")}
TOKEN_ROLES = ("handhaving", "jurist", "kabinet")


@dataclass(frozen=True)
class NewToken:
    """A token just made: the row and the one time the token itself is known."""

    row: ApiToken
    token: str


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create(session: Session, rt: Runtime, data: dict[str, Any], actor: User) -> NewToken:
    """A system account and its token (committed); data as ApiTokenSchema loads it. Raises InvalidInput."""
    _check(rt, data)
    account = User(username=_username(data["naam"]), display_name=data["naam"], role=data["role"],
                   team=data["team"], zaaktypes=data["zaaktypes"],
                   # Nobody may log in as a system: its password is random and never known to anyone.
                   password_hash=hash_password(secrets.token_urlsafe(32)))
    session.add(account)
    session.flush()
    token = PREFIX + secrets.token_urlsafe(32)
    row = ApiToken(naam=data["naam"], user_id=account.id, scopes=sorted(data["scopes"]), token_sha256=digest(token),
                   prefix=token[:10], aangemaakt_door_id=actor.id, aangemaakt_at=utcnow())
    session.add(row)
    session.flush()
    record_change(session, Actor.of(actor), actie="create", hoofd_object=f"user:{account.id}", resource="user",
                  resource_id=account.id, weergave=account.display_name, nieuw=_account(account))
    _audit(session, actor, "token_create", row, None)
    session.commit()
    return NewToken(row, token)


def revoke(session: Session, row: ApiToken, actor: User) -> None:
    """Revoke a token at once (committed); the row stays, to explain the logs."""
    if row.ingetrokken_at is not None:
        raise InvalidInput({"_schema": "Dit token is al ingetrokken."})
    old = snapshot(row)
    row.ingetrokken_at, row.ingetrokken_door_id = utcnow(), actor.id
    session.flush()
    _audit(session, actor, "token_revoke", row, old)
    session.commit()


def tokens(session: Session) -> list[ApiToken]:
    return list(session.scalars(select(ApiToken).order_by(ApiToken.ingetrokken_at.is_not(None), ApiToken.naam)))


def authenticate(session: Session, token: str, *, origin: str, what: str) -> ApiToken | None:
    """The live token this is, with its use in the access log (committed); None for an unknown or revoked one.

    `what` (method and path) goes into the log row; the token itself never does.
    """
    row = session.scalars(select(ApiToken).where(ApiToken.token_sha256 == digest(token))).first()
    if row is None:
        log.warning("unknown api token presented for %s", what)  # not in the access log: no actor to name
        return None
    result = "ok" if row.active else "denied"
    record_access(session, Actor.of(row.user), action="view", object_type="api_token", object_id=row.id,
                  case_id="-", result=result, origin=origin[:64], reason=what[:500])
    session.commit()
    return row if result == "ok" else None


def snapshot(row: ApiToken) -> dict[str, Any]:
    """The audited state of a token (never the token or its hash)."""
    return {"naam": row.naam, "user_id": row.user_id, "scopes": list(row.scopes), "prefix": row.prefix,
            "ingetrokken": row.ingetrokken_at is not None}


def _check(rt: Runtime, data: dict[str, Any]) -> None:
    errors = {}
    if [code for code in data["zaaktypes"] if code not in rt.book.powers]:
        errors["zaaktypes"] = "Kies alleen bestaande bevoegdheden."
    if [scope for scope in data["scopes"] if data["role"] not in SCOPES[scope]]:
        errors["scopes"] = ("Deze toegang past niet bij de gekozen rol (meldingen insturen: handhaving; "
                            "evaluaties: jurist of kabinet).")
    if "meldingen:schrijven" in data["scopes"] and not data["zaaktypes"]:
        errors["zaaktypes"] = "Kies de bevoegdheden waarvoor dit systeem meldingen doet."
    if errors:
        raise InvalidInput(errors)


def _username(naam: str) -> str:
    """A unique account name no person would choose: api-<name>-<random>."""
    slug = re.sub(r"[^a-z0-9]+", "-", naam.lower()).strip("-")[:60] or "systeem"
    return f"api-{slug}-{secrets.token_hex(4)}"


def _account(user: User) -> dict[str, Any]:
    return {"username": user.username, "display_name": user.display_name, "role": user.role, "team": user.team,
            "zaaktypes": list(user.zaaktypes), "systeem": True}


def _audit(session: Session, actor: User, actie: str, row: ApiToken, old: dict[str, Any] | None) -> None:
    record_change(session, Actor.of(actor), actie=actie, hoofd_object=f"api_token:{row.id}", resource="api_token",
                  resource_id=row.id, weergave=row.naam, oud=old, nieuw=snapshot(row))
