"""Pure drafting: from an assessment, the recorded judgements and the jurist's choice to a draft outcome.

It decides nothing discretionary. It checks that the choice is allowed (competence, judgements, the
procedure order voornemen -> zienswijze -> besluit, the policy maximum), flags a deviation from policy
(Awb 4:84), and computes the deadlines that the letters print.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from dateutil.relativedelta import relativedelta

from app.domain.assessment import BEVOEGD, JUDGEMENT_REQUIRED, Assessment, ParameterValue
from app.domain.deadlines import Calendar, einde_termijn
from app.domain.errors import InvalidInput, JudgementMissing
from app.domain.judgements import Recorded, check_recorded, competence, required_for

BESLUIT = {"waarschuwing": False, "voornemen_sluiting": False, "sluiting": True}
ZIENSWIJZE_DONE = ("ontvangen", "niet_ontvangen")
AWB_4_11 = ("spoed_4_11_a", "eerder_gehoord_4_11_b", "verrassing_4_11_c")
SERIOUS_CASE = "ernstig_geval_eerste_overtreding"


@dataclass(frozen=True)
class DraftRequest:
    """What the jurist chose."""

    soort: str
    verzenddatum: date
    sluiting_maanden: int | None = None
    ingangsdatum: date | None = None


@dataclass(frozen=True)
class DraftState:
    """Everything the pure function needs to know about the case."""

    assessment: Assessment
    proposal: Mapping[str, Any]
    judgement_specs: tuple[Mapping[str, Any], ...]
    recorded: Mapping[str, Recorded]
    params: Mapping[str, ParameterValue]
    bezwaartermijn_weken: int
    calendar: Calendar
    today: date
    voornemen_vastgesteld: bool = False
    zienswijze: Recorded | None = None  # only one that answers the current voornemen, or a 4:11 exception
    zienswijze_tot: date | None = None  # the current voornemen's term: everyone may respond until then
    has_rechthebbende: bool = False
    sluiting_in_force: bool = False


@dataclass(frozen=True)
class DraftOutcome:
    """The drafted outcome: what, whether it deviates from policy, and the dates the letters print."""

    soort: str
    besluit: bool
    maatregel: dict[str, Any]
    afwijking_beleid: bool
    required_judgements: tuple[str, ...]
    dates: dict[str, date | None] = field(default_factory=dict)


def draft_outcome(state: DraftState, request: DraftRequest) -> DraftOutcome:
    """Check the request against the case and return the outcome. Raises JudgementMissing, InvalidInput."""
    _check_competence(state)
    _check_basics(state, request)
    deviation = _deviates(state, request)
    a = state.assessment
    required = required_for(request.soort, state.judgement_specs, a.judgements_required, a.triggerable_judgements)
    if deviation and "bijzondere_omstandigheden" not in required:
        required.append("bijzondere_omstandigheden")
    if request.soort == "sluiting":
        required += _procedure_judgements(state)
    check_recorded(required, state.recorded, request.soort)
    if deviation and state.recorded["bijzondere_omstandigheden"].outcome != "ja":
        raise InvalidInput({"bijzondere_omstandigheden": "Afwijken van het beleid kan alleen als u bijzondere "
                            "omstandigheden vastlegt (Awb 4:84)."})
    maatregel = {"maanden": request.sluiting_maanden, "voorstel": dict(state.proposal)}
    return DraftOutcome(request.soort, BESLUIT[request.soort], maatregel, deviation, tuple(required),
                        _dates(state, request))


def indicative_deadlines(params: Mapping[str, ParameterValue], bezwaartermijn_weken: int, calendar: Calendar,
                         verzenddatum: date) -> dict[str, date]:
    """The terms that would run if letters were sent on `verzenddatum` (what-if answers and the case page)."""
    def end(**period: int) -> date:
        return einde_termijn(verzenddatum, calendar=calendar, **period).end_date

    return {"zienswijze_tot": end(days=params["zienswijze_termijn_dagen"].value),
            "begunstigingstermijn_tot": end(days=params["begunstigingstermijn_dagen"].value),
            "uiterlijke_reactiedatum": end(weeks=bezwaartermijn_weken)}


def _check_competence(state: DraftState) -> None:
    """The rules found a ground, or a person's judgement established one (e.g. personal use not plausible)."""
    a = state.assessment
    result = competence(a.bevoegdheid, state.judgement_specs, a.judgements_required, state.recorded)
    if result == JUDGEMENT_REQUIRED:
        open_codes = [str(s["code"]) for s in state.judgement_specs if s.get("bevoegd_bij")
                      and s["code"] in a.judgements_required and s["code"] not in state.recorded]
        raise JudgementMissing(open_codes, "Leg eerst de afweging over de bevoegdheid vast.")
    if result != BEVOEGD:
        raise InvalidInput({"bevoegdheid": "De burgemeester is volgens de regels en de vastgelegde afwegingen "
                            "niet bevoegd; er kan geen beslissing worden opgesteld."})


