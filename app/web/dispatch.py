"""Jurist: the dispatch of each approved beslissing's letters on the case page (when and how each recipient got
the letter, and the last day to object or appeal from it), and recording it. Routes live in web/cases.py."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from flask import abort, current_app
from flask_login import current_user
from sqlalchemy.orm import Session

from app import clock
from app.db import get_session
from app.domain.dispatch import METHOD_LABELS
from app.models import Document, Verzending, Zaak
from app.services import dispatch
from app.services.queries import approved_beslissingen, beslissing_of
from app.services.review import current_documents

FORM = "verzending-"  # + b<beslissing id>: the prefix of one beslissing's form fields, and its anchor
FIELDS = {"document_id": "Brief", "verzonden_op": "Datum van verzending of uitreiking", "methode": "Wijze",
          "bewijs": "Bewijs (bijvoorbeeld een track-and-tracecode)", "reden": "Reden van de correctie"}


@dataclass(frozen=True)
class Letter:
    """One letter of an approved beslissing and its current dispatch record, if any."""

    document: Document
    record: Verzending | None


@dataclass(frozen=True)
class DispatchView:
    """What the case page's dispatch section shows, per approved beslissing."""

    letters: dict[int, list[Letter]]  # beslissing id -> its letters
    methods: dict[str, str] = field(default_factory=lambda: METHOD_LABELS)
    fields: dict[str, str] = field(default_factory=lambda: FIELDS)

    def form(self, beslissing_id: int) -> str:
        return f"{FORM}b{beslissing_id}"

    def labels(self, form: str | None) -> dict[str, str]:
        """The error summary's labels for the fields of the form that was sent."""
        return {f"{form}.{name}": text for name, text in FIELDS.items()} if form and is_nested(form) else {}


def view(session: Session, zaak: Zaak) -> DispatchView:
    """The letters of every approved beslissing of the zaak with their current dispatch record."""
    rows = reversed(approved_beslissingen(session, zaak))  # newest first, as the case page lists them
    letters = {}
    for beslissing in rows:
        current = dispatch.dispatch_records(session, beslissing)
        letters[beslissing.id] = [Letter(d, current.get(d.id)) for d in current_documents(session, beslissing)]
    return DispatchView(letters)


def is_nested(form: str) -> bool:
    """The forms of this section prefix their field names with the form's name."""
    return form.startswith(FORM)


def record(zaak: Zaak, beslissing_id: int, data: dict[str, Any]) -> Any:
    db = get_session()
    beslissing = beslissing_of(db, zaak, beslissing_id)
    if beslissing is None:
        abort(404)
    version = data.pop("version")
    return dispatch.record_dispatch(db, current_app.extensions["bevoegd"], beslissing,
                                    dispatch.DispatchRequest(**data), version, current_user, clock.today())
