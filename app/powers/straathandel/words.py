"""The words one straathandel letter is built from (pure): who is spoken to, the APV norm and its dictum, the
amounts, the looptijd and the area. Kept apart from letters.py so the dictum check can be tested on its own."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from app.domain.addressees import is_minor
from app.letters.formatting import bedrag, datum, periode
from app.letters.input import LetterInput
from app.powers.straathandel import phrases as P
from app.powers.straathandel.facts import APV_NORM, COUNTING, PER_DAG
from app.powers.straathandel.policy import proposal

_NORM_START = re.compile(r"^het is (?:een ieder |eenieder )?verboden zich (?P<rest>.+?)\.?$", re.IGNORECASE)
_MIRRORS = ("op te houden", "met het kennelijke doel")
# Wording that forbids buying or selling itself duplicates the Opiumwet and makes the order void (LJN BR1425).
_DUPLICATES = re.compile(r"\bgeen (drugs|verdovende middelen)\b|\b(drugs|verdovende middelen) (te )?(kopen|verkopen)\b",
                         re.IGNORECASE)
DICTUM_ERROR = ("Het dictum moet de APV-norm volgen: 'zich niet ... op te houden met het kennelijke doel ...'. Een "
                "verbod om drugs te kopen of te verkopen herhaalt de Opiumwet en houdt geen stand.")


def norm(letter: LetterInput) -> Mapping[str, Any]:
    found = letter.assessment.parameters.get(APV_NORM)
    return found.value if found is not None and isinstance(found.value, Mapping) else {}


def norm_rest(tekst: str) -> str | None:
    """What the norm forbids after "Het is verboden zich": "op of aan een weg ... op te houden met het kennelijke
    doel ..."; None when the norm is not worded as a ban on being present."""
    found = _NORM_START.match(" ".join(str(tekst).split()))
    return found.group("rest") if found else None


def check_dictum(text: str) -> str | None:
    """The dictum reproduces the APV norm (pitfall 1); a Dutch message when it does not."""
    low = " ".join(str(text).split()).casefold()
    if any(part not in low for part in _MIRRORS) or _DUPLICATES.search(low):
        return DICTUM_ERROR
    return None


def dictum_regel(letter: LetterInput, words: Mapping[str, str]) -> str:
    rest = norm_rest(norm(letter).get("tekst", "")) or ""
    template = P.DICTUM_NORM_VOORNEMEN if letter.outcome == "voornemen_last" else P.DICTUM_NORM
    return template.format(wie_obj=words["wie_obj"], rest=rest.rstrip(".") + ".")


def person(letter: LetterInput) -> Mapping[str, Any]:
    return letter.case_file.get("waargenomen_persoon") or {}


def birth(letter: LetterInput) -> date | None:
    born = person(letter).get("geboortedatum")
    if born in (None, ""):
        return None
    return born if isinstance(born, date) else date.fromisoformat(str(born))


def minor_on_sending(letter: LetterInput) -> bool:
    return is_minor(birth(letter), letter.verzenddatum)


def amounts(letter: LetterInput) -> tuple[Decimal, Decimal] | None:
    """The amount per violation and the maximum as drafted, else as the policy proposes them."""
    drafted = (letter.maatregel or {}).get("dwangsom")
    if drafted:
        return Decimal(str(drafted["bedrag"])), Decimal(str(drafted["maximum"]))
    proposed = (letter.maatregel or {}).get("voorstel") or proposal(letter.assessment)
    if proposed.get("dwangsom_bedrag_eur") is None:
        return None
    return Decimal(str(proposed["dwangsom_bedrag_eur"])), Decimal(str(proposed["dwangsom_maximum_eur"]))


def relatie(letter: LetterInput, naam: str | None = None) -> str:
    """"ouder" or "voogd" of the recipient (or of the named person with authority), as the case file records it."""
    for g in letter.case_file.get("gezaghebbenden") or ():
        if g.get("naam") == (naam or letter.recipient.naam):
            return P.RELATIE.get(g.get("relatie"), "ouder of voogd")
    return "ouder of voogd"


def words_for(letter: LetterInput) -> dict[str, str]:
    """Every placeholder a phrase may use, for this recipient (the parent reads the minor's name, not "u")."""
    naam = str(person(letter).get("naam") or "")
    parent = letter.recipient.rol == P.GEZAGHEBBENDE
    wie = naam if parent else "u"
    found = amounts(letter)
    counting = letter.assessment.parameters.get(COUNTING)
    apv = norm(letter)
    months = letter.duur or (letter.maatregel or {}).get("duur")
    return {
        "naam": naam, "wie": wie, "Wie": wie[:1].upper() + wie[1:], "wie_obj": wie, "stuk": P.STUK[letter.outcome],
        "relatie": relatie(letter), "artikel": str(apv.get("artikel") or "De regel"),
        "Artikel": str(apv.get("artikel") or "De regel")[:1].upper() + str(apv.get("artikel") or "De regel")[1:],
        "gebied": str(letter.case_file.get("scope_description") or apv.get("gebied") or "de gemeente Maastricht"),
        "bedrag": bedrag(found[0]) if found else "", "maximum": bedrag(found[1]) if found else "",
        "telwijze": P.TELWIJZE.get(str(counting.value) if counting else PER_DAG, P.TELWIJZE[PER_DAG]),
        "looptijd": periode(int(months), "months") if months else "",
        "van": _datum(letter.deadlines.get("ingangsdatum")), "tot": laatste_dag(letter.deadlines.get("vervaldatum")),
        "kan": "kunt" if wie == "u" else "kan", "is": "bent" if wie == "u" else "is",
    }


def laatste_dag(vervaldatum: Any) -> str:
    """The last day the order is in force, for "tot en met": the vervaldatum is the first day it no longer is
    (app/domain/forfeiture.py: ingangsdatum <= day < vervaldatum)."""
    if vervaldatum is None:
        return ""
    day = vervaldatum if isinstance(vervaldatum, date) else date.fromisoformat(str(vervaldatum)[:10])
    return datum(day - timedelta(days=1))


def _datum(value: Any) -> str:
    if value is None:
        return ""
    return datum(value if isinstance(value, date) else date.fromisoformat(str(value)[:10]))
