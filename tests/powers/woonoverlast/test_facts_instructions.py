"""Woonoverlast: each behaviour instruction is checked for being specific enough (Awb 5:32a lid 1), with a Dutch
reason the web form shows, and every instruction has its own code."""

from __future__ import annotations

from datetime import date

from app.config import ROOT
from app.powers.woonoverlast.facts import facts_from_case
from app.powers.woonoverlast.instructions import code_problems, codes, vague_reason, vague_reasons, words
from app.powers.woonoverlast.notice import personal
from app.rulebook import Rulebook

BOOK = Rulebook.load(ROOT / "rules")
PARAMS = BOOK.parameters_for("woonoverlast", date(2026, 2, 20))
PROVEN = PARAMS["aanwijzingen"].value


def test_vague_phrase_makes_an_instruction_vague_and_says_which_phrase():
    reason = vague_reason("U gedraagt zich normaal tegenover de buren en in de portiek.", PARAMS)
    assert reason is not None and '"normaal"' in reason
    assert vague_reason("U veroorzaakt geen overlast voor de buren in het portiek.", PARAMS) is not None


def test_a_specific_instruction_passes_and_words_inside_other_words_do_not_count():
    assert vague_reason("U zet het afval uiterlijk op dinsdag om 07.30 uur in de container aan de straat.",
                        PARAMS) is None
    assert vague_reason("U houdt de redelijke afspraak van dinsdag 07.30 uur over de container aan.", PARAMS) is None


def test_a_short_instruction_is_vague_with_the_minimum_in_the_reason():
    reason = vague_reason("Geen muziek.", PARAMS)
    assert reason is not None and str(PARAMS["aanwijzing_min_woorden"].value) in reason
    assert words("Tussen 23.00 en 07.00 uur") == ["Tussen", "23.00", "en", "07.00", "uur"]


def test_every_proven_instruction_passes_verbatim_whatever_case_or_spacing():
    for text in PROVEN.values():
        assert vague_reason(text, PARAMS) is None, text
        assert vague_reason("  " + text.upper().replace(" ", "  "), PARAMS) is None


def test_vague_reasons_names_each_index_and_accepts_plain_values():
    given = [{"code": "A1", "text": next(iter(PROVEN.values()))}, {"code": "A2", "text": "Netjes doen."}]
    assert list(vague_reasons(given, PARAMS)) == [1]
    plain = {name: PARAMS[name].value for name in ("aanwijzingen", "vage_aanwijzingen", "aanwijzing_min_woorden")}
    assert vague_reasons(given, plain) == vague_reasons(given, PARAMS)
    assert vague_reasons([], PARAMS) == {}


def test_codes_must_be_present_and_unique():
    given = [{"code": "A1", "text": "x"}, {"code": "a1", "text": "y"}, {"code": "", "text": "z"}]
    problems = code_problems(given)
    assert sorted(problems) == [1, 2] and "A1" in problems[1]
    assert codes(given) == frozenset({"A1"})


def test_facts_count_vague_instructions_and_code_problems():
    case = {"addressee_role": "gebruiker", "gebruiker": {"naam": "T", "geboortedatum": "1990-01-01"},
            "affected_omwonenden": 2, "incidents": [{"at": "2026-02-20T22:00:00+01:00", "kind": "geluid",
                                                    "origin": "in_woning", "established": True}],
            "instructions": [{"code": "A1", "text": "Gedraag u."}, {"code": "A1", "text": next(iter(PROVEN.values()))}]}
    facts = facts_from_case(case, [], PARAMS, date(2026, 2, 20))
    assert facts["instructions_count"] == 2 and facts["instructions_vague_count"] == 1
    assert facts["instructions_vague_present"] and facts["instruction_codes_invalid"]


def test_the_proven_library_holds_landlord_instructions_that_are_not_about_care():
    for key in ("huurovereenkomst", "huurrecht", "gemeenschappelijk"):
        assert vague_reason(PROVEN[key], PARAMS) is None and not personal(PROVEN[key]), key
    assert personal(PROVEN["zorg"])  # the user-only care instruction is refused in a landlord's order


def test_what_the_mayor_has_done_under_bestuursdwang_is_a_fact():
    case = {"addressee_role": "gebruiker", "gebruiker": {"naam": "T", "geboortedatum": "1990-01-01"},
            "affected_omwonenden": 2, "incidents": [{"at": "2026-02-20T22:00:00+01:00", "kind": "vervuiling",
                                                    "origin": "in_woning", "established": True}]}
    for found, present in ((None, False), ("  ", False), ("De tuin laten opruimen door een aannemer.", True)):
        facts = facts_from_case({**case, "bestuursdwang_uitvoering": found}, [], PARAMS, date(2026, 2, 20))
        assert facts["bestuursdwang_uitvoering_present"] is present
