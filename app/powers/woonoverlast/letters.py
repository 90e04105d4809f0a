"""The woonoverlast letter kit (Gemeentewet 151d): the warning, the voornemen and the gedragsaanwijzing with a
dwangsom or with bestuursdwang, the presence ban and its extension, and the invorderingsbeschikking.

The overtreder's letter is the decision; it reads differently for a user and for a landlord addressee (his APV
duty is to ensure that conduct in or from the dwelling he lets causes no serious and repeated nuisance). The
landlord's own letter, when the user is addressed, is a notice with only what he needs: the dwelling, that an
order or ban was given, its period and the instructions about the dwelling; no incidents, no vulnerability or
care, no amounts, no remedy clause (notice.py). Content per woonoverlast-151d.md §6 and awb-procedure.md §9. Every
value is plain text; render.py escapes it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from app.letters import hearing as H
from app.letters import paragraphs as L
from app.letters.formatting import datum
from app.letters.input import LetterInput
from app.letters.manifest import Clause
from app.powers.woonoverlast import phrases as P
from app.powers.woonoverlast import words as W
from app.powers.woonoverlast.invordering import invordering, invordering_errors
from app.powers.woonoverlast.notice import NOTICE, ONDERWERP_VERHUURDER, personal

_O, _V = P.OVERTREDER, P.VERHUURDER
_ORDER = ("inleiding", "dictum", "aanwijzingen", "last", "feiten", "motivering")
_BAN = ("inleiding", "dictum", "feiten", "motivering", "rechtsbijstand", "gevolgen", "rechtsmiddelen", "afschrift_aan")
KEYS: dict[tuple[str, str], tuple[str, ...]] = {
    ("waarschuwing", _O): ("inleiding", "feiten", "motivering", "verwachting", "vervolg", "afschrift_aan"),
    ("voornemen_last", _O): (*_ORDER, "vragen", "zienswijze_tot", "afschrift_aan"),
    ("voornemen_bestuursdwang", _O): (*_ORDER, "kosten", "vragen", "zienswijze_tot", "afschrift_aan"),
    ("last_onder_dwangsom", _O): (*_ORDER, "verbeurte", "toezicht", "rechtsmiddelen", "afschrift_aan"),
    ("last_onder_bestuursdwang", _O): (*_ORDER, "kosten", "toezicht", "rechtsmiddelen", "afschrift_aan"),
    ("aanwezigheidsverbod", _O): ("van", "tot", *_BAN),
    ("verlenging_aanwezigheidsverbod", _O): ("tot", *_BAN),
    ("invorderingsbeschikking", _O): ("inleiding", "last_gegevens", "overtredingen", "bedragen", "motivering",
                                      "betalen", "verjaring", "rechtsmiddelen", "afschrift_aan"),
    ("waarschuwing", _V): ("inleiding", "kennisgeving", "verzoek"),
    **{(o, _V): ("inleiding", "kennisgeving", "aanwijzingen", "verzoek") for o in W.ORDERS},
    ("aanwezigheidsverbod", _V): ("inleiding", "kennisgeving", "verzoek"),
    ("verlenging_aanwezigheidsverbod", _V): ("inleiding", "kennisgeving", "verzoek"),
}
# The dates each letter prints: each must lie after the verzenddatum (a moment of a ban may lie before it).
_DATES = {"voornemen_last": ("zienswijze_tot",), "voornemen_bestuursdwang": ("zienswijze_tot",),
          "last_onder_dwangsom": ("begunstigingstermijn_tot", "ingangsdatum", "vervaldatum", "uiterlijke_reactiedatum"),
          "last_onder_bestuursdwang": ("begunstigingstermijn_tot", "ingangsdatum", "vervaldatum",
                                       "uiterlijke_reactiedatum"),
          "aanwezigheidsverbod": ("uiterlijke_reactiedatum",),
          "verlenging_aanwezigheidsverbod": ("uiterlijke_reactiedatum",),
          "invorderingsbeschikking": ("uiterlijke_reactiedatum",)}
_MOMENTS = {"aanwezigheidsverbod": ("ingang_at", "einde_at"),
            "verlenging_aanwezigheidsverbod": ("ingang_at", "einde_at")}
_COLLECTED = ("last_gegevens", "overtredingen", "bedragen", "betalen", "verjaring")
# Accepting care is the user's own conduct: not a landlord's duty, and not something bestuursdwang can carry out.
_PERSONAL = ("Een aanwijzing over hulp of zorg past alleen in een last onder dwangsom aan de gebruiker. Haal haar "
             "weg of kies een dwangsom.")


class WoonoverlastLetters:
    """The kit (app/letters/kit.py) of the woonoverlast power."""

    def addressee(self, rol: str) -> str:
        return P.ADDRESSEE[rol]

    def keys(self, outcome: str, addressee: str) -> frozenset[str]:
        return frozenset((*L.HEAD_KEYS, *KEYS[(outcome, addressee)]))

    def check(self, letter: LetterInput) -> dict[str, str]:
        """Refuse input a letter cannot be written from; every problem at once."""
        if (letter.outcome, P.ADDRESSEE.get(letter.recipient.rol)) not in KEYS:
            return {"outcome": "Voor deze uitkomst en ontvanger is geen brief."}
        errors = _date_errors(letter)
        if letter.recipient.rol == _V and W.addressed(letter) == P.VERHUURDER:
            errors["recipient.rol"] = "De verhuurder is zelf aangeschreven: hij krijgt het besluit, geen bericht."
        if letter.outcome == "invorderingsbeschikking":
            return {**errors, **invordering_errors(letter)}
        if not W.counted(W.incidents(letter)):
            errors["incidents"] = "Leg eerst de incidenten bij de woning vast: zonder chronologie geen brief."
        if letter.outcome in W.BANS and W.addressed(letter) != P.GEBRUIKER:
            errors["addressee_role"] = "Een aanwezigheidsverbod kan alleen de gebruiker van de woning krijgen."
        if letter.outcome in W.BANS and W.adult_at_ban(letter) is False:
            errors["gebruiker"] = "Een aanwezigheidsverbod kan alleen iemand van 18 jaar of ouder krijgen."
        if letter.outcome in W.ORDERS:
            errors.update(_order_errors(letter))
        return errors

    def context(self, letter: LetterInput, clauses: Mapping[str, Clause]) -> dict[str, object]:
        words = W.words_for(letter)
        addressee = P.ADDRESSEE[letter.recipient.rol]
        onderwerp = ONDERWERP_VERHUURDER if addressee == _V else P.ONDERWERP[letter.outcome]
        parts = NOTICE if addressee == _V else _PARTS
        context = {**L.head(letter, onderwerp.format_map(words)),
                   **{k: parts[k](letter, words, clauses) for k in KEYS[(letter.outcome, addressee)]
                      if k not in _COLLECTED}}
        if letter.outcome == "invorderingsbeschikking":
            context.update(invordering(letter, words))
        return context


def _date_errors(letter: LetterInput) -> dict[str, str]:
    errors = {}
    for key in _DATES.get(letter.outcome, ()):
        found = W.day(letter.deadlines.get(key))
        if found is None or found <= letter.verzenddatum:
            errors[f"deadlines.{key}"] = "Vul een datum in die na de verzenddatum ligt."
    for key in _MOMENTS.get(letter.outcome, ()):
        if not isinstance(letter.deadlines.get(key), datetime):
            errors[f"deadlines.{key}"] = "Dit moment ontbreekt."
    if letter.outcome == "verlenging_aanwezigheidsverbod" and W.moment(letter.case_file.get("ban_start_at")) is None:
        errors["ban_start_at"] = "Het begin van het verbod ontbreekt."
    return errors


def _order_errors(letter: LetterInput) -> dict[str, str]:
    errors = {}
    apv = W.norm(letter)
    if not apv.get("artikel") or not str(apv.get("tekst") or "").strip():
        errors["apv_norm_woonoverlast"] = "Het artikel en de tekst van de APV-norm ontbreken. Zonder norm geen last."
    elif not W.norm_confirmed(letter):  # never print a placeholder as Maastricht's APV (legal review, item 1)
        errors["apv_norm_woonoverlast"] = ("De gemeente heeft het artikel en de tekst van de APV-norm nog niet "
                                           "bevestigd. Een voornemen of last kan pas daarna.")
    if not W.instructions(letter):
        errors["instructions"] = "Vul de aanwijzingen in, elk met een code (A1, A2, ...)."
    elif any(personal(i["text"]) for i in W.instructions(letter)) and (
            W.addressed(letter) == P.VERHUURDER or letter.outcome not in W.DWANGSOM):
        errors["instructions"] = _PERSONAL
    if letter.outcome not in W.DWANGSOM and not W.uitvoering(letter):
        errors["bestuursdwang_uitvoering"] = P.UITVOERING_ONTBREEKT
    if letter.outcome in W.DWANGSOM and W.amounts(letter) is None:
        errors["dwangsom"] = "Het bedrag per overtreding en het maximum ontbreken."
    if not (letter.duur or (letter.maatregel or {}).get("duur")):
        errors["duur"] = "Vul de looptijd van de gedragsaanwijzing in."
    return errors


def _filled(lines: list[str] | tuple[str, ...], words: Mapping[str, str]) -> list[str]:
    return [line.format_map(words) for line in lines]


def _third_party(letter: LetterInput) -> bool:
    """A letter to the landlord as addressee: the tenant's care and health are not his to read."""
    return W.addressed(letter) == P.VERHUURDER


