"""Straathandel letters: the dictum mirrors the APV norm (never "geen drugs kopen"), the buyer's and seller's
motivation differ, a minor's decision goes to him and to each parent with authority (not once he is 18 on the
verzenddatum), hostile text comes out verbatim, and the invorderingsbeschikking prints the order, the breach,
the sums, the pay-by date and the limitation."""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from app.config import ROOT
from app.domain.addressees import recipients
from app.domain.cleaning import clean_text
from app.letters.input import Party
from app.letters.kit import build_context
from app.letters.manifest import load_clauses
from app.powers.straathandel import SPEC
from app.powers.straathandel.words import DICTUM_ERROR, check_dictum
from app.rulebook import Rulebook

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "letters"))
from straathandel_support import CASE, straathandel_input  # noqa: E402

CLAUSES = load_clauses(ROOT / "letter_templates")
PROCEDURE = Rulebook.load(ROOT / "rules").index("straathandel").procedure
KIT = SPEC.letters


def _context(letter):
    return build_context(letter, KIT, CLAUSES)


def _text(context) -> str:
    return "\n".join(p for v in context.values() if isinstance(v, list) for p in v if isinstance(p, str))


def test_the_dictum_reproduces_the_apv_norm():
    dictum = _context(straathandel_input())["dictum"]
    assert any("zich niet op of aan een weg" in p and "op te houden met het kennelijke doel" in p and
               "te verwerven" in p for p in dictum)
    assert check_dictum(" ".join(dictum)) is None


@pytest.mark.parametrize("wording", ["Ik draag u op geen drugs te kopen.", "U mag geen drugs kopen op straat.",
                                     "Ik verbied u drugs te verkopen met het kennelijke doel op te houden."])
def test_a_dictum_that_duplicates_the_opiumwet_is_refused(wording):
    assert check_dictum(wording) == DICTUM_ERROR


def test_a_norm_not_worded_as_a_ban_on_being_present_is_refused():
    letter = straathandel_input()
    norm = letter.assessment.parameters["apv_norm_straathandel"]
    bad = replace(norm, value={**norm.value, "tekst": "Het is verboden drugs te kopen."})
    assessment = replace(letter.assessment, parameters={**letter.assessment.parameters,
                                                        "apv_norm_straathandel": bad})
    assert "apv_norm_straathandel" in KIT.check(replace(letter, assessment=assessment))


def test_the_buyer_reads_the_apv_norm_and_nuisance_the_seller_the_public_order():
    buyer = _text(_context(straathandel_input()))
    assert "niet over het kopen of het bezit van drugs zelf" in buyer and "verwerven" in buyer
    assert "geen misdrijf" not in buyer and "strafbaar feit" not in buyer  # a user quantity is an overtreding
    seller_case = {**CASE, "dealing_role": "verkoper"}
    assessment = replace(straathandel_input().assessment, facts={"dealing_role": "verkoper"})
    seller = _text(_context(straathandel_input(case_file=seller_case, assessment=assessment)))
    assert "niet over het kopen" not in seller and "verkoper" in seller


def test_the_order_prints_amounts_looptijd_forfeiture_and_no_compliance_period():
    text = _text(_context(straathandel_input()))
    for part in ("€ 1.250,00", "€ 5.000,00", "2 mei 2026 tot en met 1 mei 2027", "van rechtswege", "zes weken",
                 "invorderingsbeschikking", "geen termijn om eerst aan de last te voldoen", "strafzaak",
                 "Drie keer eerder op het plein gezien.", "Artikel 2:74"):
        assert part in text, part


class _Person:
    def __init__(self, rol, born=None):
        self.rol, self.born = rol, born


def _addressed(born: date, sent: date) -> list[str]:
    people = [_Person("overtreder", born), _Person("gezaghebbende"), _Person("gezaghebbende")]
    outcome = PROCEDURE.outcome("last_onder_dwangsom")
    return [p.rol for p in recipients(outcome, people, lambda p: p.rol, lambda p: p.born, date(2026, 3, 10), sent)]


def test_a_minor_and_each_parent_get_the_decision():
    assert _addressed(date(2010, 1, 15), date(2026, 3, 31)) == ["overtreder", "gezaghebbende", "gezaghebbende"]


def test_at_eighteen_on_the_verzenddatum_the_parents_get_nothing():
    assert _addressed(date(2008, 3, 20), date(2026, 3, 31)) == ["overtreder"]
    adult = straathandel_input(case_file={**CASE, "waargenomen_persoon": {**CASE["waargenomen_persoon"],
                                                                          "geboortedatum": "2008-03-20"}})
    assert "gezag" not in " ".join(_context(adult)["afschrift_aan"])


def test_the_parent_reads_the_same_decision_as_legal_representative():
    minor, parent = _context(straathandel_input()), _context(straathandel_input(rol="gezaghebbende"))
    as_minor = [p.replace("K. Bedacht", "u") for p in parent["dictum"]]  # the same order, naming the minor
    assert as_minor == minor["dictum"] and minor["last"] == parent["last"] and minor["norm"] == parent["norm"]
    assert "ouder met gezag over K. Bedacht" in parent["inleiding"][0]
    assert "K. Bedacht" in " ".join(parent["afschrift_aan"]) and "P. Bedacht" in " ".join(parent["afschrift_aan"])


