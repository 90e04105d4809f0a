"""Each measured durable_rules hazard (rules-engine.md section 4) has a test that fails without its fix."""

from __future__ import annotations

import ast
import copy
import json
import logging
import os
import random
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any

import oracle
import pytest
from rules_support import FIXTURE_RULES, REPO, RULES, case_facts, random_inputs

from app import rules_engine
from app.domain.errors import EngineError, FactsRejected, RuleActionError, RulesNotInForce
from app.rulebook import Rule, Rulebook, RuleVersion, fingerprint
from app.rules_engine import ENGINE, RulesEngine, engine_error, fnv1a_32

C = rules_engine._c  # durable's C extension, as the wrapper calls it: spies replace its functions

WONING_2G = {"premises_type": "woning", "medical_practice": False, "hard_drugs_g": 2.0, "lijst_ia_g": 0,
             "soft_drugs_g": 0, "dealing_observed": "unknown", "offence": "eerste"}
NO_MATCH = {**WONING_2G, "premises_type": "voertuig"}  # in the fixture, no rule fires on this
LOKAAL_SOFT = {**WONING_2G, "premises_type": "lokaal", "hard_drugs_g": 0, "soft_drugs_g": 6}
ON = date(2026, 3, 1)


class _Abort(BaseException):
    """Stands in for KeyboardInterrupt/SystemExit raised inside an action."""


class _RaisingEngine(RulesEngine):
    """Test-only engine whose actions for the given rules raise."""

    def __init__(self, book: Rulebook, failing: dict[str, BaseException]) -> None:
        self._failing = failing
        super().__init__(book)

    def _action_for(self, version: RuleVersion, rule: Rule) -> Callable[[Any], None]:
        if rule.id not in self._failing:
            return super()._action_for(version, rule)
        error = self._failing[rule.id]

        def boom(_run: Any) -> None:
            raise error

        return boom


class _Spy:
    def __init__(self, real: Callable[..., Any]) -> None:
        self.real = real
        self.calls: list[tuple[Any, ...]] = []

    def __call__(self, *args: Any) -> Any:
        self.calls.append(args)
        return self.real(*args)


def _fired(engine: RulesEngine, power: str, facts: dict[str, Any], on: date) -> tuple[str, ...]:
    return tuple(entry.rule for entry in engine.evaluate(power, facts, on).fired)


def _input_pool(fixture_engine: RulesEngine, real_engine: RulesEngine) -> list[tuple[Any, ...]]:
    """750 fixture inputs (cheap, many no-match) and 250 from rules/ when it has powers."""
    pool = [(fixture_engine, *item) for item in random_inputs(fixture_engine.book, 750, seed=1)]
    if real_engine.book.powers:
        pool += [(real_engine, *item) for item in random_inputs(real_engine.book, 250, seed=2)]
    return pool


@pytest.fixture(scope="module")
def raising_engine(fixture_book: Rulebook) -> RulesEngine:
    return _RaisingEngine(fixture_book, {"evenredigheid_woning": ValueError("kapot")})


# ------------------------------------------------------------------------------------ threads, dispatcher


def test_threaded_results_equal_sequential_when_switching_every_10_microseconds(
    fixture_engine: RulesEngine, real_engine: RulesEngine
) -> None:
    pool = _input_pool(fixture_engine, real_engine)
    sequential = [_fired(e, p, f, on) for e, p, f, on in pool]
    orders = [random.Random(seed).choices(range(len(pool)), k=2000) for seed in range(8)]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)
    try:
        with ThreadPoolExecutor(max_workers=8) as threads:
            got = list(threads.map(lambda order: [_fired(*pool[i]) for i in order], orders))
    finally:
        sys.setswitchinterval(interval)
    assert got == [[sequential[i] for i in order] for order in orders]
    assert fixture_engine.live_sessions == real_engine.live_sessions == 0


