"""Pure drafting rules: required judgements, competence after judgements, deviation, deadlines, workflow."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from app.config import Config
from app.domain.drafting import DraftRequest, DraftState, draft_outcome
from app.domain.errors import InvalidInput, InvalidTransition, JudgementMissing
from app.domain.judgements import Recorded, competence, required_for
from app.domain.procedure import JudgementSpec
from app.domain.workflow import TRANSITIONS, next_status
from app.models.beslissing import STATUSSEN
from app.powers.damocles import facts as damocles
from app.powers.damocles.policy import proposal
from app.runtime import build_runtime

RT = build_runtime(Config())
ON = date(2026, 3, 2)  # a Monday
TODAY = date(2026, 3, 10)
CLOSURE = {"eigen_gebruik_aannemelijk": "niet_aannemelijk", "verkoop_aannemelijk": "ja", "geschiktheid": "voldaan",
           "noodzakelijkheid": "voldaan", "evenwichtigheid": "voldaan", "duur": "passend",
           "bijzondere_omstandigheden": "nee", "ernstig_geval_eerste_overtreding": "ernstig",
           "begunstigingstermijn": "passend", "spoed": "spoed", "tijdsverloop": "geen_invloed",
           "onderzoek_omstandigheden": "niet_vast_te_stellen", "belangen_rechthebbende": "niet_onevenredig"}


def assessment(**case):
    data = {**damocles.CASE_FILE_DEFAULTS, "premises_type": "woning", "finding_date": ON.isoformat(),
            "substances": [{"name": "cocaïne", "opiumwet_list": "lijst_i", "quantity": 3.0, "unit": "g"}], **case}
    facts = damocles.facts_from_case(data, [], RT.book.parameters_for("damocles", ON), TODAY)
    return RT.engine.evaluate("damocles", facts, ON)


ZIENSWIJZE = Recorded("zienswijze", "spoed_4_11_a", "Direct gevaar voor de buurt.", "J. Jurist")


def state(a=None, recorded=CLOSURE, zienswijze=ZIENSWIJZE, **overrides) -> DraftState:
    a = a or assessment()
    answers = {c: Recorded(c, o, "Omdat.", "J. Jurist") for c, o in recorded.items()}
    if zienswijze is not None:
        answers["zienswijze"] = zienswijze
    values = dict(
        assessment=a, proposal=proposal(a), procedure=RT.procedure("damocles"), recorded=answers,
        params=RT.book.parameters_for("damocles", ON), remedy_weeks=6, calendar=RT.calendar(TODAY), today=TODAY,
        now=datetime(2026, 3, 10, 9, tzinfo=UTC), roles=frozenset({"bewoner", "rechthebbende"}),
        role_labels=RT.book.index("damocles").roles)
    values.update(overrides)
    return DraftState(**values)


def months(s: DraftState) -> int:
    return s.proposal["duur"]


def test_every_status_action_pair_either_moves_or_is_refused():
    for status in STATUSSEN:
        for action in ("redraft", "submit", "decide", "approve", "return", "send"):
            if (status, action) in TRANSITIONS:
                assert next_status(status, action) in STATUSSEN
            else:
                with pytest.raises(InvalidTransition):
                    next_status(status, action)


def test_rule_triggered_judgement_is_required_only_when_its_rule_fired():
    specs = [JudgementSpec("tijdsverloop", "evenredigheid", "?", required_for=("sluiting",)),
             JudgementSpec("duur", "evenredigheid", "?", required_for=("sluiting",))]
    assert required_for("sluiting", specs, fired=[], triggerable=["tijdsverloop"]) == ["duur"]
    assert required_for("sluiting", specs, fired=["tijdsverloop"], triggerable=["tijdsverloop"]) == [
        "tijdsverloop", "duur"]


def test_presumption_ground_holds_only_when_personal_use_is_not_plausible():
    specs = [JudgementSpec("eigen_gebruik_aannemelijk", "bevoegdheid", "?", bevoegd_bij="niet_aannemelijk")]
    fired = ["eigen_gebruik_aannemelijk"]
    rec = lambda outcome: {"eigen_gebruik_aannemelijk": Recorded("eigen_gebruik_aannemelijk", outcome, "x", "j")}  # noqa: E731
    assert competence("judgement_required", specs, fired, {}) == "judgement_required"
    assert competence("judgement_required", specs, fired, rec("niet_aannemelijk")) == "bevoegd"
    assert competence("judgement_required", specs, fired, rec("aannemelijk")) == "niet_bevoegd"
    assert competence("niet_bevoegd", specs, fired, rec("niet_aannemelijk")) == "niet_bevoegd"


def test_voornemen_gets_a_zienswijze_term_on_a_working_day():
    s = state()
    outcome = draft_outcome(s, DraftRequest("voornemen_sluiting", TODAY, months(s)))
    term = s.params["zienswijze_termijn_dagen"].value
    assert outcome.schedule.termijnen["zienswijze_tot"] >= TODAY + timedelta(days=term)
    assert outcome.schedule.termijnen["zienswijze_tot"].weekday() < 5 and not outcome.besluit


def test_closure_dates_follow_the_begunstigingstermijn_and_six_weeks_for_bezwaar():
    s = state()
    outcome = draft_outcome(s, DraftRequest("sluiting", TODAY, months(s)))
    dates = outcome.schedule
    assert dates.ingangsdatum == dates.termijnen["begunstigingstermijn_tot"] + timedelta(days=1)
    assert dates.vervaldatum > dates.ingangsdatum
    assert dates.uiterlijke_reactiedatum >= TODAY + timedelta(weeks=6) and outcome.besluit
    assert "spoed" in outcome.required_judgements  # no voornemen: urgency (Awb 4:11 a) must be judged


def test_besluit_without_voornemen_or_exception_is_refused():
    s = state(zienswijze=None)
    with pytest.raises(InvalidInput) as caught:
        draft_outcome(s, DraftRequest("sluiting", TODAY, months(s)))
    assert "soort" in caught.value.errors


def test_no_policy_cell_means_no_deviation():
    s = state(proposal={"maatregel": "geen_actie"})
    assert not draft_outcome(s, DraftRequest("voornemen_sluiting", TODAY, 2)).afwijking_beleid


def test_closure_may_not_start_before_the_begunstigingstermijn_ends():
    s = state()
    with pytest.raises(InvalidInput) as caught:
        draft_outcome(s, DraftRequest("sluiting", TODAY, months(s), ingangsdatum=TODAY + timedelta(days=2)))
    assert "ingangsdatum" in caught.value.errors


def test_closure_longer_than_the_policy_maximum_is_refused():
    s = state()
    with pytest.raises(InvalidInput) as caught:
        draft_outcome(s, DraftRequest("voornemen_sluiting", TODAY, s.params["max_sluiting_maanden"].value + 1))
    assert "duur" in caught.value.errors


def test_closure_without_rechthebbende_is_refused():
    s = state(roles=frozenset({"bewoner"}))
    with pytest.raises(InvalidInput) as caught:
        draft_outcome(s, DraftRequest("voornemen_sluiting", TODAY, months(s)))
    assert "rechthebbende" in caught.value.errors


def test_other_duration_than_the_matrix_is_a_deviation_that_needs_special_circumstances():
    s = state()
    with pytest.raises(InvalidInput) as plain:
        draft_outcome(s, DraftRequest("voornemen_sluiting", TODAY, months(s) - 1))
    assert plain.value.errors["bijzondere_omstandigheden"].startswith("Het beleid stelt nu voor: ")  # says what
    allowed = state(recorded={**CLOSURE, "bijzondere_omstandigheden": "ja"})
    assert draft_outcome(allowed, DraftRequest("voornemen_sluiting", TODAY, months(s) - 1)).afwijking_beleid


def test_awb_4_84_departs_from_policy_only_towards_something_lighter():
    """Third legal reading: six months where policy says three was "justified" with 4:84."""
    allowed = state(recorded={**CLOSURE, "bijzondere_omstandigheden": "ja"})
    with pytest.raises(InvalidInput) as longer:
        draft_outcome(allowed, DraftRequest("voornemen_sluiting", TODAY, months(allowed) + 1))
    assert "zwaarder dan het beleid" in longer.value.errors["soort"]


def test_special_circumstances_without_a_departure_contradict_the_decision():
    recorded = state(recorded={**CLOSURE, "bijzondere_omstandigheden": "ja"})
    with pytest.raises(InvalidInput) as same:
        draft_outcome(recorded, DraftRequest("voornemen_sluiting", TODAY, months(recorded)))
    assert "volgt het beleid" in same.value.errors["bijzondere_omstandigheden"]


def test_missing_proportionality_step_blocks_the_closure():
    s = state(recorded={k: v for k, v in CLOSURE.items() if k != "evenwichtigheid"})
    with pytest.raises(JudgementMissing) as caught:
        draft_outcome(s, DraftRequest("voornemen_sluiting", TODAY, months(s)))
    assert caught.value.missing == ["evenwichtigheid"]


def test_verzenddatum_in_the_past_is_refused():
    s = state()
    with pytest.raises(InvalidInput) as caught:
        draft_outcome(s, DraftRequest("waarschuwing", TODAY - timedelta(days=1)))
    assert "verzenddatum" in caught.value.errors


def test_a_new_closure_after_the_first_needs_a_new_voornemen_and_hearing():
    """Pitfall 20 (ECLI:NL:RBMNE:2025:1759): the zienswijze on the first voornemen does not carry a second
    closure; only a voornemen newer than the last closure opens the way again."""
    from app.domain.hearing import current_voornemen
    from app.domain.measures import Measure

    procedure = RT.procedure("damocles")
    first = (Measure(1, "voornemen_sluiting"), Measure(2, "sluiting", ON, ON + timedelta(days=90)))
    assert current_voornemen(procedure, first[:1], "sluiting") == first[0]
    assert current_voornemen(procedure, first, "sluiting") is None
    again = (*first, Measure(3, "voornemen_sluiting"))
    assert current_voornemen(procedure, again, "sluiting") == again[2]


def test_a_voornemen_from_before_closed_objects_were_recorded_binds_only_its_duration():
    """Code review: a voornemen approved before this change has no "object"; its besluit must not be refused."""
    from app.domain.hearing import check_as_announced

    check_as_announced({"duur": 3}, {"duur": 3, "object": {"sluitobject": "woning"}})
    with pytest.raises(InvalidInput):
        check_as_announced({"duur": 3}, {"duur": 4, "object": {"sluitobject": "woning"}})


@pytest.mark.parametrize(("text", "speaks"), [
    ("U heeft niet uitgelegd waarom.", True), ("Dat weet uw verhuurder.", True), ("Zoals u zelf zei.", True),
    ("Alle middelen m.u.v. hennep.", False), ("Flat U-3 op de tweede etage.", False), ("De bewoner zegt dat.", False),
])
def test_reasoning_is_written_about_people_not_to_them(text: str, speaks: bool) -> None:
    """One content for every addressee; abbreviations and codes with a "u" in them are not the reader."""
    from app.domain.judgements import addresses_someone

    assert addresses_someone(text) is speaks
