"""Jurist: after a besluit is sent, register a bezwaar and its steps (timeliness, hearing, advice, decision
term, decision on the bezwaar), or, where the power's procedure data gives no objection stage, a beroep or
verzoek om voorlopige voorziening and the court's ruling. The section is `cases/_bezwaar.html` on the case
page; a refused form shows the case page again with the errors at the form."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from flask import Blueprint, abort, current_app, flash, redirect, request, url_for
from flask_login import current_user
from marshmallow import Schema
from sqlalchemy.orm import Session

from app import clock
from app.db import get_session
from app.domain.bezwaar import (
    BESLISSINGEN,
    NIET_HOREN_KEUZES,
    NIET_ONTVANKELIJK_GRONDEN,
    TEKSTEN,
    WIJZEN,
    Beslistermijn,
)
from app.models import Beroep, Beslissing, Bezwaar, User, Zaak
from app.schemas.bezwaar import STEPS, BeroepSchema, BesluitOpBezwaarSchema, BezwaarSchema, UitspraakSchema
from app.services import beroep, bezwaar, objection_decision, toegang
from app.services.cases import signatories
from app.services.queries import approved_beslissingen, beslissing_of
from app.web import cases as cases_web
from app.web.access import get_visible_zaak
from app.web.auth import role_required
from app.web.errors import form_errors, status_for
from app.web.labels import kort

bp = Blueprint("bezwaar", __name__)
PREFIXES = ("bezwaar-", "beroep-")
FIELDS = {
    "betrokkene_id": "Indiener", "indiener_naam": "Naam van de indiener (geen betrokkene)",
    "indiener_adres": "Adres van de indiener", "ontvangen_op": "Datum van ontvangst", "wijze": "Hoe ingediend",
    "gepost_op": "Datum van de poststempel", "commissie": "Advies van de bezwaarcommissie (Awb 7:13)",
    "gronden": "Gronden van het bezwaar (één per regel)", "verschoonbaar": "Is de te late indiening verschoonbaar?",
    "reden": "Reden", "hoorzitting_op": "Datum van de hoorzitting", "gehoord": "Wie is gehoord",
    "niet_horen_reden": "Reden om niet te horen (Awb 7:3)", "advies_op": "Datum van het advies",
    "samenvatting": "Samenvatting van het advies", "verdaagd_op": "Datum van de mededeling van verdaging",
    "uitstel_tot": "Verder uitgesteld tot", "uitkomst": "Beslissing op het bezwaar", "motivering": "Motivering",
    "beslist_op": "Datum van de beslissing", "ondertekenaar_id": "Ondertekenaar (met mandaat)",
    "verzenddatum": "Datum van de brief", "nieuw_besluit": "Wat komt er in de plaats van het besluit of wat verandert",
    "advies_gevolgd": "Volgt de beslissing het advies van de commissie?",
    "gronden_antwoord": "Reactie op de grond", "soort": "Soort procedure", "rechtbank": "Rechtbank",
    "ingediend_op": "Datum van indiening", "zaaknummer": "Zaaknummer van de rechtbank",
    "zitting_op": "Datum van de zitting", "uitspraak": "Uitspraak", "uitspraak_op": "Datum van de uitspraak",
    "toelichting": "Toelichting", "bijgestaan_door": "Bijgestaan door (bijvoorbeeld een advocaat)",
    "niet_horen_grond": "Grond om niet te horen (Awb 7:3)", "advies_uitkomst": "Wat adviseert de commissie?",
    "afwijking_reden": "Reden om af te wijken van het advies (Awb 7:13 lid 7)",
    "herroepen_deel": "Voor welk deel wordt het besluit herroepen?",
    "niet_ontvankelijk_grond": "Waarom is het tijdige bezwaar niet-ontvankelijk?", "oordelen": "Slaagt de grond?",
}
OORDELEN = [("true", "Deze grond slaagt"), ("false", "Deze grond slaagt niet")]
_BOOL = {"true": True, "false": False}
STANDEN = {"loopt": "Loopt", "bijna": "Verloopt binnen een week", "verstreken": "Verstreken"}
SOORTEN = {"beroep": "Beroep (Awb 8:1)", "voorlopige_voorziening": "Verzoek om voorlopige voorziening (Awb 8:81)"}
UITSPRAKEN = {"gegrond_vernietigd": "Beroep gegrond, besluit vernietigd", "ongegrond": "Ongegrond",
              "niet_ontvankelijk": "Niet-ontvankelijk", "toegewezen": "Voorlopige voorziening toegewezen",
              "afgewezen": "Voorlopige voorziening afgewezen", "ingetrokken": "Ingetrokken"}


@dataclass(frozen=True)
class Objection:
    row: Bezwaar
    term: Beslistermijn
    stand: str
    signers: list[User]
    returned: str | None = None  # the kabinet's comment when the decision came back for changes
    draft: dict[str, Any] = field(default_factory=dict)  # a returned or withdrawn decision, to change and offer again


@dataclass(frozen=True)
class RemedyView:
    """What the case page's section shows: per approved besluit with a remedy, its bezwaren or beroepen."""

    objectable: list[Beslissing]
    appealable: list[Beslissing]
    objections: dict[int, list[Objection]]
    appeals: dict[int, list[Beroep]]
    fields: dict[str, str] = field(default_factory=lambda: FIELDS)
    wijzen: dict[str, str] = field(default_factory=lambda: WIJZEN)
    tijdigheid: dict[str, str] = field(default_factory=lambda: TEKSTEN)
    uitkomsten: dict[str, str] = field(default_factory=lambda: BESLISSINGEN)
    niet_horen: dict[str, str] = field(default_factory=lambda: NIET_HOREN_KEUZES)
    no_gronden: dict[str, str] = field(default_factory=lambda: NIET_ONTVANKELIJK_GRONDEN)
    oordelen: list[tuple[str, str]] = field(default_factory=lambda: OORDELEN)
    standen: dict[str, str] = field(default_factory=lambda: STANDEN)
    soorten: dict[str, str] = field(default_factory=lambda: SOORTEN)
    uitspraken: dict[str, str] = field(default_factory=lambda: UITSPRAKEN)

    @staticmethod
    def day(value: date | None) -> str:
        return kort(value)


