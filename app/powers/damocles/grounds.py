"""The legal basis a Damocles letter states: which ground of art. 13b lid 1 holds, and which norm was violated.

Read from the assessment (the rules that fired, with their dated titles) and the case file, so a letter
says "artikel 13b, eerste lid, aanhef en onder a" only where the law of the finding date has that
subdivision (lid 1 was split into a and b on 1 January 2019: the ruleset of an earlier date has no rule
about ground b at all).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from babel.numbers import format_decimal

from app.domain.assessment import NIET_BEVOEGD, Assessment, ParameterValue
from app.letters.formatting import LOCALE
from app.letters.paragraphs import opsomming
from app.powers.damocles import phrases as P

# The provisions that prohibit the find: selling, delivering, providing (onder B) and having it for that (onder C).
NORM = {"lijst_i": "artikel 2, aanhef en onder B en C, van de Opiumwet",
        "lijst_ia": "artikel 2, aanhef en onder B en C, van de Opiumwet",
        "lijst_ii": "artikel 3, aanhef en onder B en C, van de Opiumwet"}
# A substance designated under art. 3a lid 5 is prohibited through the article of the list it mirrors.
NORM_AANGEWEZEN = {
    "lijst_i": "artikel 2, aanhef en onder B en C, in samenhang met artikel 3a, vijfde lid, van de Opiumwet",
    "lijst_ii": "artikel 3, aanhef en onder B en C, in samenhang met artikel 3a, vijfde lid, van de Opiumwet",
    None: "artikel 2 of 3 in samenhang met artikel 3a, vijfde lid, van de Opiumwet"}
# The presumption of dealing: the quantity found, the threshold used and where it is laid down.
VERMOEDEN = ("{hoeveelheid}. Dat is meer dan {grens}, de grens voor eigen gebruik. Bij meer dan die grens mag "
             "ik aannemen dat de drugs er waren om te verkopen.")
VERMOEDEN_BRON = "Die grens staat in {bron}."
GRENS_EENHEID = {"g": ("gram", "gram"), "ml": ("milliliter", "milliliter"), "stuks": ("stuk", "stuks"),
                 "planten": ("plant", "planten")}
HOEVEELHEID = {
    "max_hard_substance_g": "Er lag {feit} gram van één soort harddrug",
    "hard_drugs_g": "Aan harddrugs lag in totaal {feit} gram",
    "hard_drugs_units": "Er lagen {feit} pillen of andere stuks harddrugs",
    "max_soft_substance_g": "Er lag {feit} gram van één soort softdrug",
    "soft_drugs_g": "Aan softdrugs lag in totaal {feit} gram",
    "cannabis_plants": "Er stonden {feit} hennepplanten of stekken",
    "lijst_ia_g": "Van lijst IA lag {feit} gram",
    "lijst_ia_units": "Van lijst IA lagen {feit} pillen of andere stuks",
    "lachgas_units": "Er lagen {feit} lachgaspatronen of -cilinders",
}
_ARTICLE = "13b lid 1"
_GROUND_B = "onder b"
_KINDS = ("bevoegdheid", "oordeel")


def _titles(entries: Any) -> list[str]:
    return [str((e.legal_basis or {}).get("title", "")) for e in entries]


def bevoegdheid(assessment: Assessment) -> str | None:
    """"a", "b", or "" (before lid 1 had subdivisions) for the ground that holds; None without a ground."""
    holding = [e for e in assessment.fired if e.kind in _KINDS and e.value != NIET_BEVOEGD]
    titles = [t for t in _titles(holding) if _ARTICLE in t]
    if not titles:
        return None
    split = any(_GROUND_B in t for t in _titles((*assessment.fired, *assessment.not_fired)))
    if not split:
        return ""
    return "b" if all(_GROUND_B in t for t in titles) else "a"


def norm(case_file: Mapping[str, Any], ground: str) -> str:
    """The provisions of the Opiumwet that the find violates: art. 2 or 3 (drugs), or the objects' article."""
    if ground == "b":
        bases = dict.fromkeys(o.get("basis") for o in case_file.get("objects_13b_1b") or ())
        return opsomming(P.VOORWERP_GRONDSLAG[b] for b in bases if b in P.VOORWERP_GRONDSLAG)
    lists = dict.fromkeys(_norm(s) for s in case_file.get("substances") or ())
    return opsomming(n for n in lists if n)


def _norm(substance: Mapping[str, Any]) -> str:
    if substance.get("opiumwet_list") == "art_3a_lid_5":
        return NORM_AANGEWEZEN[substance.get("mirrors_list")]
    return NORM.get(str(substance.get("opiumwet_list")), "")


def vermoeden(assessment: Assessment) -> list[str]:
    """The presumption of dealing as a court reads it: the quantity found, the threshold for personal use that
    it exceeds and where that threshold is laid down (ECLI:NL:RVS:2023:1698). One sentence per threshold."""
    paragraphs, seen = [], set()
    for entry in assessment.fired:
        if entry.kind != "bevoegdheid":
            continue
        for name, param in entry.parameters.items():
            fact = next((f for f in entry.facts if f in HOEVEELHEID), None)
            if fact is None or name in seen:
                continue
            seen.add(name)
            paragraphs.append(_vermoeden(HOEVEELHEID[fact].format(feit=_getal(entry.facts[fact])), param))
    return paragraphs


def _vermoeden(hoeveelheid: str, param: ParameterValue) -> str:
    singular, plural = GRENS_EENHEID.get(param.unit, (param.unit, param.unit))
    grens = f"{_getal(param.value)} {singular if param.value == 1 else plural}"
    text = VERMOEDEN.format(hoeveelheid=hoeveelheid, grens=grens)
    return f"{text} {VERMOEDEN_BRON.format(bron=param.citation)}" if param.citation else text


def _getal(value: object) -> str:
    return format_decimal(value, locale=LOCALE)


def gebruikers_soort(case_file: Mapping[str, Any]) -> str:
    """"bedrijf" when a lokaal (or its yard) is closed or searched, else "woning": a business has no residents."""
    place = case_file.get("sluitobject") or case_file.get("premises_type")
    return "bedrijf" if place in P.BEDRIJF else "woning"
