"""A bulk run of parent letters for a youth group: read in (all or nothing), judged for the group, drafted in a
job that resumes, sampled (first, random, flagged), approved as a whole with single letters pulled out."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app import clock
from app.domain import errors as e
from app.models import Beslissing, Document, Oordeel, Reeks, Zaak
from app.services import bulk, bulk_review
from tests.bulk_support import incident, member_csv, member_rows
from tests.jobs.jobs_support import run_all

ANSWERS = {"brief_passend": {"outcome": "passend", "reasoning": "Een brief past bij deze groep."},
           "feiten_voldoende": {"outcome": "ja", "reasoning": "Datum, plaats en gedrag zijn bekend."},
           "veiligheidssignaal": {"outcome": "geen_gevaar", "reasoning": "Geen signalen bij deze kinderen."},
           "vervolgstap": {"outcome": "nog_een_brief", "reasoning": "Eerste brief."}}


@pytest.fixture
def rt(app):
    return app.extensions["bevoegd"]


def _run(db, rt, users, rows) -> Reeks:
    return bulk.import_run(db, rt, incident(), member_csv(rows), users["jurist"], clock.today())


def _drafted(app, db, rt, users, rows) -> Reeks:
    reeks = _run(db, rt, users, rows)
    bulk.record_group_judgements(db, rt, reeks, ANSWERS, reeks.version_id, users["jurist"])
    bulk.start_drafting(db, rt, reeks, {"version": reeks.version_id, "ondertekenaar": users["kabinet"],
                                    "verzenddatum": clock.today()}, users["jurist"], clock.today())
    run_all(app)
    db.expire_all()
    return db.get(Reeks, reeks.id)


def test_a_member_list_becomes_one_assessed_zaak_per_child_in_one_run(db, rt, users):
    reeks = _run(db, rt, users, member_rows(6, flagged=(2,), adults=(4,)))
    members = bulk.members(db, rt, reeks)
    assert len(members) == 6 and {m.zaak.reeks_id for m in members} == {reeks.id}
    assert [m.proposal for m in members] == ["ouderbrief"] * 4 + [None, "ouderbrief"]  # the adult: no letter
    assert members[2].flags == ("Signalen van huiselijk geweld: onbekend",)
    assert reeks.status == "ingelezen" and reeks.team == users["jurist"].team


def test_one_wrong_row_stores_nothing_and_names_the_row_and_column(db, rt, users):
    rows = member_rows(4)
    rows[2]["kind_geboortedatum"] = "31-02-2010"
    rows[3]["gezag1_postcode"] = "XYZ"
    with pytest.raises(e.InvalidInput) as refused:
        _run(db, rt, users, rows)
    messages = refused.value.errors["bestand"]
    assert messages[0].startswith("Rij 4: kind_geboortedatum: ")
    assert messages[1].startswith("Rij 5: gezag1_postcode: ")
    db.rollback()
    assert db.scalar(select(func.count()).select_from(Zaak)) == 0
    assert db.scalar(select(func.count()).select_from(Reeks)) == 0


def test_an_error_in_the_shared_incident_is_the_forms_not_every_rows(db, rt, users):
    shared = incident()
    shared["gegevens"]["incident_type"] = "brand"
    with pytest.raises(e.InvalidInput) as refused:
        bulk.import_run(db, rt, shared, member_csv(member_rows(3)), users["jurist"], clock.today())
    assert set(refused.value.errors) == {"gegevens.incident_type"}


def test_the_same_child_twice_or_already_reported_is_refused(db, rt, users):
    rows = member_rows(2)
    with pytest.raises(e.InvalidInput) as twice:
        _run(db, rt, users, [*rows, rows[0]])
    assert twice.value.errors["bestand"] == ["Rij 4: dit kind staat al eerder in de lijst."]
    db.rollback()
    _run(db, rt, users, rows)
    with pytest.raises(e.InvalidInput) as again:
        _run(db, rt, users, rows)
    assert again.value.errors["bestand"][0].startswith("Rij 2: dit kind is al gemeld bij dit incident (zaak ")


def test_a_list_without_the_required_columns_is_refused_in_dutch(db, rt, users):
    with pytest.raises(e.InvalidInput) as refused:
        bulk.import_run(db, rt, incident(), b"naam;adres\nA;B\n", users["jurist"], clock.today())
    assert refused.value.errors["bestand"].startswith("De lijst mist de kolom(men): kind_naam, kind_geboortedatum")


def test_group_judgements_go_to_every_unflagged_child_only(db, rt, users):
    reeks = _run(db, rt, users, member_rows(5, flagged=(1,)))
    count, children = bulk.record_group_judgements(db, rt, reeks, ANSWERS, reeks.version_id, users["jurist"])
    flagged = bulk.members(db, rt, reeks)[1].zaak
    judged = set(db.scalars(select(Oordeel.zaak_id).where(Oordeel.superseded_at.is_(None))))
    assert flagged.id not in judged and len(judged) == children == 4 and count == 4 * 3
    codes = set(db.scalars(select(Oordeel.code)))
    assert "vervolgstap" not in codes  # referring to a binding instrument is weighed per child, never for a group
    with pytest.raises(e.ConcurrentEdit):
        bulk.record_group_judgements(db, rt, reeks, ANSWERS, reeks.version_id - 1, users["jurist"])


def test_the_job_drafts_every_letter_and_offers_the_run_with_a_fixed_sample(app, db, rt, users):
    reeks = _drafted(app, db, rt, users, member_rows(30, flagged=(7,)))
    assert reeks.status == "ter_vaststelling" and reeks.aangeboden_at is not None
    offered = bulk_review.letters_of(db, rt, reeks)
    assert len(offered) == 29  # the flagged child still lacks its own safety judgement
    [problem] = reeks.problemen.values()
    assert problem.startswith("Nog af te wegen in de eigen zaak: Kan een brief naar huis het kind in gevaar brengen?")
    sample = [x.beslissing.id for x in offered if x.sampled]
    assert sample[0] == offered[0].beslissing.id  # always the first
    assert len(sample) == 5  # 5 % of 30 rounds up to 2; the minimum of 5 holds
    assert bulk_review.progress(db, rt, reeks)["percent"] == 100


def test_a_resumed_job_skips_what_it_drafted_before(app, db, rt, users):
    reeks = _drafted(app, db, rt, users, member_rows(4))
    before = db.scalar(select(func.count()).select_from(Document))
    reeks.status = "opstellen"  # as if the worker died before offering the run
    db.commit()
    bulk_review.render_bulk(db, rt, {"reeks_id": reeks.id, "actor_id": users["jurist"].id,
                                     "verzenddatum": clock.today().isoformat()})
    assert db.scalar(select(func.count()).select_from(Document)) == before


def test_the_kabinet_approves_the_run_as_a_whole_and_pulls_one_letter_out(app, db, rt, users):
    reeks = _drafted(app, db, rt, users, member_rows(8))
    letters = bulk_review.letters_of(db, rt, reeks)
    shown = [d.sha256 for x in letters if x.sampled for d in x.documents]
    pulled = letters[3].beslissing.id
    decision = {"version": reeks.version_id, "manifest": bulk_review.manifest(letters), "shown": shown,
                "pulled": {pulled}, "comment": "Adres klopt niet."}
    bulk_review.approve_run(db, rt, reeks, decision, users["kabinet"], clock.today())
    statuses = dict(db.execute(select(Beslissing.id, Beslissing.status)).all())
    assert statuses.pop(pulled) == "concept"
    assert set(statuses.values()) == {"vastgesteld"}
    assert reeks.status == "vastgesteld" and reeks.approver_id == users["kabinet"].id


def test_approval_refuses_a_changed_list_an_unshown_sample_or_the_drafter(app, db, rt, users):
    reeks = _drafted(app, db, rt, users, member_rows(6))
    letters = bulk_review.letters_of(db, rt, reeks)
    shown = [d.sha256 for x in letters if x.sampled for d in x.documents]
    good = {"version": reeks.version_id, "manifest": bulk_review.manifest(letters), "shown": shown, "pulled": set()}
    with pytest.raises(e.StaleDocument):
        bulk_review.approve_run(db, rt, reeks, {**good, "manifest": "0" * 64}, users["kabinet"], clock.today())
    with pytest.raises(e.StaleDocument):
        bulk_review.approve_run(db, rt, reeks, {**good, "shown": shown[1:]}, users["kabinet"], clock.today())
    with pytest.raises(e.InvalidInput) as no_reason:
        bulk_review.approve_run(db, rt, reeks, {**good, "pulled": {letters[0].beslissing.id}}, users["kabinet"],
                                clock.today())
    assert no_reason.value.errors["comment"].startswith("Schrijf op waarom u brieven uit de reeks haalt")
    db.rollback()
    with pytest.raises(e.FourEyesViolation):
        bulk_review.approve_run(db, rt, reeks, good, users["jurist"], clock.today())
    db.rollback()
    assert {b.status for b in db.scalars(select(Beslissing))} == {"ter_vaststelling"}


def test_the_signatory_is_told_once_and_a_letter_of_the_run_is_not_approved_alone(app, db, rt, users):
    from app.models import Notificatie
    from app.services import review

    reeks = _drafted(app, db, rt, users, member_rows(5))
    messages = db.scalars(select(Notificatie).where(Notificatie.user_id == users["kabinet"].id)).all()
    assert [(m.tekst, m.link) for m in messages] == [
        ("De reeks \u2018Groepsincident bij het winkelcentrum\u2019 ligt ter vaststelling bij u (5 brieven).",
         f"/reeksen/{reeks.id}")]
    letter = bulk_review.letters_of(db, rt, reeks)[0]
    with pytest.raises(e.InvalidTransition, match="stel de reeks als geheel"):
        review.approve(db, rt, letter.beslissing, [d.sha256 for d in letter.documents], letter.beslissing.version_id,
                       users["kabinet"], clock.today())


def test_a_power_that_would_draft_besluiten_in_a_run_refuses_to_start(app, monkeypatch):
    from dataclasses import replace

    from app import powers
    from app.runtime import check_bulk

    rt = app.extensions["bevoegd"]
    spec = powers.power("ouderbrief")
    besluit = next(c for c, o in rt.book.index("damocles").outcomes.items() if o.besluit)
    monkeypatch.setitem(powers._REGISTRY, "damocles", replace(  # noqa: SLF001
        powers.power("damocles"), bulk=replace(spec.bulk, outcomes=(besluit,))))
    with pytest.raises(RuntimeError, match=f"damocles: {besluit} is een besluit"):
        check_bulk(rt.book)


def test_a_second_group_answer_never_replaces_a_recorded_one_and_says_so(db, rt, users):
    reeks = _run(db, rt, users, member_rows(3))
    bulk.record_group_judgements(db, rt, reeks, ANSWERS, reeks.version_id, users["jurist"])
    other = {**ANSWERS, "veiligheidssignaal": {"outcome": "gevaar", "reasoning": "Toch signalen."}}
    with pytest.raises(e.InvalidInput) as refused:
        bulk.record_group_judgements(db, rt, reeks, other, reeks.version_id, users["jurist"])
    assert "Wijzig een afweging in de eigen zaak" in refused.value.errors["_schema"]
    db.rollback()
    assert set(db.scalars(select(Oordeel.outcome).where(Oordeel.code == "veiligheidssignaal"))) == {"geen_gevaar"}


def test_drafting_waits_for_the_group_judgements_and_a_run_without_letters_goes_back(app, db, rt, users):
    reeks = _run(db, rt, users, member_rows(2, flagged=(0, 1)))  # every child needs its own safety judgement
    choice = {"version": reeks.version_id, "ondertekenaar": users["kabinet"], "verzenddatum": clock.today()}
    bulk.start_drafting(db, rt, reeks, choice, users["jurist"], clock.today())  # nothing to judge for a group
    assert run_all(app) == ["klaar"]
    db.rollback()
    reeks = db.get(Reeks, reeks.id, populate_existing=True)
    assert reeks.status == "ingelezen" and len(reeks.problemen) == 2  # back to the jurist, with the reasons
    fresh = bulk.import_run(db, rt, incident(kenmerk="PV-GROEP-2"), member_csv(member_rows(2)), users["jurist"],
                            clock.today())
    with pytest.raises(e.InvalidInput) as refused:
        bulk.start_drafting(db, rt, fresh, {**choice, "version": fresh.version_id}, users["jurist"], clock.today())
    assert refused.value.errors["_schema"].startswith("Leg eerst de afwegingen voor de groep vast")


def test_a_reason_without_a_letter_to_pull_is_refused(app, db, rt, users):
    reeks = _drafted(app, db, rt, users, member_rows(3))
    letters = bulk_review.letters_of(db, rt, reeks)
    decision = {"version": reeks.version_id, "manifest": bulk_review.manifest(letters), "pulled": set(),
                "shown": [d.sha256 for x in letters if x.sampled for d in x.documents], "comment": "Adres klopt niet."}
    with pytest.raises(e.InvalidInput) as refused:
        bulk_review.approve_run(db, rt, reeks, decision, users["kabinet"], clock.today())
    assert "koos geen brief" in refused.value.errors["pulled"]
