"""The ouderbrief letter kit: one information letter to each person with parental authority, at their own
address (the procedure's recipients); the child never receives it.

`check` refuses a letter the law or the domain rules do not allow: the child is eighteen on the sending
date (O1: "turns 18 before sending"), a repeated letter without an earlier one, or a recipient who is not
a person with authority. The context never carries the group code, other children or the judgements.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date, timedelta
from typing import Any

from app.domain.errors import FactsRejected
from app.letters import paragraphs as L
from app.letters.formatting import datum
from app.letters.input import LetterInput
from app.letters.manifest import Clause
from app.powers.ouderbrief import phrases as P
from app.powers.ouderbrief.facts import age_on, incident_date

HEAD = L.HEAD_KEYS
OUTCOMES = ("ouderbrief", "ouderbrief_herhaald")
BODY = ("inleiding", "gebeurd", "waarom", "verzoek", "vervolg", "contact")
KEYS: dict[tuple[str, str], tuple[str, ...]] = {(o, P.GEZAGHEBBENDE): (*HEAD, *BODY) for o in OUTCOMES}
MAJORITY, CONTACT = "meerderjarigheid_jaren", "oov_contact"
INFORMATIE_172B = "gemw_172b"  # the rules' finding that the letter may mention art. 172b


class OuderbriefLetters:
    """The kit (app/letters/kit.py) of the ouderbrief power."""

    def addressee(self, rol: str) -> str:
        return rol

    def keys(self, outcome: str, addressee: str) -> frozenset[str]:
        return frozenset(KEYS[(outcome, addressee)])

    def check(self, letter: LetterInput) -> dict[str, str]:
        """Problems that make the letter impossible, by field (Dutch)."""
        if (letter.outcome, letter.recipient.rol) not in KEYS:
            return {"outcome": "Alleen een ouder of voogd met gezag krijgt deze brief."}
        case = letter.case_file
        try:
            age = age_on(case, letter.verzenddatum)
            incident_date(case)
        except FactsRejected as problem:
            return dict(problem.errors)
        errors: dict[str, str] = {}
        majority = letter.assessment.parameters.get(MAJORITY)
        if majority is None or age >= int(majority.value):
            errors["verzenddatum"] = ("Het kind is op de verzenddatum achttien jaar of ouder (het wordt vóór "
                                      "verzending achttien). Een brief aan de ouders kan dan niet meer.")
        if letter.outcome == "ouderbrief_herhaald" and _earlier(letter) is None:
            errors["soort"] = "Er is geen eerdere brief over dit kind; kies de gewone brief aan de ouders."
        if not str(case.get("incident_place") or "").strip():
            errors["case_file.incident_place"] = "De plaats van het incident ontbreekt."
        return errors

    def context(self, letter: LetterInput, clauses: Mapping[str, Clause]) -> dict[str, object]:
        words = _words(letter)
        head = L.head(letter, P.ONDERWERP[letter.outcome].format_map(words))
        return {**head, **{k: _PARTS[k](letter, words) for k in BODY}}


def _relation(letter: LetterInput) -> str:
    """How this recipient relates to the child: a guardian reads "het kind", a parent "uw kind"."""
    name = letter.recipient.naam.strip().casefold()
    for person in letter.case_file.get("gezaghebbenden") or ():
        if str(person.get("naam", "")).strip().casefold() == name:
            return "voogd" if person.get("relatie") == "voogd" else "ouder"
    return "ouder"


def _earlier(letter: LetterInput) -> date | None:
    """The date of the most recent earlier letter that counts (the assessment's derived facts)."""
    facts = letter.assessment.facts
    if not facts.get("earlier_letter_in_interval"):
        return None
    return letter.assessment.peildatum - timedelta(days=int(facts.get("days_since_last_letter") or 0))


def _words(letter: LetterInput) -> dict[str, str]:
    case, relation = letter.case_file, _relation(letter)
    contact = letter.assessment.parameters.get(CONTACT)
    team = dict(contact.value) if contact is not None else {}
    earlier, place = _earlier(letter), str(case.get("incident_place") or "")
    return {
        "naam": str((case.get("child") or {}).get("naam", "")), "kind": P.KIND[relation], "relatie": relation,
        "datum": datum(incident_date(case)), "soort": P.SOORT.get(case.get("incident_type"), P.SOORT["overig"]),
        "plaats": _in_sentence(place), **_place(letter.zaak_adresregels, place),
        "bron": P.BRON.get(case.get("incident_source"), P.BRON["politie"]),
        "eerder": datum(earlier) if earlier else "", "kenmerk": letter.kenmerk,
        "team": str(team.get("team", "team Openbare Orde en Veiligheid")), "telefoon": str(team.get("telefoon", "")),
    }


def _place(lines: tuple[str, ...], place: str) -> dict[str, str]:
    """The incident's street and town without house number or postcode ("Proefstraat 1", "6200 ZZ  Maastricht"
    give "Proefstraat" and "Proefstraat, Maastricht"): the place may be someone's home (AVG art. 5(1)(c)).
    A place that already names the street ("In de Proefstraat") is followed by the town only."""
    street = re.split(r"\s+\d", lines[0].strip(), maxsplit=1)[0] if lines else ""
    town = re.sub(r"^\d{4}\s*[A-Za-z]{2}\s+", "", " ".join(lines[1].split())) if len(lines) > 1 else ""
    named = bool(street) and street.casefold() in place.casefold()
    return {"straat": street, "adres": ", ".join(part for part in (None if named else street, town) if part)}


def _in_sentence(text: str) -> str:
    """The place as the continuation of a sentence: "Bij de speeltuin." reads "bij de speeltuin"."""
    text = text.strip().rstrip(".")
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _filled(lines: list[str], words: Mapping[str, str]) -> list[str]:
    return [line.format_map(words) for line in lines]


def _inleiding(letter: LetterInput, words: Mapping[str, str]) -> list[str]:
    lines = [P.AANLEIDING[words["relatie"]], *P.INLEIDING]
    if letter.outcome == "ouderbrief_herhaald":
        lines.insert(1, P.EERDERE_BRIEF)
    return _filled(lines, words)


def _vervolg(letter: LetterInput, _words: Mapping[str, str]) -> list[str]:
    """Next steps as information, only those that fit the child's age at the incident: Halt from twelve,
    172b where the rules found the child under twelve, the parents' liability (BW 6:169) below sixteen."""
    age = age_on(letter.case_file, incident_date(letter.case_file))
    under_twelve = any(e.value == INFORMATIE_172B for e in letter.assessment.fired)
    liability = P.AANSPRAKELIJK_14 if age < 14 else P.AANSPRAKELIJK_16 if age < 16 else None
    lines = [P.HALT if age >= 12 else None, P.GEBIEDSVERBOD, P.VERVOLG_172B if under_twelve else None,
             P.DWANGSOM, liability]
    return [line for line in lines if line]


Part = Callable[[LetterInput, Mapping[str, str]], Any]
_PARTS: dict[str, Part] = {
    "inleiding": _inleiding, "gebeurd": lambda lt, w: _filled(P.GEBEURD, w),
    "waarom": lambda lt, w: _filled(P.WAAROM, w), "verzoek": lambda lt, w: _filled(P.VERZOEK, w),
    "vervolg": _vervolg, "contact": lambda lt, w: _filled(P.CONTACT, w),
}
