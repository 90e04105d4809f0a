"""Woonoverlast: the policy proposal read out of an assessment. Skeleton: the real proposal follows."""

from __future__ import annotations

from typing import Any

from app.domain.assessment import Assessment


def proposal(assessment: Assessment) -> dict[str, Any]:
    """{maatregel, duur, eenheid, parameter, steunt_op, ...}; geen_actie for now."""
    return {"maatregel": "geen_actie", "duur": None, "eenheid": None, "parameter": None}
