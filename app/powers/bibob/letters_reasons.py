"""The reasons of a Bibob letter to the aanvrager (pure), in the order bibob.md §6 asks: the decision and its
ground, the statutory basis stated positively (Wet Bibob art. 3 lid 1/6/7, art. 4, the permit's own article and the
Maastricht policy), the advice used, the facts only as far as necessary (letters_facts), the degree of danger as
the deciding body judged it with the criteria of art. 3 lid 2 or 3 and where it departs from the advice,
proportionality and whether conditions suffice, and the conditions with the consequence of a breach. `w` is
words.words_for(letter): the voice and the data words.
"""

from __future__ import annotations

from collections.abc import Mapping

from app.letters.formatting import datum
from app.letters.input import LetterInput
from app.letters.paragraphs import titel
from app.powers.bibob import phrases as P
from app.powers.bibob import phrases_procedure as Q
from app.powers.bibob import phrases_reasons as F
from app.powers.bibob import words as W

Words = Mapping[str, str]
STANDARD_CONDITIONS = "standaard_voorschriften"  # dated parameter: the standard conditions by code
PROVISIONAL = "voornemen"
# Keys of grondslag_per_vergunning beside the permit types: the omgevingsvergunning's confirmed hook to art. 3 Wet
# Bibob for its activity, and its confirmed withdrawal basis (still to confirm; legal reviewb, finding 2).
REFUSAL_BASIS, WITHDRAWAL_BASIS = "omgevingsvergunning_weigering", "omgevingsvergunning_intrekking"


def inleiding(letter: LetterInput, w: Words) -> list[str]:
    """What is decided, for whom, why in one sentence, and from when."""
    first, *rest = W.say(P.INLEIDING[letter.outcome], w)
    if letter.outcome == "buiten_behandeling":
        return [first, *rest]
    reasons = [P.REDEN[g] for g in W.grounds(letter)] or [P.GEEN_GEVAAR_INLEIDING]
    lines = [first, *reasons, *rest]
    if letter.outcome == "intrekking":
        lines += W.say(P.INGANG_INTREKKING, w)
    elif letter.outcome in ("verlening", "verlening_met_voorschriften"):
        lines += W.say(P.INGANG if w["ingangsdatum"] else P.INGANG_VERZENDING, w)
    return lines


def dictum(letter: LetterInput, w: Words) -> list[str]:
    """The decision, word for word the same for the aanvrager and every named derde (KERN)."""
    which = P.BESTAANDE_VERGUNNING if letter.outcome in W.WITHDRAWAL else P.AANVRAAG
    lines = W.say([P.KERN[letter.outcome], which], w)
    return lines + (W.say(P.VOORLOPIG, w) if letter.outcome in W.VOORNEMENS else [])


def grondslag(letter: LetterInput, w: Words) -> list[str]:
    """The statutory basis: the permit's own article, then each ground of art. 3 or 4, proportionality."""
    lines = permit_basis(letter, w)
    if letter.outcome == "verlening":
        lines += W.say(F.VERLENING_ONDERZOCHT, w)
    for ground in W.grounds(letter):
        lines += W.say(P.GRONDSLAG[ground], w)
        if ground == "art4":
            context = str(W.case(letter, "refused_to_supply_data").get("context") or "")
            lines += W.say(P.REFUSED[context], w) if context in P.REFUSED else []
        if ground == "breach":
            lines += _breach(letter, w)
    if letter.outcome in W.NEGATIVE:
        lines += W.say(P.EVENREDIG_WET, w)
    return lines + (W.say(P.BELEID_ZIN, w) if w["beleid"] else [])


def permit_basis(letter: LetterInput, w: Words) -> list[str]:
    """The permit's own article (the confirmed parameter; else the regulation's name, never a default) and how the
    Wet Bibob reaches it: art. 7 for a by-law permit, the Omgevingswet (or Wabo) for an omgevingsvergunning."""
    permit_type = str(W.application(letter).get("permit_type") or "")
    found = letter.assessment.parameters.get(W.PERMIT_BASIS)
    confirmed = found is not None and not found.to_confirm and isinstance(found.value, Mapping)
    cited = titel(W.text(found.value.get(permit_type))) if confirmed else ""
    if cited:
        lines = W.say(P.BERUST_ZIN, {**w, "grondslag": cited})
    else:
        lines = W.say(P.REGELING_ZIN, w) if w["regeling"] else []
    if permit_type in P.VERORDENING:
        lines.append(P.ARTIKEL_7)
    if permit_type == "omgevingsvergunning":
        lines += _omgevingsvergunning(letter, w)
    return lines


def _omgevingsvergunning(letter: LetterInput, w: Words) -> list[str]:
    """How the Wet Bibob reaches an omgevingsvergunning: the Wabo's art. 2.20 before 2024, else the confirmed
    citation; a withdrawal its confirmed basis (without one the guard refuses the letter; legal review 2, finding 2)."""
    if letter.outcome in W.WITHDRAWAL:
        cited = omgevingswet_basis(letter, WITHDRAWAL_BASIS)
        return W.say(P.INTREKKEN_OMGEVINGSVERGUNNING, {**w, "grondslag": cited}) if cited else []
    lines = W.say(P.WEIGEREN_OMGEVINGSVERGUNNING, w)
    if letter.verzenddatum < W.WABO_UNTIL:
        return [*lines, P.WABO_BIBOB]
    cited = omgevingswet_basis(letter, REFUSAL_BASIS)
    return lines + (W.say(P.OMGEVINGSWET_BIBOB, {**w, "grondslag": cited}) if cited else [])


