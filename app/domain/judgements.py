"""Which judgements a person must record before an outcome can be drafted, and what blocks it.

Rules propose, people decide: the system never fills in a judgement. It only says which are required
(from index.yaml's `required_for` and from fired `oordeel` rules) and refuses a draft without them. What a
recorded answer blocks is data in index.yaml (`outcomes.<answer>.blocks`), not code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from app.domain.assessment import BEVOEGD, JUDGEMENT_REQUIRED, NIET_BEVOEGD
from app.domain.errors import InvalidInput, JudgementMissing
from app.domain.procedure import JudgementSpec, Outcome


@dataclass(frozen=True)
class Recorded:
    """A judgement as recorded by a person."""

    code: str
    outcome: str
    reasoning: str
    recorded_by: str


def required_for(soort: str, specs: Iterable[JudgementSpec], fired: Iterable[str],
                 triggerable: Iterable[str]) -> list[str]:
    """Codes required before drafting `soort`.

    A judgement that some rule can ask for (`triggerable`) is required only when that rule fired in this
    case; any other judgement is required whenever index.yaml lists `soort` under its `required_for`.
    """
    fired, triggerable = set(fired), set(triggerable)
    return [s.code for s in specs
            if soort in s.required_for and (s.code not in triggerable or s.code in fired)]


def competence(bevoegdheid: str, specs: Iterable[JudgementSpec], fired: Iterable[str],  # noqa: PLR0913, PLR0917
               recorded: Mapping[str, Recorded], cumulative: bool = False, outcome: str | None = None) -> str:
    """Competence after the person's judgements: a `judgement_required` ground holds when a triggered
    competence judgement has the outcome that index.yaml names as `bevoegd_bij`; when the judgements are
    `cumulative` (index.yaml `competence_judgements: all`), only when every triggered one has it (for drafting
    `outcome`: every one that outcome needs)."""
    if bevoegdheid != JUDGEMENT_REQUIRED:
        return bevoegdheid
    fired = set(fired)
    grounds = {s.code: s.bevoegd_bij for s in specs if s.bevoegd_bij and s.code in fired}
    if cumulative:
        return _all_hold(grounds, specs, recorded, outcome)
    held = [code in recorded and recorded[code].outcome == answer for code, answer in grounds.items()]
    if any(held):
        return BEVOEGD
    return JUDGEMENT_REQUIRED if any(code not in recorded for code in grounds) else NIET_BEVOEGD


def _all_hold(grounds: Mapping[str, str], specs: Iterable[JudgementSpec], recorded: Mapping[str, Recorded],
              outcome: str | None) -> str:
    """Cumulative conditions: each one the outcome needs (all of them for the zaak as a whole) must hold; an
    outcome that needs none of them (an extension of a ban already imposed on them) does not wait for them."""
    needed = {s.code for s in specs if outcome is None or not s.required_for or outcome in s.required_for}
    mine = {code: answer for code, answer in grounds.items() if code in needed}
    if any(code in recorded and recorded[code].outcome != answer for code, answer in mine.items()):
        return NIET_BEVOEGD
    if any(code not in recorded for code in mine):
        return JUDGEMENT_REQUIRED
    return BEVOEGD if mine or grounds else NIET_BEVOEGD


def open_competence_judgements(specs: Iterable[JudgementSpec], fired: Iterable[str],
                               recorded: Mapping[str, Recorded], outcome: str | None = None) -> list[str]:
    """Triggered competence judgements that nobody has recorded yet (those `outcome` needs, when given)."""
    fired = set(fired)
    return [s.code for s in specs if s.bevoegd_bij and s.code in fired and s.code not in recorded
            and (outcome is None or not s.required_for or outcome in s.required_for)]


def check_recorded(required: Iterable[str], recorded: Mapping[str, Recorded], outcome: Outcome,
                   specs: Iterable[JudgementSpec]) -> None:
    """Raise JudgementMissing for absent judgements and InvalidInput when a recorded answer blocks `outcome`."""
    missing = [code for code in required if code not in recorded]
    if missing:
        raise JudgementMissing(missing)
    blockers = {}
    for spec in specs:
        answer = spec.outcome(recorded[spec.code].outcome) if spec.code in recorded else None
        if answer is not None and outcome.code in answer.blocks:
            blockers[spec.code] = answer.reason
    if blockers:
        raise InvalidInput(blockers, f"{outcome.label} kan niet worden opgesteld op grond van de vastgelegde "
                                     "afwegingen.")


def validate_outcome(spec: JudgementSpec | None, outcome: str, reasoning: str) -> None:
    """A judgement needs a known outcome and non-empty reasons.

    Raises:
        InvalidInput: unknown judgement or answer, or no reasons.
    """
    if spec is None:
        raise InvalidInput({"code": "Deze afweging bestaat niet voor deze bevoegdheid."})
    errors = {}
    if spec.outcome(outcome) is None:
        errors["outcome"] = "Kies een van de mogelijke uitkomsten."
    if not reasoning.strip():
        errors["reasoning"] = "Geef een motivering; die komt in de brief."
    elif addresses_someone(reasoning):
        errors["reasoning"] = THIRD_PERSON
    if errors:
        raise InvalidInput(errors)


# One decision has one content: the same reasoning goes to every addressee, so it
# is written about them, never to one of them.
# A whole word "u", "uw" or "uzelf": not part of an abbreviation ("m.u.v.") or a code ("U-3", "u2").
_SECOND_PERSON = re.compile(r"(?<![\w.\-])(u|uw|uzelf)(?![\w.\-])", re.IGNORECASE)
THIRD_PERSON = ("Schrijf over de betrokkenen in de derde persoon (met hun naam of rol), niet met \"u\" of "
                "\"uw\": iedere geadresseerde krijgt dezelfde tekst in de brief.")


def addresses_someone(text: str) -> bool:
    """Whether a text speaks to a reader ("u", "uw") instead of about a person."""
    return bool(_SECOND_PERSON.search(text))
