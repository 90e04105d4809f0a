"""Bibob: the next step and the policy proposal from a real assessment, and the procedure a person decides in: the
rules never conclude the degree of danger; a lesser danger or a disproportionate refusal leaves conditions open;
a named third party gets the voornemen and the besluit after his hearing; every voornemen is heard (art. 33)."""

from __future__ import annotations

import pytest

from app.domain.errors import InvalidInput
from app.domain.judgements import Recorded, check_recorded
from app.powers.bibob import SPEC
from app.powers.bibob.policy import proposal
from app.rules_engine import RulesEngine
from tests.powers.bibob_support import BOOK, DAY, case_file, params

PROCEDURE = BOOK.index("bibob").procedure
NEGATIVE = ("voornemen_weigering", "weigering", "voornemen_intrekking", "intrekking")
CONDITIONS = ("voornemen_voorschriften", "verlening_met_voorschriften")


@pytest.fixture(scope="module")
def engine() -> RulesEngine:
    return RulesEngine(BOOK)


def _proposal(engine, **changes):
    case = next(c for c in BOOK.cases("bibob") if c.facts is not None)
    return proposal(engine.evaluate("bibob", {**case.facts, **changes}, DAY))


def test_after_the_advice_a_person_weighs_the_danger_and_nothing_is_proposed(engine):
    found = _proposal(engine)
    assert (found["stap"], found["maatregel"]) == ("gevaar_beoordelen", None)
    # Every voornemen and besluit prints the permit's own article and the policy: drafting waits for both.
    assert found["steunt_op"] == ("bibob_vergunningen", "bevoegd_orgaan_per_vergunning", "grondslag_per_vergunning",
                                  "beleidsregel_bibob")


@pytest.mark.parametrize(("changes", "step", "measure"), [
    ({"lbb_notice_sent": False, "lbb_received": False, "lbb_conclusion": "onbekend"}, "mededeling_sturen",
     "mededeling"),
    ({"lbb_received": False, "lbb_conclusion": "onbekend"}, "advies_afwachten", None),
    ({"bibob_form_complete": False, "herstel_requested": True, "hersteltermijn_expired": True},
     "buiten_behandeling", "buiten_behandeling"),
    ({"bibob_form_complete": False}, "herstel_vragen", None),
    ({"own_research_present": False, "lbb_requested": False, "lbb_notice_sent": False, "lbb_received": False,
      "lbb_conclusion": "onbekend"}, "verlenen", "verlening"),
    ({"application_withdrawn": True}, "afsluiten", None),
    ({"competent_body_check": "wijkt_af"}, "niet_bevoegd", None),
    ({"lbb_received": False, "lbb_declined": True, "lbb_conclusion": "onbekend"}, "eigen_onderzoek_aanvullen", None),
])
def test_the_step_follows_the_facts(engine, changes, step, measure):
    found = _proposal(engine, **changes)
    assert (found["stap"], found["maatregel"]) == (step, measure)


def test_standard_conditions_on_file_rest_on_the_policy_list(engine):
    assert "standaard_voorschriften" in _proposal(engine, conditions_present=True)["steunt_op"]


def test_no_rule_concludes_a_degree_of_danger_or_competence_by_itself():
    danger = {"geen_gevaar", "mindere_mate", "ernstig_gevaar_a", "ernstig_gevaar_b", "art_3_lid_6", "bevoegd"}
    rules = [r for v in BOOK.versions("bibob") for r in v.rules]
    assert not [r.id for r in rules if str(r.conclusion["value"]) in danger]
    asked = {r.conclusion["value"] for r in rules if r.conclusion["finding"] == "oordeel"}
    assert {"mate_van_gevaar", "screening_nodig", "advies_beoordeeld", "openbaarmaking"} <= asked


def _recorded(**answers: str) -> dict[str, Recorded]:
    return {code: Recorded(code, answer, "Gewogen.", "jurist") for code, answer in answers.items()}


def test_disproportionate_refusal_leaves_conditions_open():
    recorded = _recorded(mate_van_gevaar="ernstig_gevaar_b", evenredig_3_lid_5="nee")
    for code in NEGATIVE:
        with pytest.raises(InvalidInput) as exc:
            check_recorded((), recorded, PROCEDURE.outcome(code), PROCEDURE.judgements)
        assert "art. 3 lid 7" in exc.value.errors["evenredig_3_lid_5"]
    for code in CONDITIONS:
        check_recorded((), recorded, PROCEDURE.outcome(code), PROCEDURE.judgements)  # offered: no error


