"""The case page as a workspace: its summary (built here from the page's data, decided in domain/workspace),
all judgements of one step in one form, and a GET on every form URL that leads back to the page's section.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from flask import Blueprint, current_app, redirect, request, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from app.db import get_session
from app.domain import errors as e
from app.domain import workspace as w
from app.domain.deadlines import AMSTERDAM
from app.domain.judgements import required_for
from app.domain.penalty import breach_terms
from app.domain.procedure import body_words
from app.domain.workflow import steps
from app.domain.workspace_steps import step_states
from app.models import Zaak
from app.services import beslistermijn, bezwaar, judging
from app.services.case_state import concept_is_stale, first_sent
from app.web.access import get_visible_zaak
from app.web.auth import role_required
from app.web.errors import form_errors, status_for

bp = Blueprint("workspace", __name__)
STEP_FORM = "stap-"  # the form (and the section's anchor) of the judgements of one step: "stap-<stap>"
SAVED = "opgeslagen"  # query parameter naming the form whose answers were just saved
MAX_REASONING = 10_000
# Each form URL of the case page and the section a GET of it returns to (after a form error the page is
# shown at the POST URL; a reload or the address bar must not end in "405 Method Not Allowed").
SECTIONS = {
    "/zaken/<int:zaak_id>/feiten": "feiten",
    "/zaken/<int:zaak_id>/rechthebbende": "feiten-kop",
    "/zaken/<int:zaak_id>/oordelen": "oordeel",
    "/zaken/<int:zaak_id>/afwegingen": "oordeel",
    "/zaken/<int:zaak_id>/zienswijze": "zienswijze",
    "/zaken/<int:zaak_id>/beslissingen": "concept",
    "/zaken/<int:zaak_id>/beslissingen/<int:beslissing_id>/aanbieden": "beslissingen",
    "/zaken/<int:zaak_id>/eerdere-maatregelen": "herhaling",
    "/zaken/<int:zaak_id>/beslissingen/<int:beslissing_id>/herroeping": "herhaling",
    "/zaken/<int:zaak_id>/eerdere-maatregelen/<int:maatregel_id>/herroeping": "herhaling",
    "/zaken/<int:zaak_id>/beslissingen/<int:beslissing_id>/verzending": "verzending",
    "/zaken/<int:zaak_id>/beslissingen/<int:beslissing_id>/retour": "verzending",
}


@dataclass(frozen=True)
class Summary:
    """What the summary header, the outcome banner and the frozen forms show."""

    status: str
    next_step: str
    deadlines: list[w.Deadline]
    outcome_lines: list[str]
    frozen: str | None  # why facts and judgements are read-only now
    drafting_closed: bool
    steps: list[tuple[str, str]]  # each process step of this power and its state in words
    next_anchor: str | None = None  # the section the next step is done in, linked from the summary
    locked: str | None = None  # why betrokkenen and earlier measures cannot be changed now
    hearing_closed: bool = False  # the besluit after the voornemen is decided: no zienswijze form
    first_send_day: date | None = None  # while a zienswijzetermijn runs: the drafting form's default date
    stale_concept: bool = False


def summary(rt: Any, zaak: Zaak, view: Any, today: date) -> Summary:
    """The summary of the case page, from the page's own data (no further queries)."""
    state = case_state(rt, zaak, view, today)
    return Summary(status=w.status_text(state), next_step=w.next_step(state), deadlines=w.deadlines(state),
                   outcome_lines=w.outcome_lines(state), frozen=w.frozen_reason(state),
                   drafting_closed=w.drafting_closed(state), steps=step_states(steps(rt.procedure(zaak.zaaktype)),
                                                                                   state),
                   next_anchor=w.next_step_anchor(state), locked=w.edit_lock(state),
                   hearing_closed=w.hearing_closed(state), first_send_day=w.first_send_day(state),
                   stale_concept=state.stale_concept)


def case_state(rt: Any, zaak: Zaak, view: Any, today: date) -> w.CaseState:
    procedure = rt.procedure(zaak.zaaktype)
    a = view.assessment
    required = set(a.judgements_required) if a else set()
    required |= _for_proposed(procedure, view, a)
    open_codes = [s for s in view.judgement_specs
                  if s.code not in view.judgements and (s.code in required or s.code in view.lapsed)]
    return w.CaseState(
        assessed=a is not None, competence=view.competence, open_judgements=tuple(s.vraag for s in open_codes),
        open_steps=frozenset(s.stap for s in open_codes),
        open_step_names=tuple((stap, _step_name(stap)) for stap in dict.fromkeys(s.stap for s in open_codes)),
        stale_concept=concept_is_stale(get_session(), zaak),
        recorded=frozenset(view.judgements), decisions=tuple(_decision(procedure, b, first_sent(get_session(), b))
                                                             for b, _ in view.beslissingen
                                                             if not _reconsiders(procedure, b)),
        further_outcomes=any(o.extends or o.ends for o in procedure.outcomes.values()), today=today,
        closed=zaak.fase == "afgesloten", body=body_words(zaak.orgaan),
        decision_due=_decision_due(rt, zaak, view, today),
        objections=tuple((r.indiener_naam, r.beslistermijn_einde) for r in bezwaar.bezwaren_of(get_session(), zaak)
                         if r.uitkomst is None))