def _inleiding(letter: LetterInput, words: Mapping[str, str]) -> list[str]:
    stage = W.stage(letter.outcome)
    return _filled(P.INLEIDING[(stage, W.addressed(letter))], words)


def _feiten(letter: LetterInput, words: Mapping[str, str]) -> list[str]:
    """The chronology: every incident with date, time, kind, origin and source; neighbours stay anonymous."""
    items = W.incidents(letter)
    lead = {"aanwezigheidsverbod": P.FEITEN_VERBOD_LEAD, "verlenging_aanwezigheidsverbod": P.FEITEN_VERLENGING_LEAD}
    lines = [P.ANONIEM, lead.get(letter.outcome, P.CHRONOLOGIE_LEAD)]
    lines += [W.incident_line(i, _third_party(letter)) for i in items]
    if len(W.counted(items)) < len(items):  # W3: only what happens in, from or right by the dwelling counts
        lines.append(P.NIET_MEEGETELD)
    return lines


def _motivering(letter: LetterInput, words: Mapping[str, str]) -> list[str]:
    """Source, legal basis stated positively, the nuisance, subsidiarity, judgements, proportionality, hearing."""
    paragraphs = [P.BRON_DOSSIER.format(stuk=words["stuk"], bron=letter.melding_bron,
                                        datum=datum(letter.melding_datum), kenmerk=letter.melding_kenmerk)]
    if letter.outcome == "invorderingsbeschikking":
        asked = {code: P.OORDELEN_INVORDERING[code] for code in P.GEVRAAGD["invorderingsbeschikking"]}
        return [*paragraphs, P.INVORDERING_GRONDSLAG, *L.oordelen(letter.judgements, asked), *_hearing(letter)]
    if letter.outcome == "waarschuwing":
        return [*paragraphs, *_filled(P.ROL[W.addressed(letter)], words), *_filled(P.GRONDSLAG_WAARSCHUWING, words),
                *W.summary(letter), W.ernstig(letter)]
    if W.stage(letter.outcome) == "voornemen":
        paragraphs.append(P.VOORLOPIG)
    paragraphs += _grondslag(letter, words)
    if letter.outcome != "verlenging_aanwezigheidsverbod":
        paragraphs += [*W.summary(letter), W.ernstig(letter), *W.lichter(letter, _third_party(letter))]
    private = P.PRIVE if _third_party(letter) else ()
    asked = {code: P.OORDELEN[code] for code in P.GEVRAAGD[W.stage(letter.outcome)] if code in P.OORDELEN}
    # The person's circumstances come first, so the judgements on care and the ban answer them.
    paragraphs += [*_persoonlijk(letter), *L.oordelen(letter.judgements, asked, private, P.EVENREDIG_DERDEN)]
    paragraphs.append(P.EVENREDIG)
    if letter.outcome in W.DWANGSOM:
        paragraphs.append(P.BEDRAG_REDELIJK)
    if letter.afwijking_beleid and not _third_party(letter):
        paragraphs.append(P.AFWIJKING.format(reden=letter.afwijking_beleid))
    return paragraphs + _hearing(letter)


