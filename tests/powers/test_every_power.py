"""The generic flow over every registered power plus a fictional one that lives only in tests/.

`proef` (tests/powers/proef/) is registered next to the real powers, with its rules, letter templates and
manifest lines in temporary copies of rules/ and letter_templates/. Nothing in app/ knows it, so if this
flow passes for it, a power needs no edit outside its own package, rules folder, templates and manifest
lines. Each power goes through its own intake form, the rules' assessment, the judgements its procedure
asks for, a draft, four-eyes review, a return for changes, a stale approval and the download.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import select

from app import clock, create_app
from app.domain.errors import FourEyesViolation
from app.domain.judgements import required_for
from app.domain.procedure import JudgementSpec
from app.models import Beoordeling, Beslissing, Document, Oordeel, Zaak
from app.powers import register, registry, unregister
from app.services import review
from app.services import toegang as toegang_service
from app.services.receipts import assessment_of
from tests.powers import proef
from tests.powers.proef_folders import proef_folders
from tests.powers.scenarios import SCENARIOS

POWERS = sorted({*registry(), "proef"})


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    """rules/ and letter_templates/ with the fictional power added, and the power registered."""
    found = proef_folders(tmp_path_factory.mktemp("every_power"))
    register(proef.SPEC)
    yield found
    unregister("proef")


@pytest.fixture
def app(database_url: str, folders: dict[str, Path]) -> Iterator[Flask]:
    application = create_app({"database_url": database_url, "testing": True,
                              "strict_templates": True, "csrf_enabled": False, **folders})
    yield application
    application.extensions["db_engine"].dispose()


def test_every_registered_power_has_a_scenario(folders):
    assert set(registry()) == set(POWERS) <= set(SCENARIOS)


def test_start_up_refuses_a_power_without_rules(database_url, folders, tmp_path):
    rules = shutil.copytree(folders["rules_dir"], tmp_path / "rules", ignore=shutil.ignore_patterns("proef"))
    with pytest.raises(RuntimeError, match="proef ontbreekt in rules/"):
        create_app({"database_url": database_url, "testing": True, "rules_dir": rules,
                    "letter_templates_dir": folders["letter_templates_dir"]})


@pytest.mark.parametrize("code", POWERS)
def test_generic_flow(code, app, client, login_as, db, users):
    scenario, rt, now = SCENARIOS[code], app.extensions["bevoegd"], datetime.now(UTC)
    zaak = _intake(code, scenario, client, login_as, db, now)
    login_as("jurist")
    assert zaak.identificatie in client.get("/zaken").get_data(as_text=True)
    _join_the_access_list(client, db, zaak, users, scenario, rt.book.index(code).toegang)
    page = client.get(f"/zaken/{zaak.id}").get_data(as_text=True)
    assert "Advies van de regels" in page and rt.book.index(code).title in page
    if scenario.facts(now):
        version = _fresh(db, zaak).melding.version_id
        _post(client, f"/zaken/{zaak.id}/feiten", {**scenario.facts(now), "version": version})
    _judge_what_the_procedure_asks(code, scenario, client, db, zaak, rt)

    first = _draft_and_submit(client, db, zaak, scenario, users, clock.today() + timedelta(days=1))
    shown = [d.sha256 for d in review.current_documents(db, first)]
    roles = sorted(d.ontvanger_rol for d in review.current_documents(db, first))
    assert set(roles) <= set(rt.procedure(code).outcome(scenario.outcome).recipients) and roles
    with pytest.raises(FourEyesViolation):  # whoever drafted never approves, whatever their role
        review.approve(db, rt, first, shown, first.version_id, users["jurist"], clock.today())
    db.rollback()

    login_as(scenario.signer)
    _post(client, f"/vaststelling/{first.id}/terugsturen", {"opmerking": "Graag een dag later versturen.",
                                                             "version": _fresh(db, first).version_id})
    assert _fresh(db, first).status == "concept"

    login_as("jurist")
    again = _draft_and_submit(client, db, zaak, scenario, users, clock.today() + timedelta(days=2))
    assert again.id == first.id

    login_as(scenario.signer)
    stale = client.post(f"/vaststelling/{again.id}/vaststellen", data={"version": again.version_id, "sha256": shown})
    assert stale.status_code == 409 and _fresh(db, again).status == "ter_vaststelling"
    current = [d.sha256 for d in review.current_documents(db, again)]
    _post(client, f"/vaststelling/{again.id}/vaststellen", {"version": _fresh(db, again).version_id, "sha256": current})
    assert _fresh(db, again).status == "vastgesteld"
    _download_every_letter(client, db, again, zaak)


def _intake(code, scenario, client, login_as, db, now) -> Zaak:
    login_as(scenario.reporter)
    assert f"/meldingen/nieuw/{code}" in client.get("/meldingen/nieuw").get_data(as_text=True)
    assert client.get(f"/meldingen/nieuw/{code}").status_code == 200
    _post(client, "/meldingen", {"submission_id": f"flow-{code}-00001", **scenario.intake(now)})
    db.rollback()
    zaak = db.scalars(select(Zaak)).one()
    decided = db.scalars(select(Beslissing.soort).where(Beslissing.zaak_id == zaak.id)).all()
    assert zaak.zaaktype == code and sorted(decided) == sorted(scenario.decided_at_intake)
    return zaak


def _join_the_access_list(client, db, zaak, users, scenario, toegang: str) -> None:
    """A power whose zaken only the people on their access list see (index.yaml `toegang: lijst`): the jurist takes
    the zaak, which puts him on the list, and puts the signatory on it."""
    if toegang != "lijst":
        return
    _post(client, f"/zaken/{zaak.id}/behandelaar", {"behandelaar_id": users["jurist"].id,
                                                     "version": _fresh(db, zaak).version_id})
    _post(client, f"/zaken/{zaak.id}/toegang", {"user_id": users[scenario.signer].id,
                                                 "version": _fresh(db, zaak).version_id})
    assert {users["jurist"].id, users[scenario.signer].id} <= toegang_service.member_ids(db, _fresh(db, zaak))


def _judge_what_the_procedure_asks(code, scenario, client, db, zaak, rt) -> None:
    """Every judgement the outcome needs in this case, answered so that it does not block the outcome."""
    outcome = scenario.outcome
    db.rollback()
    row = db.scalars(select(Beoordeling).where(Beoordeling.zaak_id == zaak.id).order_by(Beoordeling.id.desc())).first()
    assessment = assessment_of(row)
    specs = rt.procedure(code).judgements
    needed = required_for(outcome, specs, assessment.judgements_required, assessment.triggerable_judgements)
    recorded = set(db.scalars(select(Oordeel.code).where(Oordeel.zaak_id == zaak.id)))
    assert needed, f"{code}/{outcome}: the scenario should exercise at least one judgement"
    for spec in (s for s in specs if s.code in needed and s.code not in recorded):
        answer = scenario.answers.get(spec.code) or _answer(spec, outcome)
        _post(client, f"/zaken/{zaak.id}/oordelen", {
            "code": spec.code, f"{spec.code}.outcome": answer, f"{spec.code}.reasoning": "Gewogen: A & B <C>.",
            "version": _fresh(db, zaak).version_id})


def _answer(spec: JudgementSpec, outcome: str) -> str:
    return spec.bevoegd_bij or next(o.code for o in spec.outcomes if outcome not in o.blocks)


def _draft_and_submit(client, db, zaak, scenario, users, sent: date) -> Beslissing:
    _post(client, f"/zaken/{zaak.id}/beslissingen", {"soort": scenario.outcome, "verzenddatum": sent.isoformat(),
                                                       **scenario.draft, "version": _fresh(db, zaak).version_id})
    db.rollback()
    concept = db.scalars(select(Beslissing).where(Beslissing.zaak_id == zaak.id,
                                                  Beslissing.soort == scenario.outcome)).one()
    _post(client, f"/zaken/{zaak.id}/beslissingen/{concept.id}/aanbieden", {
        "ondertekenaar_id": users[scenario.signer].id, "version": _fresh(db, concept).version_id})
    return _fresh(db, concept)


def _download_every_letter(client, db, beslissing, zaak) -> None:
    db.rollback()
    documents = review.current_documents(db, beslissing)
    assert documents and {d.status for d in documents} == {"definitief"}
    for document in documents:
        download = client.get(f"/documenten/{document.id}/download")
        assert download.status_code == 200 and download.data[:2] == b"PK"
        assert zaak.identificatie in download.headers["Content-Disposition"]
    assert len({d.sha256 for d in db.scalars(select(Document).where(Document.beslissing_id == beslissing.id))}) > 1


def _post(client, url: str, data: dict) -> None:
    response = client.post(url, data=data)
    assert response.status_code == 302, response.get_data(as_text=True)[-3000:]


def _fresh(db, row):
    """The row as another request left it (end the read snapshot, forget cached state)."""
    db.rollback()
    db.expire_all()
    return db.get(type(row), row.id)


@pytest.mark.parametrize("code", POWERS)
def test_an_incomplete_intake_shows_dutch_errors_and_stores_nothing(code, client, login_as, db):
    login_as(SCENARIOS[code].reporter)
    response = client.post("/meldingen", data={"submission_id": f"flow-{code}-00002", "zaaktype": code})
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "Er is iets niet goed ingevuld" in page
    assert 'href="#f-adres.straat"' in page and "Straat: vul dit veld in." in page
    db.rollback()
    assert db.scalars(select(Zaak)).first() is None
