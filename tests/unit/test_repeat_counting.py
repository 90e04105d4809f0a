"""Repeat offences (issue 6 §3, review finding 16): which earlier measures count, pure functions only."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.errors import FactsRejected
from app.domain.history import classify, count, made_known, person_key, same_person
from app.powers.damocles.facts import offence

FINDING = date(2025, 6, 1)
KINDS = ("waarschuwing", "sluiting")


def _item(offence_day: date = date(2024, 1, 10), **extra: object) -> dict[str, object]:
    return {"kind": "waarschuwing", "date": offence_day, "letter_date": date(2024, 2, 1), "sent": True,
            "revoked": None, "same_address": True, "same_person": True, "kenmerk": "BEV-2024-000001", **extra}


def _reason(item: dict[str, object], counts_per: str = "adres_en_persoon", years: int = 3) -> str:
    [verdict] = classify([item], FINDING, years, counts_per, KINDS)
    return verdict.reason


# 1. Only measures that were sent and not revoked or annulled count.

def test_an_approved_but_unsent_warning_does_not_count():
    assert _reason(_item(sent=False)) == "niet_verzonden"
    assert offence([_item(sent=False)], FINDING, 3, "adres") == "eerste"
    assert offence([_item()], FINDING, 3, "adres") == "tweede"


@pytest.mark.parametrize("kind", ["ingetrokken", "herroepen_in_bezwaar", "vernietigd_in_beroep"])
def test_a_revoked_or_annulled_measure_does_not_count(kind):
    assert _reason(_item(revoked=kind)) == "ingetrokken"
    assert not made_known(_item(revoked=kind))
    assert made_known(_item())


def test_a_letter_sent_only_after_the_new_finding_did_not_warn_anybody():
    assert _reason(_item(letter_date=FINDING)) == "later_verzonden"
    assert _reason(_item(letter_date=date(2025, 5, 31))) == "telt"


# 2. Same offender or same premises, as the policy parameter says.

def test_a_new_tenant_does_not_inherit_a_warning_when_the_policy_counts_address_and_person():
    tenant = _item(same_person=False)
    assert _reason(tenant, "adres_en_persoon") == "ander_persoon"
    assert _reason(tenant, "adres") == "telt"  # per premises only: the old practice, still a policy option


def test_per_person_counts_the_same_offender_at_another_address():
    moved = _item(same_address=False)
    assert _reason(moved, "persoon") == "telt"
    assert _reason(moved, "adres_en_persoon") == "ander_adres"
    assert _reason(moved, "adres") == "ander_adres"


def test_a_person_who_cannot_be_identified_is_not_counted_against_anybody():
    assert _reason(_item(same_person=None), "adres_en_persoon") == "persoon_onbekend"
    assert _reason(_item(same_person=None), "adres") == "telt"


def test_an_unknown_counting_basis_fails_loudly():
    with pytest.raises(FactsRejected):
        count([_item()], FINDING, 3, "per_straat", KINDS)


def test_persons_match_on_normalised_name_and_date_of_birth():
    born = date(1990, 4, 2)
    assert person_key("  Jan  de Vriës ", born) == person_key("JAN DE VRIES", born)
    assert person_key("J. de Vries", born) != person_key("Jan de Vries", born)  # the documented limitation
    assert person_key("Jan de Vries", None) is None
    assert person_key("Woonstichting Voorbeeld B.V.", None, organisatie=True) == "woonstichting voorbeeld b v"
    assert same_person([person_key("Jan de Vries", born)], [person_key("jan de vries", born)]) is True
    assert same_person([person_key("Jan de Vries", born)], [person_key("Piet Jansen", born)]) is False
    assert same_person([person_key("Jan de Vries", born)], [None]) is None
    assert same_person([], [person_key("Jan de Vries", born)]) is None


# 3. The window runs from the earlier OFFENCE, not from the earlier letter.

def test_the_window_runs_from_the_earlier_offence_not_from_the_letter():
    # Offence 2022-05-31 (one day before the window), letter 2022-07-01 (inside it): outside the window.
    late_letter = _item(date(2022, 5, 31), letter_date=date(2022, 7, 1))
    assert _reason(late_letter) == "buiten_termijn"
    assert _reason(_item(date(2022, 6, 1), letter_date=date(2022, 7, 1))) == "telt"


def test_an_offence_on_or_after_the_finding_is_not_earlier():
    assert _reason(_item(FINDING, letter_date=None)) == "niet_eerder"


def test_other_kinds_never_count_and_every_verdict_has_dutch_words():
    verdicts = classify([_item(kind="voornemen_sluiting"), _item()], FINDING, 3, "adres", KINDS)
    assert [v.reason for v in verdicts] == ["andere_soort", "telt"]
    assert all(v.text.startswith(("Telt mee", "Telt niet")) for v in verdicts)


def test_items_given_as_date_and_kind_only_describe_a_sent_measure_at_this_address():
    assert offence([{"date": "2024-01-10", "kind": "sluiting"}], FINDING, 3, "adres_en_persoon") == "tweede"
