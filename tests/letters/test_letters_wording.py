"""Wording found in a new-user trial: staff notes, judgements, the owner's letter and quantities."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from letters_support import CONFIRMED_MONTHS, assessment, build_context, judgement, letter_input

from app.domain.assessment import TraceEntry
from app.letters.paragraphs import titel, uitleg
from app.letters.phrases import RULE_KINDS
from app.powers.damocles import phrases

RULES = Path(__file__).resolve().parents[2] / "rules" / "damocles"
STAFF = re.compile(r"\b(jurist|burgemeester|te bevestigen|beoordeel|weeg|vuurt|regel|toets)\b", re.I)


def _rules() -> list[dict]:
    return [r for f in sorted(RULES.glob("rules-*.yaml")) for r in yaml.safe_load(f.read_text())["rules"]]


def _entry(rule: dict) -> TraceEntry:
    return TraceEntry(rule=rule["id"], kind=rule["conclusion"]["finding"], value=str(rule["conclusion"]["value"]),
                      legal_basis=rule["legal_basis"], explanation=rule["explanation"])


def _text(context: dict) -> str:
    return " ".join(v if isinstance(v, str) else " ".join(v) for v in context.values() if isinstance(v, str | list))


def _confirmed(rule: dict) -> TraceEntry:
    """The rule's entry as if a beheerder had confirmed the policy value it names."""
    name = rule["conclusion"].get("parameter")
    params = {name: replace(CONFIRMED_MONTHS, name=name)} if name else {}
    return replace(_entry(rule), parameters=params)


def test_real_rule_explanations_read_as_a_letter() -> None:
    fired = tuple(_confirmed(r) for r in _rules())
    m = build_context(letter_input(assessment=replace(assessment(), fired=fired)))["motivering"]
    text = " ".join(m)
    assert not STAFF.search(text), STAFF.search(text)
    assert "Dit staat in de Beleidsregels inzake de toepassing van artikel 13b Opiumwet, artikel 4." in text
    assert "CVDR110009" not in text and "te bevestigen" not in text
    for rule in _rules():  # no explanation of an oordeel, evenredigheid or verwijzing finding
        if rule["conclusion"]["finding"] not in RULE_KINDS:
            first = " ".join(rule["explanation"].split()).split(". ")[0]
            assert first not in text, rule["id"]


@pytest.mark.parametrize(("raw", "clean"), [
    ("De burgemeester is daarom bevoegd.", "Ik ben daarom bevoegd."),
    ("Als de burgemeester bevoegd is, stelt het beleid een sluiting voor.",
     "Mijn beleid stelt een sluiting voor."),
    ("Omdat het een eerste overtreding is, moet de jurist motiveren waarom. Sluiten kan.", "Sluiten kan."),
    ("Het beleid stelt de langste sluiting voor; de jurist motiveert de duur.",
     "Mijn beleid stelt de langste sluiting voor."),
    ("De jurist beoordeelt dat.", ""),
])
def test_explanation_without_staff_notes_in_the_first_person(raw: str, clean: str) -> None:
    assert uitleg(raw) == clean


def test_an_unconfirmed_source_is_never_cited() -> None:
    # Before: the marker was stripped and "Beleidsregels Maastricht (CVDR110009)" was cited as policy.
    assert titel("Beleidsregels Maastricht (CVDR110009, te bevestigen); Awb 4:84") == "Awb 4:84"
    assert titel("Coffeeshopbeleid (te bevestigen)") == ""


def test_policy_resting_on_a_default_is_left_out_of_a_warning() -> None:
    fired = tuple(_entry(r) for r in _rules())  # the policy values are defaults: nothing confirmed
    m = build_context(letter_input("waarschuwing", assessment=replace(assessment(), fired=fired)))["motivering"]
    text = " ".join(m)
    assert "Beleidsregel" not in text and "CVDR110009" not in text and "te bevestigen" not in text
    for rule in _rules():
        if rule["conclusion"]["finding"] == "beleid":
            assert not any(p.startswith(uitleg(rule["explanation"])) for p in m), rule["id"]


def test_no_policy_rule_title_cites_a_policy_by_itself() -> None:
    # A letter cites a policy only from a confirmed parameter's source: what it would take from a policy rule's
    # own title (titel() drops the parts marked "te bevestigen") names no policy document.
    for rule in _rules():
        if rule["conclusion"]["finding"] == "beleid":
            cited = titel(rule["legal_basis"]["title"])
            assert not re.search(r"CVDR|[Bb]eleid", cited), (rule["id"], cited)


