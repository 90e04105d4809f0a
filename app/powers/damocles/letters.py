"""The Damocles letter kit: warning, voornemen and closure letters to residents and the rechthebbende.

One decision, one content: every addressee reads the same order (to the overtreder, named), the same legal
basis and the same reasoning, written in the third person by the jurist; the owner's letter differs only
where personal details of the household are left out, and says so and why (letters.md §5 "Minimisation").
The motivation follows letters.md §5: the source document, the legal basis and the violated norm, the
evidence of dealing, the rules that fired, the recorded judgements, any Awb 4:84 deviation, and for the
besluit every zienswijze with its response.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from app.domain.addressees import is_minor
from app.letters import hearing as H
from app.letters import paragraphs as L
from app.letters import phrases as G
from app.letters.formatting import datum_met_dag, periode
from app.letters.input import LetterInput
from app.letters.manifest import Clause
from app.letters.paragraphs import value
from app.powers.damocles import phrases as P
from app.powers.damocles.found import aangetroffen
from app.powers.damocles.grounds import bevoegdheid, gebruikers_soort, norm, vermoeden
from app.powers.damocles.words import verkoop_vastgesteld, words_for

COMMON_KEYS = (*L.HEAD_KEYS, "inleiding", "feiten", "aangetroffen", "motivering")
OUTCOME_KEYS = {
    "waarschuwing": ("vervolg", "afschrift_aan"),
    "voornemen_sluiting": ("dictum", "zienswijze_tot", "vragen", "inzage", "afschrift_aan"),
    "sluiting": ("dictum", "sluiting_van", "sluiting_tot", "begunstigingstermijn", "kosten", "rechtsmiddelen",
                 "afschrift_aan"),
}
# Deadlines each outcome prints; computed by domain/measures.py, never here.
_DEADLINES = {
    "waarschuwing": (),
    "voornemen_sluiting": ("zienswijze_tot",),
    "sluiting": ("begunstigingstermijn_tot", "ingangsdatum", "vervaldatum", "uiterlijke_reactiedatum"),
}
Builder = Callable[[LetterInput, Mapping[str, str], Mapping[str, Clause]], dict[str, object]]


class DamoclesLetters:
    """The kit (app/letters/kit.py) of the damocles power."""

    def addressee(self, rol: str) -> str:
        return P.ADDRESSEE[rol]

    def keys(self, outcome: str, addressee: str) -> frozenset[str]:
        return frozenset(COMMON_KEYS + OUTCOME_KEYS[outcome])

    def check(self, letter: LetterInput) -> dict[str, str]:
        """Refuse input a letter cannot be written from (letters must never show an empty field)."""
        errors: dict[str, str] = {}
        case = letter.case_file
        if letter.outcome not in OUTCOME_KEYS:
            errors["outcome"] = "Voor deze uitkomst is geen brief."
        if letter.recipient.rol not in P.ADDRESSEE:
            errors["recipient.rol"] = "Kies bewoner, overtreder of rechthebbende."
        if not letter.zaak_adresregels:
            errors["zaak_adresregels"] = "Het adres van het pand ontbreekt."
        if letter.outcome != "waarschuwing" and letter.case_file.get("sluitobject") not in P.SLUITOBJECT_WOORDEN:
            errors["sluitobject"] = ("Kies bij de feiten wat er wordt gesloten (de woning, het erf, het lokaal); "
                                     "dat volgt niet vanzelf uit de plaats van de vondst.")
        if letter.outcome != "waarschuwing" and any(s.get("opiumwet_list") == "art_3a_lid_5" and
                                                    not s.get("mirrors_list") for s in case.get("substances") or ()):
            errors["substances"] = ("Een aangewezen middel (artikel 3a, vijfde lid) volgt lijst I of lijst II; dat "
                                    "bepaalt welk verbod geldt. Laat de melding aanvullen met die lijst.")
        if letter.outcome != "waarschuwing" and verkoop_vastgesteld(letter) and \
                not letter.case_file.get("bevindingen_handel"):
            errors["bevindingen_handel"] = ("Beschrijf bij de feiten wat de politie zag of wat is toegegeven, met "
                                            "datum en bladzijde van de rapportage; dat komt in de brief.")
        if letter.outcome not in OUTCOME_KEYS:
            return errors
        return {**_closure_errors(letter), **errors}  # all at once: a person fixes every fact in one go

    def context(self, letter: LetterInput, clauses: Mapping[str, Clause]) -> dict[str, object]:
        words = words_for(letter)
        context = _common(letter, words)
        context.update(_BUILDERS[letter.outcome](letter, words, clauses))
        return context


def _closure_errors(letter: LetterInput) -> dict[str, str]:
    errors: dict[str, str] = {}
    for key in _DEADLINES[letter.outcome]:
        value = letter.deadlines.get(key)
        if value is None or value <= letter.verzenddatum:
            errors[f"deadlines.{key}"] = "Vul een datum in die na de verzenddatum ligt."
    if letter.outcome != "waarschuwing" and not (letter.duur or 0) >= 1:
        errors["duur"] = "Vul de duur van de sluiting in."
    if letter.outcome == "sluiting" and not errors:
        d = letter.deadlines
        # Damocles §8.18: the closure starts after the begunstigingstermijn, so interim relief fits in.
        if not d["begunstigingstermijn_tot"] < d["ingangsdatum"] < d["vervaldatum"]:
            errors["deadlines"] = "De sluiting begint na de begunstigingstermijn en eindigt na de start."
        if letter.zienswijze is None:
            errors["zienswijze"] = "Leg de zienswijze vast, of waarom die niet is gevraagd."
        if not letter.case_file.get("sluiting_aanvang"):
            errors["sluiting_aanvang"] = "Vul bij de feiten in hoe laat de sluiting begint; het besluit noemt die tijd."
    return errors


def _common(letter: LetterInput, words: Mapping[str, str]) -> dict[str, object]:
    """Head, facts, motivation and signature."""
    found = aangetroffen(letter.case_file)
    addressee = P.ADDRESSEE[letter.recipient.rol]
    return {
        **L.head(letter, P.ONDERWERP[letter.outcome].format_map(words)),
        "inleiding": [p.format_map(words) for p in P.INLEIDING[(letter.outcome, addressee)]],
        "feiten": [(P.FEITEN_MET_VONDST if found else P.FEITEN_ZONDER_VONDST).format_map(words)],
        "aangetroffen": found,
        "motivering": _motivering(letter, words),
    }


def _motivering(letter: LetterInput, words: Mapping[str, str]) -> list[str]:
    """All motivation paragraphs, in the order of letters.md §5."""
    paragraphs = [L.bron(letter, P.STUK[letter.outcome])]
    if letter.outcome == "voornemen_sluiting":
        paragraphs.append(P.VOORLOPIG)
    paragraphs += _grondslag(letter, words)
    paragraphs += _handel(letter, words) + vermoeden(letter.assessment)
    paragraphs += L.regels(letter, kinds=P.GECITEERD)
    owner = P.ADDRESSEE[letter.recipient.rol] == P.RECHTHEBBENDE
    paragraphs += L.oordelen(letter.judgements, P.OORDELEN, P.OORDELEN_PRIVE if owner else (),
                             _prive(letter, words) if owner else "")
    if letter.afwijking_beleid:
        paragraphs.append(G.AFWIJKING)
        detail = letter.afwijking_beleid
        if not owner and not any(p.endswith(detail) for p in paragraphs):  # often bijzondere_omstandigheden
            paragraphs.append(detail)
    if letter.outcome == "sluiting":
        hidden = P.VERBORGEN_VOOR_RECHTHEBBENDE if owner else frozenset()
        lead = P.ZIENSWIJZE_VOORNEMEN if words["voornemen_datum"] else P.ZIENSWIJZE_GELEGENHEID
        paragraphs += H.zienswijzen(letter.zienswijze or {}, letter.recipient.id, H.HearingWords(
            lead.format_map(words), P.ZIENSWIJZE_UITZONDERING, hidden))
    return paragraphs


def _handel(letter: LetterInput, words: Mapping[str, str]) -> list[str]:
    """An established sale as the report records it; otherwise the indirect signs, which a judgement weighs."""
    if verkoop_vastgesteld(letter) and letter.case_file.get("bevindingen_handel"):
        return [P.VERKOOP_VASTGESTELD.format(bron=letter.melding_bron, object=words["object"],
                                             bevindingen=letter.case_file["bevindingen_handel"])]
    evidence = [L.label(P.HANDELSBEWIJS, e) for e in letter.case_file.get("dealing_evidence") or ()]
    return [P.HANDEL.format(object=words["object"], bewijs=L.opsomming(evidence))] if evidence else []


def _prive(letter: LetterInput, words: Mapping[str, str]) -> str:
    """For the owner: the conclusions about the household (provisional in a voornemen), and why the reasons
    are left out."""
    found = [P.PRIVE_CONCLUSIE[(code, value(letter.judgements[code], "outcome"))].format_map(words)
             for code in P.OORDELEN_PRIVE if code in letter.judgements
             and (code, value(letter.judgements[code], "outcome")) in P.PRIVE_CONCLUSIE]
    if found and letter.outcome == "voornemen_sluiting":
        found = [P.VOORLOPIG_PRIVE.format(conclusies=" ".join(found), gebruikers_hoofd=words["gebruikers_hoofd"])]
    return " ".join([*found, P.OMSTANDIGHEDEN_GEWOGEN.format_map(words)])


def _grondslag(letter: LetterInput, words: Mapping[str, str]) -> list[str]:
    """The competence, stated positively, and the norm that was violated (Awb 5:9 onder a, 5:21, 5:24)."""
    ground = bevoegdheid(letter.assessment)
    if ground is None:
        return []
    found = [P.BEVOEGD.format(sluitobject=words["sluitpand"], onder=P.ONDER[ground])]
    violated = norm(letter.case_file, ground)
    if violated:
        template = P.NORM_VOORWERPEN if ground == "b" else P.NORM_DRUGS
        found.append(template.format(object=words["object"], norm=violated))
    if letter.outcome == "waarschuwing":
        found.append(P.WAARSCHUWING_KEUZE.format_map(words))
    else:
        found.append(P.LAST_UITLEG.format_map(words))
    return found


def _waarschuwing(letter: LetterInput, words: Mapping[str, str], _: Any) -> dict[str, object]:
    """What happens next: within the repeat window (stated only once the municipality confirmed it)."""
    window = letter.assessment.parameters.get("recidive_termijn_jaren")
    addressee = P.ADDRESSEE[letter.recipient.rol]
    if window is None or window.to_confirm:
        return {"vervolg": [p.format_map(words) for p in P.VERVOLG_ZONDER_TERMIJN[addressee]],
                "afschrift_aan": _afschrift(letter, words)}
    jaren = periode(int(window.value), "years")
    return {"vervolg": [p.format_map({**words, "jaren": jaren}) for p in P.VERVOLG[addressee]],
            "afschrift_aan": _afschrift(letter, words)}


def _voornemen(letter: LetterInput, words: Mapping[str, str], _: Any) -> dict[str, object]:
    addressee = P.ADDRESSEE[letter.recipient.rol]
    dictum = [*P.DICTUM_VOORNEMEN, P.BINDT_VOORNEMEN[addressee]]
    if addressee == P.RECHTHEBBENDE:
        vragen = P.VRAGEN[P.RECHTHEBBENDE]
    else:
        vragen = ([P.VRAAG_EIGEN_GEBRUIK] if letter.case_file.get("substances") else [])
        vragen += [P.VRAAG_LACHGAS] if letter.assessment.facts.get("lachgas_present") else []
        vragen += P.VRAGEN[gebruikers_soort(letter.case_file)]
    return {
        "dictum": [p.format_map(words) for p in dictum],
        "zienswijze_tot": datum_met_dag(letter.deadlines["zienswijze_tot"]),
        "vragen": [p.format_map(words) for p in vragen],
        "inzage": [p.format_map(words) for p in P.INZAGE]
        + ([P.INZAGE_AFGESCHERMD.format_map(words)] if addressee == P.RECHTHEBBENDE else []),
        "afschrift_aan": _afschrift(letter, words),
    }


def _sluiting(letter: LetterInput, words: Mapping[str, str], clauses: Mapping[str, Clause]) -> dict[str, object]:
    addressee = P.ADDRESSEE[letter.recipient.rol]
    dictum = [*P.DICTUM_SLUITING, *P.DICTUM_UITVOERING, P.BINDT[addressee]]
    return {
        "dictum": [p.format_map(words) for p in dictum],
        "sluiting_van": words["van"],
        "sluiting_tot": words["tot"],
        "begunstigingstermijn": words["termijn"],
        "kosten": [p.format_map(words) for p in P.KOSTEN[letter.recipient.rol]],
        "rechtsmiddelen": L.rechtsmiddelen(clauses, P.CLAUSE[letter.outcome], letter),
        "afschrift_aan": _afschrift(letter, words),
    }


def _afschrift(letter: LetterInput, words: Mapping[str, str]) -> list[str]:
    """The other addressees (their own letter, same decision) and the copy recipient the case file records."""
    rollen = P.ROL_WOORD_BEDRIJF if gebruikers_soort(letter.case_file) == "bedrijf" else P.ROL_WOORD
    names = [f"{p.naam} ({rollen.get(p.rol, p.rol)})" for p in letter.parties
             if p.rol in P.ADDRESSEE and not is_minor(p.geboortedatum, letter.pleegdatum)]
    lines = [P.OOK_AAN.format(stuk=P.STUK[letter.outcome], namen=L.opsomming(names))] if names else []
    copy = letter.case_file.get("afschrift_ontvanger")
    if copy:
        mededeling = P.MEDEDELING[letter.outcome].format_map(words)
        lines.append(P.AFSCHRIFT[letter.case_file.get("afschrift_inhoud") or "mededeling"]
                     .format(naam=copy, mededeling=mededeling, stuk=P.STUK[letter.outcome]))
    return lines


_BUILDERS: dict[str, Builder] = {"waarschuwing": _waarschuwing, "voornemen_sluiting": _voornemen,
                                 "sluiting": _sluiting}
