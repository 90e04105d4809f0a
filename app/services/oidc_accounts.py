"""Single sign-on accounts: a person the municipality's identity provider vouched for becomes a local user with
the role and team the mapping gives, and gets the same server-side login session as a local login.

The person is known by (issuer, subject) alone: a name or e-mail address can change or be reissued, so an
existing local account is never taken over by a matching name. Role and team follow the provider on every
login (audited when they change); zaaktypes and the confidentiality level only when the mapping names them.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app import strict_yaml
from app.audit import SYSTEM, Actor, record_change
from app.config import Config
from app.domain.errors import DomainError
from app.domain.oidc_mapping import Grant, MappingError, RoleMapping, parse_mapping
from app.models import LoginSession, OidcAccount, User
from app.models.types import utcnow
from app.services.user_admin import snapshot

VIA = "via de identiteitsprovider van de gemeente"
SSO_ONLY = "!sso"  # as password_hash: not an argon2 hash, so a password login to this account always fails
_USERNAME_CHARS = re.compile(r"[^A-Za-z0-9._@-]")


class SsoRefused(DomainError):
    message = "U kunt niet inloggen via de identiteitsprovider van de gemeente."


class NoRole(SsoRefused):
    message = ("Uw account bij de gemeente geeft geen toegang tot Bevoegd: er is geen rol aan gekoppeld. "
               "Neem contact op met de functioneel beheerder.")


class Deactivated(SsoRefused):
    message = "Uw account in Bevoegd is gedeactiveerd. Neem contact op met de functioneel beheerder."


@dataclass(frozen=True)
class Identity:
    """What the verified ID token (and the userinfo answer) said about the person."""

    issuer: str
    subject: str
    claims: Mapping[str, Any]
    auth_time: datetime | None = None  # when the person authenticated at the provider


def load_mapping(config: Config, powers: Iterable[str]) -> RoleMapping:
    """The mapping from the configuration's data or its file; RuntimeError stops the app at start-up."""
    try:
        raw = config.oidc_mapping or strict_yaml.load(config.oidc_mapping_file)
        return parse_mapping(raw, powers)
    except (MappingError, strict_yaml.StrictYamlError) as exc:
        raise RuntimeError(f"BEVOEGD_OIDC_MAPPING ({config.oidc_mapping_file}): {exc}") from exc


def login(session: Session, mapping: RoleMapping, identity: Identity, powers: Iterable[str]) -> LoginSession:
    """Find or provision the user, apply the mapping and start a server-side session (committed).

    Raises Deactivated or NoRole after recording the refusal in the audit trail."""
    link = session.scalars(select(OidcAccount).where(OidcAccount.issuer == identity.issuer,
                                                     OidcAccount.subject == identity.subject)).first()
    grant = mapping.grant_for(identity.claims)
    if link is not None and not link.user.active:
        _refuse(session, identity, link.user, "account gedeactiveerd")
        raise Deactivated()
    if grant is None:
        _refuse(session, identity, link.user if link else None, f"geen groep met een rol in '{mapping.claim}'")
        raise NoRole()
    if link is None:
        link = _provision(session, identity, grant, powers)
    else:
        _apply(session, link.user, grant, identity)
    link.last_login_at = utcnow()
    return _start_session(session, link.user, identity)


def _start_session(session: Session, user: User, identity: Identity) -> LoginSession:
    # auth_at is when the person last proved who they are: approval asks for that within 15 minutes, and
    # with single sign-on that moment is the provider's, not this callback's.
    now = utcnow()
    auth_at = min(identity.auth_time, now) if identity.auth_time else now
    row = LoginSession(id=secrets.token_urlsafe(32), user_id=user.id, auth_at=auth_at)
    session.add(row)
    record_change(session, Actor.of(user), actie="login", hoofd_object=f"user:{user.id}", resource="user",
                  resource_id=user.id, weergave=user.display_name, toelichting=f"Ingelogd {VIA}.")
    session.commit()
    return row


