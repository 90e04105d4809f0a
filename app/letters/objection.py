"""The letter of the decision on a bezwaar (pure): the core writes it for every power with an objection stage.

It states the contested besluit, whether the bezwaar is admissible (Awb 6:9, 6:11), the hearing (7:2) or why
there was none (7:3), the committee's advice and whether the decision follows it (7:13), every ground with
the response recorded for it, the decision with its legal basis (7:11), and the beroep clause (6:7, 8:1,
8:81). It speaks of the burgemeester (or the college) in the third person, the reader as "u"; the other
addressees of a besluit the decision changes read the same letter, with the objector named, but without what
only the objector needs to read (AVG data minimisation): his 6:11 reason, which may hold health data, and who
assisted him at the hearing. Every value is plain text; render.py escapes it. The sentences are in
objection_phrases.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.domain.procedure import body_words
from app.letters import objection_phrases as P
from app.letters.formatting import datum
from app.letters.input import LetterInput
from app.letters.manifest import Clause
from app.letters.paragraphs import HEAD_KEYS, head, rechtsmiddelen

ADDRESSEE = "belanghebbende"
CLAUSE = "beroep_na_bezwaar"
KEYS = frozenset((*HEAD_KEYS, "inleiding", "bestreden_besluit", "ontvankelijkheid", "horen", "advies", "gronden",
                  "beslissing", "rechtsmiddelen"))
_UW_BEZWAAR = ("deze beslissing op uw bezwaar", "deze beslissing op het bezwaar")


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
            "rechtsmiddelen": beroep(b, rechtsmiddelen(clauses, CLAUSE, letter)),
        }


def _words(b: Mapping[str, Any]) -> dict[str, str]:
    body = b.get("orgaan", "burgemeester")
    return {"orgaan": body_words(body), "Orgaan": body_words(body, capital=True), "datum": datum(b["besluit_datum"]),
            "Hij": P.PRONOUN[body][0], "hij": P.PRONOUN[body][1]}


def beroep(b: Mapping[str, Any], clause: list[str]) -> list[str]:
    """The vetted clause; another addressee did not object, so for him it is not "uw bezwaar"."""
    if b["aan_indiener"]:
        return clause
    return [p.replace(*_UW_BEZWAAR) for p in clause]


def inleiding(b: Mapping[str, Any], w: Mapping[str, str]) -> list[str]:
    bezwaar = "uw bezwaarschrift" if b["aan_indiener"] else f"het bezwaarschrift van {b['indiener']}"
    first = f"In deze brief leest u de beslissing van {w['orgaan']} op {bezwaar}. Het bezwaarschrift is " \
            f"ontvangen op {datum(b['ontvangen_op'])}."
    if b["aan_indiener"]:
        return [first]
    return [first, "U krijgt deze beslissing ook, omdat zij het besluit verandert dat aan u is bekendgemaakt."]


def bestreden(b: Mapping[str, Any], w: Mapping[str, str]) -> list[str]:
    wijze = "uitgereikt" if b.get("uitgereikt") else "verzonden"
    return [f"Het bezwaar is gericht tegen het besluit van {w['datum']} met kenmerk {b['besluit_kenmerk']} "
            f"({b['besluit_onderwerp']}). Het besluit is {wijze} op {datum(b['bekendgemaakt_op'])}."]


def ontvankelijkheid(b: Mapping[str, Any], w: Mapping[str, str]) -> list[str]:
    termijn = f"De termijn voor bezwaar liep tot en met {datum(b['termijn_einde'])} (artikelen 6:7 en 6:8 " \
              f"{P.AWB})."
    tijdigheid = b["tijdigheid"]
    if tijdigheid == "voor_besluit":
        return [f"Het bezwaarschrift is ontvangen op {datum(b['ontvangen_op'])}. Het besluit is genomen op "
                f"{w['datum']}."]
    if tijdigheid == "prematuur":
        return [termijn, "Het bezwaarschrift is ingediend voordat de termijn begon, maar nadat het besluit was "
                f"genomen. Daarom is het toch op tijd ingediend (artikel 6:10, eerste lid, {P.AWB})."]
    if tijdigheid != "te_laat":
        post = " Het is voor het einde van de termijn op de post gedaan en binnen een week daarna ontvangen " \
               f"(artikel 6:9, tweede lid, {P.AWB})." if tijdigheid == "tijdig_per_post" else ""
        return [termijn, f"Het bezwaarschrift is op tijd ingediend.{post}"]
    return [termijn, *_te_laat(b)]


def _te_laat(b: Mapping[str, Any]) -> list[str]:
    """Awb 6:11; the reason given is the objector's own (it may hold health data): only his letter has it."""
    wie = "u redelijkerwijs niet in verzuim bent geweest" if b["aan_indiener"] else \
        "de indiener redelijkerwijs niet in verzuim is geweest"
    reden = [b["verschoonbaar_reden"]] if b["aan_indiener"] and (b.get("verschoonbaar_reden") or "").strip() else []
    if b.get("verschoonbaar"):
        return [f"Het bezwaarschrift is te laat ingediend. Toch is het bezwaar ontvankelijk, omdat {wie} "
                f"(artikel 6:11 {P.AWB}).", *reden]
    return [f"Het bezwaarschrift is te laat ingediend. Er is geen reden om aan te nemen dat {wie} (artikel "
            f"6:11 {P.AWB}).", *reden]


