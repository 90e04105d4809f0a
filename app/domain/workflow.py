"""The beslissing workflow: concept -> ter_vaststelling -> vastgesteld -> verzonden; returning goes to concept."""

from __future__ import annotations

from app.domain.errors import InvalidTransition

TRANSITIONS: dict[tuple[str, str], str] = {
    ("concept", "redraft"): "concept",
    ("concept", "submit"): "ter_vaststelling",
    ("ter_vaststelling", "approve"): "vastgesteld",
    ("ter_vaststelling", "return"): "concept",
    ("vastgesteld", "send"): "verzonden",
}

_STATUS_WORDS = {
    "concept": "nog een concept",
    "ter_vaststelling": "al ter vaststelling aangeboden",
    "vastgesteld": "al vastgesteld",
    "verzonden": "al verzonden",
}

# The zaak's fase after each step of a beslissing of a given soort (domain README §3).
FASE_AFTER = {
    ("waarschuwing", "draft"): "beleid",
    ("voornemen_sluiting", "draft"): "voornemen",
    ("sluiting", "draft"): "besluit",
    ("*", "submit"): "review",
    ("*", "return"): "evenredigheid",
    ("waarschuwing", "approve"): "verzending",
    ("voornemen_sluiting", "approve"): "voornemen",
    ("sluiting", "approve"): "verzending",
}


def next_status(status: str, action: str) -> str:
    """The status after `action`; raises InvalidTransition with a Dutch message when not allowed."""
    try:
        return TRANSITIONS[(status, action)]
    except KeyError:
        raise InvalidTransition(f"Deze beslissing is {_STATUS_WORDS.get(status, status)}.") from None


def fase_after(soort: str, action: str) -> str:
    """The zaak fase after a step on one of its beslissingen."""
    return FASE_AFTER.get((soort, action)) or FASE_AFTER[("*", action)]
