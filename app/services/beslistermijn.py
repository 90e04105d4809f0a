"""The decision period of an application (PowerSpec.decision_period, domain/beslistermijn.py) where the jurist
meets it: the case page's summary, the deadlines overview and daily notice, and the terms stored on a draft.

Nothing is stored for it on the zaak: it is counted again from the case file each time, so a suspension the
jurist records on the facts form moves the end at once.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.domain.beslistermijn import Beslistermijn, beslistermijn, stand
from app.domain.errors import ParameterNotInForce
from app.domain.serialize import jsonable
from app.models import Beslissing, Zaak
from app.runtime import Runtime
from app.services.queries import APPROVED

log = logging.getLogger(__name__)

# The case page warns this many days before the last day. Longer than the daily notice's few days
# (Config.termijn_signaal_dagen): a besluit on an application still needs a voornemen or the kabinet's
# approval, and a verdaging (Awb 4:14) only counts when it is notified before the term ends.
WAARSCHUW_DAGEN = 14


@dataclass(frozen=True)
class BeslistermijnView:
    """The summary item: the term and its state, or why none runs (closed, decided, rules data missing)."""

    termijn: Beslistermijn | None = None
    stand: str | None = None  # loopt | bijna | verstreken
    dagen_over: int | None = None
    afgesloten: bool = False
    beslist_op: date | None = None
    fout: str | None = None


def termijn_of(rt: Runtime, zaak: Zaak, today: date) -> Beslistermijn | None:
    """The zaak's decision period on `today`, or None when its power has none or its case file names no
    application. Raises ParameterNotInForce when the Atw calendar does not cover the year of the end."""
    spec = rt.power(zaak.zaaktype)
    if spec.decision_period is None:
        return None
    params = rt.book.parameters_for(zaak.zaaktype, zaak.melding.pleegdatum)
    aanvraag = spec.decision_period(zaak.melding.gegevens, params, today)
    return None if aanvraag is None else beslistermijn(aanvraag, today, rt.calendar(today))


def view(rt: Runtime, zaak: Zaak, beslissingen: Iterable[Beslissing], today: date) -> BeslistermijnView | None:
    """What the case page shows, or None when the power decides on no application."""
    if rt.power(zaak.zaaktype).decision_period is None:
        return None
    if zaak.fase == "afgesloten":
        return BeslistermijnView(afgesloten=True)
    try:
        termijn = termijn_of(rt, zaak, today)
    except ParameterNotInForce as problem:
        return BeslistermijnView(fout=problem.message)
    if termijn is None:
        return None
    decided = decided_on(rt, zaak, beslissingen)
    if decided is not None:
        return BeslistermijnView(termijn=termijn, beslist_op=decided)
    return BeslistermijnView(termijn=termijn, stand=stand(termijn, today, WAARSCHUW_DAGEN),
                             dagen_over=(termijn.einde - today).days)


def decided_on(rt: Runtime, zaak: Zaak, beslissingen: Iterable[Beslissing]) -> date | None:
    """The day a besluit on the application was taken (approved, not a voornemen, not revoked): from then on
    no decision period runs."""
    procedure = rt.procedure(zaak.zaaktype)
    for b in beslissingen:
        outcome = procedure.outcomes.get(b.soort)
        if (b.status in APPROVED and b.besluit and b.intrekking_soort is None and outcome is not None
                and not outcome.announces and not outcome.reconsiders):
            return b.datum or b.verzenddatum
    return None


def running(rt: Runtime, zaak: Zaak, beslissingen: Iterable[Beslissing], today: date) -> Beslistermijn | None:
    """The term for the deadlines overview and notices: none once decided; a year the rules do not cover is
    logged and left out rather than breaking the overview of every other zaak."""
    if rt.power(zaak.zaaktype).decision_period is None or decided_on(rt, zaak, beslissingen) is not None:
        return None
    try:
        return termijn_of(rt, zaak, today)
    except ParameterNotInForce:
        log.warning("beslistermijn of %s not counted: the Atw calendar does not cover it", zaak.identificatie)
        return None


def draft_terms(rt: Runtime, zaak: Zaak, on: date) -> dict[str, Any]:
    """The terms a draft stores for its letters (termijnen), counted on the sending date the letter bears:
    the last day to decide and the last day had nothing suspended the term."""
    termijn = termijn_of(rt, zaak, on)
    if termijn is None:
        return {}
    return jsonable({"beslistermijn_einde": termijn.einde,
                     "beslistermijn_zonder_opschorting": termijn.einde_zonder_opschorting})
