"""Secrecy in the Bibob letters (Wet Bibob art. 28 and 33; bibob.md §8.2 and §8.13): a named derde reads only his
own part of the advice, in the voornemen and in the besluit, and nothing about the aanvrager's other facts, the
LBB's conclusion on the aanvrager or any other derde; the aanvrager's letter does not hold a derde's part or his
zienswijze; every copy or part of the advice goes with the written secrecy warning; and every addressee reads the
same decision."""

from __future__ import annotations

from dataclasses import replace

import pytest
from bibob_support import (
    CASE,
    ENTRIES,
    FINE_G,
    SECRET_ACQUITTAL,
    SECRET_PART_F,
    SECRET_PART_G,
    SECRET_RESEARCH,
    SECRET_SEPOT,
    SECRET_ZIENSWIJZE_F,
    SEPOT_ASSESSMENT,
    TEST_WITHDRAWAL_BASIS,
    bibob_input,
    render_bibob,
)
from bibob_support import college_input as support_college
from letters_support import CLAUSES, read_back

from app.domain.errors import InvalidInput
from app.letters import kit
from app.letters.manifest import find_entry
from app.powers.bibob.letters import KEYS, BibobLetters

KIT = BibobLetters()
VOORNEMENS = ("voornemen_weigering", "voornemen_intrekking", "voornemen_voorschriften")
HEARD = ("weigering", "intrekking", "verlening_met_voorschriften")
WARNING = ("Deze gegevens zijn vertrouwelijk. U mag ze alleen gebruiken voor uw zienswijze, bezwaar of beroep.",
           "U mag ze bespreken met uw advocaat of gemachtigde in deze procedure. Ook die moet ze geheimhouden.",
           "Geef ze verder aan niemand. Dat staat in artikel 28 van de Wet Bibob.",
           "Wie de geheimhouding schendt, kan strafbaar zijn. Zie artikel 28 van de Wet Bibob en artikel 272 van het "
           "Wetboek van Strafrecht.")
# What belongs to the aanvrager's reasons and to the other derde: never in a derde's letter.
NOT_FOR_A_DERDE = ("8.000 euro", SECRET_SEPOT, SECRET_ACQUITTAL, SECRET_RESEARCH, SEPOT_ASSESSMENT, "L. Leiding",
                   "leidinggevende", "ernstig gevaar", "mindere mate", "conclusie", "Geldschieter zegt",
                   "De financier heeft geen invloed", "artikel 3, eerste lid", "CVDR", "Ernst van", "Omvang van",
                   "Voorschrift 1", "in verhouding", "De reden:", "artikel 3, vierde lid, van de Wet Bibob). Zo")
# Each derde's own facts the reasons use, with their art. 3a character (legal review 2, finding 1).
FACT_F = ("14 juni 2023: witwassen van 80.000 euro. Het is een veroordeling door de strafrechter (artikel 3a van de "
          "Wet Bibob).")
FACT_G = f"3 maart 2025: {FINE_G}. Het is een onherroepelijke bestuurlijke boete (artikel 3a van de Wet Bibob)."


def college_input(*args, **kwargs):
    """The college's letters; its withdrawal on a basis a test confirms (legal review 2, finding 2)."""
    return support_college(*args, withdrawal_basis=TEST_WITHDRAWAL_BASIS, **kwargs)


def _context(letter):
    return kit.build_context(letter, KIT, CLAUSES)


def _text(letter) -> str:
    entry = find_entry(ENTRIES, "bibob", letter.outcome, KIT.addressee(letter.recipient.rol))
    read = read_back(render_bibob(entry, _context(letter)))
    return "\n".join(read["body"] + read["header"] + read["footer"])


@pytest.mark.parametrize("outcome", (*VOORNEMENS, *HEARD))
@pytest.mark.parametrize(("derde", "own", "other"), [
    (0, ("F. Financier", SECRET_PART_F, CASE["third_parties"][0]["use_reason"], FACT_F),
     ("G. Geldschieter", SECRET_PART_G, CASE["third_parties"][1]["use_reason"], FINE_G)),
    (1, ("G. Geldschieter", SECRET_PART_G, CASE["third_parties"][1]["use_reason"], FACT_G),
     ("F. Financier", SECRET_PART_F, CASE["third_parties"][0]["use_reason"], SECRET_ZIENSWIJZE_F, "witwassen")),
])
def test_a_derde_reads_only_his_own_part(outcome: str, derde: int, own: tuple, other: tuple) -> None:
    for letter in (bibob_input(outcome, "derde", derde=derde), college_input(outcome, "derde", derde=derde)):
        text = _text(letter)
        for needle in own:
            assert needle in text, needle
        assert ("Geef uw zienswijze uiterlijk woensdag 15 april 2026." in text) == (outcome in VOORNEMENS)
        for secret in (*other, *NOT_FOR_A_DERDE):
            assert secret not in text, secret


