"""Jurist: the dispatch of each approved beslissing's letters on the case page (when and how each recipient got
the letter, and the last day to object or appeal from it), recording it, recording a letter that came back, and
the print batch for the post room. Routes live in web/cases.py and web/documents.py."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from flask import abort, current_app
from flask_login import current_user
from sqlalchemy.orm import Session

from app import clock
from app.db import get_session
from app.domain.dispatch import METHOD_LABELS, RETURN_LABELS, BesluitDates, besluit_dates
from app.models import Document, Retour, Verzending, Zaak
from app.services import dispatch
from app.services.print_batch import PrintBatch, pdf_hashes, print_batch
from app.services.queries import approved_beslissingen, beslissing_of
from app.services.review import current_documents

FORM = "verzending-"  # + b<beslissing id>: the prefix of one beslissing's form fields, and its anchor
RETURN_FORM = "retour-"  # + b<beslissing id>: the form recording a returned letter
FIELDS = {"document_id": "Brief", "verzonden_op": "Datum van verzending of uitreiking", "methode": "Wijze",
          "elektronisch_bereikbaar": "Hoe heeft de ontvanger laten weten dat hij zo bereikbaar is?",
          "bewijs": "Bewijs (bijvoorbeeld een track-and-tracecode)",
          "reden": "Reden van de correctie of de nieuwe verzending"}
RETURN_FIELDS = {"document_id": "Brief die terugkwam", "ontvangen_op": "Datum waarop de brief terugkwam",
                 "reden": "Waarom kwam de brief terug?",
                 "bekendgemaakt": "Heeft de eerdere verzending het besluit toch bekendgemaakt?",
                 "toelichting": "Motivering van dat oordeel"}


@dataclass(frozen=True)
class Letter:
    """One letter of an approved beslissing, its current dispatch record and whether that came back."""

    document: Document
    record: Verzending | None
    retour: Retour | None = None

    @property
    def waiting(self) -> bool:
        """Still to be sent: nothing recorded, or the recorded sending came back without making the besluit known."""
        return self.record is None or (self.retour is not None and not self.retour.bekendgemaakt)


@dataclass(frozen=True)
class DispatchView:
    """What the case page's dispatch section shows, per approved beslissing."""

    letters: dict[int, list[Letter]]  # beslissing id -> its letters
    dates: dict[int, BesluitDates] = field(default_factory=dict)  # beslissing id -> the besluit's dates
    batches: dict[int, PrintBatch] = field(default_factory=dict)  # beslissing id -> its print batch
    pdfs: dict[int, str] = field(default_factory=dict)  # document id -> SHA-256 of its PDF, once made
    methods: dict[str, str] = field(default_factory=lambda: METHOD_LABELS)
    reasons: dict[str, str] = field(default_factory=lambda: RETURN_LABELS)
    fields: dict[str, str] = field(default_factory=lambda: FIELDS)
    return_fields: dict[str, str] = field(default_factory=lambda: RETURN_FIELDS)

    def form(self, beslissing_id: int) -> str:
        return f"{FORM}b{beslissing_id}"

    def return_form(self, beslissing_id: int) -> str:
        return f"{RETURN_FORM}b{beslissing_id}"

    def labels(self, form: str | None) -> dict[str, str]:
        """The error summary's labels for the fields of the form that was sent."""
        if not form or not is_nested(form):
            return {}
        names = RETURN_FIELDS if form.startswith(RETURN_FORM) else FIELDS
        return {f"{form}.{name}": text for name, text in names.items()}


def view(session: Session, zaak: Zaak) -> DispatchView:
    """The letters of every approved beslissing of the zaak with their current dispatch record and return."""
    rows = list(reversed(approved_beslissingen(session, zaak)))  # newest first, as the case page lists them
    letters, dates, batches = {}, {}, {}
    for beslissing in rows:
        current, returns = dispatch.dispatch_records(session, beslissing), dispatch.all_returns(session, beslissing)
        letters[beslissing.id] = [Letter(d, r, returns.get(r.id) if r else None)
                                  for d in current_documents(session, beslissing) for r in (current.get(d.id),)]
        failed = {k for k, t in returns.items() if not t.bekendgemaakt}  # only these wait for a new sending
        dates[beslissing.id] = besluit_dates(current.values(), failed)
        batches[beslissing.id] = print_batch(session, beslissing)
    documents = [letter.document for found in letters.values() for letter in found]
    return DispatchView(letters, dates, batches, pdf_hashes(session, documents))


def is_nested(form: str) -> bool:
    """The forms of this section prefix their field names with the form's name."""
    return form.startswith((FORM, RETURN_FORM))


def record(zaak: Zaak, beslissing_id: int, data: dict[str, Any]) -> Any:
    db = get_session()
    version = data.pop("version")
    return dispatch.record_dispatch(db, current_app.extensions["bevoegd"], _beslissing(db, zaak, beslissing_id),
                                    dispatch.DispatchRequest(**data), version, current_user, clock.today())


def record_return(zaak: Zaak, beslissing_id: int, data: dict[str, Any]) -> Any:
    db = get_session()
    version = data.pop("version")
    return dispatch.record_return(db, _beslissing(db, zaak, beslissing_id), dispatch.ReturnRequest(**data), version,
                                  current_user, clock.today())


def _beslissing(db: Session, zaak: Zaak, beslissing_id: int) -> Any:
    beslissing = beslissing_of(db, zaak, beslissing_id)
    if beslissing is None:
        abort(404)
    return beslissing
