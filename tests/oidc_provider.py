"""A small OpenID Connect provider for the tests, served by werkzeug on 127.0.0.1 and a free port in a thread.

It publishes a discovery document and its RS256 key (generated at start), auto-approves `person` at
/authorize (no login screen), and answers /token with an ID token it signs; /userinfo returns the person's
claims. It enforces what a real provider does (client secret, redirect URI, PKCE S256, a code used once),
and `tamper` bends one thing of the next ID token (a wrong nonce, audience, issuer, expiry or key) so the
tests can show the app refuses it.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm
from werkzeug.serving import BaseWSGIServer, make_server
from werkzeug.wrappers import Request, Response

CLIENT_ID = "bevoegd-test"
CLIENT_SECRET = "test-geheim-van-de-client"  # noqa: S105 - a test fixture's secret
# The municipality's mapping in the tests: the first group listed that a person is in decides.
MAPPING = {"claim": "groups", "groups": {
    "bevoegd-kabinet": {"role": "kabinet", "team": "oov"},
    "bevoegd-jurist": {"role": "jurist", "team": "oov"},
    "bevoegd-bibob": {"role": "jurist", "team": "vergunningen", "zaaktypes": ["bibob"],
                      "max_vertrouwelijkheid": "geheim"},
}}
BUTTON = "Inloggen met de identiteitsprovider van de gemeente"


@dataclass
class Grant:
    """What /authorize promised, redeemed once at /token."""

    client_id: str
    redirect_uri: str
    nonce: str | None
    challenge: str | None
    claims: dict[str, Any]


@dataclass
class Provider:
    """The provider's state: who logs in next, the codes handed out, and what to bend in the next ID token."""

    person: dict[str, Any] = field(default_factory=lambda: {"sub": "medewerker-1", "name": "J. Jansen (idp)",
                                                            "preferred_username": "jjansen",
                                                            "email": "j.jansen@gemeente.example",
                                                            "groups": ["bevoegd-jurist"]})
    tamper: dict[str, Any] = field(default_factory=dict)
    groups_in_userinfo_only: bool = False
    redirect_uris: set[str] = field(default_factory=set)  # empty: any (the tests' app URLs vary)
    authorize_params: list[dict[str, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self._kid = secrets.token_hex(8)
        self._codes: dict[str, Grant] = {}
        self._tokens: dict[str, dict[str, Any]] = {}
        self._lock = threading.Lock()
        self._server: BaseWSGIServer = make_server("127.0.0.1", 0, self.wsgi, threaded=True)
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(target=self._server.serve_forever, name="oidc-provider", daemon=True)

    def start(self) -> Provider:
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread.is_alive():
            self._server.shutdown()
            self._thread.join(timeout=10)
        self._server.server_close()

    def app_settings(self) -> dict[str, Any]:
        """The overrides for create_app that point the app at this provider with MAPPING."""
        return {"oidc_issuer": self.url, "oidc_client_id": CLIENT_ID, "oidc_client_secret": CLIENT_SECRET,
                "oidc_mapping": MAPPING, "oidc_timeout_seconds": 5.0}

    # ------------------------------------------------------------------------------------------- endpoints

    @Request.application
    def wsgi(self, request: Request) -> Response:
        routes = {"/.well-known/openid-configuration": self._discovery, "/jwks": self._jwks,
                  "/authorize": self._authorize, "/token": self._token, "/userinfo": self._userinfo}
        handler = routes.get(request.path)
        return handler(request) if handler else Response("not found", status=404)

    def _discovery(self, _request: Request) -> Response:
        return _json({"issuer": self.tamper.get("discovery_issuer", self.url),
                      "authorization_endpoint": f"{self.url}/authorize", "token_endpoint": f"{self.url}/token",
                      "jwks_uri": f"{self.url}/jwks", "userinfo_endpoint": f"{self.url}/userinfo",
                      "response_types_supported": ["code"], "subject_types_supported": ["public"],
                      "id_token_signing_alg_values_supported": ["RS256"],
                      "code_challenge_methods_supported": ["S256"],
                      "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"]})

    def _jwks(self, _request: Request) -> Response:
        jwk = json.loads(RSAAlgorithm.to_jwk(self._key.public_key()))
        return _json({"keys": [{**jwk, "kid": self._kid, "use": "sig", "alg": "RS256"}]})

    def _authorize(self, request: Request) -> Response:
        args = request.args
        self.authorize_params.append(dict(args))
        if args.get("client_id") != CLIENT_ID or args.get("response_type") != "code":
            return Response("bad request", status=400)
        if self.redirect_uris and args.get("redirect_uri") not in self.redirect_uris:
            return Response("unregistered redirect_uri", status=400)
        code = secrets.token_urlsafe(24)
        with self._lock:
            self._codes[code] = Grant(CLIENT_ID, args["redirect_uri"], args.get("nonce"),
                                      args.get("code_challenge"), dict(self.person))
        query = urlencode({"code": code, "state": args.get("state", "")})
        return Response(status=302, headers={"Location": f"{args['redirect_uri']}?{query}"})

    def _token(self, request: Request) -> Response:
        form = request.form
        with self._lock:
            grant = self._codes.pop(form.get("code", ""), None)  # a code works once
        if grant is None or not self._client_ok(request) or form.get("redirect_uri") != grant.redirect_uri:
            return _json({"error": "invalid_grant"}, 400)
        if not grant.challenge or _s256(form.get("code_verifier", "")) != grant.challenge:
            return _json({"error": "invalid_grant", "error_description": "PKCE"}, 400)
        access = secrets.token_urlsafe(24)
        with self._lock:
            self._tokens[access] = grant.claims
        return _json({"access_token": access, "token_type": "Bearer", "expires_in": 300,
                      "id_token": self._id_token(grant)})

    def _userinfo(self, request: Request) -> Response:
        bearer = request.headers.get("Authorization", "").removeprefix("Bearer ")
        claims = self._tokens.get(bearer)
        return _json(claims) if claims else _json({"error": "invalid_token"}, 401)

    # --------------------------------------------------------------------------------------------- helpers

    def _client_ok(self, request: Request) -> bool:
        auth = request.authorization
        if auth is not None:
            return auth.username == CLIENT_ID and auth.password == CLIENT_SECRET
        return request.form.get("client_id") == CLIENT_ID and request.form.get("client_secret") == CLIENT_SECRET

    def _id_token(self, grant: Grant) -> str:
        now = int(time.time())
        claims = {**grant.claims, "iss": self.url, "aud": CLIENT_ID, "iat": now, "exp": now + 300,
                  "auth_time": now, "nonce": grant.nonce}
        if self.groups_in_userinfo_only:
            claims.pop("groups", None)
        claims.update({k: v for k, v in self.tamper.items() if k in ("nonce", "aud", "iss", "exp", "azp")})
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048) if self.tamper.get("foreign_key") \
            else self._key
        return jwt.encode(claims, key, algorithm="RS256", headers={"kid": self._kid})


def _s256(verifier: str) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()


def _json(body: dict[str, Any], status: int = 200) -> Response:
    return Response(json.dumps(body), status=status, mimetype="application/json")