def test_judgement_phrases_match_the_index() -> None:
    index = yaml.safe_load((RULES / "index.yaml").read_text())
    assert set(phrases.OORDELEN) == {j["code"] for j in index["judgements"]}


def test_every_known_judgement_has_a_lead_in_and_unknown_codes_are_skipped() -> None:
    codes = ("objects_qualify", "verkoop_aannemelijk", "eigen_gebruik_aannemelijk",
             "ernstig_geval_eerste_overtreding")
    recorded = {code: judgement(f"Reden-{code}.") for code in codes}
    recorded["onbekend_oordeel"] = judgement("Reden-onbekend.")
    recorded["zienswijze"] = judgement("De drugs waren van een logé.")
    m = build_context(letter_input(judgements=recorded))["motivering"]
    for code in codes:
        [paragraph] = [p for p in m if f"Reden-{code}." in p]
        assert paragraph == f"{phrases.OORDELEN[code]} Reden-{code}."
    assert not any("Reden-onbekend" in p for p in m)
    assert sum("De drugs waren van een logé." in p for p in m) == 1  # only the zienswijze section


def test_owner_voornemen_says_once_that_the_closure_binds_the_owner() -> None:
    text = _text(build_context(letter_input("voornemen_sluiting", "rechthebbende")))
    assert text.count("geldt dan ook voor u") == 1


def test_owner_besluit_gives_the_reason_after_the_decision() -> None:
    context = build_context(letter_input("sluiting", "rechthebbende"))
    inleiding = " ".join(context["inleiding"])
    assert "Dat doe ik" not in inleiding and "geldt ook voor u" not in inleiding
    assert "De reden is dat er op 1 maart 2026 drugs zijn gevonden." in inleiding


def test_zienswijze_is_not_attributed_to_the_owner() -> None:
    owner = " ".join(build_context(letter_input("sluiting", "rechthebbende"))["motivering"])
    assert "konden de belanghebbenden een zienswijze geven" in owner
    assert "U gaf op 11 april 2026 mondeling uw zienswijze." in owner  # the owner's own
    assert "J. Jansen heeft op 10 april 2026 schriftelijk een zienswijze gegeven." in owner  # not as the owner's
    resident = " ".join(build_context(letter_input("sluiting", "bewoner"))["motivering"])
    assert "U gaf op 10 april 2026 schriftelijk uw zienswijze." in resident
    none = build_context(letter_input("sluiting", "rechthebbende",
                                      zienswijze={"ontvangen": False}))["motivering"]
    assert none[-1] == ("Voordat ik dit besluit nam, konden de belanghebbenden een zienswijze geven. "
                        "Ik heb geen zienswijze ontvangen.")


@pytest.mark.parametrize(("substance", "text"), [
    ({"name": "hennepplanten", "opiumwet_list": "lijst_ii", "quantity": 6, "unit": "plants"}, "6 hennepplanten"),
    ({"name": "hennepplanten", "opiumwet_list": "lijst_ii", "quantity": 1, "unit": "plants"}, "1 hennepplant"),
    ({"name": "hennep", "opiumwet_list": "lijst_ii", "quantity": 27.5, "unit": "g"}, "27,5 gram hennep"),
    ({"name": "XTC", "opiumwet_list": "lijst_i", "quantity": 1, "unit": "units"}, "1 stuk XTC"),
    ({"name": "XTC", "opiumwet_list": "lijst_i", "quantity": 2, "unit": "units"}, "2 stuks XTC"),
])
def test_quantities_in_letter_words(substance: dict, text: str) -> None:
    case_file = {"sluitobject": "woning", "sluiting_aanvang": "10.00", "substances": [substance]}
    [found] = build_context(letter_input(case_file=case_file))[
        "aangetroffen"]
    assert found.startswith(f"{text} (")


def test_no_plural_after_one_in_any_letter() -> None:
    gegevens = {"sluitobject": "woning", "sluiting_aanvang": "10.00",
                "substances": [{"name": "hennepplanten", "opiumwet_list": "lijst_ii", "quantity": 1,
                                "unit": "plants"}, {"name": "MDMA", "opiumwet_list": "lijst_i", "quantity": 1,
                                                     "unit": "units"}]}
    for outcome in phrases.OUTCOMES:
        for rol in phrases.ADDRESSEE:
            months = None if outcome == "waarschuwing" else 1
            text = _text(build_context(letter_input(outcome, rol, case_file=gegevens,
                                                    duur=months)))
            assert not re.search(r"\b(1|één) (\w+en|stuks)\b", text), (outcome, rol)
