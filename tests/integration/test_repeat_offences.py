"""Repeat offences through the services (issue 6 §3, review finding 16): only earlier measures that were sent
and not revoked count, against the same person at the same premises (the default policy), with the window
from the earlier offence; earlier measures from before go-live can be entered and then count too."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from sqlalchemy import func, select

from app import clock
from app.audit import Actor
from app.domain.drafting import DraftRequest
from app.domain.errors import ConcurrentEdit, InvalidInput, InvalidTransition
from app.models import AuditEntry, EerdereMaatregel, Zaak
from app.services import review
from app.services.assessment import current_assessment, latest
from app.services.earlier_measures import record_earlier_measure, revoke_beslissing, revoke_earlier_measure
from app.services.history import explained
from app.services.intake import submit_melding
from app.services.receipts import assessment_of
from app.services.review import current_documents
from tests.factories import melding
from tests.flows import draft, judge_one, submit

PERSON = {"naam": "R. Herhaal", "geboortedatum": "1980-05-17", "roltype": "bewoner"}
TENANT = {"naam": "N. Nieuwehuurder", "geboortedatum": "1992-11-03", "roltype": "bewoner"}
ELSEWHERE = {"straat": "Anderestraat", "huisnummer": "2", "postcode": "6211 AB", "woonplaats": "Maastricht"}
WARN = {"eigen_gebruik_aannemelijk": "niet_aannemelijk", "verkoop_aannemelijk": "ja", "bijzondere_omstandigheden": "ja",
        "ernstig_geval_eerste_overtreding": "niet_ernstig"}


@pytest.fixture
def rt(app):
    return app.extensions["bevoegd"]


def _zaak(db, rt, users, found: date, person=PERSON, **overrides) -> Zaak:
    with time_machine.travel(found + timedelta(days=2), tick=False):  # reported two days after the finding
        return submit_melding(db, rt, melding(pleegdatum=found, bewoners=[person], **overrides), users["handhaving"],
                              found + timedelta(days=2))


def _later(today: date) -> date:
    """A new finding a month after the earlier warning went out."""
    return today + timedelta(days=30)


def _warning(db, rt, users, zaak: Zaak, today: date, sent: bool = True):
    for code, outcome in WARN.items():
        judge_one(db, zaak, code, outcome, f"Motivering voor {code}.", users["jurist"])
    beslissing = draft(db, rt, zaak, DraftRequest("waarschuwing", today), users["jurist"], today)
    submit(db, rt, beslissing, users["kabinet"], users["jurist"], today)
    hashes = [d.sha256 for d in current_documents(db, beslissing)]
    review.approve(db, rt, beslissing, hashes, beslissing.version_id, users["kabinet"], today)
    if sent:  # what a dispatch record does once every letter went out
        beslissing.status, beslissing.verzonden_at = "verzonden", datetime.now(UTC)
        db.commit()
    return beslissing


def _offence(db, rt, zaak: Zaak, users, today: date) -> str:
    row = current_assessment(db, rt, zaak, Actor.of(users["jurist"]), max(today, zaak.melding.pleegdatum))
    db.commit()
    return assessment_of(row).facts["offence"]


def _reasons(db, rt, zaak: Zaak) -> list[str]:
    return [c.reason for c in explained(db, rt, zaak, clock.today())]


@pytest.fixture
def earlier(db, rt, users, today):
    """A warning for a finding 60 days ago, at Teststraat 1, against R. Herhaal."""
    zaak = _zaak(db, rt, users, today - timedelta(days=60))
    return zaak, _warning(db, rt, users, zaak, today, sent=False)


def test_an_approved_warning_counts_only_once_it_was_sent(db, rt, users, today, earlier):
    _, warning = earlier
    later = _zaak(db, rt, users, _later(today))
    assert _offence(db, rt, later, users, today) == "eerste"
    assert _reasons(db, rt, later) == ["niet_verzonden"]
    warning.status, warning.verzonden_at = "verzonden", datetime.now(UTC)
    db.commit()
    assert _offence(db, rt, later, users, today) == "tweede"
    assert _reasons(db, rt, later) == ["telt"]


def test_a_revoked_warning_no_longer_counts_and_the_revocation_is_audited(db, rt, users, today, earlier):
    zaak, warning = earlier
    warning.status, warning.verzonden_at = "verzonden", datetime.now(UTC)
    db.commit()
    later = _zaak(db, rt, users, _later(today))
    assert _offence(db, rt, later, users, today) == "tweede"
    data = {"version": warning.version_id, "soort": "herroepen_in_bezwaar", "datum": today, "reden": "BOB-2026-7"}
    with pytest.raises(InvalidInput):  # a date before the measure itself
        revoke_beslissing(db, zaak, warning, {**data, "datum": date(2000, 1, 1)}, users["jurist"], today)
    db.rollback()
    with pytest.raises(ConcurrentEdit):
        revoke_beslissing(db, zaak, warning, {**data, "version": warning.version_id - 1}, users["jurist"], today)
    db.rollback()
    revoke_beslissing(db, zaak, warning, data, users["jurist"], today)
    assert warning.intrekking_soort == "herroepen_in_bezwaar" and warning.intrekking_door_id == users["jurist"].id
    assert db.scalar(select(func.count()).select_from(AuditEntry).where(
        AuditEntry.resource == "beslissing", AuditEntry.resource_id == str(warning.id), AuditEntry.actie == "update"))
    assert _offence(db, rt, later, users, today) == "eerste"
    assert _reasons(db, rt, later) == ["ingetrokken"]
    with pytest.raises(InvalidTransition):
        revoke_beslissing(db, zaak, warning, {**data, "version": warning.version_id}, users["jurist"], today)


def test_a_new_tenant_does_not_inherit_a_warning_but_the_same_resident_does(db, rt, users, today, earlier):
    _, warning = earlier
    warning.status, warning.verzonden_at = "verzonden", datetime.now(UTC)
    db.commit()
    found = _later(today)
    tenant = _zaak(db, rt, users, found, person=TENANT)
    same = _zaak(db, rt, users, found, person={**PERSON, "naam": "r.  herhaal"})
    moved = _zaak(db, rt, users, found, adres=ELSEWHERE)
    assert _offence(db, rt, tenant, users, today) == "eerste"
    assert _reasons(db, rt, tenant) == ["ander_persoon"]
    assert _offence(db, rt, same, users, today) == "tweede"
    assert _reasons(db, rt, moved) == ["ander_adres"]  # found by person, but the policy counts per premises too
    assert _offence(db, rt, moved, users, today) == "eerste"


def _entered(zaak: Zaak, **overrides) -> dict:
    return {"version": zaak.version_id, "soort": "waarschuwing", "pleegdatum": date(2024, 3, 1),
            "verzonden": True, "verzenddatum": date(2024, 3, 20), "straat": "Teststraat", "huisnummer": "1",
            "postcode": "6200 ZZ", "woonplaats": "Maastricht", "persoon_naam": "R. Herhaal",
            "persoon_geboortedatum": date(1980, 5, 17), "kenmerk": "OOV/2024/0815", "bron": "Archief Corsa",
            "toelichting": "", **overrides}


def test_an_earlier_measure_from_before_go_live_counts_like_one_made_here(db, rt, users, today):
    zaak = _zaak(db, rt, users, today - timedelta(days=3))
    assert assessment_of(latest(db, zaak)).facts["offence"] == "eerste"
    row = record_earlier_measure(db, rt, zaak, _entered(zaak, pleegdatum=today - timedelta(days=400),
                                 verzenddatum=today - timedelta(days=380)), users["jurist"], today)
    assert row.adres_sleutel == zaak.adres_sleutel and row.ingevoerd_bij == zaak.identificatie
    assert assessment_of(latest(db, zaak)).facts["offence"] == "tweede"  # assessed again
    assert db.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.resource == "eerdere_maatregel"))
    revoke_earlier_measure(db, zaak, row, {"version": row.version_id, "soort": "vernietigd_in_beroep",
                                           "datum": today, "reden": "Rb. Limburg, uitspraak"}, users["jurist"], today)
    assert _offence(db, rt, zaak, users, today) == "eerste"


def test_the_window_runs_from_the_earlier_offence_not_from_the_earlier_letter(db, rt, users, today):
    found = today - timedelta(days=3)
    zaak = _zaak(db, rt, users, found)
    start = found.replace(year=found.year - 3)  # the recidive window of the rules: three years (a default)
    outside = _entered(zaak, pleegdatum=start - timedelta(days=1), verzenddatum=start + timedelta(days=20))
    record_earlier_measure(db, rt, zaak, outside, users["jurist"], today)
    assert _reasons(db, rt, zaak) == ["buiten_termijn"]
    assert assessment_of(latest(db, zaak)).facts["offence"] == "eerste"


def test_a_refused_earlier_measure_stores_nothing(db, rt, users, today):
    zaak = _zaak(db, rt, users, today - timedelta(days=3))
    audit_before = db.scalar(select(func.count()).select_from(AuditEntry))
    with pytest.raises(InvalidInput) as refused:
        record_earlier_measure(db, rt, zaak, _entered(zaak, soort="voornemen_sluiting",
                                                      pleegdatum=today + timedelta(days=1)), users["jurist"], today)
    db.rollback()
    assert set(refused.value.errors) == {"soort", "pleegdatum"}
    assert db.scalar(select(func.count()).select_from(EerdereMaatregel)) == 0
    assert db.scalar(select(func.count()).select_from(AuditEntry)) == audit_before


def test_the_case_pages_table_counts_with_the_confirmed_window_like_the_assessment(db, rt, users, today):
    """Code review: the table read the default window on the finding date while the assessment used the
    municipality's confirmed value on the decision date; they must agree."""
    from app.services import parameters

    found = today - timedelta(days=3)
    zaak = _zaak(db, rt, users, found)
    two_years = _entered(zaak, pleegdatum=found.replace(year=found.year - 2),
                         verzenddatum=found.replace(year=found.year - 2) + timedelta(days=20))
    record_earlier_measure(db, rt, zaak, two_years, users["jurist"], today)
    assert _reasons(db, rt, zaak) == ["telt"]
    parameters.confirm(db, rt, "damocles", "recidive_termijn_jaren", {
        "waarde": "1", "geldig_vanaf": today.isoformat(), "titel": "Beleidsregels inzake de toepassing van "
        "artikel 13b Opiumwet", "artikel": "artikel 5", "publicatie": "Gemeenteblad (test)",
        "href": "https://example.org/beleid"}, users["beheerder"])
    assert _reasons(db, rt, zaak) == ["buiten_termijn"]
    assert _offence(db, rt, zaak, users, today) == "eerste"
