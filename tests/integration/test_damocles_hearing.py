"""The hearing before a Damocles closure, on a real database: every interested party's zienswijze is
recorded and answered, each reopens the judgements it touches, and a besluit may not go beyond the
voornemen it was heard on (Awb 4:8, 3:2, 3:46; legal-review-damocles.md findings 2, 3 and 4)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.domain.drafting import DraftRequest
from app.domain.errors import InvalidInput, JudgementMissing
from app.services import review
from app.services.intake import submit_melding
from app.services.queries import active_judgements
from app.services.receipts import assessment_of
from app.services.review import current_documents
from tests.factories import melding
from tests.flows import draft, judge_one, judge_what_is_missing, submit, zienswijze

TOUCHED = ("eigen_gebruik_aannemelijk", "verkoop_aannemelijk", "ernstig_geval_eerste_overtreding",
           "geschiktheid", "noodzakelijkheid", "evenwichtigheid", "duur", "tijdsverloop", "bijzondere_omstandigheden")


@pytest.fixture
def rt(app):
    return app.extensions["bevoegd"]


@pytest.fixture
def heard(db, rt, users, today):
    """A dwelling let by a corporation, with an approved voornemen of three months."""
    zaak = submit_melding(db, rt, melding(), users["handhaving"], today)
    voornemen = judge_what_is_missing(db, rt, zaak, DraftRequest("voornemen_sluiting", today, 3), users["jurist"],
                                      today)
    submit(db, rt, voornemen, users["kabinet"], users["jurist"])
    review.approve(db, rt, voornemen, [d.sha256 for d in current_documents(db, voornemen)], voornemen.version_id,
                   users["kabinet"], today)
    return zaak, voornemen


def _party(zaak, roltype):
    return next(b for b in zaak.betrokkenen if b.roltype == roltype)


def test_two_parties_each_have_their_zienswijze_answered(db, rt, users, today, heard):
    zaak, voornemen = heard
    resident, owner = _party(zaak, "bewoner"), _party(zaak, "rechthebbende")
    zienswijze(db, zaak, {"outcome": "ontvangen", "betrokkene_id": resident.id, "wijze": "schriftelijk",
                          "samenvatting": "De bewoner zegt dat de cocaïne voor een feest was.",
                          "reactie": "Een feest verklaart de weegschaal en de zakjes niet."}, users["jurist"], today)
    zienswijze(db, zaak, {"outcome": "ontvangen", "betrokkene_id": owner.id, "wijze": "mondeling",
                          "samenvatting": "De corporatie wil de huur ontbinden als de woning sluit.",
                          "reactie": "Dat risico is meegewogen in de evenwichtigheid."}, users["jurist"], today)
    row = active_judgements(db, zaak)["zienswijze"]
    assert [e["naam"] for e in row.details["zienswijzen"]] == [resident.naam, owner.naam]
    assert row.details["voornemen_id"] == voornemen.id
    later = voornemen.zienswijze_tot + timedelta(days=1)
    besluit = judge_what_is_missing(db, rt, zaak, DraftRequest("sluiting", later, 3), users["jurist"], today)
    submit(db, rt, besluit, users["kabinet"], users["jurist"])
    letters = {d.ontvanger_rol: " ".join(map(str, d.context["motivering"])) for d in current_documents(db, besluit)}
    assert "Een feest verklaart de weegschaal" in letters["bewoner"]
    assert "Dat risico is meegewogen" in letters["bewoner"] and "Dat risico is meegewogen" in letters["rechthebbende"]
    assert "feest" not in letters["rechthebbende"]  # the resident's own account stays out of the owner's letter
    assert "Algemene verordening gegevensbescherming" in letters["rechthebbende"]


def test_a_party_replacing_its_zienswijze_keeps_the_others(db, rt, users, today, heard):
    zaak, _ = heard
    resident, owner = _party(zaak, "bewoner"), _party(zaak, "rechthebbende")
    for who, text in ((resident, "eerste"), (owner, "verhuurder"), (resident, "tweede")):
        zienswijze(db, zaak, {"outcome": "ontvangen", "betrokkene_id": who.id, "wijze": "schriftelijk",
                              "samenvatting": f"Zienswijze {text}.", "reactie": "Gewogen."}, users["jurist"], today)
    entries = active_judgements(db, zaak)["zienswijze"].details["zienswijzen"]
    assert sorted(e["samenvatting"] for e in entries) == ["Zienswijze tweede.", "Zienswijze verhuurder."]


def test_every_zienswijze_reopens_what_it_touches(db, rt, users, today, heard):
    zaak, voornemen = heard
    before = set(active_judgements(db, zaak))
    zienswijze(db, zaak, {"outcome": "ontvangen", "samenvatting": "Niets nieuws, alleen bezwaar.",
                          "reactie": "Gewogen."}, users["jurist"], today)
    after = set(active_judgements(db, zaak))
    reopened = before - after
    assert {c for c in TOUCHED if c in before} <= reopened, "no judgement is carried over silently"
    with pytest.raises(JudgementMissing):
        draft(db, rt, zaak, DraftRequest("sluiting", voornemen.zienswijze_tot + timedelta(days=1), 3),
              users["jurist"], today)


def test_a_zienswijze_needs_its_party_date_and_summary(db, rt, users, today, heard):
    zaak, voornemen = heard
    with pytest.raises(InvalidInput) as caught:
        zienswijze(db, zaak, {"outcome": "ontvangen", "betrokkene_id": 10**6, "ontvangen_op": voornemen.verzenddatum
                              - timedelta(days=1), "wijze": None, "samenvatting": " ", "reactie": "Gewogen."},
                   users["jurist"], today)
    assert set(caught.value.errors) == {"betrokkene_id", "ontvangen_op", "wijze", "samenvatting"}
    db.rollback()
    assert "zienswijze" not in active_judgements(db, zaak)


def test_no_zienswijze_cannot_overwrite_recorded_ones(db, rt, users, today, heard):
    zaak, voornemen = heard
    zienswijze(db, zaak, {"outcome": "ontvangen", "samenvatting": "Bezwaar.", "reactie": "Gewogen."},
               users["jurist"], today)
    with pytest.raises(InvalidInput) as caught:
        zienswijze(db, zaak, {"outcome": "niet_ontvangen", "reactie": "Niets ontvangen."}, users["jurist"],
                   voornemen.zienswijze_tot + timedelta(days=1))
    assert "al zienswijzen" in caught.value.errors["outcome"]


def test_a_besluit_heavier_or_other_than_the_voornemen_needs_a_new_one(db, rt, users, today, heard):
    zaak, voornemen = heard
    zienswijze(db, zaak, {"outcome": "ontvangen", "samenvatting": "Bezwaar.", "reactie": "Gewogen."},
               users["jurist"], today)
    later = voornemen.zienswijze_tot + timedelta(days=1)
    with pytest.raises(InvalidInput) as longer:
        judge_what_is_missing(db, rt, zaak, DraftRequest("sluiting", later, 6), users["jurist"], today)
    assert "langer dan in het voornemen" in longer.value.errors["duur"]
    db.rollback()
    zaak.melding.gegevens = {**zaak.melding.gegevens, "sluitobject": "woning_en_erf"}  # another object
    db.commit()
    with pytest.raises(InvalidInput) as other:
        judge_what_is_missing(db, rt, zaak, DraftRequest("sluiting", later, 3), users["jurist"], today)
    assert "nieuw voornemen" in other.value.errors["soort"]
    db.rollback()
    zaak.melding.gegevens = {**zaak.melding.gegevens, "sluitobject": "woning"}
    db.commit()
    judge_one(db, zaak, "bijzondere_omstandigheden", "ja", "Twee maanden volstaan hier (Awb 4:84).", users["jurist"])
    shorter = judge_what_is_missing(db, rt, zaak, DraftRequest("sluiting", later, 2), users["jurist"], today)
    assert shorter.maatregel["duur"] == 2 and shorter.maatregel["object"]["sluitobject"] == "woning"


def test_the_case_page_shows_what_a_zienswijze_reopened(db, users, today, heard, login_as, client):
    """Chromium trial: after two zienswijzen the earlier reasoning vanished and had to be retyped."""
    zaak, _ = heard
    before = active_judgements(db, zaak)["geschiktheid"].reasoning
    zienswijze(db, zaak, {"outcome": "ontvangen", "samenvatting": "Bezwaar.", "reactie": "Gewogen."},
               users["jurist"], today)
    login_as("jurist")
    page = client.get(f"/zaken/{zaak.id}").get_data(as_text=True)
    assert "opnieuw te wegen (eerder: Sluiting is geschikt)" in page
    assert before in page  # prefilled in the form, to be confirmed or changed by a person


def test_time_elapsed_is_counted_to_the_planned_sending_date(db, rt, users, today):
    """Issue 6 §3: J7 weighs the time from the finding to when the decision goes out, not to today."""

    zaak = submit_melding(db, rt, melding(), users["handhaving"], today)
    later = today + timedelta(days=20)
    voornemen = judge_what_is_missing(db, rt, zaak, DraftRequest("voornemen_sluiting", later, 3), users["jurist"],
                                      today)
    facts = assessment_of(voornemen.beoordeling).facts
    assert facts["finding_age_days"] == (later - zaak.melding.pleegdatum).days


def test_an_awb_4_11_ground_cannot_overwrite_recorded_zienswijzen(db, rt, users, today, heard):
    """Code review: recording "eerder gehoord" after the parties wrote replaced their zienswijzen."""
    zaak, _ = heard
    zienswijze(db, zaak, {"outcome": "ontvangen", "samenvatting": "Bezwaar.", "reactie": "Gewogen."},
               users["jurist"], today)
    with pytest.raises(InvalidInput) as caught:
        zienswijze(db, zaak, {"outcome": "eerder_gehoord_4_11_b", "reactie": "Eerder gehoord."}, users["jurist"],
                   today)
    assert "al zienswijzen" in caught.value.errors["outcome"]
