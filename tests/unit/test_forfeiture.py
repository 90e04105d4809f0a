"""Forfeiture of a last onder dwangsom (Awb 5:32b, 5:33, 5:35) and the procedure keys that drive it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.domain.addressees import recipients
from app.domain.deadlines import Calendar
from app.domain.errors import InvalidInput, RulebookError
from app.domain.forfeiture import Order, as_record, check_terms, collect, money, running
from app.domain.measures import period_end
from app.domain.procedure import Outcome, Period
from app.rulebook.procedure import parse_outcomes


def order(**kw: object) -> Order:
    base = {"kenmerk": "BEV-2026-000001", "beslissing_id": 7, "datum": date(2026, 1, 5),
            "ingangsdatum": date(2026, 1, 6), "vervaldatum": date(2027, 1, 6), "bedrag": Decimal(2500),
            "maximum": Decimal(10000)}
    return Order(**{**base, **kw})


def test_one_amount_per_breach_within_the_looptijd_as_the_power_counts_them() -> None:
    found = collect(order(), [date(2026, 4, 1), date(2026, 3, 10)])
    assert [(f.datum, f.bedrag) for f in found.verbeurten] == [(date(2026, 3, 10), 2500), (date(2026, 4, 1), 2500)]
    assert found.totaal == 5000 and found.resterend == 5000 and not found.maximum_bereikt
    # Policy counting per observation: two on one day are two violations.
    twice = collect(order(), [date(2026, 3, 10), date(2026, 3, 10)])
    assert [f.bedrag for f in twice.verbeurten] == [2500, 2500] and twice.totaal == 5000


def test_the_breach_that_passes_the_maximum_forfeits_only_the_remainder_and_then_nothing() -> None:
    found = collect(order(eerder_verbeurd=Decimal(9000)), [date(2026, 3, 10), date(2026, 3, 11)])
    assert [f.bedrag for f in found.verbeurten] == [Decimal(1000)]
    assert found.totaal == 10000 and found.maximum_bereikt


def test_nothing_left_to_forfeit_is_refused_with_the_reason() -> None:
    with pytest.raises(InvalidInput) as refused:
        collect(order(eerder_verbeurd=Decimal(10000)), [date(2026, 3, 10)])
    assert "maximum" in refused.value.errors["soort"]


@pytest.mark.parametrize("day", [date(2026, 1, 6 - 1), date(2027, 1, 6), date(2027, 5, 1)])
def test_a_breach_before_the_start_or_after_the_looptijd_is_not_a_forfeiture(day: date) -> None:
    with pytest.raises(InvalidInput) as refused:
        collect(order(), [day])
    assert "looptijd" in refused.value.errors["soort"]


def test_running_picks_the_order_whose_looptijd_covers_the_breach() -> None:
    old = order(beslissing_id=1, ingangsdatum=date(2024, 1, 1), vervaldatum=date(2025, 1, 1))
    new = order(beslissing_id=2)
    assert running([old, new], [date(2026, 2, 1)]) == new
    assert running([old], [date(2026, 2, 1)]) is None


def test_terms_positive_below_the_maximum_and_never_above_policy() -> None:
    check_terms(Decimal(1250), Decimal(5000), Decimal(2500), Decimal(10000))
    with pytest.raises(InvalidInput) as refused:
        check_terms(Decimal(3000), Decimal(2000), Decimal(2500), Decimal(10000))
    assert set(refused.value.errors) == {"bedrag", "maximum"}
    with pytest.raises(InvalidInput) as zero:
        check_terms(Decimal(0), Decimal(5000), Decimal(2500), Decimal(10000))
    assert "nul" in zero.value.errors["bedrag"]
    with pytest.raises(InvalidInput):
        check_terms(Decimal(100), Decimal(20000), Decimal(2500), Decimal(10000))


@pytest.mark.parametrize("bad", ["abc", "NaN", "-5", "Infinity"])
def test_money_refuses_what_is_not_an_amount(bad: str) -> None:
    with pytest.raises(InvalidInput):
        money(bad)


STATUTE = Calendar({year: frozenset() for year in range(2020, 2031)})


def test_payment_shifts_under_the_atw_but_the_limitation_in_years_never_does() -> None:
    calendar = STATUTE
    pay = Period("betaaltermijn_tot", "betaaltermijn_weken", "weeks", True, "overtreding")
    lapse = Period("verjaring_op", "verjaring_jaren", "years", False, "overtreding")
    # Fri 7 March 2025 + 6 weeks = Good Friday 18 April: payable on Tuesday 22 April (awb-procedure.md §6.4).
    assert period_end(pay, 6, date(2025, 3, 7), calendar) == date(2025, 4, 22)
    # Limitation of a breach on 10 March 2025 ends on 10 March 2026, a Tuesday, and would not move anyway;
    # a year ending on Saturday 10 March 2029 stays there.
    assert period_end(lapse, 1, date(2025, 3, 10), calendar) == date(2026, 3, 10)
    assert period_end(lapse, 1, date(2028, 3, 10), calendar) == date(2029, 3, 10)


def test_record_is_plain_json_with_every_period_per_forfeiture() -> None:
    found = collect(order(), [date(2026, 3, 10)])
    record = as_record(found, {date(2026, 3, 10): {"betaaltermijn_tot": date(2026, 4, 21)}})
    assert record["verbeurten"] == [{"datum": "2026-03-10", "bedrag": "2500.00", "betaaltermijn_tot": "2026-04-21"}]
    assert record["last"]["beslissing_id"] == 7 and record["resterend"] == "7500.00"


PROCEDURE = {
    "last": {"label": "Last", "besluit": True, "measure": "last", "hearing": "horen", "remedy": "bezwaar",
             "penalty": {"amount": "dwangsom_bedrag_eur", "maximum": "dwangsom_maximum_eur"},
             "recipients": ["overtreder", "gezaghebbende"], "guardians": "gezaghebbende"},
    "invordering": {"label": "Invordering", "besluit": True, "measure": "invordering", "hearing": "horen",
                    "remedy": "bezwaar", "collects": "last",
                    "periods": {"verjaring_op": {"parameter": "verjaring_jaren", "unit": "years",
                                                 "termijnenwet": False, "runs_from": "overtreding"}}},
}


def test_the_procedure_keys_parse_and_reference_each_other() -> None:
    outcomes = parse_outcomes(PROCEDURE, "index.yaml", "burgemeester", ("overtreder", "gezaghebbende"))
    assert outcomes["last"].penalty.amount == "dwangsom_bedrag_eur"
    assert outcomes["invordering"].collects == "last" and outcomes["invordering"].periods[0].runs_from == "overtreding"


@pytest.mark.parametrize(("change", "message"), [
    ({"invordering": {"collects": "invordering"}}, "imposes no dwangsom"),
    ({"invordering": {"periods": {"verjaring_op": {"parameter": "p", "unit": "years", "termijnenwet": True}}}},
     "never shifts"),
    ({"last": {"guardians": "rechthebbende"}}, "recipients"),
])
def test_inconsistent_dwangsom_procedure_is_refused(change: dict, message: str) -> None:
    raw = {code: {**item, **change.get(code, {})} for code, item in PROCEDURE.items()}
    with pytest.raises(RulebookError, match=message):
        parse_outcomes(raw, "index.yaml", "burgemeester", ("overtreder", "gezaghebbende", "rechthebbende"))


def _outcome(guardians: str | None) -> Outcome:
    return Outcome("last", "Last", True, "last", "horen", "vooraf", "burgemeester", "bezwaar",
                   recipients=("overtreder", "gezaghebbende"), guardians=guardians)


PEOPLE = [("overtreder", date(2010, 6, 1)), ("gezaghebbende", date(1980, 1, 1)), ("gezaghebbende", date(1982, 1, 1))]


def test_a_minor_is_addressed_with_each_parent_while_still_a_minor_on_the_sending_day() -> None:
    chosen = recipients(_outcome("gezaghebbende"), PEOPLE, lambda p: p[0], lambda p: p[1], date(2026, 5, 1),
                        date(2026, 5, 20))
    assert [p[0] for p in chosen] == ["overtreder", "gezaghebbende", "gezaghebbende"]


def test_the_parents_get_nothing_once_he_is_eighteen_when_it_is_sent() -> None:
    chosen = recipients(_outcome("gezaghebbende"), PEOPLE, lambda p: p[0], lambda p: p[1], date(2028, 5, 20),
                        date(2028, 6, 1))
    assert [p[0] for p in chosen] == ["overtreder"]


def test_without_guardians_a_minor_gets_no_letter_of_his_own() -> None:
    chosen = recipients(_outcome(None), PEOPLE, lambda p: p[0], lambda p: p[1], date(2026, 5, 1))
    assert [p[0] for p in chosen] == ["gezaghebbende", "gezaghebbende"]


def test_the_deadline_overviews_show_the_periods_that_run_from_the_breach() -> None:
    from app.domain.penalty import breach_terms
    from app.domain.worklists import NA_OVERTREDING, DecisionFacts, decision_deadlines

    outcomes = parse_outcomes(PROCEDURE, "index.yaml", "burgemeester", ("overtreder", "gezaghebbende"))
    terms = breach_terms(outcomes["invordering"], {"verjaring_op": "2027-03-10", "other": "2027-01-01"},
                         {"verjaring_op": "Verjaring (Awb 5:35)"})
    assert terms == (("Verjaring (Awb 5:35)", date(2027, 3, 10)),)
    assert breach_terms(outcomes["last"], {"verjaring_op": "2027-03-10"}, {}) == ()
    facts = DecisionFacts(id=3, zaak_id=1, soort="invordering", label="Invordering", announces=None, ends=None,
                          revoked=False, breach_terms=terms)
    found = [d for d in decision_deadlines([facts]) if d.kind == NA_OVERTREDING]
    assert [(d.day, d.key) for d in found] == [(date(2027, 3, 10), f"b3:{NA_OVERTREDING}0:2027-03-10")]
