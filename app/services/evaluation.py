"""The stateless evaluation answer, shared by the API and the CLI: outcome, judgements, deadlines, trace."""

from __future__ import annotations

from datetime import date
from typing import Any

from marshmallow import ValidationError

from app.domain import errors as e
from app.domain.assessment import Assessment
from app.domain.links import wettekst_op
from app.powers.spec import PowerSpec
from app.rulebook import Case, Rulebook
from app.rulebook.overlay import Overlay
from app.runtime import Runtime
from app.schemas.melding import MeldingSchema
from app.services.assessment import deadlines_if_sent, evaluate_melding, evaluate_scenario


def evaluation_body(rt: Runtime, result: Assessment, verzenddatum: date,
                    overlay: Overlay | None = None) -> dict[str, Any]:
    """Outcome, the policy proposal, the judgements a person must make, indicative deadlines, and the trace,
    with both dates: the peildatum (the law and the competence conditions) and the beslisdatum (policy)."""
    try:
        deadlines = deadlines_if_sent(rt, result.power, result.peildatum, verzenddatum, overlay)
    except OverflowError as exc:  # a term counted from a date near the calendar's end (year 9999)
        raise e.InvalidInput({"verzenddatum": "Met deze verzenddatum vallen de termijnen buiten de kalender."}) from exc
    body = result.to_dict()
    for entry in body["fired"] + body["not_fired"]:  # the statute text as it stood on the peildatum
        entry["legal_basis"]["href_op_peildatum"] = wettekst_op(entry["legal_basis"]["href"], result.peildatum)
    return {"peildatum": result.peildatum.isoformat(), "beslisdatum": result.policy_date.isoformat(),
            "bevoegdheid": result.bevoegdheid, "proposal": rt.power(result.power).proposal(result),
            "unconfirmed_parameters": list(result.unconfirmed()),
            "judgements_required": list(result.judgements_required),
            "deadlines": {"verzenddatum": verzenddatum.isoformat(), **{k: v.isoformat() for k, v in deadlines.items()}},
            "assessment": body}


def run_evaluation(rt: Runtime, data: dict[str, Any], today: date, overlay: Overlay | None = None) -> Assessment:
    """Evaluate flat facts, or a report as handhaving submits it (loaded with the power's own schema). The law
    of `data["date"]` (the peildatum); policy values as they stand on `today` (the planned verzenddatum), with
    the values the municipality confirmed (`overlay`).

    Raises:
        InvalidInput: field messages for the client's facts, case file or history.
        UnknownPower, RulesNotInForce, ParameterNotInForce.
    """
    if data.get("facts") is not None:
        try:
            return evaluate_scenario(rt, data["power"], data["date"], data["facts"], beslisdatum=today,
                                     overlay=overlay)
        except e.FactsRejected as exc:  # the client's facts, not a builder defect: field messages
            raise e.InvalidInput({f"facts.{k}": v for k, v in exc.errors.items()}, exc.message) from exc
    rt.power(data["power"])
    try:
        melding = MeldingSchema().load({**data["case_file"], "zaaktype": data["power"]})
    except ValidationError as exc:
        raise e.InvalidInput({f"case_file.{k}": str(v) for k, v in exc.normalized_messages().items()}) from exc
    return evaluate_melding(rt, melding, data["date"], today, _history(data.get("history") or ()), overlay=overlay)


def _history(items: Any) -> list[dict[str, Any]]:
    """Earlier measures as the client gives them (app/domain/history.py): `date` is the earlier offence,
    `letter_date` optional; missing flags describe a measure that was sent, at this address, same person."""
    try:
        return [{**h, "date": date.fromisoformat(str(h.get("date"))),
                 **({"letter_date": date.fromisoformat(str(h["letter_date"]))} if h.get("letter_date") else {})}
                for h in items]
    except ValueError:
        raise e.InvalidInput({"history": "Elke eerdere maatregel heeft een datum (jjjj-mm-dd)."}) from None


def facts_of_case(book: Rulebook, spec: PowerSpec, case: Case) -> dict[str, Any]:
    """The flat fact of a jurist's case: its facts, or what the power derives from its case file."""
    if case.facts is not None:
        return dict(case.facts)
    params = book.parameters_for(spec.code, case.date)
    return spec.facts_from_case(case.case_file or {}, list(case.history), params, case.date)
