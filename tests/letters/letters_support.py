"""Shared builders for the letter tests: a hand-made Assessment, LetterInputs and a read-back helper.

The Assessment is built by hand so these tests do not depend on the rules engine.
"""

from __future__ import annotations

import importlib
import io
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import docx

from app.config import ROOT as PROJECT
from app.domain.assessment import CONFIRMED, Assessment, ParameterValue, TraceEntry
from app.domain.deadlines import AMSTERDAM
from app.domain.objection_decision import CORE_LETTERS
from app.letters import kit
from app.letters.input import LetterInput, Party, Recipient
from app.letters.manifest import ManifestEntry, find_entry, load_clauses, load_manifest
from app.letters.objection import ObjectionKit
from app.letters.render import TemplateStore
from app.letters.render import render as render_named
from app.powers import power
from tests.letters.straathandel_support import straathandel_input

ROOT = PROJECT / "letter_templates"
STORE = TemplateStore.load(ROOT)
CLAUSES = load_clauses(ROOT)
ROLE_FOR_ADDRESSEE = {"gezaghebbende": "gezaghebbende", "bewoner": "overtreder", "rechthebbende": "rechthebbende",
                      "uithuisgeplaatste": "uithuisgeplaatste", "achterblijver": "achterblijver",
                      "veilig_thuis": "veilig_thuis", "belanghebbende": "overtreder", "overtreder": "overtreder"}
DEADLINES = {
    "zienswijze_tot": date(2026, 4, 15),
    "begunstigingstermijn_tot": date(2026, 4, 15),
    "ingangsdatum": date(2026, 4, 16),
    "vervaldatum": date(2026, 7, 16),
    "uiterlijke_reactiedatum": date(2026, 5, 13),
}

GEGEVENS = {
    "premises_type": "woning", "sluitobject": "woning", "sluiting_aanvang": "10.00",
    "substances": [{"name": "cocaïne", "opiumwet_list": "lijst_i", "quantity": 2.5, "unit": "g"}],
    "objects_13b_1b": [{"description": "versnijdingsmiddel in zakjes", "basis": "art_11a"}],
    "attributes_found": ["weegschaal", "verpakkingsmateriaal"],
    "dealing_evidence": ["politie_observatie", "loop"],
}


# A policy value a beheerder confirmed with the official source: only such a value is cited as policy.
POLICY_SOURCE = {"titel": "Beleidsregels inzake de toepassing van artikel 13b Opiumwet", "artikel": "artikel 4",
                 "publicatie": "Gemeenteblad 2010, C nr. 46", "href": "https://lokaleregelgeving.overheid.nl/CVDR110009"}
CONFIRMED_MONTHS = ParameterValue(
    name="sluiting_woning_harddrugs_eerste_maanden", value=3, valid_from=date(2010, 5, 3), status=CONFIRMED,
    reference={"title": "Beleidsregels inzake de toepassing van artikel 13b Opiumwet, artikel 4",
               "href": POLICY_SOURCE["href"]}, unit="maanden", applies_at="beslisdatum", source=POLICY_SOURCE)


