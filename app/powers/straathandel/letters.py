"""The straathandel letter kit: voornemen, last onder dwangsom and invorderingsbeschikking, to the offender and,
while he is a minor on the verzenddatum, to each parent with authority (the same decision; the parent's letter
only adds why the parent receives it). Content per straathandel-dwangsom.md §6 and awb-procedure.md §9.2-§9.3:
the APV article and text, the facts, why repetition is feared, the order mirroring the norm, the amounts,
forfeiture by operation of law, how a violation is established, proportionality, the separate criminal case,
and the remedy. Only this person's data: the report is about him alone (no co-suspects)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from app.letters import hearing as H
from app.letters import paragraphs as L
from app.letters import phrases as G
from app.letters.formatting import datum_met_dag
from app.letters.input import LetterInput
from app.letters.manifest import Clause
from app.powers.straathandel import phrases as P
from app.powers.straathandel import words as W
from app.powers.straathandel.invordering import invordering, invordering_errors
from app.powers.straathandel.observations import feiten
from app.powers.straathandel.policy import HALVED

COMMON_KEYS = (*L.HEAD_KEYS, "inleiding", "feiten", "motivering", "afschrift_aan")
OUTCOME_KEYS = {
    "voornemen_last": ("dictum", "norm", "last", "zienswijze_tot", "vragen"),
    "last_onder_dwangsom": ("dictum", "norm", "last", "verbeurte", "vaststelling", "strafrecht", "rechtsmiddelen"),
    "invorderingsbeschikking": ("last_gegevens", "overtredingen", "bedragen", "betalen", "verjaring",
                                "rechtsmiddelen"),
}
_DEADLINES = {"voornemen_last": ("zienswijze_tot",),
              "last_onder_dwangsom": ("ingangsdatum", "vervaldatum", "uiterlijke_reactiedatum"),
              "invorderingsbeschikking": ("uiterlijke_reactiedatum",)}
Builder = Callable[[LetterInput, Mapping[str, str], Mapping[str, Clause]], dict[str, object]]


class StraathandelLetters:
    """The kit (app/letters/kit.py) of the straathandel power."""

    def addressee(self, rol: str) -> str:
        return P.ADDRESSEE[rol]

    def keys(self, outcome: str, addressee: str) -> frozenset[str]:
        return frozenset(COMMON_KEYS + OUTCOME_KEYS[outcome])

    def check(self, letter: LetterInput) -> dict[str, str]:
        """Refuse input a letter cannot be written from; every problem at once."""
        if letter.outcome not in OUTCOME_KEYS:
            return {"outcome": "Voor deze uitkomst is geen brief."}
        errors: dict[str, str] = {}
        if letter.recipient.rol not in P.ADDRESSEE:
            errors["recipient.rol"] = "Kies de overtreder of een ouder of voogd met gezag."
        for key in _DEADLINES[letter.outcome]:
            found = letter.deadlines.get(key)
            if found is None or found <= letter.verzenddatum:
                errors[f"deadlines.{key}"] = "Vul een datum in die na de verzenddatum ligt."
        if letter.outcome != "voornemen_last" and _abroad_without_method(letter):
            errors["bekendmaking_buitenland"] = ("De overtreder woont in het buitenland. Leg bij de feiten vast hoe "
                                                 "het besluit wordt bekendgemaakt (Awb 3:41).")
        if letter.outcome == "invorderingsbeschikking":
            return {**errors, **invordering_errors(letter)}
        return {**errors, **_order_errors(letter)}

    def context(self, letter: LetterInput, clauses: Mapping[str, Clause]) -> dict[str, object]:
        words = W.words_for(letter)
        context = {
            **L.head(letter, P.ONDERWERP[letter.outcome].format(plaats=", ".join(letter.zaak_adresregels[:1]))),
            "inleiding": _inleiding(letter, words),
            "feiten": feiten(letter, words), "motivering": _motivering(letter, words),
            "afschrift_aan": _afschrift(letter, words),
        }
        context.update(_BUILDERS[letter.outcome](letter, words, clauses))
        return context


def _abroad_without_method(letter: LetterInput) -> bool:
    """Pitfall 13: a besluit to an address abroad needs a recorded way of making it known."""
    land = (letter.case_file.get("waargenomen_persoon") or {}).get("land") or "NL"
    return land != "NL" and not str(letter.case_file.get("bekendmaking_buitenland") or "").strip()


def _order_errors(letter: LetterInput) -> dict[str, str]:
    errors: dict[str, str] = {}
    apv = W.norm(letter)
    if not apv.get("artikel") or W.norm_rest(apv.get("tekst", "")) is None:
        errors["apv_norm_straathandel"] = ("De APV-norm ontbreekt of is niet geformuleerd als 'Het is verboden zich "
                                           "... op te houden met het kennelijke doel ...'. Zonder die norm geen last.")
    elif problem := W.check_dictum(W.dictum_regel(letter, W.words_for(letter))):
        errors["dictum"] = problem
    if W.amounts(letter) is None:
        errors["dwangsom"] = "Het bedrag per overtreding en het maximum ontbreken."
    if not (letter.duur or (letter.maatregel or {}).get("duur")):
        errors["duur"] = "Vul de looptijd van de last in."
    return errors


def _inleiding(letter: LetterInput, words: Mapping[str, str]) -> list[str]:
    if letter.recipient.rol == P.GEZAGHEBBENDE:
        return [P.OUDER.format_map(words), P.OUDER_INHOUD[letter.outcome].format_map(words)]
    return list(P.INLEIDING[(letter.outcome, P.OVERTREDER)])


def _motivering(letter: LetterInput, words: Mapping[str, str]) -> list[str]:
    """Source, legal basis stated positively, the role, repetition, proportionality, hearing (letters.md §5)."""
    paragraphs = [L.bron(letter, P.STUK[letter.outcome])]
    if letter.outcome == "invorderingsbeschikking":
        paragraphs.append(P.INVORDERING_GRONDSLAG)
        paragraphs += L.oordelen(letter.judgements, _questions(P.OORDELEN_INVORDERING, words))
        return paragraphs + (_hearing(letter, words, P.ZIENSWIJZE_INVORDERING) if letter.zienswijze else [])
    if letter.outcome == "voornemen_last":
        paragraphs.append(P.VOORLOPIG)
    paragraphs += [p.format_map(words) for p in P.GRONDSLAG]
    paragraphs += [P.ROL_MOTIVERING[_group(letter)], P.PREVENTIEF, *_aanwijzingen(letter), *_evenredig(letter, words)]
    paragraphs += L.oordelen(letter.judgements, _questions(P.OORDELEN_LAST, words))
    paragraphs.append(P.GEEN_BEGUNSTIGING.format_map(words))
    if letter.afwijking_beleid:
        paragraphs += [G.AFWIJKING, letter.afwijking_beleid]
    if letter.outcome == "voornemen_last":
        return paragraphs + _strafrecht(letter, words)
    return paragraphs + _hearing(letter, words, P.ZIENSWIJZE_VOORNEMEN)


def _aanwijzingen(letter: LetterInput) -> list[str]:
    indicators = [L.label(P.AANWIJZING, i.get("kind")) + (f" ({i['description']})" if i.get("description") else "")
                  for i in letter.case_file.get("repetition_indicators") or ()]
    return [P.AANWIJZINGEN.format(aanwijzingen=L.opsomming(indicators))] if indicators else []


def _hearing(letter: LetterInput, words: Mapping[str, str], template: str) -> list[str]:
    """Who could respond and each zienswijze with its answer: the same in every addressee's letter."""
    wie_mv = _wie_mv(letter, words)
    lead = template.format(den="" if wie_mv == "u" else "den", wie_mv=wie_mv)
    return H.zienswijzen(letter.zienswijze or {}, letter.recipient.id, H.HearingWords(lead, P.ZIENSWIJZE_UITZONDERING))