def test_hostile_text_comes_out_verbatim():
    hostile = clean_text("A & B <c> \x00\x0bregel")
    seen = [{**CASE["observations"][0], "description": hostile, "place_description": hostile}]
    context = _context(straathandel_input(case_file={**CASE, "observations": seen}, melding_kenmerk=hostile))
    text = _text(context)
    assert hostile in text and "A & B <c>" in text and "&amp;" not in text and "\x00" not in text


def test_the_invorderingsbeschikking_prints_order_breach_sums_payment_and_limitation():
    context = _context(straathandel_input("invorderingsbeschikking"))
    text = _text(context)
    for part in ("BEV-2025-000123", "1 november 2025", "10 maart 2026", "21.15 uur", "bij de bank op het plein",
                 "€ 1.250,00", "€ 2.500,00", "€ 5.000,00", "dinsdag 21 april 2026", "10 maart 2027"):
        assert part in text, part
    assert any("5:39" in p or "ook over deze invorderingsbeschikking" in p for p in context["rechtsmiddelen"])


def test_an_invorderingsbeschikking_without_a_forfeiture_is_refused():
    letter = straathandel_input("invorderingsbeschikking", maatregel={"invordering": {}})
    assert "invordering" in KIT.check(letter)


def test_only_this_persons_data():
    text = _text(_context(straathandel_input(parties=(Party("Z. Medeverdachte", "verdachte"),))))
    assert "Z. Medeverdachte" not in text


def test_a_besluit_to_an_address_abroad_needs_a_recorded_way_of_making_it_known():
    unknown = {**CASE, "bekendmaking_buitenland": ""}
    assert "bekendmaking_buitenland" in KIT.check(straathandel_input(case_file=unknown))
    assert "bekendmaking_buitenland" not in KIT.check(straathandel_input("voornemen_last", case_file=unknown))
    assert KIT.check(straathandel_input()) == {}


def test_the_letter_speaks_to_u_in_correct_dutch_and_states_competence_positively():
    text = _text(_context(straathandel_input()))
    assert "kunt u mij vragen de last op te heffen" in text and "ook al bent u minderjarig" in text
    assert "kan u" not in text and "is u " not in text and "van u." not in text
    assert "Als burgemeester voer ik die regel uit" in text and "artikel 125, derde lid, van de Gemeentewet" in text
    assert "artikel 5:32b, derde lid" in text and "uw leeftijd en uw inkomen" in text


def test_the_minor_and_the_parent_read_who_could_respond_alike():
    minor, parent = _context(straathandel_input()), _context(straathandel_input(rol="gezaghebbende"))
    assert any("konden u en uw ouders of voogd met gezag reageren" in p for p in minor["motivering"])
    assert any("konden K. Bedacht en de ouders of voogd met gezag reageren" in p for p in parent["motivering"])


def test_a_buyer_is_not_told_about_a_prosecution_for_an_opiumwet_crime():
    koper = straathandel_input(case_file={**CASE, "dealing_role": "koper"})
    verkoper = straathandel_input(case_file={**CASE, "dealing_role": "verkoper"})
    verkoper = replace(verkoper, assessment=replace(verkoper.assessment, facts={
        **verkoper.assessment.facts, "dealing_role": "verkoper"}))
    koper_text, verkoper_text = _text(_context(koper)), _text(_context(verkoper))
    assert "niet op de Opiumwet" in koper_text and "vrijgesproken" not in koper_text
    assert "vrijgesproken" in verkoper_text


def test_several_breaches_each_have_their_own_pay_by_date_and_the_remainder_is_named():
    letter = straathandel_input("invorderingsbeschikking")
    record = letter.maatregel["invordering"]
    second = {**record["verbeurten"][0], "datum": "2026-03-11", "bedrag": "500.00",
              "betaaltermijn_tot": "2026-04-22", "verjaring_op": "2027-03-11"}
    seen = [*CASE["observations"], {**CASE["observations"][0], "observed_at": "2026-03-11T21:15:00+01:00"}]
    letter = replace(letter, case_file={**letter.case_file, "observations": seen},
                     maatregel={**letter.maatregel, "invordering": {**record, "verbeurten": [
                         record["verbeurten"][0], second]}})
    context = _context(letter)
    assert context["betalen"][0].startswith("Betaal in totaal")
    assert any("woensdag 22 april 2026" in p for p in context["betalen"])
    assert any("restte tot het maximum" in p for p in context["overtredingen"])
    assert any("tot en met 11 maart 2027" in p for p in context["verjaring"])
    assert any("5:37a" in p for p in context["verjaring"])


def test_a_late_invorderingsbeschikking_says_the_pay_by_date_has_passed():
    letter = straathandel_input("invorderingsbeschikking")
    record = letter.maatregel["invordering"]
    late = {**record, "verbeurten": [{**record["verbeurten"][0], "betaaltermijn_tot": "2026-03-20"}]}
    context = _context(replace(letter, maatregel={**letter.maatregel, "invordering": late}))
    assert any("al voorbij" in p for p in context["betalen"])
    assert not any("al voorbij" in p for p in _context(letter)["betalen"])
