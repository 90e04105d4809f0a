"""The shape every power module fills in: the pure functions the services call."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.domain.assessment import Assessment, ParameterValue

FactsFromCase = Callable[[Mapping[str, Any], list[dict[str, Any]], Mapping[str, ParameterValue], date], dict]
Proposal = Callable[[Assessment], dict[str, Any]]


@dataclass(frozen=True)
class PowerSpec:
    """One power: its code, how a case file becomes a flat fact, and how findings become a policy proposal."""

    code: str
    facts_from_case: FactsFromCase
    proposal: Proposal
    case_file_defaults: Mapping[str, Any]
