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
from app.powers.woonoverlast import words as W
from app.powers.woonoverlast.phrases import AWB

# The invorderingsbeschikking.
LAST_GEGEVENS = ["Op {datum} heb ik u een gedragsaanwijzing met dwangsom gegeven, met kenmerk {kenmerk}.",
                 "De last geldt van {van} tot en met {tot}. Het bedrag is {bedrag} {telwijze}, met een maximum van "
                 "{maximum} in totaal."]
OVERTREDING = "{datum}: {wat}. Verbeurd: {bedrag}."
OVERTREDING_WAT = "om {tijd} overtreding van aanwijzing {code}{tekst}, vastgesteld door {bron}{kenmerk}"
REST = " Dat is wat nog restte tot het maximum."
BEDRAGEN = ["Door {deze} is van rechtswege {bedrag} verbeurd.",
            "Eerder verbeurd op deze last: {eerder}. In totaal nu: {totaal} van het maximum van {maximum}.",
            "Tot het maximum kan nog {resterend} worden verbeurd."]
MAXIMUM_BEREIKT = ("Het maximum van de last is nu bereikt. Verdere overtredingen leiden niet meer tot een dwangsom "
                   "onder deze last.")
BETALEN_LEAD = "Betaal {bedrag} aan de gemeente Maastricht. Vermeld bij de betaling ons kenmerk {kenmerk}."
BETALEN_PER = "Voor de overtreding van {datum}: {bedrag}, uiterlijk {uiterlijk}."
BETALEN_REGEL = "Een dwangsom moet binnen zes weken na de overtreding betaald zijn (artikel 5:33 van " + AWB + ")."
BETALEN_VERSTREKEN = "Is die datum al voorbij op de datum van deze brief? Betaal dat bedrag dan meteen."
BETALEN_VRAGEN = ["Kunt u niet in één keer betalen? Neem dan contact met ons op.",
                  "Betaalt u niet op tijd, dan kan de gemeente het bedrag laten innen.",
                  "De kosten daarvan betaalt u dan ook."]
VERJARING = ["Een verbeurde dwangsom verjaart een jaar na de dag van de overtreding (artikel 5:35 van " + AWB + ").",
             "Voor de overtreding van {datum} loopt die termijn tot en met {verjaart_op}.",
             "Deze invorderingsbeschikking stuit de verjaring (artikel 5:37a van " + AWB + ")."]
NIETS_VERBEURD = "Er is geen verbeurde dwangsom om in te vorderen. Stel de beschikking opnieuw op."


def record(letter: LetterInput) -> Mapping[str, Any]:
    """What the core worked out the beschikking collects (app/domain/forfeiture.as_record)."""
    return (letter.maatregel or {}).get("invordering") or {}


def invordering_errors(letter: LetterInput) -> dict[str, str]:
    """A beschikking without an order or a forfeited sum cannot be written."""
    complete = all(record(letter).get(key) for key in ("last", "verbeurten"))
    return {} if complete else {"invordering": NIETS_VERBEURD}


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
        "last_gegevens": [line.format_map(order) for line in LAST_GEGEVENS],
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
        lines.append(OVERTREDING.format(datum=datum(W.day(v["datum"])), wat=wat, bedrag=_euro(v["bedrag"]))
                     + (REST if rest else ""))
    return lines


def _wat(report: Mapping[str, Any], texts: Mapping[str, str]) -> str:
    code = str(report.get("instruction"))
    kenmerk = str(report.get("source_kenmerk") or "").strip()
    return OVERTREDING_WAT.format(tijd=tijdstip(W.moment(report["at"])), code=code,
                                    tekst=f" ({texts[code]})" if texts.get(code) else "",
                                    bron=label(W.BRON, report.get("source")),
                                    kenmerk=f", kenmerk {kenmerk}" if kenmerk else "")


def _bedragen(found: Mapping[str, Any], count: int) -> list[str]:
    lines = [BEDRAGEN[0].format(deze="deze overtredingen" if count > 1 else "deze overtreding",
                                  bedrag=_euro(found["bedrag"])),
             BEDRAGEN[1].format(eerder=_euro(found["eerder_verbeurd"]), totaal=_euro(found["totaal"]),
                                  maximum=_euro(found["last"]["maximum"]))]
    return lines + [MAXIMUM_BEREIKT if found.get("maximum_bereikt")
                    else BEDRAGEN[2].format(resterend=_euro(found["resterend"]))]


def _betalen(letter: LetterInput, found: Mapping[str, Any], verbeurten: list[Mapping[str, Any]]) -> list[str]:
    """The total, then each forfeited sum with its own pay-by date (5:33: six weeks after that breach)."""
    lines = [BETALEN_LEAD.format(bedrag=_euro(found["bedrag"]), kenmerk=letter.kenmerk)]
    ends = []
    for v in verbeurten:
        end = W.day(v.get("betaaltermijn_tot"))
        if end is not None:
            ends.append(end)
            lines.append(BETALEN_PER.format(datum=datum(W.day(v["datum"])), bedrag=_euro(v["bedrag"]),
                                              uiterlijk=datum_met_dag(end)))
    lines.append(BETALEN_REGEL)
    if any(end < letter.verzenddatum for end in ends):
        lines.append(BETALEN_VERSTREKEN)
    return lines + list(BETALEN_VRAGEN)


def _verjaring(verbeurten: list[Mapping[str, Any]]) -> list[str]:
    per = [VERJARING[1].format(datum=datum(W.day(v["datum"])), verjaart_op=datum(W.day(v["verjaring_op"])))
           for v in verbeurten if v.get("verjaring_op")]
    return [VERJARING[0], *per, VERJARING[2]]
