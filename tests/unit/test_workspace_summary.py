"""The case page's summary as pure logic: status, next step, deadlines, banner lines, steps, frozen forms."""

from __future__ import annotations

from datetime import UTC, date, datetime

from app.domain import workspace as w
from app.domain import workspace_steps as ws

TODAY = date(2026, 12, 6)
STEPS = ("melding", "feiten", "bevoegdheid", "beleid", "evenredigheid", "voornemen", "besluit", "review",
         "verzending", "nazorg")


def state(*decisions: w.Decision, competence: str = "bevoegd", open_judgements: tuple[str, ...] = (),
          open_steps: frozenset[str] = frozenset(), recorded: frozenset[str] = frozenset(),
          further: bool = False) -> w.CaseState:
    return w.CaseState(assessed=True, competence=competence, open_judgements=open_judgements,
                       open_steps=open_steps, recorded=recorded, decisions=decisions, further_outcomes=further,
                       today=TODAY)


VOORNEMEN = w.Decision(label="Voornemen tot sluiting", status="verzonden", final=False, announces=True, duur=6,
                       eenheid="months", approved_on=date(2026, 12, 1), sent_on=date(2026, 12, 2),
                       zienswijze_tot=date(2026, 12, 16), measure="sluiting")
SLUITING = w.Decision(label="Sluiting", status="vastgesteld", final=True, announces=False, duur=6, eenheid="months",
                      approved_on=date(2026, 12, 20), begunstigingstermijn_tot=date(2027, 1, 5),
                      uiterlijke_reactiedatum=date(2027, 2, 1), vervaldatum=date(2027, 7, 5), measure="sluiting")


def test_open_judgements_come_first_in_a_short_line_linked_to_the_first_open_step():
    """Browser trial: "Volgende stap" strung the full judgement questions together."""
    open_state = w.CaseState(
        assessed=True, competence="bevoegd", open_judgements=("Is de sluiting geschikt?", "Is zij nodig?", "Duur?"),
        open_steps=frozenset({"evenredigheid", "beleid"}), recorded=frozenset(), decisions=(), further_outcomes=False,
        today=TODAY, open_step_names=(("beleid", "beleid"), ("evenredigheid", "evenredigheid")))
    assert w.next_step(open_state) == "Leg 3 afwegingen vast (stap beleid, stap evenredigheid)."
    assert w.next_step_anchor(open_state) == "stap-beleid"
    assert w.next_step_anchor(state()) is None


def test_next_step_follows_the_decisions():
    assert w.next_step(state()) == "Stel de beslissing op."
    assert "Wacht de zienswijzetermijn af (tot en met 16-12-2026)" in w.next_step(state(VOORNEMEN))
    after_term = w.Decision(label="Voornemen tot sluiting", status="verzonden", final=False, announces=True,
                            zienswijze_tot=date(2026, 12, 1))
    assert w.next_step(state(after_term, recorded=frozenset({"zienswijze"}))).startswith("Stel het besluit op")
    review = w.Decision(label="Sluiting", status="ter_vaststelling", final=True, announces=False)
    assert w.next_step(state(review, VOORNEMEN)) == "Wachten op het kabinet: de sluiting ligt ter vaststelling."
    assert w.next_step(state(SLUITING, VOORNEMEN)).startswith("Verstuur de brieven van de sluiting")
    assert "niet bevoegd" in w.next_step(state(competence="niet_bevoegd"))


def test_banner_lines_name_every_decision_with_duration_and_dates():
    lines = w.outcome_lines(state(SLUITING, VOORNEMEN, recorded=frozenset({"duur", "geschiktheid"})))
    assert lines == ["2 afwegingen vastgelegd.",
                     "Vastgesteld: Voornemen tot sluiting voor 6 maanden, vastgesteld op 01-12-2026, "
                     "verzonden op 02-12-2026.",
                     "Besloten: Sluiting voor 6 maanden, vastgesteld op 20-12-2026."]


