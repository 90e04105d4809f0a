"""The woonoverlast letters after the second legal review: a last onder bestuursdwang says what the mayor will have
done himself when an instruction is not complied with, and at whose cost (Awb 5:21, 5:24 lid 1, 5:25 lid 2); the
proven landlord instructions fit an order to the landlord, a care instruction never does."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from letters_support import CLAUSES, entries, read_back, render
from woonoverlast_support import landlord_addressed, woonoverlast_input

from app.config import ROOT
from app.domain.errors import InvalidInput
from app.letters import kit
from app.letters.manifest import find_entry
from app.powers.woonoverlast import phrases
from app.powers.woonoverlast.letters import WoonoverlastLetters
from app.rulebook import Rulebook

KIT = WoonoverlastLetters()
ENTRIES = entries("woonoverlast")
BESTUURSDWANG = ("voornemen_bestuursdwang", "last_onder_bestuursdwang")
DONE = ("Wat ik dan laat doen: de galerij laten opruimen en het afval laten afvoeren door een aannemer in opdracht "
        "van de gemeente.")
PROVEN = Rulebook.load(ROOT / "rules").parameters_for("woonoverlast", date(2026, 2, 20))["aanwijzingen"].value
LANDLORD_KEYS = ("huurovereenkomst", "huurrecht", "gemeenschappelijk")


def _text(letter) -> str:
    entry = find_entry(ENTRIES, "woonoverlast", letter.outcome, KIT.addressee(letter.recipient.rol))
    return "\n".join(read_back(render(entry.template, kit.build_context(letter, KIT, CLAUSES)))["body"])


def _without(letter, key: str = "bestuursdwang_uitvoering"):
    return replace(letter, case_file={**letter.case_file, key: ""})


@pytest.mark.parametrize("outcome", BESTUURSDWANG)
def test_the_bestuursdwang_order_says_what_the_mayor_has_done_and_at_whose_cost(outcome: str) -> None:
    dictum = kit.build_context(woonoverlast_input(outcome), KIT, CLAUSES)["dictum"]
    assert dictum[-1] == DONE and "De kosten betaalt u." in dictum[-2]
    assert DONE in _text(woonoverlast_input(outcome)) and DONE in _text(landlord_addressed(outcome))


@pytest.mark.parametrize("outcome", BESTUURSDWANG)
def test_no_bestuursdwang_letter_without_what_the_mayor_has_done(outcome: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        kit.build_context(_without(woonoverlast_input(outcome)), KIT, CLAUSES)
    assert caught.value.errors["bestuursdwang_uitvoering"] == phrases.UITVOERING_ONTBREEKT


def test_a_dwangsom_order_neither_needs_nor_prints_it() -> None:
    for outcome in ("voornemen_last", "last_onder_dwangsom"):
        text = _text(_without(woonoverlast_input(outcome)))
        assert "Wat ik dan laat doen" not in text
    assert "Wat ik dan laat doen" not in _text(woonoverlast_input("last_onder_dwangsom"))


def test_the_landlords_notice_does_not_carry_it() -> None:
    assert "Wat ik dan laat doen" not in _text(woonoverlast_input("last_onder_bestuursdwang", "verhuurder"))


@pytest.mark.parametrize("outcome", ("voornemen_last", "last_onder_dwangsom", *BESTUURSDWANG))
def test_the_proven_landlord_instructions_fit_an_order_to_the_landlord(outcome: str) -> None:
    letter = landlord_addressed(outcome)
    given = [{"code": f"V{n}", "text": PROVEN[key]} for n, key in enumerate(LANDLORD_KEYS, start=1)]
    text = _text(replace(letter, case_file={**letter.case_file, "instructions": given}))
    assert all(f"V{n}: {PROVEN[key]}" in text for n, key in enumerate(LANDLORD_KEYS, start=1))


def test_the_proven_care_instruction_never_goes_to_the_landlord() -> None:
    letter = landlord_addressed("last_onder_dwangsom")
    given = [{"code": "V1", "text": PROVEN["huurovereenkomst"]}, {"code": "V2", "text": PROVEN["zorg"]}]
    with pytest.raises(InvalidInput) as caught:
        kit.build_context(replace(letter, case_file={**letter.case_file, "instructions": given}), KIT, CLAUSES)
    assert "instructions" in caught.value.errors
