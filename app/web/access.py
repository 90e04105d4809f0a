"""The one authorization filter: every list, detail, preview and download goes through visible_zaken."""

from __future__ import annotations

from flask import abort, request
from sqlalchemy import Select, false, select
from sqlalchemy.orm import Session

from app.models import Zaak
from app.models.user import VERTROUWELIJKHEID, User
from app.services.cases import record_denied

CASE_ROLES = ("jurist", "kabinet")


def visible_zaken(user: User) -> Select[tuple[Zaak]]:
    """Zaken this user may see: authorised zaaktype, own team, at most their confidentiality level.

    Handhaving sees only the zaken of its own meldingen (status only); beheerder and auditor see no
    case content at all.
    """
    query = select(Zaak)
    if user.role == "handhaving":
        return query.where(Zaak.created_by_id == user.id)
    if user.role not in CASE_ROLES:
        return query.where(false())
    allowed = VERTROUWELIJKHEID[: VERTROUWELIJKHEID.index(user.max_vertrouwelijkheid) + 1]
    return query.where(
        Zaak.zaaktype.in_(user.zaaktypes or ()), Zaak.team == user.team,
        Zaak.vertrouwelijkheidaanduiding.in_(allowed),
    )


def get_visible_zaak(session: Session, user: User, zaak_id: int) -> Zaak:
    """The zaak if visible; otherwise 404 (existence is not revealed) and a denied access row."""
    zaak = session.scalars(visible_zaken(user).where(Zaak.id == zaak_id)).first()
    if zaak is None:
        record_denied(session, user, object_type="zaak", object_id=zaak_id, case_id=zaak_id,
                      origin=request.remote_addr or "")
        abort(404)
    return zaak