def _group(letter: LetterInput) -> str:
    role = letter.assessment.facts.get("dealing_role") or letter.case_file.get("dealing_role")
    return "koper" if role == "koper" else "verkoper"


def _wie_mv(letter: LetterInput, words: Mapping[str, str]) -> str:
    """Who could respond to the voornemen: the same people in every addressee's letter (the minor's too)."""
    if not (W.minor_on_sending(letter) and letter.case_file.get("gezaghebbenden")):
        return words["wie"]
    return P.WIE_MV_MINDERJARIG["u" if words["wie"] == "u" else "ander"].format_map(words)


def _evenredig(letter: LetterInput, words: Mapping[str, str]) -> list[str]:
    """Awb 5:32b lid 3 stated, and the minor's lower amount explained where policy halved it."""
    leeftijd_inkomen = P.LEEFTIJD_INKOMEN["u" if words["wie"] == "u" else "ander"].format_map(words)
    found = [P.EVENREDIG.format_map({**words, "leeftijd_inkomen": leeftijd_inkomen})]
    if any(e.value == HALVED for e in letter.assessment.findings("evenredigheid")):
        found.append(P.EVENREDIG_MINDERJARIG.format_map(words))
    return found


def _strafrecht(letter: LetterInput, words: Mapping[str, str]) -> list[str]:
    """A buyer with a user quantity commits no Opiumwet crime: his letter does not speak of a prosecution."""
    lines = P.STRAFRECHT_KOPER if _group(letter) == "koper" else P.STRAFRECHT
    return [p.format_map(words) for p in lines]


