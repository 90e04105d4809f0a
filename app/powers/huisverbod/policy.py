"""Huisverbod: the law fixes the measure (ten days, extension up to four weeks); no policy proposes one."""

from __future__ import annotations

from typing import Any

from app.domain.assessment import Assessment


def proposal(_assessment: Assessment) -> dict[str, Any]:
    """No policy proposal: a person judges the danger (T4); the rules only check the conditions."""
    return {"maatregel": None, "duur": None, "eenheid": None, "parameter": None}
