"""A sent Damocles closure (a besluit with `remedy: bezwaar`) for the bezwaar tests, built through the services."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from app.domain.drafting import DraftRequest
from app.models import Beslissing, Zaak
from app.services import review
from app.services.intake import submit_melding
from app.services.review import current_documents
from tests.factories import melding
from tests.flows import judge_what_is_missing, submit, zienswijze

PERSON = {"naam": "B. Bezwaarmaker", "geboortedatum": "1981-03-09", "roltype": "bewoner"}


def approve(db, rt, beslissing: Beslissing, users, today: date) -> Beslissing:
    submit(db, rt, beslissing, users["kabinet"], users["jurist"], today)
    hashes = [d.sha256 for d in current_documents(db, beslissing)]
    return review.approve(db, rt, beslissing, hashes, beslissing.version_id, users["kabinet"], today)


def sent_closure(db, rt, users, today: date) -> Beslissing:
    """Voornemen, a zienswijze, closure; approved and marked sent as the dispatch records would."""
    zaak: Zaak = submit_melding(db, rt, melding(bewoners=[PERSON]), users["handhaving"], today)
    voornemen = judge_what_is_missing(db, rt, zaak, DraftRequest("voornemen_sluiting", today, 3), users["jurist"],
                                      today)
    approve(db, rt, voornemen, users, today)
    zienswijze(db, zaak, {"outcome": "ontvangen", "samenvatting": "De bewoner ontkent.",
                          "reactie": "Dat verandert de afweging niet."}, users["jurist"], today)
    after_term = voornemen.zienswijze_tot + timedelta(days=1)
    closure = judge_what_is_missing(db, rt, zaak, DraftRequest("sluiting", after_term, 3), users["jurist"], today)
    approve(db, rt, closure, users, today)
    closure.status, closure.verzonden_at = "verzonden", datetime.now(UTC)
    db.commit()
    return closure
