"""The salutation names the addressee when the name is known (issue 7).

Gender is not recorded, so the letter never guesses "heer" or "mevrouw": a person is addressed by the name
as recorded ("Geachte J. de Vries,"); an organisation, or a person whose name is not known, gets the
neutral "Geachte heer, mevrouw,". Hostile text in a name reaches the letter verbatim (render escapes it).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace

import pytest
from letters_support import build_context, entries, input_for, read_back, render

from app.domain.cleaning import clean_text
from app.letters.salutation import NEUTRAAL, aanhef

ENTRIES = entries()
IDS = [e.template for e in ENTRIES]
HOSTILE = clean_text("J. de Vries & Zn <script>alert(1)</script> \"x\" 'y' 100<100 {{ kenmerk }} {% if x %} ’t é")


@pytest.mark.parametrize(("naam", "organisatie", "expected"), [
    ("J. de Vries", False, "Geachte J. de Vries,"),
    ("  E. Voorbeeldman ", False, "Geachte E. Voorbeeldman,"),
    ("Woonstichting Maasdal", True, NEUTRAAL),
    ("Veilig Thuis Zuid-Limburg", True, NEUTRAAL),
    ("Vastgoed Voorbeeld B.V.", False, NEUTRAAL),  # a company recorded as an owner, not flagged
    ("Stichting Voorbeeldhuis", False, NEUTRAAL),
    ("", False, NEUTRAAL),
    ("   ", False, NEUTRAAL),
    ("onbekend", False, NEUTRAAL),
    ("N.N.", False, NEUTRAAL),
    ("?", False, NEUTRAAL),
    (HOSTILE, False, f"Geachte {HOSTILE},"),
])
def test_the_salutation_names_a_known_person_and_is_neutral_otherwise(naam, organisatie, expected) -> None:
    assert aanhef(naam, is_organisatie=organisatie) == expected


def test_the_neutral_salutation_guesses_no_gender_for_a_person() -> None:
    assert NEUTRAAL == "Geachte heer, mevrouw,"
    assert "heer" not in aanhef("J. de Vries", is_organisatie=False)


def _salutation(entry, **recipient) -> str:
    letter = input_for(entry)
    letter = replace(letter, recipient=replace(letter.recipient, **recipient))
    body = read_back(render(entry.template, build_context(letter)))["body"]
    return next(p for p in body if p.startswith("Geachte"))


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_every_letter_of_every_power_addresses_a_person_by_name(entry) -> None:
    assert _salutation(entry, naam="J. de Vries") == "Geachte J. de Vries,"


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_every_letter_of_every_power_addresses_an_organisation_neutrally(entry) -> None:
    assert _salutation(entry, naam="Woonstichting Maasdal", is_organisatie=True) == "Geachte heer, mevrouw,"


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_a_hostile_name_reaches_the_salutation_verbatim(entry) -> None:
    assert _salutation(entry, naam=HOSTILE) == f"Geachte {HOSTILE},"


def test_a_hostile_name_is_escaped_in_the_document_xml() -> None:
    entry = ENTRIES[0]
    letter = input_for(entry)
    letter = replace(letter, recipient=replace(letter.recipient, naam=HOSTILE))
    xml = zipfile.ZipFile(io.BytesIO(render(entry.template, build_context(letter)))).read("word/document.xml")
    assert b"Geachte J. de Vries &amp; Zn &lt;script&gt;alert(1)&lt;/script&gt;" in xml
    assert b"<script>" not in xml


def test_a_recorded_salutation_from_the_brp_wins() -> None:
    entry = ENTRIES[0]
    assert _salutation(entry, naam="J. de Vries", aanhef="Geachte mevrouw De Vries,") == "Geachte mevrouw De Vries,"