def test_deadlines_of_approved_decisions_soonest_first():
    found = w.deadlines(state(SLUITING, VOORNEMEN))
    # The voornemen's zienswijze term no longer runs once the besluit it announced is taken.
    assert [(d.label, d.ends) for d in found] == [
        ("Begunstigingstermijn", date(2027, 1, 5)),
        ("Termijn voor bezwaar of beroep", date(2027, 2, 1)), ("Einde sluiting", date(2027, 7, 4))]  # last day
    assert [d.label for d in w.deadlines(state(VOORNEMEN))] == ["Zienswijzetermijn"]
    assert not any(d.passed for d in found)
    ended = w.Decision(label="Huisverbod", status="verzonden", final=True, announces=False, measure="huisverbod",
                       einde_at=datetime(2026, 12, 1, 18, 0, tzinfo=UTC))
    assert [(d.label, d.passed) for d in w.deadlines(state(ended))] == [("Einde huisverbod", True)]
    concept = w.Decision(label="Sluiting", status="concept", final=True, announces=False,
                         begunstigingstermijn_tot=date(2027, 1, 5))
    assert w.deadlines(state(concept)) == []


def test_process_steps_say_what_is_true_after_a_zienswijze():
    # The stored fase goes back to "evenredigheid" after a zienswijze; the sent voornemen is still done.
    steps = dict(ws.step_states(STEPS, state(VOORNEMEN, recorded=frozenset({"zienswijze"}))))
    assert steps["voornemen"] == ws.DONE and steps["evenredigheid"] == ws.DONE
    assert steps["besluit"] == ws.CURRENT and steps["review"] == ws.NOT_STARTED
    decided = dict(ws.step_states(STEPS, state(SLUITING, VOORNEMEN)))
    assert decided["review"] == ws.DONE and decided["verzending"] == ws.CURRENT
    refused = dict(ws.step_states(STEPS, state(competence="niet_bevoegd")))
    assert refused["bevoegdheid"] == ws.DONE and refused["besluit"] == ws.NOT_NEEDED


def test_frozen_while_in_review_and_drafting_closed_after_the_final_besluit():
    review = w.Decision(label="Sluiting", status="ter_vaststelling", final=True, announces=False)
    assert w.frozen_reason(state(review)) == w.REVIEW_FREEZE
    assert w.frozen_reason(state(SLUITING)) == w.DECIDED_FREEZE
    assert w.frozen_reason(state(SLUITING, further=True)) is None  # facts may matter for an extension
    assert w.drafting_closed(state(SLUITING, VOORNEMEN))
    assert not w.drafting_closed(state(VOORNEMEN))
    assert not w.drafting_closed(state(SLUITING, further=True))  # an extension or withdrawal may follow


def test_a_closed_case_is_read_only_and_asks_for_nothing():
    closed = w.CaseState(assessed=True, competence="niet_bevoegd", open_judgements=("Is er spoed?",),
                         open_steps=frozenset({"bevoegdheid"}), recorded=frozenset(), decisions=(),
                         further_outcomes=True, today=TODAY, closed=True)
    assert w.status_text(closed) == "Afgesloten."
    assert w.next_step(closed).startswith("Geen: de zaak is afgesloten")
    assert w.frozen_reason(closed) == w.CLOSED_FREEZE
    assert w.drafting_closed(closed)
    assert w.frozen_reason(state(competence="niet_bevoegd")) is None
    assert "Sluit de zaak af" in w.next_step(state(competence="niet_bevoegd"))


def test_a_next_step_names_the_decision_with_its_article_and_no_nested_brackets():
    """Browser trial: "bied het concept (sluiting (last onder bestuursdwang)) ter vaststelling aan"."""
    concept = w.Decision(label="Sluiting (last onder bestuursdwang)", status="concept", final=True, announces=False)
    assert w.next_step(state(concept)) == ("Kies een ondertekenaar en bied het concept van de sluiting (last onder "
                                           "bestuursdwang) ter vaststelling aan.")


