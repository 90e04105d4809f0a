"""build_context: plain-language content, order of the motivation, and refusal of incomplete input."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from letters_support import DEADLINES, ROOT, build_context, judgement, letter_input, strings

from app.domain.errors import InvalidInput
from app.domain.judgements import Recorded
from app.letters.manifest import load_clauses
from app.powers.damocles import phrases


def test_sluiting_opens_with_the_decision() -> None:
    context = build_context(letter_input("sluiting"))
    assert context["inleiding"][0].startswith(
        "Ik sluit de woning aan Voorbeeldstraat 12 A, 6211 AB Maastricht voor drie maanden, "
        "vanaf donderdag 16 april 2026.")
    assert context["sluiting_van"] == "donderdag 16 april 2026"
    assert context["sluiting_tot"] == "donderdag 16 juli 2026"
    assert context["begunstigingstermijn"] == "woensdag 15 april 2026"
    assert context["datum_brief"] == "1 april 2026"
    assert context["onderwerp"] == "Besluit tot sluiting, Voorbeeldstraat 12 A"
    assert context["adresregels"] == ["J. Jansen", "Voorbeeldstraat 12 A", "6211 AB  MAASTRICHT"]
    assert any("Woonstichting Maasdal" in p for p in context["dictum"])
    assert any("verzegel" in p for p in context["dictum"])
    assert "betaalt u" in " ".join(context["kosten"])


def test_voornemen_invites_a_zienswijze_without_clause() -> None:
    context = build_context(letter_input("voornemen_sluiting"))
    assert context["inleiding"][0].startswith("Ik ben van plan de woning")
    assert context["zienswijze_tot"] == "woensdag 15 april 2026"
    assert "rechtsmiddelen" not in context
    assert not any("zienswijze ontvangen" in p for p in context["motivering"])


def test_waarschuwing_has_no_dictum() -> None:
    context = build_context(letter_input("waarschuwing"))
    assert context["inleiding"][0].startswith("Ik geef u een waarschuwing.")
    assert "dictum" not in context and "rechtsmiddelen" not in context
    assert context["vervolg"]


def test_motivation_order() -> None:
    recorded = {code: Recorded(code, "voldaan", f"Reden {code}.", "jurist")
                for code in ("evenwichtigheid", "geschiktheid", "eigen_oordeel")}
    context = build_context(letter_input(judgements=recorded, afwijking_beleid="Het gezin heeft zorg nodig."))
    m = context["motivering"]
    assert m[0] == ("Ik baseer dit besluit op de bestuurlijke rapportage van de politie van 5 maart 2026, "
                    "met kenmerk PL2300-2026-1234.")
    assert m[1].startswith("Er zijn ook aanwijzingen") and "waarnemingen van de politie" in m[1]
    assert m[2].endswith("om te verkopen. Dit staat in Opiumwet art. 13b lid 1 onder a.")
    assert m[3].endswith("Dit staat in Beleidsregels artikel 13b Opiumwet Maastricht.")
    assert m[4:6] == ["Helpt een sluiting? Reden geschiktheid.",
                      "Zijn de gevolgen van een sluiting te zwaar? Reden evenwichtigheid."]
    assert "4:84" in m[6] and m[7] == "Het gezin heeft zorg nodig."
    assert not any("eigen_oordeel" in p for p in m)  # a code outside index.yaml is skipped
    assert m[-1] == "Mijn reactie daarop: Dat is niet aannemelijk gemaakt."
    assert not any("praktijkruimte" in p or "tijdsverloop" in p for p in m)  # not fired / oordeel rules


def test_zienswijze_variants() -> None:
    spoed = {"uitzondering": "spoed_4_11_a", "reasoning": "Er dreigde gevaar."}
    skipped = build_context(letter_input(zienswijze=spoed))
    assert "artikel 4:11, onder a" in skipped["motivering"][-2]
    assert skipped["motivering"][-1] == "Er dreigde gevaar."
    none = build_context(letter_input(zienswijze={"ontvangen": False, "samenvatting": None, "reactie": None}))
    assert none["motivering"][-1].endswith("Ik heb geen zienswijze ontvangen.")


def test_rechthebbende_letter() -> None:
    context = build_context(letter_input("sluiting", "rechthebbende"))
    assert "U bent eigenaar of verhuurder van de woning." in context["inleiding"][0]
    bewoners = "de bewoners van de woning aan Voorbeeldstraat 12 A, 6211 AB Maastricht"
    assert context["afschrift_aan"][0] == bewoners
    assert any(p.startswith("Dit geldt ook voor u.") for p in context["dictum"])
    assert "voor de overtreder" in " ".join(context["kosten"])


def test_facts_in_letter_words() -> None:
    context = build_context(letter_input(case_file={
        "substances": [{"name": "hennep", "opiumwet_list": "lijst_ii", "quantity": 1, "unit": "plants"},
                       {"name": "MDMA", "opiumwet_list": "lijst_i", "quantity": 1250.5, "unit": "units"}]}))
    assert context["aangetroffen"] == ["1 plant hennep (softdrugs, lijst II van de Opiumwet)",
                                       "1.250,5 stuks MDMA (harddrugs, lijst I van de Opiumwet)"]
    only_objects = build_context(letter_input(case_file={
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
