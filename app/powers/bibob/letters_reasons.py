"""The reasons of a Bibob letter to the aanvrager (pure), in the order bibob.md §6 asks: the decision and its
ground, the statutory basis stated positively (Wet Bibob art. 3 lid 1/6/7, art. 4, the permit's own regulation and
the Maastricht policy), the advice used, the facts only as far as necessary with their art. 3a character, the
degree of danger as the deciding body judged it, proportionality and whether conditions suffice, and the
conditions with the consequence of a breach. `w` is words.words_for(letter): the voice and the data words.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from app.letters.formatting import datum
from app.letters.input import LetterInput
from app.letters.paragraphs import label, titel
from app.powers.bibob import phrases as P
from app.powers.bibob import words as W
from app.powers.bibob.phrases_procedure import GEGEVENS_ADVIES, GEHEIM

Words = Mapping[str, str]
PERMIT_BASIS = "grondslag_per_vergunning"  # dated parameter: permit type -> its regulation and article
STANDARD_CONDITIONS = "standaard_voorschriften"  # dated parameter: the standard conditions by code


def inleiding(letter: LetterInput, w: Words) -> list[str]:
    """What is decided, for whom, why in one sentence, and from when."""
    first, *rest = W.say(P.INLEIDING[letter.outcome], w)
    if letter.outcome == "buiten_behandeling":
        return [first, *rest]
    reasons = [P.REDEN[g] for g in W.grounds(letter)] or [P.GEEN_GEVAAR_INLEIDING]
    lines = [first, *reasons, *rest]
    if letter.outcome in ("intrekking", "verlening", "verlening_met_voorschriften"):
        lines += W.say(P.INGANG if w["ingangsdatum"] else P.INGANG_VERZENDING, w)
    return lines


def dictum(letter: LetterInput, w: Words) -> list[str]:
    """The decision, word for word the same for the aanvrager and every named derde (KERN)."""
    which = P.BESTAANDE_VERGUNNING if letter.outcome in W.WITHDRAWAL else P.AANVRAAG
    lines = W.say([P.KERN[letter.outcome], which], w)
    return lines + (W.say(P.VOORLOPIG, w) if letter.outcome in W.VOORNEMENS else [])


def grondslag(letter: LetterInput, w: Words) -> list[str]:
    """The statutory basis: the permit's own regulation, then each ground of art. 3 or 4, proportionality."""
    lines = _permit_basis(letter, w)
    if letter.outcome == "verlening":
        lines += W.say(P.VERLENING_ONDERZOCHT, w)
    for ground in W.grounds(letter):
        lines += W.say(P.GRONDSLAG[ground], w)
        if ground == "art4":
            context = str(W.case(letter, "refused_to_supply_data").get("context") or "")
            lines += W.say(P.REFUSED[context], w) if context in P.REFUSED else []
        if ground == "breach":
            lines += _breach(letter, w)
    if str(W.application(letter).get("permit_type") or "") in P.VERORDENING:
        lines.append(P.ARTIKEL_7)
    if letter.outcome in W.NEGATIVE:
        lines += W.say(P.EVENREDIG_WET, w)
    return lines + (W.say(P.BELEID_ZIN, w) if w["beleid"] else [])


def _permit_basis(letter: LetterInput, w: Words) -> list[str]:
    """The permit's regulation: a confirmed parameter's article, else the regulation's name (never a default)."""
    permit_type = str(W.application(letter).get("permit_type") or "")
    found = letter.assessment.parameters.get(PERMIT_BASIS)
    confirmed = found is not None and not found.to_confirm and isinstance(found.value, Mapping)
    regeling = titel(W.text(found.value.get(permit_type))) if confirmed else ""
    regeling = regeling or w["regeling"]
    return W.say(P.REGELING_ZIN, {**w, "regeling": regeling}) if regeling else []


def _breach(letter: LetterInput, w: Words) -> list[str]:
    found = W.case(letter, "permit_breach")
    when = W.day(found.get("date"))
    return W.say(P.BREACH, {**w, "datum": datum(when) if when else "",
                            "omschrijving": W.sentence(found.get("description"))})


def advies(letter: LetterInput, w: Words) -> list[str]:
    """The LBB advice with its date and conclusion, an advice reused within five years, or own research."""
    kind = W.advice(letter).kind
    if kind == "eigen":
        return W.say(P.ADVIES_EIGEN, w)
    lines = W.say(P.ADVIES_LBB if kind == "lbb" else P.ADVIES_HERGEBRUIK, w) + W.say(P.ADVIES_ZELF, w)
    adopted = W.judgement(letter, "advies_beoordeeld", "outcome")
    lines += W.say(P.ADVIES_OORDEEL[adopted], w) if adopted in P.ADVIES_OORDEEL else []
    if letter.outcome == "verlening":  # the conclusion is data from the advice: the warning goes with it
        lines += W.say([GEGEVENS_ADVIES, *GEHEIM], w)
    return lines