def _grondslag(letter: LetterInput, words: Mapping[str, str]) -> list[str]:
    paragraphs = _filled(P.ROL[W.addressed(letter)], words) if letter.outcome in W.ORDERS else []
    means = str(letter.case_file.get("verhuurder_kan_beinvloeden_toelichting") or "").strip()
    if paragraphs and _third_party(letter) and means:
        paragraphs.append(P.VERHUURDER_MIDDELEN.format(toelichting=W.sentence(means)))
    if letter.outcome != "verlenging_aanwezigheidsverbod":
        paragraphs += _filled(P.GRONDSLAG, words)
    if letter.outcome in W.DWANGSOM:
        paragraphs.append(P.GRONDSLAG_DWANGSOM)
    if letter.outcome == "aanwezigheidsverbod":
        paragraphs += _filled(P.GRONDSLAG_VERBOD, words)
    if letter.outcome == "verlenging_aanwezigheidsverbod":
        heard = (letter.judgements.get("verlenging_nodig") or {}).get("outcome") == "ja"  # "na horen"
        paragraphs += [*P.GRONDSLAG_VERLENGING, P.VREES, *([P.VERLENGING_GEHOORD] if heard else [])]
    return [*paragraphs, P.BELEID_ZIN]


def _persoonlijk(letter: LetterInput) -> list[str]:
    """Vulnerability, care and the household (Awb 4:84), only in the user's own letter."""
    if _third_party(letter):
        return []
    case, lines = letter.case_file, []
    if str(case.get("vulnerability") or "").strip():
        lines.append(P.KWETSBAAR.format(kwetsbaarheid=W.sentence(case["vulnerability"])))
    if str(case.get("care_organisation") or "").strip():
        since = W.day(case.get("care_since"))
        lines.append(P.ZORG.format(organisatie=case["care_organisation"].strip(),
                                   sinds=P.ZORG_SINDS.format(datum=datum(since)) if since else ""))
    if letter.outcome in W.BANS and str(case.get("household_description") or "").strip():
        lines.append(P.HUISHOUDEN.format(huishouden=W.sentence(case["household_description"])))
    if letter.outcome in W.BANS and case.get("minors_in_household") == "yes":
        lines.append(P.MINDERJARIGEN)
    return lines


