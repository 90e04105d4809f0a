"""The woonoverlast letters (Gemeentewet 151d) as a municipal lawyer reads them: every template agrees with its
manifest line and renders from the scenario, hostile text survives, the landlord's notice holds only what he
needs, the user and the landlord as addressee read their own duty, the ban runs to the minute, and only a
besluit carries a remedy clause (woonoverlast-151d.md §6 and §8, awb-procedure.md §9)."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest
from letters_support import CLAUSES, ROOT, entries, read_back, render, strings
from woonoverlast_support import (
    LABELS,
    SECRET_CARE,
    SECRET_INCIDENT,
    SECRET_VULNERABILITY,
    landlord_addressed,
    woonoverlast_hostile,
    woonoverlast_input,
)

from app.domain.cleaning import clean_text
from app.domain.errors import InvalidInput, LetterRenderError
from app.letters import kit
from app.letters.manifest import CLAUSE_KEY, ManifestEntry, find_entry
from app.letters.render import undeclared_variables
from app.powers.woonoverlast import invordering, notice, phrases, words
from app.powers.woonoverlast.letters import KEYS, WoonoverlastLetters

KIT = WoonoverlastLetters()
ENTRIES = entries("woonoverlast")
IDS = [e.template for e in ENTRIES]
HOSTILE = "Jansen & Zn <B.V.> \"x\" 100<100 {{ kenmerk }} {% if x %} \x00\x0b\x1f regel\r\n2 é"


def _context(letter):
    return kit.build_context(letter, KIT, CLAUSES)


def _letter(entry: ManifestEntry, **overrides):
    return woonoverlast_input(entry.outcome, entry.addressee, **overrides)


def _text(letter) -> str:
    entry = find_entry(ENTRIES, "woonoverlast", letter.outcome, KIT.addressee(letter.recipient.rol))
    return "\n".join(read_back(render(entry.template, _context(letter)))["body"])


def test_every_outcome_and_addressee_has_a_template() -> None:
    assert {(e.outcome, e.addressee) for e in ENTRIES} == set(KEYS)
    assert ("invorderingsbeschikking", "verhuurder") not in KEYS  # the landlord is not told of a collection


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_template_context_and_manifest_agree(entry: ManifestEntry) -> None:
    assert undeclared_variables((ROOT / entry.template).read_bytes()) == set(entry.required)
    context = _context(_letter(entry))
    assert set(context) == KIT.keys(entry.outcome, entry.addressee)
    assert set(entry.required) <= set(context)
    for key in entry.required:
        assert context[key], key
        if isinstance(context[key], list) and key != "ondertekening":
            assert all(isinstance(v, str) and v.strip() for v in context[key]), key
    assert json.loads(json.dumps(context)) == context


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_missing_key_raises(entry: ManifestEntry) -> None:
    context = _context(_letter(entry))
    key = entry.required[-1]
    with pytest.raises(LetterRenderError):
        render(entry.template, {k: v for k, v in context.items() if k != key})


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_only_a_besluit_to_the_addressee_has_a_remedy_clause(entry: ManifestEntry) -> None:
    assert entry.besluit == (CLAUSE_KEY in entry.required)
    assert entry.besluit == (entry.addressee == "overtreder" and entry.outcome in phrases.CLAUSE)
    assert entry.clause == (phrases.CLAUSE.get(entry.outcome) if entry.besluit else None)
    text = _text(_letter(entry))
    assert ("bezwaar maken tot en met" in text) == entry.besluit


def _hostile(label: str) -> str:
    return clean_text(f"{label}: {HOSTILE}")


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_hostile_text_comes_back_verbatim(entry: ManifestEntry) -> None:
    context = _context(woonoverlast_hostile(entry.outcome, entry.addressee, _hostile))
    text = read_back(render(entry.template, context))
    everything = "\n".join(text["body"] + text["header"] + text["footer"])
    for key in entry.required:
        for value in context[key] if isinstance(context[key], list) else [context[key]]:
            assert value in everything, (key, value[:40])
    for label in LABELS:
        assert _hostile(label) in everything, label
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", everything)
    assert text["title"] == context["onderwerp"]


@pytest.mark.parametrize("outcome", [o for o, a in KEYS if a == "verhuurder"])
def test_landlord_notice_holds_only_what_he_needs(outcome: str) -> None:
    text = _text(woonoverlast_input(outcome, "verhuurder"))
    for secret in (SECRET_INCIDENT, SECRET_CARE, SECRET_VULNERABILITY, "Dreigde", "een partner en een kind",
                   "PL2300", "€", "dwangsom van", "Wil geen behandeling", "De muziek kwam van de bovenburen"):
        assert secret not in text, secret
    assert "Verzinselstraat 7 B" in text and "P. Voorbeeld" in text
    assert "bezwaar maken tot en met" not in text and "Deze brief is een bericht aan u als verhuurder." in text
    if outcome in ("last_onder_dwangsom", "last_onder_bestuursdwang"):
        assert "van 17 maart 2026 tot en met 16 september 2026" in text
        assert "A1: Geen versterkte muziek" in text and "A3" not in text  # the care instruction stays private
        if outcome == "last_onder_dwangsom":  # a bestuursdwang order holds no care instruction at all
            assert "gaan alleen over P. Voorbeeld persoonlijk" in text


def test_the_decision_names_the_landlord_letter_not_a_copy() -> None:
    context = _context(woonoverlast_input("last_onder_dwangsom"))
    assert context["afschrift_aan"][0].startswith("Ik stuur ook een brief aan de verhuurder van de woning, "
                                                  "H. Huisbaas.")
    assert any("politie en Team Handhaven Openbare Ruimte" in p for p in context["afschrift_aan"])
    assert not any("kopie" in p for p in context["afschrift_aan"])
    assert _context(woonoverlast_input("voornemen_last"))["afschrift_aan"] == [
        phrases.OOK_VERHUURDER.format(verhuurder="H. Huisbaas")]


def test_user_and_landlord_read_their_own_duty() -> None:
    user = "\n".join(_context(woonoverlast_input("last_onder_dwangsom"))["motivering"])
    landlord = _context(landlord_addressed("last_onder_dwangsom"))
    reasons = "\n".join(landlord["motivering"])
    assert "U woont in de woning aan Verzinselstraat 7 B" in user and "U verhuurt" not in user
    assert "U verhuurt de woning aan Verzinselstraat 7 B, 6211 ZZ Maastricht aan P. Voorbeeld." in reasons
    assert "tegen betaling in gebruik geeft" in reasons and "overlastclausule" in reasons
    assert landlord["dictum"][0] == phrases.DICTUM[("last", "verhuurder")]
    assert landlord["afschrift_aan"] == [phrases.OOK_TOEZICHT.format(wat="de aanwijzingen en de looptijd")]


def test_landlord_as_addressee_reads_no_health_or_care() -> None:
    text = _text(landlord_addressed("last_onder_dwangsom"))
    for secret in (SECRET_CARE, SECRET_VULNERABILITY, "Wil geen behandeling", "zorgpartner"):
        assert secret not in text, secret
    assert phrases.EVENREDIG_DERDEN in text
    assert "Bedreiging en nachtelijk lawaai" in text  # his own decision: the facts and the seriousness


def test_user_letter_weighs_vulnerability_and_care() -> None:
    text = _text(woonoverlast_input("last_onder_dwangsom"))
    assert SECRET_VULNERABILITY in text and f"U krijgt hulp van {SECRET_CARE}, sinds 1 november 2025." in text
    assert "artikel 4:84" in text and "artikel 5:32b, derde lid" in text


def test_order_states_basis_chronology_subsidiarity_and_terms() -> None:
    text = _text(woonoverlast_input("last_onder_dwangsom"))
    for needle in ("Artikel 2:79 van de Algemene plaatselijke verordening (APV) van Maastricht luidt: Het is verboden",
                   "artikel 151d, eerste lid", "artikel 151d, tweede lid, en artikel 125, eerste lid",
                   "artikel 5:32, eerste lid", "Beleidsregels Wet aanpak woonoverlast Maastricht (Gemeenteblad 2023, "
                   "296458)", "Zaterdag 3 januari 2026 om 22.15 uur: bedreiging, direct bij de woning (op ongeveer "
                   "20 meter van de woning). Vastgesteld door de politie. Kenmerk: PL2300-2026-0042.",
                   "Gemeld door een omwonende, vastgelegd door het Meldpunt van de gemeente.",
                   "zijn drie incidenten bij de woning vastgelegd", "Vier omwonenden",
                   "Incidenten die niet bij de woning gebeurden, tel ik niet mee.",
                   "Deze andere manieren om de overlast te stoppen zijn geprobeerd of overwogen:",
                   "Een gesprek (1 december 2025): dat hielp niet. De overlast ging door.",
                   "Buurtbemiddeling: dat was niet geschikt. De buren zijn bang.",
                   "artikel 151d, tweede lid, van de Gemeentewet)",
                   "A1: Geen versterkte muziek", "tot en met maandag 16 maart 2026",
                   "van 17 maart 2026 tot en met 16 september 2026", "€ 500,00 per vastgestelde overtreding",
                   "ten hoogste € 5.000,00", "U gaf op 20 februari 2026 mondeling uw zienswijze.",
                   "Mijn reactie: De politie stelde vast"):
        assert needle in text, needle
    assert "Waarom is het verbod nodig?" not in text  # a judgement about the ban is not this decision's


def test_bestuursdwang_names_what_happens_and_the_costs() -> None:
    text = _text(woonoverlast_input("last_onder_bestuursdwang"))
    assert "bestuursdwang" in text and "artikel 5:25" in text and "De kosten daarvan betaalt u" in text
    assert "€" not in text and "artikel 5:32" not in text


def test_presence_ban_runs_to_the_minute_without_the_termijnenwet() -> None:
    context = _context(woonoverlast_input("aanwezigheidsverbod"))
    assert context["van"] == "vrijdag 17 april 2026 om 14.00 uur"
    assert context["tot"] == "maandag 27 april 2026 om 14.00 uur"  # Koningsdag: no shift
    text = _text(woonoverlast_input("aanwezigheidsverbod"))
    for needle in ("ook niet op het erf", "de galerij en het trappenhuis van de flat", "De Algemene termijnenwet "
                   "geldt niet", "artikel 5 van de Wet tijdelijk huisverbod", "binnen drie dagen",
                   "In de woning wonen ook: een partner en een kind van zes.", phrases.MINDERJARIGEN,
                   "Waarom is het verbod nodig? De dreiging", "Ik verbied u om in of bij de woning"):
        assert needle in text, needle


def test_extension_names_the_new_end_and_the_four_week_limit() -> None:
    text = _text(woonoverlast_input("verlenging_aanwezigheidsverbod"))
    for needle in ("Het verbod ging in op vrijdag 17 april 2026 om 14.00 uur.",
                   "Het zou eindigen op maandag 27 april 2026 om 14.00 uur.",
                   "Het eindigt nu op vrijdag 15 mei 2026 om 14.00 uur.",
                   "Langer dan tot vrijdag 15 mei 2026 om 14.00 uur kan het verbod niet duren.",
                   "Ik vrees ernstig", "Waarom vrees ik ernstig", "ten hoogste vier weken"):
        assert needle in text, needle


def test_warning_has_no_remedy_and_names_what_may_follow_as_information() -> None:
    entry = find_entry(ENTRIES, "woonoverlast", "waarschuwing", "overtreder")
    assert not entry.besluit and entry.clause is None and CLAUSE_KEY not in entry.required
    text = _text(woonoverlast_input("waarschuwing"))
    assert "Het is nu nog geen besluit." in text and "geen bezwaar tegen maken" in text
    assert "Waarom is de overlast ernstig?" not in text  # a warning prints no recorded judgement
    assert "Stopt de overlast niet, dan kan ik een gedragsaanwijzing geven." in text


def test_voornemen_invites_a_zienswijze_and_has_no_clause() -> None:
    text = _text(woonoverlast_input("voornemen_last"))
    assert "Doe dat uiterlijk maandag 16 maart 2026." in text and "Dit is mijn voorlopige oordeel." in text
    assert "veertien dagen" in text and "zes maanden" in text and "bezwaar maken tot en met" not in text


def test_invorderingsbeschikking_names_each_breach_and_its_own_pay_by_date() -> None:
    context = _context(woonoverlast_input("invorderingsbeschikking"))
    assert context["overtredingen"][0].startswith("2 april 2026: om 23.30 uur overtreding van aanwijzing A1 (Geen "
                                                  "versterkte muziek")
    assert "vastgesteld door een handhaver (boa), kenmerk BOA-77" in context["overtredingen"][1]
    betalen = "\n".join(context["betalen"])
    assert "€ 500,00, uiterlijk donderdag 14 mei 2026" in betalen and "uiterlijk donderdag 21 mei 2026" in betalen
    assert "Tot het maximum kan nog € 4.000,00 worden verbeurd." in context["bedragen"]
    assert "tot en met 2 april 2027" in "\n".join(context["verjaring"]) and "5:37a" in context["verjaring"][-1]
    assert context["afschrift_aan"] == [phrases.ALLEEN_U]
    assert not any(SECRET_VULNERABILITY in p for p in context["motivering"])


@pytest.mark.parametrize(("outcome", "rol", "case", "field"), [
    ("last_onder_dwangsom", "overtreder", {"instructions": []}, "instructions"),
    ("waarschuwing", "overtreder", {"incidents": []}, "incidents"),
    ("aanwezigheidsverbod", "overtreder", {"addressee_role": "verhuurder"}, "addressee_role"),
    ("last_onder_dwangsom", "verhuurder", {"addressee_role": "verhuurder"}, "recipient.rol"),
])
def test_incomplete_input_is_refused(outcome: str, rol: str, case: dict, field: str) -> None:
    letter = woonoverlast_input(outcome, rol)
    with pytest.raises(InvalidInput) as caught:
        _context(replace(letter, case_file={**letter.case_file, **case}))
    assert field in caught.value.errors


def test_a_missing_ban_moment_or_collection_is_refused() -> None:
    letter = woonoverlast_input("aanwezigheidsverbod")
    with pytest.raises(InvalidInput) as caught:
        _context(replace(letter, deadlines={**letter.deadlines, "einde_at": None}))
    assert "deadlines.einde_at" in caught.value.errors
    with pytest.raises(InvalidInput) as caught:
        _context(woonoverlast_input("invorderingsbeschikking", maatregel={}))
    assert "invordering" in caught.value.errors


def test_no_neighbour_is_named() -> None:
    # Pitfall 13: the case file records the KIND of reporter; the letter says "een omwonende", never who.
    text = _text(woonoverlast_input("last_onder_dwangsom"))
    assert phrases.ANONIEM in text and "Gemeld door een omwonende" in text
    assert "Gemeld door een anonieme melder." in text
    assert all(word.startswith(("een ", "de ")) for word in words.MELDER.values())


def test_woonoverlast_phrases_are_plain_language() -> None:
    texts = [v for module in (phrases, words, notice, invordering) for name in dir(module) if name.isupper()
             for v in strings(getattr(module, name))]
    for sentence in (s for t in texts for s in re.split(r"(?<=[.?!])\s+", t) if s):
        assert len(sentence.split()) <= 20, sentence
        assert not re.search(r"\b(wordt|worden)\b.*\bdoor\b", sentence), sentence


def _unconfirmed_norm(letter):
    norm = letter.assessment.parameters["apv_norm_woonoverlast"]
    params = {**letter.assessment.parameters,
              "apv_norm_woonoverlast": replace(norm, status="design default — to confirm with the municipality")}
    return replace(letter, assessment=replace(letter.assessment, parameters=params))


def test_an_unconfirmed_apv_article_is_never_printed_as_maastricht_law() -> None:
    # Legal review item 1: a placeholder is not Maastricht policy or law. The warning names the rule without a
    # number; an order waits until the municipality confirmed the article and its text.
    text = _text(_unconfirmed_norm(woonoverlast_input("waarschuwing")))
    assert "2:79" not in text
    assert "Die plicht staat in de regel over woonoverlast van de Algemene plaatselijke verordening" in text
    for outcome in ("voornemen_last", "last_onder_dwangsom", "last_onder_bestuursdwang"):
        with pytest.raises(InvalidInput) as caught:
            _context(_unconfirmed_norm(woonoverlast_input(outcome)))
        assert "apv_norm_woonoverlast" in caught.value.errors


def test_voornemen_offers_the_file_without_neighbours() -> None:
    text = _text(woonoverlast_input("voornemen_bestuursdwang"))
    assert "Wilt u de stukken uit het dossier lezen?" in text and "Namen en adressen van buren" in text


def test_a_day_with_two_reports_and_the_maximum_reached() -> None:
    # Counted per day: two established breaches on one evening forfeit one sum; the last sum is the remainder.
    letter = woonoverlast_input("invorderingsbeschikking")
    second = {**letter.case_file["incidents"][-1], "at": "2026-04-02T23:55:00+02:00"}
    found = {**letter.maatregel["invordering"], "verbeurten": [
        {"datum": "2026-04-02", "bedrag": "300.00", "betaaltermijn_tot": "2026-05-14", "verjaring_op": "2027-04-02"}],
        "eerder_verbeurd": "4700.00", "bedrag": "300.00", "totaal": "5000.00", "resterend": "0.00",
        "maximum_bereikt": True}
    context = _context(replace(letter, maatregel={"invordering": found},
                               case_file={**letter.case_file, "incidents": [*letter.case_file["incidents"], second]}))
    (line,) = context["overtredingen"]
    assert "om 23.30 uur overtreding van aanwijzing A1" in line and "om 23.55 uur overtreding van aanwijzing A2" in line
    assert line.endswith("Dat is wat nog restte tot het maximum.")
    assert context["bedragen"][-1] == invordering.MAXIMUM_BEREIKT
    assert "Door deze overtreding is van rechtswege € 300,00 verbeurd." in context["bedragen"]

