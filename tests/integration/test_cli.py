"""The command line: evaluate a JSON file without storing, run the cases, seed demo data, verify the chains."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import func, select

from app import clock
from app.models import Beoordeling, User, Zaak


def flat(app) -> dict:
    from app.powers.damocles import facts as damocles

    case = {**damocles.CASE_FILE_DEFAULTS, "premises_type": "voertuig", "finding_date": "2026-03-01"}
    params = app.extensions["bevoegd"].book.parameters_for("damocles", date(2026, 3, 1))
    return damocles.facts_from_case(case, [], params, date(2026, 3, 2))


def test_rules_evaluate_prints_the_assessment_and_stores_nothing(app, db, tmp_path):
    path = tmp_path / "feiten.json"
    path.write_text(json.dumps({"power": "damocles", "date": "2026-03-01", "facts": flat(app)}), encoding="utf-8")
    result = app.test_cli_runner().invoke(args=["rules", "evaluate", str(path)])
    body = json.loads(result.output)
    assert result.exit_code == 0 and body["bevoegdheid"] == "niet_bevoegd"
    assert any(f["kind"] == "verwijzing" for f in body["assessment"]["fired"])
    assert db.scalar(select(func.count()).select_from(Beoordeling)) == 0


def test_rules_evaluate_prints_why_the_mayor_is_not_competent(app, tmp_path):
    path = tmp_path / "feiten.json"
    path.write_text(json.dumps({"power": "damocles", "date": "2026-03-01", "facts": flat(app)}), encoding="utf-8")
    body = json.loads(app.test_cli_runner().invoke(args=["rules", "evaluate", str(path)]).output)
    reasons = [r["rule"] for r in body["assessment"]["niet_bevoegd_redenen"]]
    assert "geen_woning_of_lokaal" in reasons  # a vehicle: outside art. 13b, said in the answer itself


def test_rules_evaluate_reports_rejected_facts(app, tmp_path):
    path = tmp_path / "feiten.json"
    path.write_text(json.dumps({"power": "damocles", "date": "2026-03-01", "facts": {"premises_type": "Woning"}}))
    result = app.test_cli_runner().invoke(args=["rules", "evaluate", str(path)])
    assert result.exit_code == 2 and "facts.premises_type" in json.loads(result.output)["errors"]


def test_rules_cases_all_pass(app):
    result = app.test_cli_runner().invoke(args=["rules", "cases"])
    assert result.exit_code == 0 and result.output.strip().endswith("0 failed")


def test_seed_demo_is_idempotent_and_audit_verifies(app, db):
    runner = app.test_cli_runner()
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    from app.seed import DEMO_USERS

    assert db.scalar(select(func.count()).select_from(User)) == len(DEMO_USERS)
    powers = app.extensions["bevoegd"].powers.values()
    demo = sum(len(spec.demo(clock.today())) for spec in powers)
    groups = sum(len(spec.bulk.demo(clock.today())[1]) for spec in powers if spec.bulk and spec.bulk.demo)
    assert groups == 12  # the demo youth group, read in as a bulk run
    assert db.scalar(select(func.count()).select_from(Zaak)) == demo + groups
    assert db.scalar(select(func.count()).select_from(Zaak).where(Zaak.reeks_id.is_not(None))) == groups
    verify = runner.invoke(args=["audit", "verify"])
    assert verify.exit_code == 0 and "audit: OK" in verify.output
