"""The huisverbod letter kit: the beschikking to the barred person, the information to the household and
the notice to Veilig Thuis, for the imposition, the extension and the withdrawal.

What each letter holds follows the Wet tijdelijk huisverbod: the order names the place, the period to
the minute, the facts and circumstances, and the protected persons (art. 2 lid 4); the household hears
the content and the consequences of a breach (art. 2 lid 8), not the barred person's police record;
Veilig Thuis gets the content. The remedy is direct beroep, never bezwaar.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from app.domain.measures import parse_moment
from app.domain.procedure import ORGAAN, PLAATSVERVANGER
from app.letters import paragraphs as L
from app.letters.formatting import datum, datum_met_dag, periode, tijdstip
from app.letters.input import LetterInput
from app.letters.manifest import Clause
from app.powers.huisverbod import phrases as P

HEAD = L.HEAD_KEYS
_U, _A, _V = P.UITHUISGEPLAATSTE, P.ACHTERBLIJVER, P.VEILIG_THUIS
KEYS: dict[tuple[str, str], tuple[str, ...]] = {
    ("huisverbod", _U): (*HEAD, "inleiding", "van", "tot", "bereikbaar_tot", "dictum", "beschermde_personen",
                         "feiten", "factoren", "motivering", "verplichtingen", "gevolgen", "mandaat", "rechtsmiddelen",
                         "afschrift_aan"),
    ("huisverbod", _A): (*HEAD, "inleiding", "van", "tot", "dictum", "gevolgen", "hulp", "gronden", "rechtsmiddelen"),
    ("huisverbod", _V): (*HEAD, "inleiding", "gegevens", "feiten", "factoren", "motivering", "mandaat"),
    # Art. 9 lid 1: an extension is an order too (art. 2 lid 4 and 6-8 apply): facts, protected persons, duties.
    ("verlenging_huisverbod", _U): (*HEAD, "inleiding", "tot", "dictum", "beschermde_personen", "feiten", "factoren",
                                    "motivering", "verplichtingen", "gevolgen", "mandaat", "rechtsmiddelen",
                                    "afschrift_aan"),
    ("verlenging_huisverbod", _A): (*HEAD, "inleiding", "tot", "dictum", "gevolgen", "hulp", "gronden",
                                    "rechtsmiddelen"),
    ("verlenging_huisverbod", _V): (*HEAD, "inleiding", "gegevens", "motivering", "mandaat"),
    ("intrekking_huisverbod", _U): (*HEAD, "inleiding", "dictum", "motivering", "mandaat", "rechtsmiddelen",
                                    "afschrift_aan"),
    # The household may appeal a withdrawal, so it reads why the danger is judged to have diminished.
    ("intrekking_huisverbod", _A): (*HEAD, "inleiding", "dictum", "motivering", "hulp", "rechtsmiddelen"),
    ("intrekking_huisverbod", _V): (*HEAD, "inleiding", "gegevens", "motivering", "mandaat"),
}
# The moments each outcome prints; computed by domain/measures.py, never here.
_MOMENTS = {"huisverbod": ("ingang_at", "einde_at", "bereikbaarheid_tot"), "verlenging_huisverbod": ("einde_at",),
            "intrekking_huisverbod": ("ingang_at",)}


class HuisverbodLetters:
    """The kit (app/letters/kit.py) of the huisverbod power."""

    def addressee(self, rol: str) -> str:
        return P.ADDRESSEE[rol]

    def keys(self, outcome: str, addressee: str) -> frozenset[str]:
        return frozenset(KEYS[(outcome, addressee)])

    def check(self, letter: LetterInput) -> dict[str, str]:
        """Refuse input a letter cannot be written from: an unknown letter, a missing moment, person or area,
        or an extension or withdrawal by anyone but the mayor (Wth art. 3 excludes them from the mandate)."""
        if (letter.outcome, P.ADDRESSEE.get(letter.recipient.rol)) not in KEYS:
            return {"outcome": "Voor deze uitkomst en ontvanger is geen brief."}
        errors = {f"deadlines.{k}": "Dit moment ontbreekt." for k in _MOMENTS[letter.outcome]
                  if not isinstance(letter.deadlines.get(k), datetime)}
        if letter.deadlines.get("uiterlijke_reactiedatum") is None:
            errors["deadlines.uiterlijke_reactiedatum"] = "De beroepstermijn ontbreekt."
        if not (letter.case_file.get("person") or {}).get("naam"):
            errors["case_file.person"] = "De uithuisgeplaatste ontbreekt."
        if not str(letter.case_file.get("area_description") or "").strip():
            errors["case_file.area_description"] = "Het verboden gebied ontbreekt."
        if letter.outcome != "huisverbod" and (letter.beslisser or {}).get("hoedanigheid") not in (
                ORGAAN, PLAATSVERVANGER):
            errors["beslisser"] = "Alleen de burgemeester (of zijn vervanger) verlengt of trekt in."
        if _same_street(_postal(letter.case_file)[0], letter.zaak_adresregels[0]):
            errors["case_file.postal_address"] = "Het postadres is de woning waar hij niet mag komen."
        return errors

    def context(self, letter: LetterInput, clauses: Mapping[str, Clause]) -> dict[str, object]:
        words = _words(letter)
        addressee = P.ADDRESSEE[letter.recipient.rol]
        head = L.head(letter, P.ONDERWERP[letter.outcome].format_map(words))
        if addressee == _U:
            head["adresregels"] = [letter.recipient.naam, *_postal(letter.case_file)]
        return {**head, **{k: _PARTS[k](letter, words, clauses) for k in KEYS[(letter.outcome, addressee)]
                           if k not in HEAD}}


def _postal(case: Mapping[str, Any]) -> list[str]:
    """Where the barred person's letter goes: never the dwelling he may not enter."""
    lines = [line.strip() for line in str(case.get("postal_address") or "").splitlines() if line.strip()]
    if lines:
        return lines
    return [P.NEDERLEGGING if case.get("whereabouts_unknown") else P.UITREIKEN]


