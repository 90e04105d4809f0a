"""Dutch words for the woonoverlast case file, facts, parameters and codes (the power's own label namespace)."""

from __future__ import annotations

LABELS: dict[str, str] = {}
