"""The art. 33 hearing and the art. 28 secrecy in the Bibob letters (pure), and the letters to a named derde.

A derde named in the intended decision, and in the besluit, reads only his own part (art. 28 lid 3,
legal-review-damocles.md "Design risks"): the decision's core sentence (the same as the aanvrager's), why he is
named and in which role, his part of the advice, a condition that names him, the invitation to give a zienswijze
(voornemen) or the answer to his own zienswijze (besluit), the secrecy warning and, in the besluit, the remedy
clause. Nothing about the aanvrager's other facts, the degree of danger, the LBB's conclusion on the aanvrager, or
any other derde. The aanvrager's besluit answers his own zienswijze and says which derde gave one; each derde's is
answered in the derde's own letter. `w` is words.words_for(letter).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.letters.formatting import datum
from app.letters.input import LetterInput
from app.letters.paragraphs import label, opsomming, value
from app.powers.bibob import phrases as P
from app.powers.bibob import phrases_procedure as Q
from app.powers.bibob import phrases_reasons as F
from app.powers.bibob import words as W
from app.powers.bibob.letters_facts import when
from app.powers.bibob.letters_reasons import conditions

Words = Mapping[str, str]


def derde_inleiding(letter: LetterInput, w: Words) -> list[str]:
    return W.say(Q.INLEIDING_DERDE if letter.outcome in W.VOORNEMENS else Q.INLEIDING_DERDE_BESLUIT, w)


def derde_dictum(letter: LetterInput, w: Words) -> list[str]:
    return W.say([P.KERN[letter.outcome], Q.BESLUIT_AAN], w)


def uw_deel(letter: LetterInput, w: Words) -> list[str]:
    """Why the derde is named, his role (art. 3 lid 4), his part of the advice and a condition that names him,
    from his own entry in the case file only."""
    own = W.own_part(letter) or {}
    name = W.text(own.get("name"))
    part = Q.DEEL_ONDERZOEK if W.advice(letter).kind == "eigen" else Q.DEEL_ADVIES
    values = {**w, "reden": W.sentence(own.get("use_reason")), "deel": W.sentence(own.get("part_of_advice"))}
    lines = W.say(Q.WAAROM_DERDE, values)
    role = W.role_of(letter, name)
    if role:
        woord = "voorgenomen besluit" if letter.outcome in W.VOORNEMENS else "besluit"
        lines += W.say(Q.UW_ROL, {**w, "rol": label(F.ROL, role), "besluit_woord": woord})
    lines += Q.GROND_DERDE if letter.outcome in W.VOORNEMENS else []
    lines += W.say(part, values) + his_facts(letter, name, w)
    about_him = [P.VOORSCHRIFT.format(nummer=n, tekst=t) for n, t in enumerate(conditions(letter), start=1)
                 if W.names(name, t)] if letter.outcome in W.CONDITIONS else []
    return lines + ([Q.VOORSCHRIFT_DERDE, *about_him] if about_him else [])


def his_facts(letter: LetterInput, name: str, w: Words) -> list[str]:
    """The facts about the derde that the reasons use, each with its art. 3a character, so that he can respond to
    them (art. 33 Wet Bibob, Awb 4:8; legal reviewb, finding 1); nobody else's."""
    his = [f for f in W.cited_facts(letter) if name and _same(f.get("person"), name)]
    lines = []
    for fact in his:
        values = {**w, "datum": when(fact), "delict": W.text(fact.get("offence")).rstrip(".")}
        if fact.get("kind") == F.SEPOT:
            soort = F.SEPOT_SOORT.get(str(fact.get("sepot_soort") or ""), F.SEPOT_ONBEKEND)
            values |= {"soort": soort, "beoordeling": W.sentence(fact.get("beoordeling"))}
            lines += W.say(Q.SEPOT_DERDE, values)
        else:
            lines += W.say(Q.FEIT_DERDE, {**values, "karakter": F.KARAKTER[str(fact["kind"])]})
    return W.say(Q.FEITEN_DERDE, w) + lines if lines else []


def _same(one: object, other: str) -> bool:
    return " ".join(W.text(one).split()).casefold() == " ".join(other.split()).casefold()


def zienswijze(letter: LetterInput, w: Words) -> list[str]:
    """The art. 33 invitation, with the last day and where to send it (the deciding body)."""
    lead = [Q.ZIENSWIJZE_DERDE] if letter.recipient.rol == P.DERDE else []
    return W.say([*lead, *Q.ZIENSWIJZE], w)


