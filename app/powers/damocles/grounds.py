"""The legal basis a Damocles letter states: which ground of art. 13b lid 1 holds, and which norm was violated.

Read from the assessment (the rules that fired, with their dated titles) and the case file, so a letter
says "artikel 13b, eerste lid, aanhef en onder a" only where the law of the finding date has that
subdivision (lid 1 was split into a and b on 1 January 2019: the ruleset of an earlier date has no rule
about ground b at all).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.domain.assessment import NIET_BEVOEGD, Assessment
from app.letters.paragraphs import opsomming
from app.powers.damocles import phrases as P

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
    lists = dict.fromkeys(P.NORM[s.get("opiumwet_list")] for s in case_file.get("substances") or ()
                          if s.get("opiumwet_list") in P.NORM)
    return opsomming(lists)


def gebruikers_soort(case_file: Mapping[str, Any]) -> str:
    """"bedrijf" when a lokaal (or its yard) is closed or searched, else "woning": a business has no residents."""
    place = case_file.get("sluitobject") or case_file.get("premises_type")
    return "bedrijf" if place in P.BEDRIJF else "woning"