def test_next_step_while_the_zienswijzetermijn_runs_says_what_drafting_allows():
    """Browser trial: "Stel het besluit op" while drafting refused any date within the term."""
    text = w.next_step(state(VOORNEMEN, recorded=frozenset({"zienswijze"})))
    assert "loopt tot en met 16-12-2026" in text and "verzenddatum vanaf 17-12-2026" in text
    assert "wacht tot dan" in text
    assert w.first_send_day(state(VOORNEMEN)) == date(2026, 12, 17)
    assert w.first_send_day(state()) is None


def test_everything_is_read_only_once_the_announced_besluit_is_decided():
    """Browser trial: after sending, the zienswijze, judgement and fact forms stayed open."""
    sent = w.Decision(label="Sluiting", status="verzonden", final=True, announces=False)
    decided = state(sent, VOORNEMEN)
    assert w.frozen_reason(decided) == w.DECIDED_FREEZE and w.hearing_closed(decided)
    assert w.edit_lock(decided) is None  # betrokkenen may still be corrected, e.g. for a bezwaar
    assert not w.hearing_closed(state(VOORNEMEN)) and w.frozen_reason(state(VOORNEMEN)) is None
    review = w.Decision(label="Sluiting", status="ter_vaststelling", final=True, announces=False)
    assert w.edit_lock(state(review)) == w.REVIEW_FREEZE and "Trek het aanbod in" in w.REVIEW_FREEZE


def test_a_stale_concept_is_the_next_step():
    concept = w.Decision(label="Sluiting", status="concept", final=True, announces=False)
    stale = w.CaseState(assessed=True, competence="bevoegd", open_judgements=(), open_steps=frozenset(),
                        recorded=frozenset(), decisions=(concept,), further_outcomes=False, today=TODAY,
                        stale_concept=True)
    assert w.next_step(stale) == "Stel het concept opnieuw op: de feiten zijn gewijzigd."
    assert w.next_step(state(concept)).startswith("Kies een ondertekenaar")


def test_the_status_names_an_open_bezwaar_and_its_term():
    sent = w.Decision(label="Sluiting", status="verzonden", final=True, announces=False)
    pending = w.CaseState(assessed=True, competence="bevoegd", open_judgements=(), open_steps=frozenset(),
                          recorded=frozenset(), decisions=(sent,), further_outcomes=False, today=TODAY,
                          objections=(("B. Bezwaarmaker", date(2027, 2, 15)),))
    assert w.status_text(pending) == ("Besloten: Sluiting. Bezwaar van B. Bezwaarmaker in behandeling; beslissen "
                                      "uiterlijk 15-02-2027.")


def test_once_the_announced_besluit_is_decided_a_later_measure_is_not_held_to_the_zienswijzetermijn():
    """A presence ban after a gedragsaanwijzing decided on a received zienswijze: its date defaults to today."""
    order = w.Decision(label="Last", status="vastgesteld", final=True, announces=False, measure="last")
    announced = w.Decision(label="Voornemen", status="verzonden", final=False, announces=True, measure="last",
                           zienswijze_tot=date(2026, 12, 16))
    assert w.first_send_day(state(announced)) == date(2026, 12, 17)
    assert w.first_send_day(state(order, announced)) is None  # newest first


def test_after_a_notice_an_undecided_application_still_asks_for_its_decision():
    """Browser trial (issue 10): after the art. 32 notice was sent the page said no further step was needed."""
    notice = w.Decision(label="Mededeling van de adviesaanvraag", status="verzonden", final=False, announces=False,
                        approved_on=date(2026, 12, 1), sent_on=date(2026, 12, 2))
    waiting = w.CaseState(assessed=True, competence="bevoegd", open_judgements=(), open_steps=frozenset(),
                          recorded=frozenset(), decisions=(notice,), further_outcomes=False, today=TODAY,
                          decision_due=date(2027, 1, 25))
    assert w.next_step(waiting) == "Stel het voornemen of besluit op de aanvraag op, uiterlijk 25-01-2027."
    assert w.next_step(state(notice)).startswith("Geen verdere stap nodig")  # a power without an application
