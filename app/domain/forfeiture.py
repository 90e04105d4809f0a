"""Forfeiture of a last onder dwangsom and what an invorderingsbeschikking collects (pure, Awb 5:31d-5:39).

A dwangsom per violation forfeits one amount for each established breach while the order runs, by operation
of law on the day of the breach, until the maximum is reached; after that nothing more (5:32b). Each forfeited
sum is payable six weeks after that day (5:33, Algemene termijnenwet) and time-barred a year after it (5:35,
never shifted); an invorderingsbeschikking comes before any payment demand (5:37) and interrupts the
limitation (5:37a). These functions decide nothing discretionary: whether a report proves a breach is a
person's judgement; they only count what the order and the breach dates say.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from app.domain.errors import InvalidInput

CENT = Decimal("0.01")


@dataclass(frozen=True)
class Order:
    """A running last onder dwangsom as the invordering needs it: its terms and what it forfeited before."""

    kenmerk: str
    beslissing_id: int
    datum: date  # the date of the order (its verzenddatum)
    ingangsdatum: date
    vervaldatum: date
    bedrag: Decimal  # per violation
    maximum: Decimal
    eerder_verbeurd: Decimal = Decimal(0)  # collected by earlier invorderingsbeschikkingen, not revoked

    def covers(self, day: date) -> bool:
        """The order runs on this day: from its start up to and including the day before it lapses."""
        return self.ingangsdatum <= day < self.vervaldatum


@dataclass(frozen=True)
class Forfeiture:
    """One forfeited sum: the day of the breach and the amount (the remainder when the maximum is near)."""

    datum: date
    bedrag: Decimal


@dataclass(frozen=True)
class Collection:
    """What one invorderingsbeschikking collects, and where the order stands afterwards."""

    order: Order
    verbeurten: tuple[Forfeiture, ...]

    @property
    def bedrag(self) -> Decimal:
        return sum((f.bedrag for f in self.verbeurten), Decimal(0))

    @property
    def totaal(self) -> Decimal:
        return self.order.eerder_verbeurd + self.bedrag

    @property
    def resterend(self) -> Decimal:
        return self.order.maximum - self.totaal

    @property
    def maximum_bereikt(self) -> bool:
        """The maximum is reached: a new, possibly higher order is a person's decision (never automatic)."""
        return self.resterend <= 0


def money(value: Any) -> Decimal:
    """An amount in euro as a Decimal to the cent. Raises InvalidInput for anything that is not an amount."""
    try:
        found = Decimal(str(value)).quantize(CENT)
    except ArithmeticError:
        raise InvalidInput({"bedrag": "Dit is geen bedrag."}) from None
    if not found.is_finite() or found < 0:
        raise InvalidInput({"bedrag": "Dit is geen bedrag."})
    return found


def check_terms(bedrag: Decimal, maximum: Decimal, proposal_bedrag: Decimal, proposal_maximum: Decimal) -> None:
    """The amounts a person chose for a new order: positive, below the maximum (5:32b lid 2), and never above
    what policy proposes (lower is a departure from policy that needs its own reasoning, Awb 4:84).

    Raises:
        InvalidInput: naming the field.
    """
    errors = {}
    if bedrag <= 0:
        errors["bedrag"] = "Vul een bedrag per overtreding in dat groter is dan nul."
    elif maximum <= bedrag:
        errors["maximum"] = "Het maximum moet hoger zijn dan het bedrag per overtreding (Awb 5:32b lid 2)."
    if bedrag > proposal_bedrag:
        errors["bedrag"] = f"Het beleid stelt {proposal_bedrag} voor; een hoger bedrag kan niet."
    if maximum > proposal_maximum:
        errors["maximum"] = f"Het beleid stelt een maximum van {proposal_maximum} voor; hoger kan niet."
    if errors:
        raise InvalidInput(errors)


def collect(order: Order, breaches: Iterable[date]) -> Collection:
    """Forfeit one amount per breach within the order's looptijd, in date order, up to the maximum. The power
    counts the breaches (`PowerSpec.breaches`): a day listed twice is two violations on that day.

    Raises:
        InvalidInput: no breach falls within the looptijd, or the maximum was already reached.
    """
    inside = sorted(d for d in breaches if order.covers(d))
    if not inside:
        raise InvalidInput({"soort": f"Geen van de constateringen valt binnen de looptijd van last {order.kenmerk} "
                            f"({order.ingangsdatum:%d-%m-%Y} tot {order.vervaldatum:%d-%m-%Y}); er is niets "
                            "verbeurd. Een nieuwe overtreding na afloop vraagt een nieuwe last."})
    left, found = order.maximum - order.eerder_verbeurd, []
    for day in inside:
        amount = min(order.bedrag, left)
        if amount <= 0:
            break
        found.append(Forfeiture(day, amount))
        left -= amount
    if not found:
        raise InvalidInput({"soort": f"Het maximum van last {order.kenmerk} is al verbeurd; daarboven wordt niets "
                            "meer verbeurd (Awb 5:32b). Een nieuwe last is een afweging van een persoon."})
    return Collection(order, tuple(found))


def running(orders: Iterable[Order], breaches: Iterable[date]) -> Order | None:
    """The order a breach falls under: the latest one whose looptijd covers the first breach in it."""
    days = sorted(set(breaches))
    covering = [o for o in orders if any(o.covers(d) for d in days)]
    return max(covering, key=lambda o: o.ingangsdatum, default=None)


def as_record(collection: Collection, ends: Mapping[date, Mapping[str, date]]) -> dict[str, Any]:
    """The drafted beslissing's `invordering` (plain JSON): the order, each forfeiture with the end of every
    period that runs from it (by period name: payment, limitation), and the running total against the maximum."""
    o, cents = collection.order, lambda amount: str(amount.quantize(CENT))
    return {
        "last": {"kenmerk": o.kenmerk, "beslissing_id": o.beslissing_id, "datum": o.datum.isoformat(),
                 "ingangsdatum": o.ingangsdatum.isoformat(), "vervaldatum": o.vervaldatum.isoformat(),
                 "bedrag": cents(o.bedrag), "maximum": cents(o.maximum)},
        "verbeurten": [{"datum": f.datum.isoformat(), "bedrag": cents(f.bedrag),
                        **{name: end.isoformat() for name, end in ends[f.datum].items()}}
                       for f in collection.verbeurten],
        "eerder_verbeurd": cents(o.eerder_verbeurd), "bedrag": cents(collection.bedrag),
        "totaal": cents(collection.totaal), "resterend": cents(max(collection.resterend, Decimal(0))),
        "maximum_bereikt": collection.maximum_bereikt,
    }
