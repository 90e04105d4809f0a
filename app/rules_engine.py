"""The only module that imports durable_rules: one hardened, synchronous evaluation per call.

It drives durable's C engine (`durable_rules_engine`) directly; durable's Python `Host` layer is not used.
Why it looks like this (measured; see docs/rules-engine.md):
- The Host starts self-rescheduling Timer threads that steal actions and crash under threads, and per fired
  rule it re-parses the whole fact, builds objects and writes the session state back (a rule that matches
  that state fact re-fires forever). Here: one C handle per rules version, no threads, no state writes.
- `post` creates an event that only the first matching rule consumes, and `assert_facts` aborts on the
  first unmatched fact: we assert exactly one flat fact per evaluation, with `assert_fact`.
- Sessions keep facts (an identical fact is "observed") and there are only 1024 per ruleset: every
  evaluation gets a fresh sid, at most 256 run at once, and the session is deleted in `finally`.
- `delete_state` frees uninitialised memory when no action started, so a sentinel fact always fires one rule.
- Sessions are found by a 32-bit FNV-1a hash of the sid alone: live sids with equal hashes would share
  a session, so a colliding sid is redrawn.
- The session's own state fact ({sid, id, $s}) and the sentinel go through the same network as the case
  fact. Only matches on the case fact count: the C engine echoes the exact JSON it was given, so each
  match is classified by its text, and anything unrecognised is an EngineError, never a silent result.
- Actions run in Python after the engine is done with the session; an exception becomes
  `RuleActionError` naming the rules. Engine error codes become `EngineError` with a meaning.
- The engine gets a deep copy of each condition; the trace uses the pristine file.
- The C engine never releases the GIL: threads give safety, not speed. Scale with processes.
The loader (app.rulebook) has already rejected anything outside the supported condition subset.
"""

from __future__ import annotations

import copy
import itertools
import json
import logging
import re
import threading
from collections.abc import Callable, Mapping
from datetime import date
from importlib import metadata
from typing import Any

import durable_rules_engine as _c

from app.domain.assessment import Assessment
from app.domain.errors import EngineError, RuleActionError
from app.rulebook import Overlay, Rulebook, RuleVersion
from app.rulebook.rule import Rule
from app.rulebook.trace import build_assessment

__all__ = ["ENGINE", "RulesEngine", "build_assessment", "engine_definition", "fnv1a_32"]

VERIFIED = "2.0.28"  # the C calls and the result format below were checked against this release
ENGINE = f"durable-rules {metadata.version('durable-rules')}"
SENTINEL_RULE = "__eval_end__"
SENTINEL_KEY = "__eval_end__"
MAX_LIVE_SESSIONS = 256  # the engine has 1024 session slots per ruleset; stay far below
HANDLED, NOT_HANDLED = 0, 1  # assert_fact's first result; 2 (observed) and 3 (deferred) are errors here
ENGINE_CODES = {
    105: "unknown name in a rule definition",
    202: "operator or string the engine cannot parse",
    204: "a number the engine cannot parse (an exponent without a fraction, e.g. 2e-05)",
    302: "a fact with more than 255 properties",
    307: "action completed on a deleted node (seen under threads)",
    309: "unknown session id",
}
_ASSERT_CODES = {2: "the session has already observed this fact", 3: "the fact was deferred"}
_CODE = re.compile(r"error code: (\d+)")
_log = logging.getLogger(__name__)
_dumps = json.JSONEncoder(ensure_ascii=False).encode  # the Host's json.dumps(..., ensure_ascii=False)

Action = Callable[["_Run"], None]


class _Run:
    """What the actions of one evaluation report."""

    __slots__ = ("fired",)

    def __init__(self) -> None:
        self.fired: list[str] = []


def fnv1a_32(text: str) -> int:
    """The engine's session key: 32-bit FNV-1a over the sid's bytes, as C `char` (signed on x86)."""
    value = 0x811C9DC5
    for byte in text.encode("utf-8"):
        value = ((value ^ (byte | 0xFFFFFF00 if byte >= 0x80 else byte)) * 0x01000193) & 0xFFFFFFFF
    return value


def engine_definition(version: RuleVersion) -> dict[str, Any]:
    """The ruleset as durable wants it: metadata stripped, conditions deep-copied, plus the sentinel."""
    body: dict[str, Any] = {rule.id: {"all": copy.deepcopy(rule.condition)} for rule in version.rules}
    body[SENTINEL_RULE] = {"all": [{"m": {SENTINEL_KEY: 1}}]}
    return {version.ruleset: body}


def engine_error(exc: BaseException, ruleset: str) -> EngineError:
    """EngineError with the engine code (if any) and what it means."""
    code = error_code(exc)
    meaning = ENGINE_CODES.get(code, "unexpected engine error") if code else type(exc).__name__
    return EngineError(ruleset=ruleset, code=code, meaning=meaning, engine_text=repr(exc))


def error_code(exc: BaseException) -> int | None:
    """The numeric code in durable's "..., error code: 309" messages."""
    match = _CODE.search(str(exc))
    return int(match.group(1)) if match else None


def _tail(fact_json: str) -> str:
    # A match arrives as {"<rule id>":{"m":<the fact's JSON exactly as asserted>}}; rule ids are snake_case.
    return '":{"m":' + fact_json + "}}"


