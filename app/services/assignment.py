"""Assignment use case: name the jurist who handles a zaak (behandelaar), or hand it to another.

Only a jurist of the zaak's own team who is authorised for its zaaktype and its confidentiality level may
handle it, so a case never lands with someone who cannot open it. The zaak's version column turns two
people re-assigning at once into a conflict instead of a silent overwrite.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import Actor, record_change
from app.domain.errors import InvalidInput
from app.models import User, Zaak
from app.models.user import VERTROUWELIJKHEID
from app.services import notifications, toegang
from app.services.queries import check_version

NOT_ALLOWED = "Kies een jurist van het team van deze zaak die deze soort zaken mag behandelen."


def may_handle(user: User, zaak: Zaak) -> bool:
    """True when the user is an active jurist of the zaak's team, authorised for its zaaktype and level."""
    level = VERTROUWELIJKHEID.index(zaak.vertrouwelijkheidaanduiding)
    return (user.role == "jurist" and user.active and user.team == zaak.team and zaak.zaaktype in (user.zaaktypes or ())
            and VERTROUWELIJKHEID.index(user.max_vertrouwelijkheid) >= level)


def candidates(session: Session, zaak: Zaak) -> list[User]:
    """The jurists who may handle this zaak, by name."""
    users = session.scalars(select(User).where(User.role == "jurist", User.team == zaak.team,
                                               User.active.is_(True)).order_by(User.display_name))
    return [u for u in users if may_handle(u, zaak)]


def assign(session: Session, zaak: Zaak, behandelaar_id: int, version: int, actor: User) -> Zaak:
    """Make `behandelaar_id` the zaak's behandelaar (audited; he is told when someone else assigned him). On a
    restricted zaak the behandelaar and the assigner are put on its access list.

    Raises:
        InvalidInput: the user does not exist or may not handle this zaak (same answer: no enumeration).
        ConcurrentEdit: the zaak changed since the form was shown.
    """
    check_version(zaak, version)
    user = session.get(User, behandelaar_id) if 0 < behandelaar_id < 2**63 else None
    if user is None or not may_handle(user, zaak):
        raise InvalidInput({"behandelaar_id": NOT_ALLOWED})
    old = zaak.behandelaar
    if old is not None and old.id == user.id:
        raise InvalidInput({"behandelaar_id": f"{user.display_name} behandelt deze zaak al."})
    zaak.behandelaar_id = user.id
    zaak.behandelaar = user
    session.flush()
    record_change(session, Actor.of(actor), actie="assign", hoofd_object=zaak.identificatie, resource="zaak",
                  resource_id=zaak.id, weergave=zaak.identificatie,
                  oud={"behandelaar": old.username if old else None}, nieuw={"behandelaar": user.username})
    toegang.on_assignment(session, zaak, user, actor)  # a restricted zaak: both can open it from now on
    if user.id != actor.id:
        notifications.notify(session, [user], "toegewezen", zaak,
                             f"Zaak {zaak.identificatie} is aan u toegewezen.", f"/zaken/{zaak.id}")
    session.commit()
    return zaak
