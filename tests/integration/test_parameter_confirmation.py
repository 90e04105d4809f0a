"""Policy that is not confirmed never reads as policy (issue 6, §1): refusal of a besluit or voornemen on a
default, confirmation by a beheerder as a new dated value, and policy values on the decision date."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from app.domain.drafting import DraftRequest
from app.domain.errors import InvalidInput
from app.models import AuditEntry, Beslissing, ParameterBevestiging
from app.powers.damocles.labels import PARAMETER_LABELS
from app.services import parameters
from app.services.assessment import latest
from app.services.intake import submit_melding
from app.services.receipts import assessment_of
from app.services.review import current_documents
from tests.factories import melding
from tests.flows import draft, judge_one, judge_what_is_missing, submit

pytestmark = pytest.mark.unconfirmed_policy

MONTHS = "sluiting_woning_harddrugs_eerste_maanden"
SOURCE = {"titel": "Beleidsregels inzake de toepassing van artikel 13b Opiumwet", "artikel": "artikel 4",
          "publicatie": "Gemeenteblad 2010, C nr. 46", "href": "https://lokaleregelgeving.overheid.nl/CVDR110009"}
CLOSURE = {"geschiktheid": "voldaan", "noodzakelijkheid": "voldaan", "evenwichtigheid": "voldaan", "duur": "passend",
           "bijzondere_omstandigheden": "nee", "eigen_gebruik_aannemelijk": "niet_aannemelijk",
           "ernstig_geval_eerste_overtreding": "ernstig", "tijdsverloop": "geen_invloed", "verkoop_aannemelijk": "ja",
           "objects_qualify": "ja"}


@pytest.fixture
def rt(app):
    return app.extensions["bevoegd"]


@pytest.fixture
def zaak(db, rt, users, today):
    return submit_melding(db, rt, melding(), users["handhaving"], today)


def unconfirmed(db, zaak) -> tuple[str, ...]:
    """What a closure rests on: the fired rules' values, the proposal and the outcomes' own terms."""
    periods = ("max_sluiting_maanden", "zienswijze_termijn_dagen", "begunstigingstermijn_dagen",
               "recidive_termijn_jaren", "recidive_telt_per", "sluiting_voorbehouden_bij")
    return assessment_of(latest(db, zaak)).unconfirmed((MONTHS, *periods))


def confirm(db, rt, users, name, value, valid_from):
    fields = {"waarde": str(value).replace(".", ","), "geldig_vanaf": valid_from.isoformat(), **SOURCE}
    return parameters.confirm(db, rt, "damocles", name, fields, users["beheerder"])


def confirm_all(db, rt, zaak, users) -> None:
    for name in unconfirmed(db, zaak):
        series = parameters.series_of(rt, "damocles", name)
        confirm(db, rt, users, name, series.values()[0].value, series.starts[0])


def drafted(db, rt, zaak, users, request, today):
    """Draft, first recording every judgement the draft asks for (the closure answers, else one that blocks
    nothing)."""
    return judge_what_is_missing(db, rt, zaak, request, users["jurist"], today, CLOSURE)


def test_a_voornemen_on_an_unconfirmed_policy_value_is_refused_naming_it(db, rt, zaak, users, today):
    names = unconfirmed(db, zaak)
    assert MONTHS in names and "drempel_harddrugs_g" in names  # the proposal and a fired rule's threshold
    for soort in ("voornemen_sluiting", "sluiting"):
        with pytest.raises(InvalidInput) as caught:
            draft(db, rt, zaak, DraftRequest(soort, today, 3), users["jurist"], today)
        message = caught.value.errors["soort"]
        assert "Sluitingsduur woning, harddrugs, eerste overtreding" in message and "beheerder" in message
        assert "Grens voor eigen gebruik van harddrugs, in gram" in message  # the power's labels, never a code:
        assert not re.search(r"\b[a-z]+_[a-z0-9_]+\b", message), message
        assert "nog niet heeft bevestigd" in message
    assert db.scalar(select(func.count()).select_from(Beslissing)) == 0


def test_a_warning_may_be_drafted_but_does_not_cite_the_default_as_policy(db, rt, zaak, users, today):
    for code in ("eigen_gebruik_aannemelijk", "verkoop_aannemelijk"):
        judge_one(db, zaak, code, CLOSURE[code], f"Motivering voor {code}.", users["jurist"])
    judge_one(db, zaak, "bijzondere_omstandigheden", "ja", "Eerste keer; het gezin werkt mee.", users["jurist"])
    judge_one(db, zaak, "ernstig_geval_eerste_overtreding", "niet_ernstig", "Kleine hoeveelheid.", users["jurist"])
    warning = draft(db, rt, zaak, DraftRequest("waarschuwing", today), users["jurist"], today)
    submit(db, rt, warning, users["kabinet"], users["jurist"], today)
    for document in current_documents(db, warning):
        text = " ".join(" ".join(v) if isinstance(v, list) else str(v) for v in document.context.values())
        assert "Beleidsregel" not in text and "CVDR" not in text and "te bevestigen" not in text
        assert "stelt mijn beleid" not in text


def test_a_confirmation_is_audited_and_applies_without_a_restart(db, rt, zaak, users, today):
    confirm_all(db, rt, zaak, users)
    row = db.scalar(select(ParameterBevestiging).where(ParameterBevestiging.parameter == MONTHS))
    assert row.bron_artikel == "artikel 4" and row.bevestigd_door_id == users["beheerder"].id
    audit = db.scalars(select(AuditEntry).where(AuditEntry.actie == "confirm")).all()
    assert any(a.hoofd_object == f"damocles.{MONTHS}" and a.wijzigingen["nieuw"]["titel"] == SOURCE["titel"]
               for a in audit)
    voornemen = drafted(db, rt, zaak, users, DraftRequest("voornemen_sluiting", today, 3), today)
    used = assessment_of(voornemen.beoordeling).parameters[MONTHS]
    assert used.source["titel"] == SOURCE["titel"] and not used.to_confirm
    submit(db, rt, voornemen, users["kabinet"], users["jurist"], today)
    text = " ".join(" ".join(d.context["motivering"]) for d in current_documents(db, voornemen))
    assert "Beleidsregels inzake de toepassing van artikel 13b Opiumwet, artikel 4" in text


def test_policy_values_follow_the_decision_date_and_thresholds_the_finding_date(db, rt, zaak, users, today):
    confirm_all(db, rt, zaak, users)
    later = today + timedelta(days=40)
    confirm(db, rt, users, MONTHS, 6, later)  # a new policy from a later date: a new dated value
    confirm(db, rt, users, "drempel_harddrugs_g", 5.0, later)  # would end the presumption if it applied
    now = drafted(db, rt, zaak, users, DraftRequest("voornemen_sluiting", today, 3), today)
    assessment = assessment_of(now.beoordeling)
    assert assessment.parameters[MONTHS].value == 3 and assessment.beslisdatum == today
    first = now.beoordeling_id
    redraft = drafted(db, rt, zaak, users, DraftRequest("voornemen_sluiting", later, 6), today)
    assert redraft.beoordeling_id == latest(db, zaak).id != first  # the receipt of the new date
    assessment = assessment_of(latest(db, zaak))
    assert assessment.beslisdatum == later and assessment.peildatum == zaak.melding.pleegdatum
    assert rt.power("damocles").proposal(assessment)["duur"] == 6
    assert assessment.parameters["drempel_harddrugs_g"].value == 0.5  # the law at the finding date


def test_the_confirmation_form_input_is_checked_and_nothing_half_stored(db, rt, users):
    bad = {"waarde": "drie", "geldig_vanaf": "2001-01-01", "titel": "", "artikel": "artikel 4",
           "publicatie": "Gemeenteblad 2010, C nr. 46", "href": "http://example.org/beleid"}
    with pytest.raises(InvalidInput) as caught:
        parameters.confirm(db, rt, "damocles", MONTHS, bad, users["beheerder"])
    assert set(caught.value.errors) == {"waarde", "geldig_vanaf", "titel", "href"}
    assert "https" in caught.value.errors["href"] and "01-11-2007" in caught.value.errors["geldig_vanaf"]
    db.rollback()
    assert db.scalar(select(func.count()).select_from(ParameterBevestiging)) == 0
    with pytest.raises(KeyError):
        parameters.confirm(db, rt, "damocles", "bestaat_niet", bad, users["beheerder"])
    assert date(2007, 11, 1) == parameters.series_of(rt, "damocles", MONTHS).starts[0]


def test_the_outcomes_own_terms_must_be_confirmed_too(db, rt, zaak, users, today):
    """Chromium trial: a voornemen went out on the default zienswijze term. The term is what the letter
    prints, so it is policy the voornemen rests on; the refusal names it with the date it must hold on."""
    for name in unconfirmed(db, zaak):
        if name != "zienswijze_termijn_dagen":
            series = parameters.series_of(rt, "damocles", name)
            confirm(db, rt, users, name, series.values()[0].value, series.starts[0])
    with pytest.raises(InvalidInput) as caught:
        drafted(db, rt, zaak, users, DraftRequest("voornemen_sluiting", today, 3), today)
    message = caught.value.errors["soort"]
    assert "Termijn voor een zienswijze op het voornemen (Awb 4:8), op " + today.strftime("%d-%m-%Y") in message
    assert "Grens voor eigen gebruik van harddrugs" not in message


def test_a_voornemen_asks_in_one_go_for_everything_the_closure_rests_on(db, rt, zaak, users, today):
    """Chromium re-check: the begunstigingstermijn (a term of the announced besluit) and how repeats are counted
    (the matrix cell depends on it) were asked for only later, or never."""
    with pytest.raises(InvalidInput) as caught:
        drafted(db, rt, zaak, users, DraftRequest("voornemen_sluiting", today, 3), today)
    message = caught.value.errors["soort"]
    for name in ("begunstigingstermijn_dagen", "recidive_termijn_jaren", "recidive_telt_per",
                 "zienswijze_termijn_dagen"):
        assert PARAMETER_LABELS[name] in message, name
    assert PARAMETER_LABELS["drempel_lachgas_eenheden"] not in message
    assert PARAMETER_LABELS["drempel_lijst_ia_g"] not in message