def view(session: Session, rt: Any, zaak: Zaak, today: date) -> RemedyView:
    approved = approved_beslissingen(session, zaak)
    objections: dict[int, list[Objection]] = {}
    for row in bezwaar.bezwaren_of(session, zaak):
        term = bezwaar.decision_term(rt, row)
        outcome = rt.procedure(zaak.zaaktype).outcome(row.beslissing.soort)
        signers = [] if row.uitkomst else toegang.only_members(
            session, zaak, signatories(session, zaak.zaaktype, outcome, today, body=zaak.orgaan, team=zaak.team))
        back = objection_decision.last_return(session, row.besluit)
        objections.setdefault(row.beslissing_id, []).append(
            Objection(row, term, term.stand(today), signers, back.opmerking if back else None,
                      _form_values(row.besluit.maatregel) if row.besluit and row.besluit.status == "concept" else {}))
    appeals: dict[int, list[Beroep]] = {}
    for row in beroep.beroepen_of(session, zaak):
        appeals.setdefault(row.beslissing_id, []).append(row)
    return RemedyView([b for b in approved if bezwaar.has_objection_stage(rt, b)],
                      [b for b in approved if beroep.has_direct_appeal(rt, b)], objections, appeals)


def _form_values(draft: dict[str, Any]) -> dict[str, Any]:
    gevolgd = draft.get("advies_gevolgd")
    return {"uitkomst": draft["uitkomst"], "motivering": draft["motivering"], "nieuw_besluit": draft["nieuw_besluit"],
            "reacties": [g["reactie"] for g in draft["gronden"]],
            "oordelen": ["" if g.get("slaagt") is None else str(g["slaagt"]).lower() for g in draft["gronden"]],
            "herroepen_deel": draft.get("herroepen_deel", ""), "afwijking_reden": draft.get("afwijking_reden", ""),
            "niet_ontvankelijk_grond": draft.get("niet_ontvankelijk_grond") or "",
            "advies_gevolgd": "" if gevolgd is None else str(gevolgd).lower()}


def labels(form: str | None) -> dict[str, str]:
    """The error summary's labels for the fields of the form that was sent."""
    if not form or not form.startswith(PREFIXES):
        return {}
    names = {**FIELDS, "indiener_naam": "Naam van de indiener"} if form.startswith("beroep-") else FIELDS
    return {f"{form}.{name}": text for name, text in names.items()}


@bp.app_context_processor
def _globals() -> dict[str, Any]:
    return {"remedy_view": lambda zaak: view(get_session(), _rt(), zaak, clock.today()), "remedy_labels": labels}


@bp.post("/zaken/<int:zaak_id>/beslissingen/<int:beslissing_id>/bezwaren")
@role_required("jurist")
def register(zaak_id: int, beslissing_id: int) -> Any:
    def action(zaak: Zaak, data: dict[str, Any]) -> Any:
        return bezwaar.register(get_session(), _rt(), zaak, _beslissing(zaak, beslissing_id), data, current_user,
                                clock.today())
    return _handle(zaak_id, f"bezwaar-b{beslissing_id}", BezwaarSchema(), action, "Het bezwaar is geregistreerd.")


