"""The decision on a bezwaar as a beslissing of its own (pure): the core outcome every power with an objection
stage gets, the mandate it is signed under, and the checked content of its draft.

The decision on a bezwaar (Awb 7:11) is itself a besluit, open to beroep at the rechtbank (Awb 8:1), so it goes
through the same review, letters and dispatch as any other beslissing. No power declares it: every power
whose procedure has a besluit with `remedy: bezwaar` gets it here, as `beslissing_op_bezwaar`. Its hearing is
the one recorded in the bezwaar (Awb 7:2), and whoever may decide the contested besluit may decide on the
bezwaar against it (the same body reconsiders its own besluit), so the signatory's mandate is checked
against the contested outcome, which the draft names.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from app.domain.bezwaar import BESLISSINGEN, check_beslissing
from app.domain.errors import InvalidInput
from app.domain.procedure import HORING, Outcome, Procedure

CODE = "beslissing_op_bezwaar"
LABEL = "Beslissing op bezwaar"
CORE_LETTERS = "algemeen"  # the manifest's name for letters the core writes for every power
CHANGING = ("gegrond", "deels_gegrond")  # the besluit changes: its other addressees get the decision too


def with_objection_decision(outcomes: Mapping[str, Outcome]) -> dict[str, Outcome]:
    """The power's outcomes plus the decision on a bezwaar, when one of them is open to bezwaar."""
    contested = [o for o in outcomes.values() if o.besluit and o.remedy == "bezwaar"]
    if not contested or CODE in outcomes:
        return dict(outcomes)
    mandate = tuple(dict.fromkeys(c for o in contested for c in o.mandate))
    decision = Outcome(code=CODE, label=LABEL, besluit=True, measure="bezwaar", hearing=HORING, review="vooraf",
                       body=contested[0].body, remedy="beroep", mandate=mandate, reconsiders=True)
    return {**outcomes, CODE: decision}


def mandate_outcome(procedure: Procedure, outcome: Outcome, maatregel: Mapping[str, Any] | None) -> Outcome:
    """The outcome a signatory's mandate must cover: the contested one for a decision on a bezwaar."""
    if outcome.reconsiders and maatregel and maatregel.get("bestreden") in procedure.outcomes:
        return procedure.outcome(maatregel["bestreden"])
    return outcome


@dataclass(frozen=True)
class Bezwaarstand:
    """What the draft is checked against: the bezwaar as recorded."""

    bezwaar_id: int
    bestreden: str  # the contested outcome
    tijdig: bool
    verschoonbaar: bool | None
    gronden: tuple[str, ...]
    advies: bool  # a bezwaarcommissie advised (Awb 7:13)
    commissie: bool = False  # the bezwaar was put to a bezwaarcommissie: its advice comes before the decision


def draft(stand: Bezwaarstand, data: Mapping[str, Any]) -> dict[str, Any]:
    """The checked content of the decision, stored as the beslissing's `maatregel` until it is approved.

    Raises:
        InvalidInput: the field named, in Dutch.
    """
    reacties = list(data.get("reacties") or [])
    if len(reacties) != len(stand.gronden):
        raise InvalidInput({"gronden": "Beantwoord elke grond van het bezwaar (Awb 7:11)."})
    gronden = [{"grond": g, "reactie": r.strip()} for g, r in zip(stand.gronden, reacties, strict=True)]
    uitkomst = data.get("uitkomst")
    check_beslissing(uitkomst, stand.tijdig, stand.verschoonbaar, gronden)
    if not (data.get("motivering") or "").strip():
        raise InvalidInput({"motivering": "Vul de motivering van de beslissing op het bezwaar in."})
    nieuw = (data.get("nieuw_besluit") or "").strip()
    if uitkomst == "deels_gegrond" and not nieuw:
        raise InvalidInput({"nieuw_besluit": "Schrijf op wat er van het besluit verandert (Awb 7:11 lid 2)."})
    gevolgd = _advice_followed(stand, uitkomst, data.get("advies_gevolgd"))
    return {"bezwaar_id": stand.bezwaar_id, "bestreden": stand.bestreden, "uitkomst": uitkomst,
            "motivering": data["motivering"].strip(), "gronden": gronden, "nieuw_besluit": nieuw,
            "advies_gevolgd": gevolgd if stand.advies else None}


def _advice_followed(stand: Bezwaarstand, uitkomst: str | None, gevolgd: bool | None) -> bool | None:
    """With a committee, its advice comes first (Awb 7:13; a plainly inadmissible bezwaar needs none, 7:3),
    and the decision says whether it follows it (7:13 lid 7)."""
    if stand.commissie and not stand.advies and uitkomst != "niet_ontvankelijk":
        raise InvalidInput({"advies_gevolgd": "De bezwaarcommissie heeft nog niet geadviseerd: leg eerst haar "
                                              "advies vast (Awb 7:13)."})
    if stand.advies and gevolgd is None:
        raise InvalidInput({"advies_gevolgd": "Geef aan of de beslissing het advies van de bezwaarcommissie "
                                              "volgt (Awb 7:13 lid 7)."})
    return gevolgd


def uitkomst_label(uitkomst: str) -> str:
    """The decision in the jurist's words (BESLISSINGEN), for the case page and the review page."""
    return BESLISSINGEN.get(uitkomst, uitkomst)