def assessment() -> Assessment:
    """A damocles assessment with one competence rule, one policy rule and one unfired exception."""
    param = ParameterValue(name="eigen_gebruik_harddrugs_g", value=0.5, valid_from=date(2019, 1, 1),
                           status="national practice", reference={"title": "OM-praktijk"}, unit="g")
    bevoegd = TraceEntry(
        rule="bevoegd_handelshoeveelheid_harddrugs", kind="bevoegdheid", value="bevoegd",
        legal_basis={"title": "Opiumwet art. 13b lid 1 onder a", "href": "https://wetten.overheid.nl/x"},
        explanation="Er is meer harddrugs gevonden dan voor eigen gebruik. De burgemeester mag dan aannemen "
                    "dat de drugs er zijn om te verkopen.",
        facts={"hard_drugs_g": 2.5}, parameters={"eigen_gebruik_harddrugs_g": param})
    beleid = TraceEntry(
        rule="beleid_woning_harddrugs", kind="beleid", value="sluiting",
        legal_basis={"title": "Awb 4:84", "href": "https://wetten.overheid.nl/x"},
        explanation="Volgens het beleid volgt bij harddrugs in een woning een sluiting van drie maanden.",
        parameters={"sluiting_woning_harddrugs_eerste_maanden": CONFIRMED_MONTHS})
    oordeel = TraceEntry(rule="oordeel_tijd", kind="oordeel", value="tijdsverloop", legal_basis={},
                         explanation="Weeg het tijdsverloop.")
    niet = TraceEntry(rule="uitzondering_praktijk_lid_2", kind="uitzondering", value="niet_bevoegd",
                      legal_basis={"title": "Opiumwet art. 13b lid 2"}, explanation="Geen praktijkruimte.")
    return Assessment(power="damocles", peildatum=date(2026, 3, 1), ruleset="damocles__20250701",
                      rules_sha256="0" * 64, engine="durable-rules 2.0.28", facts={"hard_drugs_g": 2.5},
                      parameters={"eigen_gebruik_harddrugs_g": param}, fired=(bevoegd, beleid, oordeel),
                      not_fired=(niet,))


def judgement(reasoning: str, outcome: str = "voldaan") -> dict[str, str]:
    """One recorded judgement as stored JSON."""
    return {"outcome": outcome, "reasoning": reasoning, "recorded_by": "jurist@example.org"}


def letter_input(outcome: str = "sluiting", rol: str = "overtreder", **overrides: Any) -> LetterInput:
    """A realistic LetterInput; keyword arguments replace fields."""
    base = LetterInput(
        power="damocles", outcome=outcome, kenmerk="Z-2026-0042-B1", verzenddatum=date(2026, 4, 1),
        recipient=Recipient(naam="J. Jansen", rol=rol, id=1 if rol != "rechthebbende" else 2,
                            adresregels=("Voorbeeldstraat 12 A", "6211 AB  MAASTRICHT")),
        zaak_adresregels=("Voorbeeldstraat 12 A", "6211 AB Maastricht"),
        melding_bron="de bestuurlijke rapportage van de politie", melding_kenmerk="PL2300-2026-1234",
        melding_datum=date(2026, 3, 5), pleegdatum=date(2026, 3, 1), assessment=assessment(),
        judgements={
            "geschiktheid": judgement("Sluiting doorbreekt de loop naar de woning."),
            "noodzakelijkheid": judgement("Buren klaagden al over overlast."),
            "evenwichtigheid": judgement("Er wonen geen kinderen en er is andere woonruimte."),
            "duur": judgement("Drie maanden is de kortste periode die werkt.", "passend"),
            "bijzondere_omstandigheden": judgement("Die zijn er niet.", "nee"),
        },
        zienswijze={"ontvangen": True, "zienswijzen": [
            {"betrokkene_id": 1, "naam": "J. Jansen", "rol": "overtreder", "wijze": "schriftelijk",
             "ontvangen_op": "2026-04-10", "samenvatting": "De drugs waren van een logé.",
             "reactie": "Dat is niet aannemelijk gemaakt."},
            {"betrokkene_id": 2, "naam": "Woonstichting Maasdal", "rol": "rechthebbende", "wijze": "mondeling",
             "ontvangen_op": "2026-04-11", "samenvatting": "De verhuurder wist van niets.",
             "reactie": "Dat neem ik aan; de verhuurder treft geen verwijt."}]},
        duur=None if outcome == "waarschuwing" else 3,
        deadlines=dict(DEADLINES), parties=(Party("Woonstichting Maasdal", "rechthebbende"),) if rol != "rechthebbende"
        else (Party("J. Jansen", "overtreder"),),
        ondertekening=("De burgemeester van Maastricht,", "", "A.B. Voorbeeld"),
        behandeld_door="mr. C. de Vries, telefoon 14 043",
        case_file=GEGEVENS,
    )
    return replace(base, **overrides)


