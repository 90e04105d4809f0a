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

from app.domain.bezwaar import BESLISSINGEN, NIET_HOREN_KEUZES, NIET_ONTVANKELIJK_GRONDEN, check_beslissing
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


def kenmerk(identificatie: str, bezwaar_id: int) -> str:
    """Ons kenmerk of the decision on a bezwaar (letters.md §7: the zaak plus a letter suffix): its own, so the
    court and the objector can tell it from the contested besluit, which has the zaak's kenmerk."""
    return f"{identificatie}-BZ{bezwaar_id}"


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
    advies_uitkomst: str | None = None  # what the committee advised (a key of BESLISSINGEN)
    gehoord: bool = False  # a hearing was held (Awb 7:2)
    niet_horen_grond: str | None = None  # else the 7:3 ground (a-e) on which the objector was not heard
    tijdigheid: str = "tijdig"


def draft(stand: Bezwaarstand, data: Mapping[str, Any]) -> dict[str, Any]:
    """The checked content of the decision, stored as the beslissing's `maatregel` until it is approved.

    Raises:
        InvalidInput: the field named, in Dutch.
    """
    uitkomst = data.get("uitkomst")
    gronden = _gronden(stand, data, uitkomst)
    voor_besluit = stand.tijdigheid == "voor_besluit"  # Awb 6:10: no besluit to object against yet
    if voor_besluit and uitkomst != "niet_ontvankelijk":
        raise InvalidInput({"uitkomst": "Het bezwaar is ingediend voordat het besluit was genomen: het is "
                                        "niet-ontvankelijk (Awb 6:10)."})
    check_beslissing(uitkomst, stand.tijdig, False if voor_besluit else stand.verschoonbaar, gronden)
    if not stand.gehoord and stand.niet_horen_grond not in NIET_HOREN_KEUZES:
        raise InvalidInput({"uitkomst": "Leg eerst de hoorzitting vast, of de grond uit artikel 7:3 Awb waarop "
                                        "niet is gehoord."})
    if not (data.get("motivering") or "").strip():
        raise InvalidInput({"motivering": "Vul de motivering van de beslissing op het bezwaar in."})
    gevolgd = _advice_followed(stand, uitkomst, data.get("advies_gevolgd"))
    return {"bezwaar_id": stand.bezwaar_id, "bestreden": stand.bestreden, "uitkomst": uitkomst,
            "motivering": data["motivering"].strip(), "gronden": gronden, **_dictum(stand, uitkomst, data),
            "advies_gevolgd": gevolgd if stand.advies else None,
            "afwijking_reden": _departure(stand, gevolgd, data.get("afwijking_reden"))}


def _gronden(stand: Bezwaarstand, data: Mapping[str, Any], uitkomst: str | None) -> list[dict[str, Any]]:
    """Every ground with its response and, when the bezwaar is weighed, whether it succeeds."""
    reacties = list(data.get("reacties") or [])
    oordelen = list(data.get("oordelen") or [None] * len(reacties))
    if len(reacties) != len(stand.gronden) or len(oordelen) != len(reacties):
        raise InvalidInput({"gronden": "Beantwoord elke grond van het bezwaar (Awb 7:11)."})
    if uitkomst != "niet_ontvankelijk" and any(o is None for o in oordelen):
        raise InvalidInput({"gronden": "Geef bij elke grond aan of zij slaagt."})
    return [{"grond": g, "reactie": r.strip(), "slaagt": o if uitkomst != "niet_ontvankelijk" else None}
            for g, r, o in zip(stand.gronden, reacties, oordelen, strict=True)]


def _dictum(stand: Bezwaarstand, uitkomst: str | None, data: Mapping[str, Any]) -> dict[str, Any]:
    """What the dictum needs besides the outcome: what replaces the besluit, the part revoked, or the ground
    of inadmissibility of a bezwaar that was on time (a late one has its ground from 6:7 and 6:11)."""
    nieuw, deel = (data.get("nieuw_besluit") or "").strip(), (data.get("herroepen_deel") or "").strip()
    grond = data.get("niet_ontvankelijk_grond") or None
    if uitkomst == "deels_gegrond" and not deel:
        raise InvalidInput({"herroepen_deel": "Schrijf op voor welk deel het besluit wordt herroepen (Awb 7:11)."})
    if uitkomst == "deels_gegrond" and not nieuw:
        raise InvalidInput({"nieuw_besluit": "Schrijf op wat in de plaats komt van het herroepen deel (Awb 7:11 "
                                             "lid 2)."})
    needs_grond = uitkomst == "niet_ontvankelijk" and stand.tijdigheid not in ("te_laat", "voor_besluit")
    if needs_grond and grond not in NIET_ONTVANKELIJK_GRONDEN:
        raise InvalidInput({"niet_ontvankelijk_grond": "Kies waarom het tijdige bezwaar niet-ontvankelijk is."})
    return {"nieuw_besluit": nieuw if uitkomst in CHANGING else "",
            "herroepen_deel": deel if uitkomst == "deels_gegrond" else "",
            "niet_ontvankelijk_grond": grond if needs_grond else None}


def _advice_followed(stand: Bezwaarstand, uitkomst: str | None, gevolgd: bool | None) -> bool | None:
    """With a committee, its advice comes first (Awb 7:13; a plainly inadmissible bezwaar needs none, 7:3),
    and the decision says whether it follows it (7:13 lid 7); it follows it only if it decides as advised."""
    if stand.commissie and not stand.advies and uitkomst != "niet_ontvankelijk":
        raise InvalidInput({"advies_gevolgd": "De bezwaarcommissie heeft nog niet geadviseerd: leg eerst haar "
                                              "advies vast (Awb 7:13)."})
    if stand.advies and gevolgd is None:
        raise InvalidInput({"advies_gevolgd": "Geef aan of de beslissing het advies van de bezwaarcommissie "
                                              "volgt (Awb 7:13 lid 7)."})
    if stand.advies and gevolgd and stand.advies_uitkomst not in (None, uitkomst):
        raise InvalidInput({"advies_gevolgd": "De commissie adviseerde een andere beslissing; wie daarvan "
                                              "afwijkt, volgt het advies niet (Awb 7:13 lid 7)."})
    return gevolgd


def _departure(stand: Bezwaarstand, gevolgd: bool | None, reden: str | None) -> str:
    """Awb 7:13 lid 7: a decision that departs from the advice says why."""
    if not stand.advies or gevolgd:
        return ""
    if not (reden or "").strip():
        raise InvalidInput({"afwijking_reden": "Schrijf op waarom de beslissing afwijkt van het advies van de "
                                               "bezwaarcommissie (Awb 7:13 lid 7)."})
    return reden.strip()


def uitkomst_label(uitkomst: str) -> str:
    """The decision in the jurist's words (BESLISSINGEN), for the case page and the review page."""
    return BESLISSINGEN.get(uitkomst, uitkomst)
