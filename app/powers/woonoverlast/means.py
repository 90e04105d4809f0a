"""Woonoverlast: the flat facts about the softer means and warnings on record (151d lid 2), pure."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from app.domain.history import day_of, made_known

WARNING = "waarschuwing"
NOT_TRIED = ("niet_geschikt", "niet_geprobeerd")
LANDLORD_MEANS = ("verhuurder_maatregel", "huurrechtelijke_maatregel")


def softer_means_facts(case: Mapping[str, Any], history: list[Mapping[str, Any]], seen: list[dict[str, Any]],
                       today: date) -> dict[str, Any]:
    """What was tried or considered, whether a reason is missing, and the warnings: how many, and whether the
    nuisance went on after the latest one (an incident after it)."""
    means = [m or {} for m in case.get("softer_means") or ()]
    warnings = [m for m in means if m.get("kind") == WARNING]
    dated = [d for m in warnings if (d := day_of(m.get("date"))) is not None and d <= today]
    earlier = [h for h in history if h.get("kind") == WARNING and made_known(h)
               and h.get("same_address", True) is not False and h.get("same_person") is not False]
    days = dated + [d for h in earlier if (d := day_of(h.get("letter_date")) or day_of(h.get("date"))) is not None]
    return {
        "softer_means_recorded": bool(means),
        "softer_means_reason_missing": any(m.get("outcome") in NOT_TRIED and not str(m.get("reason") or "").strip()
                                           for m in means),
        "landlord_means_recorded": any(m.get("kind") in LANDLORD_MEANS for m in means),
        "earlier_warnings_count": len(dated) + len(earlier),
        "warning_undated_present": any(day_of(m.get("date")) is None for m in warnings),
        "warning_without_later_incident": bool(days) and not any(i["at"].date() > max(days) for i in seen),
    }
