"""The facts in a Bibob letter to the aanvrager (pure): only those the jurist marked as needed for the reasons
(art. 28 lid 2 onder a Wet Bibob), each with its art. 3a character; a sepot with the body's own assessment of the
underlying facts (art. 3 lid 2 or 3); the relation route of art. 3 lid 4; and the marked findings of the own
investigation. A person other than the aanvrager is named only when he is a heard derde, anyone else by his role
(legal review, findings 1, 6 and 7). `w` is words.words_for(letter).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.letters.formatting import datum
from app.letters.input import LetterInput
from app.letters.paragraphs import label
from app.powers.bibob import phrases_reasons as F
from app.powers.bibob import words as W

Words = Mapping[str, str]


def feiten(letter: LetterInput, w: Words) -> list[str]:
    """The facts the reasons need, the relations that link them to the aanvrager, and the marked research."""
    facts = W.cited_facts(letter)
    strong = [f for f in facts if f.get("kind") in F.KARAKTER]
    sepot = [f for f in facts if f.get("kind") == F.SEPOT]
    lines = W.say(F.FEITEN_LEAD, w)
    if strong:
        lines += [F.FEITEN_3A, *(_fact(letter, f, w) for f in strong)]
    if sepot:
        lines += [F.SEPOT_LEAD, *(line for f in sepot for line in _sepot(letter, f, w))]
    lines += _relations(letter, facts, w)
    research = W.cited_research(letter)
    if research:
        lines += [F.ONDERZOEK_LEAD, *(_research(r) for r in research)]
    if facts or research:
        return lines
    anything = W.items(letter, "facts_3a") or W.items(letter, "own_research")
    return [*lines, *W.say(F.NIETS_GENOEMD if anything else F.GEEN_FEITEN, w)]


def _fact(letter: LetterInput, fact: Mapping[str, Any], w: Words) -> str:
    return F.FEIT.format(datum=when(fact), delict=W.text(fact.get("offence")).rstrip("."),
                         persoon=W.person(letter, fact.get("person"), w["aanvrager"]),
                         karakter=F.KARAKTER[str(fact["kind"])])


def _sepot(letter: LetterInput, fact: Mapping[str, Any], w: Words) -> list[str]:
    """The sepot, that it does not bar weighing the underlying facts, and the body's own assessment of them."""
    ground = W.GROUND_OF.get(W.danger(letter), "")
    values = {**w, "datum": when(fact), "delict": W.text(fact.get("offence")).rstrip("."),
              "persoon": W.person(letter, fact.get("person"), w["aanvrager"]),
              "soort": F.SEPOT_SOORT.get(str(fact.get("sepot_soort") or ""), F.SEPOT_ONBEKEND),
              "beoordeling": W.sentence(fact.get("beoordeling")), "lid": F.LID.get(ground, F.LID_ALGEMEEN)}
    return W.say(F.SEPOT_FEIT, values)


def _relations(letter: LetterInput, facts: list[Mapping[str, Any]], w: Words) -> list[str]:
    """Art. 3 lid 4: how someone named in the facts relates the aanvrager to them; a heard derde by name and role,
    anyone else by role only, each once."""
    found: list[str] = []
    for fact in facts:
        shown = W.person(letter, fact.get("person"), w["aanvrager"])
        role = W.role_of(letter, W.text(fact.get("person")))
        if shown == "u":
            continue
        if shown == W.text(fact.get("person")) and role:
            line = F.RELATIE.format(persoon=shown, rol=label(F.ROL, role), bedrijf=w["bedrijf"])
        else:
            line = F.RELATIE_ROL.format(persoon=shown)
        found += [line] if line not in found else []
    return found


def _research(found: Mapping[str, Any]) -> str:
    return F.ONDERZOEK.format(datum=when(found), bron=label(F.BRON, found.get("source")),
                              bevinding=W.sentence(found.get("finding")))


def when(found: Mapping[str, Any]) -> str:
    when = W.day(found.get("date"))
    shown = datum(when) if when else "datum onbekend"
    return shown[:1].upper() + shown[1:]
