"""Bulk runs after approval: the post room prints the run's letters as one PDF, and the jurist records that
they went out (the same day and method for every letter not yet recorded), in one transaction.

A letter that came back, or that was sent otherwise, is corrected on its own zaak's page with a reason; the
run only records letters that have no sending yet, so it never overwrites a recorded one.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy.orm import Session

from app.audit import Actor, record_access, record_change
from app.domain.errors import InvalidInput, InvalidTransition
from app.letters.pdf import merge
from app.models import Beslissing, Document, Reeks, User
from app.models.verzending import ELEKTRONISCH
from app.runtime import Runtime
from app.services.bulk_review import run_beslissingen, touch_run
from app.services.dispatch import DispatchRequest, dispatch_in_session, dispatch_records
from app.services.letter_pdf import pdfs_of
from app.services.print_batch import pdf_hashes
from app.services.queries import APPROVED, check_version
from app.services.review import current_documents

RUN_METHODS = ("post", "aangetekend", "uitreiking")


def unsent(session: Session, reeks: Reeks) -> list[tuple[Beslissing, Document]]:
    """The approved letters of the run without any sending recorded, by recipient as the post room sorts."""
    found = []
    for beslissing in run_beslissingen(session, reeks).values():
        if beslissing.status not in APPROVED:
            continue
        recorded = dispatch_records(session, beslissing)
        found += [(beslissing, d) for d in current_documents(session, beslissing) if d.id not in recorded]
    return sorted(found, key=lambda pair: (pair[1].ontvanger_naam.casefold(), pair[1].id))


def ready_to_print(session: Session, reeks: Reeks) -> tuple[list[Document], list[Document]]:
    """The unsent letters whose PDF is made, and those still waiting for it."""
    letters = [d for _, d in unsent(session, reeks)]
    made = pdf_hashes(session, letters)
    return [d for d in letters if d.id in made], [d for d in letters if d.id not in made]


def run_print_batch(session: Session, reeks: Reeks, actor: User, origin: str) -> bytes | None:
    """One merged PDF of the run's unsent letters that have their PDF, each logged; None when none is ready."""
    ready, _missing = ready_to_print(session, reeks)
    if not ready:
        return None
    pdfs = pdfs_of(session, ready)
    merged = merge([pdfs[d.id].inhoud for d in ready])
    for document in ready:
        record_access(session, Actor.of(actor), action="download", object_type="document", object_id=document.id,
                      case_id=document.beslissing.zaak.identificatie, origin=origin,
                      reason=f"formaat=pdf afdrukset reeks-{reeks.id}")
    session.commit()
    return merged


def _check_run_request(request: DispatchRequest) -> None:
    """A run goes by post or is handed over, with the sending list as proof. Consent to electronic sending is
    each addressee's own (Awb 2:14), so e-mail and Berichtenbox are recorded per letter on its zaak's page."""
    errors = {}
    if request.methode in ELEKTRONISCH or request.methode not in RUN_METHODS:
        errors["methode"] = ("Kies post, aangetekend of uitreiking. Per e-mail of Berichtenbox verzendt u een brief "
                             "alleen aan wie dat zelf heeft gevraagd; leg dat per brief vast in de eigen zaak.")
    if not request.bewijs.strip():
        errors["bewijs"] = "Noem het bewijs van verzending, bijvoorbeeld het nummer van de verzendlijst."
    if errors:
        raise InvalidInput(errors)


def record_run_dispatch(session: Session, rt: Runtime, reeks: Reeks, request: DispatchRequest, version: int,  # noqa: PLR0913
                        actor: User, today: date) -> int:
    """Record one sending (date, method, proof) for every letter of the run without one; returns how many.
    Raises InvalidInput (with the field of the first refusal), InvalidTransition, ConcurrentEdit."""
    check_version(reeks, version)
    if reeks.status != "vastgesteld":
        raise InvalidTransition("Leg de verzending vast nadat de reeks is vastgesteld.")
    _check_run_request(request)
    letters = unsent(session, reeks)
    if not letters:
        raise InvalidInput({"verzonden_op": "Alle brieven van deze reeks zijn al als verzonden vastgelegd."})
    for beslissing, document in letters:
        dispatch_in_session(session, rt, beslissing, replace(request, document_id=document.id), actor, today)
    touch_run(reeks)
    record_change(session, Actor.of(actor), actie="dispatch", hoofd_object=f"reeks-{reeks.id}", resource="reeks",
                  resource_id=reeks.id, weergave=reeks.omschrijving,
                  nieuw={"brieven": len(letters), "verzonden_op": request.verzonden_op, "methode": request.methode})
    session.commit()
    return len(letters)
