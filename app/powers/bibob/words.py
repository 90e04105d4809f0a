"""The words one Bibob letter is built from (pure): the deciding body and its voice, the application and the
permit, the advice (of the LBB, reused, or none), the ground of the decision, the usable facts and the third
party a letter is for. Kept apart from letters.py so each part can be tested on its own. Every value is plain
text from the case file or the dated parameters; render.py escapes it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from app.letters.formatting import datum, datum_met_dag, periode
from app.letters.input import LetterInput
from app.letters.paragraphs import label, titel, value
from app.powers.bibob import phrases as P
from app.powers.bibob import phrases_procedure as Q
from app.powers.bibob import phrases_reasons as F

VOORNEMENS = ("voornemen_weigering", "voornemen_intrekking", "voornemen_voorschriften")
HEARD = ("weigering", "intrekking", "verlening_met_voorschriften")  # besluiten after the art. 33 hearing
NEGATIVE = ("voornemen_weigering", "voornemen_intrekking", "weigering", "intrekking")
CONDITIONS = ("voornemen_voorschriften", "verlening_met_voorschriften")
WITHDRAWAL = ("voornemen_intrekking", "intrekking")
BESLUITEN = ("buiten_behandeling", *HEARD, "verlening")
# The degree of danger (judgement mate_van_gevaar, or the LBB's conclusion) and the ground of art. 3 it gives.
GROUND_OF = {"ernstig_gevaar_a": "a", "ernstig_gevaar_b": "b", "art_3_lid_6": "lid6", "ernstig_gevaar_art_4": "art4",
             "mindere_mate": "lid7"}
SERIOUS = ("a", "b", "lid6", "art4", "breach")
SERIOUS_DANGER = ("ernstig_gevaar_a", "ernstig_gevaar_b", "art_3_lid_6", "ernstig_gevaar_art_4")
# The degree of danger the LBB concluded, as the body's judgement would say it (to see whether the body departs).
AS_JUDGED = {"geen_gevaar": "geen", "mindere_mate": "mindere_mate", "ernstig_gevaar_a": "ernstig_gevaar_a",
             "ernstig_gevaar_b": "ernstig_gevaar_b", "art_3_lid_6": "art_3_lid_6"}
# The dated parameters the letters read (rules/bibob/parameters/).
REUSE_YEARS, LBB_WEEKS, LBB_EXTENSION_WEEKS = "advies_hergebruik_jaren", "lbb_advies_weken", "lbb_verlenging_max_weken"
POLICY, PERMIT_BASIS = "beleidsregel_bibob", "grondslag_per_vergunning"
WABO_UNTIL = date(2024, 1, 1)  # from then on the omgevingsvergunning rests on the Omgevingswet


@dataclass(frozen=True)
class Advice:
    """What the danger was judged on: an LBB advice, an earlier advice reused (art. 29), or own research."""

    kind: str  # lbb | hergebruik | eigen
    date: date | None = None
    conclusion: str = ""


def body(letter: LetterInput) -> str:
    """The body that decides the zaak and writes the letter (LetterInput.orgaan, procedure.body_of)."""
    return letter.orgaan


def voice(body_code: str) -> dict[str, str]:
    """The words that differ between the college ("wij") and the burgemeester ("ik"), see phrases.py."""
    ik = body_code == "burgemeester"
    words = dict(P.PERSON["ik" if ik else "wij"])
    for wij, eerste in P.VERBS.items():
        form = eerste if ik else wij
        words[wij], words[wij.capitalize()] = form, form.capitalize()
    return words


def say(lines: str | Iterable[str], words: Mapping[str, str]) -> list[str]:
    """Phrases filled with the voice and data words (str.format parses only our own phrases, never values)."""
    return [line.format_map(words) for line in ([lines] if isinstance(lines, str) else lines)]


def case(letter: LetterInput, name: str) -> Mapping[str, Any]:
    found = letter.case_file.get(name)
    return found if isinstance(found, Mapping) else {}


def application(letter: LetterInput) -> Mapping[str, Any]:
    return case(letter, "application")


def items(letter: LetterInput, name: str) -> list[Mapping[str, Any]]:
    return [i for i in letter.case_file.get(name) or () if isinstance(i, Mapping)]


def day(found: Any) -> date | None:
    """The calendar day of a stored date or ISO text (None when empty or unreadable)."""
    if isinstance(found, date):
        return found.date() if isinstance(found, datetime) else found
    try:
        return date.fromisoformat(str(found)[:10]) if found else None
    except ValueError:
        return None


def text(found: Any) -> str:
    """Free text exactly as stored ("" when blank): a letter holds the stored text verbatim (letters.md §1)."""
    found = "" if found is None else str(found)
    return found if found.strip() else ""


def sentence(found: Any) -> str:
    """Free text as the end of a sentence: with a full stop unless it has its own punctuation."""
    found = text(found)
    return found if not found or found.rstrip()[-1:] in ".?!" else found + "."


def param(letter: LetterInput, name: str) -> Any:
    found = letter.assessment.parameters.get(name)
    return None if found is None else found.value


def _weeks(letter: LetterInput, name: str, unit: str = "weeks") -> str:
    return _weeks_of(param(letter, name), unit)


def _weeks_of(found: Any, unit: str = "weeks") -> str:
    return periode(int(found), unit) if isinstance(found, int | float) and found >= 1 else ""


def advice(letter: LetterInput) -> Advice:
    """The advice the letter rests on: the LBB's (received, not declined), else a reused one, else none."""
    lbb = case(letter, "lbb")
    if day(lbb.get("advice_date")) and lbb.get("conclusion") and not lbb.get("declined"):
        return Advice("lbb", day(lbb.get("advice_date")), str(lbb["conclusion"]))
    reused = case(letter, "reused_advice")
    if day(reused.get("date")):
        return Advice("hergebruik", day(reused.get("date")), str(reused.get("conclusion") or ""))
    return Advice("eigen")


