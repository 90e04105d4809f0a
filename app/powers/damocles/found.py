"""What a Damocles letter says was found: substances, objects for drug crime and dealing attributes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from babel.numbers import format_decimal

from app.letters.formatting import LOCALE
from app.letters.paragraphs import label
from app.powers.damocles import phrases as P


def _stof(item: Mapping[str, Any]) -> str:
    """One substance: "2 gram cocaïne (harddrugs, lijst I van de Opiumwet)"."""
    name = str(item.get("name", "")).strip()
    lijst = label(P.LIJST, "lachgas" if item.get("soort") == "lachgas" else item.get("opiumwet_list"))
    quantity = item.get("quantity")
    if quantity is None:
        return f"{name} ({lijst})"
    unit = str(item.get("unit"))
    singular, plural = P.EENHEID.get(unit, (unit, unit))
    amount = format_decimal(quantity, locale=LOCALE)
    if singular.lower() in name.lower():  # "6 hennepplanten", not "6 planten hennepplanten"
        if quantity == 1 and name.lower().endswith(plural.lower()) and plural != singular:
            name = name[: -len(plural)] + singular  # "1 hennepplant"
        return f"{amount} {name} ({lijst})"
    return f"{amount} {singular if quantity == 1 else plural} {name} ({lijst})"


def aangetroffen(case_file: Mapping[str, Any]) -> list[str]:
    """What was found, one bullet each: substances, objects (lid 1 sub b) and dealing attributes."""
    items = [_stof(s) for s in case_file.get("substances") or ()]
    items += [f"{o.get('description', '')} ({label(P.VOORWERP_GRONDSLAG, o.get('basis'))})"
              for o in case_file.get("objects_13b_1b") or ()]
    items += [label(P.ATTRIBUUT, a) for a in case_file.get("attributes_found") or ()]
    return items


def vondst(case_file: Mapping[str, Any]) -> str:
    """"drugs", or another word when only objects for drug crime were found (lid 1 sub b)."""
    if case_file.get("objects_13b_1b") and not case_file.get("substances"):
        return P.VONDST_VOORWERPEN
    return P.VONDST_DRUGS
