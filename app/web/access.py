"""The one authorization filter: every list, detail, preview and download goes through visible_zaken."""

from __future__ import annotations

from flask import abort, make_response, request
from sqlalchemy import Select, false, select
from sqlalchemy.orm import Session

from app.models import Zaak
from app.models.user import VERTROUWELIJKHEID, User
from app.services import toegang
from app.services.cases import record_denied
from app.web.errors import respond

CASE_ROLES = ("jurist", "kabinet")
# What a jurist may do with a restricted zaak whose access list is still empty: open its page (which then shows
# only the assignment) and assign a behandelaar. Every other route is refused for him.
ASSIGN_ONLY_ENDPOINTS = frozenset({"cases.show", "worklists.assign"})
ASSIGN_ONLY = ("Deze zaak is alleen toegankelijk voor de mensen op haar toegangslijst, en die is nog leeg. "
               "U kunt alleen een behandelaar toewijzen.")


def visible_zaken(user: User) -> Select[tuple[Zaak]]:
    """Zaken this user may see: authorised zaaktype, own team, at most their confidentiality level, and for a
    restricted zaak (index.yaml `toegang: lijst`) on its access list (services/toegang.open_to).

    Handhaving sees only the zaken of its own meldingen (status only, no case content); beheerder and auditor
    see no case content at all.
    """
    query = select(Zaak)
    if user.role == "handhaving":
        return query.where(Zaak.created_by_id == user.id)
    if user.role not in CASE_ROLES:
        return query.where(false())
    allowed = VERTROUWELIJKHEID[: VERTROUWELIJKHEID.index(user.max_vertrouwelijkheid) + 1]
    return query.where(
        Zaak.zaaktype.in_(user.zaaktypes or ()), Zaak.team == user.team,
        Zaak.vertrouwelijkheidaanduiding.in_(allowed), toegang.open_to(user),
    )


def get_visible_zaak(session: Session, user: User, zaak_id: int) -> Zaak:
    """The zaak if visible; otherwise 404 (existence is not revealed) and a denied access row. A jurist who sees
    a restricted zaak only because its list is empty gets 403 on anything but its page and the assignment."""
    zaak = session.scalars(visible_zaken(user).where(Zaak.id == zaak_id)).first()
    if zaak is None:
        record_denied(session, user, object_type="zaak", object_id=zaak_id, case_id=zaak_id,
                      origin=request.remote_addr or "", reason=_why_hidden(session, zaak_id))
        abort(404)
    if (zaak.toegang_beperkt and user.role != "handhaving" and request.endpoint not in ASSIGN_ONLY_ENDPOINTS
            and toegang.assign_only(session, zaak, user)):
        record_denied(session, user, object_type="zaak", object_id=zaak_id, case_id=zaak.identificatie,
                      origin=request.remote_addr or "", reason="toegangslijst leeg: alleen toewijzen")
        _refuse()
    return zaak


def _why_hidden(session: Session, zaak_id: int) -> str:
    """Tell the auditor when the refusal was the access list (the person is not told)."""
    zaak = session.get(Zaak, zaak_id) if 0 < zaak_id < 2**63 else None
    return "niet op de toegangslijst" if zaak is not None and zaak.toegang_beperkt else ""


def _refuse() -> None:
    body, status = respond(403, "Geen toegang", ASSIGN_ONLY)
    abort(make_response(body, status))
