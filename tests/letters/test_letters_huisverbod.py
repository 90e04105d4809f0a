"""The huisverbod letters as a municipal lawyer reads them: what the Wet tijdelijk huisverbod requires in
the order (art. 2 lid 4), what the household hears (art. 2 lid 8) and what it must not read, the notice to
Veilig Thuis, and the remedy (direct beroep, never bezwaar)."""

from __future__ import annotations

import re

import pytest
from letters_support import HV_CASE, build_context, huisverbod_input, read_back, render, template_for

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
    assert "zaterdag 28 maart 2026 om 20.00 uur" in text  # reachability within 24 hours (art. 2 lid 6)
    assert "artikel 11" in text and "twee jaar" in text  # consequences of a breach
    assert "sleutels" in text and "advocaat" in text  # art. 4 and art. 5
    assert "eerst mondeling opgelegd" in text  # art. 2 lid 7
    assert "als hulpofficier van justitie" in text and "Mandaat 2024" in text  # art. 3
    assert "direct beroep" in text and "binnen drie dagen" in text and "geen griffierecht" in text
    assert "bezwaarschrift" not in text


def test_household_hears_content_and_consequences_but_not_the_barred_persons_record():
    text = _text(huisverbod_input(rol="achterblijver"))
    assert "E. Voorbeeldman mag niet in of bij de woning komen" in text
    assert "maandag 6 april 2026 om 20.00 uur" in text and "112" in text
    assert "misdrijf" in text and "direct beroep" in text
    for private in (POLICE_RECORD, "Partner met een mes bedreigd.", "Bedreiging met een mes"):
        assert private not in text, private


def test_veilig_thuis_gets_a_notice_of_the_content_without_a_remedy_clause():
    text = _text(huisverbod_input(rol="veilig_thuis"))
    assert "artikel 2, achtste lid" in text
    assert "Achterblijvers: F. Voorbeeldvrouw (partner), G. Voorbeeldkind (kind)" in text
    assert "Van vrijdag 27 maart 2026 om 20.00 uur tot maandag 6 april 2026 om 20.00 uur" in text
    assert "beroep" not in text.lower().replace("beroepschrift", "")


def test_extension_by_the_mayor_prints_the_new_end_and_that_an_appeal_covers_it():
    letter = huisverbod_input("verlenging_huisverbod", beslisser={"naam": "M. Burgemeester", "hoedanigheid": "orgaan",
                                                                 "mandaatbesluit": ""},
                              ondertekening=("De burgemeester van Maastricht,", "M. Burgemeester"))
    text = _text(letter)
    assert "Het loopt nu tot maandag 6 april 2026 om 20.00 uur" in text
    assert "Hij blijft dreigende berichten sturen." in text and "Beiden zijn op 3 april gehoord." in text
    assert "artikel 9, tweede lid" in text  # an appeal against the order covers the extension
    assert phrases.EIGEN_BESLUIT in text and "hulpofficier van justitie" not in text


def test_withdrawal_tells_the_household_why_so_it_can_appeal():
    text = _text(huisverbod_input("intrekking_huisverbod", rol="achterblijver"))
    assert "Het gezin is verhuisd naar een opvang." in text and "direct beroep" in text


def test_letter_without_the_end_moment_is_refused():
    letter = huisverbod_input(deadlines={**huisverbod_input().deadlines, "einde_at": None})
    with pytest.raises(InvalidInput) as caught:
        build_context(letter)
    assert "deadlines.einde_at" in caught.value.errors


def test_huisverbod_phrases_are_plain_language():
    texts = [v for name in dir(phrases) if name.isupper() for v in _strings(getattr(phrases, name))]
    for sentence in (s for t in texts for s in re.split(r"(?<=[.?!])\s+", t) if s):
        assert len(sentence.split()) <= 20, sentence
        assert not re.search(r"\b(wordt|worden)\b.*\bdoor\b", sentence), sentence


def test_sample_case_file_is_the_stored_shape():
    assert set(HV_CASE) <= {"imposed_at", "person", "area_description", "rihg", "household", "oral_first",
                            "keys_collected", "kindermishandeling"}


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in _strings(v)]
    return []
