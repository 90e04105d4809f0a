"""A local fake ZGW backend for the tests: the Zaken, Besluiten and Documenten APIs at their standard paths on one
port of 127.0.0.1, in a thread. It checks every request against the standard's OpenAPI documents (the extracts
in tests/fixtures/zgw/, validated with openapi-core) and the ZGW JWT's signature and claims, answers 201 with a
`url` as the real APIs do, records every request, and can be told to fail the next requests."""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jwt
import yaml
from openapi_core import OpenAPI
from openapi_core.contrib.werkzeug import WerkzeugOpenAPIRequest
from werkzeug.serving import make_server
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Request, Response

SPECS = Path(__file__).parent / "fixtures" / "zgw"
APIS = ("zaken", "besluiten", "documenten")
CLAIMS = ("iss", "iat", "client_id", "user_id", "user_representation")
CLIENT_ID, SECRET = "bevoegd-test", "fictief-geheim-voor-de-tests-0123456789"


@dataclass
class Recorded:
    """One request as the fake received it, with what it answered."""

    api: str
    resource: str
    headers: dict[str, str]
    body: Any
    claims: dict[str, Any]
    status: int
    url: str = ""


@dataclass
class FakeZgw:
    """The fake backend's state: the specs, the requests it saw, the failures it was told to give."""

    client_id: str = CLIENT_ID
    secret: str = SECRET
    base: str = ""
    requests: list[Recorded] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # every validation or token problem, for the test to read
    _failures: list[int] = field(default_factory=list)
    _specs: dict[str, OpenAPI] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._specs = {api: OpenAPI.from_dict(yaml.safe_load((SPECS / f"{api}.yaml").read_text(encoding="utf-8")))
                       for api in APIS}
        self._lock = threading.Lock()

    def fail_next(self, times: int = 1, status: int = 503, after: int = 0) -> None:
        """Answer `status` to `times` requests, after letting `after` requests through."""
        with self._lock:
            self._failures = [0] * after + [status] * times

    def created(self, resource: str | None = None) -> list[Recorded]:
        """The requests that created an object (201), optionally of one resource."""
        return [r for r in self.requests if r.status == 201 and resource in (None, r.resource)]

    def api_url(self, api: str) -> str:
        return f"{self.base}/{api}/api/v1"

    def validate(self, request: Request) -> list[str]:
        """The request against its API's OpenAPI document: [] when valid, else the reasons."""
        api = request.path.strip("/").split("/", 1)[0]
        if api not in self._specs:
            return [f"unknown API for {request.path}"]
        result = self._specs[api].unmarshal_request(WerkzeugOpenAPIRequest(request))
        return [_reason(e) for e in result.errors]

    def check_token(self, request: Request) -> tuple[dict[str, Any], str]:
        """The JWT's claims and '' when it is a valid ZGW token, else ({}, the reason)."""
        header = request.headers.get("Authorization", "")
        if not header.startswith("Bearer "):
            return {}, "no bearer token"
        try:
            claims = jwt.decode(header[7:], self.secret, algorithms=["HS256"], options={"require": list(CLAIMS)})
        except jwt.PyJWTError as exc:
            return {}, f"token: {exc}"
        if claims["iss"] != self.client_id or claims["client_id"] != self.client_id:
            return claims, "token: iss and client_id must be the client id"
        return claims, ""

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        request = Request(environ)
        return self._answer(request)(environ, start_response)

    def _answer(self, request: Request) -> Response:
        parts = request.path.strip("/").split("/")
        api, resource = parts[0], parts[-1]
        claims, token_problem = self.check_token(request)
        problems = ([token_problem] if token_problem else []) + self.validate(request)
        with self._lock:
            status = self._failures.pop(0) if self._failures else 0
        body = request.get_json(silent=True)
        if problems:
            self.problems += problems
            return self._record(api, resource, request, body, claims, 403 if token_problem else 400, problems)
        if status:
            return self._record(api, resource, request, body, claims, status, ["told to fail"])
        return self._record(api, resource, request, body, claims, 201, [])

    def _record(self, api: str, resource: str, request: Request, body: Any, claims: dict[str, Any], status: int,
                problems: list[str]) -> Response:
        url = f"{self.api_url(api)}/{resource}/{uuid.uuid4()}" if status == 201 else ""
        self.requests.append(Recorded(api, resource, dict(request.headers), body, claims, status, url))
        if status == 201:
            shown = {k: v for k, v in (body or {}).items() if k != "inhoud"}
            return Response(json.dumps({"url": url, **shown}), status=201, mimetype="application/json",
                            headers={"Location": url})
        problem = {"type": "about:blank", "code": "invalid" if status == 400 else "error",
                   "title": "Ongeldige invoer" if status == 400 else "Tijdelijk niet beschikbaar",
                   "status": status, "detail": "; ".join(problems), "instance": f"urn:uuid:{uuid.uuid4()}",
                   "invalidParams": [{"name": "nonFieldErrors", "code": "invalid", "reason": p} for p in problems]}
        return Response(json.dumps(problem), status=status, mimetype="application/problem+json")


def _reason(error: Exception) -> str:
    """An openapi-core error with the schema errors under it (which field, which rule)."""
    inner = getattr(error, "__cause__", None)
    details = getattr(inner, "schema_errors", None) or getattr(error, "schema_errors", None) or ()
    said = "; ".join(f"{'/'.join(map(str, e.path))}: {e.message}" for e in details)
    return f"{type(error).__name__}: {error}" + (f" ({said})" if said else "")


def request_for(api: str, resource: str, body: dict[str, Any], headers: dict[str, str] | None = None) -> Request:
    """A request as a client would send it, for validating a body without a server."""
    builder = EnvironBuilder(path=f"/{api}/api/v1/{resource}", method="POST", data=json.dumps(body),
                             headers={"Content-Type": "application/json", **(headers or {})})
    return Request(builder.get_environ())


@contextmanager
def running(fake: FakeZgw | None = None) -> Iterator[FakeZgw]:
    """The fake served on a free port of 127.0.0.1 until the block ends."""
    fake = fake or FakeZgw()
    server = make_server("127.0.0.1", 0, fake, threaded=True)
    fake.base = f"http://127.0.0.1:{server.server_port}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        server.shutdown()
        thread.join(timeout=5)
