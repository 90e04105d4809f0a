"""Ouderbrief letters: one per person with authority at their own address, the child named once, never a
decision or a remedy clause, no other children or group code, refused when the child is eighteen on the
sending date (ouderbrief.md §2.1 O1-O5, §6, §8)."""

from __future__ import annotations

import re
import sys
import zipfile
from dataclasses import replace
from datetime import date

import pytest

from app.config import ROOT
from app.domain.addressees import recipients
from app.domain.errors import InvalidInput
from app.letters.input import Recipient
from app.powers import power
from app.powers.ouderbrief import case as C
from app.rulebook import Rulebook

sys.path.insert(0, str(ROOT / "tests" / "letters"))
from letters_support import (  # noqa: E402
    OB_CASE,
    build_context,
    entries,
    ouderbrief_assessment,
    ouderbrief_input,
    read_back,
    render,
    template_for,
)

BOOK = Rulebook.load(ROOT / "rules")
PROCEDURE = BOOK.index("ouderbrief")
REMEDY_WORDS = ("bezwaar", "beroep", "rechtbank", "voorlopige voorziening", "besluit", "rechtsmiddel", "dictum")


def _text(letter) -> str:
    return "\n".join(read_back(render(template_for(letter), build_context(letter)))["body"])


def test_no_template_has_a_remedy_clause_and_the_manifest_says_no_besluit():
    """Pitfall 9 (O4): any objection clause, decision wording or `rechtsmiddelen` key in an ouderbrief
    template fails the build."""
    found = entries("ouderbrief")
    assert {e.outcome for e in found} == {"ouderbrief", "ouderbrief_herhaald"}
    for entry in found:
        assert entry.besluit is False and entry.clause is None and "rechtsmiddelen" not in entry.required
        with zipfile.ZipFile(ROOT / "letter_templates" / entry.template) as docx:
            xml = docx.read("word/document.xml").decode("utf-8").lower()
        assert "rechtsmiddelen" not in xml
        assert not [w for w in REMEDY_WORDS if w in xml], entry.template
    for outcome in PROCEDURE.outcomes.values():
        assert (outcome.besluit, outcome.remedy, outcome.hearing, outcome.review) == (False, "geen", "geen", "vooraf")


@pytest.mark.parametrize("outcome", ["ouderbrief", "ouderbrief_herhaald"])
def test_the_letter_informs_and_never_decides_or_threatens(outcome):
    text = _text(ouderbrief_input(outcome)).lower()
    assert not [w for w in REMEDY_WORDS if w in text]
    assert "ik heb informatie gekregen van de politie." in text
    assert "volgens die informatie was uw kind op 1 maart 2026 betrokken bij overlast met vuurwerk." in text
    assert "halt" in text and "172a" in text and "169 van boek 6" in text and "dwangsom" in text
    assert "ik leg" not in text and "ik zal" not in text  # next steps are information, never announced
    # The source's account, not an accusation; the mayor's task without overclaiming (Gemeentewet 172 lid 1).
    assert "niet dat uw kind een strafbaar feit heeft gepleegd" in text and "weet ik" not in text
    assert "artikel 172, eerste lid, van de gemeentewet" in text and "zorg ik voor de openbare orde en" not in text


@pytest.mark.parametrize("outcome", ["ouderbrief", "ouderbrief_herhaald"])
def test_sentences_stay_short(outcome):
    letter = ouderbrief_input(outcome, assessment=ouderbrief_assessment(120, ("gemw_172b",)))
    for value in build_context(letter).values():
        for line in value if isinstance(value, list) else [value]:
            for sentence in (s for s in re.split(r"(?<=[.?!])\s+", str(line)) if s):
                assert len(sentence.split()) <= 20, sentence


def test_the_child_is_named_once_and_no_other_child_or_group_code_appears():
    text = _text(ouderbrief_input())
    assert text.count("K. Voorbeeldkind") == 1
    assert "GROEP-X7" not in text and "V. Voorbeeldvader" not in text


