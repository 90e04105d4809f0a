"""The Bibob letters against the legal review: only the facts the reasons use, a person
who is not heard named by his role only, every heard derde in the reasons, conditions despite serious danger that
say why a refusal would be disproportionate, the criteria of art. 3 lid 2 and 3 one by one, a withdrawal that says
from when, the derde's role, and Dutch that fits a het-word."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest
from bibob_support import ENTRIES, SECRET_RESEARCH, bibob_input, college_input, render_bibob
from bibob_support import TEST_WITHDRAWAL_BASIS as BASIS
from letters_support import CLAUSES, read_back, strings

from app.domain.errors import InvalidInput
from app.letters import kit
from app.letters.manifest import find_entry
from app.powers.bibob import phrases, phrases_procedure, phrases_reasons
from app.powers.bibob.letters import BibobLetters

KIT = BibobLetters()
HET_WORDS = ("onderzoek", "oordeel", "advies", "besluit", "plan", "kenmerk", "deel")


def _context(letter):
    return kit.build_context(letter, KIT, CLAUSES)


def _text(letter) -> str:
    entry = find_entry(ENTRIES, "bibob", letter.outcome, KIT.addressee(letter.recipient.rol))
    return "\n".join(read_back(render_bibob(entry, _context(letter)))["body"])


def _with(letter, judgements=None, **case):
    return replace(letter, judgements={**letter.judgements, **(judgements or {})},
                   case_file={**letter.case_file, **case})


def _errors(letter) -> dict[str, str]:
    with pytest.raises(InvalidInput) as caught:
        _context(letter)
    return caught.value.errors


def test_only_marked_facts_and_findings_are_printed_and_the_claim_is_true() -> None:
    # Findings 1 and 7: art. 28 lid 2 onder a; the jurist marks what the reasons need.
    letter = bibob_input("weigering")
    text = _text(letter)
    assert "Ik noem hier alleen de feiten waarop ik mij baseer." in text and SECRET_RESEARCH not in text
    research = [{**letter.case_file["own_research"][0], "in_motivering": True}]
    assert f"20 januari 2026, open bronnen: {SECRET_RESEARCH}" in _text(_with(letter, own_research=research))
    unmarked = [{**f, "in_motivering": False} for f in letter.case_file["facts_3a"]]
    text = _text(_with(letter, facts_3a=unmarked, third_parties=[]))
    assert "witwassen van 80.000 euro" not in text
    assert "Ik noem in deze brief geen afzonderlijke feiten. De afweging hieronder geeft de redenen." in text


def test_a_person_who_is_not_heard_is_never_named() -> None:
    # Finding 1 (and the kit guard it asks for): L. Leiding is no derde; a reasoning that names him is refused.
    letter = bibob_input("voornemen_weigering")
    assert "L. Leiding" not in _text(letter) and "leidinggevende" not in _text(letter)
    named = {"mate_van_gevaar": {"outcome": "ernstig_gevaar_a", "reasoning": "L. Leiding verkocht hennep."}}
    assert "L. Leiding" in _errors(_with(letter, named))["naam"]
    condition = [{"code": "eigen", "text": "L. Leiding mag het café niet leiden."}]
    assert "L. Leiding" in _errors(_with(bibob_input("voornemen_voorschriften"), conditions=condition))["conditions"]


def test_a_fact_in_the_reasons_about_someone_else_needs_him_heard() -> None:
    # Legal review 2, finding 3: naming him by his role is not enough; he is heard as a derde or his fact goes.
    for outcome in ("voornemen_weigering", "weigering", "voornemen_voorschriften", "intrekking"):
        letter = bibob_input(outcome)
        marked = [{**f, "in_motivering": True} for f in letter.case_file["facts_3a"]]
        error = _errors(_with(letter, facts_3a=marked))["facts_3a"]
        assert error.startswith("Wie in de motivering voorkomt, wordt als derde gehoord (artikel 33 Wet Bibob).")
        assert "L. Leiding" in error and "Geldschieter" not in error and "voeg die persoon toe bij de derden" in error
        assert _context(bibob_input(outcome, sepot=True))  # heard as a derde: the sepot may be used


def test_every_heard_derde_appears_in_the_reasons() -> None:
    # Finding 8: G. Geldschieter is heard and named; the reasons must use his part, or he is not heard.
    letter = bibob_input("weigering")
    without_g = [f for f in letter.case_file["facts_3a"] if f["person"] != "G. Geldschieter"]
    errors = _errors(_with(letter, facts_3a=without_g))
    assert "G. Geldschieter" in errors["third_parties"] and "F. Financier" not in errors["third_parties"]


def test_a_used_sepot_needs_the_bodys_own_assessment() -> None:
    # Finding 6.
    letter = bibob_input("weigering", sepot=True)
    facts = [{**f, "beoordeling": ""} for f in letter.case_file["facts_3a"]]
    assert "proces-verbaal" in _errors(_with(letter, facts_3a=facts))["facts_3a"]


@pytest.mark.parametrize("outcome", ["voornemen_voorschriften", "verlening_met_voorschriften"])
def test_conditions_despite_serious_danger_say_why_a_refusal_is_disproportionate(outcome: str) -> None:
    # Findings 2 and 3: art. 3 lid 7, second sentence; the body departs from the advice where it differs.
    serious = {"mate_van_gevaar": {"outcome": "ernstig_gevaar_a", "reasoning": "Witwassen."}}
    letter = _with(bibob_input(outcome), serious,
                   lbb={**bibob_input(outcome).case_file["lbb"], "conclusion": "ernstig_gevaar_a"})
    text = _text(letter)
    for needle in ("Er is ernstig gevaar dat de vergunning ook voor strafbare feiten gebruikt zal worden. Weigeren is "
                   "te zwaar.", "Dat staat in artikel 3, eerste, vijfde en zevende lid, van de Wet Bibob.",
                   "Er is ernstig gevaar. Toch weiger ik de vergunning niet.",
                   "Weigeren staat niet in verhouding tot dat gevaar (artikel 3, vijfde en zevende lid, van de Wet "
                   "Bibob).", "Ik verbind er daarom voorschriften aan. De reden: Weigeren gaat verder dan nodig is."):
        assert needle in text, needle
    proportionate = {"evenredig_3_lid_5": {"outcome": "ja", "reasoning": "Weigeren kan."}}
    assert "evenredig_3_lid_5" in _errors(_with(letter, proportionate))
    assert "evenredig_3_lid_5" in _errors(replace(letter, judgements={
        k: v for k, v in letter.judgements.items() if k != "evenredig_3_lid_5"}))


def test_the_degree_of_danger_is_weighed_criterion_by_criterion() -> None:
    # Finding 15: ground a rests on lid 2 (seriousness, relation, advantage), ground b on lid 3.
    text = _text(bibob_input("weigering"))
    for needle in ("Ernst van het vermoeden: Een onherroepelijke veroordeling voor witwassen.",
                   "Aard van de relatie: De financier leende het geld voor de verbouwing.",
                   "Omvang van het voordeel: De lening van 80.000 euro dekt de hele verbouwing.",
                   "Deze punten noemt artikel 3, tweede lid, van de Wet Bibob."):
        assert needle in text, needle
    letter = bibob_input("weigering")
    errors = _errors(_with(letter, danger_criteria={**letter.case_file["danger_criteria"], "voordeel": " "}))
    assert errors == {"danger_criteria": "Schrijf hoe u elk punt van artikel 3, tweede lid, van de Wet Bibob heeft "
                                         "gewogen. Nog leeg: omvang van het voordeel."}


def test_a_withdrawal_says_from_when_and_what_follows() -> None:
    # Finding 14: the day it takes effect, the consequence of going on, the holder's interests weighed.
    text = _text(bibob_input("intrekking"))
    for needle in ("Dit besluit gaat in op 1 juni 2026. Vanaf die dag heeft u geen vergunning meer voor Café De "
                   "Verzonnen Brug.", "Gaat u daarna toch door met wat de vergunning toestond? Dan overtreedt u de "
                   "regels.", "Ik heb uw belangen als vergunninghouder afgewogen tegen het gevaar"):
        assert needle in text, needle
    letter = bibob_input("intrekking")
    for effective in (None, "2026-05-06"):  # none, or not after the day it is sent
        assert "withdrawal_effective_on" in _errors(_with(letter, withdrawal_effective_on=effective))


def test_the_derde_reads_his_role_and_the_general_ground_in_the_voornemen() -> None:
    # Finding 12: the ground in general words (the degree of danger is the aanvrager's) and his art. 3 lid 4 role.
    text = _text(college_input("voornemen_weigering", "derde"))
    for needle in ("U staat in het voorgenomen besluit als financier (vermogensverschaffer) van Café De Verzonnen "
                   "Brug (artikel 3, vierde lid, van de Wet Bibob).",
                   "Het voorgenomen besluit rust op artikel 3 van de Wet Bibob."):
        assert needle in text, needle
    besluit = _text(bibob_input("weigering", "derde"))
    assert "U staat in het besluit als financier" in besluit and "rust op" not in besluit


def test_the_other_derden_are_told_above_the_signature() -> None:
    # Finding 23.
    text = _text(bibob_input("voornemen_weigering"))
    assert text.index("Wie krijgt een brief?") < text.index("Ik geef ook G. Geldschieter") < text.index(
        "Met vriendelijke groet")
    assert "hem of haar" not in text


def test_a_possessive_before_a_het_word_is_not_onze_or_mijn_e() -> None:
    # Finding 11: "ons onderzoek" and "mijn onderzoek", never "onze onderzoek" or "onze voorlopige oordeel".
    texts = [t for module in (phrases, phrases_procedure, phrases_reasons) for name in dir(module) if name.isupper()
             for t in strings(getattr(module, name))]
    wrong = re.compile(r"\{[Oo]nze\} (\w+ )?(" + "|".join(HET_WORDS) + r")\b")
    assert not [t for t in texts if wrong.search(t)]
    letter = bibob_input("intrekking")
    refused = _with(letter, {"mate_van_gevaar": {"outcome": "ernstig_gevaar_art_4", "reasoning": "Geen formulier."}},
                    refused_to_supply_data={"context": "intrekkingsonderzoek_7a_lid3"})
    assert "U gaf niet de gegevens die ik voor mijn onderzoek vroeg" in _text(refused)
    college = college_input("voornemen_weigering")
    assert "Dit is ons voorlopig oordeel." in _text(college)
    assert "Dit is mijn voorlopig oordeel." in _text(bibob_input("voornemen_weigering"))


def test_no_zienswijze_received_is_not_answered_as_two() -> None:
    # Legal review 2, finding 4: "Ik heb geen zienswijze ontvangen." is not followed by "Beide zienswijzen ...".
    text = _text(replace(bibob_input("weigering"), zienswijze={"ontvangen": False}))
    assert "Ik heb geen zienswijze ontvangen." in text and "zienswijzen verwerkt" not in text


def test_art_4_and_lid_6_print_no_criteria_of_ground_a() -> None:
    # Legal review 2, finding 5: the criteria of art. 3 lid 2 and 3 belong to ground a or b only.
    for mate in ("art_3_lid_6", "ernstig_gevaar_art_4"):
        judged = {"mate_van_gevaar": {"outcome": mate, "reasoning": "Zo gewogen."},
                  "advies_beoordeeld": {"outcome": "afgeweken", "reasoning": "Het LBB zag alleen grond a."}}
        refused = {"context": "lbb", "date": "2026-03-01"}
        text = _text(_with(bibob_input("weigering"), judged, refused_to_supply_data=refused))
        assert "Omvang van het voordeel" not in text and "artikel 3, tweede en derde lid" not in text, mate
    assert "Omvang van het voordeel" in _text(bibob_input("weigering"))


def test_the_omgevingsvergunning_names_its_own_bibob_ground() -> None:
    # Legal review 2, finding 2: the confirmed part of art. 5.31 lid 1 Omgevingswet, never "onder a" for every
    # activity; art. 2.20 Wabo before 2024; a withdrawal only on a confirmed withdrawal basis.
    text = _text(college_input("weigering")).replace("\n", " ")
    assert "De omgevingsvergunning berust op artikel 5.1 van de Omgevingswet." in text
    assert ("Wij mogen de omgevingsvergunning weigeren in de gevallen van artikel 3 van de Wet Bibob. Dat staat in "
            "artikel 5.31, eerste lid, aanhef en onder b, van de Omgevingswet.") in text
    earlier = college_input("weigering", verzenddatum=date(2023, 11, 1),
                            deadlines={"uiterlijke_reactiedatum": date(2023, 12, 13)})
    assert "artikel 2.20, eerste lid, van de Wet algemene bepalingen omgevingsrecht" in _text(earlier)
    unconfirmed = college_input("weigering")
    params = dict(unconfirmed.assessment.parameters)
    params["grondslag_per_vergunning"] = replace(params["grondslag_per_vergunning"], value={
        "omgevingsvergunning": "artikel 5.1 van de Omgevingswet"})
    with pytest.raises(InvalidInput) as caught:
        _context(replace(unconfirmed, assessment=replace(unconfirmed.assessment, parameters=params)))
    assert "5.31" in caught.value.errors["grondslag_per_vergunning"]
    for outcome in ("voornemen_intrekking", "intrekking"):
        for rol in ("aanvrager", "derde"):
            with pytest.raises(InvalidInput) as caught:
                _context(college_input(outcome, rol))
            assert "intrekken kan nog niet" in caught.value.errors["grondslag_per_vergunning"]
    text = _text(college_input("intrekking", withdrawal_basis=BASIS)).replace("\n", " ")
    assert f"Wij mogen de omgevingsvergunning intrekken op grond van {BASIS}, in de gevallen van artikel 3" in text
    assert "5.31" not in text