def omgevingswet_basis(letter: LetterInput, key: str) -> str:
    """The confirmed citation under `key` of grondslag_per_vergunning, "" when none is confirmed."""
    found = letter.assessment.parameters.get(W.PERMIT_BASIS)
    if found is None or found.to_confirm or not isinstance(found.value, Mapping):
        return ""
    return titel(W.text(found.value.get(key)))


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
    if letter.outcome == "verlening":  # only the conclusion: no other data from the advice (finding 17)
        lines += [Q.GEEN_ADVIESGEGEVENS]
    return lines


def motivering(letter: LetterInput, w: Words) -> list[str]:
    """The degree of danger as judged, with its criteria and any departure from the advice; proportionality;
    whether conditions suffice; Awb 4:84. Each judgement is stated as the body's finding, not as a question."""
    if letter.outcome == "verlening":
        return W.say(F.GEEN_BEZWAAR_GEVAAR, w) + _judged(letter, w, ("bijzondere_omstandigheden",))
    lines = _danger(letter, w) + _advice_verified(letter, w) + criteria(letter, w)
    lines += _judged(letter, w, ("eigen_conclusie",) if W.advice(letter).kind == "eigen" else ())
    lines += _judged(letter, w, ("mate_van_gevaar", "overtreding_voorschriften"))
    lines += _proportionality(letter, w)
    lines += _judged(letter, w, ("voorschriften", "bijzondere_omstandigheden"))
    if letter.afwijking_beleid:
        lines += W.say(F.AFWIJKING, {**w, "reden": letter.afwijking_beleid})
    return lines


def _danger(letter: LetterInput, w: Words) -> list[str]:
    mate = W.danger(letter)
    if mate not in F.MATE_WOORD:
        return []
    stage = PROVISIONAL if letter.outcome in W.VOORNEMENS else "besluit"
    conclusie = W.say(F.CONCLUSIE_WOORD[stage], w)[0]
    lines = W.say(F.MATE, {**w, "conclusie_woord": conclusie, "mate": F.MATE_WOORD[mate]})
    return lines + ([F.MATE_ARTIKEL[mate]] if mate in F.MATE_ARTIKEL else [])


def _advice_verified(letter: LetterInput, w: Words) -> list[str]:
    """How the body verified the advice; where its conclusion departs from the LBB's, that it does and why."""
    reasoning = W.judgement(letter, "advies_beoordeeld")
    if W.advice(letter).kind == "eigen" or not reasoning:
        return []
    if W.judgement(letter, "advies_beoordeeld", "outcome") != "afgeweken":
        return W.say(F.ADVIES_GECONTROLEERD, {**w, "reasoning": reasoning})
    phrase = F.AFWIJKEN if departs(letter) else F.AFWIJKEN_ONDERDELEN
    return W.say(phrase, {**w, "reasoning": reasoning})


def departs(letter: LetterInput) -> bool:
    """The body's degree of danger differs from the advice's conclusion (an art. 4 refusal is not comparable)."""
    advised = W.AS_JUDGED.get(W.advice(letter).conclusion)
    mate = W.judgement(letter, "mate_van_gevaar", "outcome")
    return W.advice(letter).kind != "eigen" and advised is not None and mate in W.AS_JUDGED.values() and mate != advised


def criteria(letter: LetterInput, w: Words) -> list[str]:
    """Art. 3 lid 2 (ground a) or lid 3 (ground b): one sentence per criterion the degree of danger rests on."""
    ground = W.GROUND_OF.get(W.danger(letter), "")
    if ground in ("lid6", "art4"):
        return []  # the criteria of lid 2 and 3 do not carry these grounds (legal review 2, finding 5)
    ground = ground if ground in F.CRITERIA_PER_GROND else ""
    found = W.case(letter, "danger_criteria")
    keys = F.CRITERIA_PER_GROND.get(ground) or tuple(F.CRITERIUM)
    lines = [F.CRITERIUM[k].format(tekst=W.sentence(found.get(k))) for k in keys if W.text(found.get(k))]
    return [*lines, F.CRITERIA_BRON[ground]] if lines else []


def _proportionality(letter: LetterInput, w: Words) -> list[str]:
    """Art. 3 lid 5 for a refusal or withdrawal; for conditions despite serious danger, why a refusal would be
    disproportionate (art. 3 lid 7, second sentence)."""
    reasoning = W.judgement(letter, "evenredig_3_lid_5")
    if not reasoning:
        return []
    if letter.outcome in W.CONDITIONS:
        serious = W.danger(letter) in W.SERIOUS_DANGER
        return W.say(F.ONEVENREDIG, {**w, "reasoning": reasoning}) if serious else []
    woord = "voorgenomen besluit" if letter.outcome in W.VOORNEMENS else "besluit"
    lines = W.say(F.BELANG_HOUDER, w) if letter.outcome in W.WITHDRAWAL else []
    return lines + W.say(F.EVENREDIG, {**w, "reasoning": reasoning, "besluit_woord": woord})


def _judged(letter: LetterInput, w: Words, codes: tuple[str, ...]) -> list[str]:
    return [line for code in codes if W.judgement(letter, code)
            for line in W.say(F.OORDELEN[code], {**w, "reasoning": W.judgement(letter, code)})]


def voorschriften(letter: LetterInput, w: Words) -> list[str]:
    """The conditions (art. 3 lid 7), numbered, in the words recorded or of the standard list."""
    stage = PROVISIONAL if letter.outcome in W.VOORNEMENS else "besluit"
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
