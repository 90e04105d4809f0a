"""The only module that calls the ZGW APIs (Zaken, Besluiten, Documenten) over HTTP.

Every call carries the ZGW JWT: HS256, signed with the client's secret, with `iss` and `client_id` (the client
id), `iat`, and the real end user in `user_id` and `user_representation`, which the backend writes into its
audit trail. Calls to the Zaken API also carry the coordinate reference system headers the standard requires
there. A refusal or an unreachable backend raises ZgwError with a Dutch message that names the status and the
backend's problem details (never the token or the secret), which the failed job shows.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import httpx
import jwt

from app.domain.errors import DomainError

CRS = "EPSG:4326"
# API -> its resources Bevoegd creates there (the path below the API's base URL).
RESOURCES = {"zaken": ("zaken", "zaakinformatieobjecten"), "besluiten": ("besluiten", "besluitinformatieobjecten"),
             "documenten": ("enkelvoudiginformatieobjecten",)}


class ZgwError(DomainError):
    """The backend refused a request or could not be reached; the job retries it later."""

    message = "Publiceren in het zaaksysteem is mislukt."


@dataclass(frozen=True)
class ZgwSettings:
    """Where the APIs are and who the client is."""

    zaken_url: str
    besluiten_url: str
    documenten_url: str
    client_id: str
    secret: str
    timeout_seconds: float = 10.0

    def __repr__(self) -> str:  # the secret never reaches a log line or a traceback
        return f"ZgwSettings(client_id={self.client_id!r}, zaken_url={self.zaken_url!r})"

    def base(self, api: str) -> str:
        return {"zaken": self.zaken_url, "besluiten": self.besluiten_url, "documenten": self.documenten_url}[api]


def token(settings: ZgwSettings, user_id: str, user_representation: str, now: float | None = None) -> str:
    """The ZGW JWT for one end user (the person on whose decision the call is made)."""
    claims = {"iss": settings.client_id, "iat": int(now if now is not None else time.time()),
              "client_id": settings.client_id, "user_id": user_id[:255],
              "user_representation": user_representation[:255]}
    return jwt.encode(claims, settings.secret, algorithm="HS256")


class ZgwClient:
    """Creates objects in the ZGW APIs on behalf of one end user; use as a context manager."""

    def __init__(self, settings: ZgwSettings, user_id: str, user_representation: str,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.settings = settings
        self._bearer = f"Bearer {token(settings, user_id, user_representation)}"
        self._http = httpx.Client(timeout=httpx.Timeout(settings.timeout_seconds, connect=5.0), transport=transport)

    def __enter__(self) -> ZgwClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self._http.close()

    def create(self, api: str, resource: str, body: dict[str, Any]) -> str:
        """POST one object and return the URL the backend gave it. Raises ZgwError."""
        if resource not in RESOURCES[api]:
            raise ValueError(f"{api} has no resource {resource}")
        url = f"{self.settings.base(api).rstrip('/')}/{resource}"
        try:
            response = self._http.post(url, json=body, headers=self._headers(api))
        except httpx.HTTPError as exc:
            why = "geen antwoord binnen de wachttijd" if isinstance(exc, httpx.TimeoutException) else "geen verbinding"
            raise ZgwError(f"Het zaaksysteem is niet bereikbaar bij {LABELS[resource]} aanmaken: {why}.") from None
        if response.status_code >= 400:  # noqa: PLR2004 - HTTP client and server errors
            raise ZgwError(refusal(resource, response))
        created = _json(response).get("url")
        if response.status_code != 201 or not isinstance(created, str) or not created:  # noqa: PLR2004
            raise ZgwError(f"Het zaaksysteem gaf bij {LABELS[resource]} aanmaken geen adres terug "
                           f"(HTTP {response.status_code}).")
        return created

    def _headers(self, api: str) -> dict[str, str]:
        headers = {"Authorization": self._bearer, "Accept": "application/json", "Content-Type": "application/json"}
        if api == "zaken":  # the Zaken API takes geometry: it asks which coordinate system is meant
            headers |= {"Accept-Crs": CRS, "Content-Crs": CRS}
        return headers


LABELS = {"zaken": "de zaak", "zaakinformatieobjecten": "de koppeling van een document aan de zaak",
           "besluiten": "het besluit", "besluitinformatieobjecten": "de koppeling van een document aan het besluit",
           "enkelvoudiginformatieobjecten": "een document"}


def refusal(resource: str, response: httpx.Response) -> str:
    """The backend's refusal in one Dutch sentence: status, its problem title and detail, the fields it named."""
    problem = _json(response)
    parts = [str(problem[k]) for k in ("title", "detail") if problem.get(k)]
    invalid = problem.get("invalidParams")
    if isinstance(invalid, list):
        parts += [f"{p.get('name')}: {p.get('reason')}" for p in invalid if isinstance(p, dict)]
    said = "; ".join(parts) or response.text[:300] or "geen toelichting"
    return f"Het zaaksysteem weigerde {LABELS[resource]} aan te maken (HTTP {response.status_code}): {said}"


def _json(response: httpx.Response) -> dict[str, Any]:
    try:
        data = response.json()
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}