def test_a_condition_that_names_the_derde_is_in_his_letter_only() -> None:
    # Finding 12: the condition that concerns him reaches him; the other derde does not read it.
    for outcome in ("voornemen_voorschriften", "verlening_met_voorschriften"):
        to_f, to_g = _text(bibob_input(outcome, "derde", derde=0)), _text(bibob_input(outcome, "derde", derde=1))
        assert "Dit voorschrift gaat over u:\nVoorschrift 2: F. Financier krijgt geen zeggenschap" in to_f
        assert "zeggenschap in de onderneming" not in to_g and "Dit voorschrift" not in to_g


def test_a_derde_letter_carries_no_reasons_of_the_aanvrager() -> None:
    for outcome in VOORNEMENS:
        assert set(KEYS[(outcome, "derde")]) == {"inleiding", "dictum", "uw_deel", "zienswijze", "geheimhouding"}
    for outcome in HEARD:  # finding 5: the besluit reaches the heard derde, with the answer to his zienswijze
        assert set(KEYS[(outcome, "derde")]) == {"inleiding", "dictum", "uw_deel", "uw_zienswijze", "geheimhouding",
                                                 "rechtsmiddelen"}
    assert {o for o, a in KEYS if a == "derde"} == {*VOORNEMENS, *HEARD}


def test_the_aanvrager_does_not_read_a_derdes_part_of_the_advice() -> None:
    for outcome in (*VOORNEMENS, *HEARD):
        text = _text(bibob_input(outcome))
        assert SECRET_PART_F not in text and SECRET_PART_G not in text, outcome
        assert SECRET_ZIENSWIJZE_F not in text, outcome  # his zienswijze is his own: answered in his letter
        assert "80.000 euro" in text and FINE_G in text  # the facts the reasons need do appear
        assert SECRET_RESEARCH not in text  # finding 7: a finding the reasons do not use is left out


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.outcome not in ("mededeling_adviesaanvraag",
                                                                          "buiten_behandeling")],
                         ids=lambda e: e.template)
def test_every_copy_or_part_of_the_advice_has_the_secrecy_warning(entry) -> None:
    for letter in (bibob_input(entry.outcome, entry.addressee), college_input(entry.outcome, entry.addressee)):
        text = _text(letter)
        if entry.outcome == "verlening":  # finding 17: only the conclusion, no other data from the advice
            assert "Verder staan er in dit besluit geen gegevens uit het advies van het LBB." in text
            assert "vertrouwelijk" not in text
            continue
        for needle in WARNING:
            assert needle in text, (entry.template, needle)
        assert "Vraag" not in text[text.index("Geheimhouding"):]  # finding 10: no permission asked to see a lawyer
    if entry.outcome in VOORNEMENS and entry.addressee == "aanvrager":
        assert ("Bij deze brief krijgt u een kopie van het advies van het LBB van 26 maart 2026. Dat staat in "
                "artikel 28, derde lid, van de Wet Bibob.\nGegevens over anderen die niet nodig zijn voor het "
                "voorgenomen besluit, heb ik weggelaten.") in _text(bibob_input(entry.outcome))
    if entry.addressee == "derde":
        assert "Hierboven staat alleen het deel van het advies dat over u gaat (artikel 28, derde lid" in text


def test_no_advice_no_warning_in_the_notice_and_the_incomplete_application() -> None:
    for outcome in ("mededeling_adviesaanvraag", "buiten_behandeling"):
        assert "artikel 28" not in _text(bibob_input(outcome)), outcome


@pytest.mark.parametrize("outcome", VOORNEMENS)
def test_every_addressee_reads_the_same_decision(outcome: str) -> None:
    core = _context(bibob_input(outcome))["dictum"][0]
    for derde in (0, 1):
        assert _context(bibob_input(outcome, "derde", derde=derde))["dictum"][0] == core
    college = _context(college_input(outcome))["dictum"][0]
    assert _context(college_input(outcome, "derde"))["dictum"][0] == college
    assert college.startswith("Wij zijn van plan") and core.startswith("Ik ben van plan")


