"""The only module that imports durable_rules: one hardened, synchronous evaluation per call.

Why it looks like this (measured; see docs rules-engine.md section 4):
- durable's default Host starts self-rescheduling Timer threads that steal actions and, through a
  use-after-free, crash under threads. `_SyncHost._run` starts nothing; actions run in the calling thread.
- `post` creates an event that only the first matching rule consumes, and `assert_facts` aborts on the
  first unmatched fact: we assert exactly one flat fact per evaluation, with `assert_fact`.
- Sessions keep facts (an identical fact raises) and there are only 1024 per ruleset: every evaluation
  gets a fresh sid, at most 256 run at once, and the session is deleted in `finally`.
- `delete_state` frees uninitialised memory when no action ran, so a sentinel fact always fires one rule.
- Sessions are found by a 32-bit FNV-1a hash of the sid alone: live sids with equal hashes would share
  a session, so a colliding sid is redrawn.
- Exceptions in actions are swallowed into the session state; our actions catch and record them, and
  `RuleActionError` is raised after cleanup. Engine error codes become `EngineError` with a meaning.
- `register_rulesets` mutates its input, so the engine gets deep copies; the trace uses the pristine file.
- The C engine never releases the GIL: threads give safety, not speed. Scale with processes.
The loader (app.rulebook) has already rejected anything outside the supported condition subset.
"""

from __future__ import annotations

import contextvars
import copy
import itertools
import logging
import re
import threading
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

import durable_rules_engine
from durable import engine as durable

from app.domain.assessment import Assessment
from app.domain.errors import EngineError, RuleActionError
from app.rulebook import Rulebook, RuleVersion
from app.rulebook.rule import Rule
from app.rulebook.trace import build_assessment

__all__ = ["ENGINE", "RulesEngine", "build_assessment", "engine_definition", "fnv1a_32"]

ENGINE = "durable-rules 2.0.28"
SENTINEL_RULE = "__eval_end__"
SENTINEL_KEY = "__eval_end__"
SENTINEL_ACTION = "__eval_end__"
MAX_LIVE_SESSIONS = 256  # the engine has 1024 session slots per ruleset; stay far below
ENGINE_CODES = {
    105: "unknown name in a rule definition",
    202: "operator or string the engine cannot parse",
    204: "a number the engine cannot parse (an exponent without a fraction, e.g. 2e-05)",
    302: "a fact with more than 255 properties",
    307: "action completed on a deleted node (seen under threads)",
    309: "unknown session id",
}
_CODE = re.compile(r"error code: (\d+)")
_log = logging.getLogger(__name__)

Action = Callable[["_Run"], None]


class _Run:
    """What the actions of one evaluation report; found through a context variable."""

    __slots__ = ("actions_ran", "errors", "fired")

    def __init__(self) -> None:
        self.actions_ran = False
        self.fired: list[str] = []
        self.errors: list[tuple[str, BaseException]] = []


_current_run: contextvars.ContextVar[_Run] = contextvars.ContextVar("bevoegd_rules_run")


class _SyncHost(durable.Host):
    """A Host without the dispatcher: actions run inline, in the thread that asserted the fact."""

    def __init__(self, actions: dict[str, Callable[[Any], None]]) -> None:
        self._actions = actions
        super().__init__()

    def _run(self) -> None:  # the base class starts its Timer threads here
        return None

    def get_action(self, action_name: str) -> Callable[[Any], None]:
        return self._actions[action_name]


def fnv1a_32(text: str) -> int:
    """The engine's session key: 32-bit FNV-1a over the sid's bytes, as C `char` (signed on x86)."""
    value = 0x811C9DC5
    for byte in text.encode("utf-8"):
        value = ((value ^ (byte | 0xFFFFFF00 if byte >= 0x80 else byte)) * 0x01000193) & 0xFFFFFFFF
    return value


def engine_definition(version: RuleVersion) -> dict[str, Any]:
    """The ruleset as durable wants it: metadata stripped, deep-copied, one named action per rule."""
    body: dict[str, Any] = {
        rule.id: {"all": copy.deepcopy(rule.condition), "run": action_name(version, rule)}
        for rule in version.rules
    }
    body[SENTINEL_RULE] = {"all": [{"m": {SENTINEL_KEY: 1}}], "run": SENTINEL_ACTION}
    return {version.ruleset: body}


def action_name(version: RuleVersion, rule: Rule) -> str:
    return f"{version.ruleset}:{rule.id}"


def engine_error(exc: BaseException, ruleset: str) -> EngineError:
    """EngineError with the engine code (if any) and what it means."""
    code = error_code(exc)
    meaning = ENGINE_CODES.get(code, "unexpected engine error") if code else type(exc).__name__
    return EngineError(ruleset=ruleset, code=code, meaning=meaning, engine_text=repr(exc))


def error_code(exc: BaseException) -> int | None:
    """The numeric code in durable's "..., error code: 309" messages."""
    match = _CODE.search(str(exc))
    return int(match.group(1)) if match else None


def _sentinel_action(_closure: Any) -> None:
    _current_run.get().actions_ran = True


def _traced(rule_id: str, inner: Action) -> Callable[[Any], None]:
    # durable inspects co_argcount: the action must be a plain function of one argument.
    def action(_closure: Any) -> None:
        run = _current_run.get()
        run.actions_ran = True
        try:
            inner(run)
        except BaseException as exc:  # noqa: BLE001 - durable would swallow it into session state
            run.errors.append((rule_id, exc))

    return action


