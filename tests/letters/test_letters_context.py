"""build_context: plain-language content, order of the motivation, and refusal of incomplete input."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from letters_support import DEADLINES, GEGEVENS, ROOT, assessment, build_context, judgement, letter_input, strings

from app.domain.assessment import ParameterValue
from app.domain.errors import InvalidInput
from app.domain.judgements import Recorded
from app.letters.manifest import load_clauses
from app.powers.damocles import phrases


def test_sluiting_opens_with_the_decision() -> None:
    context = build_context(letter_input("sluiting"))
    assert context["inleiding"][0].startswith(
        "Ik sluit de woning aan Voorbeeldstraat 12 A, 6211 AB Maastricht voor drie maanden, "
        "vanaf donderdag 16 april 2026 om 10.00 uur.")
    assert context["sluiting_van"] == "donderdag 16 april 2026 om 10.00 uur"
    assert context["sluiting_tot"] == "donderdag 16 juli 2026"
    assert context["begunstigingstermijn"] == "woensdag 15 april 2026"
    assert context["datum_brief"] == "1 april 2026"
    assert context["onderwerp"] == "Besluit tot sluiting, Voorbeeldstraat 12 A"
    assert context["adresregels"] == ["J. Jansen", "Voorbeeldstraat 12 A", "6211 AB  MAASTRICHT"]
    dictum = " ".join(context["dictum"])
    assert dictum.startswith("Ik leg u een last onder bestuursdwang op. De woning aan Voorbeeldstraat 12 A")
    assert "Woonstichting Maasdal" in dictum and "verzegel" in dictum
    # Awb 8:81: no closure while the interim-relief judge has not decided
    assert "niet voordat de voorzieningenrechter heeft beslist" in dictum
    kosten = " ".join(context["kosten"])
    assert "betaalt u als overtreder de kosten" in kosten and "slotenmaker" in kosten and "verzegelen" in kosten


def test_the_order_is_the_same_for_every_addressee() -> None:
    """One decision, one content: the owner reads the same order, to the same overtreder, as the resident."""
    resident = build_context(letter_input("sluiting"))
    owner = build_context(letter_input("sluiting", "rechthebbende"))
    assert owner["dictum"][0] == "Ik leg J. Jansen" + resident["dictum"][0][len("Ik leg u"):]
    assert owner["dictum"][2:-1] == resident["dictum"][2:-1]
    assert resident["dictum"][1].startswith("U zorgt dat iedereen de woning uiterlijk woensdag 15 april 2026")
    assert owner["dictum"][1].startswith("J. Jansen zorgt dat iedereen de woning uiterlijk")
    assert "de overtreder (J. Jansen) de kosten" in " ".join(owner["kosten"])


def test_closure_states_its_legal_basis_and_the_norm() -> None:
    context = build_context(letter_input("sluiting", case_file={**GEGEVENS, "sluitobject": "woning_en_erf",
                                                                "sluitobject_bag_id": "0935010000012345"}))
    assert "(BAG-identificatie 0935010000012345)" in context["dictum"][0]
    m = context["motivering"]
    assert m[1].startswith("Ik ben bevoegd om de woning met het erf erbij aan Voorbeeldstraat 12 A, 6211 AB "
                           "Maastricht te sluiten.")
    assert "artikel 13b, eerste lid, van de Opiumwet" in m[1] and "5:21 en 5:24" in m[1]
    assert m[2] == ("Het is verboden drugs te verkopen, af te leveren, te verstrekken of aanwezig te hebben. Dat "
                    "staat in artikel 2, aanhef en onder B en C, van de Opiumwet.")
    # everything the order says is about what is closed, never only the place of the find
    assert all("het erf" in p for p in context["dictum"][:2]) and "de woning met het erf erbij" in context["dictum"][2]
    assert m[3].startswith("Een last onder bestuursdwang betekent:")
    assert not any("Als ik bevoegd ben" in p for p in m)


def test_a_besluit_names_the_time_the_closure_starts() -> None:
    with pytest.raises(InvalidInput) as info:
        build_context(letter_input("sluiting", case_file={**GEGEVENS, "sluiting_aanvang": None}))
    assert "sluiting_aanvang" in info.value.errors


def test_closure_needs_a_chosen_object() -> None:
    with pytest.raises(InvalidInput) as info:
        build_context(letter_input("voornemen_sluiting", case_file={**GEGEVENS, "sluitobject": None}))
    assert "sluitobject" in info.value.errors
    assert build_context(letter_input("waarschuwing", case_file={**GEGEVENS, "sluitobject": None}))


def test_voornemen_gives_a_provisional_view_and_asks_what_must_be_weighed() -> None:
    context = build_context(letter_input("voornemen_sluiting"))
    assert context["inleiding"][0].startswith("Ik ben van plan de woning")
    assert context["zienswijze_tot"] == "woensdag 15 april 2026"
    assert "rechtsmiddelen" not in context
    assert context["motivering"][1].startswith("Dit is mijn voorlopige oordeel.")
    vragen = " ".join(context["vragen"])
    for needle in ("eigen gebruik", "kinderen", "ziek", "ergens anders wonen", "huurcontract"):
        assert needle in vragen, needle
    assert "de bestuurlijke rapportage van de politie" in " ".join(context["inzage"])
    owner = build_context(letter_input("voornemen_sluiting", "rechthebbende"))
    assert "Wist u van de drugs?" in " ".join(owner["vragen"]) and "kinderen" not in " ".join(owner["vragen"])


def test_business_premises_have_no_residents() -> None:
    lokaal = {**GEGEVENS, "premises_type": "lokaal", "sluitobject": "lokaal",
              "naam_inrichting": "Café De Verzonnen Hoek"}
    context = build_context(letter_input("voornemen_sluiting", case_file=lokaal, judgements={}))
    text = " ".join(v if isinstance(v, str) else " ".join(v) for v in context.values() if isinstance(v, str | list))
    assert "bewoners" not in text and "kinderen" not in text
    assert "het lokaal Café De Verzonnen Hoek aan" in text and "de exploitant en de gebruikers" in text


def test_waarschuwing_has_no_dictum_and_says_how_long_it_counts() -> None:
    param = ParameterValue(name="recidive_termijn_jaren", value=3, valid_from=date(2007, 11, 1), status="statute",
                           reference={"title": "x"})
    a = replace(assessment(), parameters={**assessment().parameters, "recidive_termijn_jaren": param})
    context = build_context(letter_input("waarschuwing", assessment=a))
    assert context["inleiding"][0].startswith("Ik geef u een waarschuwing.")
    assert "dictum" not in context and "rechtsmiddelen" not in context
    assert context["vervolg"][0].startswith("Vindt de politie binnen drie jaar na 1 maart 2026 opnieuw drugs")
    unconfirmed = replace(param, status="design default — to confirm with the municipality")
    a = replace(a, parameters={**a.parameters, "recidive_termijn_jaren": unconfirmed})
    default = build_context(letter_input("waarschuwing", assessment=a))["vervolg"]
    assert "jaar" not in " ".join(default)  # a default window is not presented as the municipality's policy


def test_motivation_order() -> None:
    recorded = {code: Recorded(code, "voldaan", f"Reden {code}.", "jurist")
                for code in ("evenwichtigheid", "geschiktheid", "eigen_oordeel")}
    context = build_context(letter_input(judgements=recorded, afwijking_beleid="Het gezin heeft zorg nodig."))
    m = context["motivering"]
    assert m[0] == ("Ik baseer dit besluit op de bestuurlijke rapportage van de politie van 5 maart 2026, "
                    "met kenmerk PL2300-2026-1234.")
    assert m[1].startswith("Ik ben bevoegd") and m[2].startswith("Het is verboden drugs te verkopen")
    assert m[4].startswith("Er zijn ook aanwijzingen") and "waarnemingen van de politie" in m[4]
    # the competence rests on the quantity and the threshold, stated from the facts (not the rule's template)
    assert m[5].startswith("Aan harddrugs lag in totaal 2,5 gram. Dat is meer dan 0,5 gram, de grens voor eigen "
                           "gebruik.")
    assert not any(p.startswith("Er is meer harddrugs gevonden") for p in m)
    helpt = m.index("Helpt een sluiting? Reden geschiktheid.")
    assert m[helpt + 1] == "Zijn de gevolgen van een sluiting te zwaar? Reden evenwichtigheid."
    assert "4:84" in m[helpt + 2] and "moet" in m[helpt + 2] and m[helpt + 3] == "Het gezin heeft zorg nodig."
    assert not any("eigen_oordeel" in p for p in m)  # a code outside index.yaml is skipped
    assert m[-1] == "Mijn reactie: Dat neem ik aan; de verhuurder treft geen verwijt."
    assert not any("praktijkruimte" in p or "tijdsverloop" in p for p in m)  # not fired / oordeel rules


def test_every_zienswijze_is_answered() -> None:
    m = build_context(letter_input("sluiting"))["motivering"]
    own = m.index("U gaf op 10 april 2026 schriftelijk uw zienswijze. In het kort: De drugs waren van een logé.")
    assert m[own + 1] == "Mijn reactie: Dat is niet aannemelijk gemaakt."
    other = m.index("Woonstichting Maasdal heeft op 11 april 2026 mondeling een zienswijze gegeven. In het kort: "
                    "De verhuurder wist van niets.")
    assert m[other + 1].startswith("Mijn reactie: Dat neem ik aan")


def test_owner_does_not_read_the_residents_zienswijze() -> None:
    m = build_context(letter_input("sluiting", "rechthebbende"))["motivering"]
    text = " ".join(m)
    assert "logé" not in text and "Dat is niet aannemelijk gemaakt." not in text
    assert "J. Jansen heeft op 10 april 2026 schriftelijk een zienswijze gegeven. Daarin staan persoonlijke " \
           "gegevens." in text and "Algemene verordening gegevensbescherming" in text
    assert "U gaf op 11 april 2026 mondeling uw zienswijze." in text


def test_zienswijze_variants() -> None:
    spoed = {"uitzondering": "eerder_gehoord_4_11_b", "reasoning": "Er is niets nieuws."}
    skipped = build_context(letter_input(zienswijze=spoed))
    assert "artikel 4:11, onder b" in skipped["motivering"][-2]
    assert skipped["motivering"][-1] == "Er is niets nieuws."
    none = build_context(letter_input(zienswijze={"ontvangen": False, "zienswijzen": [], "reactie": None}))
    assert none["motivering"][-1].endswith("Ik heb geen zienswijze ontvangen.")


def test_rechthebbende_letter() -> None:
    context = build_context(letter_input("sluiting", "rechthebbende"))
    assert "U bent eigenaar of verhuurder van de woning." in context["inleiding"][0]
    assert any(p.startswith("De sluiting geldt ook voor u.") for p in context["dictum"])
    assert "de overtreder (J. Jansen)" in " ".join(context["kosten"])


def test_copies_are_what_the_case_file_records() -> None:
    resident = build_context(letter_input("sluiting"))
    assert resident["afschrift_aan"] == ["Ik stuur dit besluit ook aan: Woonstichting Maasdal (eigenaar of "
                                         "verhuurder)."]
    police = {**GEGEVENS, "afschrift_ontvanger": "Politie Limburg"}
    with_copy = build_context(letter_input("sluiting", case_file=police))
    # the police are told that there is a decision, not its content (no redacted version is produced)
    assert with_copy["afschrift_aan"][-1] == "Ik laat Politie Limburg weten dat ik dit besluit heb genomen, zonder " \
                                             "de inhoud ervan."


def test_facts_in_letter_words() -> None:
    context = build_context(letter_input(case_file={
        "sluitobject": "woning", "sluiting_aanvang": "10.00",
        "substances": [{"name": "hennep", "opiumwet_list": "lijst_ii", "quantity": 1, "unit": "plants"},
                       {"name": "MDMA", "opiumwet_list": "lijst_i", "quantity": 1250.5, "unit": "units"}]}))
    assert context["aangetroffen"] == ["1 plant hennep (softdrugs, lijst II van de Opiumwet)",
                                       "1.250,5 stuks MDMA (harddrugs, lijst I van de Opiumwet)"]
    only_objects = build_context(letter_input(case_file={
        "sluitobject": "woning", "sluiting_aanvang": "10.00",
        "objects_13b_1b": [{"description": "geldtelmachine", "basis": "art_11a"}]}))
    assert "spullen voor drugscriminaliteit" in only_objects["inleiding"][0]


@pytest.mark.parametrize(("overrides", "field"), [
    ({"deadlines": {**DEADLINES, "uiterlijke_reactiedatum": None}}, "deadlines.uiterlijke_reactiedatum"),
    ({"deadlines": {**DEADLINES, "ingangsdatum": date(2026, 4, 15)}}, "deadlines"),
    ({"zienswijze": None}, "zienswijze"),
    ({"deadlines": {**DEADLINES, "uiterlijke_reactiedatum": date(2026, 4, 1)}}, "deadlines.uiterlijke_reactiedatum"),
    ({"duur": None}, "duur"),
])
def test_incomplete_input_is_refused(overrides: dict, field: str) -> None:
    with pytest.raises(InvalidInput) as info:
        build_context(letter_input("sluiting", **overrides))
    assert field in info.value.errors


def test_unknown_outcome_is_refused() -> None:
    with pytest.raises(InvalidInput) as info:
        build_context(letter_input("huisverbod"))
    assert "outcome" in info.value.errors


def test_context_is_json() -> None:
    context = build_context(letter_input(judgements={"duur": judgement("Kort.")}))
    assert json.loads(json.dumps(context)) == context


def _sentences() -> list[str]:
    texts: list[str] = []
    for name in dir(phrases):
        value = getattr(phrases, name)
        if name.isupper() and isinstance(value, str | list | dict):
            texts += strings(value)
    for clause in load_clauses(ROOT).values():
        texts += list(clause.paragraphs)
    return [s for t in texts for s in re.split(r"(?<=[.?!])\s+", t) if s]




def test_plain_language() -> None:
    # letters.md §9: at most 20 words a sentence (a placeholder counts as one), no "wordt/worden ... door".
    for sentence in _sentences():
        assert len(sentence.split()) <= 20, sentence
        assert not re.search(r"\b(wordt|worden)\b.*\bdoor\b", sentence), sentence


def test_only_render_imports_docxtpl() -> None:
    app = Path(__file__).resolve().parents[2] / "app"
    importers = [p.relative_to(app).as_posix() for p in app.rglob("*.py")
                 if re.search(r"^\s*(from|import)\s+docxtpl", p.read_text(encoding="utf-8"), re.M)]
    assert importers == ["letters/render.py"]
