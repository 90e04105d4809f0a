"""A user replaces the initial password a beheerder chose (or their own) by one only they know; audited
without any password material."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.audit import Actor, record_change
from app.domain.errors import InvalidInput
from app.models import User
from app.schemas.beheer import MIN_PASSWORD
from app.services.accounts import hash_password, verify


def change_password(session: Session, user: User, current: str, new: str, repeat: str) -> None:
    """Check the current password and the new one; store its hash and lift the must-change flag (committed)."""
    errors: dict[str, str] = {}
    if not verify(user, current):
        errors["huidig"] = "Dit is niet uw huidige wachtwoord."
    if len(new) < MIN_PASSWORD:
        errors["nieuw"] = f"Kies een wachtwoord van minstens {MIN_PASSWORD} tekens."
    elif new == current:
        errors["nieuw"] = "Kies een ander wachtwoord dan het huidige."
    elif repeat != new:
        errors["herhaling"] = "De herhaling is niet gelijk aan het nieuwe wachtwoord."
    if errors:
        raise InvalidInput(errors)
    user.password_hash, user.wachtwoord_wijzigen = hash_password(new), False
    record_change(session, Actor.of(user), actie="password", hoofd_object=f"user:{user.id}", resource="user",
                  resource_id=user.id, weergave=user.display_name)
    session.commit()