def test_starts_no_threads_when_engine_is_built_and_used(fixture_book: Rulebook) -> None:
    before = threading.active_count()
    engine = RulesEngine(fixture_book)
    assert threading.active_count() == before
    for _ in range(500):
        engine.evaluate("proef", WONING_2G, ON)
        engine.evaluate("proef", NO_MATCH, ON)
    assert threading.active_count() == before
    assert not [t for t in threading.enumerate() if isinstance(t, threading.Timer)]


# --------------------------------------------------------------------------------------- sessions


def test_evaluates_when_more_than_1024_evaluations_failed_before(raising_engine: RulesEngine) -> None:
    outcomes = {"rejected": 0, "action_error": 0, "no_match": 0}
    for i in range(2100):
        kind = ("rejected", "action_error", "no_match")[i % 3]
        if kind == "rejected":
            with pytest.raises(FactsRejected):
                raising_engine.evaluate("proef", {**WONING_2G, "hard_drugs_g": "2"}, ON)
        elif kind == "action_error":
            with pytest.raises(RuleActionError):
                raising_engine.evaluate("proef", WONING_2G, ON)
        else:
            assert _fired(raising_engine, "proef", NO_MATCH, ON) == ()
        outcomes[kind] += 1
    assert outcomes["action_error"] + outcomes["no_match"] > 1024
    assert _fired(raising_engine, "proef", LOKAAL_SOFT, ON) == ("bevoegd_handelshoeveelheid_softdrugs",)
    assert raising_engine.live_sessions == 0


