"""Fictional demo reports of housing nuisance (filled in below)."""

from __future__ import annotations

from datetime import date
from typing import Any


def demo_meldingen(today: date) -> list[dict[str, Any]]:
    return []
