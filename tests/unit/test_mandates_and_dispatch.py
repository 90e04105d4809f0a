"""Pure rules for mandates (per outcome, validity, reservation to the body), the signature (Awb 10:10) and the
dispatch record per recipient (Awb 3:41, 6:8)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

import pytest

from app.domain.assessment import Assessment, TraceEntry
from app.domain.deadlines import Calendar
from app.domain.dispatch import all_sent, check_sending_date, current_records, remedy_deadline
from app.domain.errors import InvalidInput
from app.domain.mandates import allows, refusal, reservation, usable
from app.domain.procedure import Outcome
from app.letters.paragraphs import ondertekening

SLUITING = Outcome("sluiting", "Sluiting", True, "sluiting", "voornemen", "vooraf", "burgemeester", "bezwaar",
                   mandate=("gemandateerde",))
VERLENGING = Outcome("verlenging", "Verlenging", True, "verlenging", "horen", "vooraf", "burgemeester", "beroep")
WAARSCHUWING = Outcome("waarschuwing", "Waarschuwing", False, "waarschuwing", "geen", "vooraf", "burgemeester",
                       "geen", mandate=("gemandateerde",))
DAY = date(2026, 3, 2)
CALENDAR = Calendar({2026: frozenset()})


@dataclass
class M:
    hoedanigheid: str = "gemandateerde"
    uitkomsten: list[str] = field(default_factory=lambda: ["waarschuwing", "sluiting"])
    valid_from: date = date(2026, 1, 1)
    valid_until: date | None = None
    besluittype: str = "damocles"
    mandaatbesluit: str = "Mandaatbesluit 2026 (test)"
    functie: str = "hoofd Kabinet en Veiligheid"


def _assessment(*entries: TraceEntry) -> Assessment:
    return Assessment("damocles", DAY, "r", "s", "e", {}, {}, entries, ())


RESERVED = TraceEntry("sluiting_voorbehouden", "voorbehouden", "orgaan", {}, "Voorbehouden aan de burgemeester.",
                      conclusion={"finding": "voorbehouden", "value": "orgaan", "outcomes": ["sluiting"]})


def test_a_mandate_covers_only_the_outcomes_it_names_and_an_empty_list_covers_nothing():
    assert allows(M(), "damocles", SLUITING, DAY)
    assert not allows(M(uitkomsten=["waarschuwing"]), "damocles", SLUITING, DAY)
    assert not allows(M(uitkomsten=[]), "damocles", WAARSCHUWING, DAY)
    assert not allows(M(), "huisverbod", SLUITING, DAY)
    assert "dekt geen sluiting" in refusal([M(uitkomsten=["waarschuwing"])], "damocles", SLUITING, DAY, "K. Kabinet")


def test_a_mandate_holds_from_its_first_to_its_last_day():
    mandate = M(valid_from=date(2026, 3, 2), valid_until=date(2026, 3, 31))
    assert allows(mandate, "damocles", SLUITING, date(2026, 3, 2))
    assert allows(mandate, "damocles", SLUITING, date(2026, 3, 31))
    assert not allows(mandate, "damocles", SLUITING, date(2026, 3, 1))
    assert not allows(mandate, "damocles", SLUITING, date(2026, 4, 1))
    assert refusal([mandate], "damocles", SLUITING, date(2026, 4, 1), "U") == (
        "Het mandaat van u gold tot en met 31-03-2026; het is verlopen.")
    assert refusal([mandate], "damocles", SLUITING, date(2026, 3, 1), "U") == (
        "Het mandaat van u geldt pas vanaf 02-03-2026.")


def test_an_outcome_that_cannot_be_mandated_is_refused_to_a_gemandateerde_and_allowed_to_the_body():
    assert not allows(M(uitkomsten=["verlenging"]), "damocles", VERLENGING, DAY)
    assert allows(M(hoedanigheid="orgaan", uitkomsten=["verlenging"]), "damocles", VERLENGING, DAY)
    assert "alleen de burgemeester" in refusal([M(uitkomsten=["verlenging"])], "damocles", VERLENGING, DAY, "U")


def test_a_reserved_outcome_is_decided_by_the_body_or_its_substitute_only():
    found = reservation(_assessment(RESERVED), "sluiting")
    assert found is RESERVED and reservation(_assessment(RESERVED), "waarschuwing") is None
    assert reservation(None, "sluiting") is None
    assert not allows(M(), "damocles", SLUITING, DAY, reserved=True)
    assert allows(M(hoedanigheid="plaatsvervanger"), "damocles", SLUITING, DAY, reserved=True)
    assert usable([M(), M(hoedanigheid="orgaan")], "damocles", SLUITING, DAY, reserved=True).hoedanigheid == "orgaan"
    message = refusal([M()], "damocles", SLUITING, DAY, "K. Kabinet", found)
    assert message.startswith("Een sluiting is in deze zaak voorbehouden aan de burgemeester zelf")


def test_the_signature_says_namens_deze_with_the_function_for_a_mandate_and_nothing_for_the_mayor():
    mandated = {"naam": "K. Kabinet", "hoedanigheid": "gemandateerde", "functie": "hoofd Kabinet en Veiligheid"}
    assert ondertekening("burgemeester", "Maastricht", mandated) == (
        "De burgemeester van Maastricht,", "namens deze,", "K. Kabinet", "hoofd Kabinet en Veiligheid")
    assert ondertekening("burgemeester", "Maastricht", {"naam": "M. Burgemeester", "hoedanigheid": "orgaan"}) == (
        "De burgemeester van Maastricht,", "M. Burgemeester")
    locum = ondertekening("burgemeester", "Maastricht", {"naam": "L. Wethouder", "hoedanigheid": "plaatsvervanger"})
    assert locum == ("De burgemeester van Maastricht,", "voor deze,", "L. Wethouder", "locoburgemeester")


def test_a_sending_date_before_the_approval_or_in_the_future_is_refused():
    check_sending_date(DAY, DAY, DAY)
    with pytest.raises(InvalidInput) as before:
        check_sending_date(date(2026, 3, 1), DAY, DAY)
    assert "vóór de vaststelling op 02-03-2026" in before.value.errors["verzonden_op"]
    with pytest.raises(InvalidInput) as future:
        check_sending_date(date(2026, 3, 3), DAY, DAY)
    assert "toekomst" in future.value.errors["verzonden_op"]


def test_the_remedy_deadline_runs_six_weeks_from_each_recipients_sending_date_by_the_termijnenwet():
    # Sent Friday 6 March 2026: six weeks end on Friday 17 April; sent Saturday 7 March: Saturday 18 April
    # moves to Monday 20 April (Atw art. 1).
    assert remedy_deadline(SLUITING, "bewoner", date(2026, 3, 6), 6, CALENDAR) == date(2026, 4, 17)
    assert remedy_deadline(SLUITING, "bewoner", date(2026, 3, 7), 6, CALENDAR) == date(2026, 4, 20)
    assert remedy_deadline(WAARSCHUWING, "bewoner", DAY, 6, CALENDAR) is None  # not a besluit
    notified = replace(SLUITING, recipients=("bewoner", "veilig_thuis"), notified=("veilig_thuis",))
    assert remedy_deadline(notified, "veilig_thuis", DAY, 6, CALENDAR) is None


@dataclass
class R:
    id: int
    document_id: int
    vervangt_id: int | None = None


def test_a_correction_supersedes_the_earlier_record_and_every_letter_must_be_sent():
    first, other, fixed = R(1, 10), R(2, 11), R(3, 10, vervangt_id=1)
    current = current_records([first, other, fixed])
    assert current == {10: fixed, 11: other}
    assert all_sent([10, 11], current) and not all_sent([10, 11, 12], current) and not all_sent([], current)


def test_a_letter_is_not_sent_before_its_date_nor_so_late_that_its_terms_fail() -> None:
    """Chromium trial: a besluit dated after the zienswijze term was recorded as sent during the term."""
    letter_date = date(2026, 12, 22)
    with pytest.raises(InvalidInput) as early:
        check_sending_date(date(2026, 12, 5), date(2026, 12, 5), date(2026, 12, 30), letter_date, dated_terms=True,
                           grace_days=2)
    assert "draagt de datum 22-12-2026" in early.value.errors["verzonden_op"]
    check_sending_date(date(2026, 12, 24), date(2026, 12, 5), date(2026, 12, 30), letter_date, dated_terms=True,
                       grace_days=2)
    with pytest.raises(InvalidInput) as late:
        check_sending_date(date(2026, 12, 28), date(2026, 12, 5), date(2026, 12, 30), letter_date, dated_terms=True,
                           grace_days=2)
    assert "te laat verstuurd" in late.value.errors["verzonden_op"]
    # an order handed over on the spot has no terms counted from the letter's date
    check_sending_date(date(2026, 12, 28), date(2026, 12, 5), date(2026, 12, 30), letter_date, dated_terms=False)


def test_a_mandate_with_the_migrations_placeholder_signs_nothing() -> None:
    """Code review: migration 0010 wrote "(nog vastleggen)" where a function was missing; it must never be
    printed under "namens deze"."""
    from app.domain.mandates import TO_RECORD

    placeholder = M(uitkomsten=["waarschuwing", "sluiting"], functie=TO_RECORD)
    assert not allows(placeholder, "damocles", SLUITING, DAY)
    assert "ontbreken nog het mandaatbesluit of de functie" in refusal([placeholder], "damocles", SLUITING, DAY,
                                                                         "K. Kabinet")