def test_an_acquittal_is_never_used_and_a_sepot_is_weighed_on_its_facts() -> None:
    # Finding 6: the sepot is no art. 3a fact; the body weighs the underlying facts as it assessed them. Review
    # Legal review 2, finding 3: the reasons use the manager's sepot only when he is heard as a derde, so he is named.
    for outcome in (*VOORNEMENS, *HEARD):
        text = _text(bibob_input(outcome, sepot=True))
        assert SECRET_ACQUITTAL not in text and "vrijspraak" not in text.lower(), outcome
        lid = "artikel 3 van de Wet Bibob" if "voorschriften" in outcome else "artikel 3, tweede lid, van de Wet Bibob"
        for needle in (f"{SECRET_SEPOT}. Dit gaat over L. Leiding. Het is een beleidssepot.",
                       "Een sepot sluit niet uit dat ik de onderliggende feiten meeweeg.",
                       f"Ik heb het proces-verbaal zelf beoordeeld: {SEPOT_ASSESSMENT}",
                       f"Die feiten doen redelijkerwijs vermoeden dat er een relatie is met strafbare feiten ({lid}).",
                       "L. Leiding is leidinggevende van Café De Verzonnen Brug. Zo staat u in relatie"):
            assert needle in text, (outcome, needle)
        assert "Een sepot is geen vrijspraak" not in text
        assert SECRET_SEPOT not in _text(bibob_input(outcome)), outcome  # not heard: not in the reasons


@pytest.mark.parametrize("outcome", (*VOORNEMENS, *HEARD))
def test_a_derde_reads_the_facts_about_him_that_the_reasons_use(outcome: str) -> None:
    # Legal review 2, finding 1: he can respond to them (art. 33 Wet Bibob, Awb 4:8); his own facts, nobody else's.
    to_g = _text(bibob_input(outcome, "derde", derde=1, sepot=True))
    assert f"Deze feiten over u gebruik ik in de motivering:\n{FACT_G}" in to_g
    to_l = _text(college_input(outcome, "derde", derde=2, sepot=True))
    for needle in ("Deze feiten over u gebruiken wij in de motivering:", f"1 februari 2024: {SECRET_SEPOT}. Deze zaak "
                   "heeft het Openbaar Ministerie niet vervolgd (een beleidssepot).",
                   f"Wij hebben het proces-verbaal zelf beoordeeld: {SEPOT_ASSESSMENT}"):
        assert needle in to_l, needle
    for text, others in ((to_g, (SECRET_SEPOT, "witwassen", SECRET_ACQUITTAL)),
                         (to_l, (FINE_G, "witwassen", SECRET_ACQUITTAL, "Geldschieter", "Financier"))):
        for secret in others:
            assert secret not in text, secret
    unused = [{**f, "in_motivering": False} if f["person"] == "G. Geldschieter" else f for f in CASE["facts_3a"]]
    letter = bibob_input(outcome, "derde", derde=1)
    assert "Deze feiten over u" not in _text(replace(letter, case_file={**letter.case_file, "facts_3a": unused}))


@pytest.mark.parametrize(("ref", "change", "field"), [
    (None, {}, "recipient.ref"),
    ("third_parties.7", {}, "recipient.ref"),
    ("third_parties.0", {"part_of_advice": ""}, "third_parties"),
])
def test_a_derde_letter_needs_his_own_entry(ref: str | None, change: dict, field: str) -> None:
    letter = bibob_input("voornemen_weigering", "derde")
    parties = [{**CASE["third_parties"][0], **change}, CASE["third_parties"][1]]
    letter = replace(letter, recipient=replace(letter.recipient, ref=ref),
                     case_file={**letter.case_file, "third_parties": parties})
    with pytest.raises(InvalidInput) as caught:
        _context(letter)
    assert field in caught.value.errors


def test_a_derde_gets_the_besluit_after_his_hearing_but_no_plain_grant() -> None:
    with pytest.raises(InvalidInput) as caught:
        _context(bibob_input("verlening", "derde"))
    assert "outcome" in caught.value.errors
    core = _context(bibob_input("intrekking"))["dictum"][0]
    context = _context(bibob_input("intrekking", "derde"))
    assert context["dictum"][0] == core  # the same decision for every addressee
    assert context["dictum"][1] == ("Het besluit zelf is gericht aan de vergunninghouder, V. Verzonnen. U krijgt "
                                    "alleen het deel dat over u gaat.")  # finding 24
    assert context["onderwerp"] == "Besluit op grond van de Wet Bibob, Café De Verzonnen Brug"


def test_the_aanvrager_is_told_who_else_is_heard_but_not_what_they_read() -> None:
    context = _context(bibob_input("voornemen_weigering"))
    assert context["afschrift_aan"][0] == ("Ik geef ook F. Financier de gelegenheid om te reageren. F. Financier "
                                           "krijgt alleen het deel van het advies dat over die persoon gaat.")
    assert len(context["afschrift_aan"]) == 2 and "kopie" not in " ".join(context["afschrift_aan"])
    alone = bibob_input("voornemen_weigering")
    unmarked = [{**f, "in_motivering": False} for f in alone.case_file["facts_3a"]]  # nobody else in the reasons
    alone = replace(alone, case_file={**alone.case_file, "third_parties": [], "facts_3a": unmarked})
    assert _context(alone)["afschrift_aan"] == ["Deze brief gaat alleen naar u."]
