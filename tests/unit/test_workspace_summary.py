"""The case page's summary as pure logic: status, next step, deadlines, banner lines, steps, frozen forms."""

from __future__ import annotations

from datetime import UTC, date, datetime

from app.domain import workspace as w

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


def test_open_judgements_come_first():
    text = w.next_step(state(open_judgements=("Is de sluiting geschikt?",), open_steps=frozenset({"evenredigheid"})))
    assert text == "Leg de afwegingen vast die nog open staan: Is de sluiting geschikt?."


def test_next_step_follows_the_decisions():
    assert w.next_step(state()) == "Stel de beslissing op."
    assert "Wacht de zienswijzetermijn af (tot en met 16-12-2026)" in w.next_step(state(VOORNEMEN))
    assert w.next_step(state(VOORNEMEN, recorded=frozenset({"zienswijze"}))).startswith("Stel het besluit op")
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
    assert [(d.label, d.ends) for d in found] == [
        ("Zienswijzetermijn", date(2026, 12, 16)), ("Begunstigingstermijn", date(2027, 1, 5)),
        ("Termijn voor bezwaar of beroep", date(2027, 2, 1)), ("Einde sluiting", date(2027, 7, 5))]
    assert not any(d.passed for d in found)
    ended = w.Decision(label="Huisverbod", status="verzonden", final=True, announces=False, measure="huisverbod",
                       einde_at=datetime(2026, 12, 1, 18, 0, tzinfo=UTC))
    assert [(d.label, d.passed) for d in w.deadlines(state(ended))] == [("Einde huisverbod", True)]
    concept = w.Decision(label="Sluiting", status="concept", final=True, announces=False,
                         begunstigingstermijn_tot=date(2027, 1, 5))
    assert w.deadlines(state(concept)) == []


def test_process_steps_say_what_is_true_after_a_zienswijze():
    # The stored fase goes back to "evenredigheid" after a zienswijze; the sent voornemen is still done.
    steps = dict(w.step_states(STEPS, state(VOORNEMEN, recorded=frozenset({"zienswijze"}))))
    assert steps["voornemen"] == w.DONE and steps["evenredigheid"] == w.DONE
    assert steps["besluit"] == w.CURRENT and steps["review"] == w.NOT_STARTED
    decided = dict(w.step_states(STEPS, state(SLUITING, VOORNEMEN)))
    assert decided["review"] == w.DONE and decided["verzending"] == w.CURRENT
    refused = dict(w.step_states(STEPS, state(competence="niet_bevoegd")))
    assert refused["bevoegdheid"] == w.DONE and refused["besluit"] == w.NOT_NEEDED


def test_frozen_while_in_review_and_drafting_closed_after_the_final_besluit():
    review = w.Decision(label="Sluiting", status="ter_vaststelling", final=True, announces=False)
    assert w.frozen_reason(state(review)) == w.REVIEW_FREEZE
    assert w.frozen_reason(state(SLUITING)) is None
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
