"""Bibob: what the case page lists under "Nog te doen" (pure): the art. 32 notice once advice is asked (overdue
after `mededeling_art_32_dagen`), the art. 7a lid 8 report of a withdrawn application, closing a withdrawn
application, the Awb 4:5 lid 4 decision after the herstel period, and a verdaging (Awb 4:14) to consider when own
investigation runs out the decision period (pitfall 5)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from typing import Any

from app.domain.assessment import ParameterValue
from app.domain.beslistermijn import beslistermijn
from app.domain.deadlines import AMSTERDAM
from app.powers.bibob import dates
from app.powers.bibob.term import decision_period
from app.powers.spec import Task

NOTICE_DAYS = "mededeling_art_32_dagen"
NOT_PROCESSED_WEEKS = "buiten_behandeling_bekendmaking_weken"
SIGNAL_DAYS = "verdaging_signaal_dagen"


def tasks(case: Mapping[str, Any], params: Mapping[str, ParameterValue], now: datetime) -> list[Task]:
    """The open follow-up steps of this case file on `now`."""
    today = now.astimezone(AMSTERDAM).date()
    found = [*_withdrawn(case), _notice(case, params, now), _not_processed(case, params, now),
             _verdaging(case, params, today)]
    return [task for task in found if task is not None]


def _due(day: date, now: datetime) -> tuple[datetime, bool]:
    """The end of `day` on the Amsterdam clock, and whether `now` is past it."""
    end = datetime.combine(day, time(23, 59), tzinfo=AMSTERDAM)
    return end, now > end


def _notice(case: Mapping[str, Any], params: Mapping[str, ParameterValue], now: datetime) -> Task | None:
    """Art. 32: the betrokkene is told that advice was asked (pitfall 14)."""
    lbb = dates.lbb_of(case)
    asked = dates.day(lbb.get("requested_on"), "lbb.requested_on")
    if asked is None or dates.day(lbb.get("betrokkene_informed_on"), "lbb.betrokkene_informed_on") is not None:
        return None
    due, overdue = _due(asked + timedelta(days=int(params[NOTICE_DAYS].value)), now)
    return Task(code="mededeling_art_32", text=f"Licht de betrokkene in dat op {asked:%d-%m-%Y} advies is gevraagd "
                "aan het Landelijk Bureau Bibob (art. 32 Wet Bibob) en leg de datum vast.", due=due, overdue=overdue)


def _withdrawn(case: Mapping[str, Any]) -> list[Task]:
    """A withdrawn application: close the zaak, and report it to the LBB if it seems to be because of Bibob."""
    withdrawn = case.get("application_withdrawn") or {}
    if not withdrawn:
        return []
    found = [Task(code="zaak_afsluiten", text="De aanvraag is ingetrokken: sluit de zaak af met de reden "
                  "'Aanvraag ingetrokken door de aanvrager'.")]
    if withdrawn.get("suspected_because_of_bibob") and not withdrawn.get("reported_to_lbb_on"):
        found.insert(0, Task(code="melding_lbb_7a_lid_8", text="Meld het Landelijk Bureau Bibob dat de aanvraag "
                             "vermoedelijk is ingetrokken vanwege de Bibob-toets (art. 7a lid 8 Wet Bibob) en leg de "
                             "datum van de melding vast."))
    return found


def _not_processed(case: Mapping[str, Any], params: Mapping[str, ParameterValue], now: datetime) -> Task | None:
    """Awb 4:5 lid 4: the decision not to process is made known within four weeks after the period ended."""
    form = case.get("bibob_form") or {}
    until = dates.day(case.get("hersteltermijn_until"), "hersteltermijn_until")
    if until is None or form.get("complete") or case.get("application_withdrawn") or case.get("existing_permit"):
        return None
    if now.astimezone(AMSTERDAM).date() <= until:
        return None
    due, overdue = _due(until + timedelta(weeks=int(params[NOT_PROCESSED_WEEKS].value)), now)
    return Task(code="buiten_behandeling_besluiten", text="De hersteltermijn is voorbij en het Bibob-formulier is "
                "niet compleet: besluit of de aanvraag buiten behandeling blijft (art. 4:5 Awb).", due=due,
                overdue=overdue)


def _verdaging(case: Mapping[str, Any], params: Mapping[str, ParameterValue], today: date) -> Task | None:
    """Own investigation does not suspend the decision period: near its end, consider a verdaging (Awb 4:14)."""
    term = decision_period(case, params, today)
    if term is None or not case.get("own_research") or dates.lbb_of(case).get("requested_on"):
        return None
    if case.get("extension_4_14"):
        return None
    end = beslistermijn(term, today, None).einde  # without the Atw calendar: a warning, not the deadline itself
    if (end - today).days > int(params[SIGNAL_DAYS].value):
        return None
    return Task(code="verdaging_overwegen", text=f"De beslistermijn eindigt rond {end:%d-%m-%Y} en eigen onderzoek "
                "schort die niet op: verdaag tijdig (art. 4:14 lid 3 Awb) of vraag advies aan het LBB (art. 31).",
                due=datetime.combine(end, time(23, 59), tzinfo=AMSTERDAM), overdue=today > end)
