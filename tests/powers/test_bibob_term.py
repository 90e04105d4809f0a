"""Bibob: the decision period of the application (PowerSpec.decision_period). Art. 31 suspends it from the advice
request to the advice, capped at the art. 15 period plus data requests plus at most four weeks of extension; Awb
4:15 suspends it while the applicant completes the application; a verdaging (Awb 4:14) adds its weeks."""

from __future__ import annotations

from datetime import date, timedelta

from app.domain import beslistermijn as B
from app.powers.bibob.term import decision_period
from tests.powers.bibob_support import NO_ADVICE, case_file, params

ASKED = {**NO_ADVICE, "requested_on": "2026-03-01", "betrokkene_informed_on": "2026-03-02",
         "received_on": "2026-05-20", "conclusion": "ernstig_gevaar_b", "advice_date": "2026-05-19"}
APPLICATION = case_file()["application"] | {"received_on": "2026-02-16"}
ON = date(2026, 5, 25)


def _term(on: date = ON, **changes):
    found = decision_period(case_file(**{"application": APPLICATION, **changes}), params(on), on)
    return found, (B.beslistermijn(found, on, None) if found else None)


def test_suspension_is_capped_at_eight_weeks():
    """bibob.md §5.2: requested 1 March, received 20 May: the period grows by 56 days, not by 80."""
    aanvraag, term = _term(lbb=ASKED)
    advice = aanvraag.opschortingen[0]
    assert (advice.van, advice.tot, advice.cap_dagen) == (date(2026, 3, 1), date(2026, 5, 20), 56)
    assert term.einde - term.einde_zonder_opschorting == timedelta(days=56)
    assert term.einde_zonder_opschorting == date(2026, 4, 13)


def test_data_requests_and_a_notified_extension_raise_the_cap_the_extension_at_most_four_weeks():
    data = {**ASKED, "data_requests": [{"from": "2026-03-10", "to": "2026-03-20"}]}
    assert _term(lbb=data)[0].opschortingen[0].cap_dagen == 56 + 10
    extended = {**ASKED, "extension": {"weeks": 6, "notified_on": "2026-04-20"}}
    assert _term(lbb=extended)[0].opschortingen[0].cap_dagen == 56 + 28
    _, term = _term(lbb=extended)
    assert term.einde - term.einde_zonder_opschorting == timedelta(days=80)


def test_an_awaited_advice_suspends_up_to_today():
    aanvraag, term = _term(date(2026, 3, 31), lbb={**NO_ADVICE, "requested_on": "2026-03-01",
                                                   "betrokkene_informed_on": "2026-03-02"})
    assert aanvraag.opschortingen[0].tot is None and term.opgeschort
    assert term.einde - term.einde_zonder_opschorting == timedelta(days=30)


def test_completing_the_application_suspends_until_completed():
    form = {"received": True, "complete": True, "missing": [], "herstel_requested_on": "2026-02-20",
            "completed_on": "2026-03-02"}
    aanvraag, _ = _term(lbb=NO_ADVICE, bibob_form=form, hersteltermijn_until="2026-03-06")
    herstel = aanvraag.opschortingen[0]
    assert (herstel.van, herstel.tot, herstel.cap_dagen) == (date(2026, 2, 20), date(2026, 3, 2), None)
    unused = {**form, "complete": False, "completed_on": None, "missing": ["Vermogen"]}
    assert _term(lbb=NO_ADVICE, bibob_form=unused, hersteltermijn_until="2026-03-06")[0].opschortingen[0].tot == \
        date(2026, 3, 6)


def test_no_statutory_term_means_awb_4_13_and_its_parameter_agrees():
    aanvraag, term = _term(application=APPLICATION | {"statutory_term_weeks": None}, lbb=NO_ADVICE)
    assert aanvraag.termijn_weken is None and not term.wettelijk
    assert params()["redelijke_beslistermijn_max_weken"].value == B.AWB_4_13_WEKEN


def test_a_verdaging_and_the_permits_own_basis_are_passed_on():
    aanvraag, _ = _term(lbb=NO_ADVICE, extension_4_14={"weeks": 4, "notified_on": "2026-04-01"})
    assert (aanvraag.verdaging_weken, aanvraag.verdaging_gemeld_op) == (4, date(2026, 4, 1))
    assert aanvraag.grondslag.startswith("de Algemene plaatselijke verordening (APV) van Maastricht")


def test_a_granted_permit_or_a_withdrawn_application_has_no_decision_period():
    granted = case_file(existing_permit={"kenmerk": "EXP-2019-1", "granted_on": "2019-04-01"})
    assert decision_period(granted, params(), ON) is None
    withdrawn = case_file(application_withdrawn={"withdrawn_on": "2026-03-01", "suspected_because_of_bibob": False})
    assert decision_period(withdrawn, params(), ON) is None
