"""Closing a zaak (pure): which reasons fit the advice, and which judgements the case page still asks."""

from __future__ import annotations

from collections.abc import Iterable

from app.domain.assessment import BEVOEGD, NIET_BEVOEGD
from app.domain.errors import InvalidInput
from app.domain.procedure import JudgementSpec

COMPETENCE_STEP = "bevoegdheid"
AFSLUITREDENEN = ("niet_bevoegd", "afgezien", "afgedaan", "aanvraag_ingetrokken")
REASONS = {
    "niet_bevoegd": "Niet bevoegd",
    "afgezien": "Afgezien van een maatregel",
    "afgedaan": "Afgedaan",
    # The applicant withdrew the application the zaak is about (e.g. a permit under Bibob screening).
    "aanvraag_ingetrokken": "Aanvraag ingetrokken door de aanvrager",
}


def judgements_to_ask(competence: str | None, specs: Iterable[JudgementSpec]) -> tuple[JudgementSpec, ...]:
    """Where the mayor is not competent, only the competence questions remain: asking about proportionality
    or the family would weigh a measure that cannot be taken."""
    specs = tuple(specs)
    if competence != NIET_BEVOEGD:
        return specs
    return tuple(s for s in specs if s.stap == COMPETENCE_STEP or s.bevoegd_bij)


def check_reason(reason: str, competence: str | None, body: str = "de burgemeester") -> None:
    """"Niet bevoegd" only where the rules and the competence judgements say so; "bevoegd" cases are closed
    otherwise (with reasons why no measure follows)."""
    if reason not in REASONS:
        raise InvalidInput({"afsluitreden": "Kies een reden."})
    if reason == "niet_bevoegd" and competence == BEVOEGD:
        raise InvalidInput({"afsluitreden": f"Volgens de regels en de afwegingen is {body} bevoegd. "
                            "Kies een andere reden en motiveer die."})
