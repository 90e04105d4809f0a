"""Fixtures for the rules tests: the real rules/ folder and a small test-only folder, each loaded once.

A ruleset name can be registered only once per engine, so engines are session-scoped; tests that need a
special engine (an action that raises, a spy) build their own from the same Rulebook.
"""

from __future__ import annotations

import pytest
from rules_support import FIXTURE_RULES, RULES

from app.rulebook import Rulebook
from app.rules_engine import RulesEngine


@pytest.fixture(scope="session")
def fixture_book() -> Rulebook:
    return Rulebook.load(FIXTURE_RULES)


@pytest.fixture(scope="session")
def fixture_engine(fixture_book: Rulebook) -> RulesEngine:
    return RulesEngine(fixture_book)


@pytest.fixture(scope="session")
def rules_book() -> Rulebook:
    return Rulebook.load(RULES)


@pytest.fixture(scope="session")
def real_engine(rules_book: Rulebook) -> RulesEngine:
    return RulesEngine(rules_book)
