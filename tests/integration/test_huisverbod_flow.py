"""The huisverbod through the services, on a real database: imposed on the spot by a hulpofficier van
justitie in mandate, checked afterwards by the kabinet, extended or withdrawn only by the mayor, before
its end, to the minute; destroyed five years after the last decision."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from sqlalchemy import func, select

from app.audit import verify_chain
from app.domain.deadlines import AMSTERDAM
from app.domain.drafting import DraftRequest
from app.domain.errors import FourEyesViolation, InvalidInput, InvalidTransition, MandateMissing
from app.models import Beslissing, Document, Reviewronde, Vernietiging, Zaak
from app.services import review
from app.services.assessment import update_facts
from app.services.intake import submit_melding
from app.services.retention import destroy, due_for_destruction
from app.services.review import current_documents
from tests.factories import huisverbod, melding
from tests.flows import draft, judge_one, submit

IMPOSED = datetime(2026, 12, 3, 23, 40, tzinfo=AMSTERDAM)


@pytest.fixture
def rt(app):
    return app.extensions["bevoegd"]


@pytest.fixture
def imposed(db, rt, users):
    with time_machine.travel(datetime(2026, 12, 4, 0, 15, tzinfo=AMSTERDAM), tick=False):
        return submit_melding(db, rt, huisverbod(IMPOSED), users["hovj"], date(2026, 12, 4))


def _order(db, zaak) -> Beslissing:
    return db.scalars(select(Beslissing).where(Beslissing.zaak_id == zaak.id, Beslissing.soort == "huisverbod")).one()


def test_officer_imposes_on_the_spot_and_the_order_runs_ten_days_to_the_minute(db, imposed, users):
    order = _order(db, imposed)
    assert order.status == "vastgesteld" and order.review_mode == "achteraf"
    assert order.drafter_id == order.approver_id == order.ondertekenaar_id == users["hovj"].id
    assert order.ingang_at == IMPOSED and order.einde_at == datetime(2026, 12, 13, 23, 40, tzinfo=AMSTERDAM)
    assert order.termijnen["bereikbaarheid_tot"] == datetime(2026, 12, 4, 23, 40, tzinfo=AMSTERDAM).astimezone(
        UTC).isoformat()
    letters = current_documents(db, order)
    # the barred person, the adult partner and Veilig Thuis; the child is named in the ban, not written to
    assert sorted(d.ontvanger_rol for d in letters) == ["achterblijver", "uithuisgeplaatste", "veilig_thuis"]
    assert {d.status for d in letters} == {"definitief"} and imposed.fase == "verzending"
    assert imposed.melding.gegevens["decided_on_the_spot_by"]["capacity"] == "hulpofficier_van_justitie"
    assert "Testman" not in imposed.omschrijving  # the case list and audit trail carry no names


def test_kabinet_checks_afterwards_once_and_not_the_one_who_decided(db, imposed, users):
    order = _order(db, imposed)
    row = review.record_nacontrole(db, order, "Mandaat en RiHG in orde.", order.version_id, users["kabinet"])
    assert row.resultaat == "nagecontroleerd" and row.document_hashes
    with pytest.raises(InvalidTransition):
        review.record_nacontrole(db, order, "", order.version_id, users["kabinet2"])


def test_the_officer_cannot_check_his_own_decision_afterwards(db, imposed, users):
    order = _order(db, imposed)
    with pytest.raises(FourEyesViolation):
        review.record_nacontrole(db, order, "", order.version_id, users["hovj"])


def test_officer_without_a_hulpofficier_mandate_stores_nothing(db, rt, users, today):
    with pytest.raises(MandateMissing):
        submit_melding(db, rt, huisverbod(), users["handhaving"], today)
    db.rollback()
    assert db.scalar(select(func.count()).select_from(Zaak)) == 0


@pytest.mark.parametrize(("change", "field"), [
    ({"person": {"naam": "T. Jong", "geboortedatum": "2008-12-05"}}, "bevoegdheid"),  # 17 years and 364 days
    ({"residence_status": "incidenteel"}, "bevoegdheid"),
    ({"kindermishandeling": True}, "bevoegdheid"),  # Veilig Thuis not consulted beforehand
])
def test_imposition_the_law_does_not_allow_is_refused_and_nothing_is_stored(db, rt, users, change, field):
    with time_machine.travel(datetime(2026, 12, 4, 0, 15, tzinfo=AMSTERDAM), tick=False), \
            pytest.raises(InvalidInput) as caught:
        submit_melding(db, rt, huisverbod(IMPOSED, **change), users["hovj"], date(2026, 12, 4))
    db.rollback()
    assert field in caught.value.errors
    assert db.scalar(select(func.count()).select_from(Zaak)) == 0


def test_no_danger_judged_means_no_order(db, rt, users):
    with time_machine.travel(datetime(2026, 12, 4, 0, 15, tzinfo=AMSTERDAM), tick=False):
        data = huisverbod(IMPOSED)  # loaded (and its moment checked) on the night itself
        data["oordelen"]["gevaar"] = {"outcome": "nee", "reasoning": "De RiHG overtuigt niet."}
        with pytest.raises(InvalidInput) as caught:
            submit_melding(db, rt, data, users["hovj"], date(2026, 12, 4))
    assert "bevoegdheid" in caught.value.errors  # the ground needs the danger judged present


def _prepare_extension(db, rt, zaak, users, new_end: datetime, decided_by: str = "orgaan") -> None:
    changes = {"extension_new_end_at": new_end, "extension_decided_by": decided_by,
               "extension_decided_at": datetime(2026, 12, 10, 10, 0, tzinfo=AMSTERDAM)}
    update_facts(db, rt, zaak, changes, zaak.melding.version_id, users["jurist"], date(2026, 12, 10))
    judge_one(db, zaak, "verlenging_gevaar_voortduurt", "ja", "Hij blijft dreigen.", users["jurist"])
    judge_one(db, zaak, "horen_verlenging", "gehoord", "Beiden gehoord op 9 december.", users["jurist"])


def test_mayor_extends_before_the_end_to_four_weeks_after_the_imposition(db, rt, imposed, users):
    new_end = IMPOSED + timedelta(days=28)
    with time_machine.travel(datetime(2026, 12, 10, 10, 0, tzinfo=AMSTERDAM), tick=False):
        _prepare_extension(db, rt, imposed, users, new_end)
        today = date(2026, 12, 10)
        concept = draft(db, rt, imposed, DraftRequest("verlenging_huisverbod", today), users["jurist"], today)
        assert concept.ingang_at == _order(db, imposed).einde_at and concept.einde_at == new_end
        submit(db, rt, concept, users["burgemeester"], users["jurist"], today)
        hashes = [d.sha256 for d in current_documents(db, concept)]
        done = review.approve(db, rt, concept, hashes, concept.version_id, users["burgemeester"], today)
    assert done.status == "vastgesteld" and done.einde_at == datetime(2026, 12, 31, 23, 40, tzinfo=AMSTERDAM)


def test_a_kabinet_official_in_mandate_cannot_sign_an_extension(db, rt, imposed, users):
    with time_machine.travel(datetime(2026, 12, 10, 10, 0, tzinfo=AMSTERDAM), tick=False):
        _prepare_extension(db, rt, imposed, users, IMPOSED + timedelta(days=20))
        today = date(2026, 12, 10)
        concept = draft(db, rt, imposed, DraftRequest("verlenging_huisverbod", today), users["jurist"], today)
        with pytest.raises(MandateMissing):
            submit(db, rt, concept, users["kabinet"], users["jurist"], today)


def test_extension_beyond_four_weeks_is_refused(db, rt, imposed, users):
    with time_machine.travel(datetime(2026, 12, 10, 10, 0, tzinfo=AMSTERDAM), tick=False):
        _prepare_extension(db, rt, imposed, users, IMPOSED + timedelta(days=28, minutes=1))
        today = date(2026, 12, 10)
        with pytest.raises(InvalidInput) as caught:
            draft(db, rt, imposed, DraftRequest("verlenging_huisverbod", today), users["jurist"], today)
    assert "bevoegdheid" in caught.value.errors  # rule verlenging_langer_dan_vier_weken


def test_extension_approved_after_the_end_is_refused_and_needs_new_facts(db, rt, imposed, users):
    late = datetime(2026, 12, 13, 23, 41, tzinfo=AMSTERDAM)  # a minute after the order ended
    with time_machine.travel(datetime(2026, 12, 10, 10, 0, tzinfo=AMSTERDAM), tick=False):
        _prepare_extension(db, rt, imposed, users, IMPOSED + timedelta(days=20))
        today = date(2026, 12, 10)
        request = DraftRequest("verlenging_huisverbod", late.date())  # the letter is dated the last day
        concept = draft(db, rt, imposed, request, users["jurist"], today)
        submit(db, rt, concept, users["burgemeester"], users["jurist"], today)
        hashes = [d.sha256 for d in current_documents(db, concept)]
    with time_machine.travel(late, tick=False), pytest.raises(InvalidInput) as caught:
        review.approve(db, rt, concept, hashes, concept.version_id, users["burgemeester"], late.date())
    assert "loopt niet (meer)" in caught.value.errors["soort"]


def _withdrawal(db, rt, zaak, users, decided: datetime, effective: datetime):
    update_facts(db, rt, zaak, {"withdrawal_decided_by": "orgaan", "withdrawal_reason": "Hulp aanvaard.",
                                "withdrawal_effective_at": effective},
                 zaak.melding.version_id, users["jurist"], decided.date())
    judge_one(db, zaak, "intrekking", "ja", "Hij volgt een behandeling.", users["jurist"])
    judge_one(db, zaak, "horen_verlenging", "gehoord", "Beiden gehoord.", users["jurist"])
    concept = draft(db, rt, zaak, DraftRequest("intrekking_huisverbod", decided.date()), users["jurist"],
                    decided.date())
    return submit(db, rt, concept, users["burgemeester"], users["jurist"], decided.date())


def test_mayor_withdraws_and_the_order_ends_at_the_moment_his_letters_name(db, rt, imposed, users):
    decided, effective = datetime(2026, 12, 8, 11, 5, tzinfo=AMSTERDAM), datetime(2026, 12, 8, 18, 0, tzinfo=AMSTERDAM)
    with time_machine.travel(decided, tick=False):
        concept = _withdrawal(db, rt, imposed, users, decided, effective)
        letters = current_documents(db, concept)
        assert all("8 december 2026 om 18.00 uur" in d.context["dictum"][0] for d in letters
                   if d.ontvanger_rol != "veilig_thuis")
        hashes = [d.sha256 for d in letters]
        done = review.approve(db, rt, concept, hashes, concept.version_id, users["burgemeester"], decided.date())
    assert done.ingang_at == effective


def test_a_withdrawal_approved_after_its_moment_is_refused(db, rt, imposed, users):
    decided, effective = datetime(2026, 12, 8, 11, 5, tzinfo=AMSTERDAM), datetime(2026, 12, 8, 12, 0, tzinfo=AMSTERDAM)
    with time_machine.travel(decided, tick=False):
        concept = _withdrawal(db, rt, imposed, users, decided, effective)
        hashes = [d.sha256 for d in current_documents(db, concept)]
    with time_machine.travel(effective + timedelta(minutes=1), tick=False), pytest.raises(InvalidInput) as caught:
        review.approve(db, rt, concept, hashes, concept.version_id, users["burgemeester"], decided.date())
    assert "ingang_at" in caught.value.errors


def test_a_withdrawal_moment_in_the_past_or_after_the_end_is_refused_when_drafting(db, rt, imposed, users):
    decided = datetime(2026, 12, 8, 11, 5, tzinfo=AMSTERDAM)
    for effective in (decided - timedelta(minutes=5), _order(db, imposed).einde_at + timedelta(minutes=1)):
        db.rollback()
        with time_machine.travel(decided, tick=False), pytest.raises(InvalidInput) as caught:
            _withdrawal(db, rt, imposed, users, decided, effective)
        assert "withdrawal_effective_at" in caught.value.errors


def test_an_end_in_the_missing_spring_hour_is_reached_when_the_clock_jumps(db, rt, users):
    imposed_at = datetime(2026, 3, 19, 2, 30, tzinfo=AMSTERDAM)
    with time_machine.travel(datetime(2026, 3, 19, 3, 0, tzinfo=AMSTERDAM), tick=False):
        zaak = submit_melding(db, rt, huisverbod(imposed_at), users["hovj"], date(2026, 3, 19))
    end = _order(db, zaak).einde_at.astimezone(AMSTERDAM)
    assert (end.date(), end.hour, end.minute, end.utcoffset()) == (date(2026, 3, 29), 3, 0, timedelta(hours=2))


def test_destruction_after_five_years_removes_the_file_and_nothing_else(db, rt, imposed, users):
    other = submit_melding(db, rt, melding(), users["handhaving"], date(2026, 12, 4))
    kenmerk = imposed.identificatie
    due = [d for d in due_for_destruction(db, rt, date(2031, 12, 4)) if d.identificatie == kenmerk]
    assert due and due_for_destruction(db, rt, date(2031, 12, 3)) == []
    record = destroy(db, rt, due[0], date(2031, 12, 4))
    assert record.aantal_documenten == 3 and record.uitgevoerd_at is not None
    db.expire_all()
    assert db.get(Zaak, imposed.id) is None and db.get(Zaak, other.id) is not None
    assert db.scalar(select(func.count()).select_from(Document)) == 0
    assert verify_chain(db, "audit") is None and verify_chain(db, "access") is None
    assert db.scalars(select(Vernietiging)).one().identificatie == kenmerk


def test_the_guards_refuse_any_other_deletion(db, imposed):
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    for statement in ("DELETE FROM documenten", "DELETE FROM oordelen", "DELETE FROM beoordelingen",
                      "UPDATE audit_entries SET wijzigingen = '{\"vernietigd\": true}'"):
        with pytest.raises(DBAPIError):
            db.execute(text(statement))
        db.rollback()
    assert db.scalar(select(func.count()).select_from(Reviewronde)) == 0
    assert db.scalar(select(func.count()).select_from(Document)) == 3


def test_a_withdrawal_after_an_extension_needs_its_own_hearing(db, rt, imposed, users):
    """The hearing and reasons recorded for the extension lapse when it is approved (per_decision)."""
    from app.domain.errors import JudgementMissing
    from app.services.queries import active_judgements

    with time_machine.travel(datetime(2026, 12, 10, 10, 0, tzinfo=AMSTERDAM), tick=False):
        _prepare_extension(db, rt, imposed, users, IMPOSED + timedelta(days=20))
        today = date(2026, 12, 10)
        concept = draft(db, rt, imposed, DraftRequest("verlenging_huisverbod", today), users["jurist"], today)
        submit(db, rt, concept, users["burgemeester"], users["jurist"], today)
        hashes = [d.sha256 for d in current_documents(db, concept)]
        review.approve(db, rt, concept, hashes, concept.version_id, users["burgemeester"], today)
    active = set(active_judgements(db, imposed))
    assert {"gevaar", "horen_mogelijk"} <= active and not active & {"horen_verlenging", "verlenging_gevaar_voortduurt"}
    decided = datetime(2026, 12, 15, 11, 0, tzinfo=AMSTERDAM)
    with time_machine.travel(decided, tick=False), pytest.raises(JudgementMissing) as caught:
        update_facts(db, rt, imposed, {"withdrawal_decided_by": "orgaan", "withdrawal_reason": "Hulp aanvaard.",
                                       "withdrawal_effective_at": decided + timedelta(hours=6)},
                     imposed.melding.version_id, users["jurist"], decided.date())
        judge_one(db, imposed, "intrekking", "ja", "Hij volgt een behandeling.", users["jurist"])
        draft(db, rt, imposed, DraftRequest("intrekking_huisverbod", decided.date()), users["jurist"], decided.date())
    assert "horen_verlenging" in caught.value.missing
