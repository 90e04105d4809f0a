"""The art. 33 hearing and the art. 28 secrecy in the Bibob letters (pure), and the letter to a named derde.

A derde named in the intended decision reads only his own part (art. 28 lid 3, legal-review-damocles.md "Design
risks"): the decision's core sentence (the same as the aanvrager's), why he is named, his part of the advice, the
invitation to give a zienswijze and the secrecy warning. Nothing about the aanvrager's other facts, the LBB's
conclusion on the aanvrager, or any other derde. The besluit answers every zienswijze: the aanvrager's and each
derde's. `w` is words.words_for(letter).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.letters.formatting import datum
from app.letters.input import LetterInput
from app.letters.paragraphs import label, opsomming, value
from app.powers.bibob import phrases as P
from app.powers.bibob import phrases_procedure as Q
from app.powers.bibob import words as W

Words = Mapping[str, str]


def derde_inleiding(letter: LetterInput, w: Words) -> list[str]:
    return W.say(Q.INLEIDING_DERDE, w)


def derde_dictum(letter: LetterInput, w: Words) -> list[str]:
    return W.say([P.KERN[letter.outcome], Q.BESLUIT_AAN_AANVRAGER], w)


def uw_deel(letter: LetterInput, w: Words) -> list[str]:
    """Why the derde is named and his part of the advice, from his own entry in the case file only."""
    own = W.own_part(letter) or {}
    part = Q.DEEL_ONDERZOEK if W.advice(letter).kind == "eigen" else Q.DEEL_ADVIES
    return W.say([Q.WAAROM_DERDE, part], {**w, "reden": W.sentence(own.get("use_reason")),
                                          "deel": W.sentence(own.get("part_of_advice"))})


def zienswijze(letter: LetterInput, w: Words) -> list[str]:
    """The art. 33 invitation, with the last day and where to send it (the deciding body)."""
    lead = [P.ZIENSWIJZE_DERDE] if letter.recipient.rol == P.DERDE else []
    return W.say([*lead, *P.ZIENSWIJZE], w)


def geheimhouding(letter: LetterInput, w: Words) -> list[str]:
    """The secrecy warning that goes with every copy or part of the advice (art. 28)."""
    if letter.recipient.rol == P.DERDE:
        lead = Q.GEHEIM_DERDE_DEEL
    elif W.advice(letter).kind == "eigen":
        lead = Q.GEGEVENS_ONDERZOEK
    else:
        lead = Q.KOPIE_ADVIES if letter.outcome in W.VOORNEMENS else Q.GEGEVENS_ADVIES
    return W.say([lead, *Q.GEHEIM], w)


def afschrift_aan(letter: LetterInput, w: Words) -> list[str]:
    """Who else is heard on the intended decision, in the aanvrager's letter only."""
    named = [W.text(t.get("name")) for t in W.third_parties(letter)]
    return [line for n in named for line in W.say(P.OOK_DERDE, {**w, "derde": n})] or [P.ALLEEN_U]


def zienswijzen(letter: LetterInput, w: Words) -> list[str]:
    """Every zienswijze answered (the aanvrager's and each derde's), or the Awb 4:11 ground for not hearing."""
    data = letter.zienswijze or {}
    if "uitzondering" in data:
        reden = label(P.UITZONDERING, data["uitzondering"])
        return [*W.say(P.NIET_GEHOORD, {**w, "reden": reden}), *filter(None, [value(data, "reasoning")])]
    lines = W.say(P.GEHOORD, w)
    named = [W.text(t.get("name")) for t in W.third_parties(letter)]
    if named:
        lines += W.say(P.GEHOORD_DERDEN, {**w, "derden": opsomming(named)})
    received = list(data.get("zienswijzen") or ()) if data.get("ontvangen") else []
    lines += [line for entry in received for line in _answered(entry, letter.recipient.id, w)]
    if not received:
        lines += W.say(P.NIET_ONTVANGEN, w)
    verwerkt = W.judgement(letter, "zienswijze_verwerkt")
    return lines + (W.say(P.VERWERKT, {**w, "reasoning": verwerkt}) if verwerkt else [])


def _answered(entry: Mapping[str, Any], recipient_id: int | None, w: Words) -> list[str]:
    received = W.day(entry.get("ontvangen_op"))
    values = {**w, "naam": value(entry, "naam"), "datum": datum(received) if received else "",
              "wijze": value(entry, "wijze"), "samenvatting": value(entry, "samenvatting"),
              "reactie": value(entry, "reactie")}
    own = recipient_id is not None and entry.get("betrokkene_id") == recipient_id
    return W.say([P.ZIENSWIJZE_EIGEN if own else P.ZIENSWIJZE_ANDER, P.REACTIE], values)


def unanswered(letter: LetterInput) -> list[str]:
    """The names of those whose zienswijze has no response yet (a besluit must answer each)."""
    data = letter.zienswijze or {}
    received = list(data.get("zienswijzen") or ()) if data.get("ontvangen") else []
    return [value(e, "naam") or "?" for e in received if not value(e, "reactie").strip()]
