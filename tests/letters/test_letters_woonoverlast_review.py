"""The woonoverlast letters after the lawyer's review (December 2026): the ban is a last onder bestuursdwang for
adults (151d lid 3 with Wth art. 2 lid 2, 5, 9), a care instruction only in a dwangsom order to the user, the
landlord as addressee does not read the user's zienswijze, and the reasoning says where the nuisance happened."""

from __future__ import annotations

from dataclasses import replace

import pytest
from letters_support import CLAUSES, entries, read_back, render
from woonoverlast_support import SECRET_CARE, landlord_addressed, woonoverlast_input

from app.domain.errors import InvalidInput
from app.letters import kit
from app.letters.manifest import find_entry
from app.powers.woonoverlast import phrases
from app.powers.woonoverlast.letters import WoonoverlastLetters

KIT = WoonoverlastLetters()
ENTRIES = entries("woonoverlast")


def _context(letter):
    return kit.build_context(letter, KIT, CLAUSES)


def _text(letter) -> str:
    entry = find_entry(ENTRIES, "woonoverlast", letter.outcome, KIT.addressee(letter.recipient.rol))
    return "\n".join(read_back(render(entry.template, _context(letter)))["body"])


def test_the_ban_is_a_last_onder_bestuursdwang_for_an_adult_only() -> None:
    text = _text(woonoverlast_input("aanwezigheidsverbod"))
    for needle in ("Dit verbod is zo'n last onder bestuursdwang.", "artikel 2, tweede lid, van de Wet tijdelijk "
                   "huisverbod", "Raad voor Rechtsbijstand", "Op deze feiten baseer ik het verbod"):
        assert needle in text, needle
    letter = woonoverlast_input("aanwezigheidsverbod")
    minor = {**letter.case_file, "gebruiker": {"naam": "P. Voorbeeld", "geboortedatum": "2008-05-01"}}
    with pytest.raises(InvalidInput) as caught:
        _context(replace(letter, case_file=minor))
    assert "gebruiker" in caught.value.errors
    assert "artikel 9 van de Wet tijdelijk huisverbod" in _text(woonoverlast_input("verlenging_aanwezigheidsverbod"))


@pytest.mark.parametrize("letter", [landlord_addressed("last_onder_dwangsom"),
                                    woonoverlast_input("last_onder_bestuursdwang")],
                         ids=["verhuurder", "bestuursdwang"])
def test_a_care_instruction_only_fits_a_dwangsom_order_to_the_user(letter) -> None:
    care = {"code": "A3", "text": "Werk mee aan de hulp van " + SECRET_CARE + "."}
    case = {**letter.case_file, "instructions": [*letter.case_file["instructions"], care]}
    with pytest.raises(InvalidInput) as caught:
        _context(replace(letter, case_file=case))
    assert "instructions" in caught.value.errors


def test_the_landlord_as_addressee_does_not_read_the_users_zienswijze() -> None:
    letter = landlord_addressed("last_onder_dwangsom")
    said = {"betrokkene_id": 7, "naam": "P. Voorbeeld", "rol": "gebruiker", "wijze": "mondeling",
            "ontvangen_op": "2026-02-20", "samenvatting": "Ik ben in behandeling.", "reactie": "Meegewogen."}
    text = _text(replace(letter, zienswijze={"ontvangen": True, "zienswijzen": [said]}))
    assert "Ik ben in behandeling." not in text and "Meegewogen." not in text


def test_the_reasoning_says_where_the_nuisance_happened_and_the_yard_only_if_there_is_one() -> None:
    text = _text(woonoverlast_input("last_onder_dwangsom"))
    assert "Hij komt uit de woning en gebeurt ook direct bij de woning." in text
    letter = woonoverlast_input("last_onder_bestuursdwang")
    kosten = _context(replace(letter, case_file={**letter.case_file, "erf": False}))["kosten"]
    assert kosten[-1] == phrases.BETREDEN and "volledig" in kosten[1]


def test_the_landlords_warning_threatens_no_ban_and_the_extension_says_he_was_heard() -> None:
    landlord = _context(landlord_addressed("waarschuwing"))["vervolg"]
    assert not any("verbod" in p for p in landlord)
    assert any("verbod" in p for p in _context(woonoverlast_input("waarschuwing"))["vervolg"])
    text = _text(woonoverlast_input("verlenging_aanwezigheidsverbod"))
    assert phrases.VERLENGING_GEHOORD in text