def test_a_lesser_danger_offers_conditions_and_no_danger_offers_only_a_grant():
    lesser = _recorded(mate_van_gevaar="mindere_mate")
    with pytest.raises(InvalidInput):
        check_recorded((), lesser, PROCEDURE.outcome("weigering"), PROCEDURE.judgements)
    check_recorded((), lesser, PROCEDURE.outcome("verlening_met_voorschriften"), PROCEDURE.judgements)
    none = _recorded(mate_van_gevaar="geen")
    with pytest.raises(InvalidInput):
        check_recorded((), none, PROCEDURE.outcome("verlening_met_voorschriften"), PROCEDURE.judgements)
    check_recorded((), none, PROCEDURE.outcome("verlening"), PROCEDURE.judgements)


def test_third_party_gets_the_voornemen_and_the_besluit_after_it():
    with_third = {code for code, o in PROCEDURE.outcomes.items() if "derde" in o.recipients}
    assert with_third == {"voornemen_weigering", "voornemen_intrekking", "voornemen_voorschriften", "weigering",
                          "intrekking", "verlening_met_voorschriften"}
    assert all(PROCEDURE.outcomes[c].required_recipients == ("aanvrager",) for c in with_third)  # only if named


def test_every_besluit_after_danger_is_heard_by_a_voornemen_with_a_zienswijze_period_to_confirm():
    announced = {o.announces: code for code, o in PROCEDURE.outcomes.items() if o.announces}
    assert announced == {"weigering": "voornemen_weigering", "intrekking": "voornemen_intrekking",
                         "verlening_met_voorschriften": "voornemen_voorschriften"}
    for code in announced.values():
        period = PROCEDURE.outcomes[code].periods[0]
        assert (period.name, period.parameter) == ("zienswijze_tot", "zienswijze_termijn_dagen")
    assert params()["zienswijze_termijn_dagen"].to_confirm
    assert all(PROCEDURE.outcomes[c].hearing == "voornemen" for c in announced)


def test_the_index_makes_the_zaak_secret_per_body_and_an_application():
    index = BOOK.index("bibob")
    assert (index.orgaan, index.toegang, index.bron_soorten) == ("per_zaak", "lijst", ("aanvraag",))
    assert "art. 28" in index.vertrouwelijkheid and index.peildatum == "besluitdatum"


def test_the_body_and_the_betrokkenen_come_from_the_case_file():
    party = {"name": "F. Proefgeld", "straat": "Rue Fictive", "huisnummer": "4", "postcode": "4000",
             "woonplaats": "Luik", "land": "BE", "part_of_advice": "Zijn lening.", "use_reason": "Financier."}
    case = case_file(third_parties=[party])
    assert SPEC.orgaan(case) == "burgemeester"
    assert SPEC.orgaan(case_file(application=case["application"] | {"competent_body": "college"})) == "college"
    people = SPEC.betrokkenen({"adres": {}, "gegevens": case}, params())
    assert [(p["roltype"], p["ref"], p["land"]) for p in people] == [("aanvrager", "betrokkene", "NL"),
                                                                    ("derde", "third_parties.0", "BE")]
    assert people[0]["is_organisatie"] and people[0]["straat"] == "Proefstraat"


def test_recording_the_art_32_notice_reopens_no_judgement_but_a_new_conclusion_does():
    """Browser trial: filling in the day the applicant was told (art. 32) undid the danger and proportionality
    judgements, because a change anywhere in the LBB record reopened them."""
    from app.services.assessment import changed_fields

    informed = changed_fields({"lbb": {"requested_on": "2026-11-27"}},
                              {"lbb": {"requested_on": "2026-11-27", "betrokkene_informed_on": "2026-12-04"}})
    assert informed == ("lbb", "lbb.betrokkene_informed_on")
    assert not [code for field in informed for code in PROCEDURE.reopened_by(field)]
    concluded = changed_fields({"lbb": {"conclusion": None}}, {"lbb": {"conclusion": "ernstig_gevaar_a"}})
    assert {"mate_van_gevaar", "advies_beoordeeld"} <= {c for f in concluded for c in PROCEDURE.reopened_by(f)}
