"""The huisverbod letters as a municipal lawyer reads them: what the Wet tijdelijk huisverbod requires in
the order (art. 2 lid 4), what the household hears (art. 2 lid 8) and what it must not read, the notice to
Veilig Thuis, and the remedy (direct beroep, never bezwaar)."""

from __future__ import annotations

import re

import pytest
from letters_support import HV_CASE, build_context, huisverbod_input, read_back, render, strings, template_for

from app.domain.errors import InvalidInput
from app.powers.huisverbod import phrases

POLICE_RECORD = "Twee eerdere meldingen van huiselijk geweld."


def _text(letter) -> str:
    return "\n".join(read_back(render(template_for(letter), build_context(letter)))["body"])


def test_order_names_place_period_to_the_minute_facts_protected_persons_and_duties():
    text = _text(huisverbod_input())
    # art. 2 lid 4: place, duration to the minute (ten days on the clock across the start of summer time)
    assert "vrijdag 27 maart 2026 om 20.00 uur" in text and "maandag 6 april 2026 om 20.00 uur" in text
    assert "de woning en de galerij van de flat" in text
    assert "F. Voorbeeldvrouw (partner)" in text and "G. Voorbeeldkind (kind)" in text  # contact ban names
    assert "Partner met een mes bedreigd." in text and POLICE_RECORD in text  # facts and circumstances
    assert "op het proces-verbaal van de politie met kenmerk PV-2026-0077" in text  # the source as reported
    assert "zaterdag 28 maart 2026 om 20.00 uur" in text  # reachability within 24 hours (art. 2 lid 6)
    assert "artikel 11" in text and "twee jaar" in text  # consequences of a breach
    assert "sleutels" in text and "advocaat" in text  # art. 4 and art. 5
    assert "eerst mondeling opgelegd" in text  # art. 2 lid 7
    assert "als hulpofficier van justitie" in text and "Mandaat 2024" in text  # art. 3
    assert "direct beroep" in text and "binnen drie dagen" in text and "of u griffierecht moet betalen" in text
    assert "bezwaarschrift" not in text


def test_the_legal_basis_is_stated_positively_never_as_a_condition():
    """The trap of the Damocles review: "Ik ben bevoegd als ..." reads as a doubt, and under a withdrawal
    it contradicts the decision. Each decision names its own article."""
    bases = {"huisverbod": "artikel 2, eerste lid", "verlenging_huisverbod": "artikel 9, eerste lid",
             "intrekking_huisverbod": "artikel 2, negende lid"}
    for outcome, article in bases.items():
        for rol in ("uithuisgeplaatste", "achterblijver", "veilig_thuis"):
            text = _text(huisverbod_input(outcome, rol=rol))
            assert article in text, (outcome, rol)
            assert "bevoegd als" not in text and "de jurist" not in text, (outcome, rol)


def test_the_barred_persons_letters_never_go_to_the_dwelling_he_may_not_enter():
    for outcome in ("huisverbod", "verlenging_huisverbod", "intrekking_huisverbod"):
        lines = read_back(render(template_for(huisverbod_input(outcome)), build_context(huisverbod_input(outcome))))
        block = "\n".join(lines["body"][:4])
        assert "Voorbeeldstraat 3" not in block and phrases.UITREIKEN in block, outcome
    posted = huisverbod_input(case_file={**HV_CASE, "postal_address": "p/a Logeerweg 5\n6222 CC  MAASTRICHT"})
    assert "p/a Logeerweg 5" in _text(posted)
    gone = huisverbod_input(case_file={**HV_CASE, "whereabouts_unknown": True})
    assert phrases.NEDERLEGGING in _text(gone)


def test_household_hears_content_and_consequences_but_not_the_barred_persons_record():
    text = _text(huisverbod_input(rol="achterblijver"))
    assert "E. Voorbeeldman mag niet in of bij de woning komen" in text
    assert "contact opnemen met F. Voorbeeldvrouw en G. Voorbeeldkind" in text  # the protected persons, named
    assert "Dat geldt ook als u zelf toestemming geeft." in text
    assert "maandag 6 april 2026 om 20.00 uur" in text and "112" in text
    assert "misdrijf" in text and "direct beroep" in text
    assert "Partner met een mes bedreigd." in text  # the incident is the household's too (art. 2 lid 8)
    assert POLICE_RECORD not in text and "Over u" not in text  # his police record and person are not


def test_veilig_thuis_gets_a_notice_of_the_content_without_a_remedy_clause():
    case = {**HV_CASE, "rihg": {**HV_CASE["rihg"], "factors": [
        *HV_CASE["rihg"]["factors"], {"category": "persoon", "text": "Alcoholgebruik."}]}}
    text = _text(huisverbod_input(rol="veilig_thuis", case_file=case))
    assert "artikel 2, achtste lid" in text
    assert "Achterblijvers (ook in het contactverbod): F. Voorbeeldvrouw (partner), G. Voorbeeldkind (kind)" in text
    assert "Verboden gebied: de woning en de galerij van de flat" in text
    assert "Van vrijdag 27 maart 2026 om 20.00 uur tot maandag 6 april 2026 om 20.00 uur" in text
    assert "Over E. Voorbeeldman: Alcoholgebruik." in text and "Over u" not in text
    assert "beroep" not in text.lower().replace("beroepschrift", "")


