"""Jurist: preview a concept's letters (HTML and .docx, not stored) and withdraw an offered draft."""

from __future__ import annotations

import io
from typing import Any

from flask import Blueprint, abort, current_app, render_template, request, send_file
from flask_login import current_user
from markupsafe import Markup
from marshmallow import ValidationError

from app import clock
from app.db import get_session
from app.domain import errors as e
from app.letters.preview import to_html
from app.models import Beslissing, User, Zaak
from app.schemas.casework import WithdrawSchema
from app.services import letter_preview, withdrawal
from app.services.queries import beslissing_of
from app.web import confirmation
from app.web.access import get_visible_zaak
from app.web.auth import role_required
from app.web.errors import form_errors, status_for
from app.web.forms import fields_of

bp = Blueprint("casework", __name__)
REFUSALS = (e.InvalidInput, e.JudgementMissing, e.InvalidTransition, e.MandateMissing, e.ConcurrentEdit)
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@bp.get("/zaken/<int:zaak_id>/beslissingen/<int:beslissing_id>/voorbeeld")
@role_required("jurist")
def preview(zaak_id: int, beslissing_id: int) -> Any:
    zaak, beslissing = _beslissing(zaak_id, beslissing_id)
    try:
        letters = _letters(beslissing)
    except REFUSALS as exc:
        get_session().rollback()
        return _page(zaak, beslissing, [], _refusal(zaak, exc)), status_for(exc, form=True)
    shown = [(letter, Markup(to_html(letter.inhoud))) for letter in letters]  # noqa: S704 - to_html sanitises with nh3
    return _page(zaak, beslissing, shown, [])


@bp.get("/zaken/<int:zaak_id>/beslissingen/<int:beslissing_id>/voorbeeld/<int:betrokkene_id>.docx")
@role_required("jurist")
def preview_docx(zaak_id: int, beslissing_id: int, betrokkene_id: int) -> Any:
    zaak, beslissing = _beslissing(zaak_id, beslissing_id)
    try:
        letters = _letters(beslissing)
    except REFUSALS as exc:
        get_session().rollback()
        return _page(zaak, beslissing, [], _refusal(zaak, exc)), status_for(exc, form=True)
    letter = next((x for x in letters if x.betrokkene_id == betrokkene_id), None)
    if letter is None:
        abort(404)
    response = send_file(io.BytesIO(letter.inhoud), mimetype=DOCX, as_attachment=True,
                         download_name=letter.bestandsnaam, max_age=0)
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/zaken/<int:zaak_id>/beslissingen/<int:beslissing_id>/terugtrekken")
@role_required("jurist")
def confirm_withdrawal(zaak_id: int, beslissing_id: int) -> Any:
    zaak, beslissing = _beslissing(zaak_id, beslissing_id)
    return render_template("cases/withdraw.html", zaak=zaak, beslissing=beslissing, errors={},
                           power=zaak.zaaktype)


@bp.post("/zaken/<int:zaak_id>/beslissingen/<int:beslissing_id>/terugtrekken")
@role_required("jurist")
def withdraw(zaak_id: int, beslissing_id: int) -> Any:
    zaak, beslissing = _beslissing(zaak_id, beslissing_id)
    try:
        data = WithdrawSchema().load(fields_of(request.form))
        withdrawal.withdraw_offer(get_session(), _rt(), beslissing, data["version"], current_user,
                                  data.get("reden", ""))
    except (ValidationError, e.InvalidTransition, e.ConcurrentEdit) as exc:
        get_session().rollback()
        return render_template("cases/withdraw.html", zaak=zaak, beslissing=beslissing, errors=form_errors(exc),
                               power=zaak.zaaktype), status_for(exc, form=True)
    return confirmation.back_to_case(zaak_id, "Het aanbod is teruggetrokken: de beslissing is weer een concept en "
                                     "ligt niet meer bij het kabinet.", f"b-{beslissing_id}")


def _letters(beslissing: Beslissing) -> list[letter_preview.PreviewLetter]:
    db = get_session()
    signer_id = _signer_id(beslissing.id)
    ondertekenaar = db.get(User, signer_id) if signer_id is not None and 0 < signer_id < 2**63 else None
    if ondertekenaar is None:  # same answer as a user without a mandate: no user enumeration
        raise e.MandateMissing("Kies een ondertekenaar van het kabinet met mandaat voor dit type besluit.")
    return letter_preview.preview_letters(db, _rt(), beslissing, ondertekenaar, current_user, clock.today(),
                                          request.remote_addr or "")


def _signer_id(beslissing_id: int) -> int | None:
    """The case page's form names its select per beslissing (unique ids); the download links use the plain name."""
    return (request.args.get("ondertekenaar_id", type=int)
            or request.args.get(f"voorbeeld-ondertekenaar-{beslissing_id}", type=int))


def _refusal(zaak: Zaak, exc: Exception) -> list[str]:
    """Plain Dutch reasons: the preview page has none of the case page's fields to link to."""
    if isinstance(exc, e.JudgementMissing):
        procedure = _rt().procedure(zaak.zaaktype)
        return [f"Nog niet vastgelegd: {getattr(procedure.judgement(code), 'vraag', code)}" for code in exc.missing]
    return [message for messages in form_errors(exc).values() for message in messages]


def _page(zaak: Zaak, beslissing: Beslissing, shown: list[Any], refusal: list[str]) -> str:
    return render_template("cases/preview.html", zaak=zaak, beslissing=beslissing, letters=shown, refusal=refusal,
                           power=zaak.zaaktype, ondertekenaar_id=_signer_id(beslissing.id))


def _beslissing(zaak_id: int, beslissing_id: int) -> tuple[Zaak, Beslissing]:
    db = get_session()
    zaak = get_visible_zaak(db, current_user, zaak_id)
    beslissing = beslissing_of(db, zaak, beslissing_id)
    if beslissing is None:
        abort(404)
    return zaak, beslissing


def _rt() -> Any:
    return current_app.extensions["bevoegd"]
