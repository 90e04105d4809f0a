"""Woonoverlast: what the case page lists under "Nog te doen" (pure): each instruction that is too vague or has no
usable code, named by its code and with the reason, so the jurist corrects it before drafting is refused."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from app.domain.assessment import ParameterValue
from app.powers.spec import Task
from app.powers.woonoverlast import instructions as ins


def tasks(case: Mapping[str, Any], params: Mapping[str, ParameterValue], _now: datetime) -> list[Task]:
    """One task per instruction to correct in the facts form (the rules refuse an order until then)."""
    given = [i for i in case.get("instructions") or () if isinstance(i, Mapping)]
    found = {**ins.code_problems(given), **ins.vague_reasons(given, params)}
    return [Task(code="aanwijzing_verbeteren", text=f"Aanwijzing {_name(given[i], i)}: {reason}")
            for i, reason in sorted(found.items())]


def _name(instruction: Mapping[str, Any], index: int) -> str:
    code = str(instruction.get("code") or "").strip()
    return code or f"op regel {index + 1}"