def _questions(questions: Mapping[str, str], words: Mapping[str, str]) -> dict[str, str]:
    return {code: q.format_map(words) for code, q in questions.items()}


def _voornemen(letter: LetterInput, words: Mapping[str, str], _: Any) -> dict[str, object]:
    return {"dictum": [P.DICTUM_VOORNEMEN.format_map(words), W.dictum_regel(letter, words),
                       P.DICTUM_WAAR.format_map(words), P.DICTUM_DUUR_VOORNEMEN.format_map(words),
                       P.DICTUM_DWANGSOM.format_map(words)],
            "norm": _norm(letter, words), "last": _last(words),
            "zienswijze_tot": datum_met_dag(letter.deadlines["zienswijze_tot"]), "vragen": list(P.VRAGEN)}


def _besluit(letter: LetterInput, words: Mapping[str, str], clauses: Mapping[str, Clause]) -> dict[str, object]:
    return {"dictum": [P.DICTUM_BESLUIT.format_map(words), W.dictum_regel(letter, words),
                       P.DICTUM_WAAR.format_map(words), P.DICTUM_DUUR.format_map(words),
                       P.DICTUM_DWANGSOM.format_map(words)],
            "norm": _norm(letter, words), "last": _last(words),
            "verbeurte": [p.format_map(words) for p in P.VERBEURTE], "vaststelling": list(P.VASTSTELLING),
            "strafrecht": _strafrecht(letter, words),
            "rechtsmiddelen": L.rechtsmiddelen(clauses, P.CLAUSE[letter.outcome], letter)}


def _invordering(letter: LetterInput, words: Mapping[str, str], clauses: Mapping[str, Clause]) -> dict[str, object]:
    return {**invordering(letter, words),
            "rechtsmiddelen": L.rechtsmiddelen(clauses, P.CLAUSE[letter.outcome], letter)}


def _norm(letter: LetterInput, words: Mapping[str, str]) -> list[str]:
    return [P.NORM.format_map(words), " ".join(str(W.norm(letter).get("tekst", "")).split())]


def _last(words: Mapping[str, str]) -> list[str]:
    looptijd = f"van {words['van']} tot en met {words['tot']}" if words["van"] else words["looptijd"]
    return [p.format_map({**words, "looptijd": looptijd}) for p in P.LAST]


def _afschrift(letter: LetterInput, words: Mapping[str, str]) -> list[str]:
    """The other addressees of the same decision: the minor and his parents, while he is a minor on the
    verzenddatum; once he is eighteen the parents get nothing and are not named."""
    minor = W.minor_on_sending(letter)
    names = []
    for party in letter.parties:
        if party.rol == P.OVERTREDER and letter.recipient.rol == P.GEZAGHEBBENDE:
            names.append(party.naam)
        elif party.rol == P.GEZAGHEBBENDE and minor:
            names.append(f"{party.naam} ({W.relatie(letter, party.naam)} met gezag)")
    return [P.OOK_AAN.format(stuk=words["stuk"], namen=L.opsomming(names))] if names else []


_BUILDERS: dict[str, Builder] = {"voornemen_last": _voornemen, "last_onder_dwangsom": _besluit,
                                 "invorderingsbeschikking": _invordering}
