"""The served OpenAPI document describes the service: schemathesis, against the test app over WSGI (no
network), authenticated with API tokens, sends the documented examples, valid bodies generated from the
document and invalid ones, and checks every answer: no server error, a documented status, the documented
content type and a body that fits its schema. Valid bodies must be accepted somewhere (a 2xx per POST).

Bounded: a few dozen calls per operation and phase, so the whole test stays well under a minute.
"""

from __future__ import annotations

from collections import Counter

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from app.services import api_tokens

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
# calls per operation: generated valid bodies, generated invalid bodies
BUDGET = {GenerationMode.POSITIVE: 25, GenerationMode.NEGATIVE: 25}
# The token each operation is called with: a system in the role and scope the operation needs.
CALLERS = {"POST /api/v1/meldingen": ("handhaving", "meldingen:schrijven"),
           "POST /api/v1/evaluaties": ("jurist", "evaluaties")}


@pytest.fixture
def bearer(app, db, users):
    """An Authorization header per operation, from a token made the way a beheerder makes one."""
    rt, made = app.extensions["bevoegd"], {}
    for label, (role, scope) in CALLERS.items():
        token = api_tokens.create(db, rt, {"naam": f"Systeem {role}", "role": role, "team": "oov",
                                           "zaaktypes": list(rt.book.powers), "scopes": [scope]}, users["beheerder"])
        made[label] = {"Authorization": f"Bearer {token.token}"}
    return made


def _run(strategy, headers, examples: int) -> Counter:
    """Call the operation with what the strategy generates and check every answer; the statuses seen."""
    statuses: Counter = Counter()

    @given(case=strategy)
    @settings(max_examples=examples, deadline=None, database=None, derandomize=True,
              phases=[Phase.explicit, Phase.generate],
              suppress_health_check=list(HealthCheck))
    def call(case):
        response = case.call(headers=headers)
        statuses[response.status_code] += 1
        case.validate_response(response, checks=CHECKS, headers=headers)

    call()
    return statuses


def test_the_served_document_matches_the_service(app, bearer):
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    seen: dict[tuple[str, str], Counter] = {}
    for result in schema.get_all_operations():
        operation = result.ok()
        headers = bearer.get(operation.label, {})
        examples = schema.get_strategies_from_examples(operation)  # the documented examples, as documented
        if examples:
            seen[operation.label, "examples"] = _run(st.one_of(examples), headers, len(examples))
        for mode, budget in BUDGET.items():
            try:
                seen[operation.label, mode.value] = _run(operation.as_strategy(generation_mode=mode), headers, budget)
            except Unsatisfiable:  # nothing to get wrong: an operation without parameters or body
                assert mode is GenerationMode.NEGATIVE and not list(operation.body), operation.label
    for label in CALLERS:  # the documented example and generated valid bodies are accepted, not only refused
        assert _accepted(seen[label, "examples"]) and _accepted(seen[label, "positive"]), seen
    assert not any(status >= 500 for statuses in seen.values() for status in statuses), seen


def _accepted(statuses: Counter) -> bool:
    return any(200 <= status < 300 for status in statuses)


def test_the_document_declares_what_the_server_enforces(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    schemes, paths = spec["components"]["securitySchemes"], spec["paths"]
    assert schemes["bearerToken"] == {**schemes["bearerToken"], "type": "http", "scheme": "bearer"}
    assert {"sessionCookie": [], "csrfToken": []} in spec["security"] and {"bearerToken": []} in spec["security"]
    assert paths["/api/v1/csrf"]["get"]["security"] == []  # no login needed for a CSRF token
    melding = paths["/api/v1/meldingen"]["post"]
    assert [p["name"] for p in melding["parameters"]] == ["Idempotency-Key"]
    assert {"401", "403", "422"} <= set(melding["responses"])
    schemas = spec["components"]["schemas"]
    assert set(schemas["Error"]["required"]) == {"title", "message", "errors"}
    assert schemas["Substance"]["properties"]["quantity"]["exclusiveMinimum"] is True
    assert schemas["BinnenlandsAdres"]["properties"]["straat"]["minLength"] == 1
    evaluatie = schemas["Evaluatie"]["properties"]
    assert "damocles" in evaluatie["power"]["enum"]
    assert {"$ref": "#/components/schemas/Feiten_damocles"} in evaluatie["facts"]["oneOf"]
    unauthenticated = client.post("/api/v1/meldingen", json={}).get_json()
    assert set(unauthenticated) == {"title", "message", "errors"}