def _decision_due(rt: Any, zaak: Zaak, view: Any, today: date) -> date | None:
    term = beslistermijn.running(rt, zaak, [b for b, _ in view.beslissingen], today)
    return term.einde if term else None


def _for_proposed(procedure: Any, view: Any, a: Any) -> set[str]:
    """The judgements drafting the measure policy proposes will ask for (index.yaml `required_for`), so the
    next step counts them before the draft is refused for them."""
    if a is None:
        return set()
    measure = (view.proposal or {}).get("maatregel")
    outcomes = [o.code for o in procedure.outcomes.values()
                if o.measure == measure and not o.reconsiders and not o.on_the_spot]
    return {code for soort in outcomes
            for code in required_for(soort, procedure.judgements, a.judgements_required, a.triggerable_judgements)}


def _reconsiders(procedure: Any, b: Any) -> bool:
    """A decision on a bezwaar is shown, with its term, in the bezwaar section, not as the zaak's own step."""
    outcome = procedure.outcomes.get(b.soort)
    return bool(outcome and outcome.reconsiders)


def _decision(procedure: Any, b: Any, sent_on: date | None) -> w.Decision:
    outcome = procedure.outcomes.get(b.soort)
    maatregel = b.maatregel or {}
    return w.Decision(
        label=outcome.label if outcome else b.soort, status=b.status,
        final=bool(b.besluit and not (outcome and outcome.announces)), announces=bool(outcome and outcome.announces),
        revoked=b.intrekking_soort is not None, duur=maatregel.get("duur"), eenheid=maatregel.get("eenheid"),
        approved_on=b.approved_at.astimezone(AMSTERDAM).date() if b.approved_at else None,
        sent_on=sent_on, zienswijze_tot=b.zienswijze_tot,
        begunstigingstermijn_tot=b.begunstigingstermijn_tot, uiterlijke_reactiedatum=b.uiterlijke_reactiedatum,
        vervaldatum=b.vervaldatum, einde_at=b.einde_at, measure=_measure_word(outcome, b.zaak.zaaktype),
        breach_terms=breach_terms(outcome, b.termijnen, _rt().power(b.zaak.zaaktype).labels))


def _measure_word(outcome: Any, power: str) -> str:
    """The measure in words, inside a sentence ("Einde tijdelijk huisverbod"), never its code."""
    if outcome is None or not outcome.measure:
        return ""
    word = current_app.jinja_env.globals["label"](outcome.measure, power)
    return word[:1].lower() + word[1:]


def judgement_steps(specs: Any) -> list[tuple[str, list[Any]]]:
    """The judgements grouped by their step, in the order the procedure lists them."""
    steps: dict[str, list[Any]] = {}
    for spec in specs:
        steps.setdefault(spec.stap, []).append(spec)
    return list(steps.items())


@bp.post("/zaken/<int:zaak_id>/afwegingen")
@role_required("jurist")
def record_judgements(zaak_id: int) -> Any:
    """All judgements of one step at once: one submit, one transaction, every error on its own field."""
    from app.web.cases import render_case_page

    db = get_session()
    zaak = get_visible_zaak(db, current_user, zaak_id)
    form = STEP_FORM + request.form.get("stap", "")
    answers = {code: {"outcome": request.form.get(f"{code}.outcome", ""),
                      "reasoning": request.form.get(f"{code}.reasoning", "")}
               for code in request.form.getlist("code")}
    try:
        _check_lengths(answers)
        version = int(request.form.get("version", ""))
        judging.record_judgements(db, current_app.extensions["bevoegd"], zaak, answers, version, current_user)
    except (ValueError, e.InvalidInput, e.ConcurrentEdit, e.InvalidTransition) as exc:
        db.rollback()
        errors = form_errors(exc) if not isinstance(exc, ValueError) else {"_schema": [_STALE]}
        return render_case_page(zaak_id, form=form, errors=errors, values=answers), (
            400 if isinstance(exc, ValueError) else status_for(exc, form=True))
    return redirect(url_for("cases.show", zaak_id=zaak_id, **{SAVED: form}, _anchor=SAVED))


_STALE = "Het formulier is onvolledig verstuurd. Laad de pagina opnieuw en probeer het nog eens."


def _check_lengths(answers: dict[str, dict[str, str]]) -> None:
    too_long = {f"{code}.reasoning": f"De motivering is te lang (hoogstens {MAX_REASONING:,} tekens).".replace(",", ".")
                for code, a in answers.items() if len(a["reasoning"]) > MAX_REASONING}
    if too_long:
        raise e.InvalidInput(too_long)


@role_required("jurist")
def back_to_section(zaak_id: int, **_ids: int) -> Response:
    """A GET of a form URL (a reload after a form error): back to the form's section of the case page."""
    rule = request.url_rule.rule if request.url_rule else ""
    return redirect(url_for("cases.show", zaak_id=zaak_id, _anchor=SECTIONS.get(rule, "samenvatting")))


for _rule in SECTIONS:
    bp.add_url_rule(_rule, endpoint="back_to_section", view_func=back_to_section, methods=["GET"])


def _step_name(stap: str) -> str:
    """A step's Dutch name as it reads inside a sentence ("stap evenredigheid")."""
    name = current_app.jinja_env.globals["label"](stap)
    return name[:1].lower() + name[1:]


def _rt() -> Any:
    return current_app.extensions["bevoegd"]