def entries(code: str | None = None) -> tuple[ManifestEntry, ...]:
    """The manifest entries of letter_templates/ (of one power, if named)."""
    return tuple(e for e in load_manifest(ROOT) if code is None or e.power == code)


HV_CASE = {
    "imposed_at": "2026-03-27T20:00:00+01:00",
    "person": {"naam": "E. Voorbeeldman", "geboortedatum": "1985-06-14"},
    "area_description": "De woning en de galerij van de flat",
    "rihg": {"completed_at": "2026-03-27T19:40:00+01:00", "outcome": "ernstig_en_onmiddellijk_gevaar",
             "factors": [{"category": "incident", "text": "Partner met een mes bedreigd."},
                         {"category": "politiegegevens", "text": "Twee eerdere meldingen van huiselijk geweld."}]},
    "household": [{"naam": "F. Voorbeeldvrouw", "relatie": "partner", "geboortedatum": "1987-02-03"},
                  {"naam": "G. Voorbeeldkind", "relatie": "kind", "geboortedatum": "2016-09-21"}],
    "oral_first": True, "keys_collected": True, "kindermishandeling": False,
}
HV_DEADLINES = {  # across the start of summer time: 27 March 20:00 to 6 April 20:00 is ten days on the clock
    "ingang_at": datetime(2026, 3, 27, 20, 0, tzinfo=AMSTERDAM),
    "einde_at": datetime(2026, 4, 6, 20, 0, tzinfo=AMSTERDAM),
    "bereikbaarheid_tot": datetime(2026, 3, 28, 20, 0, tzinfo=AMSTERDAM),
    "uiterlijke_reactiedatum": date(2026, 5, 11),
}


HV_LATER = {  # the extension on 3 April to four weeks after the imposition; the withdrawal on 2 April at 18.00
    "verlenging_huisverbod": {**HV_DEADLINES, "ingang_at": datetime(2026, 4, 6, 20, 0, tzinfo=AMSTERDAM),
                              "einde_at": datetime(2026, 4, 24, 20, 0, tzinfo=AMSTERDAM),
                              "uiterlijke_reactiedatum": date(2026, 5, 15)},
    "intrekking_huisverbod": {**HV_DEADLINES, "ingang_at": datetime(2026, 4, 2, 18, 0, tzinfo=AMSTERDAM),
                              "einde_at": None, "uiterlijke_reactiedatum": date(2026, 5, 14)},
}


def huisverbod_assessment() -> Assessment:
    """A huisverbod assessment: competence rests on the danger judgement."""
    gevaar = TraceEntry(
        rule="bevoegd_na_oordeel_gevaar", kind="bevoegdheid", value="judgement_required",
        legal_basis={"title": "Wet tijdelijk huisverbod art. 2 lid 1", "href": "https://wetten.overheid.nl/x"},
        explanation="De burgemeester is bevoegd als er ernstig en onmiddellijk gevaar is; de jurist legt dat vast.")
    return Assessment(power="huisverbod", peildatum=date(2026, 3, 27), ruleset="huisverbod__20150101",
                      rules_sha256="0" * 64, engine="durable-rules 2.0.28", facts={}, parameters={},
                      fired=(gevaar,), not_fired=())


