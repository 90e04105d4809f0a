"""The letter of the decision on a bezwaar: every decision rendered through the one renderer, saying what a
lawyer must be able to sign (Awb 6:9, 6:11, 7:2, 7:3, 7:11, 7:13), every ground answered, the beroep clause, in
Dutch dates and without a code."""

from __future__ import annotations

import re
from datetime import date

import pytest
from letters_support import BEZWAAR, build_context, entries, input_for, read_back, render

from app.domain.bezwaar import BESLISSINGEN
from app.domain.errors import InvalidInput

ENTRY = next(e for e in entries("algemeen") if e.outcome == "beslissing_op_bezwaar")
CODE_LIKE = re.compile(r"\b[a-z]+_[a-z_]+\b")  # niet_ontvankelijk, tijdig_per_post, beslissing_op_bezwaar


def _letter(**bezwaar) -> str:
    letter = input_for(ENTRY, bezwaar={**BEZWAAR, **bezwaar})
    return "\n".join(read_back(render(ENTRY.template, build_context(letter)))["body"])


@pytest.mark.parametrize("uitkomst", list(BESLISSINGEN))
def test_every_decision_renders_with_its_basis_the_grounds_and_the_beroep_clause(uitkomst: str) -> None:
    text = _letter(uitkomst=uitkomst)
    assert "artikel 7:11 van de Algemene wet bestuursrecht" in text or uitkomst == "niet_ontvankelijk"
    for ground in BEZWAAR["gronden"]:
        assert ground["grond"] in text
    assert "rechtbank Limburg" in text and "zes weken" in text and "voorlopige voorziening" in text
    assert "donderdag 13 augustus 2026" in text  # the last day for beroep, written out
    assert "Opnieuw bezwaar maken is niet mogelijk" in text
    assert not CODE_LIKE.search(text), CODE_LIKE.search(text)


def test_gegrond_says_what_comes_in_place_and_answers_every_ground() -> None:
    text = _letter()
    assert "De burgemeester verklaart het bezwaar gegrond en herroept het besluit van 20 april 2026" in text
    assert "In plaats van het herroepen besluit geldt: Een schriftelijke waarschuwing." in text
    for ground in BEZWAAR["gronden"]:
        assert ground["reactie"] in text
    assert "ontvangen op 6 mei 2026" in text and "Op 3 juni 2026 is een hoorzitting gehouden" in text
    assert "volgt het advies van de commissie." in text and "20 juni 2026" in text
    assert _letter(nieuw_besluit="").count("Het besluit vervalt.") == 1


def test_ongegrond_keeps_the_besluit_and_deels_gegrond_says_what_changes() -> None:
    assert "Het besluit van 20 april 2026 blijft in stand" in _letter(uitkomst="ongegrond")
    assert "Het besluit verandert als volgt: Een schriftelijke waarschuwing." in _letter(uitkomst="deels_gegrond")


def test_late_not_heard_and_advice_not_followed_are_each_explained() -> None:
    text = _letter(tijdigheid="te_laat", verschoonbaar=True, verschoonbaar_reden="Hij lag in het ziekenhuis.",
                   hoorzitting_op=None, gehoord="", niet_horen_reden="Het bezwaar is kennelijk gegrond.",
                   advies_gevolgd=False)
    assert "te laat ingediend" in text and "artikel 6:11" in text and "Hij lag in het ziekenhuis." in text
    assert "geen hoorzitting gehouden (artikel 7:3" in text and "kennelijk gegrond" in text
    assert "volgt het advies van de commissie niet" in text and "7:13 lid 7" in text
    posted = _letter(tijdigheid="tijdig_per_post", advies_op=None, advies_gevolgd=None)
    assert "binnen een week daarna ontvangen (artikel 6:9 lid 2)" in posted
    assert "geen advies gevraagd aan een bezwaarcommissie" in posted


def test_niet_ontvankelijk_lists_the_grounds_without_weighing_them() -> None:
    text = _letter(uitkomst="niet_ontvankelijk", tijdigheid="te_laat", verschoonbaar=False,
                   verschoonbaar_reden="Geen reden gegeven.")
    assert "verklaart het bezwaar niet-ontvankelijk" in text and "niet inhoudelijk besproken" in text
    assert "Grond 1: Er is geen handel vastgesteld." in text
    assert "Dat is juist" not in text  # a response is not printed for a bezwaar that is not weighed


def test_another_addressee_reads_the_objector_named_in_the_third_person() -> None:
    text = _letter(aan_indiener=False)
    assert "het bezwaarschrift van J. Jansen" in text and "J. Jansen voert aan:" in text
    assert "verandert dat aan u is bekendgemaakt" in text


def test_a_letter_without_the_bezwaar_or_the_beroep_term_is_refused() -> None:
    with pytest.raises(InvalidInput):
        build_context(input_for(ENTRY, bezwaar=None))
    with pytest.raises(InvalidInput):
        build_context(input_for(ENTRY, deadlines={}))
    assert input_for(ENTRY).verzenddatum == date(2026, 7, 2)
