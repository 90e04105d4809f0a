"""The body that decides a zaak writes its letters (G2): the letterhead names it, it signs ("namens dezen" for the
college) and the bezwaar goes to it (Awb 6:4 lid 1)."""

from __future__ import annotations

import pytest
from letters_support import ROOT, build_context, entries, letter_input, read_back, render

from app.letters.input import LetterInput
from app.letters.manifest import load_clauses
from app.letters.paragraphs import CLAUSE_OF_BODY, HEAD_KEYS, head, ondertekening

SLUITING = next(e for e in entries("damocles") if e.template.endswith("sluiting__bewoner.docx"))
MANDAAT = {"naam": "K. Kabinet", "hoedanigheid": "gemandateerde", "functie": "hoofd Vergunningen"}


def _college(**overrides: object) -> LetterInput:
    signature = ondertekening("college", "Maastricht", MANDAAT)
    return letter_input("sluiting", "overtreder", orgaan="college", ondertekening=signature, **overrides)


def test_every_template_names_the_sender_in_its_letterhead() -> None:
    assert "afzender" in HEAD_KEYS
    for entry in entries():
        assert "afzender" in entry.required, entry.template


@pytest.mark.parametrize(("body", "sender"), [("burgemeester", "De burgemeester van Maastricht"),
                                              ("college", "Burgemeester en wethouders van Maastricht")])
def test_head_gives_the_sender_of_the_body(body: str, sender: str) -> None:
    assert head(letter_input(orgaan=body), "Onderwerp")["afzender"] == sender


def test_rendered_letterhead_names_the_college_for_a_college_zaak() -> None:
    header = read_back(render(SLUITING.template, build_context(_college())))["header"]
    assert header[0] == "Burgemeester en wethouders van Maastricht"
    assert header[1].startswith("Gemeente Maastricht")
    burgemeester = read_back(render(SLUITING.template, build_context(letter_input("sluiting", "overtreder"))))
    assert burgemeester["header"][0] == "De burgemeester van Maastricht"


def test_college_signs_namens_dezen_and_the_burgemeester_namens_deze() -> None:
    assert ondertekening("college", "Maastricht", MANDAAT) == (
        "Burgemeester en wethouders van Maastricht,", "namens dezen,", "K. Kabinet", "hoofd Vergunningen")
    assert ondertekening("burgemeester", "Maastricht", MANDAAT)[1] == "namens deze,"
    locum = ondertekening("college", "Maastricht", {"naam": "W. Wethouder", "hoedanigheid": "plaatsvervanger"})
    assert locum[1] == "voor dezen,"
    assert ondertekening("college", "Maastricht", {"naam": "M. Burgemeester", "hoedanigheid": "orgaan"}) == (
        "Burgemeester en wethouders van Maastricht,", "M. Burgemeester")


def test_bezwaar_college_clause_sends_the_bezwaar_to_the_college() -> None:
    clauses = load_clauses(ROOT)
    clause = clauses["bezwaar_college"]
    text = " ".join(clause.fill("woensdag 13 mei 2026"))
    assert clause.remedy == "bezwaar"
    assert "bezwaar maken bij het college van burgemeester en wethouders van Maastricht" in text
    assert "Stuur uw bezwaarschrift naar: het college van burgemeester en wethouders van Maastricht" in text
    assert "bij de burgemeester" not in text and "naar: de burgemeester" not in text
    same = clauses["bezwaar_en_voorlopige_voorziening"]
    assert len(clause.paragraphs) == len(same.paragraphs)  # the same structure, only the body differs
    for needle in ("zes weken", "tot en met woensdag 13 mei 2026", "handtekening", "binnen een week",
                   "blijft dit besluit gelden", "voorzieningenrechter van de rechtbank Limburg", "Postbus 950"):
        assert needle in text, needle


def test_a_college_besluit_prints_the_college_clause() -> None:
    assert CLAUSE_OF_BODY["college"]["bezwaar_en_voorlopige_voorziening"] == "bezwaar_college"
    college = " ".join(build_context(_college())["rechtsmiddelen"])
    assert "bezwaar maken bij het college van burgemeester en wethouders" in college
    body = read_back(render(SLUITING.template, build_context(_college())))["body"]
    assert "Burgemeester en wethouders van Maastricht," in body and "namens dezen," in body
    burgemeester = " ".join(build_context(letter_input("sluiting", "overtreder"))["rechtsmiddelen"])
    assert "bezwaar maken bij de burgemeester van Maastricht" in burgemeester
    assert "college" not in burgemeester
