"""The access list of a restricted zaak (index.yaml `toegang: lijst`, models/toegang.py).

A restricted zaak is visible only to the people on its list, on top of the role, team, zaaktype and
confidentiality checks of web/access.py. While nobody is on it yet, the team's authorised jurists see the zaak
so that one of them can assign a behandelaar; the assignment puts the behandelaar and the assigner on the list.
After that, only someone on the list adds or removes people. Signatories and notifications of a restricted zaak
are limited to the list: a signatory or a message to someone outside it would tell him the case exists.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import ColumnElement, exists, or_, select
from sqlalchemy.orm import Session

from app.audit import Actor, record_access, record_change
from app.domain.errors import InvalidInput, MandateMissing
from app.models import Beslissing, User, Zaak, ZaakToegang
from app.models.user import VERTROUWELIJKHEID
from app.runtime import Runtime
from app.services.queries import check_version, touch

LIJST = "lijst"
TEAM_ROLES = ("jurist", "kabinet")  # who can be on a list: the people who work on a case
NOT_ELIGIBLE = "Kies iemand van het team van deze zaak die deze soort zaken mag inzien."
NOT_A_MEMBER = "Alleen wie op de toegangslijst staat, kan mensen toevoegen of verwijderen."
NOT_ON_LIST = "Kies een ondertekenaar die op de toegangslijst van deze zaak staat."


def restricted(rt: Runtime, power: str) -> bool:
    """Whether the zaken of this power start with an access list."""
    return rt.book.index(power).toegang == LIJST


def open_to(user: User) -> ColumnElement[bool]:
    """The SQL condition on Zaak: not restricted, or this user is on its list; a jurist also sees a restricted
    zaak whose list is still empty (only to assign it, see web/access.py)."""
    on_list = exists().where(ZaakToegang.zaak_id == Zaak.id, ZaakToegang.user_id == user.id)
    if user.role != "jurist":
        return or_(Zaak.toegang_beperkt.is_(False), on_list)
    nobody = ~exists().where(ZaakToegang.zaak_id == Zaak.id)
    return or_(Zaak.toegang_beperkt.is_(False), on_list, nobody)


def members(session: Session, zaak: Zaak) -> list[ZaakToegang]:
    """The zaak's list, by name."""
    return list(session.scalars(select(ZaakToegang).join(User, ZaakToegang.user_id == User.id).where(
        ZaakToegang.zaak_id == zaak.id).order_by(User.display_name)))


def member_ids(session: Session, zaak: Zaak) -> set[int]:
    return set(session.scalars(select(ZaakToegang.user_id).where(ZaakToegang.zaak_id == zaak.id)))


def assign_only(session: Session, zaak: Zaak, user: User) -> bool:
    """True when the user sees this restricted zaak only because its list is empty: he may only assign it."""
    return zaak.toegang_beperkt and user.id not in member_ids(session, zaak)


def only_members(session: Session, zaak: Zaak, users: Iterable[User]) -> list[User]:
    """The users on the zaak's list (all of them for a zaak without a list): who may be offered as signatory."""
    if not zaak.toegang_beperkt:
        return list(users)
    ids = member_ids(session, zaak)
    return [u for u in users if u.id in ids]


def may_be_told(session: Session, zaak: Zaak, users: Iterable[User | None]) -> list[User | None]:
    """The users a notification about this zaak may reach: those who can see it (list members, or while the list
    is empty the jurists, who see it to assign it)."""
    if not zaak.toegang_beperkt:
        return list(users)
    ids = member_ids(session, zaak)
    return [u for u in users if u is not None and (u.id in ids or (not ids and u.role == "jurist"))]


def eligible(user: User, zaak: Zaak) -> bool:
    """An active jurist or kabinet member of the zaak's team, authorised for its zaaktype and level."""
    level = VERTROUWELIJKHEID.index(zaak.vertrouwelijkheidaanduiding)
    return (user.role in TEAM_ROLES and user.active and user.team == zaak.team
            and zaak.zaaktype in (user.zaaktypes or ())
            and VERTROUWELIJKHEID.index(user.max_vertrouwelijkheid) >= level)


def candidates(session: Session, zaak: Zaak) -> list[User]:
    """Who can be added: eligible team members not on the list yet, by name."""
    on_list = member_ids(session, zaak)
    users = session.scalars(select(User).where(User.team == zaak.team, User.role.in_(TEAM_ROLES),
                                               User.active.is_(True)).order_by(User.display_name))
    return [u for u in users if u.id not in on_list and eligible(u, zaak)]


