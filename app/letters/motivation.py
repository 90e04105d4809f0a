"""The facts and motivation paragraphs of a Damocles letter (pure; used by context.py).

The motivation follows letters.md §5 in order: the facts with their source document and date, the
explanation of each fired competence, exception and policy rule with its legal basis, the recorded
judgements, any Awb 4:84 deviation, and the zienswijze with the response. Every value is plain text;
render.py escapes it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from babel.numbers import format_decimal

from app.letters import phrases as P
from app.letters.formatting import LOCALE

if TYPE_CHECKING:
    from app.letters.context import LetterInput


def opsomming(items: Iterable[str]) -> str:
    """Join items the Dutch way: "a, b en c"."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} en {items[-1]}"


def _label(table: Mapping[str, str], code: object) -> str:
    # Codes come from the validated case file; an unknown one still reads better than a KeyError.
    return table.get(str(code), str(code).replace("_", " "))


def _stof(item: Mapping[str, Any]) -> str:
    """One substance: "2 gram cocaïne (harddrugs, lijst I van de Opiumwet)"."""
    name = str(item.get("name", "")).strip()
    lijst = _label(P.LIJST, item.get("opiumwet_list"))
    quantity = item.get("quantity")
    if quantity is None:
        return f"{name} ({lijst})"
    singular, plural = P.EENHEID.get(str(item.get("unit")), (str(item.get("unit")), str(item.get("unit"))))
    unit = singular if quantity == 1 else plural
    return f"{format_decimal(quantity, locale=LOCALE)} {unit} {name} ({lijst})"


def aangetroffen(gegevens: Mapping[str, Any]) -> list[str]:
    """What was found, one bullet each: substances, objects (lid 1 sub b) and dealing attributes."""
    items = [_stof(s) for s in gegevens.get("substances") or ()]
    items += [f"{o.get('description', '')} ({_label(P.VOORWERP_GRONDSLAG, o.get('basis'))})"
              for o in gegevens.get("objects_13b_1b") or ()]
    items += [_label(P.ATTRIBUUT, a) for a in gegevens.get("attributes_found") or ()]
    return items


def vondst(gegevens: Mapping[str, Any]) -> str:
    """"drugs", or another word when only objects for drug crime were found (lid 1 sub b)."""
    if gegevens.get("objects_13b_1b") and not gegevens.get("substances"):
        return P.VONDST_VOORWERPEN
    return P.VONDST_DRUGS


def feiten(letter: LetterInput, words: Mapping[str, str]) -> list[str]:
    """The opening paragraph of "Wat is er gebeurd?"; the bullets follow from `aangetroffen`."""
    found = aangetroffen(letter.melding_gegevens)
    return [(P.FEITEN_MET_VONDST if found else P.FEITEN_ZONDER_VONDST).format_map(words)]


def motivering(letter: LetterInput, words: Mapping[str, str], stuk: str) -> list[str]:
    """All motivation paragraphs, in the order of letters.md §5."""
    paragraphs = [P.BRON.format(stuk=stuk, bron=letter.melding_bron, datum=words["melding_datum"],
                                kenmerk=letter.melding_kenmerk)]
    evidence = [_label(P.HANDELSBEWIJS, e) for e in letter.melding_gegevens.get("dealing_evidence") or ()]
    if evidence:
        paragraphs.append(P.HANDEL.format(object=words["object"], bewijs=opsomming(evidence)))
    paragraphs += regels(letter)
    paragraphs += oordelen(letter.judgements)
    if letter.afwijking_beleid:
        paragraphs += [P.AFWIJKING, letter.afwijking_beleid]
    if letter.outcome == "sluiting":
        paragraphs += zienswijze(letter.zienswijze or {})
    return paragraphs


def regels(letter: LetterInput) -> list[str]:
    """The explanation of each fired competence, exception and policy rule, with its legal basis."""
    paragraphs = []
    for entry in letter.assessment.fired:
        if entry.kind not in P.RULE_KINDS or not entry.explanation.strip():
            continue
        title = (entry.legal_basis or {}).get("title", "").strip()
        text = " ".join(entry.explanation.split())
        paragraphs.append(P.GRONDSLAG.format(uitleg=text, titel=title) if title else text)
    return paragraphs


def _get(judgement: Any, name: str) -> str:
    # Judgements arrive as mappings (stored JSON) or as domain.judgements.Recorded objects.
    # Returned unchanged (not stripped): the letter must hold exactly the text that was stored.
    value = judgement.get(name) if isinstance(judgement, Mapping) else getattr(judgement, name, None)
    return "" if value is None or not str(value).strip() else str(value)


def oordelen(judgements: Mapping[str, Any]) -> list[str]:
    """Each recorded judgement as its question and the recorded reasoning; known codes first."""
    ordered = [c for c in P.OORDELEN if c in judgements] + [c for c in judgements if c not in P.OORDELEN]
    paragraphs = []
    for code in ordered:
        reasoning = _get(judgements[code], "reasoning")
        if reasoning:
            question = P.OORDELEN.get(code)
            paragraphs.append(f"{question} {reasoning}" if question else reasoning)
    return paragraphs


def zienswijze(data: Mapping[str, Any]) -> list[str]:
    """The zienswijze and the response, or the Awb 4:11 ground for not hearing (awb-procedure.md §2.1)."""
    if "uitzondering" in data:
        reden = _label(P.UITZONDERING, data["uitzondering"])
        return [p for p in (P.ZIENSWIJZE_UITZONDERING.format(reden=reden), _get(data, "reasoning")) if p]
    if data.get("ontvangen"):
        values = {"samenvatting": _get(data, "samenvatting"), "reactie": _get(data, "reactie")}
        return [p.format_map(values) for p in P.ZIENSWIJZE_ONTVANGEN]
    paragraphs = [P.ZIENSWIJZE_NIET_ONTVANGEN]
    if _get(data, "reactie"):
        paragraphs.append(P.ZIENSWIJZE_REACTIE.format(reactie=_get(data, "reactie")))
    return paragraphs
