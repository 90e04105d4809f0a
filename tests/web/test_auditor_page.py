"""The auditor's view of the audit trail and the access log: filtered per case, person and period, paged,
read-only, with the hash-chain verification (and the row where it breaks); its own searches are logged."""

from __future__ import annotations

import html
import re

from sqlalchemy import select, text

from app import clock
from app.models import AccessEntry, AuditEntry
from app.services.intake import submit_melding
from tests.factories import melding


def two_zaken(app, db, users):
    rt = app.extensions["bevoegd"]
    return [submit_melding(db, rt, melding(**extra), users["handhaving"], clock.today())
            for extra in ({}, {"submission_id": "tweede-melding-0002"})]


def test_the_auditor_filters_the_audit_trail_per_case_and_sees_the_chain_verified(app, client, login_as, db,
                                                                                 users):
    first, second = two_zaken(app, db, users)
    login_as("auditor")
    assert client.get("/").headers["Location"].endswith("/audit")
    page = client.get(f"/audit?log=audit&kenmerk={first.identificatie}").get_data(as_text=True)
    assert "Audittrail: de keten klopt" in page and "Toegangslog: de keten klopt" in page
    assert first.identificatie in page and second.identificatie not in page
    assert "Object aangemaakt" in page and "Handhaving (test)" in page
    assert page.count("<form") == 2  # the filter and the logout form: nothing to change
    assert 'href="/audit"' in page  # in the navigation
    db.rollback()
    row = db.scalars(select(AccessEntry).where(AccessEntry.role == "auditor")).one()
    assert (row.action, row.object_type, row.case_id) == ("search", "log:audit", first.identificatie)


def test_the_access_log_filters_per_person_and_period(app, client, login_as, db, users):
    first, _ = two_zaken(app, db, users)
    login_as("jurist")
    client.get(f"/zaken/{first.id}")
    login_as("auditor")
    page = client.get("/audit?log=toegang&persoon=jurist").get_data(as_text=True)
    assert "Jurist (test)" in page and "Bekeken" in page and first.identificatie in page
    none = client.get("/audit?log=toegang&persoon=jurist&van=2099-01-01").get_data(as_text=True)
    assert "Geen regels gevonden." in none
    wrong = client.get("/audit?log=toegang&van=2026-02-01&tot=2026-01-01")
    assert wrong.status_code == 400 and 'href="#f-tot"' in wrong.get_data(as_text=True)
    assert client.get("/audit?log=alles").status_code == 400


def test_the_list_is_paged_and_the_pages_keep_the_filter(app, client, login_as, db, users, monkeypatch):
    from app.services import listing

    monkeypatch.setattr(listing, "PAGE_SIZE", 3)
    two_zaken(app, db, users)
    login_as("auditor")
    first = client.get("/audit?log=audit&persoon=handhaving").get_data(as_text=True)
    db.rollback()
    total = len(db.scalars(select(AuditEntry).where(AuditEntry.gebruikers_weergave == "Handhaving (test)")).all())
    assert total > 3 and "Volgende pagina" in first and "Vorige pagina" not in first
    next_link = html.unescape(re.search(r'rel="next" href="([^"]+)"', first).group(1))
    assert "na=" in next_link and "persoon=handhaving" in next_link and "pagina=" not in next_link
    second = client.get(next_link).get_data(as_text=True)
    rows = [re.findall(r'scope="row">(\d+)<', page) for page in (first, second)]
    assert "Vorige pagina" in second and len(rows[0]) == len(rows[1]) == 3
    assert int(rows[0][-1]) > int(rows[1][0])  # newest first, the second page continues where the first ended


def test_a_broken_chain_names_the_row_where_it_breaks(app, client, login_as, db, users):
    two_zaken(app, db, users)
    victim = db.scalars(select(AuditEntry).order_by(AuditEntry.id).offset(3)).first()
    postgres = db.get_bind().dialect.name == "postgresql"
    db.execute(text("ALTER TABLE audit_entries DISABLE TRIGGER USER" if postgres
                    else "DROP TRIGGER IF EXISTS trg_audit_entries_no_update"))
    try:
        db.execute(text("UPDATE audit_entries SET resource_weergave = 'vervalst' WHERE id = :id"), {"id": victim.id})
        db.commit()
        login_as("auditor")
        page = client.get("/audit").get_data(as_text=True)
        assert f"de keten is verbroken bij regel {victim.id}." in page and "Toegangslog: de keten klopt" in page
    finally:
        if postgres:
            db.execute(text("ALTER TABLE audit_entries ENABLE TRIGGER USER"))
            db.commit()