def huisverbod_input(outcome: str = "huisverbod", rol: str = "uithuisgeplaatste", **overrides: Any) -> LetterInput:
    """A realistic huisverbod LetterInput: imposed at 20:00 by a hulpofficier van justitie in mandate."""
    base = LetterInput(
        power="huisverbod", outcome=outcome, kenmerk="BEV-2026-000077", verzenddatum=date(2026, 3, 28),
        recipient=Recipient(naam="E. Voorbeeldman", rol=rol, adresregels=("Voorbeeldstraat 3", "6211 AB  MAASTRICHT")),
        zaak_adresregels=("Voorbeeldstraat 3", "6211 AB  Maastricht"), melding_bron="het proces-verbaal van de politie",
        melding_kenmerk="PV-2026-0077", melding_datum=date(2026, 3, 27), pleegdatum=date(2026, 3, 27),
        assessment=huisverbod_assessment(),
        judgements={"gevaar": judgement("Bedreiging met een mes in bijzijn van een kind.", "ja"),
                    "horen_mogelijk": judgement("Beide partners zijn ter plaatse gehoord.", "gehoord"),
                    "verlenging_gevaar_voortduurt": judgement("Hij blijft dreigende berichten sturen.", "ja"),
                    "horen_verlenging": judgement("Beiden zijn op 3 april gehoord.", "gehoord"),
                    "intrekking": judgement("Hij volgt een behandeling en houdt zich aan de afspraken.", "ja")},
        ondertekening=("namens de burgemeester van Maastricht,", "O. Officier", "hulpofficier van justitie"),
        behandeld_door="O. Officier, telefoon 14 043",
        beslisser={"naam": "O. Officier", "hoedanigheid": "hulpofficier_van_justitie",
                   "mandaatbesluit": "Mandaat 2024"},
        case_file=HV_CASE, duur=10 if outcome == "huisverbod" else None, deadlines=dict(HV_DEADLINES),
    )
    if outcome != "huisverbod":  # only the mayor extends or withdraws (Wth art. 3)
        base = replace(base, ondertekening=("De burgemeester van Maastricht,", "M. Burgemeester"),
                       behandeld_door="J. Jurist, telefoon 14 043", deadlines=HV_LATER[outcome],
                       beslisser={"naam": "M. Burgemeester", "hoedanigheid": "orgaan", "mandaatbesluit": ""})
    return replace(base, **overrides)


BEZWAAR = {  # a decision on a bezwaar against the closure of letter_input(): gegrond, heard, with advice
    "orgaan": "burgemeester", "indiener": "J. Jansen", "aan_indiener": True, "besluit_datum": date(2026, 4, 20),
    "besluit_kenmerk": "Z-2026-0042-B1", "besluit_onderwerp": "Sluiting van de woning Voorbeeldstraat 12 A",
    "bekendgemaakt_op": date(2026, 4, 20), "ontvangen_op": date(2026, 5, 6), "termijn_einde": date(2026, 6, 1),
    "tijdigheid": "tijdig", "verschoonbaar": None, "verschoonbaar_reden": None, "uitgereikt": False,
    "hoorzitting_op": date(2026, 6, 3), "bijgestaan_door": "mr. P. Pieters, advocaat", "niet_horen_grond": None,
    "advies_op": date(2026, 6, 20), "advies_uitkomst": "gegrond", "advies_gevolgd": True, "afwijking_reden": "",
    "bezwaar_id": 7, "bestreden": "sluiting", "uitkomst": "gegrond", "motivering": "De handel is niet aangetoond.",
    "nieuw_besluit": "Een schriftelijke waarschuwing.", "herroepen_deel": "", "niet_ontvankelijk_grond": None,
    "gronden": [{"grond": "Er is geen handel vastgesteld.", "reactie": "Dat is juist; de rapportage zegt het niet.",
                 "slaagt": True},
                {"grond": "De sluiting treft het gezin te zwaar.",
                 "reactie": "Dat weegt mee, maar is niet meer nodig.", "slaagt": False}],
}


def bezwaar_input(outcome: str = "beslissing_op_bezwaar", rol: str = "overtreder", **overrides: Any) -> LetterInput:
    """The decision on a bezwaar against the closure, to the objector; its beroep term ends on 13 August."""
    base = replace(letter_input("sluiting", rol), power=CORE_LETTERS, outcome=outcome, verzenddatum=date(2026, 7, 2),
                   deadlines={"uiterlijke_reactiedatum": date(2026, 8, 13)}, bezwaar=BEZWAAR, judgements={},
                   kenmerk="Z-2026-0042-BZ7",
                   zienswijze=None)
    return replace(base, **overrides)