def _same_street(line: str, dwelling: str) -> bool:
    return " ".join(line.lower().replace("p/a", "").split()) == " ".join(dwelling.lower().split())


def _words(letter: LetterInput) -> dict[str, str]:
    case, d = letter.case_file, letter.deadlines
    household = [str(m.get("naam", "")) for m in case.get("household") or ()]
    words = {"straat": letter.zaak_adresregels[0], "woning": " ".join(", ".join(letter.zaak_adresregels).split()),
             "naam": str((case.get("person") or {}).get("naam", "")),
             "gebied": _gebied(str(case.get("area_description") or "")),
             "beschermden": L.opsomming(household), "stuk": P.STUK[letter.outcome],
             "kenmerk": letter.melding_kenmerk}
    for key, name in (("ingang_at", "van"), ("einde_at", "tot"), ("bereikbaarheid_tot", "bereikbaar_tot")):
        if isinstance(d.get(key), datetime):
            words[name] = moment_text(d[key])
    if letter.outcome == "intrekking_huisverbod" and isinstance(d.get("ingang_at"), datetime):
        words["einde"] = moment_text(d["ingang_at"])  # a withdrawal ends the order when it takes effect
    imposed = parse_moment(case.get("imposed_at"))
    if imposed is not None:
        words["opgelegd"] = moment_text(imposed)
    if letter.duur:
        words["periode"] = periode(letter.duur, "days")
    return words


def _gebied(text: str) -> str:
    """The area as the continuation of a sentence: "De woning en ..." reads "de woning en ..."."""
    text = text.strip().rstrip(".")
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def moment_text(moment: datetime) -> str:
    """"donderdag 3 december 2026 om 23.40 uur" (Amsterdam wall clock)."""
    return f"{datum_met_dag(moment)} om {tijdstip(moment)}"


