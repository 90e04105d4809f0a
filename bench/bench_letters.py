"""Letter render time: p50 and p99 over repeated renders of the longest letter of each power.

Target (letters.md §3, §5): at most 10 ms median per letter on one core, so a batch of 120 letters takes
about a second. The letter inputs are the realistic samples of the letter tests (tests/letters/
letters_support.py): six judgements, a zienswijze and three substances for a closure; the order with its
RiHG factors, protected persons and remedy clause for a huisverbod. Run from the repository root:

    .venv/bin/python bench/bench_letters.py [renders]

Prints one markdown table row per template for docs/performance.md.
"""

from __future__ import annotations

import platform
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests" / "letters")]

import letters_support as S  # noqa: E402  (needs the repository root on sys.path)

from app.letters.render import LIBRARY_VERSIONS  # noqa: E402

LETTERS = {
    "damocles/sluiting__bewoner.docx": lambda: S.letter_input("sluiting", "overtreder"),
    "huisverbod/huisverbod__uithuisgeplaatste.docx": lambda: S.huisverbod_input("huisverbod", "uithuisgeplaatste"),
}


def _timed(fn, runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds per call (CPU time is steadier on a shared machine)."""
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return wall, cpu


def row(template: str, make, runs: int) -> str:
    """Warm up (first compile), then time context building and rendering separately."""
    context = S.build_context(make())
    S.render(template, context)
    build, _ = _timed(lambda: S.build_context(make()), runs)
    renders, cpu = _timed(lambda: S.render(template, context), runs)
    p99 = statistics.quantiles(renders, n=100)[98]
    return (f"| {template} (n={runs}) | p50 {statistics.median(renders):.1f} ms | p99 {p99:.1f} ms "
            f"| CPU p50 {statistics.median(cpu):.1f} ms | build_context p50 {statistics.median(build):.2f} ms |")


def main(runs: int = 500) -> None:
    versions = ", ".join(f"{k} {v}" for k, v in LIBRARY_VERSIONS.items())
    print(f"{versions}; Python {platform.python_version()}\n")
    print("| letter | render p50 | render p99 | CPU p50 | build_context p50 |\n|---|---:|---:|---:|---:|")
    for template, make in LETTERS.items():
        print(row(template, make, runs))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
