"""The facts paragraphs of a straathandel letter (Awb 5:9): per observation, when, where, by whom, what was seen
and which substance, as the report records it; then the role. Text from the report comes out verbatim."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from app.letters import paragraphs as L
from app.letters.formatting import bedrag, datum, getal_in_woorden, tijdstip
from app.letters.input import LetterInput
from app.powers.straathandel import phrases as P
from app.powers.straathandel.facts import observations

MAX_WORDS = 20  # numbers up to twenty in words (B1), larger ones in figures


def feiten(letter: LetterInput, words: Mapping[str, str], day: date | None = None) -> list[str]:
    """Every observation of the report (or only those of `day`), the source on oath, and the role."""
    paragraphs: list[str] = []
    for seen in observations(letter.case_file):
        if day is None or seen["at"].date() == day:
            paragraphs += waarneming(seen, words, next(iter(letter.zaak_adresregels), ""))
    paragraphs.append(P.AMBTSEED.format(bron=letter.melding_bron, kenmerk=letter.melding_kenmerk))
    role = letter.case_file.get("dealing_role")
    if role in P.ROL:
        paragraphs.append(P.ROL[role].format(Wie=words["Wie"], wie_obj=words["wie_obj"]))
    return paragraphs


def plaats(seen: Mapping[str, Any], adres: str = "") -> str:
    """Where, as Awb 5:9 asks: the street of the report and the officer's description ("Verzinselplein 1, bij
    de bank"); a description in mid-sentence starts in lower case unless it is an abbreviation."""
    text = str(seen.get("place_description") or "")
    text = text[:1].lower() + text[1:] if text[1:2].islower() else text
    return ", ".join(part for part in (adres, text) if part)


def waarneming(seen: Mapping[str, Any], words: Mapping[str, str], adres: str = "") -> list[str]:
    observer = seen.get("observer") or "politie"
    kort = P.WAARNEMER_KORT.get(observer, "de waarnemer")
    found = [P.WAARNEMING.format(datum=datum(seen["at"].date()), tijd=tijdstip(seen["at"]),
                                 waarnemer=P.WAARNEMER.get(observer, "een ambtenaar"), wie=words["wie_obj"],
                                 plaats=plaats(seen, adres),
                                 soort_plaats=L.label(P.SOORT_PLAATS, seen.get("location_type")))]
    if seen.get("transfer_observed"):
        found.append(_cap(P.OVERDRACHT.format(waarnemer_kort=kort)))
    contacts = int(seen.get("contacts_observed") or 0)
    if contacts:
        template = P.CONTACTEN if contacts == 1 else P.CONTACTEN_MEER
        aantal = getal_in_woorden(contacts) if contacts <= MAX_WORDS else str(contacts)
        found.append(_cap(template.format(waarnemer_kort=kort, aantal=aantal)))
    if str(seen.get("description") or "").strip():
        found.append(P.GEZIEN.format(waarnemer_kort=kort, beschrijving=seen["description"]))
    wat = f": {seen['substance_description']}" if str(seen.get("substance_description") or "").strip() else ""
    found.append(P.MIDDEL.get(seen.get("substance_class") or "unknown", P.MIDDEL["unknown"]).format(wat=wat))
    return found + _gevonden(seen, words, kort)


def _gevonden(seen: Mapping[str, Any], words: Mapping[str, str], kort: str) -> list[str]:
    """What was found on the person (cash, packaging): facts the repetition reasoning may rest on (Awb 5:7)."""
    items = [P.GEVONDEN_WAT[i] for i in seen.get("items_found") or () if i in P.GEVONDEN_WAT]
    if seen.get("cash_found_eur") not in (None, ""):
        cash = f"{P.GEVONDEN_WAT['contant_geld']} ({bedrag(Decimal(str(seen['cash_found_eur'])))})"
        items = [cash, *(i for i in items if i != P.GEVONDEN_WAT["contant_geld"])]
    return [P.GEVONDEN.format(wie_obj=words["wie_obj"], waarnemer_kort=kort, wat=L.opsomming(items))] if items else []


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]
