"""Dutch words where the rules keep codes: a ruleset's name, and a quantity with its unit in the right number.

A person reads "regels van 28-01-2026" and "1 stuk", never "damocles__20260128_r2" or "1 stuks".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from app.domain.numbers import format_number

# Units as the rules' parameter files write them (plural), with their singular for a value of exactly 1.
SINGULAR = {"stuks": "stuk", "klachten": "klacht", "maanden": "maand", "weken": "week", "dagen": "dag",
            "jaren": "jaar", "uren": "uur", "planten": "plant", "stekken": "stek", "patronen": "patroon",
            "cilinders": "cilinder"}
# Units some parameter files write in English, and "klasse" (a class-valued parameter: its value is a word
# that needs no unit; "Dezelfde persoon op hetzelfde adres klasse" reads as a broken sentence).
UNIT_WORDS = {"days": "dagen", "weeks": "weken", "months": "maanden", "hours": "uur", "klasse": "", "dates": ""}
_RULESET = re.compile(r"^(?P<power>[a-z]+)__(?P<day>\d{8})(?:_r(?P<revision>\d+))?$")


def with_unit(value: Any, unit: str | None, words: Callable[[str], str] | None = None) -> str:
    """A number with its unit, the Dutch way: 1.500 g, 1 stuk, 3 maanden. A table value (an address, the text
    of a by-law norm, the competent body per permit type) shows as "key: value" pairs, yes/no in words, its codes
    in the power's `words` where given."""
    if isinstance(value, Mapping):
        word = words or str
        return "; ".join(f"{word(k)}: {word(v) if isinstance(v, str) else _plain(v)}" for k, v in value.items())
    shown = format_number(value) if isinstance(value, int | float) and not isinstance(value, bool) else str(value)
    unit = unit_word(unit)
    if not unit:
        return shown
    return f"{shown} {SINGULAR.get(unit, unit) if value == 1 else unit}"


def _plain(value: Any) -> str:
    if isinstance(value, bool):
        return "ja" if value else "nee"
    return "" if value is None else " ".join(str(value).split())


def unit_word(unit: str | None) -> str:
    """A parameter file's unit as a screen writes it after a number; empty where no unit belongs."""
    return UNIT_WORDS.get(unit or "", unit or "")


def ruleset_label(ruleset: str) -> str:
    """The rules a receipt used, by the date they took effect: "regels van 28-01-2026 (herziening 2)"."""
    found = _RULESET.match(ruleset)
    if found is None:
        return "regels van deze bevoegdheid"
    day = date(int(found["day"][:4]), int(found["day"][4:6]), int(found["day"][6:]))
    revision = f" (herziening {found['revision']})" if found["revision"] else ""
    return f"regels van {day.strftime('%d-%m-%Y')}{revision}"
