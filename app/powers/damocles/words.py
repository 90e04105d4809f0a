"""The words a Damocles letter fills its phrases with (pure): the place, what is closed, who the order is
addressed to, the dates, and the voornemen a besluit was heard on."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.letters.formatting import datum, datum_met_dag, periode
from app.letters.input import LetterInput
from app.powers.damocles import phrases as P
from app.powers.damocles.found import vondst
from app.powers.damocles.grounds import gebruikers_soort


def words_for(letter: LetterInput) -> dict[str, str]:
    """Values for the phrase placeholders."""
    d, case = letter.deadlines, letter.case_file
    lines = tuple(" ".join(line.split()) for line in letter.zaak_adresregels)  # running text: single spaces
    obj = P.PREMISES_WOORDEN.get(case.get("premises_type"), "het pand")
    naam = f" {case['naam_inrichting']}" if case.get("naam_inrichting") else ""
    gebruikers = P.GEBRUIKERS[gebruikers_soort(case)]
    voorzetsel = P.VOORZETSEL.get(case.get("premises_type"), "in")  # "op het erf", otherwise "in"
    words = {
        "straat": lines[0], "object": obj, "Object": obj[:1].upper() + obj[1:],
        "pand": f"{obj}{naam} aan {', '.join(lines)}", "datum": datum(letter.pleegdatum),
        "in_object": f"{voorzetsel} {obj}", "in_pand": f"{voorzetsel} {obj}{naam} aan {', '.join(lines)}",
        "vondst": vondst(case), "stuk": P.STUK[letter.outcome], "gebruikers": gebruikers,
        "gebruikers_hoofd": gebruikers[:1].upper() + gebruikers[1:], **_addressee_of_the_order(letter),
        "voornemen_datum": _voornemen_datum(letter),
        "bron": letter.melding_bron, "behandeld_door": letter.behandeld_door,
    }
    words.update(_sluitobject(case, lines))
    owner = letter.party("rechthebbende")
    words["eigenaar"] = (P.EIGENAAR_BEKEND if owner else P.EIGENAAR_ONBEKEND).format(
        object=words.get("gesloten", words["object"]), naam=owner.naam if owner else None)
    if letter.duur:
        words["periode"] = periode(letter.duur, "months")
    for key, name in (("ingangsdatum", "van"), ("vervaldatum", "tot"), ("begunstigingstermijn_tot", "termijn")):
        if d.get(key) is not None:
            words[name] = datum_met_dag(d[key])
    if "van" in words and case.get("sluiting_aanvang"):
        words["van"] += f" om {case['sluiting_aanvang'].replace(':', '.')} uur"
    return words


def _sluitobject(case: Mapping[str, Any], lines: tuple[str, ...]) -> dict[str, str]:
    """What is closed, with its address and BAG id: "de woning met het erf erbij aan X (BAG-identificatie ...)"."""
    gesloten = P.SLUITOBJECT_WOORDEN.get(case.get("sluitobject")) or P.PREMISES_WOORDEN.get(
        case.get("premises_type"), "het pand")  # a warning closes nothing: the place itself
    text = gesloten + (f" {case['naam_inrichting']}" if case.get("naam_inrichting") else "")
    text += f" aan {', '.join(lines)}"
    found = {"sluitpand": text, "gesloten": gesloten}  # the order alone also names the BAG id
    if case.get("sluitobject_bag_id"):
        text += P.BAG.format(bag=case["sluitobject_bag_id"])
    return {**found, "sluitobject": text, "Sluitobject": text[:1].upper() + text[1:]}


def _addressee_of_the_order(letter: LetterInput) -> dict[str, str]:
    """How the letter names the overtreder the order is addressed to: "u" in his own letter, his name (or "de
    overtreder" when unknown) in the others."""
    own, named = letter.recipient.rol == "overtreder", _overtreder(letter)
    known = named != "de overtreder"
    return {"overtreder": named, "aan": "u" if own else named, "wie": "u" if own else "de overtreder",
            "Onderwerp": "U" if own else (named if known else named.capitalize()),
            "de_overtreder": f"de overtreder ({named})" if known else "de overtreder"}


def _overtreder(letter: LetterInput) -> str:
    """The overtreder the order is addressed to, by name (the same in every addressee's letter)."""
    if letter.recipient.rol == "overtreder":
        return letter.recipient.naam
    found = letter.party("overtreder")
    return found.naam if found else "de overtreder"


def _voornemen_datum(letter: LetterInput) -> str:
    found = (letter.zienswijze or {}).get("voornemen_datum")
    return datum(found) if found else ""


def verkoop_vastgesteld(letter: LetterInput) -> bool:
    return bool(letter.assessment.facts.get("sale_established"))