def uw_zienswijze(letter: LetterInput, w: Words) -> list[str]:
    """The derde's besluit: the answer to his own zienswijze, that he gave none, or the Awb 4:11 ground."""
    data = letter.zienswijze or {}
    if "uitzondering" in data:
        reden = label(Q.UITZONDERING, data["uitzondering"])
        return [*W.say(Q.NIET_GEHOORD, {**w, "reden": reden}), *filter(None, [value(data, "reasoning")])]
    own = [e for e in _received(letter) if _is(e, letter.recipient.id)]
    lines = [line for entry in own for line in _answered(entry, w)]
    return lines or W.say(Q.GEEN_ZIENSWIJZE_DERDE, w)


def geheimhouding(letter: LetterInput, w: Words) -> list[str]:
    """The secrecy warning that goes with every copy or part of the advice (art. 28)."""
    if letter.recipient.rol == P.DERDE:
        lead = [Q.GEHEIM_DERDE_DEEL]
    elif W.advice(letter).kind == "eigen":
        lead = [Q.GEGEVENS_ONDERZOEK]
    else:
        lead = Q.KOPIE_ADVIES if letter.outcome in W.VOORNEMENS else [Q.GEGEVENS_ADVIES]
    return W.say([*lead, *Q.GEHEIM], w)


def afschrift_aan(letter: LetterInput, w: Words) -> list[str]:
    """Who else is heard on the intended decision, in the aanvrager's letter only."""
    return [line for n in W.heard(letter) for line in W.say(Q.OOK_DERDE, {**w, "derde": n})] or [Q.ALLEEN_U]


def zienswijzen(letter: LetterInput, w: Words) -> list[str]:
    """The aanvrager's besluit: his own zienswijze answered, which derde gave one (answered in the derde's own
    letter) or none, or the Awb 4:11 ground for not hearing."""
    data = letter.zienswijze or {}
    if "uitzondering" in data:
        reden = label(Q.UITZONDERING, data["uitzondering"])
        return [*W.say(Q.NIET_GEHOORD, {**w, "reden": reden}), *filter(None, [value(data, "reasoning")])]
    lines = W.say(Q.GEHOORD, w) + (W.say(Q.BIJ_VOORNEMEN, w) if W.advice(letter).kind != "eigen" else [])
    named = W.heard(letter)
    lines += W.say(Q.GEHOORD_DERDEN, {**w, "derden": opsomming(named)}) if named else []
    received = _received(letter)
    if not received:
        return lines + W.say(Q.NIET_ONTVANGEN, w)  # no "Zo heb ik de zienswijzen verwerkt" (legal review 2, finding 4)
    own = [e for e in received if _is(e, letter.recipient.id)]
    lines += [line for entry in own for line in _answered(entry, w)] or W.say(Q.GEEN_ZIENSWIJZE_U, w)
    lines += _others(received, own, named, w)
    return lines + _verwerkt(letter, w)


def _others(received: list[Mapping[str, Any]], own: list[Mapping[str, Any]], named: list[str], w: Words) -> list[str]:
    """Each other zienswijze only as given (its content is the derde's own), and each heard derde who gave none."""
    others = [e for e in received if e not in own]
    lines = [line for e in others for line in W.say(Q.ZIENSWIJZE_DERDE_APART, _values(e, w))]
    gave = {value(e, "naam").casefold() for e in others}
    return lines + [line for n in named if n.casefold() not in gave for line in W.say(Q.GEEN_ZIENSWIJZE_VAN,
                                                                                        {**w, "naam": n})]


def _verwerkt(letter: LetterInput, w: Words) -> list[str]:
    verwerkt = W.judgement(letter, "zienswijze_verwerkt")
    return W.say(Q.VERWERKT, {**w, "reasoning": verwerkt}) if verwerkt else []


def _received(letter: LetterInput) -> list[Mapping[str, Any]]:
    data = letter.zienswijze or {}
    return [e for e in data.get("zienswijzen") or () if isinstance(e, Mapping)] if data.get("ontvangen") else []


def _is(entry: Mapping[str, Any], recipient_id: int | None) -> bool:
    return recipient_id is not None and entry.get("betrokkene_id") == recipient_id


def _values(entry: Mapping[str, Any], w: Words) -> dict[str, str]:
    received = W.day(entry.get("ontvangen_op"))
    return {**w, "naam": value(entry, "naam"), "datum": datum(received) if received else "",
            "wijze": value(entry, "wijze"), "samenvatting": value(entry, "samenvatting"),
            "reactie": value(entry, "reactie")}


def _answered(entry: Mapping[str, Any], w: Words) -> list[str]:
    return W.say([Q.ZIENSWIJZE_EIGEN, Q.REACTIE], _values(entry, w))


def unanswered(letter: LetterInput) -> list[str]:
    """The names of those whose zienswijze has no response yet (a besluit must answer each)."""
    return [value(e, "naam") or "?" for e in _received(letter) if not value(e, "reactie").strip()]
