"""Dutch dates, moments, money and periods in words for letters (Babel, locale nl_NL).

Pure. Periods are written out with a small Dutch number-word table, never with Babel's
format_timedelta: that rounds six weeks to "1 maand" and ten days to "1 week", which in a letter would
state the wrong legal period. A structure test fails if any module in app/letters imports it.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo

from babel.dates import format_date
from babel.numbers import format_currency

LOCALE = "nl_NL"
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
_CENT = Decimal("0.01")
# Babel separates "€" and the amount with a no-break space (U+00A0; some CLDR locales use U+202F).
_BABEL_SPACES = ("\u00a0", "\u202f")

_ONDER_TWINTIG = (
    "", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
    "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien", "negentien",
)  # fmt: skip
_TIENTALLEN = ("", "", "twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig")
_MAX_WOORDEN = 100

# unit -> (singular, plural). "jaar" and "uur" do not take a plural after a number: "drie jaar".
_EENHEDEN = {
    "hours": ("uur", "uur"),
    "days": ("dag", "dagen"),
    "weeks": ("week", "weken"),
    "months": ("maand", "maanden"),
    "years": ("jaar", "jaar"),
}
# Parameter files say "weeks"; templates and jurists may say "weken" or "week": all mean the same.
_ALIASES = {
    alias: forms for unit, forms in _EENHEDEN.items() for alias in (unit, unit.removesuffix("s"), *forms)
}


def datum(d: date) -> str:
    """Letter date, e.g. "3 juni 2025". An aware datetime is first taken to Amsterdam time.

    Raises:
        ValueError: `d` is a naive datetime.
    """
    return format_date(_kalenderdag(d), "d MMMM y", locale=LOCALE)


def datum_met_dag(d: date) -> str:
    """Letter date with the weekday, e.g. "dinsdag 3 juni 2025".

    Raises:
        ValueError: `d` is a naive datetime.
    """
    return format_date(_kalenderdag(d), "EEEE d MMMM y", locale=LOCALE)


def tijdstip(dt: datetime) -> str:
    """A moment in the Dutch style, in Amsterdam time: "20.00 uur" (pattern HH.mm, letters.md §6).

    Raises:
        ValueError: `dt` is naive; a moment without a zone is ambiguous around the DST change.
    """
    return f"{_amsterdam(dt):%H.%M} uur"


def bedrag(eur: Decimal | int | float) -> str:
    """An amount in euros, e.g. "€ 1.250,00", with an ordinary space after the euro sign.

    Babel's no-break space is replaced: letter text is compared, searched and diffed as plain text,
    and the space Babel emits has changed between CLDR versions. Only whole cents are accepted, because
    silently rounding a legal amount would put a different amount in the letter than in the decision.

    Raises:
        TypeError: `eur` is not a number (or is a bool).
        ValueError: `eur` is negative, not finite, or has fractions of a cent.
    """
    amount = _decimal(eur)
    text = format_currency(amount, "EUR", locale=LOCALE)
    for space in _BABEL_SPACES:
        text = text.replace(space, " ")
    return text


def getal_in_woorden(n: int) -> str:
    """A whole number from 1 to 100 in Dutch words: "één", "zes", "tweeëntwintig", "honderd".

    Raises:
        ValueError: `n` is outside 1..100; a letter should then be changed on purpose, not guessed.
    """
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= _MAX_WOORDEN:
        raise ValueError(f"no Dutch number word for {n!r}")
    if n == _MAX_WOORDEN:
        return "honderd"
    if n < 20:
        return _ONDER_TWINTIG[n]
    tens, units = divmod(n, 10)
    if units == 0:
        return _TIENTALLEN[tens]
    # In compounds "één" loses its accents; "twee" and "drie" take a trema: tweeëntwintig, drieëndertig.
    unit = "een" if units == 1 else _ONDER_TWINTIG[units]
    link = "ën" if unit.endswith("e") else "en"
    return f"{unit}{link}{_TIENTALLEN[tens]}"


def periode(n: int, unit: str) -> str:
    """A period in words: "zes weken", "tien dagen", "drie maanden", "één maand", "vijf jaar".

    Raises:
        ValueError: unknown unit, or `n` outside 1..100.
    """
    try:
        singular, plural = _ALIASES[unit]
    except KeyError:
        raise ValueError(f"unknown period unit {unit!r}") from None
    return f"{getal_in_woorden(n)} {singular if n == 1 else plural}"


def _amsterdam(dt: datetime) -> datetime:
    """`dt` in Europe/Amsterdam; a naive datetime is refused."""
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise ValueError("a moment must be timezone-aware")
    return dt.astimezone(AMSTERDAM)


def _kalenderdag(d: date) -> date:
    """The calendar day to print: a datetime counts on the Amsterdam calendar, not in its own zone."""
    if isinstance(d, datetime):
        return _amsterdam(d).date()
    return d


def _decimal(eur: Decimal | int | float) -> Decimal:
    """`eur` as a Decimal of whole cents, refusing what a letter must not print."""
    if isinstance(eur, bool) or not isinstance(eur, Decimal | int | float):
        raise TypeError(f"an amount must be a number, not {type(eur).__name__}")
    try:
        # repr gives the shortest decimal that round-trips, so 1250.5 is 1250.5, not 1250.4999...
        amount = Decimal(repr(eur)) if isinstance(eur, float) else Decimal(eur)
        whole_cents = amount == amount.quantize(_CENT)
    except InvalidOperation:
        raise ValueError(f"not a finite amount: {eur!r}") from None
    if not amount.is_finite() or amount < 0 or not whole_cents:
        raise ValueError(f"not an amount a letter can state: {eur!r}")
    return amount
