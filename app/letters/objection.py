"""The letter of the decision on a bezwaar (pure): the core writes it for every power with an objection stage.

It states the contested besluit, whether the bezwaar is admissible (Awb 6:9, 6:11), the hearing (7:2) or why
there was none (7:3), the committee's advice and whether the decision follows it (7:13), every ground with
the response recorded for it, the decision with its legal basis (7:11), and the beroep clause (6:7, 8:1,
8:81). It speaks of the burgemeester (or the college) in the third person, the reader as "u"; the other
addressees of a besluit the decision changes read the same letter, with the objector named. Every value is
plain text; render.py escapes it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.letters.formatting import datum
from app.letters.input import LetterInput
from app.letters.manifest import Clause
from app.letters.paragraphs import HEAD_KEYS, head, rechtsmiddelen

ADDRESSEE = "belanghebbende"
CLAUSE = "beroep_na_bezwaar"
ORGAAN = {"burgemeester": "de burgemeester", "college": "het college van burgemeester en wethouders"}
KEYS = frozenset((*HEAD_KEYS, "inleiding", "bestreden_besluit", "ontvankelijkheid", "horen", "advies", "gronden",
                  "beslissing", "rechtsmiddelen"))
_TIJDIG = ("tijdig", "tijdig_per_post", "prematuur")
_DICTUM = {
    "gegrond": "{Orgaan} verklaart het bezwaar gegrond en herroept het besluit van {datum} (artikel 7:11 van de "
               "Algemene wet bestuursrecht).",
    "deels_gegrond": "{Orgaan} verklaart het bezwaar gedeeltelijk gegrond en herroept het besluit van {datum} "
                     "voor zover hieronder staat (artikel 7:11 van de Algemene wet bestuursrecht).",
    "ongegrond": "{Orgaan} verklaart het bezwaar ongegrond. Het besluit van {datum} blijft in stand (artikel "
                 "7:11 van de Algemene wet bestuursrecht).",
    "niet_ontvankelijk": "{Orgaan} verklaart het bezwaar niet-ontvankelijk. Het besluit van {datum} blijft "
                         "daarom in stand. Op de inhoud van het bezwaar is niet beslist.",
}


class ObjectionKit:
    """The LetterKit of the decision on a bezwaar; `letter.bezwaar` carries its content."""

    def addressee(self, rol: str) -> str:
        return ADDRESSEE

    def keys(self, outcome: str, addressee: str) -> frozenset[str]:
        return KEYS

    def check(self, letter: LetterInput) -> dict[str, str]:
        if not letter.bezwaar:
            return {"bezwaar": "De brief mist de gegevens van het bezwaar."}
        if letter.deadlines.get("uiterlijke_reactiedatum") is None:
            return {"verzenddatum": "De brief mist de laatste dag voor beroep."}
        return {}

    def context(self, letter: LetterInput, clauses: Mapping[str, Clause]) -> dict[str, object]:
        b = letter.bezwaar or {}
        words = _words(b)
        return {
            **head(letter, f"Beslissing op het bezwaar van {b['indiener']}"),
            "inleiding": inleiding(b, words), "bestreden_besluit": bestreden(b, words),
            "ontvankelijkheid": ontvankelijkheid(b, words), "horen": horen(b, words), "advies": advies(b, words),
            "gronden": gronden(b, words), "beslissing": beslissing(b, words),
            "rechtsmiddelen": rechtsmiddelen(clauses, CLAUSE, letter),
        }


def _words(b: Mapping[str, Any]) -> dict[str, str]:
    orgaan = ORGAAN[b.get("orgaan", "burgemeester")]
    return {"orgaan": orgaan, "Orgaan": orgaan[0].upper() + orgaan[1:], "datum": datum(b["besluit_datum"]),
            "indiener": "u" if b["aan_indiener"] else b["indiener"],
            "Indiener": "U" if b["aan_indiener"] else b["indiener"]}


def inleiding(b: Mapping[str, Any], w: Mapping[str, str]) -> list[str]:
    bezwaar = "uw bezwaarschrift" if b["aan_indiener"] else f"het bezwaarschrift van {b['indiener']}"
    first = f"In deze brief leest u de beslissing van {w['orgaan']} op {bezwaar}. Het bezwaarschrift is " \
            f"ontvangen op {datum(b['ontvangen_op'])}."
    if b["aan_indiener"]:
        return [first]
    return [first, "U krijgt deze beslissing ook, omdat zij het besluit verandert dat aan u is bekendgemaakt."]


def bestreden(b: Mapping[str, Any], w: Mapping[str, str]) -> list[str]:
    return [f"Het bezwaar is gericht tegen het besluit van {w['datum']} met kenmerk {b['besluit_kenmerk']}: "
            f"{b['besluit_onderwerp']}. Het besluit is verzonden of uitgereikt op {datum(b['bekendgemaakt_op'])}."]


def ontvankelijkheid(b: Mapping[str, Any], w: Mapping[str, str]) -> list[str]:
    termijn = f"De termijn voor bezwaar liep tot en met {datum(b['termijn_einde'])} (artikelen 6:7 en 6:8 van " \
              "de Algemene wet bestuursrecht)."
    if b["tijdigheid"] in _TIJDIG:
        post = " Het is voor het einde van de termijn op de post gedaan en binnen een week daarna ontvangen " \
               "(artikel 6:9 lid 2)." if b["tijdigheid"] == "tijdig_per_post" else ""
        return [termijn, f"Het bezwaarschrift is op tijd ingediend.{post}"]
    if b.get("verschoonbaar"):
        return [termijn, "Het bezwaarschrift is te laat ingediend. Toch is het bezwaar ontvankelijk, omdat "
                f"{w['indiener']} redelijkerwijs niet in verzuim is geweest (artikel 6:11): "
                f"{b['verschoonbaar_reden']}"]
    reden = f" {b['verschoonbaar_reden']}" if b.get("verschoonbaar_reden") else ""
    return [termijn, "Het bezwaarschrift is te laat ingediend. Er is geen reden om de te late indiening te "
            f"verschonen (artikel 6:11).{reden}"]


def horen(b: Mapping[str, Any], w: Mapping[str, str]) -> list[str]:
    if b.get("hoorzitting_op"):
        return [f"Op {datum(b['hoorzitting_op'])} is een hoorzitting gehouden (artikel 7:2 van de Algemene wet "
                f"bestuursrecht). Daar zijn gehoord: {b['gehoord']}."]
    if b.get("niet_horen_reden"):
        return ["Er is geen hoorzitting gehouden (artikel 7:3 van de Algemene wet bestuursrecht). De reden "
                f"daarvoor is: {b['niet_horen_reden']}"]
    return ["Er is geen hoorzitting gehouden."]


def advies(b: Mapping[str, Any], w: Mapping[str, str]) -> list[str]:
    if not b.get("advies_op"):
        return ["Over dit bezwaar is geen advies gevraagd aan een bezwaarcommissie."]
    text = [f"De bezwaarcommissie heeft op {datum(b['advies_op'])} advies uitgebracht (artikel 7:13 van de "
            f"Algemene wet bestuursrecht). Het advies luidt samengevat: {b['advies_samenvatting']}"]
    if b.get("advies_gevolgd"):
        return [*text, f"{w['Orgaan']} volgt het advies van de commissie."]
    return [*text, f"{w['Orgaan']} volgt het advies van de commissie niet. De redenen daarvoor staan in de "
            "motivering hieronder (artikel 7:13 lid 7)."]


def gronden(b: Mapping[str, Any], w: Mapping[str, str]) -> list[str]:
    if b["uitkomst"] == "niet_ontvankelijk":
        return ["Omdat het bezwaar niet-ontvankelijk is, worden de bezwaargronden niet inhoudelijk besproken. "
                f"{w['Indiener']} voerde aan:", *(f"Grond {i}: {g['grond']}" for i, g in enumerate(b["gronden"], 1))]
    lines: list[str] = []
    for i, g in enumerate(b["gronden"], 1):
        lines += [f"Grond {i}. {w['Indiener']} voert aan: {g['grond']}",
                  f"Reactie op grond {i}: {g['reactie']}"]
    return lines


def beslissing(b: Mapping[str, Any], w: Mapping[str, str]) -> list[str]:
    lines = [_DICTUM[b["uitkomst"]].format(Orgaan=w["Orgaan"], datum=w["datum"])]
    nieuw = b.get("nieuw_besluit") or ""
    if b["uitkomst"] == "gegrond":
        lines.append(f"In plaats van het herroepen besluit geldt: {nieuw}" if nieuw else
                     "Er komt geen nieuw besluit in de plaats van het herroepen besluit. Het besluit vervalt.")
    elif b["uitkomst"] == "deels_gegrond":
        lines.append(f"Het besluit verandert als volgt: {nieuw}")
    return [*lines, f"Motivering: {b['motivering']}"]