OB_CASE = {  # a fifteen-year-old with fireworks on 1 March 2026; two parents with joint authority apart
    "incident_at": "2026-03-01T21:40:00+01:00", "incident_place": "Bij de speeltuin op het plein",
    "incident_type": "vuurwerk", "incident_source": "politie", "gia_signal": "no",
    "child": {"naam": "K. Voorbeeldkind", "geboortedatum": "2010-09-15",
              "adres": {"straat": "Voorbeeldstraat", "huisnummer": "3", "postcode": "6211 AB",
                        "woonplaats": "Maastricht"}},
    "gezaghebbenden": [
        {"naam": "M. Voorbeeldmoeder", "relatie": "ouder",
         "adres": {"straat": "Voorbeeldstraat", "huisnummer": "3", "postcode": "6211 AB", "woonplaats": "Maastricht"}},
        {"naam": "V. Voorbeeldvader", "relatie": "ouder",
         "adres": {"straat": "Andere Laan", "huisnummer": "8", "postcode": "6212 CD", "woonplaats": "Maastricht"}}],
    "group_code": "GROEP-X7", "other_interventions": [],
}


def ouderbrief_assessment(earlier_days: int | None = None, fired: tuple[str, ...] = ()) -> Assessment:
    """An ouderbrief assessment: the majority and the OOV contact as parameters, an earlier letter if any."""
    params = {
        "meerderjarigheid_jaren": ParameterValue(name="meerderjarigheid_jaren", value=18, valid_from=date(2024, 1, 1),
                                                 status="statute", reference={"title": "BW 1:233"}, unit="jaren"),
        "oov_contact": ParameterValue(name="oov_contact", value={"team": "team Openbare Orde en Veiligheid",
                                                                 "telefoon": "14 043"}, valid_from=date(2024, 1, 1),
                                      status="design default — to confirm with the municipality",
                                      reference={"title": "OOV"}),
    }
    facts = {"age_at_incident_years": 15, "earlier_letter_in_interval": earlier_days is not None,
             "prior_letters_count": 1 if earlier_days is not None else 0,
             "days_since_last_letter": earlier_days or 0}
    entries = tuple(TraceEntry(rule=f"regel_{value}", kind="informatie", value=value, legal_basis={},
                               explanation="Informatie.") for value in fired)
    return Assessment(power="ouderbrief", peildatum=date(2026, 3, 1), ruleset="ouderbrief__20240101",
                      rules_sha256="0" * 64, engine="durable-rules 2.0.28", facts=facts, parameters=params,
                      fired=entries, not_fired=())


def ouderbrief_input(outcome: str = "ouderbrief", rol: str = "gezaghebbende", **overrides: Any) -> LetterInput:
    """A letter to the mother (joint authority with the father, who lives elsewhere), sent 10 March 2026."""
    earlier = 120 if outcome == "ouderbrief_herhaald" else None
    base = LetterInput(
        power="ouderbrief", outcome=outcome, kenmerk="BEV-2026-000101", verzenddatum=date(2026, 3, 10),
        recipient=Recipient(naam="M. Voorbeeldmoeder", rol=rol,
                            adresregels=("Voorbeeldstraat 3", "6211 AB  MAASTRICHT")),
        zaak_adresregels=("Pleinstraat 1", "6211 EF  Maastricht"), melding_bron="het proces-verbaal van de politie",
        melding_kenmerk="PV-2026-0101", melding_datum=date(2026, 3, 2), pleegdatum=date(2026, 3, 1),
        assessment=ouderbrief_assessment(earlier), judgements={
            "veiligheidssignaal": judgement("Geen signalen; overlegd met het netwerkoverleg.", "geen_gevaar")},
        ondertekening=("De burgemeester van Maastricht,", "namens deze,", "K. Kabinet", "hoofd Kabinet en Veiligheid"),
        behandeld_door="J. Jurist, telefoon 14 043",
        parties=(Party("K. Voorbeeldkind", "minderjarige", date(2010, 9, 15)),
                 Party("V. Voorbeeldvader", "gezaghebbende")),
        case_file=OB_CASE,
    )
    return replace(base, **overrides)


