"""The letter of the decision on a bezwaar: every decision rendered through the one renderer, saying what a
municipal lawyer must be able to sign (Awb 6:9, 6:10, 6:11, 7:2, 7:3, 7:11, 7:12, 7:13), every ground answered
with its verdict, the beroep clause, in Dutch dates and without a code; another addressee reads neither the
objector's 6:11 reason nor who assisted him."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest
from letters_support import BEZWAAR, Recipient, build_context, entries, input_for, read_back, render

from app.domain.bezwaar import BESLISSINGEN
from app.domain.errors import InvalidInput

ENTRY = next(e for e in entries("algemeen") if e.outcome == "beslissing_op_bezwaar")
CODE_LIKE = re.compile(r"\b[a-z]+_[a-z_]+\b")  # niet_ontvankelijk, tijdig_per_post, beslissing_op_bezwaar
AWB = "van de Algemene wet bestuursrecht"
# Late: received 10 June, after the period that ended on 1 June; heard after that.
LATE = {"tijdigheid": "te_laat", "ontvangen_op": date(2026, 6, 10), "hoorzitting_op": date(2026, 6, 17)}
OTHER = Recipient(naam="Woonstichting Maasdal", rol="rechthebbende", id=2,
                  adresregels=("Postbus 1", "6200 AA  MAASTRICHT"), is_organisatie=True)


def _letter(**bezwaar) -> str:
    letter = input_for(ENTRY, bezwaar={**BEZWAAR, **bezwaar})
    if not bezwaar.get("aan_indiener", True):
        letter = replace(letter, recipient=OTHER)  # another addressee is somebody else than the objector
    return "\n".join(read_back(render(ENTRY.template, build_context(letter)))["body"])


@pytest.mark.parametrize("uitkomst", list(BESLISSINGEN))
def test_every_decision_renders_with_its_basis_and_the_beroep_clause(uitkomst: str) -> None:
    text = _letter(uitkomst=uitkomst, herroepen_deel="de duur van de sluiting", niet_ontvankelijk_grond="verzuim",
                   advies_uitkomst=uitkomst)
    assert f"artikel 7:11 {AWB}" in text or uitkomst == "niet_ontvankelijk"
    assert "rechtbank Limburg" in text and "zes weken" in text and "voorlopige voorziening" in text
    assert "donderdag 13 augustus 2026" in text  # the last day for beroep, written out
    assert "Opnieuw bezwaar maken is niet mogelijk" in text
    assert not CODE_LIKE.search(text), CODE_LIKE.search(text)


def test_advice_followed_or_departed_from_with_its_reason_and_the_advice_attached() -> None:
    followed = _letter()
    assert "De burgemeester volgt het advies en neemt de motivering daarvan over. Het advies is bijgevoegd." \
        in followed
    assert "Zij adviseert het bezwaar gegrond te verklaren." in followed
    assert "Bijlage: advies van de bezwaarcommissie van 20 juni 2026" in followed
    departed = _letter(uitkomst="ongegrond", advies_gevolgd=False,
                       afwijking_reden="De rapportage toont de handel wel aan.")
    assert ("De burgemeester wijkt af van het advies van de bezwaarcommissie. De reden daarvoor is: de rapportage "
            "toont de handel wel aan. Het advies van de commissie is bij deze beslissing gevoegd (artikel 7:13, "
            f"zevende lid, {AWB}).") in departed
    assert "Bijlage: advies van de bezwaarcommissie van 20 juni 2026" in departed
    named = _letter(uitkomst="ongegrond", advies_gevolgd=False, afwijking_reden="Jansen woont er wel.")
    assert "De reden daarvoor is: Jansen woont er wel. Het advies" in named  # a name keeps its capital


def test_not_heard_names_the_ground_of_7_3_in_the_law_s_words() -> None:
    text = _letter(hoorzitting_op=None, niet_horen_grond="a", uitkomst="niet_ontvankelijk",
                   niet_ontvankelijk_grond="verzuim")
    assert ("Het bezwaar is kennelijk niet-ontvankelijk. De burgemeester heeft daarom afgezien van het horen "
            f"(artikel 7:3, aanhef en onder a, {AWB}).") in text
    own = _letter(hoorzitting_op=None, niet_horen_grond="c")
    assert "U heeft verklaard dat u afziet van het recht om te worden gehoord." in own
    assert "onder c," in own


def test_the_6_11_reason_and_the_hearing_s_company_are_for_the_objector_only() -> None:
    late = {**LATE, "verschoonbaar": True, "verschoonbaar_reden": "Hij lag in het ziekenhuis."}
    own = _letter(**late)
    assert ("Toch is het bezwaar ontvankelijk, omdat u redelijkerwijs niet in verzuim bent geweest (artikel 6:11 "
            f"{AWB}).\nHij lag in het ziekenhuis.") in own
    assert f"Op 17 juni 2026 bent u, bijgestaan door mr. P. Pieters, advocaat, gehoord (artikel 7:2 {AWB})." \
        in own
    other = _letter(aan_indiener=False, **late)
    assert f"omdat de indiener redelijkerwijs niet in verzuim is geweest (artikel 6:11 {AWB})." in other
    assert "ziekenhuis" not in other and "Pieters" not in other
    assert f"Op 17 juni 2026 is de indiener van het bezwaar gehoord (artikel 7:2 {AWB})." in other


def test_another_addressee_never_reads_uw_bezwaar() -> None:
    text = _letter(aan_indiener=False)
    assert not re.search(r"\buw bezwaar", text)
    assert ("Bent u het niet eens met deze beslissing op het bezwaar? Dan kunt u beroep instellen bij de rechtbank "
            "Limburg.") in text
    assert "het bezwaarschrift van J. Jansen" in text and "J. Jansen voert het volgende aan." in text


def test_niet_ontvankelijk_gives_only_its_ground_per_ground_of_inadmissibility() -> None:
    late = _letter(uitkomst="niet_ontvankelijk", **LATE, verschoonbaar=False,
                   verschoonbaar_reden="De indiener gaf geen reden.", motivering="De termijn is ruim overschreden.")
    assert ("De burgemeester verklaart het bezwaar daarom niet-ontvankelijk (artikelen 6:7, 6:9 en 6:11 "
            f"{AWB}). Het besluit van 20 april 2026 blijft ongewijzigd.") in late
    assert "Dat is juist" not in late and "heroverwogen" not in late and "Deze grond slaagt" not in late
    early = _letter(uitkomst="niet_ontvankelijk", tijdigheid="voor_besluit", ontvangen_op=date(2026, 4, 17),
                    motivering="Er was nog geen besluit.")
    assert "te laat" not in early
    assert f"niet-ontvankelijk (artikel 6:10 {AWB})" in early
    timely = _letter(uitkomst="niet_ontvankelijk", niet_ontvankelijk_grond="geen_belanghebbende",
                     motivering="De indiener woont niet in de buurt.")
    assert "De indiener is geen belanghebbende bij het besluit." in timely
    assert f"niet-ontvankelijk (artikelen 1:2 en 7:1 {AWB})" in timely
    assert "Geen reden gegeven" not in late + early + timely


def test_deels_gegrond_says_which_part_is_revoked_what_replaces_it_and_that_the_rest_stands() -> None:
    text = _letter(uitkomst="deels_gegrond", herroepen_deel="De duur van de sluiting",
                   nieuw_besluit="Een sluiting van drie maanden.")
    assert ("De burgemeester verklaart het bezwaar gedeeltelijk gegrond. Hij herroept het besluit van 20 april "
            "2026 voor zover het gaat om de duur van de sluiting en neemt daarvoor in de plaats het volgende "
            "besluit: een sluiting van drie maanden. Voor het overige verklaart hij het bezwaar ongegrond; in "
            f"zoverre blijft het besluit in stand (artikel 7:11 {AWB}).") in text


def test_gegrond_with_or_without_a_new_besluit() -> None:
    assert ("Naar aanleiding van de heroverweging neemt de burgemeester een nieuw besluit in de plaats van het "
            f"herroepen besluit (artikel 7:11, tweede lid, {AWB}): een schriftelijke waarschuwing.") in _letter()
    none = _letter(nieuw_besluit="")
    assert ("Een nieuw besluit is niet nodig. Door de herroeping geldt het besluit van 20 april 2026 niet meer, "
            "ook niet voor de periode vanaf 20 april 2026.") in none
    assert "vervalt" not in none


def test_reconsideration_and_a_verdict_per_ground() -> None:
    text = _letter()
    assert ("Naar aanleiding van het bezwaar heeft de burgemeester het besluit van 20 april 2026 volledig "
            f"heroverwogen (artikel 7:11, eerste lid, {AWB}). De motivering van deze beslissing staat hieronder "
            "(artikel 7:12, eerste lid).") in text
    assert "Reactie op grond 1. Dat is juist; de rapportage zegt het niet. Deze grond slaagt." in text
    assert "Reactie op grond 2. Dat weegt mee, maar is niet meer nodig. Deze grond slaagt niet." in text


def test_wording_of_the_besluit_and_the_beroep_clause() -> None:
    text = _letter()
    assert "verzonden of uitgereikt" not in text and "Het besluit is verzonden op 20 april 2026." in text
    assert "Het besluit is uitgereikt op 20 april 2026." in _letter(uitgereikt=True)
    assert "Daar zijn gehoord" not in text
    assert "team bestuursrecht" in text and "sector bestuursrecht" not in text
    assert ("Stuurt u uw beroepschrift met de post? Dan is het op tijd als u het uiterlijk op donderdag 13 augustus "
            "2026 op de post doet. De rechtbank moet het dan wel binnen een week daarna ontvangen.") in text


def test_a_letter_without_the_bezwaar_or_the_beroep_term_is_refused() -> None:
    with pytest.raises(InvalidInput):
        build_context(input_for(ENTRY, bezwaar=None))
    with pytest.raises(InvalidInput):
        build_context(input_for(ENTRY, deadlines={}))
    assert input_for(ENTRY).verzenddatum == date(2026, 7, 2)
