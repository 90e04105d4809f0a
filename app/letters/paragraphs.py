"""Paragraphs every power's letters are made of (pure): the head, the rules' reasoning in the first person,
the recorded judgements, the zienswijze and its answer, and the legal remedy.

Rule explanations are written for staff, in the third person. A letter takes them as follows:
- only findings of kind bevoegdheid, uitzondering and beleid (never oordeel, evenredigheid or verwijzing:
  those tell the jurist what to weigh);
- a sentence, or a clause after ";", that addresses staff (phrases.STAFF_WORDS: "de jurist motiveert",
  "Beoordeel", "Vuurt alleen deze regel") is left out;
- "de burgemeester" becomes "ik", with "is"/"heeft" as "ben"/"heb", because the letter is the
  burgemeester's own, in the first person ("Ik ben daarom bevoegd"). This keeps one voice in the letter
  and needs no change to the rules;
- a policy is cited only as a beheerder confirmed it: by the official title and article of the confirmed
  parameter's source ("Beleidsregels inzake de toepassing van artikel 13b Opiumwet, artikel 4"). A policy
  finding that rests on a value still to confirm (or on no confirmed source at all) is left out, and a part
  of a legal-basis title that carries an internal marker ("te bevestigen") is never printed.

Every value is plain text; render.py escapes it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from app.domain.assessment import TraceEntry
from app.letters import phrases as P
from app.letters.formatting import datum, datum_met_dag
from app.letters.input import LetterInput
from app.letters.manifest import Clause
from app.letters.salutation import aanhef

_STAFF = re.compile(r"\b(" + "|".join(map(re.escape, P.STAFF_WORDS)) + r")\b", re.IGNORECASE)
_MARKER = re.compile(r"\b(" + "|".join(map(re.escape, P.TITLE_MARKERS)) + r")\b", re.IGNORECASE)
_EERSTE_PERSOON = tuple((re.compile(rf"\b{pattern}\b"), new) for pattern, new in P.EERSTE_PERSOON)
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+")


def head(letter: LetterInput, onderwerp: str) -> dict[str, object]:
    """Keys every letter has: the sender in the letterhead, reference block, address block, salutation and
    signature."""
    recipient = letter.recipient
    return {
        "afzender": afzender(letter.orgaan, letter.gemeente),
        "kenmerk": letter.kenmerk,
        "verzenddatum": letter.verzenddatum.isoformat(),  # for the core properties, not printed
        "datum_brief": datum(letter.verzenddatum),
        "onderwerp": onderwerp,
        "behandeld_door": letter.behandeld_door,
        "adresregels": [recipient.naam, *recipient.adresregels],
        "aanhef": recipient.aanhef or aanhef(recipient.naam, is_organisatie=recipient.is_organisatie),
        "ondertekening": list(letter.ondertekening),
    }


HEAD_KEYS = ("afzender", "kenmerk", "verzenddatum", "datum_brief", "onderwerp", "behandeld_door", "adresregels",
             "aanhef", "ondertekening")

# How the competent body (the zaak's, procedure.body_of) is named in the letterhead and above the signature, how
# its substitute signs, and the pronoun after "namens"/"voor": one person (deze), or the college (dezen).
BODY_TITLES = {"burgemeester": "De burgemeester van {gemeente}", "college": "Burgemeester en wethouders van {gemeente}"}
LOCUM = {"burgemeester": "locoburgemeester", "college": "plaatsvervanger"}
PRONOUN = {"burgemeester": "deze", "college": "dezen"}
# A bezwaar is made to the body that took the besluit (Awb 6:4 lid 1): a kit's bezwaar clause for one body is
# replaced by the same clause for the zaak's body.
CLAUSE_OF_BODY = {"burgemeester": {"bezwaar_college": "bezwaar_en_voorlopige_voorziening"},
                  "college": {"bezwaar_en_voorlopige_voorziening": "bezwaar_college"}}


def afzender(body: str, gemeente: str) -> str:
    """The sender the letterhead names: "De burgemeester van Maastricht", "Burgemeester en wethouders van ..."."""
    return BODY_TITLES[body].format(gemeente=gemeente)


def ondertekening(body: str, gemeente: str, beslisser: Mapping[str, str]) -> tuple[str, ...]:
    """The signature block (Awb 10:10): the body signs in person; its substitute "voor deze" as the locum;
    anyone else "namens deze", with the function under which the mandate was given. For the college the
    pronoun is plural: "namens dezen".

    `beslisser` is {naam, hoedanigheid, functie}: "De burgemeester van Maastricht," / "namens deze," /
    "K. Kabinet" / "hoofd Kabinet en Veiligheid".
    """
    title = afzender(body, gemeente) + ","
    naam, functie, capacity = beslisser.get("naam", ""), beslisser.get("functie", ""), beslisser.get("hoedanigheid")
    if capacity == "orgaan":
        return (title, naam)
    if capacity == "plaatsvervanger":
        return (title, f"voor {PRONOUN[body]},", naam, functie or LOCUM[body])
    return (title, f"namens {PRONOUN[body]},", naam, functie)


def rechtsmiddelen(clauses: Mapping[str, Clause], code: str, letter: LetterInput) -> list[str]:
    """The vetted remedy clause, with the last day to object or appeal written out; a bezwaar clause is the one of
    the body that decides (CLAUSE_OF_BODY)."""
    code = CLAUSE_OF_BODY.get(letter.orgaan, {}).get(code, code)
    return clauses[code].fill(datum_met_dag(letter.deadlines["uiterlijke_reactiedatum"]))


def bron(letter: LetterInput, stuk: str) -> str:
    """"Ik baseer dit besluit op de bestuurlijke rapportage van de politie van 3 maart 2026, met kenmerk X."""
    return P.BRON.format(stuk=stuk, bron=letter.melding_bron, datum=datum(letter.melding_datum),
                         kenmerk=letter.melding_kenmerk)


