"""The Bibob letters against a lawyer's review (legal-review-damocles.md, bibob.md §6 and §8): every zienswijze of
the aanvrager and of each derde is answered, the conditions are listed with the consequence of a breach, the
weighing is printed as the person recorded it, article 30 of the Wet Bibob is never cited, and the words are
plain (B1)."""

from __future__ import annotations

import re
from dataclasses import replace

import docx
import pytest
from bibob_support import (
    ENTRIES,
    SECRET_ZIENSWIJZE_F,
    STANDARD_CONDITION,
    TEMPLATES,
    TEST_WITHDRAWAL_BASIS,
    ZIENSWIJZEN,
    bibob_input,
    college_input,
    render_bibob,
)
from letters_support import CLAUSES, read_back, strings

from app.domain.errors import InvalidInput
from app.letters import kit
from app.letters.manifest import find_entry
from app.powers.bibob import phrases, phrases_procedure, phrases_reasons, words
from app.powers.bibob.letters import BibobLetters

KIT = BibobLetters()
ARTICLE_30 = re.compile(r"\b(artikel|art\.)\s*30(?![0-9a-z])", re.IGNORECASE)
HEARD = ("weigering", "intrekking", "verlening_met_voorschriften")
PHRASES = (phrases, phrases_procedure, phrases_reasons)


def _context(letter):
    return kit.build_context(letter, KIT, CLAUSES)


def _text(letter) -> str:
    entry = find_entry(ENTRIES, "bibob", letter.outcome, KIT.addressee(letter.recipient.rol))
    return "\n".join(read_back(render_bibob(entry, _context(letter)))["body"])


@pytest.mark.parametrize("outcome", HEARD)
def test_every_zienswijze_is_answered(outcome: str) -> None:
    # Finding 5: the aanvrager reads his own answer and that each derde gave one or none; each derde reads his own.
    text = _text(bibob_input(outcome))
    for needle in ("Voordat ik dit besluit nam, kon u een zienswijze geven (artikel 33 van de Wet Bibob).",
                   "Bij het voornemen kreeg u een kopie van het advies, voor zover nodig voor de motivering.",
                   "Ook F. Financier en G. Geldschieter konden een zienswijze geven over het deel dat over hen gaat.",
                   "U gaf op 13 april 2026 schriftelijk uw zienswijze. In het kort: De financier heeft geen invloed",
                   "Mijn reactie: De lening geeft de financier een financieel belang",
                   "F. Financier gaf op 14 april 2026 mondeling een zienswijze. Ik beantwoord die in een brief aan F. "
                   "Financier.", "G. Geldschieter gaf geen zienswijze.",
                   "Zo heb ik de zienswijzen verwerkt: Beide zienswijzen veranderen de conclusie niet."):
        assert needle in text, needle
    assert text.count("Mijn reactie: ") == 1 and SECRET_ZIENSWIJZE_F not in text
    assert "Onze reactie: De lening" in _text(college_input(outcome, withdrawal_basis=TEST_WITHDRAWAL_BASIS))
    to_f, to_g = _text(bibob_input(outcome, "derde", derde=0)), _text(bibob_input(outcome, "derde", derde=1))
    for needle in ("U gaf op 14 april 2026 mondeling uw zienswijze. In het kort: " + SECRET_ZIENSWIJZE_F,
                   "Mijn reactie: De veroordeling is recent genoeg"):
        assert needle in to_f and needle not in to_g, needle
    assert "U gaf geen zienswijze op het voorgenomen besluit." in to_g


def test_an_unanswered_zienswijze_or_no_hearing_is_refused() -> None:
    letter = bibob_input("weigering")
    open_one = {**ZIENSWIJZEN, "zienswijzen": [ZIENSWIJZEN["zienswijzen"][0],
                                                {**ZIENSWIJZEN["zienswijzen"][1], "reactie": " "}]}
    with pytest.raises(InvalidInput) as caught:
        _context(replace(letter, zienswijze=open_one))
    assert "F. Financier" in caught.value.errors["zienswijze"]
    with pytest.raises(InvalidInput) as caught:
        _context(replace(letter, zienswijze=None))
    assert "artikel 33" in caught.value.errors["zienswijze"]


def test_no_zienswijze_received_and_the_awb_4_11_ground() -> None:
    none = _text(bibob_input("weigering", zienswijze={"ontvangen": False}))
    assert "Ik heb geen zienswijze ontvangen." in none
    earlier = _text(bibob_input("intrekking", zienswijze={"uitzondering": "eerder_gehoord_4_11_b",
                                                           "reasoning": "Gehoord op 14 april 2026."}))
    assert "Ik hoorde u vooraf niet. De reden: U kon al eerder uw zienswijze geven." in earlier
    assert "Gehoord op 14 april 2026." in earlier


