"""The facts the letters of a beslissing need, checked when the concept is drafted (and again when its letters
are previewed or offered): every missing fact at once, each on its own fact field, instead of one refusal per
attempt after the concept looked accepted.

Only the letter checks that point at a fact the jurist can fill in on the case page count here; checks on the
signatory or the deadlines belong to offering (services/drafting.py).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.domain.errors import InvalidInput
from app.domain.procedure import body_of
from app.models import Beslissing
from app.runtime import Runtime
from app.services.documents import Signer, letter_input, letter_recipients

FACT_PREFIX = "case_file."  # some kits name a fact as "case_file.<field>"


def missing_letter_facts(session: Session, rt: Runtime, beslissing: Beslissing) -> dict[str, str]:
    """{fact field: Dutch reason} for every editable fact a letter of this beslissing cannot be written without."""
    zaak = beslissing.zaak
    spec, procedure = rt.power(zaak.zaaktype), rt.procedure(zaak.zaaktype)
    if procedure.outcome(beslissing.soort).reconsiders:
        return {}  # a decision on a bezwaar has its own letters and checks
    # The signatory is chosen later, when offering; the body that decides is known now.
    unsigned = Signer(beslisser={}, ondertekening=(), orgaan=body_of(procedure.outcome(beslissing.soort), zaak.orgaan),
                      gemeente=rt.config.gemeente)
    found: dict[str, str] = {}
    for person in letter_recipients(rt, beslissing):
        errors = spec.letters.check(letter_input(session, beslissing, unsigned, person, procedure))
        for key, message in errors.items():
            field = key.removeprefix(FACT_PREFIX)
            if field in spec.editable_facts:
                found.setdefault(field, message)
    return found


def check_letter_facts(session: Session, rt: Runtime, beslissing: Beslissing) -> None:
    """Raise InvalidInput naming every missing fact (the caller rolls back)."""
    missing = missing_letter_facts(session, rt, beslissing)
    if missing:
        raise InvalidInput(missing)