def _hearing(letter: LetterInput) -> list[str]:
    """Every zienswijze answered, or the Awb 4:11 ground; a waarschuwing and a voornemen hear nobody yet. The
    zienswijzen on the voornemen belong to the order it announced: a presence ban or its extension is heard on
    its own (the horen judgements), so its letter does not answer them."""
    if W.stage(letter.outcome) not in ("last", "invorderingsbeschikking") or letter.zienswijze is None:
        return []
    lead = {"invorderingsbeschikking": P.ZIENSWIJZE_INVORDERING, "last": P.ZIENSWIJZE_VOORNEMEN}
    # The landlord as addressee does not read what the user said (his health or care may be in it).
    hidden = frozenset({P.GEBRUIKER}) if _third_party(letter) else frozenset()
    words = H.HearingWords(lead.get(W.stage(letter.outcome), P.ZIENSWIJZE_HOREN), P.ZIENSWIJZE_UITZONDERING, hidden)
    return H.zienswijzen(letter.zienswijze, letter.recipient.id, words)


def _dictum(letter: LetterInput, words: Mapping[str, str]) -> list[str]:
    if letter.outcome == "aanwezigheidsverbod":
        area = [P.DICTUM_VERBOD_GEBIED.format_map(words)] if words["gebied"] else []
        return [*_filled(P.DICTUM_VERBOD, words), *area, P.DICTUM_VERBOD_TERMIJNENWET]
    if letter.outcome == "verlenging_aanwezigheidsverbod":
        area = [P.DICTUM_VERBOD_GEBIED.format_map(words)] if words["gebied"] else []
        return [*_filled(P.DICTUM_VERLENGING, words), *area, P.DICTUM_VERBOD_TERMIJNENWET]
    stage = W.stage(letter.outcome)
    lines = [P.DICTUM[(stage, W.addressed(letter))], P.DICTUM_DOEL]
    lines += ([P.DICTUM_BEGUNSTIGING_VOORNEMEN, P.DICTUM_LOOPTIJD_VOORNEMEN] if stage == "voornemen"
              else [P.DICTUM_BEGUNSTIGING, P.DICTUM_LOOPTIJD])
    lines += [P.DICTUM_DWANGSOM] if letter.outcome in W.DWANGSOM else [P.DICTUM_BESTUURSDWANG, P.DICTUM_UITVOERING]
    return _filled(lines, {**words, "uitvoering": W.uitvoering(letter)})  # Awb 5:24 lid 1: what the mayor has done


