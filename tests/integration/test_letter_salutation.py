"""Stored letters greet each betrokkene as the case records them: a person by name, an organisation neutrally.

The organisation flag travels from the betrokkene to the letter (services/documents.py); Veilig Thuis's name
carries no legal form, so only that flag keeps its letter from reading "Geachte Veilig Thuis ...,".
"""

from __future__ import annotations

import io
from datetime import date, datetime

import docx
import time_machine
from sqlalchemy import select

from app.domain.deadlines import AMSTERDAM
from app.models import Beslissing
from app.services.intake import submit_melding
from app.services.review import current_documents
from tests.factories import huisverbod

IMPOSED = datetime(2026, 12, 3, 23, 40, tzinfo=AMSTERDAM)


def _salutation(content: bytes) -> str:
    return next(p.text for p in docx.Document(io.BytesIO(content)).paragraphs if p.text.startswith("Geachte"))


def test_each_stored_letter_greets_its_addressee_as_recorded(app, db, users):
    rt = app.extensions["bevoegd"]
    with time_machine.travel(datetime(2026, 12, 4, 0, 15, tzinfo=AMSTERDAM), tick=False):
        zaak = submit_melding(db, rt, huisverbod(IMPOSED), users["hovj"], date(2026, 12, 4))
    order = db.scalars(select(Beslissing).where(Beslissing.zaak_id == zaak.id, Beslissing.soort == "huisverbod")).one()
    greetings = {d.ontvanger_rol: (d.ontvanger_naam, _salutation(d.inhoud)) for d in current_documents(db, order)}
    assert greetings["uithuisgeplaatste"] == ("E. Testman", "Geachte E. Testman,")
    assert greetings["achterblijver"] == ("F. Testvrouw", "Geachte F. Testvrouw,")
    organisation, greeting = greetings["veilig_thuis"]
    assert organisation and greeting == "Geachte heer, mevrouw,"
