"""The Bibob letter kit (Wet Bibob; bibob.md §6): the art. 32 notice that advice was asked, the Awb 4:5 decision
not to process an incomplete application, the art. 33 voornemens to the aanvrager and to each named derde, and the
besluiten: weigering, intrekking, verlening with or without conditions.

The body that decides the permit writes the letter: the college in "wij", the burgemeester in "ik"
(LetterInput.orgaan), each with its own remedy clause. A named derde gets the voornemen and, after the hearing, the
besluit; his letters hold only his own part (letters_derde). Reasons are in letters_reasons and letters_facts, the
guards in letters_checks and letters_guard, the words in phrases, phrases_reasons, phrases_procedure and words.
Every value is plain text; render.py escapes it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from app.letters import paragraphs as L
from app.letters.input import LetterInput
from app.letters.manifest import Clause
from app.powers.bibob import letters_derde as D
from app.powers.bibob import letters_facts as T
from app.powers.bibob import letters_reasons as R
from app.powers.bibob import phrases as P
from app.powers.bibob import phrases_procedure as Q
from app.powers.bibob import words as W
from app.powers.bibob.letters_checks import errors

_A, _D = P.AANVRAGER, P.DERDE
_REASONS = ("inleiding", "dictum", "grondslag", "advies", "feiten", "motivering")
_HEARING = ("zienswijze", "geheimhouding", "afschrift_aan")
_DECIDED = ("zienswijzen", "geheimhouding", "rechtsmiddelen")
_CONDITIONS = ("voorschriften", "naleving")
KEYS: dict[tuple[str, str], tuple[str, ...]] = {
    ("mededeling_adviesaanvraag", _A): ("inleiding", "grondslag", "termijn", "vervolg"),
    ("buiten_behandeling", _A): ("inleiding", "dictum", "ontbreekt", "motivering", "rechtsmiddelen"),
    ("voornemen_weigering", _A): (*_REASONS, *_HEARING),
    ("voornemen_intrekking", _A): (*_REASONS, *_HEARING),
    ("voornemen_voorschriften", _A): (*_REASONS, *_CONDITIONS, *_HEARING),
    **{(o, _D): ("inleiding", "dictum", "uw_deel", "zienswijze", "geheimhouding") for o in W.VOORNEMENS},
    **{(o, _D): ("inleiding", "dictum", "uw_deel", "uw_zienswijze", "geheimhouding", "rechtsmiddelen")
       for o in W.HEARD},
    ("weigering", _A): (*_REASONS, *_DECIDED),
    ("intrekking", _A): (*_REASONS, *_DECIDED),
    ("verlening_met_voorschriften", _A): (*_REASONS, *_CONDITIONS, *_DECIDED),
    ("verlening", _A): ("inleiding", "dictum", "grondslag", "advies", "motivering", "rechtsmiddelen"),
}


class BibobLetters:
    """The kit (app/letters/kit.py) of the bibob power."""

    def addressee(self, rol: str) -> str:
        return P.ADDRESSEE[rol]

    def keys(self, outcome: str, addressee: str) -> frozenset[str]:
        return frozenset((*L.HEAD_KEYS, *KEYS[(outcome, addressee)]))

    def check(self, letter: LetterInput) -> dict[str, str]:
        """Refuse input a letter cannot be written from; every problem at once."""
        if (letter.outcome, P.ADDRESSEE.get(letter.recipient.rol)) not in KEYS:
            return {"outcome": "Voor deze uitkomst en ontvanger is geen brief."}
        return errors(letter)

    def context(self, letter: LetterInput, clauses: Mapping[str, Clause]) -> dict[str, object]:
        words = W.words_for(letter)
        addressee = P.ADDRESSEE[letter.recipient.rol]
        onderwerp = _onderwerp(letter, addressee).format_map(words)
        parts = _DERDE if addressee == _D else _PARTS
        return {**L.head(letter, onderwerp),
                **{k: parts[k](letter, words, clauses) for k in KEYS[(letter.outcome, addressee)]}}


def _onderwerp(letter: LetterInput, addressee: str) -> str:
    if addressee == _D:
        return P.ONDERWERP_DERDE if letter.outcome in W.VOORNEMENS else P.ONDERWERP_DERDE_BESLUIT
    return P.ONDERWERP[letter.outcome]


def _inleiding(letter: LetterInput, w: Mapping[str, str]) -> list[str]:
    if letter.outcome == "mededeling_adviesaanvraag":
        return W.say(Q.INLEIDING_MEDEDELING, w)
    return R.inleiding(letter, w)


def _grondslag(letter: LetterInput, w: Mapping[str, str]) -> list[str]:
    if letter.outcome == "mededeling_adviesaanvraag":
        return W.say(Q.GRONDSLAG_MEDEDELING, w)
    return R.grondslag(letter, w)


def _motivering(letter: LetterInput, w: Mapping[str, str]) -> list[str]:
    """The reasons; a verlening after a voornemen also answers the zienswijzen given on it."""
    if letter.outcome == "buiten_behandeling":
        return W.say(Q.MOTIVERING_BUITEN_BEHANDELING, w)
    lines = R.motivering(letter, w)
    if letter.outcome == "verlening" and letter.zienswijze:
        lines += D.zienswijzen(letter, w)
    return lines


def _ontbreekt(letter: LetterInput) -> list[str]:
    return [W.sentence(m) for m in W.case(letter, "bibob_form").get("missing") or () if W.text(m)]


def _rechtsmiddelen(letter: LetterInput, clauses: Mapping[str, Clause]) -> list[str]:
    """The remedy clause of the body that decides: bezwaar to the college or to the burgemeester."""
    return L.rechtsmiddelen(clauses, P.CLAUSE[W.body(letter)], letter)


Part = Callable[[LetterInput, Mapping[str, str], Mapping[str, Clause]], Any]
_PARTS: dict[str, Part] = {
    "inleiding": lambda lt, w, _: _inleiding(lt, w), "dictum": lambda lt, w, _: R.dictum(lt, w),
    "grondslag": lambda lt, w, _: _grondslag(lt, w), "advies": lambda lt, w, _: R.advies(lt, w),
    "feiten": lambda lt, w, _: T.feiten(lt, w), "motivering": lambda lt, w, _: _motivering(lt, w),
    "voorschriften": lambda lt, w, _: R.voorschriften(lt, w), "naleving": lambda lt, w, _: W.say(P.NALEVING, w),
    "zienswijze": lambda lt, w, _: D.zienswijze(lt, w), "zienswijzen": lambda lt, w, _: D.zienswijzen(lt, w),
    "geheimhouding": lambda lt, w, _: D.geheimhouding(lt, w), "afschrift_aan": lambda lt, w, _: D.afschrift_aan(lt, w),
    "termijn": lambda lt, w, _: W.say(Q.TERMIJN, w), "vervolg": lambda lt, w, _: W.say(Q.VERVOLG_MEDEDELING, w),
    "ontbreekt": lambda lt, w, _: _ontbreekt(lt), "rechtsmiddelen": lambda lt, w, c: _rechtsmiddelen(lt, c),
}
# The derde's letter: his own part only, never the aanvrager's reasons (no key of _REASONS but the core sentence).
_DERDE: dict[str, Part] = {
    "inleiding": lambda lt, w, _: D.derde_inleiding(lt, w), "dictum": lambda lt, w, _: D.derde_dictum(lt, w),
    "uw_deel": lambda lt, w, _: D.uw_deel(lt, w), "zienswijze": lambda lt, w, _: D.zienswijze(lt, w),
    "uw_zienswijze": lambda lt, w, _: D.uw_zienswijze(lt, w), "geheimhouding": lambda lt, w, _: D.geheimhouding(lt, w),
    "rechtsmiddelen": lambda lt, w, c: _rechtsmiddelen(lt, c),
}
