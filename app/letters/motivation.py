"""The facts and motivation paragraphs of a Damocles letter (pure; used by context.py).

The motivation follows letters.md §5 in order: the facts with their source document and date, the
explanation of each fired competence, exception and policy rule with its legal basis, the recorded
judgements, any Awb 4:84 deviation, and the zienswijze with the response. Every value is plain text;
render.py escapes it.

Rule explanations are written for staff, in the third person. A letter takes them as follows:
- only findings of kind bevoegdheid, uitzondering and beleid (never oordeel, evenredigheid or verwijzing:
  those tell the jurist what to weigh);
- a sentence, or a clause after ";", that addresses staff (phrases.STAFF_WORDS: "de jurist motiveert",
  "Beoordeel", "Vuurt alleen deze regel") is left out;
- "de burgemeester" becomes "ik", with "is"/"heeft" as "ben"/"heb", because the letter is the
  burgemeester's own, in the first person ("Ik ben daarom bevoegd"). This keeps one voice in the letter
  and needs no change to the rules;
- internal markers in a legal-basis title ("(CVDR110009, te bevestigen)") are removed.

Judgements are printed per known code (the codes of rules/damocles/index.yaml, phrases.OORDELEN) with a
question as lead-in; other codes, such as a stray "zienswijze", are skipped. The owner's letter gets one
neutral sentence instead of the reasoning about the residents' household (phrases.OORDELEN_PRIVE) and
the Awb 4:84 detail (which is that reasoning).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from babel.numbers import format_decimal

from app.letters import phrases as P
from app.letters.formatting import LOCALE

if TYPE_CHECKING:
    from app.letters.context import LetterInput

_STAFF = re.compile(r"\b(" + "|".join(map(re.escape, P.STAFF_WORDS)) + r")\b", re.IGNORECASE)
_MARKER = re.compile(r",?\s*\b(" + "|".join(map(re.escape, P.TITLE_MARKERS)) + r")\b", re.IGNORECASE)
_EERSTE_PERSOON = tuple((re.compile(rf"\b{pattern}\b"), new) for pattern, new in P.EERSTE_PERSOON)
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+")


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
    unit = str(item.get("unit"))
    singular, plural = P.EENHEID.get(unit, (unit, unit))
    amount = format_decimal(quantity, locale=LOCALE)
    if singular.lower() in name.lower():  # "6 hennepplanten", not "6 planten hennepplanten"
        if quantity == 1 and name.lower().endswith(plural.lower()) and plural != singular:
            name = name[: -len(plural)] + singular  # "1 hennepplant"
        return f"{amount} {name} ({lijst})"
    return f"{amount} {singular if quantity == 1 else plural} {name} ({lijst})"


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
    owner = P.ADDRESSEE[letter.recipient.rol] == P.RECHTHEBBENDE
    paragraphs += oordelen(letter.judgements, private=owner)
    if letter.afwijking_beleid:
        paragraphs.append(P.AFWIJKING)
        detail = letter.afwijking_beleid
        if not owner and not any(p.endswith(detail) for p in paragraphs):  # often bijzondere_omstandigheden
            paragraphs.append(detail)
    if letter.outcome == "sluiting":
        paragraphs += zienswijze(letter.zienswijze or {}, P.ADDRESSEE[letter.recipient.rol])
    return paragraphs


def regels(letter: LetterInput) -> list[str]:
    """The explanation of each fired competence, exception and policy rule, with its legal basis."""
    paragraphs = []
    for entry in letter.assessment.fired:
        if entry.kind not in P.RULE_KINDS or not entry.explanation.strip():
            continue
        text = uitleg(entry.explanation)
        if not text:
            continue
        title = titel((entry.legal_basis or {}).get("title", ""))
        paragraphs.append(P.GRONDSLAG.format(uitleg=text, titel=title) if title else text)
    return paragraphs


def titel(title: str) -> str:
    """A legal-basis title without internal markers: "(CVDR110009, te bevestigen)" -> "(CVDR110009)"."""
    title = _MARKER.sub("", " ".join(str(title).split()))
    return re.sub(r"\s*\(\s*\)", "", title).strip()


def uitleg(explanation: str) -> str:
    """A rule explanation for a letter: without sentences for staff, and in the first person."""
    sentences = _SENTENCE_END.split(" ".join(str(explanation).split()))
    return " ".join(s for s in (_eerste_persoon(_public(s)) for s in sentences) if s)


def _public(sentence: str) -> str:
    """The sentence without the clauses that address staff; "" when nothing is left."""
    end = sentence[-1] if sentence[-1:] in (".", "?", "!") else "."
    body = sentence[:-1] if sentence[-1:] in (".", "?", "!") else sentence
    clauses = [c for c in body.split("; ") if c.strip() and not _STAFF.search(c)]
    return "; ".join(clauses) + end if clauses else ""


def _eerste_persoon(sentence: str) -> str:
    """"De burgemeester is daarom bevoegd." -> "Ik ben daarom bevoegd." (see the module docstring)."""
    if not sentence:
        return sentence
    text = sentence[:1].lower() + sentence[1:]
    for pattern, new in _EERSTE_PERSOON:
        text = pattern.sub(new, text)
    return text[:1].upper() + text[1:]


def _get(judgement: Any, name: str) -> str:
    # Judgements arrive as mappings (stored JSON) or as domain.judgements.Recorded objects.
    # Returned unchanged (not stripped): the letter must hold exactly the text that was stored.
    value = judgement.get(name) if isinstance(judgement, Mapping) else getattr(judgement, name, None)
    return "" if value is None or not str(value).strip() else str(value)


def oordelen(judgements: Mapping[str, Any], private: bool = False) -> list[str]:
    """Each recorded judgement of a known code as its question and the recorded reasoning.

    Unknown codes are skipped. With `private` (the owner's letter) the household judgements give one
    neutral sentence instead of their reasoning.
    """
    paragraphs = []
    for code, question in P.OORDELEN.items():
        reasoning = _get(judgements[code], "reasoning") if code in judgements else ""
        if not reasoning:
            continue
        if private and code in P.OORDELEN_PRIVE:
            if P.OMSTANDIGHEDEN_GEWOGEN not in paragraphs:
                paragraphs.append(P.OMSTANDIGHEDEN_GEWOGEN)
            continue
        paragraphs.append(f"{question} {reasoning}")
    return paragraphs


def zienswijze(data: Mapping[str, Any], addressee: str = "bewoner") -> list[str]:
    """The zienswijze and the response, or the Awb 4:11 ground for not hearing (awb-procedure.md §2.1).

    The resident reads "kon u uw zienswijze geven"; the owner reads that the residents and the owner could
    respond and that a belanghebbende sent the zienswijze, so it is not attributed to the owner.
    """
    if "uitzondering" in data:
        reden = _label(P.UITZONDERING, data["uitzondering"])
        lead = P.ZIENSWIJZE_UITZONDERING[addressee].format(reden=reden)
        return [p for p in (lead, _get(data, "reasoning")) if p]
    gelegenheid = P.ZIENSWIJZE_GELEGENHEID[addressee]
    if data.get("ontvangen"):
        values = {"samenvatting": _get(data, "samenvatting"), "reactie": _get(data, "reactie")}
        return [gelegenheid, *(p.format_map(values) for p in P.ZIENSWIJZE_ONTVANGEN[addressee])]
    paragraphs = [f"{gelegenheid} {P.ZIENSWIJZE_NIET_ONTVANGEN}"]
    if _get(data, "reactie"):
        paragraphs.append(P.ZIENSWIJZE_REACTIE.format(reactie=_get(data, "reactie")))
    return paragraphs
