"""Letter render time: p50 and p99 over repeated renders of damocles/sluiting__bewoner.docx.

Target (letters.md §3, §5): at most 10 ms median per letter on one core, so a batch of 120 letters takes
about a second. Run from the repository root:

    .venv/bin/python bench/bench_letters.py [renders]

Prints one markdown table row for docs/performance.md.
"""

from __future__ import annotations

import platform
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.letters.context import LetterInput, Recipient, build_context  # noqa: E402

from app.domain.assessment import Assessment, TraceEntry  # noqa: E402  (needs the repository root)
from app.letters.render import LIBRARY_VERSIONS, default_store, render  # noqa: E402

TEMPLATE = "damocles/sluiting__bewoner.docx"
REASON = ("De woning was bekend in het drugsmilieu en buren meldden overlast. Een lichtere maatregel heeft "
          "eerder niet geholpen. ")


def _assessment() -> Assessment:
    rule = TraceEntry(rule="bevoegd_handelshoeveelheid_harddrugs", kind="bevoegdheid", value="bevoegd",
                      legal_basis={"title": "Opiumwet art. 13b lid 1 onder a"},
                      explanation="Er is meer harddrugs gevonden dan voor eigen gebruik.")
    policy = TraceEntry(rule="beleid_woning_harddrugs", kind="beleid", value="sluiting",
                        legal_basis={"title": "Beleidsregels artikel 13b Opiumwet Maastricht"},
                        explanation="Volgens het beleid volgt een sluiting van drie maanden.")
    return Assessment(power="damocles", peildatum=date(2026, 3, 1), ruleset="damocles__20250701",
                      rules_sha256="0" * 64, engine="durable-rules", facts={}, parameters={},
                      fired=(rule, policy), not_fired=())


def letter() -> LetterInput:
    """A realistic closure letter: six judgements, a zienswijze, three substances."""
    codes = ("geschiktheid", "noodzakelijkheid", "evenwichtigheid", "duur", "tijdsverloop",
             "bijzondere_omstandigheden")
    return LetterInput(
        power="damocles", outcome="sluiting", kenmerk="Z-2026-0042-B1", verzenddatum=date(2026, 4, 1),
        recipient=Recipient("J. Jansen", "overtreder", ("Voorbeeldstraat 12 A", "6211 AB  MAASTRICHT")),
        premises_adresregels=("Voorbeeldstraat 12 A", "6211 AB Maastricht"),
        premises_omschrijving="de woning",
        melding_bron="bestuurlijke rapportage van de politie", melding_kenmerk="PL2300-2026-1234",
        melding_datum=date(2026, 3, 5), finding_date=date(2026, 3, 1), assessment=_assessment(),
        judgements={c: {"outcome": "voldaan", "reasoning": REASON * 3, "recorded_by": "jurist"}
                    for c in codes},
        zienswijze={"ontvangen": True, "samenvatting": REASON * 2, "reactie": REASON * 2},
        duur=3, rechthebbende_naam="Woonstichting Maasdal",
        deadlines={"begunstigingstermijn_tot": date(2026, 4, 15), "sluiting_van": date(2026, 4, 16),
                   "sluiting_tot": date(2026, 7, 16), "bezwaar_tot": date(2026, 5, 13)},
        ondertekening=("De burgemeester van Maastricht,", "", "A.B. Voorbeeld"),
        behandeld_door="mr. C. de Vries, telefoon 14 043",
        melding_gegevens={"substances": [
            {"name": "cocaïne", "opiumwet_list": "lijst_i", "quantity": 12.5, "unit": "g"},
            {"name": "MDMA", "opiumwet_list": "lijst_i", "quantity": 40, "unit": "units"},
            {"name": "hennep", "opiumwet_list": "lijst_ii", "quantity": 250, "unit": "g"}],
            "attributes_found": ["weegschaal", "verpakkingsmateriaal", "contant_geld"],
            "dealing_evidence": ["politie_observatie", "loop"]},
    )


def _timed(fn, runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds per call (CPU time is steadier on a shared machine)."""
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return wall, cpu


def main(runs: int = 500) -> None:
    """Warm up (store load, first compile), then time context building and rendering separately."""
    default_store()
    context = build_context(letter())
    render(TEMPLATE, context)
    build, _ = _timed(lambda: build_context(letter()), runs)
    renders, cpu = _timed(lambda: render(TEMPLATE, context), runs)
    p99 = statistics.quantiles(renders, n=100)[98]
    versions = ", ".join(f"{k} {v}" for k, v in LIBRARY_VERSIONS.items())
    print(f"| letter render ({TEMPLATE}, n={runs}) | p50 {statistics.median(renders):.1f} ms "
          f"| p99 {p99:.1f} ms | CPU p50 {statistics.median(cpu):.1f} ms "
          f"| build_context p50 {statistics.median(build):.2f} ms "
          f"| {versions}; Python {platform.python_version()} |")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
