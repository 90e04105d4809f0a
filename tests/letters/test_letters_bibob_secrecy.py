"""Secrecy in the Bibob letters (Wet Bibob art. 28 and 33; bibob.md §8.2 and §8.13): a named derde reads only his
own part of the advice and nothing about the aanvrager's other facts, the LBB's conclusion on the aanvrager or any
other derde; the aanvrager's letter does not hold a derde's part; every copy or part of the advice goes with the
written secrecy warning; and every addressee reads the same decision."""

from __future__ import annotations

from dataclasses import replace

import pytest
from bibob_support import (
    CASE,
    ENTRIES,
    SECRET_ACQUITTAL,
    SECRET_PART_F,
    SECRET_PART_G,
    SECRET_RESEARCH,
    SECRET_SEPOT,
    bibob_input,
    college_input,
    render_bibob,
)
from letters_support import CLAUSES, read_back

from app.domain.errors import InvalidInput
from app.letters import kit
from app.letters.manifest import find_entry
from app.powers.bibob.letters import KEYS, BibobLetters

KIT = BibobLetters()
VOORNEMENS = ("voornemen_weigering", "voornemen_intrekking", "voornemen_voorschriften")
WARNING = ("U mag ze niet aan anderen doorgeven. Dat staat in artikel 28 van de Wet Bibob.",
           "Deze gegevens zijn vertrouwelijk.")
# What belongs to the aanvrager's reasons and to the other derde: never in a derde's letter.
NOT_FOR_A_DERDE = ("80.000 euro", SECRET_SEPOT, SECRET_ACQUITTAL, SECRET_RESEARCH, "L. Leiding", "ernstig gevaar",
                   "mindere mate", "conclusie", "Geldschieter zegt", "zeggenschap in de onderneming",
                   "De financier heeft geen invloed", "artikel 3, eerste lid", "artikel 3a", "CVDR")


def _context(letter):
    return kit.build_context(letter, KIT, CLAUSES)


def _text(letter) -> str:
    entry = find_entry(ENTRIES, "bibob", letter.outcome, KIT.addressee(letter.recipient.rol))
    read = read_back(render_bibob(entry, _context(letter)))
    return "\n".join(read["body"] + read["header"] + read["footer"])


@pytest.mark.parametrize("outcome", VOORNEMENS)
@pytest.mark.parametrize(("derde", "own", "other"), [
    (0, ("F. Financier", SECRET_PART_F, CASE["third_parties"][0]["use_reason"]),
     ("G. Geldschieter", SECRET_PART_G, CASE["third_parties"][1]["use_reason"])),
    (1, ("G. Geldschieter", SECRET_PART_G, CASE["third_parties"][1]["use_reason"]),
     ("F. Financier", SECRET_PART_F, CASE["third_parties"][0]["use_reason"])),
])
def test_a_derde_reads_only_his_own_part(outcome: str, derde: int, own: tuple, other: tuple) -> None:
    text = _text(bibob_input(outcome, "derde", derde=derde))
    for needle in own:
        assert needle in text, needle
    assert "Geef uw zienswijze uiterlijk woensdag 15 april 2026." in text
    for secret in (*other, *NOT_FOR_A_DERDE):
        assert secret not in text, secret


def test_a_derde_letter_carries_no_reasons_of_the_aanvrager() -> None:
    for outcome in VOORNEMENS:
        assert set(KEYS[(outcome, "derde")]) == {"inleiding", "dictum", "uw_deel", "zienswijze", "geheimhouding"}
    assert not [o for o, a in KEYS if a == "derde" and o not in VOORNEMENS]  # the art. 33 hearing only


def test_the_aanvrager_does_not_read_a_derdes_part_of_the_advice() -> None:
    for outcome in (*VOORNEMENS, "weigering", "intrekking", "verlening_met_voorschriften"):
        text = _text(bibob_input(outcome))
        assert SECRET_PART_F not in text and SECRET_PART_G not in text, outcome
        assert "80.000 euro" in text  # the facts the reasons need do appear


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.outcome not in ("mededeling_adviesaanvraag",
                                                                          "buiten_behandeling")],
                         ids=lambda e: e.template)
def test_every_copy_or_part_of_the_advice_has_the_secrecy_warning(entry) -> None:
    for letter in (bibob_input(entry.outcome, entry.addressee), college_input(entry.outcome, entry.addressee)):
        text = _text(letter)
        for needle in WARNING:
            assert needle in text, (entry.template, needle)
    if entry.outcome in VOORNEMENS and entry.addressee == "aanvrager":
        assert ("Bij deze brief krijgt u een kopie van het advies van het LBB van 26 maart 2026. Dat staat in "
                "artikel 28, derde lid, van de Wet Bibob.") in _text(bibob_input(entry.outcome))
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


def test_an_acquittal_is_never_used_and_a_sepot_is() -> None:
    for outcome in (*VOORNEMENS, "weigering", "intrekking", "verlening_met_voorschriften"):
        text = _text(bibob_input(outcome))
        assert SECRET_ACQUITTAL not in text and "vrijspraak van" not in text.lower(), outcome
        assert f"{SECRET_SEPOT}. Dit gaat over L. Leiding. Het is een zaak die het Openbaar Ministerie niet " \
               "vervolgde." in text
        assert "Een sepot is geen vrijspraak." in text


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


def test_a_derde_gets_no_besluit_letter() -> None:
    with pytest.raises(InvalidInput) as caught:
        _context(bibob_input("weigering", "derde"))
    assert "outcome" in caught.value.errors


def test_the_aanvrager_is_told_who_else_is_heard_but_not_what_they_read() -> None:
    context = _context(bibob_input("voornemen_weigering"))
    assert context["afschrift_aan"][0].startswith("Ik geef ook F. Financier de gelegenheid om te reageren.")
    assert len(context["afschrift_aan"]) == 2 and "kopie" not in " ".join(context["afschrift_aan"])
    alone = bibob_input("voornemen_weigering")
    alone = replace(alone, case_file={**alone.case_file, "third_parties": []})
    assert _context(alone)["afschrift_aan"] == ["Deze brief gaat alleen naar u."]
