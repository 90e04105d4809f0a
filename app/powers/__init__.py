"""Registry of powers; a power needs a rules folder, a module here, letter templates and manifest lines."""

from __future__ import annotations

from app.domain.errors import UnknownPower
from app.powers import damocles
from app.powers.spec import PowerSpec

POWERS: dict[str, PowerSpec] = {
    "damocles": PowerSpec(
        code="damocles",
        facts_from_case=damocles.facts_from_case,
        proposal=damocles.proposal,
        case_file_defaults=damocles.CASE_FILE_DEFAULTS,
    ),
}


def power(code: str) -> PowerSpec:
    """The spec of one power. Raises UnknownPower."""
    try:
        return POWERS[code]
    except KeyError:
        raise UnknownPower() from None
