"""The invorderingsbeschikking's own paragraphs (Awb 5:37) for a gedragsaanwijzing with dwangsom: the order, each
breach with the instruction code it broke, its date, time and source, each forfeited sum with its own pay-by date,
the remainder up to the maximum, and the limitation (5:35, 5:37a). The sums and dates are the core's
(`maatregel.invordering`, app/domain/forfeiture.as_record); this module only words them."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from app.letters.formatting import bedrag, datum, datum_met_dag, tijdstip
from app.letters.input import LetterInput
from app.letters.paragraphs import label
from app.powers.woonoverlast import phrases as P
from app.powers.woonoverlast import words as W


def record(letter: LetterInput) -> Mapping[str, Any]:
    """What the core worked out the beschikking collects (app/domain/forfeiture.as_record)."""
    return (letter.maatregel or {}).get("invordering") or {}


def invordering_errors(letter: LetterInput) -> dict[str, str]:
    """A beschikking without an order or a forfeited sum cannot be written."""
    complete = all(record(letter).get(key) for key in ("last", "verbeurten"))
    return {} if complete else {"invordering": P.NIETS_VERBEURD}


def _euro(value: Any) -> str:
    return bedrag(Decimal(str(value)))


def invordering(letter: LetterInput, words: Mapping[str, str]) -> dict[str, list[str]]:
    found = record(letter)
    last, verbeurten = found["last"], found["verbeurten"]
    order = {"datum": datum(W.day(last["datum"])), "kenmerk": last["kenmerk"],
             "van": datum(W.day(last["ingangsdatum"])), "tot": W.last_day(last["vervaldatum"]),
             "bedrag": _euro(last["bedrag"]), "telwijze": words["telwijze"],
             "maximum": _euro(last["maximum"])}
    return {
        "last_gegevens": [line.format_map(order) for line in P.LAST_GEGEVENS],
        "overtredingen": _overtredingen(letter, last, verbeurten),
        "bedragen": _bedragen(found, len(verbeurten)),
        "betalen": _betalen(letter, found, verbeurten),
        "verjaring": _verjaring(verbeurten),
    }


def _breaches_on(letter: LetterInput) -> dict[str, list[Mapping[str, Any]]]:
    """The established incidents that name an instruction, by day (the reports the forfeitures rest on)."""
    days: dict[str, list[Mapping[str, Any]]] = {}
    for item in W.incidents(letter):
        if item.get("established") and item.get("instruction"):
            days.setdefault(W.moment(item["at"]).date().isoformat(), []).append(item)
    return days


def _overtredingen(letter: LetterInput, last: Mapping[str, Any], verbeurten: list[Mapping[str, Any]]) -> list[str]:
    """Each forfeited sum with the breach it rests on: per violation one report, per day the day's reports."""
    texts = {str(i.get("code")): " ".join(str(i.get("text") or "").split()).rstrip(".")
             for i in W.instructions(letter)}
    days, per_day, lines = _breaches_on(letter), {}, []
    for v in verbeurten:
        per_day[str(v["datum"])[:10]] = per_day.get(str(v["datum"])[:10], 0) + 1
    seen: dict[str, int] = {}
    for v in verbeurten:
        key = str(v["datum"])[:10]
        reports = days.get(key, [])
        if per_day[key] == len(reports):  # one report per forfeited sum
            reports = reports[seen.get(key, 0):seen.get(key, 0) + 1]
        seen[key] = seen.get(key, 0) + 1
        wat = "; ".join(_wat(r, texts) for r in reports) or "zie het rapport in het dossier"
        rest = Decimal(str(v["bedrag"])) < Decimal(str(last["bedrag"]))
        lines.append(P.OVERTREDING.format(datum=datum(W.day(v["datum"])), wat=wat, bedrag=_euro(v["bedrag"]))
                     + (P.REST if rest else ""))
    return lines


def _wat(report: Mapping[str, Any], texts: Mapping[str, str]) -> str:
    code = str(report.get("instruction"))
    kenmerk = str(report.get("source_kenmerk") or "").strip()
    return P.OVERTREDING_WAT.format(tijd=tijdstip(W.moment(report["at"])), code=code,
                                    tekst=f" ({texts[code]})" if texts.get(code) else "",
                                    bron=label(P.BRON, report.get("source")),
                                    kenmerk=f", kenmerk {kenmerk}" if kenmerk else "")


def _bedragen(found: Mapping[str, Any], count: int) -> list[str]:
    lines = [P.BEDRAGEN[0].format(deze="deze overtredingen" if count > 1 else "deze overtreding",
                                  bedrag=_euro(found["bedrag"])),
             P.BEDRAGEN[1].format(eerder=_euro(found["eerder_verbeurd"]), totaal=_euro(found["totaal"]),
                                  maximum=_euro(found["last"]["maximum"]))]
    return lines + [P.MAXIMUM_BEREIKT if found.get("maximum_bereikt")
                    else P.BEDRAGEN[2].format(resterend=_euro(found["resterend"]))]


def _betalen(letter: LetterInput, found: Mapping[str, Any], verbeurten: list[Mapping[str, Any]]) -> list[str]:
    """The total, then each forfeited sum with its own pay-by date (5:33: six weeks after that breach)."""
    lines = [P.BETALEN_LEAD.format(bedrag=_euro(found["bedrag"]), kenmerk=letter.kenmerk)]
    ends = []
    for v in verbeurten:
        end = W.day(v.get("betaaltermijn_tot"))
        if end is not None:
            ends.append(end)
            lines.append(P.BETALEN_PER.format(datum=datum(W.day(v["datum"])), bedrag=_euro(v["bedrag"]),
                                              uiterlijk=datum_met_dag(end)))
    lines.append(P.BETALEN_REGEL)
    if any(end < letter.verzenddatum for end in ends):
        lines.append(P.BETALEN_VERSTREKEN)
    return lines + list(P.BETALEN_VRAGEN)


def _verjaring(verbeurten: list[Mapping[str, Any]]) -> list[str]:
    per = [P.VERJARING[1].format(datum=datum(W.day(v["datum"])), verjaart_op=datum(W.day(v["verjaring_op"])))
           for v in verbeurten if v.get("verjaring_op")]
    return [P.VERJARING[0], *per, P.VERJARING[2]]
