"""Woonoverlast through the services on a real database (issue 9): reports over weeks join one zaak, a warning,
a gedragsaanwijzing after a voornemen, a presence ban extended once, and a breach of an instruction collected in
a zaak of its own."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta

import pytest
import time_machine
from sqlalchemy import select

from app import clock
from app.domain.assessment import Assessment
from app.domain.deadlines import AMSTERDAM
from app.domain.drafting import DraftRequest
from app.domain.errors import InvalidInput
from app.models import Beoordeling, Oordeel, Zaak
from app.schemas.melding import MeldingSchema
from app.services.assessment import update_facts
from app.services.intake import submit_melding
from app.services.receipts import assessment_of
from app.services.review import current_documents
from tests.flows import approve_and_send, judge_what_is_missing, submit, zienswijze

START = clock.today() - timedelta(days=120)
DWELLING = {"straat": "Verzonnenhof", "huisnummer": "7B", "postcode": "6200 ZZ", "woonplaats": "Maastricht"}
USER = {"naam": "T. Lawaaimaker", "geboortedatum": "1985-05-05"}
LANDLORD = {"naam": "Woonstichting Denkbeeld", "straat": "Postbus", "huisnummer": "99", "postcode": "6200 ZZ",
            "woonplaats": "Maastricht"}
ANSWERS = {"sanctievorm": "dwangsom", "bijzondere_omstandigheden": "nee", "horen_aanwezigheidsverbod": "gehoord",
           "horen_invordering": "gehoord", "overtreding_vastgesteld": "vastgesteld"}
INSTRUCTIONS = [{"code": "A1", "text": "Speel tussen 23.00 en 07.00 uur geen versterkte muziek in de woning."},
                {"code": "A2", "text": "Ontvang geen bezoekers die in het portiek blijven hangen."}]


@pytest.fixture
def rt(app):
    return app.extensions["bevoegd"]


def _at(day: date, hour: int = 10):
    return time_machine.travel(datetime.combine(day, time(hour, 0), tzinfo=AMSTERDAM), tick=False)


def _moment(day: date, hour: int = 23) -> str:
    return datetime.combine(day, time(hour, 30), tzinfo=AMSTERDAM).isoformat()


def _melding(kenmerk: str, incidents: list[dict], **gegevens) -> dict:
    return MeldingSchema().load({
        "submission_id": f"wo-{kenmerk}", "zaaktype": "woonoverlast", "bron_soort": "bestuurlijke_rapportage",
        "bron_kenmerk": kenmerk, "adres": DWELLING,
        "gegevens": {"addressee_role": "gebruiker", "gebruiker": USER, "verhuurder": LANDLORD,
                     "affected_omwonenden": 4, "minors_in_household": "no", "incidents": incidents,
                     "softer_means": [{"kind": "gesprek", "date": START.isoformat(), "outcome": "mislukt",
                                       "reason": "Afspraken niet nagekomen."},
                                      {"kind": "verhuurder_maatregel", "date": START.isoformat(), "outcome": "mislukt",
                                       "reason": "De corporatie sprak de huurder aan; geen verbetering."}],
                     **gegevens}})


def _incident(day: date, kind: str = "geluid", **extra) -> dict:
    return {"at": _moment(day), "kind": kind, "origin": "in_woning", "source": "politie", "reporter": "politie",
            "source_kenmerk": f"PL-{day:%m%d}", "established": True, "description": "Harde muziek & <gebonk>.",
            **extra}


def _assessment(db, zaak) -> Assessment:
    row = db.scalars(select(Beoordeling).where(Beoordeling.zaak_id == zaak.id).order_by(Beoordeling.id.desc())).first()
    return assessment_of(row)


def _reports_over_weeks(db, rt, users) -> Zaak:
    days = [START + timedelta(days=n) for n in (0, 9, 18)]
    with _at(days[0] + timedelta(days=1)):
        zaak = submit_melding(db, rt, _melding("BR-WO-1", [_incident(days[0])]), users["handhaving"], days[0])
    for i, day in enumerate(days[1:], start=2):
        with _at(day + timedelta(days=1)):
            joined = submit_melding(db, rt, _melding(f"BR-WO-{i}", [_incident(day, "intimidatie")]),
                                    users["handhaving"], day)
        assert joined.id == zaak.id
    return zaak


def test_reports_over_weeks_join_one_zaak_and_its_chronology(db, rt, users):
    zaak = _reports_over_weeks(db, rt, users)
    db.refresh(zaak)
    assert [m.bron_kenmerk for m in zaak.meldingen] == ["BR-WO-1", "BR-WO-2", "BR-WO-3"]
    assert len(zaak.melding.gegevens["incidents"]) == 3
    assert "3 incidenten" in zaak.omschrijving and USER["naam"] not in zaak.omschrijving
    assert [b.roltype for b in zaak.betrokkenen].count("overtreder") == 1  # nobody twice
    assert len(db.scalars(select(Zaak).where(Zaak.zaaktype == "woonoverlast")).all()) == 1


def test_a_report_sent_again_is_no_second_incident(db, rt, users):
    zaak = _reports_over_weeks(db, rt, users)
    again = _melding("BR-WO-4", [_incident(START + timedelta(days=18), "intimidatie")])
    with _at(START + timedelta(days=20)):
        submit_melding(db, rt, again, users["handhaving"], START + timedelta(days=20))
    db.refresh(zaak)
    assert len(zaak.melding.gegevens["incidents"]) == 3  # the same incident reported twice counts once


def test_a_warning_keeps_the_zaak_open_for_reports_and_an_order_closes_it(db, rt, users):
    zaak = _reports_over_weeks(db, rt, users)
    day = START + timedelta(days=20)
    with _at(day):
        warning = judge_what_is_missing(db, rt, zaak, DraftRequest("waarschuwing", day), users["jurist"], day,
                                        ANSWERS)
        approve_and_send(db, rt, users, warning, day)
    later = START + timedelta(days=30)
    with _at(later):
        joined = submit_melding(db, rt, _melding("BR-WO-5", [_incident(later - timedelta(days=1))]),
                                users["handhaving"], later)
    assert joined.id == zaak.id  # a warning is no besluit: the chronology grows
    order = _order(db, rt, users, zaak, later)
    assert order.maatregel["dwangsom"]["bedrag"] and order.maatregel["object"] == {"addressee_role": "gebruiker"}
    roles = sorted(d.ontvanger_rol for d in current_documents(db, order))
    assert roles == ["overtreder", "verhuurder"]
    copy = next(d for d in current_documents(db, order) if d.ontvanger_rol == "verhuurder")
    text = json.dumps(copy.context, ensure_ascii=False)
    assert "gebonk" not in text and "€" not in text  # the landlord's copy: only what he needs
    after = order.ingangsdatum + timedelta(days=3)
    with _at(after):
        breach = submit_melding(db, rt, _melding("BR-WO-9", [_incident(after - timedelta(days=1),
                                                                        instruction="A1")]),
                                users["handhaving"], after)
    assert breach.id != zaak.id  # after a besluit a report starts a zaak of its own
    assert breach.melding.gegevens["incidents"][0]["instruction"] == "A1"
    assert _assessment(db, breach).bevoegdheid == "bevoegd"  # one breach of a running order: collect (Awb 5:37)
    invordering = judge_what_is_missing(db, rt, breach, DraftRequest("invorderingsbeschikking", after),
                                        users["jurist"], after, ANSWERS)
    record = invordering.maatregel["invordering"]
    assert record["last"]["kenmerk"] == zaak.identificatie
    assert record["bedrag"] == order.maatregel["dwangsom"]["bedrag"]
    submit(db, rt, invordering, users["kabinet"], users["jurist"], after)
    text = json.dumps([d.context for d in current_documents(db, invordering)], ensure_ascii=False)
    assert zaak.identificatie in text and "A1" in text


def _order(db, rt, users, zaak: Zaak, day: date):
    with _at(day):
        warned = {"kind": "waarschuwing", "date": (day - timedelta(days=10)).isoformat(), "outcome": "mislukt",
                  "reason": "Na de waarschuwing ging de overlast door."}
        _facts(db, rt, zaak, users, day, instructions=INSTRUCTIONS,
               softer_means=[*zaak.melding.gegevens["softer_means"], warned])
        voornemen = judge_what_is_missing(db, rt, zaak, DraftRequest("voornemen_last", day, duur=_looptijd(rt, day)),
                                          users["jurist"], day, ANSWERS)
        approve_and_send(db, rt, users, voornemen, day)
    later = day + timedelta(days=15)
    with _at(later):
        zienswijze(db, zaak, {"outcome": "niet_ontvangen", "reactie": "Er kwam geen reactie."}, users["jurist"], later)
        request = DraftRequest("last_onder_dwangsom", later, duur=_looptijd(rt, later))
        last = judge_what_is_missing(db, rt, zaak, request, users["jurist"], later, ANSWERS)
        return approve_and_send(db, rt, users, last, later)


def _looptijd(rt, day: date) -> int:
    return int(rt.book.parameters_for("woonoverlast", day)["looptijd_maanden"].value)


def _facts(db, rt, zaak: Zaak, users, day: date, **changes) -> None:
    db.refresh(zaak)
    update_facts(db, rt, zaak, changes, zaak.melding.version_id, users["jurist"], day)


def test_a_presence_ban_of_ten_days_to_the_hour_is_extended_once_within_four_weeks(db, rt, users):
    zaak = _reports_over_weeks(db, rt, users)
    day = START + timedelta(days=20)
    start = datetime.combine(day, time(14, 0), tzinfo=AMSTERDAM)
    with _at(day, 12):
        _facts(db, rt, zaak, users, day, ban_start_at=start.isoformat(), ban_area="Het portiek en de tuin.")
        ban = judge_what_is_missing(db, rt, zaak, DraftRequest("aanwezigheidsverbod", day), users["jurist"], day,
                                    ANSWERS)
        approve_and_send(db, rt, users, ban, day)
    assert ban.einde_at.astimezone(AMSTERDAM) == start + timedelta(days=10)
    later = day + timedelta(days=8)
    new_end = start + timedelta(days=28)
    with _at(later):
        _facts(db, rt, zaak, users, later, ban_extension_end_at=(new_end + timedelta(hours=1)).isoformat())
        with pytest.raises(InvalidInput):  # beyond four weeks after the start
            judge_what_is_missing(db, rt, zaak, DraftRequest("verlenging_aanwezigheidsverbod", later),
                                  users["jurist"], later, ANSWERS)
        db.rollback()
        _facts(db, rt, zaak, users, later, ban_extension_end_at=new_end.isoformat())
        extension = judge_what_is_missing(db, rt, zaak, DraftRequest("verlenging_aanwezigheidsverbod", later),
                                          users["jurist"], later, ANSWERS)
    assert extension.einde_at.astimezone(AMSTERDAM) == new_end
    assert db.scalars(select(Oordeel).where(Oordeel.zaak_id == zaak.id, Oordeel.code == "verlenging_nodig")).all()
