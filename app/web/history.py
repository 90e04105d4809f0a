"""Jurist: the earlier measures on the case page (which count for a repeat offence and why), entering one
from before go-live, and recording that a measure was revoked or annulled. Routes live in web/cases.py."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from flask import abort, current_app
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from app.db import get_session
from app.domain.history import Counted
from app.models import Beslissing, EerdereMaatregel, Zaak
from app.services import earlier_measures, history
from app.services.history import ENTERED, FROM_PRODUCT
from app.services.queries import approved_beslissingen, beslissing_of
from app.web.labels import kort

FORM = "eerder"  # the prefix of the entry form's fields, and its anchor
REVOKE = "herroeping-"  # + b<beslissing id> or m<earlier measure id>
FIELDS = {
    "soort": "Soort maatregel", "pleegdatum": "Datum van de eerdere overtreding", "verzonden": "Brief verzonden",
    "verzenddatum": "Datum van verzending", "straat": "Straat", "huisnummer": "Huisnummer", "postcode": "Postcode",
    "woonplaats": "Plaats", "persoon_naam": "Naam van de overtreder of de persoon die er woonde",
    "persoon_geboortedatum": "Geboortedatum", "kenmerk": "Kenmerk", "bron": "Bron",
    "toelichting": "Toelichting", "datum": "Datum", "reden": "Reden",
}
REVOCATION_LABELS = {
    "ingetrokken": "Ingetrokken door de burgemeester",
    "herroepen_in_bezwaar": "Herroepen in bezwaar",
    "vernietigd_in_beroep": "Vernietigd door de rechter (beroep of hoger beroep)",
}
SOURCE_LABELS = {FROM_PRODUCT: "Zaak in Bevoegd", ENTERED: "Ingevoerd (van vóór Bevoegd of andere bron)"}


@dataclass(frozen=True)
class HistoryView:
    """What the case page's section shows."""

    counted: list[Counted] | None  # None: the power does not count repeats
    kinds: tuple[str, ...]  # the outcomes that count as earlier measures
    revocable: list[Beslissing]  # this zaak's approved, not yet revoked beslissingen
    entered: dict[int, EerdereMaatregel]  # entered measures shown above, by id
    fields: dict[str, str] = field(default_factory=lambda: FIELDS)
    revocations: dict[str, str] = field(default_factory=lambda: REVOCATION_LABELS)
    sources: dict[str, str] = field(default_factory=lambda: SOURCE_LABELS)

    @staticmethod
    def day(value: date | None) -> str:
        return kort(value)

    @property
    def orders(self) -> list[dict]:
        """Earlier lasten onder dwangsom against the same person, with their terms and what they forfeited."""
        return [dict(c.item) for c in self.counted or () if c.item.get("dwangsom") and c.item.get("same_person")]

    def labels(self, form: str | None) -> dict[str, str]:
        """The error summary's labels for the fields of the form that was sent."""
        return {f"{form}.{name}": text for name, text in FIELDS.items()} if form and is_nested(form) else {}


def view(session: Session, rt: Any, zaak: Zaak) -> HistoryView:
    counted = history.explained(session, rt, zaak, clock.today())
    ids = [c.item["id"] for c in counted or () if c.item.get("bron") == ENTERED]
    entered = {m.id: m for m in session.scalars(select(EerdereMaatregel).where(EerdereMaatregel.id.in_(ids)))}
    revocable = [b for b in approved_beslissingen(session, zaak) if b.intrekking_soort is None]
    return HistoryView(counted, rt.procedure(zaak.zaaktype).escalation_kinds(), revocable, entered)


def is_nested(form: str) -> bool:
    """The forms of this section prefix their field names with the form's name."""
    return form == FORM or form.startswith(REVOKE)


def record(zaak: Zaak, data: dict[str, Any]) -> Any:
    return earlier_measures.record_earlier_measure(_db(), _rt(), zaak, data, current_user, clock.today())


def revoke_beslissing(zaak: Zaak, beslissing_id: int, data: dict[str, Any]) -> Any:
    row = beslissing_of(_db(), zaak, beslissing_id)
    if row is None:
        abort(404)
    return earlier_measures.revoke_beslissing(_db(), zaak, row, data, current_user, clock.today())


def revoke_earlier_measure(zaak: Zaak, maatregel_id: int, data: dict[str, Any]) -> Any:
    row = _db().get(EerdereMaatregel, maatregel_id)
    shown = {item.get("id") for item in history.history_items(_db(), _rt(), zaak) if item.get("bron") == ENTERED}
    if row is None or row.id not in shown:  # only a measure this zaak's history lists (no other zaak's)
        abort(404)
    return earlier_measures.revoke_earlier_measure(_db(), zaak, row, data, current_user, clock.today())


def _db() -> Session:
    return get_session()


def _rt() -> Any:
    return current_app.extensions["bevoegd"]