def _drain(handle: int, offset: int, fact_json: str) -> list[str] | None:
    """Start and complete every pending action of one session (None if none was available).

    Returns the ids of the rules that matched the fact `fact_json`; matches on the session's state fact
    are completed and dropped (the fact is complete, so a rule matching an empty fact says nothing).
    """
    started = _c.start_action_for_state(handle, offset)
    if started is None:
        return None
    tail, state_tail = _tail(fact_json), _tail(started[0])
    cut = -len(tail)
    names = []
    message: str | None = started[1]
    while message is not None:
        if message.endswith(tail) and message.startswith('{"'):
            names.append(message[2:cut])
        elif not message.endswith(state_tail):
            raise EngineError(code=None, meaning="unrecognised action message", engine_text=message[:200])
        message = _c.complete_and_start_action(handle, offset)
    return names


class RulesEngine:
    """Every rules version of a Rulebook registered once; `evaluate` is safe to call from threads."""

    engine = ENGINE

    def __init__(self, book: Rulebook) -> None:
        if ENGINE != f"durable-rules {VERIFIED}":
            raise EngineError(code=None, meaning=f"the direct C path is verified on {VERIFIED} only",
                              engine_text=ENGINE)
        self._book = book
        self._slots = threading.BoundedSemaphore(MAX_LIVE_SESSIONS)
        self._lock = threading.Lock()
        self._live: set[int] = set()
        self._stats = {"evaluations": 0, "errors": 0, "sid_redraws": 0}
        counter = itertools.count(1)
        # Short sids keep the hash cheap; uniqueness among live sessions is what the hash set guards.
        self.draw_sid: Callable[[], str] = lambda: f"s{next(counter)}"
        self._handles: dict[str, int] = {}
        self._actions: dict[str, dict[str, Action]] = {}
        for version in (v for power in book.powers for v in book.versions(power)):
            self._actions[version.ruleset] = {r.id: self._action_for(version, r) for r in version.rules}
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

    def evaluate(self, power: str, facts: Mapping[str, Any], on: date, *, beslisdatum: date | None = None,
                 overlay: Overlay | None = None) -> Assessment:
        """Check the facts, run the rules in force on `on` (policy on `beslisdatum`, with `overlay`): the Assessment.

        Raises:
            UnknownPower, RulesNotInForce, ParameterNotInForce, FactsRejected (the engine is not called),
            RuleActionError, EngineError.
        """
        book = self._book
        version = book.version_for(power, on)
        params = book.parameters_for(power, on, beslisdatum=beslisdatum, overlay=overlay)
        fact = book.checked_fact(power, facts, params)
        fired = self.run(version, fact)
        return build_assessment(version, facts, params, fired, on, engine=ENGINE, beslisdatum=beslisdatum)

    def run(self, version: RuleVersion, fact: dict[str, Any]) -> list[str]:
        """Ids of the rules that fire on one checked flat fact (which gets a `sid`).

        Raises:
            RuleActionError, EngineError.
        """
        ruleset = version.ruleset
        if ruleset not in self._handles:
            raise EngineError(ruleset=ruleset, code=None, meaning="ruleset not registered", engine_text="")
        with self._slots:
            sid, key = self._claim_sid()
            try:
                matched = self._session(ruleset, fact, sid)
            finally:
                self._end_session(ruleset, sid, key)
        run, actions, errors = _Run(), self._actions[ruleset], []
        # A condition with $or compiles to one alternative per branch, and each matching branch starts the
        # action again: a rule fires once per evaluation, whatever number of its branches matched.
        for rule_id in dict.fromkeys(matched):
            try:
                actions[rule_id](run)
            except BaseException as exc:  # noqa: BLE001 - reported together, after every action ran
                errors.append((rule_id, exc))
        if errors:
            raise self._action_error(version, errors)
        return run.fired

    def _action_for(self, version: RuleVersion, rule: Rule) -> Action:
        """What a fired rule does: only note its id (a test subclass may make it raise)."""
        rule_id = rule.id

        def fire(run: _Run) -> None:
            run.fired.append(rule_id)

        return fire

    def _register(self, version: RuleVersion) -> None:
        name = version.ruleset
        if name in self._handles:  # the C engine would silently create a second ruleset of that name
            raise EngineError(ruleset=name, code=None, meaning="ruleset already registered", engine_text="")
        try:
            self._handles[name] = _c.create_ruleset(name, _dumps(engine_definition(version)[name]))
        except Exception as exc:  # durable_rules_engine.error, MemoryError
            raise engine_error(exc, name) from exc

    def _session(self, ruleset: str, fact: dict[str, Any], sid: str) -> list[str]:
        """Assert the fact once in a fresh session and drain it; the sentinel fires if nothing started."""
        handle = self._handles[ruleset]
        fact["sid"] = sid
        try:
            text = _dumps(fact)
            code, offset = _c.assert_fact(handle, text)
            if code == HANDLED:
                matched = _drain(handle, offset, text)
                if matched is not None:
                    return matched
            elif code != NOT_HANDLED:
                raise EngineError(ruleset=ruleset, code=None, meaning=_ASSERT_CODES.get(code, str(code)),
                                  engine_text=f"assert_fact result {code}")
            sentinel = _dumps({SENTINEL_KEY: 1, "sid": sid})
            code, offset = _c.assert_fact(handle, sentinel)
            if code != HANDLED or SENTINEL_RULE not in (_drain(handle, offset, sentinel) or ()):
                raise EngineError(ruleset=ruleset, code=None, meaning="the sentinel rule did not fire",
                                  engine_text=f"assert_fact result {code}")
            return []
        except EngineError as exc:
            self._count("errors")
            exc.details.setdefault("ruleset", ruleset)
            raise
        except Exception as exc:  # durable_rules_engine.error (codes), MemoryError, anything else
            self._count("errors")
            raise engine_error(exc, ruleset) from exc

    def _end_session(self, ruleset: str, sid: str, key: int) -> None:
        try:
            _c.delete_state(self._handles[ruleset], sid)
        except _c.error as exc:
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
