"""Assessments per second and p50/p99 latency: the durable_rules wrapper next to plain Python, same run.

Loops over the cases of every power (rules/<code>/cases.yaml) on one pinned core, in one process, one
table per power. Rows:
- RulesEngine.evaluate: the full assessment (version, parameters, strict check, engine, trace);
- engine only: RulesEngine.run on an already checked fact (what durable_rules itself costs: JSON
  encoding, one fresh session in the C engine, its actions drained, the session deleted);
- oracle: tests/rules/oracle.py (same check, plain-Python condition walk, no trace);
- oracle + trace: the oracle plus the same Assessment/trace building as production.

Absolute numbers are noisy on shared cores; the ratios within one run are what to watch. Run with
MALLOC_TOP_PAD_=67108864 MALLOC_TRIM_THRESHOLD_=268435456 (set by `make bench`).
Usage: python bench/bench_assessments.py [--power damocles --power huisverbod] [--seconds 3]
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests" / "rules")]

import oracle  # noqa: E402

from app.powers import power as spec_of  # noqa: E402
from app.rulebook import Rulebook  # noqa: E402
from app.rulebook.trace import build_assessment  # noqa: E402
from app.rules_engine import ENGINE, RulesEngine  # noqa: E402
from app.services.evaluation import facts_of_case  # noqa: E402

TARGET = 20_000
MALLOC = ("MALLOC_TOP_PAD_", "MALLOC_TRIM_THRESHOLD_")


def pin_one_core() -> str:
    """Pin to the last CPU we may use, so the figure is per core."""
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned"
    cpu = max(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return f"pinned to CPU {cpu}"


def measure(call: Callable[[Any], object], items: list[Any], seconds: float) -> dict[str, float]:
    """Repeat `call` over `items` for about `seconds`; per-call wall latency and CPU-time rate."""
    for item in items:  # warm caches (parameters per date, trace statics)
        call(item)
    latencies: list[int] = []
    clock, cpu_start = time.perf_counter_ns, time.process_time()
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        for item in items:
            start = clock()
            call(item)
            latencies.append(clock() - start)
    cpu = time.process_time() - cpu_start
    latencies.sort()
    return {
        "n": len(latencies),
        "rate": len(latencies) / (sum(latencies) / 1e9),
        "cpu_rate": len(latencies) / cpu,
        "p50": latencies[len(latencies) // 2] / 1000,
        "p99": latencies[int(len(latencies) * 0.99)] / 1000,
    }


Scenario = tuple[Callable[[Any], object], list[Any]]


def inputs(book: Rulebook, power: str) -> list[tuple[dict[str, Any], Any]]:
    """Each case's flat fact and date. A case written as a case file is turned into its flat fact once,
    before timing: the power's facts_from_case is not part of the rules evaluation being measured."""
    return [(facts_of_case(book, spec_of(power), case), case.date) for case in book.cases(power)]


def scenarios(book: Rulebook, engine: RulesEngine, power: str) -> dict[str, Scenario]:
    cases = inputs(book, power)
    prepared = []
    for facts, on in cases:
        version = book.version_for(power, on)
        prepared.append((version, book.checked_fact(power, facts, book.parameters_for(power, on))))

    def oracle_with_trace(item: tuple[Any, Any]) -> object:
        facts, on = item
        version, params = book.version_for(power, on), book.parameters_for(power, on)
        fired = oracle.fired(version, book.checked_fact(power, facts, params))
        return build_assessment(version, facts, params, fired, on, engine="oracle")

    return {
        "RulesEngine.evaluate (full assessment)": (lambda i: engine.evaluate(power, *i), cases),
        "engine only (RulesEngine.run, checked fact)": (lambda i: engine.run(i[0], dict(i[1])), prepared),
        "oracle (check + plain-Python conditions)": (lambda i: oracle.evaluate(book, power, *i), cases),
        "oracle + trace (full assessment)": (oracle_with_trace, cases),
    }


def check_agreement(book: Rulebook, engine: RulesEngine, power: str) -> int:
    """The bench compares like with like: engine and oracle fire the same rules on every case."""
    for case, (facts, on) in zip(book.cases(power), inputs(book, power), strict=True):
        fired = [e.rule for e in engine.evaluate(power, facts, on).fired]
        if fired != oracle.evaluate(book, power, facts, on):
            raise SystemExit(f"engine and oracle disagree on case {case.name!r}")
    return len(book.cases(power))


def table(results: dict[str, dict[str, float]]) -> str:
    oracle_rate = results["oracle + trace (full assessment)"]["rate"]
    lines = [
        "| path | assessments/s (wall) | per CPU-second | p50 µs | p99 µs | vs oracle + trace |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, r in results.items():
        lines.append(f"| {name} | {r['rate']:,.0f} | {r['cpu_rate']:,.0f} | {r['p50']:.1f} | "
                     f"{r['p99']:.1f} | {r['rate'] / oracle_rate:.2f}× |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--power", action="append", help="repeat for several; default: every power")
    parser.add_argument("--seconds", type=float, default=3.0, help="per row")
    args = parser.parse_args()
    pinned = pin_one_core()
    load_before = os.getloadavg()[0]
    book = Rulebook.load(REPO / "rules")
    engine = RulesEngine(book)
    missing = [name for name in MALLOC if name not in os.environ]
    malloc = "missing " + ", ".join(missing) if missing else "set"
    print(f"{ENGINE}, Python {platform.python_version()}, {platform.machine()}, {pinned}, "
          f"load average {load_before:.2f} before; malloc tuning: {malloc}\n")
    for power in args.power or book.powers:
        report(book, engine, power, args.seconds)
    print(f"Load average after: {os.getloadavg()[0]:.2f}.")


def report(book: Rulebook, engine: RulesEngine, power: str, seconds: float) -> None:
    """One power's table: its cases through every path, and the verdict against the target."""
    count = check_agreement(book, engine, power)
    results = {name: measure(call, items, seconds) for name, (call, items) in scenarios(book, engine, power).items()}
    print(f"## Assessments: {power}, {count} cases from rules/{power}/cases.yaml\n")
    print(table(results))
    full = results["RulesEngine.evaluate (full assessment)"]["rate"]
    verdict = "met" if full >= TARGET else "NOT met"
    print(f"\nTarget ≥ {TARGET:,} full assessments/s per core: {verdict} ({full:,.0f}/s).\n")


if __name__ == "__main__":
    main()