SAMPLES = {"damocles": letter_input, "huisverbod": huisverbod_input, "ouderbrief": ouderbrief_input,
           CORE_LETTERS: bezwaar_input, "straathandel": straathandel_input}


def support(code: str) -> ModuleType | None:
    """A power's own test support module (tests/letters/<code>_support.py), if it offers a SAMPLE."""
    path = Path(__file__).with_name(f"{code}_support.py")
    module = importlib.import_module(f"tests.letters.{path.stem}") if path.exists() else None
    return module if module is not None and hasattr(module, "SAMPLE") else None


def _discover() -> None:
    """Each power whose support module offers SAMPLE (and ROLES: template addressee -> role) joins the shared
    letter tests, so adding a power needs no edit here."""
    for path in sorted(Path(__file__).parent.glob("*_support.py")):
        code = path.stem.removesuffix("_support")
        module = support(code)
        if module is not None and code not in SAMPLES:
            SAMPLES[code] = module.SAMPLE
            for addressee, rol in getattr(module, "ROLES", {}).items():
                ROLE_FOR_ADDRESSEE.setdefault(addressee, rol)


_discover()


def kit_of(code: str) -> Any:
    """A power's letter kit; the core's own letters (the decision on a bezwaar) have the core's kit."""
    return ObjectionKit() if code == CORE_LETTERS else power(code).letters


def build_context(letter: LetterInput) -> dict[str, object]:
    """The checked context of a letter, with its power's kit and the vetted clauses."""
    return kit.build_context(letter, kit_of(letter.power), CLAUSES)


def context_keys(entry: ManifestEntry) -> frozenset[str]:
    return kit_of(entry.power).keys(entry.outcome, entry.addressee)


def required_keys_by_outcome(code: str = "damocles") -> dict[tuple[str, str], frozenset[str]]:
    return {(e.outcome, e.addressee): context_keys(e) for e in entries(code)}


def addressee_for(rol: str, code: str = "damocles") -> str:
    return kit_of(code).addressee(rol)


def render(template: str, context: dict[str, object]) -> bytes:
    """Render by manifest name from the project's templates."""
    return render_named(template, context, STORE)


def input_for(entry: ManifestEntry, **overrides: Any) -> LetterInput:
    """A LetterInput whose power, outcome and recipient role fit a manifest entry."""
    return SAMPLES[entry.power](entry.outcome, ROLE_FOR_ADDRESSEE[entry.addressee], **overrides)


def template_for(letter: LetterInput) -> str:
    """The manifest name of the template for a LetterInput."""
    return find_entry(entries(), letter.power, letter.outcome,
                      addressee_for(letter.recipient.rol, letter.power)).template


def read_back(data: bytes) -> dict[str, Any]:
    """The text of a rendered letter: body paragraphs, header and footer paragraphs, core properties."""
    document = docx.Document(io.BytesIO(data))
    section = document.sections[0]
    return {
        "body": [p.text for p in document.paragraphs],
        "header": [p.text for p in section.header.paragraphs],
        "footer": [p.text for p in section.footer.paragraphs],
        "title": document.core_properties.title,
        "identifier": document.core_properties.identifier,
        "language": document.core_properties.language,
        "created": document.core_properties.created,
    }


def docx_with(*paragraphs: str) -> bytes:
    """A minimal .docx with one paragraph per argument (for sandbox and error tests)."""
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def strings(value: object) -> list[str]:
    """Every string in a nest of dicts, lists and tuples (the phrases modules)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in strings(v)]
    return []
