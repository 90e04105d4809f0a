"""The whole damocles path through the services: report -> advice -> judgements -> voornemen -> zienswijze
-> besluit -> review, on a real database with real commits."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import time_machine
from sqlalchemy import select

from app.domain.drafting import DraftRequest
from app.domain.errors import (
    FourEyesViolation,
    InvalidInput,
    InvalidTransition,
    JudgementMissing,
    MandateMissing,
    StaleDocument,
)
from app.models import Beslissing, Document, Zaak
from app.services import review
from app.services.intake import submit_melding
from app.services.receipts import assessment_of
from app.services.review import current_documents
from tests.factories import melding
from tests.flows import draft, judge_one, submit, zienswijze

# J7 (tijdsverloop) is weighed for every closure; the report leaves household facts unknown (J14) and the
# owner is a housing corporation (J15), so a closure asks for those as well.
CLOSURE_STEPS = ("geschiktheid", "noodzakelijkheid", "evenwichtigheid", "duur", "bijzondere_omstandigheden",
                 "tijdsverloop", "onderzoek_omstandigheden", "belangen_rechthebbende")
OUTCOME = {"geschiktheid": "voldaan", "noodzakelijkheid": "voldaan", "evenwichtigheid": "voldaan",
           "duur": "passend", "bijzondere_omstandigheden": "nee", "begunstigingstermijn": "passend",
           "eigen_gebruik_aannemelijk": "niet_aannemelijk", "ernstig_geval_eerste_overtreding": "ernstig",
           "tijdsverloop": "geen_invloed", "verkoop_aannemelijk": "ja", "objects_qualify": "ja",
           "onderzoek_omstandigheden": "niet_vast_te_stellen", "belangen_rechthebbende": "niet_onevenredig"}


# The hard-drug case proposes a closure, so a warning deviates from policy: J8 must then say "ja" (Awb 4:84).
WARN = ("eigen_gebruik_aannemelijk", "verkoop_aannemelijk", "bijzondere_omstandigheden",
        "ernstig_geval_eerste_overtreding")


@pytest.fixture
def rt(app):
    return app.extensions["bevoegd"]


@pytest.fixture
def zaak(db, rt, users, today) -> Zaak:
    return submit_melding(db, rt, melding(), users["handhaving"], today)


def judge(db, zaak, user, codes, deviate=False) -> None:
    """Record `codes`; for a warning (WARN) the first offence is judged not serious, unless the warning is to
    deviate from a proposed closure (then special circumstances are recorded, Awb 4:84)."""
    for code in codes:
        outcome = OUTCOME[code]
        if codes is WARN and code == "ernstig_geval_eerste_overtreding" and not deviate:
            outcome = "niet_ernstig"
        if code == "bijzondere_omstandigheden" and deviate:
            outcome = "ja"
        judge_one(db, zaak, code, outcome, f"Motivering voor {code} & <details>.", user)


def months(db, rt, zaak) -> int:
    from app.powers import power
    from app.services.assessment import latest

    return power("damocles").proposal(assessment_of(latest(db, zaak))).get("duur") or 3


def approved(db, rt, beslissing, drafter_id, users, today) -> Beslissing:
    submit(db, rt, beslissing, users["kabinet"], users["jurist"])
    hashes = [d.sha256 for d in current_documents(db, beslissing)]
    return review.approve(db, rt, beslissing, hashes, beslissing.version_id, users["kabinet"], today)


def test_intake_stores_zaak_melding_betrokkenen_and_assessment(db, zaak):
    assert zaak.identificatie.startswith("BEV-")
    assert {b.roltype for b in zaak.betrokkenen} == {"bewoner", "rechthebbende"}
    assert zaak.melding.gegevens["finding_date"] == zaak.melding.pleegdatum.isoformat()
    from app.services.assessment import latest

    assert latest(db, zaak).bevoegdheid == "judgement_required"  # presumption: J1 decides


def test_resubmitting_the_same_submission_returns_the_first_zaak(db, rt, users, today):
    data = melding()
    first = submit_melding(db, rt, data, users["handhaving"], today)
    again = submit_melding(db, rt, data, users["handhaving"], today)
    assert again.id == first.id
    assert db.scalar(select(Zaak.id).where(Zaak.id != first.id)) is None


def test_competence_judgement_comes_before_any_draft_when_the_presumption_is_the_ground(db, rt, zaak, users, today):
    request = DraftRequest("voornemen_sluiting", today, duur=months(db, rt, zaak))
    with pytest.raises(JudgementMissing) as caught:
        draft(db, rt, zaak, request, users["jurist"], today)
    assert "eigen_gebruik_aannemelijk" in caught.value.missing


def test_closure_cannot_be_drafted_without_the_proportionality_judgements(db, rt, zaak, users, today):
    judge(db, zaak, users["jurist"], ("eigen_gebruik_aannemelijk", "verkoop_aannemelijk"))
    request = DraftRequest("voornemen_sluiting", today, duur=months(db, rt, zaak))
    with pytest.raises(JudgementMissing) as caught:
        draft(db, rt, zaak, request, users["jurist"], today)
    assert {"geschiktheid", "noodzakelijkheid", "evenwichtigheid", "duur"} <= set(caught.value.missing)
    assert db.scalar(select(Beslissing.id)) is None


def test_personal_use_made_plausible_ends_the_competence(db, rt, zaak, users, today):
    judge_one(db, zaak, "eigen_gebruik_aannemelijk", "aannemelijk", "Consistente verklaring.",
                              users["jurist"])
    judge_one(db, zaak, "verkoop_aannemelijk", "nee", "Alleen een weegschaal.", users["jurist"])
    with pytest.raises(InvalidInput) as caught:
        draft(db, rt, zaak, _warning(today), users["jurist"], today)
    assert "bevoegdheid" in caught.value.errors


def test_whole_path_from_report_to_approved_closure_letters(db, rt, zaak, users, today):
    from app.services.assessment import latest

    triggered = assessment_of(latest(db, zaak)).judgements_required
    judge(db, zaak, users["jurist"], CLOSURE_STEPS + tuple(c for c in triggered if c in OUTCOME))
    n = months(db, rt, zaak)
    voornemen = draft(db, rt, zaak, DraftRequest("voornemen_sluiting", today, n),
                                          users["jurist"], today)
    assert voornemen.zienswijze_tot > today and not voornemen.besluit
    approved(db, rt, voornemen, users["jurist"].id, users, today)
    zienswijze(db, zaak, {"outcome": "ontvangen", "samenvatting": "Bewoner ontkent.",
                                          "reactie": "Dat verandert de afweging niet."}, users["jurist"], today)
    # the zienswijze reopened competence, the serious case and J3-J8: each is weighed again
    judge(db, zaak, users["jurist"], CLOSURE_STEPS + tuple(c for c in triggered if c in OUTCOME)
          + ("begunstigingstermijn",))
    early = DraftRequest("sluiting", voornemen.zienswijze_tot, n)
    with pytest.raises(InvalidInput) as caught:  # everyone may respond until the term ends
        draft(db, rt, zaak, early, users["jurist"], today)
    assert "verzenddatum" in caught.value.errors
    after_term = voornemen.zienswijze_tot + timedelta(days=1)
    besluit = draft(db, rt, zaak, DraftRequest("sluiting", after_term, n), users["jurist"], today)
    assert besluit.besluit and besluit.ingangsdatum > besluit.begunstigingstermijn_tot
    assert besluit.uiterlijke_reactiedatum >= today + timedelta(weeks=6)
    approved(db, rt, besluit, users["jurist"].id, users, today)
    documents = current_documents(db, besluit)
    assert {d.ontvanger_rol for d in documents} == {"bewoner", "rechthebbende"}
    assert all(d.status == "definitief" and len(d.sha256) == 64 for d in documents)


def test_sluiting_without_voornemen_needs_recorded_urgency(db, rt, zaak, users, today):
    judge(db, zaak, users["jurist"], CLOSURE_STEPS + ("begunstigingstermijn", "eigen_gebruik_aannemelijk",
                                                      "ernstig_geval_eerste_overtreding"))
    with pytest.raises(InvalidInput) as caught:
        draft(db, rt, zaak, DraftRequest("sluiting", today, months(db, rt, zaak)),
                                  users["jurist"], today)
    assert "soort" in caught.value.errors


def test_drafter_cannot_approve_own_beslissing(db, rt, zaak, users, today):
    judge(db, zaak, users["jurist"], WARN, deviate=True)
    beslissing = draft(db, rt, zaak, _warning(today), users["kabinet2"], today)
    submit(db, rt, beslissing, users["kabinet"], users["kabinet2"])
    hashes = [d.sha256 for d in current_documents(db, beslissing)]
    with pytest.raises(FourEyesViolation):
        review.approve(db, rt, beslissing, hashes, beslissing.version_id, users["kabinet2"], today)


def test_approval_with_a_stale_letter_hash_is_refused(db, rt, zaak, users, today):
    judge(db, zaak, users["jurist"], WARN, deviate=True)
    beslissing = draft(db, rt, zaak, _warning(today), users["jurist"], today)
    submit(db, rt, beslissing, users["kabinet"], users["jurist"])
    with pytest.raises(StaleDocument):
        review.approve(db, rt, beslissing, ["0" * 64], beslissing.version_id, users["kabinet"], today)
    db.rollback()
    assert db.get(Beslissing, beslissing.id).status == "ter_vaststelling"


def test_returned_beslissing_goes_back_to_concept_with_the_comment(db, rt, zaak, users, today):
    judge(db, zaak, users["jurist"], WARN, deviate=True)
    beslissing = draft(db, rt, zaak, _warning(today), users["jurist"], today)
    submit(db, rt, beslissing, users["kabinet"], users["jurist"])
    review.return_for_changes(db, rt, beslissing, "Graag de aanhef aanpassen.", beslissing.version_id, users["kabinet"])
    assert beslissing.status == "concept"
    assert beslissing.reviewrondes[-1].opmerking == "Graag de aanhef aanpassen."


def test_stored_letters_cannot_be_changed(db, rt, zaak, users, today):
    judge(db, zaak, users["jurist"], WARN, deviate=True)
    beslissing = draft(db, rt, zaak, _warning(today), users["jurist"], today)
    submit(db, rt, beslissing, users["kabinet"], users["jurist"])
    document = db.scalars(select(Document)).first()
    document.inhoud = b"tampered"
    with pytest.raises(Exception, match="immutable"):
        db.commit()


def test_first_offence_warning_in_a_woning_is_the_legislators_route_not_a_deviation(db, rt, zaak, users, today):
    judge(db, zaak, users["jurist"], WARN)  # not a serious case; bijzondere omstandigheden: nee
    assert not draft(db, rt, zaak, _warning(today), users["jurist"], today).afwijking_beleid


def test_a_warning_where_a_serious_case_proposes_closure_is_a_deviation(db, rt, zaak, users, today):
    """Issue 6 §4: where policy proposes a closure (the case was judged serious), a warning deviates from it
    and needs special circumstances (Awb 4:84); the warning is also where J2 is answered."""
    judge(db, zaak, users["jurist"], WARN[:3])
    with pytest.raises(JudgementMissing) as missing:
        draft(db, rt, zaak, _warning(today), users["jurist"], today)
    assert "ernstig_geval_eerste_overtreding" in missing.value.missing
    judge_one(db, zaak, "ernstig_geval_eerste_overtreding", "ernstig", "Veel cocaïne en een loop.", users["jurist"])
    with pytest.raises(InvalidInput) as caught:
        draft(db, rt, zaak, _warning(today), users["jurist"], today)
    assert "4:84" in caught.value.errors["bijzondere_omstandigheden"]
    judge_one(db, zaak, "bijzondere_omstandigheden", "ja", "Het gezin werkt mee aan hulp.", users["jurist"])
    assert draft(db, rt, zaak, _warning(today), users["jurist"], today).afwijking_beleid


def test_unknown_judgement_codes_are_refused(db, zaak, users):
    with pytest.raises(InvalidInput) as caught:
        judge_one(db, zaak, "onzin_code", "ja", "Tekst.", users["jurist"])
    assert "code" in caught.value.errors


def test_facts_and_judgements_are_frozen_while_the_kabinet_reviews(db, rt, zaak, users, today):
    judge(db, zaak, users["jurist"], WARN)
    beslissing = draft(db, rt, zaak, _warning(today), users["jurist"], today)
    submit(db, rt, beslissing, users["kabinet"], users["jurist"])
    with pytest.raises(InvalidTransition):
        judge_one(db, zaak, "geschiktheid", "voldaan", "Later bedacht.", users["jurist"])


def test_approval_needs_the_signatory_to_still_hold_the_mandate(db, rt, zaak, users, today):
    judge(db, zaak, users["jurist"], WARN)
    beslissing = draft(db, rt, zaak, _warning(today), users["jurist"], today)
    submit(db, rt, beslissing, users["kabinet"], users["jurist"])
    for mandaat in list(users["kabinet"].mandaten):
        db.delete(mandaat)
    db.commit()
    db.expire(users["kabinet"])  # as in a new request: the user is loaded afresh
    hashes = [d.sha256 for d in current_documents(db, beslissing)]
    with pytest.raises(MandateMissing):
        review.approve(db, rt, beslissing, hashes, beslissing.version_id, users["kabinet"], today)


def test_a_second_closure_while_the_first_is_in_force_is_refused(db, rt, zaak, users, today):
    judge(db, zaak, users["jurist"], CLOSURE_STEPS + ("eigen_gebruik_aannemelijk", "verkoop_aannemelijk",
                                                      "ernstig_geval_eerste_overtreding", "begunstigingstermijn"))
    n = months(db, rt, zaak)
    voornemen = approved(db, rt, draft(db, rt, zaak, DraftRequest("voornemen_sluiting", today, n), users["jurist"],
                                       today), users["jurist"].id, users, today)
    after_term = voornemen.zienswijze_tot + timedelta(days=1)
    zienswijze(db, zaak, {"outcome": "ontvangen", "samenvatting": "Bewoner reageert.", "reactie": "Gewogen."},
               users["jurist"], today)
    judge(db, zaak, users["jurist"], CLOSURE_STEPS + ("eigen_gebruik_aannemelijk", "verkoop_aannemelijk",
                                                      "ernstig_geval_eerste_overtreding", "begunstigingstermijn"))
    approved(db, rt, draft(db, rt, zaak, DraftRequest("sluiting", after_term, n), users["jurist"], today),
             users["jurist"].id, users, today)
    with pytest.raises(InvalidInput) as caught:
        draft(db, rt, zaak, DraftRequest("sluiting", after_term, n), users["jurist"], today)
    assert "Awb 5:6" in caught.value.errors["soort"]


def test_besluit_without_voornemen_needs_an_allowed_reasoned_awb_4_11_exception(db, rt, zaak, users, today):
    """A closure is announced with a begunstigingstermijn: surprise (4:11 c) and urgency (4:11 a) are not
    offered for it (index.yaml hearing_exceptions); 4:11 b (heard before, nothing new) still is."""
    judge(db, zaak, users["jurist"], CLOSURE_STEPS + ("eigen_gebruik_aannemelijk", "verkoop_aannemelijk",
                                                      "ernstig_geval_eerste_overtreding", "begunstigingstermijn"))
    for ground in ("verrassing_4_11_c", "spoed_4_11_a"):
        with pytest.raises(InvalidInput) as caught:
            zienswijze(db, zaak, {"outcome": ground, "reactie": "Vooraf inlichten maakt het doel onmogelijk."},
                       users["jurist"], today)
        assert "Awb 4:11" in caught.value.errors["outcome"]
        db.rollback()
    zienswijze(db, zaak, {"outcome": "eerder_gehoord_4_11_b", "reactie": "Op 1 maart gehoord; niets nieuws."},
               users["jurist"], today)
    besluit = draft(db, rt, zaak, DraftRequest("sluiting", today, months(db, rt, zaak)), users["jurist"], today)
    assert besluit.besluit and besluit.status == "concept"


def _warning(today: date) -> DraftRequest:
    return DraftRequest("waarschuwing", today)


def test_a_sent_warning_makes_the_next_finding_against_the_resident_a_second_offence(db, rt, users, today):
    """Only a sent warning counts, against the same resident at the address (tests/integration/
    test_repeat_offences.py covers unsent, revoked, another tenant and the window)."""
    from datetime import UTC, datetime

    from app.services.assessment import latest

    resident = [{"naam": "T. Testbewoner", "geboortedatum": "1984-02-12", "roltype": "bewoner"}]
    zaak = submit_melding(db, rt, melding(bewoners=resident), users["handhaving"], today)
    judge(db, zaak, users["jurist"], WARN, deviate=True)
    warning = draft(db, rt, zaak, _warning(today), users["jurist"], today)
    approved(db, rt, warning, users["jurist"].id, users, today)
    warning.status, warning.verzonden_at = "verzonden", datetime.now(UTC)  # as the dispatch record sets it
    db.commit()
    month_later = today + timedelta(days=30)
    with time_machine.travel(month_later, tick=False):  # a new finding after the warning was sent
        found = month_later - timedelta(days=2)
        later = submit_melding(db, rt, melding(pleegdatum=found, bewoners=resident), users["handhaving"], month_later)
        elsewhere = submit_melding(db, rt, melding(pleegdatum=found, bewoners=resident, adres={
            "straat": "Anderestraat", "huisnummer": "2", "postcode": "6211 AB", "woonplaats": "Maastricht"}),
            users["handhaving"], month_later)
    assert assessment_of(latest(db, later)).facts["offence"] == "tweede"
    assert assessment_of(latest(db, elsewhere)).facts["offence"] == "eerste"


def test_a_zienswijze_with_new_facts_reopens_the_proportionality_judgements(db, rt, zaak, users, today):
    """Pitfall 17: new facts in the zienswijze (illness, an offer to move) mean J3-J8 are weighed again."""
    from app.services.assessment import latest
    from app.services.queries import active_judgements

    triggered = tuple(c for c in assessment_of(latest(db, zaak)).judgements_required
                      if c in OUTCOME)
    judge(db, zaak, users["jurist"], CLOSURE_STEPS + triggered)
    voornemen = draft(db, rt, zaak, DraftRequest("voornemen_sluiting", today, months(db, rt, zaak)),
                      users["jurist"], today)
    approved(db, rt, voornemen, users["jurist"].id, users, today)
    zienswijze(db, zaak, {"outcome": "ontvangen", "samenvatting": "Bewoner is ernstig ziek.",
                          "reactie": "Dit weeg ik opnieuw."}, users["jurist"], today)
    active = set(active_judgements(db, zaak))
    # every zienswijze reopens competence (J1, J13), the serious case (J2) and J3-J8: none carried over silently
    assert not active & (set(CLOSURE_STEPS) | set(triggered))
    judge(db, zaak, users["jurist"], ("begunstigingstermijn",))
    with pytest.raises(JudgementMissing) as caught:
        draft(db, rt, zaak, DraftRequest("sluiting", voornemen.zienswijze_tot + timedelta(days=1),
                                         months(db, rt, zaak)), users["jurist"], today)
    assert set(caught.value.missing) == set(triggered) & {"eigen_gebruik_aannemelijk", "verkoop_aannemelijk"}