def _protected(letter: LetterInput) -> list[str]:
    """Art. 2 lid 4 onder c: the persons the contact ban protects, by name."""
    return [P.BESCHERMD.format(naam=m.get("naam", ""), relatie=m.get("relatie", ""))
            for m in letter.case_file.get("household") or ()]


def _dictum(letter: LetterInput, addressee: str, words: Mapping[str, str]) -> list[str]:
    if letter.outcome == "intrekking_huisverbod":
        return _filled(P.DICTUM_INTREKKING, words)
    if addressee == _A:
        return _filled(P.DICTUM_ACHTERBLIJVER, words)
    lines = P.DICTUM_VERLENGING if letter.outcome == "verlenging_huisverbod" else P.DICTUM
    oral = [P.MONDELING] if letter.outcome == "huisverbod" and letter.case_file.get("oral_first") else []
    return _filled([*lines, *oral], words)


def _feiten(letter: LetterInput) -> str:
    rihg = letter.case_file.get("rihg") or {}
    completed = parse_moment(rihg.get("completed_at"))
    when = datum(completed or letter.pleegdatum)
    return P.FACTOREN.format(stuk=P.STUK[letter.outcome], bron=letter.melding_bron, kenmerk=letter.melding_kenmerk,
                             datum=when)


def _factoren(letter: LetterInput, words: Mapping[str, str]) -> list[str]:
    """The RiHG factors; a reader other than the barred person reads "Over E. Voorbeeldman", not "Over u"."""
    own = P.ADDRESSEE[letter.recipient.rol] == _U
    labels = P.CATEGORIE if own else {k: v.format_map(words) for k, v in P.CATEGORIE_DERDEN.items()}
    return [P.FACTOR.format(categorie=L.label(labels, f.get("category")), tekst=f.get("text", ""))
            for f in (letter.case_file.get("rihg") or {}).get("factors") or ()]


def _motivering(letter: LetterInput, words: Mapping[str, str]) -> list[str]:
    """The legal basis stated positively for this decision, then the recorded judgements it rests on."""
    own = P.ADDRESSEE[letter.recipient.rol] == _U
    basis = P.GRONDSLAG[(letter.outcome, _U if own else None)]
    return [*_filled(basis, words), *L.oordelen(letter.judgements, P.OORDELEN[letter.outcome])]


def _gronden(letter: LetterInput, words: Mapping[str, str]) -> list[str]:
    """What the household reads of the grounds (art. 2 lid 8): the incident and the home situation, the
    legal basis and the danger judgement; not what the RiHG says about the barred person himself."""
    mine = [f for f in (letter.case_file.get("rihg") or {}).get("factors") or ()
            if f.get("category") in P.GEDEELD_MET_HUISGENOTEN]
    shared = replace(letter, case_file={**letter.case_file, "rihg": {
        **(letter.case_file.get("rihg") or {}), "factors": mine}})
    withheld = len(mine) < len((letter.case_file.get("rihg") or {}).get("factors") or ())
    return [_feiten(letter), *_factoren(shared, words), *_motivering(letter, words),
            *([P.NIET_GEDEELD.format_map(words)] if withheld else [])]


def _verplichtingen(letter: LetterInput, words: Mapping[str, str]) -> list[str]:
    if letter.outcome == "verlenging_huisverbod":
        return [*_filled(P.VERPLICHTINGEN_VERLENGING, words), P.RECHTSBIJSTAND]
    keys = P.SLEUTELS_INGENOMEN if letter.case_file.get("keys_collected") else P.SLEUTELS_AFGEVEN
    return [*_filled(P.VERPLICHTINGEN, words), keys, P.RECHTSBIJSTAND]


