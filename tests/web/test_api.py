"""The JSON API: OpenAPI document, intake with structured errors, stateless evaluation."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from app.models import Beoordeling, Zaak
from tests.factories import melding_form

FLAT_FACTS_DEFAULTS: dict | None = None


def flat_facts(app, **overrides):
    from datetime import date

    from app.powers.damocles import facts as damocles

    rt = app.extensions["bevoegd"]
    case = {**damocles.CASE_FILE_DEFAULTS, "premises_type": "woning", "finding_date": "2026-03-01",
            "substances": [{"name": "cocaïne", "opiumwet_list": "lijst_i", "quantity": 2.0, "unit": "g"}]}
    facts = damocles.facts_from_case(case, [], rt.book.parameters_for("damocles", date(2026, 3, 1)), date(2026, 3, 10))
    return {**facts, **overrides}


def test_openapi_document_describes_the_endpoints(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    assert {"/api/v1/meldingen", "/api/v1/evaluaties"} <= set(spec["paths"])
    assert "MeldingSchema" in str(spec["components"]["schemas"]) or "Melding" in str(spec["components"])
    assert "200" in spec["paths"]["/api/v1/evaluaties"]["post"]["responses"]
    assert {"sessionCookie", "csrfToken"} <= set(spec["components"]["securitySchemes"])


def test_api_intake_creates_a_zaak_and_is_idempotent(client, login_as, db):
    login_as("handhaving")
    body = melding_form()
    first = client.post("/api/v1/meldingen", json=body, headers={"Idempotency-Key": "key-0000000001"})
    again = client.post("/api/v1/meldingen", json=body, headers={"Idempotency-Key": "key-0000000001"})
    assert first.status_code == 201 and again.get_json() == first.get_json()
    assert db.scalar(select(func.count()).select_from(Zaak)) == 1


def test_api_intake_with_bad_input_gives_422_field_errors_and_stores_nothing(client, login_as, db):
    login_as("handhaving")
    body = melding_form(adres={"straat": "", "huisnummer": "1", "postcode": "x", "woonplaats": "M"}, extra="?")
    response = client.post("/api/v1/meldingen", json=body)
    errors = response.get_json()["errors"]
    assert response.status_code == 422
    assert errors["adres"]["postcode"] == ["Vul een postcode in als 1234 AB."]
    assert errors["extra"] == ["Onbekend veld."]
    assert db.scalar(select(func.count()).select_from(Zaak)) == 0


def test_evaluation_returns_outcome_trace_and_legal_basis_without_storing(app, client, login_as, db):
    login_as("jurist")
    response = client.post("/api/v1/evaluaties", json={"power": "damocles", "date": "2026-03-01",
                                                        "verzenddatum": "2026-03-24",
                                                        "facts": flat_facts(app, dealing_evidence_present=True,
                                                                           sale_established=True)})
    body = response.get_json()
    assert response.status_code == 200 and body["bevoegdheid"] == "bevoegd"
    fired = body["assessment"]["fired"]
    assert any(f["legal_basis"]["href"].startswith("https://wetten.overheid.nl/") for f in fired)
    assert body["assessment"]["ruleset"].startswith("damocles__")
    assert body["deadlines"]["uiterlijke_reactiedatum"] == "2026-05-06"  # 5 May is an Atw holiday every year
    assert db.scalar(select(func.count()).select_from(Beoordeling)) == 0


def test_evaluation_says_why_the_mayor_is_not_competent(app, client, login_as):
    login_as("jurist")
    small = flat_facts(app, hard_drugs_g=0.4, max_hard_substance_g=0.4)
    body = client.post("/api/v1/evaluaties", json={"power": "damocles", "date": "2026-03-01",
                                                   "facts": small}).get_json()
    assert body["bevoegdheid"] == "niet_bevoegd"
    reasons = {r["rule"]: r for r in body["assessment"]["niet_bevoegd_redenen"]}
    assert reasons["geen_grond_onder_grens_eigen_gebruik"]["facts"]["hard_drugs_g"] == 0.4
    assert reasons["geen_grond_onder_grens_eigen_gebruik"]["parameters"]["drempel_harddrugs_g"] == 0.5
    from tests.factories import melding_form

    report = {k: v for k, v in melding_form(pleegdatum=date(2026, 3, 1)).items() if k not in ("submission_id",
                                                                                             "zaaktype")}
    report["gegevens"] = {"premises_type": "woning", "dealing_evidence": ["loop"]}  # a loop, no drugs
    loop_only = client.post("/api/v1/evaluaties", json={"power": "damocles", "date": "2026-03-01",
                                                        "case_file": report}).get_json()
    assert loop_only.get("bevoegdheid") == "judgement_required", loop_only
    assert "verkoop_aannemelijk" in loop_only["judgements_required"]


def test_evaluation_rejects_wrongly_typed_facts_with_field_errors(app, client, login_as):
    login_as("jurist")
    facts = flat_facts(app, hard_drugs_g="120", medical_practice_use=1)
    response = client.post("/api/v1/evaluaties", json={"power": "damocles", "date": "2026-03-01", "facts": facts})
    errors = response.get_json()["errors"]
    assert response.status_code == 422
    assert {"facts.hard_drugs_g", "facts.medical_practice_use"} <= set(errors)


def test_evaluation_before_the_first_rules_version_fails_loudly(app, client, login_as):
    login_as("jurist")
    response = client.post("/api/v1/evaluaties", json={"power": "damocles", "date": "2007-10-31",
                                                        "facts": flat_facts(app)})
    assert response.status_code == 422
    assert "De regels dekken deze datum niet" in response.get_json()["title"]


def test_unknown_power_is_a_structured_error(app, client, login_as):
    login_as("kabinet")
    response = client.post("/api/v1/evaluaties", json={"power": "onbekend", "date": "2026-03-01", "facts": {}})
    assert response.status_code == 422 and response.get_json()["message"] == "Deze bevoegdheid is onbekend."


def test_api_intake_says_when_a_report_joined_the_open_zaak_at_its_address(client, login_as, db):
    """Woonoverlast builds its case from reports over time (PowerSpec.joins): the second report joins."""
    login_as("handhaving")

    def report(kenmerk: str, at: str) -> dict:
        adres = {"straat": "Verzonnenhof", "huisnummer": "9", "postcode": "6200 ZZ", "woonplaats": "Maastricht"}
        user = {"naam": "A. Proef", "geboortedatum": "1980-01-01"}
        return {"zaaktype": "woonoverlast", "bron_soort": "bestuurlijke_rapportage", "bron_kenmerk": kenmerk,
                "adres": adres,
                "gegevens": {"addressee_role": "gebruiker", "gebruiker": user, "affected_omwonenden": 2, "incidents": [
                                 {"at": at, "kind": "geluid", "origin": "in_woning", "source": "politie",
                                  "reporter": "politie", "established": True}]}}

    first = client.post("/api/v1/meldingen", json=report("BR-API-1", "2026-11-01T23:00:00+01:00"),
                        headers={"Idempotency-Key": "join-000000001"})
    second = client.post("/api/v1/meldingen", json=report("BR-API-2", "2026-11-15T23:00:00+01:00"),
                         headers={"Idempotency-Key": "join-000000002"})
    assert first.status_code == second.status_code == 201, second.get_json()
    assert first.get_json()["toegevoegd_aan_zaak"] is False and second.get_json()["toegevoegd_aan_zaak"] is True
    assert second.get_json()["identificatie"] == first.get_json()["identificatie"]
    assert db.scalar(select(func.count()).select_from(Zaak)) == 1
