"""Statutory destruction: files whose retention period ran out are destroyed, leaving a record without
personal data (Wet tijdelijk huisverbod art. 10: kept five years, then destroyed).

A power opts in with `retention: {parameter: ...}` in its index.yaml: the number of years after the last
decision in the zaak (or its registration, when nothing was decided). Each destruction is one transaction:
the vernietiging record opens the database guards for exactly that zaak, its rows are deleted, its audit
snapshots redacted (the digests stay, so the hash chain verifies), a destroy event is logged, and the
record is closed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.audit import SYSTEM, record_change, redact_snapshots
from app.domain.errors import InvalidInput
from app.models import (
    Beoordeling,
    Beroep,
    Beslissing,
    Betrokkene,
    Bezwaar,
    Document,
    DocumentPdf,
    Melding,
    Notificatie,
    Oordeel,
    OutboxJob,
    Retour,
    Reviewronde,
    Vernietiging,
    Verzending,
    Zaak,
    ZaakToegang,
    ZgwObject,
)
from app.models.types import utcnow
from app.runtime import Runtime

APPROVED = ("vastgesteld", "verzonden")


@dataclass(frozen=True)
class Due:
    """A zaak whose retention period has ended."""

    zaak_id: int
    identificatie: str
    zaaktype: str
    bewaren_tot: date
    grondslag: str


def due_for_destruction(session: Session, rt: Runtime, today: date) -> list[Due]:
    """Zaken of powers with a retention period whose last decision lies that many years before `today`."""
    found = []
    for code in rt.powers:
        parameter = rt.book.index(code).retention
        if parameter is None:
            continue
        years = rt.book.parameter(code, parameter, today)
        last = func.coalesce(func.max(Beslissing.datum), Zaak.registratiedatum)
        rows = session.execute(select(Zaak.id, Zaak.identificatie, last).outerjoin(
            Beslissing, (Beslissing.zaak_id == Zaak.id) & Beslissing.status.in_(APPROVED))
            .where(Zaak.zaaktype == code).group_by(Zaak.id, Zaak.identificatie, Zaak.registratiedatum))
        for zaak_id, kenmerk, decided in rows:
            until = _date(decided) + relativedelta(years=int(years.value))
            if until <= today:
                found.append(Due(zaak_id, kenmerk, code, until, years.reference["title"]))
    return found


def destroy(session: Session, rt: Runtime, due: Due, today: date) -> Vernietiging:
    """Destroy one zaak's file and letters in one transaction; the record keeps no personal data.

    Raises:
        InvalidInput: the zaak is (no longer) due, e.g. a new decision restarted its period.
    """
    if due not in due_for_destruction(session, rt, today):
        raise InvalidInput({"zaak": "Deze zaak is (nog) niet aan vernietiging toe."})
    record = Vernietiging(zaak_id=due.zaak_id, identificatie=due.identificatie, zaaktype=due.zaaktype,
                          grondslag=due.grondslag, bewaren_tot=due.bewaren_tot)
    session.add(record)
    session.flush()  # opens the database guards for this zaak only
    record.aantal_documenten = _delete_file(session, due.zaak_id)
    redact_snapshots(session, due.identificatie)
    record_change(session, SYSTEM, actie="destroy", hoofd_object=due.identificatie, resource="zaak",
                  resource_id=due.zaak_id, weergave="Dossier vernietigd na afloop van de bewaartermijn",
                  nieuw={"zaaktype": due.zaaktype, "grondslag": due.grondslag, "bewaren_tot": due.bewaren_tot,
                         "documenten": record.aantal_documenten})
    record.uitgevoerd_at = utcnow()  # closes the guards again
    session.commit()
    return record


def _delete_file(session: Session, zaak_id: int) -> int:
    """Every row of the zaak, children first; returns the number of letters destroyed."""
    beslissingen = select(Beslissing.id).where(Beslissing.zaak_id == zaak_id)
    for model in (Retour, OutboxJob, ZgwObject, DocumentPdf):
        session.execute(delete(model).where(model.zaak_id == zaak_id))
    session.execute(delete(Verzending).where(Verzending.zaak_id == zaak_id))
    session.execute(delete(Notificatie).where(Notificatie.zaak_id == zaak_id))
    documents = session.execute(delete(Document).where(Document.zaak_id == zaak_id)).rowcount
    session.execute(delete(Reviewronde).where(Reviewronde.beslissing_id.in_(beslissingen)))
    for model in (Bezwaar, Beroep, Beslissing, Oordeel, Beoordeling, Betrokkene, Melding, ZaakToegang):
        session.execute(delete(model).where(model.zaak_id == zaak_id))
    session.execute(delete(Zaak).where(Zaak.id == zaak_id))
    return documents


def _date(value: date | str) -> date:
    # SQLite returns the aggregate of a DATE column as text.
    return value if isinstance(value, date) else date.fromisoformat(str(value))