def grant(session: Session, zaak: Zaak, user_id: int, by: User, version: int) -> ZaakToegang:
    """Put a team member on the list (audited, one transaction).

    Raises:
        InvalidInput: `by` is not on the list, or the user is unknown, not eligible or already on it.
        ConcurrentEdit: the zaak changed since the form was shown.
    """
    check_version(zaak, version)
    _require_member(session, zaak, by)
    user = session.get(User, user_id) if 0 < user_id < 2**63 else None
    if user is None or not eligible(user, zaak):  # one answer for both: no user enumeration
        raise InvalidInput({"user_id": NOT_ELIGIBLE})
    if user.id in member_ids(session, zaak):
        raise InvalidInput({"user_id": f"{user.display_name} staat al op de toegangslijst."})
    row = _add(session, zaak, user, by)
    touch(zaak)
    session.commit()
    return row


def revoke(session: Session, zaak: Zaak, user_id: int, by: User, version: int) -> None:
    """Take someone off the list (audited, one transaction).

    Raises:
        InvalidInput: `by` is not on the list; the user is not on it, handles the zaak or must still sign.
        ConcurrentEdit: the zaak changed since the page was shown.
    """
    check_version(zaak, version)
    _require_member(session, zaak, by)
    row = session.scalars(select(ZaakToegang).where(ZaakToegang.zaak_id == zaak.id,
                                                    ZaakToegang.user_id == user_id)).first()
    if row is None:
        raise InvalidInput({"user_id": "Deze persoon staat niet op de toegangslijst."})
    _refuse_needed(session, zaak, row.user)
    record_change(session, Actor.of(by), actie="toegang_ingetrokken", hoofd_object=zaak.identificatie,
                  resource="zaak_toegang", resource_id=row.id, weergave=row.user.display_name,
                  oud={"gebruiker": row.user.username}, nieuw=None)
    session.delete(row)
    touch(zaak)
    session.commit()


def on_assignment(session: Session, zaak: Zaak, behandelaar: User, assigner: User) -> None:
    """Put the new behandelaar and whoever assigned him on a restricted zaak's list (flushes; the assignment's
    transaction commits). Without this, nobody could open the zaak once it is handled."""
    if not zaak.toegang_beperkt:
        return
    on_list = member_ids(session, zaak)
    for user in {u.id: u for u in (behandelaar, assigner)}.values():  # one row when he assigns himself
        if user.id not in on_list and eligible(user, zaak):
            _add(session, zaak, user, assigner)


def _add(session: Session, zaak: Zaak, user: User, by: User) -> ZaakToegang:
    row = ZaakToegang(zaak_id=zaak.id, user_id=user.id, verleend_door_id=by.id)
    session.add(row)
    session.flush()
    record_change(session, Actor.of(by), actie="toegang_verleend", hoofd_object=zaak.identificatie,
                  resource="zaak_toegang", resource_id=row.id, weergave=user.display_name,
                  nieuw={"gebruiker": user.username, "rol": user.role})
    return row


def _require_member(session: Session, zaak: Zaak, user: User) -> None:
    if not zaak.toegang_beperkt:
        raise InvalidInput({"user_id": "Deze zaak heeft geen toegangslijst."})
    if user.id not in member_ids(session, zaak):
        raise InvalidInput({"user_id": NOT_A_MEMBER})


def _refuse_needed(session: Session, zaak: Zaak, user: User) -> None:
    """The behandelaar and a signatory with an offer pending must keep their access."""
    if zaak.behandelaar_id == user.id:
        raise InvalidInput({"user_id": f"{user.display_name} behandelt deze zaak. Wijs eerst een andere "
                                       "behandelaar toe."})
    pending = session.scalars(select(Beslissing.id).where(
        Beslissing.zaak_id == zaak.id, Beslissing.status == "ter_vaststelling",
        Beslissing.ondertekenaar_id == user.id)).first()
    if pending is not None:
        raise InvalidInput({"user_id": f"Er ligt een beslissing ter vaststelling bij {user.display_name}."})


def require_signer_on_list(session: Session, zaak: Zaak, signer: User) -> None:
    """A restricted zaak is signed only by someone on its list (he must read the file he signs).

    Raises:
        MandateMissing: the signatory is not on the list.
    """
    if zaak.toegang_beperkt and signer.id not in member_ids(session, zaak):
        raise MandateMissing(NOT_ON_LIST)


def log_assign_only_view(session: Session, zaak: Zaak, actor: User, origin: str) -> None:
    """Log that a jurist opened a restricted zaak whose list is empty (he sees only whom to assign)."""
    record_access(session, Actor.of(actor), action="view", object_type="zaak", object_id=zaak.id,
                  case_id=zaak.identificatie, origin=origin, reason="toegangslijst leeg: alleen toewijzen")
    session.commit()