def feiten(letter: LetterInput, w: Words) -> list[str]:
    """The facts the reasons need: art. 3a facts, sepots, the relation route (lid 4) and own research."""
    facts = W.usable_facts(letter)
    strong = [f for f in facts if f.get("kind") in P.ART_3A]
    sepot = [f for f in facts if f.get("kind") not in P.ART_3A]
    lines = W.say(P.FEITEN_LEAD, w)
    if strong:
        lines += [P.FEITEN_3A, *(_fact(f, w) for f in strong)]
    if sepot:
        lines += [P.FEITEN_SEPOT, *(_fact(f, w) for f in sepot)]
    lines += _relations(letter, facts, w)
    research = sorted(W.items(letter, "own_research"), key=lambda r: W.day(r.get("date")) or date.min)
    research = [r for r in research if W.text(r.get("finding"))]
    if research:
        lines += [P.ONDERZOEK_LEAD, *(_research(r) for r in research)]
    return lines if strong or sepot or research else [*lines, P.GEEN_FEITEN]


def _fact(fact: Mapping[str, Any], w: Words) -> str:
    when = W.day(fact.get("date"))
    person = W.text(fact.get("person"))
    return P.FEIT.format(datum=_capital(datum(when)) if when else "Datum onbekend",
                         delict=W.text(fact.get("offence")).rstrip("."),
                         persoon="u" if person == w["aanvrager"] else person or "u",
                         karakter=P.KARAKTER[str(fact["kind"])])


def _relations(letter: LetterInput, facts: list[Mapping[str, Any]], w: Words) -> list[str]:
    """Art. 3 lid 4: how a person named in the facts relates the aanvrager to them."""
    named = {W.text(f.get("person")) for f in facts}
    return [P.RELATIE.format(persoon=W.text(r.get("name")), rol=label(P.ROL, r.get("role")), bedrijf=w["bedrijf"])
            for r in W.items(letter, "related_persons") if W.text(r.get("name")) in named]


def _research(found: Mapping[str, Any]) -> str:
    when = W.day(found.get("date"))
    return P.ONDERZOEK.format(datum=_capital(datum(when)) if when else "Datum onbekend",
                              bron=label(P.BRON, found.get("source")), bevinding=W.sentence(found.get("finding")))


def motivering(letter: LetterInput, w: Words) -> list[str]:
    """The degree of danger as judged, proportionality, whether conditions suffice, Awb 4:84."""
    lines: list[str] = []
    mate = W.danger(letter)
    if mate in P.MATE_WOORD and letter.outcome != "verlening":
        lines += W.say(P.MATE, {**w, "mate": P.MATE_WOORD[mate]})
    elif letter.outcome == "verlening":
        lines += W.say(P.GEEN_BEZWAAR_GEVAAR, w)
    skip = "advies_beoordeeld" if W.advice(letter).kind == "eigen" else "eigen_conclusie"  # no advice to verify
    for code in (c for c in P.OORDELEN if c != skip):
        reasoning = W.judgement(letter, code)
        if reasoning:
            lines.append(f"{W.say(P.OORDELEN[code], w)[0]} {reasoning}")
    if letter.afwijking_beleid:
        lines += W.say(P.AFWIJKING, {**w, "reden": letter.afwijking_beleid})
    return lines


def voorschriften(letter: LetterInput, w: Words) -> list[str]:
    """The conditions (art. 3 lid 7), numbered, in the words recorded or of the standard list."""
    stage = "voornemen" if letter.outcome in W.VOORNEMENS else "besluit"
    lines = W.say(P.VOORSCHRIFTEN_LEAD[stage], w)
    return lines + [P.VOORSCHRIFT.format(nummer=n, tekst=t) for n, t in enumerate(conditions(letter), start=1)]


def conditions(letter: LetterInput) -> list[str]:
    """The text of each condition: its own text, else the standard condition of its code."""
    standard = W.param(letter, STANDARD_CONDITIONS)
    standard = standard if isinstance(standard, Mapping) else {}
    found = []
    for item in W.items(letter, "conditions"):
        own = W.sentence(item.get("text")) or W.sentence(standard.get(str(item.get("code") or "")))
        if own:
            found.append(own)
    return found


def _capital(found: str) -> str:
    return found[:1].upper() + found[1:]