def opsomming(items: Iterable[str]) -> str:
    """Join items the Dutch way: "a, b en c"."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} en {items[-1]}"


def label(table: Mapping[str, str], code: object) -> str:
    """A code in letter words; an unknown one (validated elsewhere) still reads better than a KeyError."""
    return table.get(str(code), str(code).replace("_", " "))


def regels(letter: LetterInput, kinds: tuple[str, ...] = P.RULE_KINDS) -> list[str]:
    """The explanation of each fired rule of `kinds` (by default competence, exception and policy), with its
    legal basis. A kit that states the competence itself, from the facts, leaves the competence rules out."""
    paragraphs = []
    for entry in letter.assessment.fired:
        if entry.kind not in kinds or entry.kind not in P.RULE_KINDS or not entry.explanation.strip():
            continue
        scoped = entry.conclusion.get("outcomes")
        if scoped and letter.outcome not in scoped:
            continue  # a rule about another decision (e.g. the extension) says nothing about this one
        text = uitleg(entry.explanation)
        if not text or (entry.kind in P.POLICY_KINDS and not policy_confirmed(entry)):
            continue  # never present a default that the municipality has not confirmed as its policy
        title = grondslag(entry)
        paragraphs.append(P.GRONDSLAG.format(uitleg=text, titel=title) if title else text)
    return paragraphs


def policy_confirmed(entry: TraceEntry) -> bool:
    """A policy finding may be presented as policy: it rests on at least one confirmed source and on no value
    still to confirm."""
    values = entry.parameters.values()
    return any(p.source for p in values) and not any(p.to_confirm for p in values)


def grondslag(entry: TraceEntry) -> str:
    """What the letter cites: the rule's legal basis and the confirmed policy sources of its values. A policy
    finding cites the policy only ("Beleidsregels inzake de toepassing van artikel 13b Opiumwet, artikel 4"):
    a ruling or Awb 4:84 is not where a policy "staat"."""
    title = [titel((entry.legal_basis or {}).get("title", ""))]
    sources = [p.citation for p in entry.parameters.values() if p.citation]
    if entry.kind in P.POLICY_KINDS and sources:  # "Dit staat in de Beleidsregels ..."
        return "; ".join(dict.fromkeys(p if p.lower().startswith("de ") else f"de {p}" for p in sources))
    parts = title + sources
    return "; ".join(dict.fromkeys(p for p in parts if p))


def titel(title: str) -> str:
    """A legal-basis title without the parts that carry an internal marker: such a part names a source that
    is not confirmed ("Beleidsregels Maastricht (CVDR110009, te bevestigen); Awb 4:84" -> "Awb 4:84")."""
    parts = (" ".join(part.split()) for part in str(title).split(";"))
    return "; ".join(p for p in parts if p and not _MARKER.search(p))


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


def value(judgement: Any, name: str) -> str:
    """A field of a recorded judgement, exactly as stored ("" when absent)."""
    # Judgements arrive as mappings (stored JSON) or as domain.judgements.Recorded objects. Returned
    # unchanged (not stripped): the letter must hold exactly the text that was stored.
    found = judgement.get(name) if isinstance(judgement, Mapping) else getattr(judgement, name, None)
    return "" if found is None or not str(found).strip() else str(found)


def oordelen(judgements: Mapping[str, Any], questions: Mapping[str, str], private: Iterable[str] = (),
             private_sentence: str = "") -> list[str]:
    """Each recorded judgement with a known question, as the question and the recorded reasoning.

    Codes without a question are skipped. Codes in `private` (reasoning about a household that this
    addressee must not read) give `private_sentence` once instead.
    """
    private, paragraphs = set(private), []
    for code, question in questions.items():
        reasoning = value(judgements[code], "reasoning") if code in judgements else ""
        if not reasoning:
            continue
        if code in private:
            if private_sentence and private_sentence not in paragraphs:
                paragraphs.append(private_sentence)
            continue
        paragraphs.append(f"{question} {reasoning}")
    return paragraphs


@dataclass(frozen=True)
class ZienswijzeWords:
    """How one addressee's letter speaks about the hearing (who could respond, who sent a zienswijze)."""

    gelegenheid: str  # "Voordat ik dit besluit nam, kon u uw zienswijze geven."
    ontvangen: tuple[str, ...]  # with {samenvatting} and {reactie}
    uitzondering: str  # with {reden}: the Awb 4:11 ground


def zienswijze(data: Mapping[str, Any], words: ZienswijzeWords) -> list[str]:
    """The zienswijze and the response, or the Awb 4:11 ground for not hearing (awb-procedure.md §2.1)."""
    if "uitzondering" in data:
        lead = words.uitzondering.format(reden=label(P.UITZONDERING, data["uitzondering"]))
        return [p for p in (lead, value(data, "reasoning")) if p]
    if data.get("ontvangen"):
        values = {"samenvatting": value(data, "samenvatting"), "reactie": value(data, "reactie")}
        return [words.gelegenheid, *(p.format_map(values) for p in words.ontvangen)]
    paragraphs = [f"{words.gelegenheid} {P.ZIENSWIJZE_NIET_ONTVANGEN}"]
    if value(data, "reactie"):
        paragraphs.append(P.ZIENSWIJZE_REACTIE.format(reactie=value(data, "reactie")))
    return paragraphs