def test_a_grant_after_a_voornemen_answers_the_zienswijzen_too() -> None:
    text = _text(bibob_input("verlening", zienswijze=ZIENSWIJZEN))
    assert "Mijn reactie: De lening geeft de financier" in text and "F. Financier gaf op 14 april 2026" in text
    assert "Er is geen gevaar dat de vergunning in de weg staat." in text
    assert "zienswijze" not in _text(bibob_input("verlening")).lower()  # no hearing: nothing to answer


@pytest.mark.parametrize("outcome", ["voornemen_voorschriften", "verlening_met_voorschriften"])
def test_conditions_are_listed_with_the_consequence_of_a_breach(outcome: str) -> None:
    text = _text(bibob_input(outcome))
    conclusion = "voorlopige conclusie" if outcome.startswith("voornemen") else "conclusie"
    for needle in ("Voorschrift 1: " + STANDARD_CONDITION,  # the standard text: who, what and how long before
                   "Voorschrift 2: F. Financier krijgt geen zeggenschap in de onderneming.",
                   "Houdt u zich niet aan een voorschrift? Dan kan ik de vergunning intrekken.",
                   "artikel 3, zevende lid, van de Wet Bibob", f"Mijn {conclusion}: er is een mindere mate van gevaar.",
                   "De voorschriften nemen het gevaar weg of beperken het voldoende. De reden: Een melding vooraf"):
        assert needle in text, needle
    assert "weigeren of intrekken als dat in verhouding" not in text  # lid 5 is about refusal, not conditions
    assert "Toch weiger ik de vergunning niet." not in text  # a lesser danger: no refusal to weigh
    letter = bibob_input(outcome)
    with pytest.raises(InvalidInput) as caught:
        _context(replace(letter, case_file={**letter.case_file, "conditions": [{"code": "onbekend", "text": ""}]}))
    assert "conditions" in caught.value.errors


def test_a_besluit_needs_the_recorded_weighing() -> None:
    letter = bibob_input("weigering")
    with pytest.raises(InvalidInput) as caught:
        _context(replace(letter, judgements={k: v for k, v in letter.judgements.items()
                                             if k != "evenredig_3_lid_5"}))
    assert "evenredig_3_lid_5" in caught.value.errors


def test_article_30_is_never_cited() -> None:
    # Art. 30 (forms, refusal to give data) is gone since 2024 (bibob.md §1.1, pitfall 7): a template, a phrase or
    # a rendered letter that cites it fails the build.
    assert ARTICLE_30.search("zie artikel 30 van de Wet Bibob") and ARTICLE_30.search("art. 30")
    assert not ARTICLE_30.search("artikel 30b van de Wet op de kansspelen") and not ARTICLE_30.search("artikel 3,")
    texts = [s for module in (phrases, phrases_procedure, phrases_reasons, words) for name in dir(module)
             if name.isupper()
             for s in strings(getattr(module, name))]
    texts.append((TEMPLATES / "bibob" / "layout.yaml").read_text())
    for entry in ENTRIES:
        document = docx.Document(TEMPLATES / entry.template)
        texts += [p.text for p in document.paragraphs]
        texts += [_text(bibob_input(entry.outcome, entry.addressee)),
                  _text(college_input(entry.outcome, entry.addressee, withdrawal_basis=TEST_WITHDRAWAL_BASIS))]
    found = [t[:60] for t in texts if ARTICLE_30.search(t)]
    assert not found, found


def test_bibob_phrases_are_plain_language() -> None:
    texts = [v for module in PHRASES for name in dir(module) if name.isupper() for v in strings(getattr(module, name))]
    for sentence in (s for t in texts for s in re.split(r"(?<=[.?!])\s+", t) if s):
        assert len(sentence.split()) <= 20, sentence
        assert not re.search(r"\b(wordt|worden)\b.*\bdoor\b", sentence), sentence


def test_every_verb_placeholder_has_both_voices() -> None:
    # A phrase in the college's voice names each verb by its "wij" form; words.voice() must know the "ik" form.
    used = {name for t in (s for module in PHRASES for n in dir(module) if n.isupper()
                           for s in strings(getattr(module, n)))
            for name in re.findall(r"\{(\w+)\}", t)}
    voiced = set(words.voice("burgemeester"))
    data = set(words.words_for(bibob_input("weigering"))) - voiced
    extra = {"mate", "reden", "datum", "omschrijving", "nummer", "tekst", "delict", "persoon", "karakter", "rol",
             "bevinding", "bron", "naam", "wijze", "samenvatting", "reactie", "reasoning", "derde", "derden", "deel",
             "grondslag", "besluit_woord", "conclusie_woord", "soort", "beoordeling", "lid"}
    assert used <= voiced | data | extra, used - voiced - data - extra
    assert words.voice("burgemeester")["Willen"] == "Wil" and words.voice("college")["namen"] == "namen"
