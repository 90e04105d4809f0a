"""Bibob: the decision period of the application in the case file (PowerSpec.decision_period, pure).

The statutory term of the permit (or Awb 4:13 lid 2), suspended while the applicant completes the application
(Awb 4:15 lid 1 onder a, from the request to the day it was completed or the herstel period ended) and while the
Landelijk Bureau Bibob advises (art. 31: from the request to the advice, at most the art. 15 period plus data
requests plus the one-off extension), and a verdaging notified in time (Awb 4:14 lid 3). Own investigation
suspends nothing (pitfall 5). A granted permit under investigation, or a withdrawn application, has none.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from app.domain.assessment import ParameterValue
from app.domain.beslistermijn import Opschorting, TermijnAanvraag
from app.powers.bibob import dates

LEGAL_BASIS = "grondslag_per_vergunning"
HERSTEL = "aanvulling van de aanvraag (art. 4:15 lid 1 onder a Awb)"
ADVICE = "advies van het Landelijk Bureau Bibob (art. 31 Wet Bibob)"


def decision_period(case: Mapping[str, Any], params: Mapping[str, ParameterValue],
                    today: date) -> TermijnAanvraag | None:
    """The application's decision period as the case file stands; None without an application to decide."""
    application = case.get("application") or {}
    received = dates.day(application.get("received_on"), "application.received_on")
    if received is None or case.get("existing_permit") or case.get("application_withdrawn"):
        return None
    extension = case.get("extension_4_14") or {}
    suspensions = tuple(s for s in (_herstel(case, today), _advice(case, params, today)) if s is not None)
    return TermijnAanvraag(
        ontvangen_op=received, termijn_weken=application.get("statutory_term_weeks"), opschortingen=suspensions,
        verdaging_weken=int(extension.get("weeks") or 0),
        verdaging_gemeld_op=dates.day(extension.get("notified_on"), "extension_4_14.notified_on"),
        grondslag=_legal_basis(application, params))


def _herstel(case: Mapping[str, Any], today: date) -> Opschorting | None:
    """Awb 4:15 lid 1 onder a: from the request to complete until it is completed or the period ends unused."""
    form = case.get("bibob_form") or {}
    asked = dates.day(form.get("herstel_requested_on"), "bibob_form.herstel_requested_on")
    if asked is None:
        return None
    done = dates.day(form.get("completed_on"), "bibob_form.completed_on")
    until = dates.day(case.get("hersteltermijn_until"), "hersteltermijn_until")
    end = done or (until if until is not None and until < today else None)
    return Opschorting(van=asked, tot=end, grond=HERSTEL)


def _advice(case: Mapping[str, Any], params: Mapping[str, ParameterValue], today: date) -> Opschorting | None:
    """Art. 31: from the request to the advice (or the LBB's decline), capped by art. 15."""
    lbb = dates.lbb_of(case)
    asked = dates.day(lbb.get("requested_on"), "lbb.requested_on")
    if asked is None:
        return None
    answered = dates.day(lbb.get("received_on"), "lbb.received_on")
    return Opschorting(van=asked, tot=answered, grond=ADVICE, cap_dagen=dates.suspension_cap_days(lbb, params, today))


def _legal_basis(application: Mapping[str, Any], params: Mapping[str, ParameterValue]) -> str | None:
    table = params.get(LEGAL_BASIS)
    if table is None or not isinstance(table.value, Mapping):
        return None
    return table.value.get(str(application.get("permit_type"))) or None