@bp.post("/zaken/<int:zaak_id>/bezwaren/<int:bezwaar_id>/<step>")
@role_required("jurist")
def record_step(zaak_id: int, bezwaar_id: int, step: str) -> Any:
    if step not in STEPS:
        abort(404)

    def action(zaak: Zaak, data: dict[str, Any]) -> Any:
        return bezwaar.record_step(get_session(), _rt(), _bezwaar(zaak, bezwaar_id), step, data, current_user,
                                   clock.today())
    return _handle(zaak_id, f"bezwaar-{bezwaar_id}-{step}", STEPS[step](), action, "Vastgelegd.")


@bp.post("/zaken/<int:zaak_id>/bezwaren/<int:bezwaar_id>/beslissing")
@role_required("jurist")
def decide(zaak_id: int, bezwaar_id: int) -> Any:
    def action(zaak: Zaak, data: dict[str, Any]) -> Any:
        db = get_session()
        signer_id = data.pop("ondertekenaar_id")
        signer = db.get(User, signer_id) if 0 < signer_id < 2**63 else None
        return objection_decision.offer(db, _rt(), _bezwaar(zaak, bezwaar_id), data, signer, current_user,
                                        clock.today())
    return _handle(zaak_id, f"bezwaar-{bezwaar_id}-besluit", BesluitOpBezwaarSchema(), action,
                   "De beslissing op het bezwaar is ter vaststelling aangeboden aan het kabinet.")


@bp.post("/zaken/<int:zaak_id>/beslissingen/<int:beslissing_id>/beroepen")
@role_required("jurist")
def register_beroep(zaak_id: int, beslissing_id: int) -> Any:
    def action(zaak: Zaak, data: dict[str, Any]) -> Any:
        return beroep.register(get_session(), _rt(), zaak, _beslissing(zaak, beslissing_id), data, current_user,
                               clock.today())
    return _handle(zaak_id, f"beroep-b{beslissing_id}", BeroepSchema(), action, "Het beroep is geregistreerd.")


@bp.post("/zaken/<int:zaak_id>/beroepen/<int:beroep_id>/uitspraak")
@role_required("jurist")
def record_ruling(zaak_id: int, beroep_id: int) -> Any:
    def action(zaak: Zaak, data: dict[str, Any]) -> Any:
        row = get_session().get(Beroep, beroep_id)
        if row is None or row.zaak_id != zaak.id:
            abort(404)
        return beroep.record_ruling(get_session(), row, data, current_user, clock.today())
    return _handle(zaak_id, f"beroep-{beroep_id}-uitspraak", UitspraakSchema(), action,
                   "De uitspraak is vastgelegd.")


def _handle(zaak_id: int, form: str, schema: Schema, action: Any, done: str) -> Any:
    """Parse the form's prefixed fields, run one use case, and redirect; on errors show the case page."""
    zaak = get_visible_zaak(get_session(), current_user, zaak_id)
    values = _values(form)
    try:
        action(zaak, schema.load(values))
    except cases_web.FORM_ERRORS as exc:
        get_session().rollback()  # nothing of a failed use case may be committed by the page's access row
        errors = {k if k == "_schema" else f"{form}.{k}": v for k, v in form_errors(exc).items()}
        return cases_web._page(zaak_id, form=form, errors=errors, values=values), status_for(exc, form=True)
    flash(done, "ok")
    return redirect(url_for("cases.show", zaak_id=zaak_id, _anchor=form))


def _values(form: str) -> dict[str, Any]:
    """The fields of one form (prefixed `<form>.`), blanks left out, the responses to grounds in order."""
    prefix = f"{form}."
    values: dict[str, Any] = {k[len(prefix):]: v for k, v in request.form.items()
                              if k.startswith(prefix) and v.strip() and not k.endswith((".reacties", ".oordelen"))}
    if form.endswith("-besluit"):
        values["reacties"] = request.form.getlist(f"{prefix}reacties")
        values["oordelen"] = [_BOOL.get(v) for v in request.form.getlist(f"{prefix}oordelen")] or None
    values["version"] = request.form.get("version", "")
    return values


def _beslissing(zaak: Zaak, beslissing_id: int) -> Beslissing:
    found = beslissing_of(get_session(), zaak, beslissing_id)
    if found is None:
        abort(404)
    return found


def _bezwaar(zaak: Zaak, bezwaar_id: int) -> Bezwaar:
    found = get_session().get(Bezwaar, bezwaar_id)
    if found is None or found.zaak_id != zaak.id:
        abort(404)
    return found


def _rt() -> Any:
    return current_app.extensions["bevoegd"]