def test_group_incident_names_no_other_child():
    case = {**OB_CASE, "group_code": "JEUGDGROEP-FORUM"}
    text = _text(ouderbrief_input(case_file=case))
    assert "JEUGDGROEP-FORUM" not in text and "FORUM" not in text
    assert "Namen van anderen staan er niet in." in text


def test_eighteen_on_the_verzenddatum_refuses_the_letter():
    """Seventeen at the incident, eighteen before sending: no letter to the parents (O1, §8.1)."""
    case = {**OB_CASE, "child": {**OB_CASE["child"], "geboortedatum": "2008-03-05"}}
    assert not power("ouderbrief").letters.check(ouderbrief_input(case_file=case, verzenddatum=date(2026, 3, 4)))
    with pytest.raises(InvalidInput) as refused:
        build_context(ouderbrief_input(case_file=case, verzenddatum=date(2026, 3, 5)))
    assert "achttien" in refused.value.errors["verzenddatum"]


def test_two_parents_at_two_addresses_get_two_letters_each_at_their_own_address():
    data = {"gegevens": {**OB_CASE, "child": {**OB_CASE["child"], "geboortedatum": date(2010, 9, 15)}}}
    people = C.betrokkenen(data, {})
    chosen = recipients(PROCEDURE.outcomes["ouderbrief"], people, lambda p: p["roltype"],
                        lambda p: p.get("geboortedatum"), date(2026, 3, 1))
    assert [p["naam"] for p in chosen] == ["M. Voorbeeldmoeder", "V. Voorbeeldvader"]  # the child gets none
    for person in chosen:
        lines = (f"{person['straat']} {person['huisnummer']}", f"{person['postcode']}  {person['woonplaats']}")
        letter = ouderbrief_input(recipient=Recipient(naam=person["naam"], rol="gezaghebbende", adresregels=lines))
        context = build_context(letter)
        assert context["adresregels"] == [person["naam"], *lines]


def test_guardian_reads_about_the_child_not_your_child():
    case = {**OB_CASE, "gezaghebbenden": [{"naam": "W. Voogdij", "relatie": "voogd",
                                            "adres": {"straat": "Stichtingweg", "huisnummer": "1",
                                                      "postcode": "6200 ZZ", "woonplaats": "Maastricht"}}]}
    guardian = Recipient(naam="W. Voogdij", rol="gezaghebbende", adresregels=("Stichtingweg 1", "6200 ZZ  MAASTRICHT"))
    letter = ouderbrief_input(case_file=case, recipient=guardian)
    text = _text(letter)
    assert "omdat u de voogd bent van K. Voorbeeldkind" in text and "uw kind" not in text


def test_only_a_person_with_authority_gets_the_letter():
    letter = ouderbrief_input(recipient=Recipient(naam="K. Voorbeeldkind", rol="minderjarige", adresregels=("x",)))
    assert "outcome" in power("ouderbrief").letters.check(letter)


def test_the_repeated_letter_names_the_earlier_letter_by_date_and_needs_one():
    # True for a parent found later too, who did not receive the earlier letter ("stuurde ik u" would not be).
    text = _text(ouderbrief_input("ouderbrief_herhaald"))
    assert "Op 1 november 2025 heb ik al een brief gestuurd over uw kind." in text
    alone = ouderbrief_input("ouderbrief_herhaald", assessment=ouderbrief_assessment(None))
    assert "soort" in power("ouderbrief").letters.check(alone)


def test_172b_is_mentioned_only_when_the_rules_found_the_child_under_twelve():
    assert "172b" not in _text(ouderbrief_input())
    young = ouderbrief_input(assessment=ouderbrief_assessment(None, ("gemw_172b",)))
    assert "172b" in _text(young)