class RulesEngine:
    """Every rules version of a Rulebook registered once; `evaluate` is safe to call from threads."""

    engine = ENGINE

    def __init__(self, book: Rulebook) -> None:
        self._book = book
        self._slots = threading.BoundedSemaphore(MAX_LIVE_SESSIONS)
        self._lock = threading.Lock()
        self._live: set[int] = set()
        self._stats = {"evaluations": 0, "errors": 0, "sid_redraws": 0}
        counter = itertools.count(1)
        # Short sids keep the hash cheap; uniqueness among live sessions is what the hash set guards.
        self.draw_sid: Callable[[], str] = lambda: f"s{next(counter)}"
        versions = [v for power in book.powers for v in book.versions(power)]
        actions = {SENTINEL_ACTION: _sentinel_action}
        for version in versions:
            for rule in version.rules:
                actions[action_name(version, rule)] = _traced(rule.id, self._action_for(version, rule))
        self._host = _SyncHost(actions)
        for version in versions:
            self._register(version)

    @property
    def book(self) -> Rulebook:
        return self._book

    @property
    def live_sessions(self) -> int:
        return len(self._live)

    def stats(self) -> dict[str, int]:
        """Counters for tests and metrics: live sessions, evaluations, errors, sid redraws."""
        with self._lock:
            return {"live_sessions": len(self._live), **self._stats}

    def evaluate(self, power: str, facts: Mapping[str, Any], on: date) -> Assessment:
        """Check the facts, run the rules version in force on `on`, and return the Assessment.

        Raises:
            UnknownPower, RulesNotInForce, ParameterNotInForce, FactsRejected (the engine is not called),
            RuleActionError, EngineError.
        """
        book = self._book
        version = book.version_for(power, on)
        params = book.parameters_for(power, on)
        fact = book.checked_fact(power, facts, params)
        fired = self.run(version, fact)
        return build_assessment(version, facts, params, fired, on, engine=ENGINE)

    def run(self, version: RuleVersion, fact: dict[str, Any]) -> list[str]:
        """Ids of the rules that fire on one checked flat fact (which gets a `sid`).

        Raises:
            RuleActionError, EngineError.
        """
        run = _Run()
        with self._slots:
            sid, key = self._claim_sid()
            token = _current_run.set(run)
            try:
                self._assert(version.ruleset, fact, sid, run)
            finally:
                _current_run.reset(token)
                self._end_session(version.ruleset, sid, key)
        if run.errors:
            raise self._action_error(version, run.errors)
        return run.fired

    def _action_for(self, version: RuleVersion, rule: Rule) -> Action:
        """What a fired rule does: only note its id (a test subclass may make it raise)."""
        rule_id = rule.id

        def fire(run: _Run) -> None:
            run.fired.append(rule_id)

        return fire

    def _register(self, version: RuleVersion) -> None:
        try:
            self._host.register_rulesets(engine_definition(version))
        except durable_rules_engine.error as exc:
            raise engine_error(exc, version.ruleset) from exc
        except Exception as exc:  # e.g. "already registered": durable raises a bare Exception
            error = EngineError(ruleset=version.ruleset, code=None, meaning=str(exc), engine_text=repr(exc))
            raise error from exc

    def _assert(self, ruleset: str, fact: dict[str, Any], sid: str, run: _Run) -> None:
        fact["sid"] = sid
        try:
            try:
                self._host.assert_fact(ruleset, fact)
            except durable.MessageNotHandledException:
                pass  # no rule matched: a result, not an error
            if not run.actions_ran:
                self._host.assert_fact(ruleset, {"sid": sid, SENTINEL_KEY: 1})
        except Exception as exc:  # MessageObservedException, error codes, anything else from the engine
            self._count("errors")
            raise engine_error(exc, ruleset) from exc

    def _end_session(self, ruleset: str, sid: str, key: int) -> None:
        try:
            self._host.delete_state(ruleset, sid)
        except durable_rules_engine.error as exc:
            if error_code(exc) == 309:
                _log.warning("rules engine: session already gone", extra={"ruleset": ruleset, "code": 309})
            else:
                self._count("errors")
                raise engine_error(exc, ruleset) from exc
        finally:
            with self._lock:
                self._live.discard(key)
                self._stats["evaluations"] += 1

    def _claim_sid(self) -> tuple[str, int]:
        with self._lock:
            while True:
                sid = self.draw_sid()
                key = fnv1a_32(sid)
                if key not in self._live:
                    self._live.add(key)
                    return sid, key
                self._stats["sid_redraws"] += 1

    def _count(self, name: str) -> None:
        with self._lock:
            self._stats[name] += 1

    def _action_error(self, version: RuleVersion, errors: list[tuple[str, BaseException]]) -> BaseException:
        self._count("errors")
        first = errors[0][1]
        if not isinstance(first, Exception):
            return first  # KeyboardInterrupt and friends: re-raised as they are, after cleanup
        rules = [rule_id for rule_id, _ in errors]
        error = RuleActionError(
            f"Een regel kon niet worden uitgevoerd: {', '.join(rules)}.",
            power=version.power,
            ruleset=version.ruleset,
            rules=rules,
            errors=[f"{rule_id}: {exc!r}" for rule_id, exc in errors],
        )
        error.__cause__ = first
        return error
