"""The invorderingsbeschikking's own paragraphs (Awb 5:37): the order (kenmerk, date, looptijd, amounts), each
breach with its report, date, time and place, the amount forfeited and the running total against the maximum,
when and how to pay, and when the claim is time-barred. The sums are the core's (`maatregel.invordering`,
app/domain/forfeiture.py); this module only words them."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from app.letters.formatting import bedrag, datum, datum_met_dag, tijdstip
from app.letters.input import LetterInput
from app.powers.straathandel import phrases as P
from app.powers.straathandel.facts import observations
from app.powers.straathandel.observations import plaats
from app.powers.straathandel.words import laatste_dag


def record(letter: LetterInput) -> Mapping[str, Any]:
    return (letter.maatregel or {}).get("invordering") or {}


def invordering_errors(letter: LetterInput) -> dict[str, str]:
    found = record(letter)
    if not found.get("last") or not found.get("verbeurten"):
        return {"invordering": "Er is geen verbeurde dwangsom om in te vorderen: stel de beschikking opnieuw op."}
    return {}


def invordering(letter: LetterInput, words: Mapping[str, str]) -> dict[str, list[str]]:
    found = record(letter)
    last, verbeurten = found["last"], found["verbeurten"]
    money = {k: bedrag(Decimal(str(found[k]))) for k in ("bedrag", "eerder_verbeurd", "totaal", "resterend")}
    bedragen = [P.BEDRAGEN[0].format(en="en" if len(verbeurten) > 1 else "", bedrag=money["bedrag"]),
                P.BEDRAGEN[1].format(eerder=money["eerder_verbeurd"], totaal=money["totaal"],
                                     maximum=bedrag(Decimal(str(last["maximum"]))))]
    bedragen.append(P.MAXIMUM_BEREIKT if found.get("maximum_bereikt") else
                    P.BEDRAGEN[2].format(resterend=money["resterend"]))
    return {
        "last_gegevens": [P.LAST_GEGEVENS[0].format(datum=_d(last["datum"]), wie_obj=words["wie_obj"],
                                                    kenmerk=last["kenmerk"]),
                          P.LAST_GEGEVENS[1].format(van=_d(last["ingangsdatum"]), tot=laatste_dag(last["vervaldatum"]),
                                                    bedrag=bedrag(Decimal(str(last["bedrag"]))),
                                                    telwijze=words["telwijze"],
                                                    maximum=bedrag(Decimal(str(last["maximum"]))))],
        "overtredingen": _overtredingen(letter, last, verbeurten),
        "bedragen": bedragen,
        "betalen": _betalen(letter, words, found, verbeurten),
        "verjaring": _verjaring(verbeurten),
    }


def _overtredingen(letter: LetterInput, last: Mapping[str, Any], verbeurten: list[Mapping[str, Any]]) -> list[str]:
    """Each breach that forfeited a sum (the last one perhaps only the remainder up to the maximum), then each
    day in the report that forfeited nothing because the maximum was reached (pitfall 10)."""
    lines = [_overtreding(letter, v, Decimal(str(v["bedrag"])) < Decimal(str(last["bedrag"]))) for v in verbeurten]
    charged = {str(v["datum"])[:10] for v in verbeurten}
    days = sorted({o["at"].date() for o in observations(letter.case_file)})
    return lines + [P.NIET_VERBEURD.format(datum=datum(d)) for d in days
                    if d.isoformat() not in charged and d > max(date.fromisoformat(c) for c in charged)]


def _overtreding(letter: LetterInput, verbeurte: Mapping[str, Any], rest: bool) -> str:
    day = date.fromisoformat(str(verbeurte["datum"])[:10])
    adres = next(iter(letter.zaak_adresregels), "")
    seen = [f"om {tijdstip(o['at'])}, {plaats(o, adres)}".rstrip(", ")
            for o in observations(letter.case_file) if o["at"].date() == day]
    beschrijving = "; ".join(seen) or "zie het verslag"
    return (P.OVERTREDING.format(datum=datum(day), beschrijving=beschrijving)
            + f" ({letter.melding_bron}, kenmerk {letter.melding_kenmerk}). Verbeurd: "
            + bedrag(Decimal(str(verbeurte["bedrag"]))) + "." + (P.REST_VERBEURD if rest else ""))


def _verjaring(verbeurten: list[Mapping[str, Any]]) -> list[str]:
    per = [P.VERJARING[1].format(datum=_d(v["datum"]), verjaart_op=_d(v["verjaring_op"]))
           for v in verbeurten if v.get("verjaring_op")]
    return [P.VERJARING[0], *per, P.VERJARING[2]] if per else []


def _betalen(letter: LetterInput, words: Mapping[str, str], found: Mapping[str, Any],
             verbeurten: list[Mapping[str, Any]]) -> list[str]:
    ends = [date.fromisoformat(str(v["betaaltermijn_tot"])[:10]) for v in verbeurten if v.get("betaaltermijn_tot")]
    ends = ends or [d for d in (letter.deadlines.get("betaaltermijn_tot"),) if d is not None]
    totaal = bedrag(Decimal(str(found["bedrag"])))
    if len(verbeurten) > 1 and ends:
        lines = [P.BETALEN_TOTAAL.format(bedrag=totaal, kenmerk=letter.kenmerk)]
        lines += [P.BETALEN_PER.format(bedrag=bedrag(Decimal(str(v["bedrag"]))), datum=_d(v["datum"]),
                                       uiterlijk=datum_met_dag(date.fromisoformat(str(v["betaaltermijn_tot"])[:10])))
                  for v in verbeurten if v.get("betaaltermijn_tot")]
    else:
        uiterlijk = datum_met_dag(min(ends)) if ends else "binnen zes weken na de overtreding"
        lines = [P.BETALEN[0].format(bedrag=totaal, uiterlijk=uiterlijk, kenmerk=letter.kenmerk)]
    if ends and min(ends) < letter.verzenddatum:  # a late beschikking: the 5:33 date has passed
        lines.append(P.BETALEN_VERSTREKEN)
    rekening = "uw rekening" if words["wie"] == "u" else f"rekening van {words['wie']}"
    return lines + [P.BETALEN[1], P.BETALEN[2].format(wie_rekening=rekening)]


def _d(value: Any) -> str:
    return datum(value if isinstance(value, date) else date.fromisoformat(str(value)[:10]))
