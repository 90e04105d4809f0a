"""Bibob: from the case file to the one flat, complete fact the rules read (rules/bibob/index.yaml).

The facts are counted and dated, never judged: which permit and body, which route (application or withdrawal),
the form and the herstel period, which art. 3a facts are usable (an acquittal is not, art. 3a), whether an earlier
advice is still within its reuse period (art. 29) on the planned decision date, and the art. 31 cap of the
suspension. The degree of danger is a person's judgement (mate_van_gevaar); the rules never derive it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from app.domain.assessment import ParameterValue, table_parameter
from app.domain.errors import FactsRejected
from app.domain.history import years_before
from app.powers.bibob import dates
from app.powers.bibob.schema_application import BODIES, PERMIT_TYPES
from app.powers.bibob.schema_form import SEPOT, VRIJSPRAAK
from app.powers.bibob.schema_parties import OWN_CONDITION
from app.powers.bibob.schema_withdrawal import REFUSAL_CONTEXTS

IN_SCOPE = "bibob_vergunningen"
BODY_PER_PERMIT = "bevoegd_orgaan_per_vergunning"
REUSE_YEARS = "advies_hergebruik_jaren"
STANDARD_CONDITIONS = "standaard_voorschriften"
PERMIT_BASIS = "grondslag_per_vergunning"  # the permit's own article, printed in every voornemen and besluit
POLICY = "beleidsregel_bibob"  # the Maastricht Bibob policy, cited in every voornemen and besluit
APPLICATION, WITHDRAWAL = "aanvraag", "intrekking"


def facts_from_case(case: Mapping[str, Any], _history: Iterable[Mapping[str, Any]],
                    params: Mapping[str, ParameterValue], today: date) -> dict[str, Any]:
    """One flat, complete fact for the bibob vocabulary; `today` is the planned decision date.

    Raises:
        FactsRejected: an unknown permit type or body, an unreadable date, or parts that contradict each other.
        ParameterNotInForce: no list of permits or bodies on this date.
    """
    route = route_of(case)
    _check_route(case, route)
    withdrawn = case.get("application_withdrawn") or {}
    return {
        **permit_facts(case.get("application") or {}, params), "screening_route": route,
        "screening_trigger": case.get("screening_trigger") or "onbekend",
        "application_withdrawn": bool(withdrawn),
        "withdrawn_suspected_bibob": bool(withdrawn.get("suspected_because_of_bibob")),
        **_form_facts(case, today), **_research_facts(case), **_lbb_facts(case, params, today),
        **_reuse_facts(case, params, today), **_party_facts(case, params),
        "permit_breach_present": bool(case.get("permit_breach")),
    }


def route_of(case: Mapping[str, Any]) -> str:
    """An application, or the withdrawal of a permit already granted."""
    return WITHDRAWAL if case.get("existing_permit") else APPLICATION


def permit_facts(application: Mapping[str, Any], params: Mapping[str, ParameterValue]) -> dict[str, Any]:
    """The permit type, whether the policy covers it, and whether the body on file is the one that decides it."""
    kind, body = application.get("permit_type"), application.get("competent_body")
    if kind not in PERMIT_TYPES:
        raise FactsRejected({"application.permit_type": "Kies de soort vergunning."})
    if body not in BODIES:
        raise FactsRejected({"application.competent_body": "Kies het orgaan: burgemeester of college."})
    covered = table_parameter(params, IN_SCOPE, "De lijst van vergunningen onder de beleidsregel Bibob")
    expected = table_parameter(params, BODY_PER_PERMIT, "Het bevoegde orgaan per vergunning").get(kind)
    check = "onbekend" if expected not in BODIES else ("klopt" if expected == body else "wijkt_af")
    return {"permit_type": kind, "permit_in_scope": covered.get(kind) is True, "competent_body": body,
            "competent_body_check": check}


def _check_route(case: Mapping[str, Any], route: str) -> None:
    """What the intake refuses, also when the facts form changed one part: the facts would contradict."""
    refused = (case.get("refused_to_supply_data") or {}).get("context")
    if refused is not None and refused not in REFUSAL_CONTEXTS:
        raise FactsRejected({"refused_to_supply_data.context": "Kies waarbij de gegevens werden geweigerd."})
    if route == APPLICATION and refused == REFUSAL_CONTEXTS[0]:
        raise FactsRejected({"refused_to_supply_data": "Artikel 7a lid 3 gaat over een onderzoek naar intrekking; "
                             "hier gaat het om een aanvraag."})
    if route == APPLICATION and case.get("permit_breach"):
        raise FactsRejected({"permit_breach": "Een overtreding van voorschriften kan alleen bij een verleende "
                             "vergunning."})
    if route == WITHDRAWAL and case.get("application_withdrawn"):
        raise FactsRejected({"application_withdrawn": "De vergunning is al verleend; er is geen aanvraag om in te "
                             "trekken."})


def _form_facts(case: Mapping[str, Any], today: date) -> dict[str, Any]:
    form = case.get("bibob_form") or {}
    asked = dates.day(form.get("herstel_requested_on"), "bibob_form.herstel_requested_on")
    until = dates.day(case.get("hersteltermijn_until"), "hersteltermijn_until")
    complete = bool(form.get("complete"))
    return {"bibob_form_received": bool(form.get("received")) or complete, "bibob_form_complete": complete,
            "herstel_requested": asked is not None,
            "hersteltermijn_expired": not complete and until is not None and today > until,
            "refused_to_supply_data": (case.get("refused_to_supply_data") or {}).get("context") or "geen"}


def _research_facts(case: Mapping[str, Any]) -> dict[str, Any]:
    """Art. 3a: every fact except an acquittal may be used; one about another person runs through art. 3 lid 4."""
    found = [f for f in case.get("facts_3a") or () if isinstance(f, Mapping)]
    usable = [f for f in found if f.get("kind") != VRIJSPRAAK]
    own = _norm((case.get("betrokkene") or {}).get("name"))
    return {"facts_3a_usable_present": bool(usable),
            "vrijspraak_present": any(f.get("kind") == VRIJSPRAAK for f in found),
            "sepot_present": any(f.get("kind") == SEPOT for f in found),
            "facts_via_related_person": any(_norm(f.get("person")) not in ("", own) for f in usable),
            "own_research_present": any(isinstance(r, Mapping) for r in case.get("own_research") or ())}


def _lbb_facts(case: Mapping[str, Any], params: Mapping[str, ParameterValue], today: date) -> dict[str, Any]:
    lbb = dates.lbb_of(case)
    requested = dates.day(lbb.get("requested_on"), "lbb.requested_on") is not None
    answered = dates.day(lbb.get("received_on"), "lbb.received_on") is not None
    declined = bool(lbb.get("declined"))
    received = answered and not declined
    return {"lbb_requested": requested, "lbb_declined": declined, "lbb_received": received,
            "lbb_notice_sent": dates.day(lbb.get("betrokkene_informed_on"), "lbb.betrokkene_informed_on") is not None,
            "lbb_conclusion": (lbb.get("conclusion") or "onbekend") if received else "onbekend",
            "lbb_extension_weeks": dates.extension_weeks(lbb),
            "lbb_suspension_capped": requested and dates.suspension_days(lbb, today)
            > dates.suspension_cap_days(lbb, params, today)}


def _reuse_facts(case: Mapping[str, Any], params: Mapping[str, ParameterValue], today: date) -> dict[str, Any]:
    """Art. 29: an advice dated on or after the same day `advies_hergebruik_jaren` before the decision date."""
    reused = case.get("reused_advice") or {}
    advised = dates.day(reused.get("date"), "reused_advice.date")
    start = years_before(today, int(params[REUSE_YEARS].value))
    return {"reused_advice_present": advised is not None,
            "reused_advice_within_term": advised is not None and advised >= start,
            "reused_advice_still_current": bool(reused.get("still_current"))}


def _party_facts(case: Mapping[str, Any], params: Mapping[str, ParameterValue]) -> dict[str, Any]:
    parties = [p for p in case.get("third_parties") or () if isinstance(p, Mapping)]
    codes = [str(c.get("code") or "") for c in case.get("conditions") or () if isinstance(c, Mapping)]
    known = set(standard_conditions(params))
    return {"third_parties_present": bool(parties),
            "third_party_part_missing": any(not str(p.get("part_of_advice") or "").strip() for p in parties),
            "conditions_present": bool(codes),
            "conditions_code_unknown": any(c != OWN_CONDITION and c not in known for c in codes)}


def standard_conditions(params: Mapping[str, ParameterValue]) -> Mapping[str, str]:
    """The standard conditions by code, as the policy (parameter) words them."""
    return table_parameter(params, STANDARD_CONDITIONS, "De lijst van standaardvoorschriften")


def _norm(name: Any) -> str:
    return " ".join(str(name or "").split()).casefold()
