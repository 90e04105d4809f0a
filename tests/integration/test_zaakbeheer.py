"""Correcting betrokkenen (audited, version-guarded, re-assessed) and closing and reopening a zaak."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from app.domain.drafting import DraftRequest
from app.domain.errors import ConcurrentEdit, InvalidInput, InvalidTransition
from app.models import AuditEntry, Beoordeling, Beslissing, Zaak
from app.services import betrokkenen, zaak_closure
from app.services.assessment import update_facts
from app.services.dispatch import DispatchRequest, record_dispatch
from app.services.intake import submit_melding
from app.services.review import current_documents
from tests.factories import huisverbod, melding
from tests.flows import draft, submit
from tests.integration.test_damocles_flow import WARN, judge

SMALL = {"attributes_found": [], "substances": [{"name": "cocaïne", "opiumwet_list": "lijst_i", "quantity": 0.4,
                                                  "unit": "g"}]}


@pytest.fixture
def rt(app):
    return app.extensions["bevoegd"]


def _person_data(person, **changes):
    data = {f: getattr(person, f) for f in betrokkenen.FIELDS}
    return {**data, **changes}


def test_a_correction_is_audited_with_old_and_new_values(db, rt, users, today):
    zaak = submit_melding(db, rt, melding(), users["handhaving"], today)
    person = zaak.betrokkenen[0]
    changed = betrokkenen.edit_betrokkene(db, rt, zaak, person, _person_data(person, naam="T. Testbewoonster",
                                                                             postcode="6211 AA"),
                                          person.version_id, users["jurist"], today)
    assert changed == {"naam": "T. Testbewoonster", "postcode": "6211 AA"}
    entry = betrokkenen.corrections(db, zaak)[0]
    assert entry.wijzigingen == {"oud": {"naam": "T. Testbewoner", "postcode": "6200 ZZ"},
                                 "nieuw": {"naam": "T. Testbewoonster", "postcode": "6211 AA"}}
    assert entry.resource_weergave == "bewoner"  # no name in the audit row's label


def test_a_stale_correction_is_refused(db, rt, users, today):
    zaak = submit_melding(db, rt, melding(), users["handhaving"], today)
    person = zaak.betrokkenen[0]
    seen = person.version_id
    betrokkenen.edit_betrokkene(db, rt, zaak, person, _person_data(person, straat="Nieuwstraat"), seen,
                                users["jurist"], today)
    with pytest.raises(ConcurrentEdit):
        betrokkenen.edit_betrokkene(db, rt, zaak, person, _person_data(person, straat="Oudstraat"), seen,
                                    users["jurist2"], today)


def test_a_correction_is_refused_while_the_kabinet_reviews_or_approved_letters_wait(db, rt, users, today):
    zaak = submit_melding(db, rt, melding(), users["handhaving"], today)
    judge(db, zaak, users["jurist"], WARN, deviate=True)
    beslissing = draft(db, rt, zaak, DraftRequest("waarschuwing", today), users["jurist"], today)
    submit(db, rt, beslissing, users["kabinet"], users["jurist"])
    person = zaak.betrokkenen[0]
    with pytest.raises(InvalidTransition, match="ter vaststelling"):
        betrokkenen.edit_betrokkene(db, rt, zaak, person, _person_data(person, naam="X"), person.version_id,
                                    users["jurist"], today)


def test_a_birth_date_after_the_offence_is_refused(db, rt, users, today):
    zaak = submit_melding(db, rt, melding(), users["handhaving"], today)
    person = zaak.betrokkenen[0]
    with pytest.raises(InvalidInput):
        betrokkenen.edit_betrokkene(db, rt, zaak, person, _person_data(person, geboortedatum=today),
                                    person.version_id, users["jurist"], today)


def test_a_corrected_birth_date_corrects_the_case_file_and_reassesses(db, rt, users, today):
    zaak = submit_melding(db, rt, huisverbod(), users["hovj"], today)
    order = db.scalars(select(Beslissing).where(Beslissing.zaak_id == zaak.id)).one()
    person = next(b for b in zaak.betrokkenen if b.naam == "F. Testvrouw")
    with pytest.raises(InvalidTransition, match="nog niet zijn verzonden"):  # approved letters wait to be sent
        betrokkenen.edit_betrokkene(db, rt, zaak, person, _person_data(person, naam="F. Test"), person.version_id,
                                    users["jurist"], today)
    db.rollback()
    for document in current_documents(db, order):
        record_dispatch(db, rt, order, DispatchRequest(document.id, order.verzenddatum, "uitreiking", "PV-1"),
                        order.version_id, users["jurist"], today)
    member = next(b for b in zaak.betrokkenen if b.naam == "F. Testvrouw")
    receipts = len(db.scalars(select(Beoordeling).where(Beoordeling.zaak_id == zaak.id)).all())
    born = date(2012, 2, 3)  # a minor after all
    betrokkenen.edit_betrokkene(db, rt, zaak, member, _person_data(member, geboortedatum=born),
                                member.version_id, users["jurist"], today)
    household = zaak.melding.gegevens["household"]
    assert next(m for m in household if m["naam"] == "F. Testvrouw")["geboortedatum"] == born.isoformat()
    assert len(db.scalars(select(Beoordeling).where(Beoordeling.zaak_id == zaak.id)).all()) == receipts + 1


def test_a_niet_bevoegd_zaak_is_closed_without_judgements_and_is_read_only(db, rt, users, today):
    zaak = submit_melding(db, rt, melding(gegevens=SMALL), users["handhaving"], today)
    zaak_closure.close_zaak(db, rt, zaak, {"afsluitreden": "niet_bevoegd", "toelichting": "Eigen gebruik."},
                            zaak.version_id, users["jurist"], today)
    assert (zaak.fase, zaak.einddatum, zaak.afsluitreden) == ("afgesloten", today, "niet_bevoegd")
    with pytest.raises(InvalidTransition, match="afgesloten"):
        update_facts(db, rt, zaak, {"pets_present": "yes"}, zaak.melding.version_id, users["jurist"], today)
    db.rollback()
    zaak_closure.reopen_zaak(db, zaak, "Nieuwe informatie van de politie.", zaak.version_id, users["jurist2"])
    assert zaak.fase != "afgesloten" and zaak.einddatum is None and zaak.afsluitreden is None
    actions = [e.actie for e in db.scalars(select(AuditEntry).where(AuditEntry.resource == "zaak"))]
    assert actions[-2:] == ["close", "reopen"]


def test_closing_is_refused_with_an_open_beslissing_or_a_wrong_reason(db, rt, users, today):
    zaak = submit_melding(db, rt, melding(), users["handhaving"], today)
    judge(db, zaak, users["jurist"], WARN, deviate=True)
    with pytest.raises(InvalidInput):  # the rules and judgements say the mayor is competent
        zaak_closure.close_zaak(db, rt, zaak, {"afsluitreden": "niet_bevoegd", "toelichting": "x"},
                                zaak.version_id, users["jurist"], today)
    db.rollback()
    draft(db, rt, zaak, DraftRequest("waarschuwing", today + timedelta(days=1)), users["jurist"], today)
    with pytest.raises(InvalidTransition, match="concept"):
        zaak_closure.close_zaak(db, rt, zaak, {"afsluitreden": "afgezien", "toelichting": "Afgezien."},
                                zaak.version_id, users["jurist"], today)
    db.rollback()
    assert db.get(Zaak, zaak.id).fase != "afgesloten"


def test_a_niet_bevoegd_zaak_asks_only_the_competence_questions(db, rt, users, today):
    from app.services.cases import view_zaak

    zaak = submit_melding(db, rt, melding(gegevens=SMALL), users["handhaving"], today)
    view = view_zaak(db, rt, zaak, users["jurist"], "test")
    assert view.competence == "niet_bevoegd"
    asked = {s.code for s in view.judgement_specs}
    assert "onderzoek_omstandigheden" not in asked and "geschiktheid" not in asked
    assert asked and all(s.stap == "bevoegdheid" or s.bevoegd_bij for s in view.judgement_specs)


def test_the_barred_person_keeps_his_date_of_birth(db, rt, users, today):
    zaak = submit_melding(db, rt, huisverbod(), users["hovj"], today)
    order = db.scalars(select(Beslissing).where(Beslissing.zaak_id == zaak.id)).one()
    for document in current_documents(db, order):
        record_dispatch(db, rt, order, DispatchRequest(document.id, order.verzenddatum, "uitreiking", "PV-1"),
                        order.version_id, users["jurist"], today)
    barred = next(b for b in zaak.betrokkenen if b.roltype == "uithuisgeplaatste")
    with pytest.raises(InvalidInput) as refused:
        betrokkenen.edit_betrokkene(db, rt, zaak, barred, _person_data(barred, geboortedatum=None),
                                    barred.version_id, users["jurist"], today)
    assert "geboortedatum" in refused.value.errors
    db.rollback()
    db.expire_all()
    assert db.get(type(barred), barred.id).geboortedatum is not None