def _provision(session: Session, identity: Identity, grant: Grant, powers: Iterable[str]) -> OidcAccount:
    """A new user for a person the provider vouches for and the mapping gives a role (flushed)."""
    user = User(username=_free_username(session, identity), password_hash=SSO_ONLY, role=grant.role,
                team=grant.team, zaaktypes=list(grant.zaaktypes if grant.zaaktypes is not None else powers),
                **_profile(identity))
    if grant.max_vertrouwelijkheid:
        user.max_vertrouwelijkheid = grant.max_vertrouwelijkheid
    link = OidcAccount(issuer=identity.issuer, subject=identity.subject, user=user)
    session.add_all([user, link])
    try:
        session.flush()
    except IntegrityError as exc:  # the same person's first login in two tabs at once: the other one won
        session.rollback()
        raise SsoRefused("Inloggen is tegelijk in een ander venster gestart. Probeer het opnieuw.") from exc
    record_change(session, SYSTEM, actie="create", hoofd_object=f"user:{user.id}", resource="user",
                  resource_id=user.id, weergave=user.display_name, nieuw=snapshot(user),
                  toelichting=f"Aangemaakt bij de eerste keer inloggen {VIA} (groep {grant.group}).")
    return link


def _apply(session: Session, user: User, grant: Grant, identity: Identity) -> None:
    """Bring role, team and profile in line with the provider; one audit row when anything changed."""
    old = snapshot(user)
    wanted = {"role": grant.role, "team": grant.team, **_profile(identity)}
    if grant.zaaktypes is not None:
        wanted["zaaktypes"] = list(grant.zaaktypes)
    if grant.max_vertrouwelijkheid:
        wanted["max_vertrouwelijkheid"] = grant.max_vertrouwelijkheid
    for name, value in wanted.items():
        if getattr(user, name) != value:
            setattr(user, name, value)
    if snapshot(user) != old:
        session.flush()
        record_change(session, SYSTEM, actie="update", hoofd_object=f"user:{user.id}", resource="user",
                      resource_id=user.id, weergave=user.display_name, oud=old, nieuw=snapshot(user),
                      toelichting=f"Rol en gegevens bijgewerkt {VIA} (groep {grant.group}).")


def _refuse(session: Session, identity: Identity, user: User | None, reason: str) -> None:
    """A refused single sign-on is in the audit trail like any other refused action (committed)."""
    name = user.display_name if user else _profile(identity)["display_name"]
    record_change(session, Actor.of(user) if user else SYSTEM, actie="denied",
                  hoofd_object=f"user:{user.id}" if user else "sso", resource="user",
                  resource_id=user.id if user else _pseudonym(identity), weergave=name,
                  toelichting=f"Inloggen {VIA} geweigerd: {reason}.")
    session.commit()


def _profile(identity: Identity) -> dict[str, str]:
    claims = identity.claims
    full = " ".join(str(claims.get(k, "")).strip() for k in ("given_name", "family_name")).strip()
    name = str(claims.get("name") or full or claims.get("preferred_username") or _pseudonym(identity))
    profile = {"display_name": name.strip()[:200]}
    if isinstance(claims.get("email"), str):  # absent: keep what a beheerder entered for notifications
        profile["email"] = claims["email"][:200]
    return profile


def _free_username(session: Session, identity: Identity) -> str:
    """The provider's user name when it is free; a local account with the same name is someone else's."""
    wanted = _USERNAME_CHARS.sub("", str(identity.claims.get("preferred_username") or ""))[:60]
    for candidate in (wanted, f"{wanted}-{_pseudonym(identity)[4:]}" if wanted else "", _pseudonym(identity)):
        if candidate and session.scalar(select(User.id).where(User.username == candidate)) is None:
            return candidate
    return f"{_pseudonym(identity)}-{secrets.token_hex(4)}"


def _pseudonym(identity: Identity) -> str:
    """A stable name for the person that reveals nothing: the provider's subject may be an employee number."""
    return "sso-" + hashlib.sha256(f"{identity.issuer} {identity.subject}".encode()).hexdigest()[:12]
