"""Build the flat context of one letter (pure): what the template prints, and nothing more.

Keys are flat and top-level, because docxtpl reports top-level names only (letters.md §2); lists hold
paragraphs. Dates are written out in Dutch and periods in words (formatting.py). Only the manifest's
required keys reach the renderer; `context_keys(outcome)` lists what this module produces, so tests can
check that every template's keys are covered.

Damocles is the only power with letters so far; its words live in phrases.py.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.domain.assessment import Assessment
from app.domain.errors import InvalidInput
from app.letters import motivation
from app.letters import phrases as P
from app.letters.formatting import datum, datum_met_dag, periode
from app.letters.manifest import Clause, default_clauses

COMMON_KEYS = ("kenmerk", "verzenddatum", "datum_brief", "onderwerp", "behandeld_door", "adresregels",
               "aanhef", "inleiding", "feiten", "aangetroffen", "motivering", "ondertekening")
OUTCOME_KEYS = {
    "waarschuwing": ("vervolg",),
    "voornemen_sluiting": ("dictum", "zienswijze_tot", "afschrift_aan"),
    "sluiting": ("dictum", "sluiting_van", "sluiting_tot", "begunstigingstermijn", "kosten", "rechtsmiddelen",
                 "afschrift_aan"),
}
# Deadlines each outcome prints; computed by domain/deadlines.py, never here.
_DEADLINES = {
    "waarschuwing": (),
    "voornemen_sluiting": ("zienswijze_tot",),
    "sluiting": ("begunstigingstermijn_tot", "sluiting_van", "sluiting_tot", "bezwaar_tot"),
}


@dataclass(frozen=True)
class Recipient:
    """The addressee. `adresregels` are the NEN 5825 address lines without the name."""

    naam: str
    rol: str  # bewoner | overtreder | rechthebbende
    adresregels: tuple[str, ...]
    aanhef: str | None = None  # from BRP adressering; a neutral salutation when absent


@dataclass(frozen=True)
class LetterInput:
    """Everything one letter needs, filled by the services from the zaak, the beslissing and the recipient.

    `deadlines` holds dates: zienswijze_tot, begunstigingstermijn_tot (last day to leave), sluiting_van
    (first day closed), sluiting_tot (the day it may reopen) and bezwaar_tot. `judgements` maps a code to
    {outcome, reasoning, recorded_by} or a Recorded. `zienswijze` is None, {ontvangen, samenvatting,
    reactie} or {uitzondering: Awb 4:11 code, reasoning}. `melding_gegevens` is the Damocles case file
    (docs/contracts.md): the substances, objects and attributes found, for the facts section.
    """

    power: str
    outcome: str  # waarschuwing | voornemen_sluiting | sluiting
    kenmerk: str
    verzenddatum: date
    recipient: Recipient
    premises_adresregels: tuple[str, ...]
    premises_omschrijving: str  # e.g. "de woning"
    melding_bron: str  # e.g. "bestuurlijke rapportage van de politie"
    melding_kenmerk: str
    melding_datum: date
    finding_date: date
    assessment: Assessment
    judgements: Mapping[str, Any]
    ondertekening: tuple[str, ...]
    behandeld_door: str
    zienswijze: Mapping[str, Any] | None = None
    sluiting_maanden: int | None = None
    deadlines: Mapping[str, date | None] = field(default_factory=dict)
    rechthebbende_naam: str | None = None
    afwijking_beleid: str | None = None
    melding_gegevens: Mapping[str, Any] = field(default_factory=dict)


def context_keys(outcome: str) -> frozenset[str]:
    """The keys build_context produces for an outcome."""
    return frozenset(COMMON_KEYS + OUTCOME_KEYS[outcome])


def required_keys_by_outcome() -> dict[str, frozenset[str]]:
    """context_keys for every outcome (tests check each manifest entry against it)."""
    return {outcome: context_keys(outcome) for outcome in OUTCOME_KEYS}


def addressee_for(rol: str) -> str:
    """The template addressee for a recipient role: residents and overtreders read the resident's letter."""
    return P.ADDRESSEE[rol]


def build_context(letter: LetterInput, clauses: Mapping[str, Clause] | None = None) -> dict[str, object]:
    """The flat context for one letter.

    Raises:
        InvalidInput: unknown power, outcome or role, or a missing or contradictory date or period.
    """
    check(letter)
    words = _words(letter)
    context = _common(letter, words)
    context.update(_BUILDERS[letter.outcome](letter, words, clauses))
    return context


def check(letter: LetterInput) -> None:
    """Refuse input a letter cannot be written from (letters must never show an empty field)."""
    errors: dict[str, str] = {}
    if letter.power != "damocles":
        errors["power"] = "Voor deze bevoegdheid zijn nog geen brieven."
    if letter.outcome not in OUTCOME_KEYS:
        errors["outcome"] = "Voor deze uitkomst is geen brief."
    if letter.recipient.rol not in P.ADDRESSEE:
        errors["recipient.rol"] = "Kies bewoner, overtreder of rechthebbende."
    if not letter.premises_adresregels:
        errors["premises_adresregels"] = "Het adres van het pand ontbreekt."
    if errors:
        raise InvalidInput(errors)
    errors.update(_check_closure(letter))
    if errors:
        raise InvalidInput(errors)


