"""Follow-up zaken: a power starts zaken of its own from another power's zaak (e.g. a letter to the parents of a
minor in a street-dealing case). The source power is not named anywhere: each power with a `follow_up` hook
reads the source zaak as plain data and returns the meldingen it would start; none means nothing is offered.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from typing import Any

from marshmallow import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import Actor, record_change
from app.domain.errors import InvalidInput
from app.models import Melding, User, Zaak
from app.runtime import Runtime
from app.services.assignment import may_handle
from app.services.intake import create_zaak
from app.services.queries import touch

PERSON = ("roltype", "naam", "geboortedatum", "straat", "huisnummer", "postcode", "woonplaats", "land",
          "is_organisatie")


@dataclass(frozen=True)
class Offer:
    """A follow-up the case page offers: the power, its title and how many zaken it would start."""

    code: str
    titel: str
    aantal: int


def source_of(zaak: Zaak, today: date, offender_roles: tuple[str, ...] = ()) -> dict[str, Any]:
    """The source zaak as the hooks read it (CONTRACT: plain data, no model objects). `offender_roles` are the
    source power's roles whose persons the measure is about (PowerSpec.offender_roles), so a hook can tell an
    offender from a protected household member without knowing the source power's vocabulary."""
    melding = zaak.melding
    return {"zaaktype": zaak.zaaktype, "kenmerk": zaak.identificatie, "omschrijving": zaak.omschrijving,
            "offender_roles": list(offender_roles),
            "pleegdatum": melding.pleegdatum, "bron_soort": melding.bron_soort, "bron_kenmerk": melding.bron_kenmerk,
            "bron_datum": melding.bron_datum, "today": today,
            "adres": zaak.adres,
            "betrokkenen": [{k: getattr(b, k) for k in PERSON}
                            for b in zaak.betrokkenen]}


def offers(rt: Runtime, zaak: Zaak, user: User, today: date) -> list[Offer]:
    """The follow-ups of other powers this user may start from this zaak (authorised for that zaaktype)."""
    source = source_of(zaak, today, _conduct(rt, zaak))
    found = []
    for code, spec in rt.powers.items():
        if spec.follow_up is None or code == zaak.zaaktype or code not in (user.zaaktypes or ()):
            continue
        count = len(spec.follow_up(source))
        if count:
            found.append(Offer(code, rt.book.index(code).title, count))
    return found


def followers(session: Session, zaak: Zaak) -> list[Zaak]:
    """The zaken started as a follow-up of this one."""
    return list(session.scalars(select(Zaak).where(Zaak.vervolg_op_id == zaak.id).order_by(Zaak.id)))


def start(session: Session, rt: Runtime, zaak: Zaak, code: str, user: User, today: date) -> list[Zaak]:  # noqa: PLR0913
    """Start the follow-up zaken of power `code` in one transaction; starting them again returns the same zaken.

    Raises:
        InvalidInput: the power offers no follow-up here, or the user is not authorised for it.
    """
    spec = rt.powers.get(code)
    if spec is None or spec.follow_up is None or code == zaak.zaaktype or code not in (user.zaaktypes or ()):
        raise InvalidInput({"vervolg": "Deze vervolgzaak kunt u hier niet starten."})
    meldingen = spec.follow_up(source_of(zaak, today, _conduct(rt, zaak)))
    if not meldingen:
        raise InvalidInput({"vervolg": "Er is niets om een vervolgzaak voor te starten."})
    started = [_one(session, rt, zaak, raw, (code, i), user, today) for i, raw in enumerate(meldingen)]
    touch(zaak)
    session.commit()
    return started


def _one(session: Session, rt: Runtime, zaak: Zaak, raw: dict[str, Any], target: tuple[str, int],  # noqa: PLR0913
         user: User, today: date) -> Zaak:
    """One follow-up zaak. Its submission id is derived from the source zaak, the power and the position, not
    from who starts it: starting it again, by anyone, finds the same zaak."""
    code, position = target
    token = f"vervolg-{zaak.identificatie}-{code}-{position}"
    key = hashlib.sha256(token.encode()).hexdigest()
    known = session.scalars(select(Melding).where(Melding.submission_id == key)).first()
    if known is not None:
        return known.zaak
    try:
        data = rt.power(code).melding_schema().load({**raw, "zaaktype": code, "submission_id": token})
    except ValidationError as exc:
        raise InvalidInput({"vervolg": f"De vervolgzaak is niet compleet: {_first(exc.messages)}"}) from None
    new = create_zaak(session, rt, {**data, "submission_id": key}, user, today)
    new.vervolg_op_id, new.team = zaak.id, zaak.team
    if may_handle(user, new):  # who starts it handles it, as he handles the zaak it follows
        new.behandelaar_id = user.id
    record_change(session, Actor.of(user), actie="create", hoofd_object=zaak.identificatie, resource="vervolgzaak",
                  resource_id=new.id, weergave=new.identificatie,
                  nieuw={"zaaktype": code, "zaak": new.identificatie, "behandelaar_id": new.behandelaar_id})
    return new


def _first(messages: Any) -> str:
    while isinstance(messages, dict | list) and messages:
        messages = next(iter(messages.values())) if isinstance(messages, dict) else messages[0]
    return str(messages)


def _conduct(rt: Runtime, zaak: Zaak) -> tuple[str, ...]:
    """The source power's roles of persons whose own conduct its case is about (PowerSpec.conduct_roles)."""
    spec = rt.power(zaak.zaaktype)
    return spec.conduct_roles or spec.offender_roles