def test_extension_by_the_mayor_is_a_full_order_with_the_new_end_and_that_an_appeal_covers_it():
    text = _text(huisverbod_input("verlenging_huisverbod"))
    assert "Het loopt nu tot vrijdag 24 april 2026 om 20.00 uur" in text
    assert "Het huisverbod ging in op vrijdag 27 maart 2026 om 20.00 uur" in text and "vier weken" in text
    assert "Partner met een mes bedreigd." in text  # art. 9 lid 1 with art. 2 lid 4: facts and circumstances
    assert "Hij blijft dreigende berichten sturen." in text and "Beiden zijn op 3 april gehoord." in text
    assert "wat zeiden zij en wat vind ik daarvan?" in text  # the hearing answered (Awb 3:46)
    assert "Blijf bereikbaar" in text and "advocaat" in text
    assert "artikel 9, tweede en derde lid" in text  # an appeal against the order can cover the extension ...
    assert "Laat de rechtbank dan weten dat u ook de verlenging betwist." in text  # ... if he says so
    assert phrases.EIGEN_BESLUIT in text and "hulpofficier van justitie" not in text


def test_an_extension_or_withdrawal_by_the_officer_is_refused_by_the_kit_too():
    officer = {"naam": "O. Officier", "hoedanigheid": "hulpofficier_van_justitie", "mandaatbesluit": "Mandaat"}
    for outcome in ("verlenging_huisverbod", "intrekking_huisverbod"):
        with pytest.raises(InvalidInput) as caught:
            build_context(huisverbod_input(outcome, beslisser=officer))
        assert "beslisser" in caught.value.errors


def test_withdrawal_names_the_moment_and_tells_the_household_why_so_it_can_appeal():
    text = _text(huisverbod_input("intrekking_huisverbod", rol="achterblijver"))
    assert "Vanaf donderdag 2 april 2026 om 18.00 uur mag E. Voorbeeldman weer naar huis." in text
    assert "Hij volgt een behandeling en houdt zich aan de afspraken." in text and "direct beroep" in text
    assert "datum van deze brief" not in text


def test_veilig_thuis_hears_when_a_withdrawn_order_ends():
    text = _text(huisverbod_input("intrekking_huisverbod", rol="veilig_thuis"))
    assert "Het huisverbod eindigt op donderdag 2 april 2026 om 18.00 uur." in text
    assert "contactverbod gelden dan niet meer" in text and "Verboden gebied" not in text


def test_the_household_is_told_something_is_withheld_only_when_it_is():
    incident_only = {**HV_CASE, "rihg": {**HV_CASE["rihg"], "factors": HV_CASE["rihg"]["factors"][:1]}}
    assert "deel ik niet met u" in _text(huisverbod_input(rol="achterblijver"))
    assert "deel ik niet met u" not in _text(huisverbod_input(rol="achterblijver", case_file=incident_only))


def test_a_postal_address_that_is_the_dwelling_itself_is_refused():
    case = {**HV_CASE, "postal_address": "Voorbeeldstraat  3\n6211 AB  MAASTRICHT"}
    with pytest.raises(InvalidInput) as caught:
        build_context(huisverbod_input(case_file=case))
    assert "case_file.postal_address" in caught.value.errors


def test_an_order_without_its_area_is_refused():
    with pytest.raises(InvalidInput) as caught:
        build_context(huisverbod_input(case_file={**HV_CASE, "area_description": ""}))
    assert "case_file.area_description" in caught.value.errors


def test_letter_without_the_end_moment_is_refused():
    letter = huisverbod_input(deadlines={**huisverbod_input().deadlines, "einde_at": None})
    with pytest.raises(InvalidInput) as caught:
        build_context(letter)
    assert "deadlines.einde_at" in caught.value.errors


def test_huisverbod_phrases_are_plain_language():
    texts = [v for name in dir(phrases) if name.isupper() for v in strings(getattr(phrases, name))]
    for sentence in (s for t in texts for s in re.split(r"(?<=[.?!])\s+", t) if s):
        assert len(sentence.split()) <= 20, sentence
        assert not re.search(r"\b(wordt|worden)\b.*\bdoor\b", sentence), sentence


def test_sample_case_file_is_the_stored_shape():
    from app.powers.huisverbod.schema import HuisverbodCaseFileSchema

    assert set(HV_CASE) <= set(HuisverbodCaseFileSchema._declared_fields)