def _aanwijzingen(letter: LetterInput) -> list[str]:
    return [P.AANWIJZING.format(code=i.get("code", ""), tekst=" ".join(str(i["text"]).split()))
            for i in W.instructions(letter)]


def _last(letter: LetterInput, words: Mapping[str, str]) -> list[str]:
    voornemen = W.stage(letter.outcome) == "voornemen"
    values = {**words, "codes": L.opsomming(str(i.get("code", "")) for i in W.instructions(letter)),
              "begunstigingstekst": words["begunstigingsduur"] + " na de bekendmaking" if voornemen
              else "tot en met " + words["begunstiging"],
              "looptijdtekst": words["looptijd"] if voornemen else f"van {words['van']} tot en met {words['tot']}"}
    extra = P.LAST_DWANGSOM if letter.outcome in W.DWANGSOM else P.LAST_BESTUURSDWANG
    return _filled([*P.LAST, *extra], values)


def _afschrift(letter: LetterInput, words: Mapping[str, str]) -> list[str]:
    """Who else gets a letter about this decision, as full sentences ("Ik stuur ook een brief aan ...")."""
    lines = []
    landlord = letter.party(_V)
    if landlord is not None and W.addressed(letter) == P.GEBRUIKER and letter.outcome != "invorderingsbeschikking":
        lines.append(P.OOK_VERHUURDER.format(verhuurder=landlord.naam))
    kind = W.stage(letter.outcome)
    if kind in P.TOEZICHT_WAT:
        lines.append(P.OOK_TOEZICHT.format(wat=P.TOEZICHT_WAT[kind]))
    return lines or [P.ALLEEN_U]


def _rechtsmiddelen(letter: LetterInput, clauses: Mapping[str, Clause]) -> list[str]:
    return L.rechtsmiddelen(clauses, P.CLAUSE[letter.outcome], letter)


Part = Callable[[LetterInput, Mapping[str, str], Mapping[str, Clause]], Any]
_PARTS: dict[str, Part] = {
    "inleiding": lambda lt, w, _: _inleiding(lt, w), "feiten": lambda lt, w, _: _feiten(lt, w),
    "motivering": lambda lt, w, _: _motivering(lt, w), "dictum": lambda lt, w, _: _dictum(lt, w),
    "aanwijzingen": lambda lt, w, _: _aanwijzingen(lt), "last": lambda lt, w, _: _last(lt, w),
    "verwachting": lambda lt, w, _: list(P.VERWACHTING[W.addressed(lt)]),
    "vervolg": lambda lt, w, _: list(P.VERVOLG[W.addressed(lt)]),
    "vragen": lambda lt, w, _: list(P.VRAGEN_VERHUURDER if _third_party(lt) else P.VRAGEN),
    "zienswijze_tot": lambda lt, w, _: W.day_text(lt.deadlines.get("zienswijze_tot"), with_day=True),
    "kosten": lambda lt, w, _: [*P.KOSTEN, P.BETREDEN_ERF if lt.case_file.get("erf") else P.BETREDEN],
    "verbeurte": lambda lt, w, _: list(P.VERBEURTE),
    "toezicht": lambda lt, w, _: list(P.TOEZICHT), "van": lambda lt, w, _: w["ban_van"],
    "tot": lambda lt, w, _: w["ban_tot"], "rechtsbijstand": lambda lt, w, _: _filled(P.RECHTSBIJSTAND, w),
    "gevolgen": lambda lt, w, _: list(P.GEVOLGEN_VERBOD),
    "rechtsmiddelen": lambda lt, w, c: _rechtsmiddelen(lt, c), "afschrift_aan": lambda lt, w, _: _afschrift(lt, w),
}