def test_raises_rule_action_error_naming_rule_when_action_raises(
    raising_engine: RulesEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    spy = _Spy(C.delete_state)
    monkeypatch.setattr(C, "delete_state", spy)
    errors_before = raising_engine.stats()["errors"]
    with pytest.raises(RuleActionError) as caught:
        raising_engine.evaluate("proef", WONING_2G, ON)
    assert "evenredigheid_woning" in str(caught.value)
    assert caught.value.details["rules"] == ["evenredigheid_woning"]
    assert caught.value.details["errors"] == ["evenredigheid_woning: ValueError('kapot')"]
    assert caught.value.details["ruleset"] == "proef__20250701_r2"
    assert len(spy.calls) == 1 and spy.calls[0][0] == raising_engine._handles["proef__20250701_r2"]
    assert raising_engine.live_sessions == 0
    assert raising_engine.stats()["errors"] == errors_before + 1


def test_reraises_base_exception_after_cleanup_when_action_is_interrupted(fixture_book: Rulebook) -> None:
    engine = _RaisingEngine(fixture_book, {"evenredigheid_woning": _Abort()})
    with pytest.raises(_Abort):
        engine.evaluate("proef", WONING_2G, ON)
    assert engine.live_sessions == 0
    assert _fired(engine, "proef", LOKAAL_SOFT, ON) == ("bevoegd_handelshoeveelheid_softdrugs",)


class _CountingEngine(RulesEngine):
    """Test-only engine that counts how often each rule's action runs."""

    def __init__(self, book: Rulebook) -> None:
        self.runs: dict[str, int] = {}
        super().__init__(book)

    def _action_for(self, version: RuleVersion, rule: Rule) -> Callable[[Any], None]:
        action = super()._action_for(version, rule)

        def counted(run: Any) -> None:
            self.runs[rule.id] = self.runs.get(rule.id, 0) + 1
            action(run)

        return counted


def test_runs_a_rule_once_when_several_branches_of_its_or_match(fixture_book: Rulebook) -> None:
    # An $or compiles to one alternative per branch and each matching one starts the action: 5,029 of
    # 20,051 random inputs used to drain 13,963 extra actions. Both amounts exceed the threshold here.
    engine = _CountingEngine(fixture_book)
    both = {**WONING_2G, "lijst_ia_g": 3.0}
    fired = _fired(engine, "proef", both, ON)
    assert fired.count("bevoegd_handelshoeveelheid_harddrugs") == 1
    assert engine.runs["bevoegd_handelshoeveelheid_harddrugs"] == 1


def test_fires_every_matching_rule_when_fact_is_asserted_once(fixture_engine: RulesEngine) -> None:
    # `post` would give each event to the first matching rule only.
    facts = {**WONING_2G, "offence": "tweede"}
    assert _fired(fixture_engine, "proef", facts, date(2025, 1, 1)) == (
        "bevoegd_handelshoeveelheid_harddrugs", "beleid_sluiting_herhaling", "evenredigheid_woning")


def test_gives_same_result_when_identical_facts_are_evaluated_twice(fixture_engine: RulesEngine) -> None:
    # In one session an identical fact raises MessageObservedException; every evaluation has its own.
    first = fixture_engine.evaluate("proef", WONING_2G, ON)
    assert fixture_engine.evaluate("proef", WONING_2G, ON) == first


# One rule that can only match a fact without `offence`, one that also matches the case fact.
EMPTY_FACT_RULES = """
  - id: zonder_overtreding
    legal_basis:
      title: Opiumwet art. 13b lid 1
      href: https://wetten.overheid.nl/jci1.3:c:BWBR0001941&artikel=13b&g=2019-01-01
    conclusion: {finding: beleid, value: geen}
    explanation: Matches no complete fact; the session's state fact and the sentinel lack offence.
    all:
      - m: {$nex: {offence: 1}}
  - id: voertuig_of_zonder_type
    legal_basis:
      title: Opiumwet art. 13b lid 1
      href: https://wetten.overheid.nl/jci1.3:c:BWBR0001941&artikel=13b&g=2019-01-01
    conclusion: {finding: beleid, value: voertuig}
    explanation: Matches a vehicle, and also every fact without premises_type.
    all:
      - m: {$or: [{premises_type: voertuig}, {$nex: {premises_type: 1}}]}
"""


def test_counts_only_case_fact_matches_when_rules_also_match_state_and_sentinel(tmp_path: Path) -> None:
    # The session's state fact {sid, id, $s} and the sentinel pass the same network. durable's Host counts
    # their matches too and, writing the state back after every action, re-fires such a rule forever.
    root = tmp_path / "rules"
    shutil.copytree(FIXTURE_RULES, root)
    first = root / "proef" / "rules-2019-01-01.yaml"
    first.write_text(first.read_text(encoding="utf-8") + EMPTY_FACT_RULES, encoding="utf-8")
    book = Rulebook.load(root)
    engine = RulesEngine(book)
    assert _fired(engine, "proef", NO_MATCH, ON) == ("voertuig_of_zonder_type",)
    assert "voertuig_of_zonder_type" not in _fired(engine, "proef", WONING_2G, ON)
    inputs = random_inputs(book, 400, seed=3)
    expected = [oracle.evaluate(book, *item) for item in inputs]
    assert [] in expected  # the sentinel path is exercised
    assert [list(_fired(engine, *item)) for item in inputs] == expected
    assert engine.live_sessions == 0


def test_raises_engine_error_and_cleans_up_when_action_message_is_unrecognised(
    fixture_book: Rulebook, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Matches are classified by their exact text; a format the wrapper does not know never becomes a result.
    engine = RulesEngine(fixture_book)
    real = C.start_action_for_state
    monkeypatch.setattr(C, "start_action_for_state", lambda h, o: (real(h, o)[0], '{"x":{"m":{}}}'))
    with pytest.raises(EngineError) as caught:
        engine.evaluate("proef", WONING_2G, ON)
    assert caught.value.details["meaning"] == "unrecognised action message"
    assert caught.value.details["ruleset"] == "proef__20250701_r2"
    monkeypatch.undo()
    assert engine.live_sessions == 0
    assert _fired(engine, "proef", LOKAAL_SOFT, ON) == ("bevoegd_handelshoeveelheid_softdrugs",)


def test_refuses_to_start_when_durable_is_not_the_verified_release(
    fixture_book: Rulebook, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The direct path relies on the C calls and result format of one release; an upgrade is re-verified.
    monkeypatch.setattr(rules_engine, "ENGINE", "durable-rules 2.0.29")
    with pytest.raises(EngineError) as caught:
        RulesEngine(fixture_book)
    assert "2.0.28" in caught.value.details["meaning"]


def test_bypasses_durables_python_host_when_the_wrapper_is_imported() -> None:
    code = "import sys, app.rules_engine; sys.exit('durable.engine' in sys.modules or 'durable.lang' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, check=False, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]


# ------------------------------------------------------------------------------------------ sids


def test_mirrors_engine_session_hash_when_sids_collide(fixture_engine: RulesEngine) -> None:
    assert fnv1a_32("case-478212") == fnv1a_32("case-1221200")
    assert fnv1a_32("case-478212") != fnv1a_32("case-478213")
    handle = fixture_engine._handles["proef__20250701_r2"]
    fact = json.dumps({**WONING_2G, "p_eigen_gebruik_harddrugs_g": 1, "sid": "case-478212"})
    _code, offset = C.assert_fact(handle, fact)
    try:
        # The engine finds sessions by that hash alone: the other sid sees this session's state.
        assert json.loads(C.get_state(handle, "case-1221200"))["sid"] == "case-478212"
    finally:
        assert rules_engine._drain(handle, offset, fact)  # an action ran: delete_state is safe
        C.delete_state(handle, "case-478212")


def test_redraws_sid_when_hash_collides_with_live_session(
    fixture_book: Rulebook, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = RulesEngine(fixture_book)
    sids = iter(["case-478212", "case-1221200", "case-3"])
    engine.draw_sid = lambda: next(sids)
    held_sid, held_key = engine._claim_sid()  # a session that is still live in another thread
    spy = _Spy(C.assert_fact)
    monkeypatch.setattr(C, "assert_fact", spy)
    assert _fired(engine, "proef", LOKAAL_SOFT, ON) == ("bevoegd_handelshoeveelheid_softdrugs",)
    assert held_sid == "case-478212"
    assert {json.loads(call[1])["sid"] for call in spy.calls} == {"case-3"}
    assert engine.stats()["sid_redraws"] == 1
    assert engine.live_sessions == 1
    engine._live.discard(held_key)


# -------------------------------------------------------------------------------------- coercion


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("hard_drugs_g", "120"),
        ("medical_practice", 1),
        ("medical_practice", "true"),
        ("hard_drugs_g", True),
        ("premises_type", "Woning"),
        ("offence", None),
        ("hard_drugs_g", float("nan")),
        ("hard_drugs_g", float("inf")),
        ("soft_drugs_g", [1]),
        ("premises_type", {"woning": 1}),
        ("hard_drugs_g", -1),
        ("lijst_ia_g", 100_001),
        ("hard_drugs_g", 2**60),
        ("hard_drugs_g", 2e-05),
    ],
)
def test_rejects_facts_before_engine_when_value_has_wrong_type(
    fixture_engine: RulesEngine, monkeypatch: pytest.MonkeyPatch, field: str, value: Any
) -> None:
    spy = _Spy(C.assert_fact)
    monkeypatch.setattr(C, "assert_fact", spy)
    with pytest.raises(FactsRejected) as caught:
        fixture_engine.evaluate("proef", {**WONING_2G, field: value}, ON)
    assert list(caught.value.errors) == [field]
    assert spy.calls == []


@pytest.mark.parametrize("change", ["extra", "missing"])
def test_rejects_facts_before_engine_when_keys_differ(
    fixture_engine: RulesEngine, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    spy = _Spy(C.assert_fact)
    monkeypatch.setattr(C, "assert_fact", spy)
    facts = {**WONING_2G, "weapon_found": True} if change == "extra" else {**WONING_2G}
    facts.pop("offence") if change == "missing" else None
    with pytest.raises(FactsRejected) as caught:
        fixture_engine.evaluate("proef", facts, ON)
    assert list(caught.value.errors) == ["weapon_found" if change == "extra" else "offence"]
    assert spy.calls == []


def test_engine_coerces_silently_when_the_check_is_bypassed(fixture_engine: RulesEngine) -> None:
    # Why the check exists: the engine compares "100" >= 5 as text ("1" < "5") and simply does not fire.
    version = fixture_engine.book.version_for("proef", ON)
    params = fixture_engine.book.parameters_for("proef", ON).fact_entries
    fired = fixture_engine.run(version, {**LOKAAL_SOFT, **params, "soft_drugs_g": 6})
    assert "bevoegd_handelshoeveelheid_softdrugs" in fired
    fired = fixture_engine.run(version, {**LOKAAL_SOFT, **params, "soft_drugs_g": "100"})
    assert "bevoegd_handelshoeveelheid_softdrugs" not in fired
    assert fixture_engine.live_sessions == 0


def test_engine_fails_on_exponent_numbers_when_the_check_is_bypassed(fixture_engine: RulesEngine) -> None:
    # Why tiny numbers are rejected: json writes 2e-05, which the engine's parser refuses (error 204).
    version = fixture_engine.book.version_for("proef", ON)
    with pytest.raises(EngineError) as caught:
        fixture_engine.run(version, {**WONING_2G, "hard_drugs_g": 2e-05})
    assert caught.value.details["code"] == 204
    assert fixture_engine.live_sessions == 0


# --------------------------------------------------------------------------------- engine errors


@pytest.mark.parametrize("code", [105, 202, 204, 302, 307, 309])
def test_translates_engine_code_when_engine_fails(code: int) -> None:
    error = engine_error(Exception(f"Could not assert fact, error code: {code}"), "proef__20190101")
    assert error.details["code"] == code
    assert error.details["ruleset"] == "proef__20190101"
    assert error.details["meaning"] != "unexpected engine error"


def test_raises_engine_error_and_cleans_up_when_fact_has_too_many_properties(
    fixture_engine: RulesEngine,
) -> None:
    version = fixture_engine.book.version_for("proef", ON)
    with pytest.raises(EngineError) as caught:
        fixture_engine.run(version, {f"k{i}": i for i in range(300)})
    assert caught.value.details["code"] == 302
    assert fixture_engine.live_sessions == 0


def test_logs_and_continues_when_deleted_session_is_unknown(
    fixture_engine: RulesEngine, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="app.rules_engine"):
        fixture_engine._end_session("proef__20190101", "never-used", fnv1a_32("never-used"))
    assert "session already gone" in caplog.text


def test_raises_engine_error_when_ruleset_is_registered_twice(fixture_engine: RulesEngine) -> None:
    with pytest.raises(EngineError):
        fixture_engine._register(fixture_engine.book.versions("proef")[0])


# ---------------------------------------------------------------------------------- input, trace


@pytest.mark.parametrize("root", [FIXTURE_RULES, RULES], ids=["fixtures", "rules"])
def test_leaves_parsed_rules_untouched_when_registered_and_evaluated(root: Path) -> None:
    book = Rulebook.load(root)
    versions = [v for power in book.powers for v in book.versions(power)]
    before = copy.deepcopy([[(r.raw, r.condition) for r in v.rules] for v in versions])
    engine = RulesEngine(book)
    for power in book.powers:
        for case in book.cases(power):
            engine.evaluate(power, case_facts(book, power, case), case.date)
    assert [[(r.raw, r.condition) for r in v.rules] for v in versions] == before
    assert all(v.sha256 == fingerprint(v.rules) for v in versions)


def test_traces_only_referenced_facts_and_parameters_when_rule_fires(fixture_engine: RulesEngine) -> None:
    assessment = fixture_engine.evaluate("proef", {**WONING_2G, "offence": "tweede"}, date(2024, 6, 1))
    entry = assessment.findings("beleid")[0]
    assert entry.rule == "beleid_sluiting_herhaling"
    assert entry.facts == {"offence": "tweede"}
    assert set(entry.parameters) == {"sluiting_vanaf", "sanctie_herhaling"}
    assert entry.parameters["sanctie_herhaling"].value == {"maatregel": "sluiting", "maanden": 6}
    assert entry.legal_basis["href"].endswith("g=2019-01-01")
    assert (assessment.engine, assessment.ruleset) == (ENGINE, "proef__20190101")
    assert assessment.rules_sha256 == fixture_engine.book.version_for("proef", date(2024, 6, 1)).sha256
    assert "p_sluiting_vanaf" not in assessment.facts and "sid" not in assessment.facts
    assert {e.rule for e in assessment.not_fired} >= {"uitzondering_praktijk_lid_2", "geen_drugs_gevonden"}


def test_round_trips_assessment_when_serialised(fixture_engine: RulesEngine) -> None:
    assessment = fixture_engine.evaluate("proef", WONING_2G, ON)
    assert type(assessment).from_dict(assessment.to_dict()) == assessment


# ------------------------------------------------------------------------------------- boundaries


def test_imports_durable_only_in_rules_engine_when_app_is_scanned() -> None:
    offenders = []
    for path in sorted((REPO / "app").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            names += [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            if any(n.split(".")[0] in ("durable", "durable_rules_engine") for n in names):
                offenders.append(path.relative_to(REPO).as_posix())
    assert set(offenders) == {"app/rules_engine.py"}


def test_raises_rules_not_in_force_when_date_precedes_first_version(fixture_engine: RulesEngine) -> None:
    with pytest.raises(RulesNotInForce):
        fixture_engine.evaluate("proef", WONING_2G, date(2018, 12, 31))


def test_uses_new_file_when_evaluating_on_boundary_day(fixture_engine: RulesEngine) -> None:
    before = fixture_engine.evaluate("proef", WONING_2G, date(2025, 6, 30))
    after = fixture_engine.evaluate("proef", WONING_2G, date(2025, 7, 1))
    assert (before.ruleset, after.ruleset) == ("proef__20190101", "proef__20250701_r2")
    assert "oordeel_eerste_overtreding_woning" in [e.rule for e in after.fired]


# ------------------------------------------------------------------------------------------- slow


def _rss_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS in /proc/self/status")


@pytest.mark.slow
def test_rss_stays_flat_when_evaluating_100000_times(
    fixture_engine: RulesEngine, real_engine: RulesEngine
) -> None:
    # Sessions cost the same whatever the ruleset: mostly the cheap fixture, every 25th from rules/.
    pool = _input_pool(fixture_engine, real_engine)
    cheap, real = pool[:750], pool[750:] or pool[:750]
    for engine, power, facts, on in pool * 3:
        engine.evaluate(power, facts, on)
    start = _rss_kib()
    for i in range(100_000):
        engine, power, facts, on = real[i % len(real)] if i % 25 == 0 else cheap[i % len(cheap)]
        engine.evaluate(power, facts, on)
    grown_mib = (_rss_kib() - start) / 1024
    assert grown_mib < 5, f"RSS grew {grown_mib:.1f} MiB over 100,000 evaluations"


@pytest.mark.slow
def test_rules_tests_pass_when_malloc_poisons_freed_memory() -> None:
    env = {**os.environ, "MALLOC_PERTURB_": "165"}
    tests = ["tests/rules/test_cases.py", "tests/rules/test_engine_hazards.py"]
    command = [sys.executable, "-m", "pytest", *tests, "-m", "not slow", "-q", "-x",
               "-p", "no:cacheprovider", "-p", "no:pytest_alembic"]
    options = {"cwd": REPO, "env": env, "capture_output": True, "text": True, "timeout": 600}
    done = subprocess.run(command, check=False, **options)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert " passed" in done.stdout