def horen(b: Mapping[str, Any], w: Mapping[str, str]) -> list[str]:
    if b.get("hoorzitting_op"):
        op = datum(b["hoorzitting_op"])
        if not b["aan_indiener"]:
            return [f"Op {op} is de indiener van het bezwaar gehoord (artikel 7:2 {P.AWB})."]
        bijstand = b.get("bijgestaan_door") or ""
        wie = f"bent u, bijgestaan door {bijstand}," if bijstand.strip() else "bent u"
        return [f"Op {op} {wie} gehoord (artikel 7:2 {P.AWB})."]
    grond = b.get("niet_horen_grond")
    if grond in P.NIET_HOREN:
        zin = P.NIET_HOREN[grond]
        zin = zin if isinstance(zin, str) else zin[1 if b["aan_indiener"] else 0]
        return [f"{zin} {P.NIET_HOREN_SLOT.format(Orgaan=w['Orgaan'], grond=grond)}"]
    return ["Er is geen hoorzitting gehouden."]


def advies(b: Mapping[str, Any], w: Mapping[str, str]) -> list[str]:
    if not b.get("advies_op"):
        return ["Over dit bezwaar is geen advies gevraagd aan een bezwaarcommissie."]
    op = datum(b["advies_op"])
    text = [f"De bezwaarcommissie heeft op {op} advies uitgebracht (artikel 7:13 {P.AWB})."]
    if b.get("advies_uitkomst") in P.ADVIES_UITKOMST:
        text[0] += f" Zij adviseert het bezwaar {P.ADVIES_UITKOMST[b['advies_uitkomst']]} te verklaren."
    if b.get("advies_gevolgd"):
        slot = P.ADVIES_GEVOLGD.format(Orgaan=w["Orgaan"])
    else:
        slot = P.ADVIES_AFWIJKING.format(Orgaan=w["Orgaan"], reden=P.vervolg(b.get("afwijking_reden") or ""))
    return [*text, slot, P.BIJLAGE.format(datum=op)]


def gronden(b: Mapping[str, Any], w: Mapping[str, str]) -> list[str]:
    if b["uitkomst"] == "niet_ontvankelijk":
        return [P.NO_GRONDEN.format(orgaan=w["orgaan"])]
    lines = [P.HEROVERWEGING.format(orgaan=w["orgaan"], datum=w["datum"])]
    wie = "U voert" if b["aan_indiener"] else f"{b['indiener']} voert"
    for i, g in enumerate(b["gronden"], 1):
        oordeel = f" {P.SLAAGT[g['slaagt']]}" if g.get("slaagt") is not None else ""
        lines += [f"Grond {i}. {wie} het volgende aan.", g["grond"], f"Reactie op grond {i}. {g['reactie']}{oordeel}"]
    return [*lines, f"Verder overweegt {w['orgaan']} het volgende.", b["motivering"]]


def beslissing(b: Mapping[str, Any], w: Mapping[str, str]) -> list[str]:
    uitkomst, nieuw = b["uitkomst"], P.vervolg(b.get("nieuw_besluit") or "")
    if uitkomst == "gegrond":
        rest = P.VERVANGEND.format(orgaan=w["orgaan"], nieuw=nieuw) if nieuw else \
            P.GEEN_NIEUW.format(datum=w["datum"])
        return [P.GEGROND.format(**w), rest]
    if uitkomst == "deels_gegrond":
        return [P.DEELS.format(**w, deel=P.vervolg(b.get("herroepen_deel") or ""), nieuw=nieuw)]
    if uitkomst == "ongegrond":
        return [P.ONGEGROND.format(**w)]
    return niet_ontvankelijk(b, w)


def niet_ontvankelijk(b: Mapping[str, Any], w: Mapping[str, str]) -> list[str]:
    """Only the reason for inadmissibility: its ground, the jurist's explanation of it, the dictum."""
    grond = b["tijdigheid"] if b["tijdigheid"] in ("te_laat", "voor_besluit") else b.get("niet_ontvankelijk_grond")
    reden, artikelen = P.NO_REDEN.get(grond or "", ("", "artikel 6:6"))
    uitleg = b.get("motivering") or ""
    return [p for p in (reden, uitleg if b["aan_indiener"] and uitleg.strip() else "",
                        P.NIET_ONTVANKELIJK.format(**w, artikelen=artikelen)) if p]
