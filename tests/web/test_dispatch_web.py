"""The case page's dispatch section: the jurist records per letter when and how it went out and sees each
recipient's last day for beroep; a bad date gets a Dutch message and stores nothing."""

from __future__ import annotations

from datetime import date, datetime

import time_machine
from sqlalchemy import select

from app.domain.deadlines import AMSTERDAM
from app.models import Beslissing, Verzending
from app.services.intake import submit_melding
from app.services.review import current_documents
from tests.factories import huisverbod

IMPOSED = datetime(2026, 12, 3, 23, 40, tzinfo=AMSTERDAM)


def _order(app, db, users) -> Beslissing:
    with time_machine.travel(datetime(2026, 12, 4, 0, 15, tzinfo=AMSTERDAM), tick=False):
        zaak = submit_melding(db, app.extensions["bevoegd"], huisverbod(IMPOSED), users["hovj"], date(2026, 12, 4))
    return db.scalars(select(Beslissing).where(Beslissing.zaak_id == zaak.id, Beslissing.soort == "huisverbod")).one()


def test_the_jurist_records_the_dispatch_of_a_letter_and_sees_the_deadline(app, client, db, users, login_as):
    order = _order(app, db, users)
    letter = next(d for d in current_documents(db, order) if d.ontvanger_rol == "uithuisgeplaatste")
    login_as("jurist")
    page = client.get(f"/zaken/{order.zaak_id}").get_data(as_text=True)
    assert "Verzending per ontvanger" in page and "Nog niet verzonden" in page
    prefix = f"verzending-b{order.id}"
    fields = {"version": order.version_id, f"{prefix}.document_id": letter.id, f"{prefix}.methode": "uitreiking",
              f"{prefix}.verzonden_op": "2026-12-03", f"{prefix}.bewijs": "PV-1"}
    refused = client.post(f"/zaken/{order.zaak_id}/beslissingen/{order.id}/verzending", data=fields)
    assert refused.status_code == 400
    assert "niet zijn verzonden vóór de vaststelling op 04-12-2026" in refused.get_data(as_text=True)
    assert db.scalars(select(Verzending)).first() is None
    sent = client.post(f"/zaken/{order.zaak_id}/beslissingen/{order.id}/verzending",
                       data={**fields, f"{prefix}.verzonden_op": "2026-12-04"})
    assert sent.status_code == 302
    page = client.get(f"/zaken/{order.zaak_id}").get_data(as_text=True)
    assert "Uitgereikt in persoon" in page and "15-01-2027" in page
