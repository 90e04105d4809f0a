"""Who may decide an outcome (pure): a mandate per power and outcome, valid on the decision date, in a capacity
the outcome allows, and not a gemandateerde where the rules reserve the outcome to the body itself.

A mandate (Awb 10:1) names the power (besluittype), the outcomes it covers, its validity dates, the mandate
decision it rests on and the holder's function. The body itself (the burgemeester) and its lawful substitute
(the locoburgemeester) are recorded the same way, so the system knows who signs as the body. A rule can reserve
an outcome to the body in person (finding kind `voorbehouden`, e.g. closing a dwelling under a municipality's
mandate decision); then only the body or its substitute may decide it. A mandate is given by one body (the
burgemeester or the college): it covers only the zaken that body decides (`outcome.body`, settled per zaak by
procedure.decided_by).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Protocol

from app.domain.assessment import Assessment, TraceEntry
from app.domain.procedure import BODIES, ORGAAN, PLAATSVERVANGER, Outcome, body_words
from app.domain.wording import in_sentence

ACTIEF = "actief"  # models.user.ACTIEF: the status of a mandate that holds
VOORBEHOUDEN = "voorbehouden"  # finding kind: the outcome is reserved to the body itself (or its substitute)
AS_BODY = (ORGAAN, PLAATSVERVANGER)


class MandateLike(Protocol):
    """The fields of a stored mandate (models.Mandaat) this module reads."""

    besluittype: str
    hoedanigheid: str
    uitkomsten: list[str]
    valid_from: date
    valid_until: date | None
    mandaatbesluit: str
    functie: str
    # orgaan: str, the body that gave it (read with a default: rows and test doubles without one are the
    # burgemeester's, as migration 0020 made them)


def reservation(assessment: Assessment | None, outcome: str) -> TraceEntry | None:
    """The fired rule that reserves `outcome` to the body itself (unscoped, or scoped to that outcome)."""
    if assessment is None:
        return None
    return next((e for e in assessment.findings(VOORBEHOUDEN)
                 if not e.conclusion.get("outcomes") or outcome in e.conclusion["outcomes"]), None)


# What migration 0010 wrote where an existing mandate lacked its decision or function: never signed under.
TO_RECORD = "(nog vastleggen)"


def recorded(mandate: MandateLike) -> bool:
    """The mandate decision and the function are filled in (not the migration's placeholder)."""
    return TO_RECORD not in (getattr(mandate, "mandaatbesluit", "") or "") + (getattr(mandate, "functie", "") or "")


def in_force(mandate: MandateLike) -> bool:
    """Granted and, where a beheerder granted it, approved by a second one (a pending grant gives no power)."""
    return getattr(mandate, "status", ACTIEF) == ACTIEF


def valid_on(mandate: MandateLike, on: date) -> bool:
    """True when `on` lies within the mandate's validity (valid_until is the last day it holds)."""
    return mandate.valid_from <= on and (mandate.valid_until is None or on <= mandate.valid_until)


def given_by(mandate: MandateLike) -> str:
    """The body that gave the mandate (Mandaat.orgaan)."""
    return getattr(mandate, "orgaan", None) or BODIES[0]


def allows(mandate: MandateLike, besluittype: str, outcome: Outcome, on: date, reserved: bool = False) -> bool:
    """May the holder decide `outcome` of `besluittype` on `on` under this mandate? Only a mandate of the body that
    decides it (an outcome whose per-zaak body is not settled matches none)."""
    return (mandate.besluittype == besluittype and outcome.code in (mandate.uitkomsten or ())
            and given_by(mandate) == outcome.body
            and outcome.may_decide(mandate.hoedanigheid) and valid_on(mandate, on) and recorded(mandate)
            and in_force(mandate)
            and (not reserved or mandate.hoedanigheid in AS_BODY))


def usable(mandates: Iterable[MandateLike], besluittype: str, outcome: Outcome, on: date,
           reserved: bool = False) -> MandateLike | None:
    """The first mandate that allows the decision, the body's own capacity first."""
    ordered = sorted(mandates, key=lambda m: m.hoedanigheid not in AS_BODY)
    return next((m for m in ordered if allows(m, besluittype, outcome, on, reserved)), None)


def refusal(mandates: Iterable[MandateLike], besluittype: str, outcome: Outcome, on: date, who: str,
            reserved: TraceEntry | None = None) -> str:
    """Why no mandate allows the decision, in plain Dutch; `who` is "U" or the signatory's name."""
    subject = in_sentence(outcome.label)
    own = [m for m in mandates if m.besluittype == besluittype]
    if reserved is not None:
        own = [m for m in own if m.hoedanigheid in AS_BODY]
        if not own:
            return (f"Een {subject} is in deze zaak voorbehouden aan {body_words(outcome.body)} zelf of zijn "
                    f"plaatsvervanger. {reserved.explanation.strip()}").strip()
    if not own:
        return f"{who} heeft geen mandaat voor dit type besluit."
    if not any(given_by(m) == outcome.body for m in own):
        return (f"In deze zaak beslist {body_words(outcome.body)}. Het mandaat van {_of(who)} is niet door "
                f"{body_words(outcome.body)} verleend.")
    own = [m for m in own if given_by(m) == outcome.body]
    covering = [m for m in own if outcome.code in (m.uitkomsten or ())]
    if not covering:
        return f"Het mandaat van {_of(who)} dekt geen {subject}."
    capable = [m for m in covering if outcome.may_decide(m.hoedanigheid)]
    if not capable:
        return (f"Een {subject} kan niet in mandaat worden genomen; alleen {body_words(outcome.body)} of zijn "
                "plaatsvervanger.")
    return _unrecorded(capable, who) or _dates([m for m in capable if in_force(m)], on, who)


def _unrecorded(mandates: list[MandateLike], who: str) -> str | None:
    """Why none of these mandates holds yet, whatever the date: not recorded in full, or not yet approved."""
    if not any(recorded(m) for m in mandates):
        return (f"In het mandaat van {_of(who)} ontbreken nog het mandaatbesluit of de functie. Een beheerder "
                "legt die eerst vast.")
    if not any(in_force(m) for m in mandates):
        return (f"Het mandaat van {_of(who)} wacht nog op goedkeuring door een tweede beheerder; tot dan geldt "
                "het niet.")
    return None


def _dates(mandates: list[MandateLike], on: date, who: str) -> str:
    later = [m for m in mandates if m.valid_from > on]
    if later:
        first = min(m.valid_from for m in later)
        return f"Het mandaat van {_of(who)} geldt pas vanaf {first.strftime('%d-%m-%Y')}."
    ended = [m.valid_until for m in mandates if m.valid_until is not None and m.valid_until < on]
    if ended:
        return f"Het mandaat van {_of(who)} gold tot en met {max(ended).strftime('%d-%m-%Y')}; het is verlopen."
    return f"{who} heeft geen geldig mandaat voor deze beslissing."


def _of(who: str) -> str:
    return "u" if who == "U" else who