def judgement(letter: LetterInput, code: str, field: str = "reasoning") -> str:
    return value(letter.judgements[code], field) if code in letter.judgements else ""


def danger(letter: LetterInput) -> str:
    """The degree of danger as the deciding body judged it; the advice's conclusion until it did."""
    return judgement(letter, "mate_van_gevaar", "outcome") or advice(letter).conclusion


def grounds(letter: LetterInput) -> list[str]:
    """The grounds of the decision, each a key of phrases.GRONDSLAG (a verlening has none)."""
    if letter.outcome in CONDITIONS:
        return ["lid7_ernstig" if danger(letter) in SERIOUS_DANGER else "lid7"]
    if letter.outcome not in NEGATIVE:
        return []
    ground = GROUND_OF.get(danger(letter))
    found = [ground] if ground in ("a", "b", "lid6") else []
    if ground == "art4" or case(letter, "refused_to_supply_data"):
        found.append("art4")
    breach = judgement(letter, "overtreding_voorschriften", "outcome")
    if letter.outcome in WITHDRAWAL and case(letter, "permit_breach") and breach in ("", "vastgesteld"):
        found.append("breach")
    return found


def cited_facts(letter: LetterInput) -> list[Mapping[str, Any]]:
    """The facts the reasons use, by date: those the jurist marked as needed (art. 28 lid 2 onder a); an acquittal
    never (bibob.md §8.1), a sepot may be."""
    found = [f for f in items(letter, "facts_3a") if f.get("in_motivering") is True
             and (f.get("kind") in F.KARAKTER or f.get("kind") == F.SEPOT)]
    return sorted(found, key=lambda f: day(f.get("date")) or date.min)


def cited_research(letter: LetterInput) -> list[Mapping[str, Any]]:
    """The findings of the own investigation the jurist marked as needed for the reasons, by date."""
    found = [r for r in items(letter, "own_research") if r.get("in_motivering") is True and text(r.get("finding"))]
    return sorted(found, key=lambda r: day(r.get("date")) or date.min)


def third_parties(letter: LetterInput) -> list[Mapping[str, Any]]:
    return [t for t in items(letter, "third_parties") if text(t.get("name"))]


def heard(letter: LetterInput) -> list[str]:
    """The names of the derden heard in this procedure: the only others a letter names."""
    return [text(t.get("name")) for t in third_parties(letter)]


def role_of(letter: LetterInput, name: str) -> str:
    """The art. 3 lid 4 role of a person around the business (related_persons), "" when none is recorded."""
    found = (r for r in items(letter, "related_persons") if _same(r.get("name"), name))
    return str(next((r.get("role") for r in found), "") or "")


def person(letter: LetterInput, name: Any, aanvrager: str) -> str:
    """Who a fact is about, as the aanvrager's letter may say it: "u", a heard derde by name, anyone else only by
    his role (minimisation, art. 28 lid 2 onder a; legal review, finding 1)."""
    found = text(name)
    if not found or _same(found, aanvrager):
        return "u"
    if any(_same(found, n) for n in heard(letter)):
        return found
    return F.ROL_PERSOON.get(role_of(letter, found), F.IEMAND)


def hidden(letter: LetterInput) -> list[str]:
    """The names a letter must never print: people around the business or in the facts who are not heard."""
    own = text(case(letter, "betrokkene").get("name"))
    names = [text(r.get("name")) for r in items(letter, "related_persons")]
    names += [text(f.get("person")) for f in items(letter, "facts_3a")]
    return list(dict.fromkeys(n for n in names if n.strip() and not _same(n, own)
                              and not any(_same(n, h) for h in heard(letter))))


def names(name: str, found: str) -> bool:
    """The text names the person: his name as a whole word or words (never "Jan" in "januari")."""
    name = " ".join(name.split())
    pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, name.split())) + r"(?!\w)"
    return len(name) > 2 and re.search(pattern, found, re.IGNORECASE) is not None


def _same(one: Any, other: Any) -> bool:
    return " ".join(str(one or "").split()).casefold() == " ".join(str(other or "").split()).casefold()