def _gevolgen(letter: LetterInput, words: Mapping[str, str]) -> list[str]:
    if P.ADDRESSEE[letter.recipient.rol] == _A:
        return _filled(P.GEVOLGEN_ACHTERBLIJVER, words)
    return list(P.GEVOLGEN)


def _rechtsmiddelen(letter: LetterInput, clauses: Mapping[str, Clause]) -> list[str]:
    extra = P.BEROEP_DEKT_VERLENGING if letter.outcome == "verlenging_huisverbod" else []
    return [*L.rechtsmiddelen(clauses, P.CLAUSE, letter), *extra]


def _mandaat(letter: LetterInput) -> str:
    """Who decided: the mayor himself, or a hulpofficier van justitie in mandate (Wth art. 3)."""
    decider = letter.beslisser or {}
    if decider.get("hoedanigheid") in (ORGAAN, PLAATSVERVANGER, None):
        return P.EIGEN_BESLUIT
    return P.MANDAAT.format(naam=decider.get("naam", ""), mandaatbesluit=decider.get("mandaatbesluit", ""))


def _gegevens(letter: LetterInput, words: Mapping[str, str]) -> list[str]:
    case = letter.case_file
    person = case.get("person") or {}
    household = ", ".join(P.BESCHERMD.format(naam=m.get("naam", ""), relatie=m.get("relatie", ""))
                          for m in case.get("household") or ())
    born = person.get("geboortedatum")
    values = {**words, "geboren": datum(date.fromisoformat(born)) if born else "onbekend",
              "achterblijvers": household, "kind": "ja" if case.get("kindermishandeling") else "nee"}
    lines = ["uithuisgeplaatste", "woning", "gebied", "achterblijvers", "kindermishandeling"]
    if letter.outcome == "huisverbod":
        values["bereikbaar"] = case.get("reachability_details") or P.NOG_NIET.format_map(words)
        lines[2:2] = ["looptijd"]
        lines.append("bereikbaar")
    elif letter.outcome == "verlenging_huisverbod":
        lines[2:2] = ["verlengd"]
    else:  # a withdrawal: when the order ends, not the bans that end with it
        lines = ["uithuisgeplaatste", "woning", "eindigt"]
    return [P.GEGEVENS[line].format_map(values) for line in lines]


def _filled(lines: list[str], words: Mapping[str, str]) -> list[str]:
    return [line.format_map(words) for line in lines]


Part = Callable[[LetterInput, Mapping[str, str], Mapping[str, Clause]], Any]
# Each context key and how it is made; a letter builds only the keys its template uses.
_PARTS: dict[str, Part] = {
    "inleiding": lambda lt, w, _: _filled(P.INLEIDING[(lt.outcome, P.ADDRESSEE[lt.recipient.rol])], w),
    "dictum": lambda lt, w, _: _dictum(lt, P.ADDRESSEE[lt.recipient.rol], w),
    "van": lambda lt, w, _: w["van"], "tot": lambda lt, w, _: w["tot"],
    "bereikbaar_tot": lambda lt, w, _: w["bereikbaar_tot"],
    "beschermde_personen": lambda lt, w, _: _protected(lt),
    "feiten": lambda lt, w, _: [_feiten(lt)], "factoren": lambda lt, w, _: _factoren(lt, w),
    "motivering": lambda lt, w, _: _motivering(lt, w), "verplichtingen": lambda lt, w, _: _verplichtingen(lt, w),
    "gevolgen": lambda lt, w, _: _gevolgen(lt, w), "hulp": lambda lt, w, _: _filled(P.HULP_ACHTERBLIJVER, w),
    "gronden": lambda lt, w, _: _gronden(lt, w), "mandaat": lambda lt, w, _: [_mandaat(lt)],
    "rechtsmiddelen": lambda lt, w, c: _rechtsmiddelen(lt, c),
    "afschrift_aan": lambda lt, w, _: list(P.AFSCHRIFT), "gegevens": lambda lt, w, _: _gegevens(lt, w),
}
