"""The Bibob letters as a municipal lawyer reads them: every template agrees with its manifest line and renders from
the scenario, the body that decides writes ("wij" for the college, "ik" for the burgemeester), signs and names its
own remedy clause, the legal basis is stated positively per ground, and hostile text survives (bibob.md §6)."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest
from bibob_support import ENTRIES, MANDAAT, TEMPLATES, bibob_hostile, bibob_input, college_input, render_bibob
from bibob_support import TEST_WITHDRAWAL_BASIS as BASIS
from letters_support import CLAUSES, read_back

from app.domain.assessment import CONFIRMED
from app.domain.cleaning import clean_text
from app.domain.errors import InvalidInput, LetterRenderError
from app.letters import kit
from app.letters.manifest import CLAUSE_KEY, ManifestEntry, find_entry
from app.letters.paragraphs import ondertekening
from app.letters.render import undeclared_variables
from app.powers.bibob.letters import KEYS, BibobLetters

KIT = BibobLetters()
IDS = [e.template for e in ENTRIES]
HOSTILE = "Jansen & Zn <B.V.> \"x\" 100<100 {{ kenmerk }} {% if x %} \x00\x0b\x1f regel\r\n2 é"
IK = re.compile(r"\b(ik|mij|mijn)\b", re.IGNORECASE)
WIJ = re.compile(r"\b(wij|onze)\b|\bons\b(?! kenmerk)", re.IGNORECASE)


def _context(letter):
    return kit.build_context(letter, KIT, CLAUSES)


def _text(letter) -> str:
    entry = find_entry(ENTRIES, "bibob", letter.outcome, KIT.addressee(letter.recipient.rol))
    read = read_back(render_bibob(entry, _context(letter)))
    return "\n".join(read["body"] + read["header"])


def _letter(entry: ManifestEntry, **overrides):
    return bibob_input(entry.outcome, entry.addressee, **overrides)


def test_every_outcome_and_addressee_has_a_template() -> None:
    assert {(e.outcome, e.addressee) for e in ENTRIES} == set(KEYS)
    assert {o for o, a in KEYS if a == "derde"} == {"voornemen_weigering", "voornemen_intrekking",
                                                    "voornemen_voorschriften", "weigering", "intrekking",
                                                    "verlening_met_voorschriften"}


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_template_context_and_manifest_agree(entry: ManifestEntry) -> None:
    assert undeclared_variables((TEMPLATES / entry.template).read_bytes()) == set(entry.required)
    context = _context(_letter(entry))
    assert set(context) == KIT.keys(entry.outcome, entry.addressee)
    assert set(entry.required) <= set(context)
    for key in entry.required:
        assert context[key], key
        if isinstance(context[key], list):
            assert all(isinstance(v, str) and v.strip() for v in context[key]), key
    assert json.loads(json.dumps(context)) == context


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_missing_key_raises(entry: ManifestEntry) -> None:
    context = _context(_letter(entry))
    with pytest.raises(LetterRenderError):
        render_bibob(entry, {k: v for k, v in context.items() if k != entry.required[-1]})


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_only_a_besluit_has_the_remedy_clause_of_its_body(entry: ManifestEntry) -> None:
    assert entry.besluit == (CLAUSE_KEY in entry.required) == (entry.clause is not None)
    mayor, college = _text(_letter(entry)), _text(college_input(entry.outcome, entry.addressee, withdrawal_basis=BASIS))
    assert ("bezwaar maken bij de burgemeester van Maastricht" in mayor) == entry.besluit
    assert ("bezwaar maken bij het college van burgemeester en wethouders van Maastricht" in college) == entry.besluit
    assert "bezwaar maken bij de burgemeester" not in college


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_the_body_that_decides_writes_and_signs(entry: ManifestEntry) -> None:
    mayor, college = _context(_letter(entry)), _context(college_input(entry.outcome, entry.addressee,
                                                                       withdrawal_basis=BASIS))
    assert mayor["afzender"] == "De burgemeester van Maastricht"
    assert mayor["ondertekening"][:2] == ["De burgemeester van Maastricht,", "namens deze,"]
    assert college["afzender"] == "Burgemeester en wethouders van Maastricht"
    assert college["ondertekening"][:2] == ["Burgemeester en wethouders van Maastricht,", "namens dezen,"]
    own = [k for k in KIT.keys(entry.outcome, entry.addressee) if isinstance(mayor[k], list) and k not in (
        "rechtsmiddelen", "adresregels", "ondertekening")]  # the clause and the head are not the kit's words
    mayor_words = " ".join(p for k in own for p in mayor[k])
    college_words = " ".join(p for k in own for p in college[k])
    assert IK.search(mayor_words) and not WIJ.search(mayor_words), WIJ.search(mayor_words)
    assert WIJ.search(college_words) and not IK.search(college_words), IK.search(college_words)
    assert "ik, de burgemeester" not in (mayor_words + college_words).lower()


def test_a_signature_or_body_of_another_body_is_refused() -> None:
    wrong = college_input("weigering", ondertekening=ondertekening("burgemeester", "Maastricht", MANDAAT))
    with pytest.raises(InvalidInput) as caught:
        _context(wrong)
    assert "ondertekening" in caught.value.errors
    with pytest.raises(InvalidInput) as caught:  # the zaak says burgemeester, the permit the college
        _context(college_input("weigering", orgaan="burgemeester",
                               ondertekening=ondertekening("burgemeester", "Maastricht", MANDAAT)))
    assert "orgaan" in caught.value.errors


def test_weigering_states_its_basis_positively() -> None:
    text = _text(bibob_input("weigering"))
    for needle in ("Ik weiger uw aanvraag voor een exploitatievergunning voor een horecabedrijf",
                   "artikel 3, eerste lid, aanhef en onder a, van de Wet Bibob", "artikel 3, vijfde lid",
                   "De exploitatievergunning voor een horecabedrijf berust op artikel 2:28 van de APV Maastricht.",
                   "artikel 7 van de Wet Bibob", "Ik volg daarbij artikel 4 van de Beleidsregel voor de toepassing "
                   "van de Wet Bibob Gemeente Maastricht (CVDR728149).",
                   "Het LBB gaf advies op 26 maart 2026. De conclusie van het LBB: er is ernstig gevaar",
                   "Het besluit neem ik zelf.", "Mijn conclusie: er is ernstig gevaar dat de vergunning",
                   "Dat is grond a van artikel 3, eerste lid, van de Wet Bibob.",
                   "Ik heb het advies gecontroleerd en neem de conclusie van het LBB over.",
                   "Het besluit staat in verhouding tot het gevaar. Voorschriften zijn niet genoeg.",
                   "witwassen van 80.000 euro. Dit gaat over F. Financier. Het is een veroordeling door de "
                   "strafrechter.",
                   "F. Financier is financier (vermogensverschaffer) van Café De Verzonnen Brug."):
        assert needle in text, needle
    assert "te bevestigen" not in text and "artikel te" not in text  # an unconfirmed article is never printed
    weighing = text[text.index("De afweging"):text.index("De zienswijzen")]
    assert "?" not in weighing  # each judgement is stated as the body's finding, never as its question


def _to_confirm(letter, name: str):
    params = dict(letter.assessment.parameters)
    params[name] = replace(params[name], status="design default — to confirm with the municipality", source=None)
    return replace(letter, assessment=replace(letter.assessment, parameters=params))


@pytest.mark.parametrize("name", ["grondslag_per_vergunning", "beleidsregel_bibob"])
def test_a_voornemen_or_besluit_waits_for_the_confirmed_article_and_policy(name: str) -> None:
    # Legal review, findings 4 and 16: a default is never printed as the permit's article or as policy.
    for outcome in ("voornemen_weigering", "weigering", "verlening_met_voorschriften", "verlening"):
        with pytest.raises(InvalidInput) as caught:
            _context(_to_confirm(bibob_input(outcome), name))
        assert name in caught.value.errors and "Beheer, Parameters" in caught.value.errors[name]
    for outcome in ("mededeling_adviesaanvraag", "buiten_behandeling"):  # they print neither
        _context(_to_confirm(bibob_input(outcome), name))
    assert bibob_input().assessment.parameters[name].status == CONFIRMED


def test_a_body_that_departs_from_the_advice_says_so_and_why() -> None:
    # Finding 2: the LBB saw serious danger, the body a lesser one.
    letter = bibob_input("voornemen_voorschriften")
    letter = replace(letter, case_file={**letter.case_file, "lbb": {**letter.case_file["lbb"],
                                                                     "conclusion": "ernstig_gevaar_a"}})
    with pytest.raises(InvalidInput) as caught:  # "overgenomen" with another degree of danger contradicts itself
        _context(letter)
    assert "afgeweken" in caught.value.errors["advies_beoordeeld"]
    judgements = {**letter.judgements, "advies_beoordeeld": {"outcome": "afgeweken", "reasoning": "Het LBB zag "
                                                             "de lening als gift; het contract zegt anders."}}
    text = _text(replace(letter, judgements=judgements))
    for needle in ("Ik heb het advies gecontroleerd. Ik wijk af van het advies. De reden staat bij de afweging.",
                   "Mijn voorlopige conclusie: er is een mindere mate van gevaar.",
                   "Ik wijk daarmee af van de conclusie van het LBB. De reden: Het LBB zag de lening als gift"):
        assert needle in text, needle
    assert "neem de conclusie van het LBB over" not in text


@pytest.mark.parametrize(("change", "needles"), [
    ({"mate_van_gevaar": "ernstig_gevaar_b"},
     ("artikel 3, eerste lid, aanhef en onder b", "strafbare feiten te plegen")),
    ({"mate_van_gevaar": "art_3_lid_6"}, ("artikel 3, zesde lid", "om de vergunning te krijgen of te houden")),
    ({"mate_van_gevaar": "ernstig_gevaar_art_4", "refused_to_supply_data": {"context": "lbb_12_lid3"}},
     ("artikel 4 van de Wet Bibob", "artikel 12, derde lid", "De wet zegt dat er dan ernstig gevaar is.")),
])
def test_each_ground_cites_its_own_article(change: dict, needles: tuple[str, ...]) -> None:
    letter = bibob_input("weigering")
    mate = change.pop("mate_van_gevaar")
    judgements = {**letter.judgements, "mate_van_gevaar": {**letter.judgements["mate_van_gevaar"], "outcome": mate}}
    criteria = {**letter.case_file["danger_criteria"], "samenhang": "In het café.", "aantal": "Twee feiten."}
    advised = {**letter.case_file["lbb"], "conclusion": mate if mate != "ernstig_gevaar_art_4" else "ernstig_gevaar_a"}
    change = {"lbb": advised, "danger_criteria": criteria, **change}
    text = _text(replace(letter, judgements=judgements, case_file={**letter.case_file, **change}))
    for needle in needles:
        assert needle in text, needle
    assert "onder a, van de Wet Bibob" not in text


def test_withdrawal_after_a_breach_of_conditions() -> None:
    letter = bibob_input("intrekking")
    breach = {"date": "2026-03-02", "description": "De nieuwe financier is niet vooraf gemeld"}
    judgements = {**letter.judgements, "overtreding_voorschriften": {"outcome": "vastgesteld",
                                                                     "reasoning": "Blijkt uit het KvK-uittreksel."}}
    text = _text(replace(letter, judgements=judgements, case_file={**letter.case_file, "permit_breach": breach}))
    for needle in ("Ik trek de exploitatievergunning voor een horecabedrijf van V. Verzonnen",
                   "Het gaat om de vergunning van 3 mei 2021, kenmerk EV-2021-0042.", "artikel 3, zevende lid",
                   "Op 2 maart 2026 heb ik vastgesteld dat een voorschrift niet is nageleefd. Wat er gebeurde: De "
                   "nieuwe financier is niet vooraf gemeld.", "Zo heb ik de overtreding van de voorschriften "
                   "vastgesteld: Blijkt uit het KvK-uittreksel.", "U heeft zich niet gehouden aan de voorschriften"):
        assert needle in text, needle


def test_refusing_or_withdrawing_needs_serious_danger() -> None:
    letter = bibob_input("weigering")
    milder = {**letter.judgements, "mate_van_gevaar": {"outcome": "mindere_mate", "reasoning": "Klein risico."}}
    with pytest.raises(InvalidInput) as caught:
        _context(replace(letter, judgements=milder))
    assert "mate_van_gevaar" in caught.value.errors
    with pytest.raises(InvalidInput) as caught:
        _context(replace(bibob_input("intrekking"), case_file={**letter.case_file, "existing_permit": None}))
    assert "existing_permit" in caught.value.errors


def test_the_art_32_notice_explains_the_suspension_and_is_no_besluit() -> None:
    text = _text(bibob_input("mededeling_adviesaanvraag"))
    for needle in ("Ik vroeg het advies op 2 februari 2026.", "artikel 32 van de Wet Bibob",
                   "artikel 31 van de Wet Bibob", "acht weken", "met ten hoogste vier weken",
                   "Deze brief is een mededeling en geen besluit.", "De beslistermijn voor uw aanvraag is acht weken.",
                   "U krijgt dan ook een kopie van het advies, voor zover het over u gaat."):
        assert needle in text, needle
    letter = bibob_input("mededeling_adviesaanvraag")
    with pytest.raises(InvalidInput) as caught:
        _context(replace(letter, case_file={**letter.case_file, "lbb": {"requested_on": None}}))
    assert "lbb.requested_on" in caught.value.errors


def test_buiten_behandeling_rests_on_awb_4_5_after_the_period_to_complete() -> None:
    text = _text(bibob_input("buiten_behandeling"))
    for needle in ("artikel 4:5, eerste lid, aanhef en onder a en c, van de Algemene wet bestuursrecht",
                   "artikel 7a van de Wet Bibob",
                   "Op 20 januari 2026 vroeg ik u de aanvraag aan te vullen. U had daarvoor tot en met 3 februari "
                   "2026.",
                   "De financieringsovereenkomst.", "Dit besluit gaat niet over de vraag of er gevaar is."):
        assert needle in text, needle
    letter = bibob_input("buiten_behandeling")
    for until in ("2026-02-10", "2026-01-05"):  # not yet passed; passed more than four weeks ago (Awb 4:5 lid 4)
        with pytest.raises(InvalidInput) as caught:
            _context(replace(letter, case_file={**letter.case_file, "hersteltermijn_until": until}))
        assert "hersteltermijn_until" in caught.value.errors


def test_a_reused_advice_must_be_current_and_at_most_five_years_old() -> None:
    letter = bibob_input("weigering")
    reused = {**letter.case_file, "lbb": {}, "reused_advice": {"date": "2022-01-10", "conclusion": "ernstig_gevaar_a",
                                                               "still_current": True}}
    text = _text(replace(letter, case_file=reused))
    assert "Ik gebruik een eerder advies van het Landelijk Bureau Bibob (LBB) van 10 januari 2022." in text
    assert "niet ouder dan vijf jaar (artikel 29 van de Wet Bibob)" in text
    for change, field in (({"date": "2021-05-05"}, "reused_advice.date"),
                          ({"still_current": False}, "reused_advice.still_current")):
        case = {**reused, "reused_advice": {**reused["reused_advice"], **change}}
        with pytest.raises(InvalidInput) as caught:
            _context(replace(letter, case_file=case))
        assert field in caught.value.errors
    waiting = {**letter.case_file, "lbb": {**letter.case_file["lbb"], "advice_date": None, "conclusion": None}}
    with pytest.raises(InvalidInput) as caught:
        _context(replace(letter, case_file=waiting))
    assert "lbb" in caught.value.errors


def test_own_research_without_advice_says_so() -> None:
    letter = bibob_input("weigering")
    own = replace(letter, case_file={**letter.case_file, "lbb": {}},
                  judgements={k: v for k, v in letter.judgements.items() if k != "advies_beoordeeld"})
    text = _text(own)
    assert "Ik heb geen advies van het Landelijk Bureau Bibob (LBB) gevraagd." in text
    assert "artikel 7a van de Wet Bibob" in text and "In deze brief staan gegevens uit het Bibob-onderzoek" in text
    assert "Het LBB gaf advies" not in text


def _hostile(label: str) -> str:
    return clean_text(f"{label}: {HOSTILE}")


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_hostile_text_comes_back_verbatim(entry: ManifestEntry) -> None:
    context = _context(bibob_hostile(entry.outcome, entry.addressee, _hostile))
    read = read_back(render_bibob(entry, context))
    everything = "\n".join(read["body"] + read["header"] + read["footer"])
    for key in entry.required:
        for found in context[key] if isinstance(context[key], list) else [context[key]]:
            assert found in everything, (key, found[:40])
    for label in ("naam", "aanhef", "behandeld", "ondertekenaar", "bedrijf"):
        assert _hostile(label) in everything, label
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", everything)
    assert read["title"] == context["onderwerp"] and "&amp;" not in read["title"]
