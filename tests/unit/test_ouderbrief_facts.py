"""Ouderbrief: the derived facts (age, earlier letters per child, authority, abroad), the tasks, the
betrokkenen, the proposal and the follow-up of another power's zaak (ouderbrief.md §2, §8)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from app.config import ROOT
from app.domain.errors import FactsRejected
from app.powers import power
from app.powers.ouderbrief import case as C
from app.powers.ouderbrief.facts import explain_history, facts_from_case
from app.powers.ouderbrief.follow_up import follow_up
from app.powers.ouderbrief.schema import OuderbriefMeldingSchema
from app.rulebook import Rulebook

BOOK = Rulebook.load(ROOT / "rules")
PARAMS = BOOK.parameters_for("ouderbrief", date(2026, 3, 1))
HOME = {"straat": "Proefstraat", "huisnummer": "1", "postcode": "6200 ZZ", "woonplaats": "Maastricht"}
ELSEWHERE = {"straat": "Verzonnenlaan", "huisnummer": "9", "postcode": "6200 ZZ", "woonplaats": "Maastricht"}
CASE = {
    "incident_at": "2026-03-01T21:30:00+01:00", "incident_place": "Bij het winkelcentrum", "incident_type": "overlast",
    "incident_source": "politie", "gia_signal": "no",
    "child": {"naam": "K. Proefkind", "geboortedatum": "2010-09-15", "adres": HOME},
    "gezaghebbenden": [{"naam": "O. Proefouder", "relatie": "ouder", "adres": HOME}],
    "group_code": "", "other_interventions": [],
}


def _facts(case=None, history=()):
    return facts_from_case({**CASE, **(case or {})}, list(history), PARAMS, date(2026, 3, 5))


def _letter(day: str, **item) -> dict:
    return {"kind": "ouderbrief", "date": day, "letter_date": day, "kenmerk": f"BEV-{day}", **item}


def test_age_is_whole_years_on_the_day_of_the_incident():
    assert _facts()["age_at_incident_years"] == 15
    born_that_day = {"child": {**CASE["child"], "geboortedatum": "2008-03-01"}}
    assert _facts(born_that_day)["age_at_incident_years"] == 18  # eighteen on the birthday itself
    day_after = {"child": {**CASE["child"], "geboortedatum": "2008-03-02"}}
    assert _facts(day_after)["age_at_incident_years"] == 17


def test_a_date_of_birth_after_the_incident_or_no_moment_is_refused():
    with pytest.raises(FactsRejected):
        _facts({"child": {**CASE["child"], "geboortedatum": "2026-04-01"}})
    with pytest.raises(FactsRejected):
        _facts({"incident_at": None})


def test_only_earlier_letters_about_the_same_child_within_the_interval_count():
    history = [
        _letter("2025-11-01"),                                   # counts: 120 days before
        _letter("2025-06-01"),                                   # counts: within twelve months
        _letter("2024-12-01"),                                   # outside the twelve months
        _letter("2025-12-01", same_person=False),                # another child at the same place
        _letter("2026-01-10", same_person=None),                 # nobody identifiable
        _letter("2026-01-15", sent=False),                       # never sent
        _letter("2026-01-20", revoked="ingetrokken"),            # withdrawn
        {"kind": "ouderbrief", "date": "2026-02-01", "letter_date": "2026-03-02", "kenmerk": "later"},
    ]
    facts = _facts(history=history)
    assert facts["prior_letters_count"] == 2 and facts["earlier_letter_in_interval"] is True
    assert facts["days_since_last_letter"] == 120 and facts["months_since_last_letter"] == 4
    reasons = [c.reason for c in explain_history(CASE, history, PARAMS)]
    assert reasons == ["telt", "telt", "buiten_termijn", "ander_persoon", "persoon_onbekend", "niet_verzonden",
                       "ingetrokken", "later_verzonden"]


def test_no_earlier_letter_gives_zero_counts():
    facts = _facts()
    assert (facts["prior_letters_count"], facts["earlier_letter_in_interval"], facts["days_since_last_letter"]) == \
        (0, False, 0)


def test_authority_guardian_abroad_group_and_interventions_are_derived():
    assert _facts()["authority_known"] is True and _facts()["guardian_has_authority"] is False
    assert _facts({"gezaghebbenden": []})["authority_known"] is False
    guardian = {"gezaghebbenden": [{"naam": "V. Voogd", "relatie": "voogd", "adres": ELSEWHERE}]}
    assert _facts(guardian)["guardian_has_authority"] is True
    abroad = {"child": {**CASE["child"], "adres": {**HOME, "postcode": "4000", "land": "BE"}}}
    assert _facts(abroad)["child_abroad"] is True and _facts()["child_abroad"] is False
    assert _facts({"group_code": "GROEP-7"})["group_incident"] is True
    assert _facts({"other_interventions": [{"soort": "halt", "datum": None}]})["other_interventions_present"] is True


def test_tasks_ask_for_a_look_up_without_authority_and_manual_handling_abroad():
    now = datetime(2026, 3, 5, tzinfo=UTC)
    assert C.tasks(CASE, PARAMS, now) == []
    assert [t.code for t in C.tasks({**CASE, "gezaghebbenden": []}, PARAMS, now)] == ["gezag_opzoeken"]
    abroad = {**CASE, "child": {**CASE["child"], "adres": {**HOME, "land": "DE"}}}
    assert [t.code for t in C.tasks(abroad, PARAMS, now)] == ["handmatige_afhandeling"]
    assert "Zoek op wie het gezag heeft" in C.LOOK_UP.text


def test_betrokkenen_are_the_child_and_each_person_with_authority_at_their_own_address():
    data = {"gegevens": {**CASE, "gezaghebbenden": [{"naam": "O. Proefouder", "relatie": "ouder", "adres": HOME},
                                                    {"naam": "P. Proefouder", "relatie": "ouder", "adres": ELSEWHERE}],
                         "child": {**CASE["child"], "geboortedatum": date(2010, 9, 15)}}}
    people = C.betrokkenen(data, PARAMS)
    assert [(p["roltype"], p["naam"], p["straat"]) for p in people] == [
        ("minderjarige", "K. Proefkind", "Proefstraat"), ("gezaghebbende", "O. Proefouder", "Proefstraat"),
        ("gezaghebbende", "P. Proefouder", "Verzonnenlaan")]


def test_the_case_list_description_names_no_child():
    text = C.omschrijving({"gegevens": CASE})
    assert "Proefkind" not in text and "01-03-2026" in text


def _melding(**gegevens):
    return {"submission_id": "test-ob-00001", "zaaktype": "ouderbrief", "bron_soort": "proces_verbaal",
            "bron_kenmerk": "PV-1", "adres": HOME, "gegevens": {**CASE, **gegevens}}


def test_the_melding_takes_its_date_from_the_incident():
    loaded = OuderbriefMeldingSchema().load(_melding())
    assert loaded["pleegdatum"] == date(2026, 3, 1) and loaded["bron_datum"] == date(2026, 3, 1)


SOURCE = {
    "zaaktype": "iets_anders", "kenmerk": "BEV-2026-000042", "omschrijving": "Een zaak",
    "pleegdatum": date(2026, 11, 3),
    "bron_soort": "bestuurlijke_rapportage", "bron_kenmerk": "BR-42", "bron_datum": date(2026, 11, 4),
    "adres": {"straat": "Marktproef", "huisnummer": "2", "postcode": "6200 ZZ", "woonplaats": "Maastricht"},
    "betrokkenen": [
        {"roltype": "verkoper", "naam": "A. Volwassen", "geboortedatum": date(1990, 1, 1), **HOME, "land": "NL",
         "is_organisatie": False},
        {"roltype": "koper", "naam": "J. Jong", "geboortedatum": date(2010, 5, 1), **HOME, "land": "NL",
         "is_organisatie": False},
        {"roltype": "koper", "naam": "B. Bijna", "geboortedatum": date(2008, 11, 3), **HOME, "land": "NL",
         "is_organisatie": False},  # eighteen on the pleegdatum: an adult
        {"roltype": "gezaghebbende", "naam": "G. Jong", "geboortedatum": None, **ELSEWHERE, "land": "NL",
         "is_organisatie": False},
    ],
    "today": date(2026, 12, 6),
}


def test_follow_up_starts_one_melding_per_minor_with_the_sources_guardians():
    found = follow_up(SOURCE)
    assert len(found) == 1
    melding = found[0]
    assert melding["toelichting"] == "Vervolg op zaak BEV-2026-000042" and "submission_id" not in melding
    assert (melding["bron_soort"], melding["bron_kenmerk"], melding["bron_datum"]) == (
        "bestuurlijke_rapportage", "BR-42", "2026-11-04")
    g = melding["gegevens"]
    assert g["child"]["naam"] == "J. Jong" and g["incident_source"] == "politie" and g["incident_type"] == "overig"
    assert [p["naam"] for p in g["gezaghebbenden"]] == ["G. Jong"]
    assert g["gezaghebbenden"][0]["adres"]["straat"] == "Verzonnenlaan"
    loaded = OuderbriefMeldingSchema().load({**melding, "submission_id": "vervolg-test-1"})
    assert loaded["pleegdatum"] == date(2026, 11, 3) and loaded["gegevens"]["incident_time_unknown"] is True


def test_follow_up_without_guardians_leaves_the_look_up_to_a_task_and_without_minors_offers_nothing():
    no_guardian = {**SOURCE, "betrokkenen": [b for b in SOURCE["betrokkenen"] if b["roltype"] != "gezaghebbende"]}
    melding = follow_up(no_guardian)[0]
    assert melding["gegevens"]["gezaghebbenden"] == []
    assert [t.code for t in C.tasks(melding["gegevens"], PARAMS, datetime(2026, 12, 6, tzinfo=UTC))] == \
        ["gezag_opzoeken"]
    adults = {**SOURCE, "betrokkenen": SOURCE["betrokkenen"][:1]}
    assert follow_up(adults) == []
    handhaving = follow_up({**SOURCE, "bron_soort": "boa_rapport"})[0]
    assert handhaving["gegevens"]["incident_source"] == "handhaving"


def test_the_package_never_names_another_power():
    package = ROOT / "app" / "powers" / "ouderbrief"
    others = [code for code in ("straathandel", "damocles", "huisverbod")]
    for path in package.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not [code for code in others if code in text], path.name


def test_the_spec_offers_the_follow_up_and_counts_history_per_child():
    spec = power("ouderbrief")
    assert spec.follow_up is follow_up and spec.offender_roles == ("minderjarige",)


def test_follow_up_keeps_a_childs_address_abroad():
    abroad = {**SOURCE, "betrokkenen": [{**b, "postcode": "52062", "woonplaats": "Aken", "land": "DE"}
                                        if b["naam"] == "J. Jong" else b for b in SOURCE["betrokkenen"]]}
    melding = follow_up(abroad)[0]
    assert melding["gegevens"]["child"]["adres"]["land"] == "DE" and melding["adres"]["land"] == "NL"
    loaded = OuderbriefMeldingSchema().load({**melding, "submission_id": "vervolg-test-2"})
    assert loaded["gegevens"]["child"]["adres"]["postcode"] == "52062"


def test_follow_up_takes_only_minors_in_the_sources_offender_roles():
    assert len(follow_up({**SOURCE, "offender_roles": ["koper", "verkoper"]})) == 1
    assert follow_up({**SOURCE, "offender_roles": ["verkoper"]}) == []  # the minor is no offender there
    assert follow_up({**SOURCE, "offender_roles": []}) == []  # a protective order has no offenders