def test_hostile_text_and_control_characters_come_out_verbatim():
    place = "Bij A & B <c> \x0b\x07\x1f 'x' — ë"
    case = {**OB_CASE, "incident_place": place, "child": {**OB_CASE["child"], "naam": "K. <Kind> & \x0bZn"}}
    letter = ouderbrief_input(case_file=case)
    context = build_context(letter)
    assert any(place.replace("Bij", "bij") in line for line in context["gebeurd"])
    assert any("K. <Kind> & \x0bZn" in line for line in context["inleiding"])
    cleaned = replace(letter, case_file={**case, "incident_place": "Bij A & B <c> 'x' — ë",
                                          "child": {**case["child"], "naam": "K. <Kind> & Zn"}})
    text = _text(cleaned)
    assert "bij A & B <c> 'x' — ë" in text and "K. <Kind> & Zn" in text


def test_the_proposal_follows_the_rules_and_both_letters_carry_one_measure():
    from app.domain.assessment import Assessment, TraceEntry

    base = ouderbrief_assessment(None)
    bevoegd = TraceEntry(rule="minderjarig_bij_incident", kind="bevoegdheid", value="bevoegd", legal_basis={},
                         explanation="")
    herhaald = TraceEntry(rule="herhaalde_brief", kind="beleid", value="ouderbrief_herhaald", legal_basis={},
                          explanation="")
    adult = TraceEntry(rule="meerderjarig_bij_incident", kind="bevoegdheid", value="niet_bevoegd", legal_basis={},
                       explanation="")
    assert C.proposal(replace(base, fired=(bevoegd,)))["maatregel"] == "ouderbrief"
    assert C.proposal(replace(base, fired=(bevoegd, herhaald)))["maatregel"] == "ouderbrief_herhaald"
    assert C.proposal(replace(base, fired=(adult,)))["maatregel"] == "geen_brief"
    assert {o.measure for o in PROCEDURE.outcomes.values()} == {"ouderbrief"}
    assert isinstance(base, Assessment)


def test_the_place_is_a_street_and_town_never_a_house_number():
    """The place of the incident can be someone's home (AVG art. 5(1)(c), O3): no house number or postcode."""
    context = build_context(ouderbrief_input())
    assert context["onderwerp"] == "Informatie over het gedrag van uw kind, Pleinstraat"
    assert "Dat gebeurde bij de speeltuin op het plein (Pleinstraat, Maastricht)." in context["gebeurd"]
    text = _text(ouderbrief_input())
    assert "Pleinstraat 1" not in text and "6211 EF" not in text
    named = build_context(ouderbrief_input(case_file={**OB_CASE, "incident_place": "In de Pleinstraat"}))
    assert "Dat gebeurde in de Pleinstraat (Maastricht)." in named["gebeurd"]


@pytest.mark.parametrize(("born", "halt", "liability"), [
    ("2015-03-02", False, "jonger dan veertien"), ("2013-03-02", True, "jonger dan veertien"),
    ("2011-03-02", True, "veertien of vijftien"), ("2009-03-02", True, None)])
def test_next_steps_fit_the_childs_age_at_the_incident(born, halt, liability):
    """Halt only from twelve (Sr art. 77e); the parents' liability only below sixteen (BW 6:169)."""
    case = {**OB_CASE, "child": {**OB_CASE["child"], "geboortedatum": born}}
    lines = build_context(ouderbrief_input(case_file=case))["vervolg"]
    assert any("Halt" in line for line in lines) is halt
    found = [line for line in lines if "169 van Boek 6" in line]
    assert (liability in found[0]) if liability else not found


def test_the_letter_says_what_happens_with_the_data_and_has_one_contact_section():
    """Privacy information (AVG art. 13/14), to confirm with the privacy officer; no second "Heeft u vragen?"."""
    text = _text(ouderbrief_input())
    assert "Wat gebeurt er met uw gegevens?" in text and "alleen voor de openbare orde" in text
    assert "Heeft u vragen?" not in text and text.count("Noem daarbij ons kenmerk") == 1
