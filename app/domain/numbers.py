"""Numbers the Dutch way: a point groups thousands, a comma starts the decimals (1.500,25).

A number typed by a person is read in Dutch notation only where that reading is the only sensible one.
Input that is not Dutch notation, or that an English reader would read differently where the Dutch
reading cannot be meant (1,500 in a whole-number field), is answered with a question: naming both
readings where both are plausible, the one reading where only one is (1.5: "Bedoelt u 1,5?"). A misread
quantity decides whether a premises is closed, so this never guesses. Exponents,
"inf" and "nan" are refused: nobody writes a quantity in a police report that way.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from babel.numbers import NumberFormatError, format_decimal, parse_decimal

LOCALE = "nl_NL"
_PLAIN = re.compile(r"^[+-]?[0-9][0-9.,]*$")  # digits and separators only: no exponent, inf, nan or spaces
_ENGLISH_GROUPS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+$")  # 1,500 or 12,000,000
_DECIMAL_POINT = re.compile(r"^[+-]?\d+\.(\d{1,2}|\d{4,})$")  # 1.5, 0.55: a point that cannot group thousands
HOW = "Schrijf duizendtallen met een punt en decimalen met een komma, bijvoorbeeld 1.500 of 2,5."
HOW_WHOLE = "Schrijf duizendtallen met een punt, bijvoorbeeld 1.500."  # a count has no decimals to suggest


class NumberProblem(ValueError):
    """Why a typed number was not read: a Dutch message for the person, and the readings it could have."""

    def __init__(self, message: str, readings: tuple[Decimal, ...] = ()) -> None:
        super().__init__(message)
        self.message, self.readings = message, readings


def format_number(value: int | float | Decimal) -> str:
    """A number as a Dutch screen or form shows it: 1.500, 2,5; every decimal kept, so it reads back the same."""
    exact = value if isinstance(value, Decimal) else Decimal(str(value))
    return format_decimal(exact, locale=LOCALE, decimal_quantization=False)


def parse_number(text: str, *, whole: bool = False) -> Decimal:
    """The number a person typed, read the Dutch way.

    Raises:
        NumberProblem: not a plain number (exponent, inf, nan, letters); not Dutch notation (1.5, 1.50); a
            decimal where a whole number is asked (2,5); or two plausible readings (1,500 for a count).
    """
    typed, how = text.strip(), HOW_WHOLE if whole else HOW
    if not _PLAIN.match(typed):
        kind = "een heel getal" if whole else "een getal"
        raise NumberProblem(f"Vul {kind} in zonder letters of tekens. {how}")
    try:
        value = parse_decimal(typed, LOCALE, strict=True)
    except NumberFormatError:
        raise _not_dutch(typed, whole) from None
    if whole and value != value.to_integral_value():
        if _ENGLISH_GROUPS.match(typed):
            raise _question(typed, (_english(typed), value), how)
        raise NumberProblem("Vul een heel getal in, zonder komma.")
    return value


def _not_dutch(typed: str, whole: bool) -> NumberProblem:
    """The readings of input that is not Dutch notation: an English decimal point, or points typed by mistake.
    A point with other than three digits after it (1.5) can only be a decimal point: one reading, one
    question; two readings are named only where both are plausible (12.34.56)."""
    how = HOW_WHOLE if whole else HOW
    if _DECIMAL_POINT.match(typed):
        if whole:
            return NumberProblem(f"Vul een heel getal in, zonder decimalen. {how}")
        meant = _english(typed)
        return NumberProblem(f"Bedoelt u {format_number(meant)}? Schrijf decimalen met een komma.", (meant,))
    readings = tuple(dict.fromkeys(r for r in (_english(typed), _without_points(typed)) if r is not None))
    if not readings:
        return NumberProblem(f"Dit is geen geldig getal. {how}")
    return _question(typed, readings, how)


def _question(typed: str, readings: tuple[Decimal | None, ...], how: str) -> NumberProblem:
    found = tuple(r for r in readings if r is not None)
    options = " of ".join(format_number(r) for r in found)
    return NumberProblem(f"Wat bedoelt u met '{typed}': {options}? Vul het getal opnieuw in. {how}", found)


def _english(typed: str) -> Decimal | None:
    try:
        return parse_decimal(typed, "en_US", strict=True)
    except (NumberFormatError, InvalidOperation):
        return None


def _without_points(typed: str) -> Decimal | None:
    try:
        return parse_decimal(typed.replace(".", ""), LOCALE, strict=True)
    except (NumberFormatError, InvalidOperation):
        return None