def _check_closure(letter: LetterInput) -> dict[str, str]:
    errors: dict[str, str] = {}
    for key in _DEADLINES[letter.outcome]:
        value = letter.deadlines.get(key)
        if value is None or value <= letter.verzenddatum:
            errors[f"deadlines.{key}"] = "Vul een datum in die na de verzenddatum ligt."
    if letter.outcome != "waarschuwing" and not (letter.sluiting_maanden or 0) >= 1:
        errors["sluiting_maanden"] = "Vul de duur van de sluiting in."
    if letter.outcome == "sluiting" and not errors:
        d = letter.deadlines
        # Damocles §8.18: the closure starts after the begunstigingstermijn, so interim relief fits in.
        if not d["begunstigingstermijn_tot"] < d["sluiting_van"] < d["sluiting_tot"]:
            errors["deadlines"] = "De sluiting begint na de begunstigingstermijn en eindigt na de start."
        if letter.zienswijze is None:
            errors["zienswijze"] = "Leg de zienswijze vast, of waarom die niet is gevraagd."
    return errors


def _words(letter: LetterInput) -> dict[str, str]:
    """Values for the phrase placeholders."""
    d = letter.deadlines
    obj = letter.premises_omschrijving.strip()
    words = {
        "straat": letter.premises_adresregels[0], "object": obj, "Object": obj[:1].upper() + obj[1:],
        "pand": f"{obj} aan {', '.join(letter.premises_adresregels)}", "datum": datum(letter.finding_date),
        "melding_datum": datum(letter.melding_datum), "vondst": motivation.vondst(letter.melding_gegevens),
        "stuk": P.STUK[letter.outcome],
    }
    words["eigenaar"] = (P.EIGENAAR_BEKEND if letter.rechthebbende_naam else P.EIGENAAR_ONBEKEND).format(
        object=obj, naam=letter.rechthebbende_naam)
    if letter.sluiting_maanden:
        words["periode"] = periode(letter.sluiting_maanden, "months")
    dates = (("sluiting_van", "van"), ("sluiting_tot", "tot"), ("begunstigingstermijn_tot", "termijn"))
    for key, name in dates:
        if d.get(key) is not None:
            words[name] = datum_met_dag(d[key])
    return words


def _addressee(letter: LetterInput) -> str:
    return P.ADDRESSEE[letter.recipient.rol]


def _common(letter: LetterInput, words: Mapping[str, str]) -> dict[str, object]:
    """Keys every letter has: head, facts, motivation and signature."""
    recipient = letter.recipient
    return {
        "kenmerk": letter.kenmerk,
        "verzenddatum": letter.verzenddatum.isoformat(),  # for the core properties, not printed
        "datum_brief": datum(letter.verzenddatum),
        "onderwerp": P.ONDERWERP[letter.outcome].format_map(words),
        "behandeld_door": letter.behandeld_door,
        "adresregels": [recipient.naam, *recipient.adresregels],
        "aanhef": recipient.aanhef or P.AANHEF,
        "inleiding": [p.format_map(words) for p in P.INLEIDING[(letter.outcome, _addressee(letter))]],
        "feiten": motivation.feiten(letter, words),
        "aangetroffen": motivation.aangetroffen(letter.melding_gegevens),
        "motivering": motivation.motivering(letter, words, P.STUK[letter.outcome]),
        "ondertekening": list(letter.ondertekening),
    }


def _waarschuwing(letter: LetterInput, words: Mapping[str, str], _: Any) -> dict[str, object]:
    return {"vervolg": [p.format_map(words) for p in P.VERVOLG[_addressee(letter)]]}


def _voornemen(letter: LetterInput, words: Mapping[str, str], _: Any) -> dict[str, object]:
    dictum = [*P.DICTUM_VOORNEMEN, P.BINDT_VOORNEMEN[_addressee(letter)]]
    return {
        "dictum": [p.format_map(words) for p in dictum],
        "zienswijze_tot": datum_met_dag(letter.deadlines["zienswijze_tot"]),
        "afschrift_aan": _afschrift(letter, words),
    }


def _sluiting(letter: LetterInput, words: Mapping[str, str], clauses: Any) -> dict[str, object]:
    addressee = _addressee(letter)
    dictum = [*P.DICTUM_SLUITING[addressee], *P.DICTUM_UITVOERING, P.BINDT[addressee]]
    clause = (clauses if clauses is not None else default_clauses())[P.CLAUSE[letter.outcome]]
    kosten_for = letter.recipient.rol  # the overtreder pays (Awb 5:25); others are told who does
    return {
        "dictum": [p.format_map(words) for p in dictum],
        "sluiting_van": words["van"],
        "sluiting_tot": words["tot"],
        "begunstigingstermijn": words["termijn"],
        "kosten": [p.format_map(words) for p in P.KOSTEN[kosten_for]],
        "rechtsmiddelen": clause.fill(datum_met_dag(letter.deadlines["bezwaar_tot"])),
        "afschrift_aan": _afschrift(letter, words),
    }


def _afschrift(letter: LetterInput, words: Mapping[str, str]) -> list[str]:
    """Copies: the other party of the same order, and for a besluit the police (awb-procedure.md §9.2)."""
    other = words["eigenaar"] if _addressee(letter) == "bewoner" else P.AFSCHRIFT_BEWONERS.format_map(words)
    return [other, P.AFSCHRIFT_POLITIE] if letter.outcome == "sluiting" else [other]


_BUILDERS: dict[str, Callable[[LetterInput, Mapping[str, str], Any], dict[str, object]]] = {
    "waarschuwing": _waarschuwing,
    "voornemen_sluiting": _voornemen,
    "sluiting": _sluiting,
}
