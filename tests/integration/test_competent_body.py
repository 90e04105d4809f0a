"""G2: a power whose competent body is settled per zaak (index.yaml `orgaan: per_zaak`, PowerSpec.orgaan), with the
per-zaak variant of the fictional power `proef` (tests/per_zaak_support.py)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from app import clock, create_app
from app.domain.drafting import DraftRequest
from app.domain.errors import InvalidInput, JudgementMissing, MandateMissing
from app.domain.procedure import PER_ZAAK
from app.models import AuditEntry, Mandaat, User, Zaak
from app.powers import register, unregister
from app.schemas.melding import MeldingSchema
from app.services import drafting, judging
from app.services.assessment import update_facts
from app.services.cases import signatories
from app.services.documents import Signer, letter_input
from app.services.intake import submit_melding
from app.services.review import current_documents
from tests import per_zaak_support as support
from tests.powers import proef

TODAY = clock.today()
PER_ZAAK_SPEC = support.PER_ZAAK_SPEC
folders, app, rt = support.folders, support.app, support.rt  # the per-zaak fixtures


def _form(lokaal: bool = False, kind: str = "aanvraag", n: int = 1) -> dict:
    day = (TODAY - timedelta(days=3)).isoformat()
    return {"submission_id": f"per-zaak-{n:06d}", "zaaktype": "proef", "bron_soort": kind,
            "bron_kenmerk": f"AV-{n}", "bron_datum": day, "pleegdatum": day,
            "adres": {"straat": "Aanvraagstraat", "huisnummer": str(n), "postcode": "6200 ZZ",
                      "woonplaats": "Maastricht"},
            "bewoners": [{"naam": "A. Aanvrager"}],
            "rechthebbende": {"naam": "Woonstichting Proef", "soort": "woningcorporatie", "straat": "Postbus",
                              "huisnummer": "5", "postcode": "6200 ZZ", "woonplaats": "Maastricht"},
            "gegevens": {"premises_type": "lokaal" if lokaal else "woning", "hard_drugs_g": 5,
                         "dealing_observed": "no"}}


def _intake(db, rt, users, **kwargs) -> Zaak:
    return submit_melding(db, rt, MeldingSchema().load(_form(**kwargs)), users["handhaving"], TODAY)


def _burgemeester_only(db, rt) -> User:
    """A kabinet member of the team whose mandate for proef the burgemeester gave, not the college."""
    user = User(username="kabinet_bm", display_name="B. Burgemeestersmandaat", role="kabinet", team="oov",
                password_hash="x", zaaktypes=["proef"], phone="14 043")
    user.mandaten.append(Mandaat(besluittype="proef", hoedanigheid="gemandateerde", orgaan="burgemeester",
                                 uitkomsten=list(rt.procedure("proef").outcomes), valid_from=date(2020, 1, 1),
                                 mandaatbesluit="Mandaat (test)", functie="hoofd Kabinet en Veiligheid"))
    db.add(user)
    db.commit()
    return user


def _concept(db, rt, zaak: Zaak, jurist: User):
    """The voornemen drafted, with every judgement the drafting asks for answered so it blocks nothing."""
    procedure = rt.procedure("proef")
    for _ in range(10):
        try:
            return drafting.draft_beslissing(db, rt, zaak, DraftRequest("voornemen_sluiting", TODAY + timedelta(days=1),
                                                                        duur=3), zaak.version_id, jurist, TODAY)
        except JudgementMissing as missing:
            db.rollback()
            for code in missing.missing:
                spec = procedure.judgement(code)
                answer = spec.bevoegd_bij or next(o.code for o in spec.outcomes if not o.blocks)
                judging.record_judgement(db, rt, zaak, {"code": code, "outcome": answer, "reasoning": "Gewogen.",
                                                        "version": zaak.version_id}, jurist)
    raise AssertionError("drafting kept asking for judgements")


def test_index_says_per_zaak_and_outcomes_carry_the_marker(rt):
    index = rt.book.index("proef")
    assert index.orgaan == PER_ZAAK and index.bron_soorten == ("aanvraag",)
    assert {o.body for o in index.outcomes.values()} == {PER_ZAAK}


def test_intake_settles_the_body_from_the_case_file(db, rt, users):
    assert _intake(db, rt, users, lokaal=False, n=1).orgaan == "burgemeester"
    assert _intake(db, rt, users, lokaal=True, n=2).orgaan == "college"


def test_every_assessment_settles_the_body_again_and_audits_the_change(db, rt, users):
    zaak = _intake(db, rt, users, lokaal=False)
    update_facts(db, rt, zaak, {"premises_type": "lokaal"}, zaak.melding.version_id, users["jurist"], TODAY)
    db.expire_all()
    assert db.get(Zaak, zaak.id).orgaan == "college"
    change = db.scalars(select(AuditEntry).where(AuditEntry.hoofd_object == zaak.identificatie,
                                                 AuditEntry.resource_weergave == "Bevoegd bestuursorgaan")).one()
    assert change.wijzigingen == {"oud": {"orgaan": "burgemeester"}, "nieuw": {"orgaan": "college"}}


def test_a_burgemeester_mandate_does_not_sign_for_the_college(db, rt, users):
    zaak = _intake(db, rt, users, lokaal=True)
    outsider = _burgemeester_only(db, rt)
    concept = _concept(db, rt, zaak, users["jurist"])
    outcome = rt.procedure("proef").outcome("voornemen_sluiting")
    names = {u.username for u in signatories(db, "proef", outcome, TODAY, body="college")}
    assert "kabinet" in names and "kabinet_bm" not in names
    assert "kabinet_bm" in {u.username for u in signatories(db, "proef", outcome, TODAY, body="burgemeester")}
    with pytest.raises(MandateMissing) as refused:
        drafting.submit_for_review(db, rt, concept, outsider, concept.version_id, users["jurist"], TODAY)
    assert "beslist het college van burgemeester en wethouders" in refused.value.message
    db.rollback()


def test_college_zaak_letters_are_sent_and_signed_by_the_college(db, rt, users):
    zaak = _intake(db, rt, users, lokaal=True)
    concept = _concept(db, rt, zaak, users["jurist"])
    drafting.submit_for_review(db, rt, concept, users["kabinet"], concept.version_id, users["jurist"], TODAY)
    letters = current_documents(db, concept)
    assert letters
    for document in letters:
        assert document.context["afzender"] == "Burgemeester en wethouders van Maastricht"
        assert document.context["ondertekening"][:2] == ["Burgemeester en wethouders van Maastricht,",
                                                         "namens dezen,"]


def test_burgemeester_zaak_letters_keep_namens_deze(db, rt, users):
    zaak = _intake(db, rt, users, lokaal=False)
    concept = _concept(db, rt, zaak, users["jurist"])
    drafting.submit_for_review(db, rt, concept, users["kabinet"], concept.version_id, users["jurist"], TODAY)
    for document in current_documents(db, concept):
        assert document.context["afzender"] == "De burgemeester van Maastricht"
        assert document.context["ondertekening"][1] == "namens deze,"


def test_a_betrokkene_keeps_his_case_file_key_into_the_letter(db, rt, users):
    zaak = _intake(db, rt, users)
    resident = next(b for b in zaak.betrokkenen if b.roltype == "bewoner")
    owner = next(b for b in zaak.betrokkenen if b.roltype == "rechthebbende")
    assert resident.ref == "bewoners.0" and owner.ref is None
    concept = _concept(db, rt, zaak, users["jurist"])
    letter = letter_input(db, concept, Signer({}, ()), resident)
    assert letter.recipient.ref == "bewoners.0"


def test_intake_refuses_a_source_the_power_does_not_take(db, rt, users):
    with pytest.raises(InvalidInput) as refused:
        _intake(db, rt, users, kind="melding")
    assert refused.value.errors["bron_soort"].startswith("Kies een soort document die bij deze bevoegdheid hoort")
    assert "aanvraag" in refused.value.errors["bron_soort"]
    db.rollback()
    assert db.scalars(select(Zaak)).first() is None


def test_api_refuses_another_source_with_a_field_error(client, login_as, db):
    login_as("handhaving")
    response = client.post("/api/v1/meldingen", json=_form(kind="proces_verbaal"),
                           headers={"Idempotency-Key": "key-per-zaak-01"})
    assert response.status_code == 422
    assert "hoort: aanvraag" in response.get_json()["errors"]["bron_soort"][0]
    db.rollback()
    assert db.scalars(select(Zaak)).first() is None


def test_form_offers_only_the_power_s_sources_preselected_and_refuses_others(client, login_as, db):
    login_as("handhaving")
    page = client.get("/meldingen/nieuw/proef").get_data(as_text=True)
    select_html = page[page.index('name="bron_soort"'):page.index("</select>", page.index('name="bron_soort"'))]
    assert '<option value="aanvraag" selected>Aanvraag</option>' in select_html
    assert "proces_verbaal" not in select_html and "Maak een keuze" not in select_html
    form = {"submission_id": "per-zaak-form-01", "zaaktype": "proef", "bron_soort": "proces_verbaal",
            "bron_kenmerk": "PV-1", "bron_datum": (TODAY - timedelta(days=2)).isoformat(),
            "pleegdatum": (TODAY - timedelta(days=2)).isoformat(), "adres.straat": "Aanvraagstraat",
            "adres.huisnummer": "9", "adres.postcode": "6200 ZZ", "adres.woonplaats": "Maastricht",
            "bewoners.0.naam": "A. Aanvrager", "gegevens.premises_type": "woning", "gegevens.hard_drugs_g": "5",
            "gegevens.dealing_observed": "no"}
    response = client.post("/meldingen", data=form)
    assert response.status_code == 400
    assert "Kies een soort document die bij deze bevoegdheid hoort: aanvraag." in response.get_data(as_text=True)
    db.rollback()
    assert db.scalars(select(Zaak)).first() is None


def test_start_up_refuses_per_zaak_without_the_power_s_choice(database_url, folders):
    unregister("proef")
    register(proef.SPEC)  # the same power without PowerSpec.orgaan
    try:
        with pytest.raises(RuntimeError, match="proef: orgaan per_zaak vraagt PowerSpec.orgaan"):
            create_app({"database_url": database_url, "testing": True, **folders})
    finally:
        unregister("proef")
        register(PER_ZAAK_SPEC)


def test_a_power_without_source_kinds_refuses_an_aanvraag(client, login_as, db):
    from tests.factories import melding_form

    login_as("handhaving")
    response = client.post("/api/v1/meldingen", json=melding_form(bron_soort="aanvraag"),
                           headers={"Idempotency-Key": "key-per-zaak-02"})
    assert response.status_code == 422
    assert response.get_json()["errors"]["bron_soort"] == [
        "Kies een soort document die bij deze bevoegdheid hoort: bestuurlijke rapportage (politie), "
        "proces-verbaal, rapport van een boa, melding."]
