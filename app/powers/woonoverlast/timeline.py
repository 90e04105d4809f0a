"""The chronology as a timeline (filled in below)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.domain.assessment import ParameterValue


def panel(case: Mapping[str, Any], params: Mapping[str, ParameterValue]) -> dict[str, Any]:
    return {}
