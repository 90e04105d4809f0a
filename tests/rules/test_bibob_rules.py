"""Bibob rules: every jurist-written case through the real engine, every rule shown firing and not firing, every
pitfall of bibob.md §8 named in the cases, dated legal bases of the expanded Wet Bibob, and never article 30."""

from __future__ import annotations

import re
from datetime import date

import pytest
from rules_support import RULES, case_facts

from app.rulebook import Rulebook

BOOK = Rulebook.load(RULES)
CASES = BOOK.cases("bibob")
RULE_IDS = [r.id for v in BOOK.versions("bibob") for r in v.rules]


@pytest.mark.parametrize("number", range(len(CASES)), ids=lambda n: f"bibob/{n + 1}")
def test_every_bibob_case_gives_exactly_its_rules(real_engine, number):
    case = CASES[number]
    facts = case_facts(real_engine.book, "bibob", case)
    assessment = real_engine.evaluate("bibob", facts, case.date)
    assert sorted(e.rule for e in assessment.fired) == sorted(case.expect.fired), case.name
    assert not set(case.expect.not_fired) & {e.rule for e in assessment.fired}, case.name
    assert {k: facts[k] for k in case.expect.facts} == case.expect.facts, case.name


def test_there_are_enough_cases_and_each_rule_fires_in_one_and_not_in_another():
    assert len(CASES) >= 25
    fired = [set(c.expect.fired) for c in CASES]
    assert [r for r in RULE_IDS if not any(r in f for f in fired)] == []
    assert [r for r in RULE_IDS if all(r in f for f in fired)] == []


def test_every_pitfall_of_the_domain_is_named_in_the_cases():
    header = (RULES / "bibob" / "cases.yaml").read_text(encoding="utf-8").split("defaults:")[0]
    named = {int(n) for n in re.findall(r"^#\s{1,2}(\d{1,2}) ", header, re.M)}
    assert named == set(range(1, 15))


def test_every_legal_basis_is_a_dated_link_of_the_expanded_act_or_the_awb():
    for rule in (r for v in BOOK.versions("bibob") for r in v.rules):
        href = rule.legal_basis["href"]
        assert re.search(r"BWBR00(13798|05537)&artikel=[0-9a-z:]+&z=2020-08-01&g=2020-08-01$", href), rule.id
        dated = date.fromisoformat(re.search(r"g=(\d{4}-\d{2}-\d{2})", href).group(1))
        assert dated >= date(2020, 8, 1)


def test_no_rule_or_parameter_cites_article_30():
    """The former art. 30 Wet Bibob no longer exists (bibob.md §1.1); its function is art. 7a, 4 and Awb 4:5."""
    pattern = re.compile(r"(art(ikel|\.)?\s*30\b|artikel=30\b)", re.IGNORECASE)
    folder = RULES / "bibob"
    texts = {p.name: _without_comments(p.read_text(encoding="utf-8")) for p in folder.rglob("*.yaml")}
    cited = {name: m.group(0) for name, text in texts.items() if (m := pattern.search(text))}
    assert cited == {}
    assert len(texts) > 10  # index, rules, cases and the parameter files were read


def _without_comments(text: str) -> str:
    """The YAML a loader reads: a comment may say that article 30 is gone."""
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
