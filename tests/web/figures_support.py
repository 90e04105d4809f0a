"""Fictional zaken with approved, revoked, unapproved and sent decisions on chosen dates, written straight into
the database (the flows would date everything today), for the figures tests."""

from __future__ import annotations

import hashlib
import itertools
from datetime import UTC, date, datetime, time, timedelta

from app.domain.deadlines import AMSTERDAM
from app.models import Beoordeling, Beslissing, Document, Melding, Verzending, Zaak

YEAR = 2025
_numbers = itertools.count(1)


def moment(day: date, hour: int = 10, minute: int = 0) -> datetime:
    """A moment on the Amsterdam wall clock."""
    return datetime.combine(day, time(hour, minute), AMSTERDAM)


def zaak(db, users, power: str, registered: date, came_in: datetime | None = None, *, team: str = "oov",
         restricted: bool = False) -> Zaak:
    """A zaak with its melding (which came in at `came_in`, default 10.00 on the day it was registered) and an
    assessment the decisions can point to."""
    n = next(_numbers)
    row = Zaak(identificatie=f"CIJFERS-TEST-{n:04d}", bronorganisatie="002220647", zaaktype=power,
               omschrijving="Fictieve zaak voor de cijfers", registratiedatum=registered, startdatum=registered,
               adres_straat="Cijferstraat", adres_huisnummer=str(n), adres_postcode="6211 AA",
               adres_woonplaats="Maastricht", adres_sleutel=f"cijferstraat {n} 6211aa", team=team,
               created_by_id=users["handhaving"].id, toegang_beperkt=restricted,
               vertrouwelijkheidaanduiding="vertrouwelijk" if restricted else "zaakvertrouwelijk")
    db.add(row)
    db.flush()
    db.add(Melding(zaak_id=row.id, submission_id=f"cijfers-{n}-{power}", bron_kenmerk=f"CIJFERS-{n}",
                   bron_soort="aanvraag" if restricted else "bestuurlijke_rapportage", bron_datum=registered,
                   pleegdatum=registered, gegevens={}, reporter_id=users["handhaving"].id,
                   created_at=(came_in or moment(registered)).astimezone(UTC)))
    db.add(Beoordeling(zaak_id=row.id, peildatum=registered, beoordeeld_op=registered, ruleset=f"{power}-test",
                       rules_sha256="0" * 64, engine="test", bevoegdheid="bevoegd", assessment={}, sha256="0" * 64,
                       created_by_id=users["jurist"].id))
    db.flush()
    return row


def decision(db, users, zaak_row: Zaak, soort: str, decided: date | None, *, besluit: bool = True,
             revoked: bool = False, sent_on: date | None = None, **columns) -> Beslissing:
    """A beslissing approved on `decided` (None: a concept), optionally revoked later or sent on `sent_on`."""
    assessment = db.query(Beoordeling).filter_by(zaak_id=zaak_row.id).first()
    kabinet, jurist = users["kabinet"], users["jurist"]
    row = Beslissing(zaak_id=zaak_row.id, beoordeling_id=assessment.id, soort=soort, besluit=besluit,
                     status="vastgesteld" if decided else "concept", verzenddatum=decided or date(YEAR, 12, 31),
                     drafter_id=jurist.id, ondertekenaar_id=kabinet.id if decided else None, **columns)
    if decided:
        row.datum, row.approver_id, row.approved_at = decided, kabinet.id, moment(decided, 12).astimezone(UTC)
    if revoked:
        row.intrekking_soort, row.intrekking_datum = "ingetrokken", decided + timedelta(days=30)
        row.intrekking_reden, row.intrekking_door_id = "Fictief intrekkingsbesluit", jurist.id
    db.add(row)
    db.flush()
    if sent_on:
        _sent(db, users, zaak_row, row, sent_on)
    return row


def _sent(db, users, zaak_row: Zaak, row: Beslissing, sent_on: date) -> None:
    content = f"brief {row.id}".encode()
    letter = Document(beslissing_id=row.id, zaak_id=zaak_row.id, versie=1, ontvanger_rol="bewoner",
                      ontvanger_naam="T. Testbewoner", template="test.docx", template_sha256="0" * 64,
                      titel="Fictieve brief", bestandsnaam=f"brief-{row.id}.docx", vertrouwelijkheidaanduiding="intern",
                      status="definitief", inhoud=content, sha256=hashlib.sha256(content).hexdigest(), context={},
                      library_versions={}, creatiedatum=sent_on)
    db.add(letter)
    db.flush()
    db.add(Verzending(zaak_id=zaak_row.id, beslissing_id=row.id, document_id=letter.id, ontvanger_rol="bewoner",
                      verzonden_op=sent_on, methode="post", recorded_by_id=users["jurist"].id))
    db.flush()


def year_of_cases(db, users) -> dict[str, Zaak]:
    """The fixture year: what counts, what does not, and a restricted zaak of another team.

    Damocles: a warning in Q1 (22 days after the report, sent 2 days later), a melding at 00.30 on 1 April
    (Q2 on the Amsterdam calendar, still March in UTC) closed in Q2 (49 days, sent 2 days later) after an
    uncounted voornemen, a revoked closure (Q3), a warning of the year before and a concept (Q4).
    Huisverbod: imposed in Q4 and extended 9 days later. Bibob (restricted, team vergunningen): LBB advice
    asked in Q1 (28 days) and a refusal in Q2 (149 days).
    """
    y = YEAR
    a = zaak(db, users, "damocles", date(y, 1, 10))
    decision(db, users, a, "waarschuwing", date(y, 2, 1), besluit=False, sent_on=date(y, 2, 3))
    b = zaak(db, users, "damocles", date(y, 4, 1), came_in=moment(date(y, 4, 1), 0, 30))
    decision(db, users, b, "voornemen_sluiting", date(y, 4, 10), besluit=False, sent_on=date(y, 4, 11))
    decision(db, users, b, "sluiting", date(y, 5, 20), sent_on=date(y, 5, 22))
    c = zaak(db, users, "damocles", date(y, 7, 1))
    decision(db, users, c, "sluiting", date(y, 8, 1), revoked=True)
    d = zaak(db, users, "damocles", date(y - 1, 12, 1))
    decision(db, users, d, "waarschuwing", date(y - 1, 12, 20), besluit=False)
    e = zaak(db, users, "damocles", date(y, 11, 1))
    decision(db, users, e, "waarschuwing", None, besluit=False)
    f = zaak(db, users, "huisverbod", date(y, 10, 5))
    decision(db, users, f, "huisverbod", date(y, 10, 5), review_mode="achteraf")
    decision(db, users, f, "verlenging_huisverbod", date(y, 10, 14))
    g = zaak(db, users, "bibob", date(y, 2, 1), team="vergunningen", restricted=True)
    decision(db, users, g, "mededeling_adviesaanvraag", date(y, 3, 1), besluit=False)
    decision(db, users, g, "weigering", date(y, 6, 30))
    db.commit()
    return {"a": a, "b": b, "c": c, "d": d, "e": e, "f": f, "g": g}
