"""Which Damocles judgements a closure needs (index.yaml and the rules, issue 6 §3 and §2): time elapsed for
every closure, the Harderwijk duty to investigate, the owner's interests, and what a zienswijze reopens."""

from __future__ import annotations

from datetime import date

import pytest

from app.config import Config
from app.domain.errors import InvalidInput
from app.domain.hearing import ZIENSWIJZE_EVENT
from app.domain.judgements import Recorded, check_recorded, required_for
from app.powers.damocles import facts as damocles
from app.runtime import build_runtime

RT = build_runtime(Config())
ON = date(2026, 3, 2)
KNOWN = {"minors_in_household": "no", "vulnerable_residents": "no", "alternative_housing_available": "yes",
         "lease_dissolution_risk": "none", "blacklist_risk": "none", "landlord_kind": "eigenaar_bewoner",
         "resident_role": "eigenaar_bewoner"}


def _required(soort: str = "sluiting", today: date = ON, **case: object) -> list[str]:
    data = {**damocles.CASE_FILE_DEFAULTS, "premises_type": "woning", "finding_date": ON.isoformat(),
            "dealing_evidence": ["politie_observatie"], **KNOWN, **case}
    facts = damocles.facts_from_case(data, [], RT.book.parameters_for("damocles", ON), today)
    a = RT.engine.evaluate("damocles", facts, ON)
    specs = RT.procedure("damocles").judgements
    return required_for(soort, specs, a.judgements_required, a.triggerable_judgements)


@pytest.mark.parametrize("soort", ["voornemen_sluiting", "sluiting"])
def test_time_elapsed_is_weighed_for_every_closure_even_the_day_after_the_finding(soort):
    assert "tijdsverloop" in _required(soort, today=date(2026, 3, 3))
    assert "tijdsverloop" not in _required("waarschuwing")


@pytest.mark.parametrize("unknown", ["minors_in_household", "vulnerable_residents", "alternative_housing_available",
                                     "lease_dissolution_risk", "blacklist_risk"])
def test_a_closure_needs_the_investigation_judgement_while_a_household_fact_is_unknown(unknown):
    assert "onderzoek_omstandigheden" in _required(**{unknown: "unknown"})
    assert "onderzoek_omstandigheden" not in _required()
    assert "onderzoek_omstandigheden" not in _required("waarschuwing", **{unknown: "unknown"})


def test_still_to_investigate_blocks_the_closure_and_a_recorded_reason_does_not():
    procedure = RT.procedure("damocles")
    specs = procedure.judgements
    still = {"onderzoek_omstandigheden": Recorded("onderzoek_omstandigheden", "nog_onderzoeken", "Loopt.", "J.")}
    with pytest.raises(InvalidInput) as caught:
        check_recorded(["onderzoek_omstandigheden"], still, procedure.outcomes["sluiting"], specs)
    assert "onderzoek_omstandigheden" in caught.value.errors
    reason = {"onderzoek_omstandigheden": Recorded("onderzoek_omstandigheden", "niet_vast_te_stellen",
                                                   "De corporatie antwoordt niet op twee brieven.", "J.")}
    check_recorded(["onderzoek_omstandigheden"], reason, procedure.outcomes["sluiting"], specs)


@pytest.mark.parametrize(("landlord", "role", "needed"), [
    ("woningcorporatie", "overtreder", True), ("particulier", "huurder_onwetend", True),
    ("eigenaar_bewoner", "eigenaar_bewoner", False), ("unknown", "eigenaar_bewoner", False),
])
def test_the_owners_own_interests_are_weighed_when_the_owner_is_not_the_resident(landlord, role, needed):
    assert ("belangen_rechthebbende" in _required(landlord_kind=landlord, resident_role=role)) is needed
    assert RT.procedure("damocles").judgement("belangen_rechthebbende").stap == "evenredigheid"


def test_a_zienswijze_reopens_competence_serious_case_and_every_proportionality_judgement():
    reopened = set(RT.procedure("damocles").reopened_by(ZIENSWIJZE_EVENT))
    assert {"eigen_gebruik_aannemelijk", "verkoop_aannemelijk", "objects_qualify", "ernstig_geval_eerste_overtreding",
            "geschiktheid", "noodzakelijkheid", "evenwichtigheid", "duur", "tijdsverloop",
            "bijzondere_omstandigheden", "onderzoek_omstandigheden", "belangen_rechthebbende"} <= reopened


def test_the_help_texts_cite_the_case_law_as_decided():
    procedure = RT.procedure("damocles")
    text = {code: procedure.judgement(code).toelichting for code in
            ("noodzakelijkheid", "evenwichtigheid", "duur", "tijdsverloop")}
    assert "ECLI:NL:RVS:2022:1911" in text["noodzakelijkheid"] and "RBLIM:2022:6417" in text["noodzakelijkheid"]
    assert "ECLI:NL:RVS:2025:2922" in text["evenwichtigheid"] and "financiële nood" in text["evenwichtigheid"]
    assert "kinderen" in text["evenwichtigheid"]
    assert "ECLI:NL:RVS:2022:2544" in text["duur"] and "RBLIM:2022:6417" in text["duur"]
    assert "verlaagde" not in text["duur"]  # 2020:2879 did not reduce 12 to 6 months
    assert "geen vast aantal" in text["tijdsverloop"]
    assert RT.book.parameters_for("damocles", ON)["tijdsverloop_signaal_dagen"].status != "case law"