def own_part(letter: LetterInput) -> Mapping[str, Any] | None:
    """The third party this letter is for, from Recipient.ref ("third_parties.0"); None if it names none."""
    ref = letter.recipient.ref or ""
    field, _, index = ref.partition(".")
    listed = letter.case_file.get("third_parties") or ()
    if field != "third_parties" or not index.isdigit() or int(index) >= len(listed):
        return None
    found = listed[int(index)]
    return found if isinstance(found, Mapping) else None


def address(letter: LetterInput) -> str:
    """The establishment's address on one line: the application's, else the zaak's."""
    found = application(letter).get("address")
    if isinstance(found, Mapping):
        street = " ".join(text(found.get(k)) for k in ("straat", "huisnummer", "toevoeging") if found.get(k))
        place = " ".join(text(found.get(k)) for k in ("postcode", "woonplaats") if found.get(k))
        return ", ".join(p for p in (street, place) if p)
    return text(found) or ", ".join(" ".join(r.split()) for r in letter.zaak_adresregels)


def policy(letter: LetterInput) -> str:
    """The Maastricht Bibob policy on the decision date, once a beheerder confirmed it: its article (the confirmed
    source) and published title with CVDR number; "" when the municipality has none on record or it is still to
    confirm (the drafting refuses a voornemen or besluit until then; policy.proposal)."""
    found = letter.assessment.parameters.get(POLICY)
    if found is None or found.to_confirm or not isinstance(found.value, Mapping):
        return ""
    title, cvdr = text(found.value.get("titel")), text(found.value.get("cvdr"))
    cited = titel(f"{title} ({cvdr})") if title and cvdr else ""
    article = titel(text((found.source or {}).get("artikel")))
    return (f"{article} van de {cited}" if article else f"de {cited}") if cited else ""


def regulation(letter: LetterInput) -> str:
    """The regulation the permit comes from, by name (its article waits for the municipality to confirm it)."""
    permit_type = str(application(letter).get("permit_type") or "")
    if permit_type == "omgevingsvergunning" and letter.verzenddatum < WABO_UNTIL:
        return P.REGELING_WABO
    return P.REGELING.get(permit_type, "")


def _day_text(found: Any, with_day: bool = False) -> str:
    found = day(found)
    if found is None:
        return ""
    return datum_met_dag(found) if with_day else datum(found)


def words_for(letter: LetterInput) -> dict[str, str]:
    """Every placeholder a phrase may use: the voice of the deciding body and the data of the case."""
    app, permit, lbb, found = application(letter), case(letter, "existing_permit"), case(letter, "lbb"), advice(letter)
    aanvrager = text(case(letter, "betrokkene").get("name")) or letter.recipient.naam
    code = body(letter)
    words = {
        **voice(code), "aanvrager": aanvrager, "bedrijf": text(app.get("business_name")) or aanvrager,
        "adres": address(letter), "vergunning": label(P.VERGUNNING, app.get("permit_type") or "overig"),
        "regeling": regulation(letter),
        "aanvraag_datum": _day_text(app.get("received_on")),
        "aanvraag_kenmerk": f", kenmerk {text(app['kenmerk'])}" if text(app.get("kenmerk")) else "",
        "vergunning_datum": _day_text(permit.get("granted_on")),
        "vergunning_kenmerk": f", kenmerk {text(permit['kenmerk'])}" if text(permit.get("kenmerk")) else "",
        "gevraagd_op": _day_text(lbb.get("requested_on")), "advies_datum": _day_text(found.date),
        "conclusie": label(P.CONCLUSIE, found.conclusion) if found.conclusion else "",
        "zienswijze_tot": _day_text(letter.deadlines.get("zienswijze_tot"), with_day=True),
        "ingangsdatum": _day_text(letter.case_file.get("withdrawal_effective_on") if letter.outcome in WITHDRAWAL
                                  else letter.deadlines.get("ingangsdatum")),
        "beslistermijn": _weeks_of(app.get("statutory_term_weeks")) or Q.REDELIJKE_TERMIJN,  # Awb 4:13
        "aan_wie": Q.AAN_WIE["intrekking" if letter.outcome in WITHDRAWAL else "aanvraag"],
        "kenmerk": letter.kenmerk, "behandeld_door": letter.behandeld_door,
        "orgaan": P.ORGAAN.get(code, ""), "adres_orgaan": P.ADRES_ORGAAN.get(code, ""),
        "herstel_op": _day_text(case(letter, "bibob_form").get("herstel_requested_on")),
        "herstel_tot": _day_text(letter.case_file.get("hersteltermijn_until")),
        "advies_weken": _weeks(letter, LBB_WEEKS) or "acht weken",  # Wet Bibob art. 15 lid 1
        "verlenging_weken": _weeks(letter, LBB_EXTENSION_WEEKS) or "vier weken",  # art. 15 lid 2
        "hergebruik_jaren": _weeks(letter, REUSE_YEARS, "years") or "vijf jaar",  # art. 29
        "beleid": policy(letter),
    }
    return words
