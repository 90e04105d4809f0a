"""The running dwangsom orders a breach zaak may collect on, and what each order forfeited so far (reads only).

An order is an approved last onder dwangsom (an outcome with `penalty`) of another zaak of the same power,
made known (a dispatch record), not revoked, against the same person (history matching) and about the same
conduct (the order's `object` equals this zaak's measure fields, e.g. the role seller or buyer). What it
forfeited before is the sum of the approved, unrevoked invorderingsbeschikkingen that name it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from app.domain.forfeiture import Order, money
from app.domain.history import as_date
from app.domain.procedure import Procedure
from app.models import Beslissing, Zaak
from app.runtime import Runtime

APPROVED = ("vastgesteld", "verzonden")


def forfeited(session: Session, procedure: Procedure, zaaktype: str, orders: Iterable[int],
              within: Select[Any] | None = None) -> dict[int, Decimal]:
    """Per order (beslissing id): the total its approved, unrevoked invorderingsbeschikkingen collected. An
    invorderingsbeschikking is taken in a zaak of the same person, so `within` (the ids of his zaken) narrows
    the search to them instead of every zaak of the power."""
    wanted, codes = set(orders), [c for c, o in procedure.outcomes.items() if o.collects]
    if not wanted or not codes:
        return {}
    query = select(Beslissing).join(Zaak).where(
        Zaak.zaaktype == zaaktype, Beslissing.soort.in_(codes), Beslissing.status.in_(APPROVED),
        Beslissing.intrekking_soort.is_(None))
    rows = session.scalars(query.where(Zaak.id.in_(within)) if within is not None else query)
    totals: dict[int, Decimal] = dict.fromkeys(wanted, Decimal(0))
    for row in rows:
        record = (row.maatregel or {}).get("invordering") or {}
        order = (record.get("last") or {}).get("beslissing_id")
        if order in totals:
            totals[order] += money(record.get("bedrag", 0))
    return totals


def order_terms(beslissing: Beslissing) -> dict[str, Any]:
    """What a history item says about an order: its looptijd, conduct and dwangsom (empty for other measures)."""
    maatregel = beslissing.maatregel or {}
    if not maatregel.get("dwangsom"):
        return {}
    return {"ingangsdatum": beslissing.ingangsdatum, "vervaldatum": beslissing.vervaldatum,
            "object": maatregel.get("object") or {}, "dwangsom": maatregel["dwangsom"]}


def order_kinds(procedure: Procedure, soort: str) -> set[str]:
    """The order outcomes drafting `soort` must know about: the order an invorderingsbeschikking collects, and
    for a new order with `one_in_force` the orders of its own kind already running (Awb 5:6)."""
    outcome = procedure.outcomes.get(soort)
    if outcome is None:
        return set()
    own = {soort} if outcome.penalty and outcome.one_in_force else set()
    return own | ({outcome.collects} if outcome.collects else set())


def running_orders(rt: Runtime, zaak: Zaak, history: Iterable[Mapping[str, Any]],
                   targets: set[str]) -> tuple[Order, ...]:
    """The orders of these kinds against this zaak's person for the same conduct: made known, unrevoked."""
    spec = rt.power(zaak.zaaktype)
    conduct = {f: zaak.melding.gegevens.get(f) for f in spec.measure_fields}
    return tuple(_order(item) for item in history
                 if item.get("kind") in targets and item.get("dwangsom") and item.get("sent") is not False
                 and not item.get("revoked") and item.get("same_person") is True
                 and (item.get("object") or {}) == conduct and item.get("ingangsdatum") and item.get("vervaldatum"))


def _order(item: Mapping[str, Any]) -> Order:
    terms = item["dwangsom"]
    return Order(kenmerk=item["kenmerk"], beslissing_id=item["id"],
                 datum=as_date(item.get("letter_date") or item["date"]),
                 ingangsdatum=as_date(item["ingangsdatum"]), vervaldatum=as_date(item["vervaldatum"]),
                 bedrag=money(terms["bedrag"]), maximum=money(terms["maximum"]),
                 eerder_verbeurd=money(item.get("verbeurd") or 0))


def breach_days(rt: Runtime, zaak: Zaak, params: Mapping[str, Any]) -> tuple[date, ...]:
    """The days the power reads from this zaak's report as violations that may breach a running order."""
    spec = rt.power(zaak.zaaktype)
    return tuple(spec.breaches(zaak.melding.gegevens, params)) if spec.breaches else ()
