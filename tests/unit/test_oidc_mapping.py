"""The role mapping of single sign-on: the first listed group decides, and a file that would give a wrong role
is refused at start-up."""

from __future__ import annotations

import pytest

from app.domain.oidc_mapping import MappingError, parse_mapping

POWERS = ("damocles", "bibob")
RAW = {"claim": "roles", "groups": {"bijzonder": {"role": "jurist", "team": "vergunningen", "zaaktypes": ["bibob"]},
                                    "algemeen": {"role": "handhaving", "team": "oov"}}}


def test_the_first_listed_group_the_person_is_in_decides():
    mapping = parse_mapping(RAW, POWERS)
    grant = mapping.grant_for({"roles": ["algemeen", "bijzonder"]})
    assert (grant.role, grant.team, grant.zaaktypes) == ("jurist", "vergunningen", ("bibob",))
    assert mapping.grant_for({"roles": "algemeen"}).role == "handhaving"  # one group as a plain string
    assert mapping.grant_for({"roles": ["onbekend"]}) is None
    assert mapping.grant_for({"groups": ["algemeen"]}) is None  # another claim than the file names
    assert mapping.grant_for({"roles": {"algemeen": True}}) is None  # not a list of names


def test_the_claim_defaults_to_groups():
    assert parse_mapping({"groups": RAW["groups"]}, POWERS).claim == "groups"


@pytest.mark.parametrize("raw", [
    None, {}, {"groups": {}}, {"groups": [], "claim": "groups"}, {"groups": RAW["groups"], "extra": 1},
    {"groups": {"g": {"role": "burgemeester", "team": "oov"}}},
    {"groups": {"g": {"role": "jurist"}}},
    {"groups": {"g": {"role": "jurist", "team": "oov", "zaaktypes": ["huisverbod"]}}},
    {"groups": {"g": {"role": "jurist", "team": "oov", "max_vertrouwelijkheid": "topgeheim"}}},
    {"groups": {"g": {"role": "jurist", "team": "oov", "rol": "kabinet"}}},
    {"claim": "", "groups": RAW["groups"]},
])
def test_a_mapping_that_would_give_a_wrong_role_is_refused(raw):
    with pytest.raises(MappingError):
        parse_mapping(raw, POWERS)
