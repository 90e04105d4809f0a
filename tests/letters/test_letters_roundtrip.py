"""Hostile text survives rendering verbatim (letters.md §14 "Round trip" and "Hypothesis").

Every free-text field of the LetterInput carries XML specials, Jinja-looking text, docxtpl's own escape
syntax, typographic quotes, accents and control characters. After clean_text, reading the body, headers
and footers back with python-docx must give every value verbatim, and the title property the raw value.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from letters_support import (
    ROLE_FOR_ADDRESSEE,
    Party,
    Recipient,
    build_context,
    entries,
    input_for,
    judgement,
    read_back,
    render,
    support,
)

from app.domain.cleaning import clean_text
from app.domain.errors import LetterRenderError
from app.letters.manifest import ManifestEntry

HOSTILE = ("Jansen & Zn <B.V.> \"x\" 'y' 100<100 a < b ’t é ë e\u0301 <script>alert(1)</script> "
           "{{ kenmerk }} {% if x %} {_{ a }_} {_% b %_} \x00\x0b\x1f\x0c\x7f\x85\ufffe\r\nregel 2\tkolom ")
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
ENTRIES = entries()


def hostile(label: str) -> str:
    """A cleaned hostile value, labelled so each field can be found on its own."""
    return clean_text(f"{label}: {HOSTILE}")


def hostile_input(entry: ManifestEntry):
    """A LetterInput with a hostile value in every free-text field."""
    if entry.power in HOSTILE_INPUT:
        return HOSTILE_INPUT[entry.power](entry)
    return support(entry.power).HOSTILE(entry.outcome, ROLE_FOR_ADDRESSEE[entry.addressee], hostile)


def _huisverbod_hostile(entry: ManifestEntry):
    base = input_for(entry)
    case = {**base.case_file, "person": {"naam": hostile("stof"), "geboortedatum": "1985-06-14"},
            "area_description": hostile("gebied"),
            "household": [{"naam": hostile("voorwerp"), "relatie": hostile("relatie"), "geboortedatum": None}],
            "rihg": {**base.case_file["rihg"], "factors": [{"category": "incident", "text": hostile("factor")}]}}
    return input_for(
        entry, kenmerk=hostile("kenmerk"),
        recipient=Recipient(naam=hostile("naam"), rol=base.recipient.rol,
                            adresregels=(hostile("straat"), hostile("plaats")), aanhef=hostile("aanhef")),
        zaak_adresregels=(hostile("pandstraat"), hostile("pandplaats")), melding_kenmerk=hostile("meldingkenmerk"),
        judgements={code: judgement(hostile(code), j["outcome"]) for code, j in base.judgements.items()},
        ondertekening=(hostile("functie"), hostile("ondertekenaar")), behandeld_door=hostile("behandeld"),
        beslisser={**base.beslisser, "naam": hostile("beslisser"), "mandaatbesluit": hostile("mandaat")},
        case_file=case, zienswijze={"samenvatting": hostile("samenvatting")},
    )


def _damocles_hostile(entry: ManifestEntry):
    base = input_for(entry)
    return input_for(
        entry,
        kenmerk=hostile("kenmerk"),
        recipient=Recipient(naam=hostile("naam"), rol=base.recipient.rol,
                            adresregels=(hostile("straat"), hostile("plaats")), aanhef=hostile("aanhef")),
        zaak_adresregels=(hostile("pandstraat"), hostile("pandplaats")),
        melding_bron=hostile("bron"), melding_kenmerk=hostile("meldingkenmerk"),
        judgements={"geschiktheid": judgement(hostile("geschiktheid")),
                    "evenwichtigheid": judgement(hostile("evenwichtigheid"))},
        zienswijze={"ontvangen": True, "zienswijzen": [
            {"betrokkene_id": 9, "naam": hostile("indiener"), "rol": "rechthebbende", "wijze": "schriftelijk",
             "ontvangen_op": "2026-03-20", "samenvatting": hostile("samenvatting"), "reactie": hostile("reactie")}]},
        parties=(Party(hostile("rechthebbende"), "rechthebbende"),),
        ondertekening=(hostile("functie"), hostile("ondertekenaar")),
        behandeld_door=hostile("behandeld"),
        afwijking_beleid=hostile("afwijking"),
        case_file={"premises_type": "woning", "sluitobject": "woning_en_erf", "sluiting_aanvang": "10.00",
                   "naam_inrichting": hostile("inrichting"), "afschrift_ontvanger": hostile("afschrift"),
                   "substances": [{"name": hostile("stof"), "opiumwet_list": "lijst_i", "quantity": 3, "unit": "g"}],
                   "objects_13b_1b": [{"description": hostile("voorwerp"), "basis": "art_11a"}]},
    )


def _bezwaar_hostile(entry: ManifestEntry):
    base = input_for(entry)
    bezwaar = {**base.bezwaar, "indiener": hostile("indiener"), "besluit_onderwerp": hostile("onderwerp"),
               "bijgestaan_door": hostile("gehoord"), "advies_gevolgd": False, "afwijking_reden": hostile("advies"),
               "aan_indiener": True,
               "motivering": hostile("motivering"), "nieuw_besluit": hostile("nieuw"),
               "gronden": [{"grond": hostile("grond"), "reactie": hostile("reactie")}]}
    return input_for(
        entry, kenmerk=hostile("kenmerk"),
        recipient=Recipient(naam=hostile("naam"), rol=base.recipient.rol,
                            adresregels=(hostile("straat"), hostile("plaats")), aanhef=hostile("aanhef")),
        ondertekening=(hostile("functie"), hostile("ondertekenaar")), behandeld_door=hostile("behandeld"),
        bezwaar=bezwaar,
    )


def _ouderbrief_hostile(entry: ManifestEntry):
    base = input_for(entry)
    child = {**base.case_file["child"], "naam": hostile("kind")}
    parent = {**base.case_file["gezaghebbenden"][0], "naam": hostile("naam")}
    return input_for(
        entry, kenmerk=hostile("kenmerk"),
        recipient=Recipient(naam=hostile("naam"), rol=base.recipient.rol,
                            adresregels=(hostile("straat"), hostile("plaats")), aanhef=hostile("aanhef")),
        zaak_adresregels=(hostile("pandstraat"), hostile("pandplaats")), melding_kenmerk=hostile("meldingkenmerk"),
        ondertekening=(hostile("functie"), hostile("ondertekenaar")), behandeld_door=hostile("behandeld"),
        case_file={**base.case_file, "child": child, "gezaghebbenden": [parent], "incident_place": hostile("locatie")},
    )


def _straathandel_hostile(entry: ManifestEntry):
    base = input_for(entry)
    person = {**base.case_file["waargenomen_persoon"], "naam": hostile("persoon")}
    seen = [{**base.case_file["observations"][0], "place_description": hostile("plaats_waarneming"),
             "description": hostile("gezien"), "substance_description": hostile("stof")}]
    indicators = [{"kind": "aanwezig_op_hotspot", "description": hostile("aanwijzing")}]
    return input_for(
        entry, kenmerk=hostile("kenmerk"),
        recipient=Recipient(naam=hostile("naam"), rol=base.recipient.rol,
                            adresregels=(hostile("straat"), hostile("plaats")), aanhef=hostile("aanhef")),
        zaak_adresregels=(hostile("pandstraat"), hostile("pandplaats")), melding_bron=hostile("bron"),
        melding_kenmerk=hostile("meldingkenmerk"),
        judgements={code: judgement(hostile(code), j["outcome"]) for code, j in base.judgements.items()},
        ondertekening=(hostile("functie"), hostile("ondertekenaar")), behandeld_door=hostile("behandeld"),
        case_file={**base.case_file, "waargenomen_persoon": person, "observations": seen,
                   "repetition_indicators": indicators, "scope_description": hostile("gebied")},
    )


HOSTILE_INPUT = {"straathandel": _straathandel_hostile, "ouderbrief": _ouderbrief_hostile,
                 "damocles": _damocles_hostile, "huisverbod": _huisverbod_hostile,
                 "algemeen": _bezwaar_hostile}
# Fields every letter of the power prints; a huisverbod letter to the household omits the protected
# persons and the risk assessment on purpose (minimisation), so only the head and signature are common.
LABELS_IN_EVERY_LETTER = {
    "damocles": ("naam", "aanhef", "behandeld", "samenvatting", "stof", "voorwerp", "ondertekenaar", "inrichting"),
    "huisverbod": ("naam", "aanhef", "behandeld", "ondertekenaar", "pandstraat"),
    "straathandel": ("naam", "aanhef", "behandeld", "ondertekenaar", "plaats_waarneming", "gezien", "stof",
                     "meldingkenmerk"),
    "ouderbrief": ("naam", "aanhef", "behandeld", "ondertekenaar", "kind", "locatie"),
    "algemeen": ("naam", "aanhef", "behandeld", "ondertekenaar", "indiener", "onderwerp", "gehoord", "advies",
                 "motivering", "nieuw", "grond", "reactie"),
}


def _values(context: dict[str, object], keys: tuple[str, ...]) -> list[str]:
    values: list[str] = []
    for key in keys:
        value = context[key]
        values += [v for v in value if v] if isinstance(value, list) else [str(value)]
    return values


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.template for e in ENTRIES])
def test_hostile_values_come_back_verbatim(entry: ManifestEntry) -> None:
    context = build_context(hostile_input(entry))
    text = read_back(render(entry.template, context))
    everything = "\n".join(text["body"] + text["header"] + text["footer"])
    for value in _values(context, entry.required):
        assert value in everything, value[:40]
    labels = LABELS_IN_EVERY_LETTER.get(entry.power) or support(entry.power).LABELS
    for label in labels:
        if label != "samenvatting" or entry.outcome == "sluiting":
            assert hostile(label) in everything, label
    assert f"Ons kenmerk {context['kenmerk']} · pagina " in text["footer"]
    assert not CONTROL.search(everything)
    assert text["title"] == context["onderwerp"]
    assert "&amp;" not in text["title"] and "&" in text["title"]
    assert text["identifier"] == context["kenmerk"]
    assert text["language"] == "nl-NL"


def test_uncleaned_control_characters_fail_loudly() -> None:
    # Without clean_text Word XML would reject or silently drop them; the renderer must refuse instead.
    entry = next(e for e in ENTRIES if e.template.endswith("sluiting__bewoner.docx"))
    context = build_context(input_for(entry))
    for bad in ("\x0b", "\x00", "\x1f", "\r", "\ud800", "\ufffe"):
        with pytest.raises(LetterRenderError) as info:
            render(entry.template, {**context, "dictum": ["a", f"Geachte{bad}heer,"]})
        assert info.value.details["unwritable"] == ["dictum"]


SLUITING = next(e for e in ENTRIES if e.template.endswith("sluiting__bewoner.docx"))
BASE = build_context(input_for(SLUITING))


SENTINEL = "vaste-alinea-7c1e"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=200))
def test_random_text_round_trips(raw: str) -> None:
    value = clean_text(raw)
    context = {**BASE, "aanhef": value, "motivering": [value, SENTINEL], "kenmerk": value, "onderwerp": value,
               "verzenddatum": date(2026, 4, 1)}
    text = read_back(render(SLUITING.template, context))
    body = text["body"]
    reference = next(i for i, p in enumerate(body) if p.startswith("Behandeld door: "))
    assert body[reference - 3] == f"Ons kenmerk: {value}"
    assert body[reference + 1] == value  # the subject heading
    assert body[reference + 2] == value  # the salutation
    assert body[body.index(SENTINEL) - 1] == value
    assert text["footer"][0] == f"Ons kenmerk {value} · pagina "
    assert text["title"] == value
