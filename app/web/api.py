"""JSON API under /api/v1, described by the OpenAPI document flask-smorest generates from our schemas
(completed by web/api_doc.py so that it says what the service does).

A person calls it with the session cookie, and POSTs carry the X-CSRFToken header (GET /api/v1/csrf gives
it); a machine client sends `Authorization: Bearer <token>` instead (web/api_auth.py). Every registered
power's melding schema is a component of the document, and the melding request body is one of them, chosen
by `zaaktype`.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, current_app, request, url_for
from flask_login import current_user
from flask_smorest import Blueprint
from flask_wtf.csrf import generate_csrf
from marshmallow import Schema, fields

from app import clock
from app.db import get_session
from app.domain import errors as e
from app.schemas.casework import EvaluatieSchema
from app.schemas.melding import MeldingSchema
from app.security import csrf as csrf_protection
from app.services.evaluation import evaluation_body, run_evaluation
from app.services.intake import submission_key, submit_melding
from app.services.joining import joined
from app.services.parameters import overlay_for
from app.web.api_auth import guard, no_store
from app.web.api_doc import (
    BEARER_AUTH,
    COOKIE_AUTH,
    IDEMPOTENCY_KEY,
    BevoegdApi,
    describe,
    errors_documented,
    example_melding,
    melding_body,
)
from app.web.auth import role_required

blp = Blueprint("api", __name__, url_prefix="/api/v1", description="Bevoegd: meldingen en evaluaties")


class MeldingCreatedSchema(Schema):
    identificatie = fields.String()
    url = fields.String()
    # True: the report joined the open zaak at its address (a power whose case grows from reports over time).
    toegevoegd_aan_zaak = fields.Boolean()


class CsrfSchema(Schema):
    csrf_token = fields.String()


class EvaluatieResultSchema(Schema):
    peildatum = fields.String(metadata={"description": "de datum van de wet en de bevoegdheidsvoorwaarden (vondst)"})
    beslisdatum = fields.String(metadata={"description": "de datum waarop de beleidswaarden gelden (verzenddatum)"})
    unconfirmed_parameters = fields.List(fields.String(), metadata={
        "description": "gebruikte standaardwaarden die de gemeente nog niet bevestigde (geen besluit mogelijk)"})
    bevoegdheid = fields.String(metadata={"description": "bevoegd | niet_bevoegd | judgement_required"})
    proposal = fields.Dict(metadata={"description": "het voorstel van het beleid (maatregel, duur)"})
    judgements_required = fields.List(fields.String(), metadata={"description": "afwegingen die een persoon vastlegt"})
    deadlines = fields.Dict(metadata={"description": "termijnen bij verzending op verzenddatum (Awb, Atw)"})
    assessment = fields.Dict(metadata={"description": "facts, parameters, fired and not_fired rules: the trace"})


def init_app(app: Flask) -> None:
    """Register the API and its OpenAPI document at /api/v1/openapi.json."""
    description = ("Bestuurlijke handhaving: regels stellen voor, mensen beslissen. Twee manieren van inloggen: "
                   "een persoon logt in via /login (sessiecookie) en stuurt bij POST de header X-CSRFToken "
                   "(GET /api/v1/csrf); een ander systeem stuurt Authorization: Bearer met een API-token dat een "
                   "beheerder aanmaakte, zonder cookie en zonder CSRF-token. Elke fout heeft de vorm Error.")
    api = BevoegdApi(app, spec_kwargs={"info": {"description": description},
                                       "security": [COOKIE_AUTH, BEARER_AUTH]})
    describe(api, app)
    csrf_protection.exempt(blp)  # api_auth.guard checks CSRF itself, for cookie requests only
    api.register_blueprint(blp)


blp.before_request(guard)
blp.after_request(no_store)


EXAMPLE_MELDING = example_melding()
EXAMPLE_EVALUATIE: dict[str, Any] = {
    "power": EXAMPLE_MELDING.get("zaaktype"), "date": EXAMPLE_MELDING.get("pleegdatum"),
    "case_file": {k: v for k, v in EXAMPLE_MELDING.items() if k not in ("zaaktype", "submission_id")},
}


@blp.get("/csrf")
@blp.doc(security=[])
@blp.response(200, CsrfSchema)
def csrf() -> dict[str, str]:
    """A CSRF token for cookie-authenticated POSTs (send it as X-CSRFToken)."""
    return {"csrf_token": generate_csrf()}


@blp.post("/meldingen")
@role_required("handhaving")
@blp.doc(requestBody=melding_body(EXAMPLE_MELDING), parameters=[IDEMPOTENCY_KEY])
@blp.response(201, MeldingCreatedSchema)
@errors_documented(blp, 400, 401, 403, 409, 413, 422, 503)
def create_melding() -> dict[str, str]:
    """Submit a report for any power (`zaaktype`). The Idempotency-Key header (or submission_id) makes a retry safe.

    A power with a decision taken on the spot (huisverbod) takes the officer's judgements under `oordelen`.
    """
    data = MeldingSchema().load(request.get_json(silent=True))
    key = request.headers.get("Idempotency-Key") or data.get("submission_id")
    if not key or not 8 <= len(key) <= 64:
        raise e.InvalidInput({"submission_id": "Stuur een Idempotency-Key-header of submission_id (8-64 tekens)."})
    data["submission_id"] = key
    if data["zaaktype"] not in (current_user.zaaktypes or ()):
        raise e.InvalidInput({"zaaktype": "U mag voor deze bevoegdheid geen meldingen doen."})
    try:
        zaak = submit_melding(get_session(), current_app.extensions["bevoegd"], data, current_user, clock.today())
    except (e.RulesNotInForce, e.ParameterNotInForce) as exc:
        raise e.InvalidInput({"pleegdatum": exc.message}, exc.message) from exc
    return {"identificatie": zaak.identificatie, "url": url_for("intake.my_meldingen"),
            "toegevoegd_aan_zaak": joined(zaak, submission_key(current_user, key))}


@blp.post("/evaluaties")
@role_required("jurist", "kabinet")
@blp.arguments(EvaluatieSchema, example=EXAMPLE_EVALUATIE)
@blp.response(200, EvaluatieResultSchema)
@errors_documented(blp, 400, 401, 403, 413, 422, 503)
def evaluate(data: dict[str, Any]) -> dict[str, Any]:
    """Evaluate a power on a date, from one flat fact (`facts`) or from a report as handhaving submits it
    (`case_file`, with optional earlier measures at the same address in `history`); nothing is stored.

    Returns the outcome (bevoegdheid), the policy proposal, the judgements a person must make, indicative
    deadlines, the parameters used and the full trace.
    """
    rt = current_app.extensions["bevoegd"]
    verzenddatum = data.get("verzenddatum") or clock.today()
    overlay = overlay_for(get_session(), data["power"])  # confirmed policy values, read per evaluation
    result = run_evaluation(rt, data, verzenddatum, overlay)
    get_session().rollback()
    return evaluation_body(rt, result, verzenddatum, overlay)
