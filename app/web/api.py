"""JSON API under /api/v1, described by the OpenAPI document flask-smorest generates from our schemas.

Cookie-authenticated like the web UI, so POSTs carry the X-CSRFToken header (GET /api/v1/csrf gives it).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Flask, current_app, request, url_for
from flask_login import current_user
from flask_smorest import Api, Blueprint
from flask_wtf.csrf import generate_csrf
from marshmallow import Schema, fields

from app.db import get_session
from app.domain import errors as e
from app.services.assessment import deadlines_if_sent, evaluate_scenario
from app.services.intake import submit_melding
from app.web.auth import role_required
from app.web.labels import wettekst_op
from app.web.schemas import EvaluatieSchema, MeldingSchema

blp = Blueprint("api", __name__, url_prefix="/api/v1", description="Bevoegd: meldingen en evaluaties")


class MeldingCreatedSchema(Schema):
    identificatie = fields.String()
    url = fields.String()


class CsrfSchema(Schema):
    csrf_token = fields.String()


class EvaluatieResultSchema(Schema):
    bevoegdheid = fields.String(metadata={"description": "bevoegd | niet_bevoegd | judgement_required"})
    judgements_required = fields.List(fields.String(), metadata={"description": "afwegingen die een persoon vastlegt"})
    deadlines = fields.Dict(metadata={"description": "termijnen bij verzending op verzenddatum (Awb, Atw)"})
    assessment = fields.Dict(metadata={"description": "facts, parameters, fired and not_fired rules: the trace"})


def init_app(app: Flask) -> None:
    """Register the API and its OpenAPI document at /api/v1/openapi.json."""
    description = ("Bestuurlijke handhaving: regels stellen voor, mensen beslissen. Log in via /login (sessiecookie) "
                   "en stuur bij POST de header X-CSRFToken (GET /api/v1/csrf).")
    api = Api(app, spec_kwargs={"info": {"description": description},
                                "security": [{"sessionCookie": [], "csrfToken": []}]})
    api.spec.components.security_scheme(
        "sessionCookie", {"type": "apiKey", "in": "cookie", "name": app.config["SESSION_COOKIE_NAME"]})
    api.spec.components.security_scheme("csrfToken", {"type": "apiKey", "in": "header", "name": "X-CSRFToken"})
    api.register_blueprint(blp)


@blp.get("/csrf")
@blp.response(200, CsrfSchema)
def csrf() -> dict[str, str]:
    """A CSRF token for cookie-authenticated POSTs (send it as X-CSRFToken)."""
    return {"csrf_token": generate_csrf()}


@blp.post("/meldingen")
@role_required("handhaving")
@blp.arguments(MeldingSchema)
@blp.response(201, MeldingCreatedSchema)
def create_melding(data: dict[str, Any]) -> dict[str, str]:
    """Submit a violation report. The Idempotency-Key header (or submission_id) makes a retry safe."""
    key = request.headers.get("Idempotency-Key") or data.get("submission_id")
    if not key or not 8 <= len(key) <= 64:
        raise e.InvalidInput({"submission_id": "Stuur een Idempotency-Key-header of submission_id (8-64 tekens)."})
    data["submission_id"] = key
    rt = current_app.extensions["bevoegd"]
    try:
        zaak = submit_melding(get_session(), rt, data, current_user, date.today())
    except (e.RulesNotInForce, e.ParameterNotInForce) as exc:
        raise e.InvalidInput({"pleegdatum": exc.message}, exc.message) from exc
    return {"identificatie": zaak.identificatie, "url": url_for("intake.my_meldingen")}


@blp.post("/evaluaties")
@role_required("jurist", "kabinet")
@blp.arguments(EvaluatieSchema)
@blp.response(200, EvaluatieResultSchema)
def evaluate(data: dict[str, Any]) -> dict[str, Any]:
    """Evaluate one flat fact for a power and a date; nothing is stored.

    Returns the outcome (bevoegdheid), the findings with legal basis, the judgements a person must make,
    the parameters used and the full trace.
    """
    rt = current_app.extensions["bevoegd"]
    try:
        result = evaluate_scenario(rt, data["power"], data["date"], data["facts"])
    except e.FactsRejected as exc:  # the client's facts, not a builder defect: a 422 with field messages
        raise e.InvalidInput({f"facts.{k}": v for k, v in exc.errors.items()}, exc.message) from exc
    get_session().rollback()
    return evaluation_body(rt, result, data.get("verzenddatum") or date.today())


def evaluation_body(rt: Any, result: Any, verzenddatum: date) -> dict[str, Any]:
    """Outcome, the judgements a person must make, indicative deadlines, and the full trace."""
    deadlines = deadlines_if_sent(rt, result.power, result.peildatum, verzenddatum)
    body = result.to_dict()
    for entry in body["fired"] + body["not_fired"]:  # the statute text as it stood on the peildatum
        entry["legal_basis"]["href_op_peildatum"] = wettekst_op(entry["legal_basis"]["href"], result.peildatum)
    return {"bevoegdheid": result.bevoegdheid, "judgements_required": list(result.judgements_required),
            "deadlines": {"verzenddatum": verzenddatum.isoformat(), **{k: v.isoformat() for k, v in deadlines.items()}},
            "assessment": body}