def _check_basics(state: DraftState, request: DraftRequest) -> None:
    errors: dict[str, str] = {}
    term = state.zienswijze_tot
    if request.soort == "sluiting" and state.voornemen_vastgesteld and term and request.verzenddatum <= term:
        errors["verzenddatum"] = (f"De zienswijzetermijn loopt tot en met {term.strftime('%d-%m-%Y')}; iedere "
                                  "belanghebbende mag tot dan reageren. Kies een latere verzenddatum.")
    if request.verzenddatum < state.today:
        errors["verzenddatum"] = "De verzenddatum ligt in het verleden."
    if request.soort != "waarschuwing":
        errors.update(_closure_errors(state, request))
    if errors:
        raise InvalidInput(errors)


def _closure_errors(state: DraftState, request: DraftRequest) -> dict[str, str]:
    errors = {}
    maximum = state.params["max_sluiting_maanden"].value
    if not request.sluiting_maanden or request.sluiting_maanden < 1:
        errors["sluiting_maanden"] = "Vul de duur van de sluiting in maanden in."
    elif request.sluiting_maanden > maximum:
        errors["sluiting_maanden"] = f"De duur is langer dan het beleidsmaximum van {maximum} maanden."
    if state.sluiting_in_force:
        errors["soort"] = ("Er is al een sluiting van kracht; een tweede herstelsanctie voor dezelfde overtreding "
                           "kan niet (Awb 5:6).")
    if not state.has_rechthebbende:
        errors["rechthebbende"] = ("Leg eerst de eigenaar of verhuurder vast: de last moet ook aan de "
                                   "rechthebbende worden bekendgemaakt (Awb 5:24 lid 3).")
    return errors


def _procedure_judgements(state: DraftState) -> list[str]:
    """A besluit follows a voornemen and a processed zienswijze, or a reasoned Awb 4:11 exception."""
    zienswijze = state.zienswijze
    if state.voornemen_vastgesteld:
        if zienswijze is None or zienswijze.outcome not in ZIENSWIJZE_DONE:
            raise InvalidInput({"zienswijze": "Leg eerst de zienswijze op het voornemen vast, of dat er binnen de "
                                "termijn geen zienswijze is ontvangen."})
        return []

    if zienswijze is None or zienswijze.outcome not in AWB_4_11:
        raise InvalidInput({"soort": "Stel eerst een voornemen op, of leg bij Zienswijze een uitzondering "
                            "(Awb 4:11) met motivering vast."})
    if zienswijze.outcome != "spoed_4_11_a":
        return []
    spoed = state.recorded.get("spoed")
    if spoed is not None and spoed.outcome != "spoed":
        raise InvalidInput({"spoed": "Volgens de afweging is er geen spoed: stel eerst een voornemen op."})
    return ["spoed"]


def _deviates(state: DraftState, request: DraftRequest) -> bool:
    """A choice other than the policy proposal is a 4:84 deviation. Not a deviation: a case the policy has
    no cell for, and at a first offence in a woning the warning, or a closure judged a serious case (J2)."""
    proposal, chosen = state.proposal, ("waarschuwing" if request.soort == "waarschuwing" else "sluiting")
    maatregel = proposal.get("maatregel")
    if maatregel not in ("waarschuwing", "sluiting"):
        return False
    other_months = (chosen == "sluiting" and maatregel == "sluiting"
                    and request.sluiting_maanden != proposal.get("maanden"))
    if SERIOUS_CASE in state.assessment.judgements_required:
        return other_months
    return chosen != maatregel or other_months


def _dates(state: DraftState, request: DraftRequest) -> dict[str, date | None]:
    dates: dict[str, date | None] = dict.fromkeys(
        ("zienswijze_tot", "begunstigingstermijn_tot", "ingangsdatum", "vervaldatum", "uiterlijke_reactiedatum"))
    if request.soort == "voornemen_sluiting":
        days = state.params["zienswijze_termijn_dagen"].value
        dates["zienswijze_tot"] = einde_termijn(request.verzenddatum, days=days, calendar=state.calendar).end_date
    if request.soort == "sluiting":
        dates.update(_closure_dates(state, request))
    return dates


def _closure_dates(state: DraftState, request: DraftRequest) -> dict[str, date]:
    days = state.params["begunstigingstermijn_dagen"].value
    begunstiging = einde_termijn(request.verzenddatum, days=days, calendar=state.calendar).end_date
    start = request.ingangsdatum or begunstiging + timedelta(days=1)
    if start <= begunstiging:
        raise InvalidInput({"ingangsdatum": "De sluiting kan pas ingaan na afloop van de begunstigingstermijn, "
                            "zodat er tijd is om een voorlopige voorziening te vragen."})
    bezwaar = einde_termijn(request.verzenddatum, weeks=state.bezwaartermijn_weken, calendar=state.calendar)
    return {"begunstigingstermijn_tot": begunstiging, "ingangsdatum": start,
            "vervaldatum": start + relativedelta(months=request.sluiting_maanden or 0),
            "uiterlijke_reactiedatum": bezwaar.end_date}
