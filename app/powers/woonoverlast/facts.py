"""Woonoverlast: from the case file to the one flat, complete fact the rules read (rules/woonoverlast/index.yaml).

Skeleton: the real derivation follows."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from app.domain.assessment import ParameterValue


def facts_from_case(case: Mapping[str, Any], history: Iterable[Mapping[str, Any]],
                    params: Mapping[str, ParameterValue], today: date) -> dict[str, Any]:
    """One flat, complete fact for the woonoverlast vocabulary."""
    return {}


def breaches(case: Mapping[str, Any], params: Mapping[str, ParameterValue]) -> tuple[date, ...]:
    """One date per established breach of an instruction of the running order."""
    return ()


def joins(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, Any]:
    """The stored case file merged with a later report about the same dwelling."""
    return {**new, **{k: v for k, v in old.items() if v not in (None, "", [], {})}}
