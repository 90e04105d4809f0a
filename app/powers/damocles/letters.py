"""The Damocles letter kit: warning, voornemen and closure letters to residents and the rechthebbende.

The motivation follows letters.md §5 in order: the source document, the evidence of dealing, the reasoning
of the rules that fired, the recorded judgements, any Awb 4:84 deviation, and for the besluit the
zienswijze with the response. The owner's letter gets one neutral sentence instead of the reasoning about
the residents' household and the Awb 4:84 detail (letters.md §5 "Minimisation").
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from app.letters import paragraphs as L
from app.letters import phrases as G
from app.letters.formatting import datum, datum_met_dag, periode
from app.letters.input import LetterInput
from app.letters.manifest import Clause
from app.powers.damocles import phrases as P
from app.powers.damocles.found import aangetroffen, vondst

COMMON_KEYS = (*L.HEAD_KEYS, "inleiding", "feiten", "aangetroffen", "motivering")
OUTCOME_KEYS = {
    "waarschuwing": ("vervolg",),
    "voornemen_sluiting": ("dictum", "zienswijze_tot", "afschrift_aan"),
    "sluiting": ("dictum", "sluiting_van", "sluiting_tot", "begunstigingstermijn", "kosten", "rechtsmiddelen",
                 "afschrift_aan"),
}
# Deadlines each outcome prints; computed by domain/measures.py, never here.
_DEADLINES = {
    "waarschuwing": (),
    "voornemen_sluiting": ("zienswijze_tot",),
    "sluiting": ("begunstigingstermijn_tot", "ingangsdatum", "vervaldatum", "uiterlijke_reactiedatum"),
}
Builder = Callable[[LetterInput, Mapping[str, str], Mapping[str, Clause]], dict[str, object]]


class DamoclesLetters:
    """The kit (app/letters/kit.py) of the damocles power."""

    def addressee(self, rol: str) -> str:
        return P.ADDRESSEE[rol]

    def keys(self, outcome: str, addressee: str) -> frozenset[str]:
        return frozenset(COMMON_KEYS + OUTCOME_KEYS[outcome])

    def check(self, letter: LetterInput) -> dict[str, str]:
        """Refuse input a letter cannot be written from (letters must never show an empty field)."""
        errors: dict[str, str] = {}
        if letter.outcome not in OUTCOME_KEYS:
            errors["outcome"] = "Voor deze uitkomst is geen brief."
        if letter.recipient.rol not in P.ADDRESSEE:
            errors["recipient.rol"] = "Kies bewoner, overtreder of rechthebbende."
        if not letter.zaak_adresregels:
            errors["zaak_adresregels"] = "Het adres van het pand ontbreekt."
        return errors or _closure_errors(letter)

    def context(self, letter: LetterInput, clauses: Mapping[str, Clause]) -> dict[str, object]:
        words = _words(letter)
        context = _common(letter, words)
        context.update(_BUILDERS[letter.outcome](letter, words, clauses))
        return context


def _closure_errors(letter: LetterInput) -> dict[str, str]:
    errors: dict[str, str] = {}
    for key in _DEADLINES[letter.outcome]:
        value = letter.deadlines.get(key)
        if value is None or value <= letter.verzenddatum:
            errors[f"deadlines.{key}"] = "Vul een datum in die na de verzenddatum ligt."
    if letter.outcome != "waarschuwing" and not (letter.duur or 0) >= 1:
        errors["duur"] = "Vul de duur van de sluiting in."
    if letter.outcome == "sluiting" and not errors:
        d = letter.deadlines
        # Damocles §8.18: the closure starts after the begunstigingstermijn, so interim relief fits in.
        if not d["begunstigingstermijn_tot"] < d["ingangsdatum"] < d["vervaldatum"]:
            errors["deadlines"] = "De sluiting begint na de begunstigingstermijn en eindigt na de start."
        if letter.zienswijze is None:
            errors["zienswijze"] = "Leg de zienswijze vast, of waarom die niet is gevraagd."
    return errors


def _words(letter: LetterInput) -> dict[str, str]:
    """Values for the phrase placeholders."""
    d, lines = letter.deadlines, letter.zaak_adresregels
    obj = P.PREMISES_WOORDEN.get(letter.case_file.get("premises_type"), "het pand")
    words = {
        "straat": lines[0], "object": obj, "Object": obj[:1].upper() + obj[1:],
        "pand": f"{obj} aan {', '.join(lines)}", "datum": datum(letter.pleegdatum),
        "vondst": vondst(letter.case_file), "stuk": P.STUK[letter.outcome],
    }
    owner = letter.party("rechthebbende")
    words["eigenaar"] = (P.EIGENAAR_BEKEND if owner else P.EIGENAAR_ONBEKEND).format(
        object=obj, naam=owner.naam if owner else None)
    if letter.duur:
        words["periode"] = periode(letter.duur, "months")
    for key, name in (("ingangsdatum", "van"), ("vervaldatum", "tot"), ("begunstigingstermijn_tot", "termijn")):
        if d.get(key) is not None:
            words[name] = datum_met_dag(d[key])
    return words


def _addressee(letter: LetterInput) -> str:
    return P.ADDRESSEE[letter.recipient.rol]


def _common(letter: LetterInput, words: Mapping[str, str]) -> dict[str, object]:
    """Head, facts, motivation and signature."""
    found = aangetroffen(letter.case_file)
    return {
        **L.head(letter, P.ONDERWERP[letter.outcome].format_map(words)),
        "inleiding": [p.format_map(words) for p in P.INLEIDING[(letter.outcome, _addressee(letter))]],
        "feiten": [(P.FEITEN_MET_VONDST if found else P.FEITEN_ZONDER_VONDST).format_map(words)],
        "aangetroffen": found,
        "motivering": _motivering(letter, words),
    }


def _motivering(letter: LetterInput, words: Mapping[str, str]) -> list[str]:
    """All motivation paragraphs, in the order of letters.md §5."""
    paragraphs = [L.bron(letter, P.STUK[letter.outcome])]
    evidence = [L.label(P.HANDELSBEWIJS, e) for e in letter.case_file.get("dealing_evidence") or ()]
    if evidence:
        paragraphs.append(P.HANDEL.format(object=words["object"], bewijs=L.opsomming(evidence)))
    paragraphs += L.regels(letter)
    owner = _addressee(letter) == P.RECHTHEBBENDE
    paragraphs += L.oordelen(letter.judgements, P.OORDELEN, P.OORDELEN_PRIVE if owner else (),
                             P.OMSTANDIGHEDEN_GEWOGEN)
    if letter.afwijking_beleid:
        paragraphs.append(G.AFWIJKING)
        detail = letter.afwijking_beleid
        if not owner and not any(p.endswith(detail) for p in paragraphs):  # often bijzondere_omstandigheden
            paragraphs.append(detail)
    if letter.outcome == "sluiting":
        addressee = _addressee(letter)
        paragraphs += L.zienswijze(letter.zienswijze or {}, L.ZienswijzeWords(
            P.ZIENSWIJZE_GELEGENHEID[addressee], tuple(P.ZIENSWIJZE_ONTVANGEN[addressee]),
            P.ZIENSWIJZE_UITZONDERING[addressee]))
    return paragraphs


def _waarschuwing(letter: LetterInput, words: Mapping[str, str], _: Any) -> dict[str, object]:
    return {"vervolg": [p.format_map(words) for p in P.VERVOLG[_addressee(letter)]]}


def _voornemen(letter: LetterInput, words: Mapping[str, str], _: Any) -> dict[str, object]:
    dictum = [*P.DICTUM_VOORNEMEN, P.BINDT_VOORNEMEN[_addressee(letter)]]
    return {
        "dictum": [p.format_map(words) for p in dictum],
        "zienswijze_tot": datum_met_dag(letter.deadlines["zienswijze_tot"]),
        "afschrift_aan": _afschrift(letter, words),
    }


def _sluiting(letter: LetterInput, words: Mapping[str, str], clauses: Mapping[str, Clause]) -> dict[str, object]:
    addressee = _addressee(letter)
    dictum = [*P.DICTUM_SLUITING[addressee], *P.DICTUM_UITVOERING, P.BINDT[addressee]]
    return {
        "dictum": [p.format_map(words) for p in dictum],
        "sluiting_van": words["van"],
        "sluiting_tot": words["tot"],
        "begunstigingstermijn": words["termijn"],
        # The overtreder pays (Awb 5:25); others are told who does.
        "kosten": [p.format_map(words) for p in P.KOSTEN[letter.recipient.rol]],
        "rechtsmiddelen": L.rechtsmiddelen(clauses, P.CLAUSE[letter.outcome], letter),
        "afschrift_aan": _afschrift(letter, words),
    }


def _afschrift(letter: LetterInput, words: Mapping[str, str]) -> list[str]:
    """Copies: the other party of the same order, and for a besluit the police (awb-procedure.md §9.2)."""
    other = words["eigenaar"] if _addressee(letter) == "bewoner" else P.AFSCHRIFT_BEWONERS.format_map(words)
    return [other, P.AFSCHRIFT_POLITIE] if letter.outcome == "sluiting" else [other]


_BUILDERS: dict[str, Builder] = {"waarschuwing": _waarschuwing, "voornemen_sluiting": _voornemen,
                                 "sluiting": _sluiting}
