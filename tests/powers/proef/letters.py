"""The letter kit of the fictional power `proef`: short letters built from the core's paragraphs only."""

from __future__ import annotations

from collections.abc import Mapping

from app.letters import paragraphs as L
from app.letters.formatting import datum, periode
from app.letters.input import LetterInput
from app.letters.manifest import Clause

HEAD = L.HEAD_KEYS
KEYS = {
    ("waarschuwing", "bewoner"): (*HEAD, "inleiding", "motivering"),
    **{("voornemen_sluiting", a): (*HEAD, "inleiding", "dictum", "motivering", "zienswijze_tot")
       for a in ("bewoner", "rechthebbende")},
    **{("sluiting", a): (*HEAD, "inleiding", "dictum", "motivering", "zienswijze", "rechtsmiddelen")
       for a in ("bewoner", "rechthebbende")},
}
ONDERWERP = {"waarschuwing": "Waarschuwing, {straat}", "voornemen_sluiting": "Voornemen tot sluiting, {straat}",
             "sluiting": "Besluit tot sluiting, {straat}"}
DICTUM = {"voornemen_sluiting": "Ik ben van plan {woning} te sluiten voor {periode}.",
          "sluiting": "Ik sluit {woning} voor {periode}."}
QUESTIONS = {"geschiktheid": "Is sluiting geschikt om het doel te bereiken?"}
WORDS = L.ZienswijzeWords(gelegenheid="Voordat ik dit besluit nam, kon u uw zienswijze geven.",
                          ontvangen=("U schreef: {samenvatting}", "Mijn reactie: {reactie}"),
                          uitzondering="Ik heb u niet gehoord: {reden}.")
_DATES = {"voornemen_sluiting": "zienswijze_tot", "sluiting": "uiterlijke_reactiedatum"}


class ProefLetters:
    def addressee(self, rol: str) -> str:
        return rol

    def keys(self, outcome: str, addressee: str) -> frozenset[str]:
        return frozenset(KEYS[(outcome, addressee)])

    def check(self, letter: LetterInput) -> dict[str, str]:
        if (letter.outcome, letter.recipient.rol) not in KEYS:
            return {"outcome": "Voor deze uitkomst en ontvanger is geen brief."}
        needed = _DATES.get(letter.outcome)
        return {f"deadlines.{needed}": "Deze datum ontbreekt."} if needed and not letter.deadlines.get(needed) \
            else {}

    def context(self, letter: LetterInput, clauses: Mapping[str, Clause]) -> dict[str, object]:
        words = {"straat": letter.zaak_adresregels[0], "woning": "de woning " + ", ".join(letter.zaak_adresregels),
                 "periode": periode(letter.duur or 0, "months")}
        parts = {
            "inleiding": lambda: [L.bron(letter, "deze brief")],
            "dictum": lambda: [DICTUM[letter.outcome].format_map(words)],
            "motivering": lambda: [*L.regels(letter), *L.oordelen(letter.judgements, QUESTIONS)],
            "zienswijze_tot": lambda: datum(letter.deadlines["zienswijze_tot"]),
            "zienswijze": lambda: L.zienswijze(letter.zienswijze or {}, WORDS),
            "rechtsmiddelen": lambda: L.rechtsmiddelen(clauses, "bezwaar_en_voorlopige_voorziening", letter),
        }
        keys = KEYS[(letter.outcome, letter.recipient.rol)]
        return {**L.head(letter, ONDERWERP[letter.outcome].format_map(words)),
                **{k: parts[k]() for k in keys if k not in HEAD}}
