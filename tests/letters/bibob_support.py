"""Realistic Bibob LetterInputs for the letter tests: an application for a horeca exploitatievergunning
(burgemeester) by a fictional sole trader, an LBB advice of ernstig gevaar (ground a) through a financier convicted of
money laundering, a sepot and an acquittal of the manager (neither used in the reasons: he is not heard; with
sepot=True the sepot is used and the manager is heard as a third derde, legal reviewb, finding 3), a
fine of a silent partner, two named third parties each with his own part of the advice, a finding of the own
investigation not needed for the reasons, zienswijzen of the applicant and of one derde; and the same case as an
omgevingsvergunning decided by the college. The permit's article and the policy are confirmed. The Assessment is
built by hand (no rules engine). All data are fictional."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from app.config import ROOT as PROJECT
from app.domain.assessment import CONFIRMED, Assessment, ParameterValue
from app.letters.input import LetterInput, Recipient
from app.letters.manifest import ManifestEntry, load_manifest
from app.letters.paragraphs import ondertekening
from app.letters.render import TemplateStore, activate, render_template

SECRET_PART_F = "Het LBB noemt een veroordeling van F. Financier voor witwassen en zijn lening voor het café."
SECRET_PART_G = "Het LBB noemt G. Geldschieter als stille vennoot via een Belgische holding."
SECRET_ACQUITTAL = "mishandeling op de Verzinselmarkt"
SECRET_SEPOT = "handel in hennep in het Verzinselpark"
SECRET_RESEARCH = "In de KvK-historie wisselde de bestuurder drie keer in een jaar."
SECRET_ZIENSWIJZE_G = "G. Geldschieter zegt dat hij nooit geld heeft geleend."
SECRET_ZIENSWIJZE_F = "Zijn veroordeling is al drie jaar oud."
SEPOT_ASSESSMENT = "Het proces-verbaal beschrijft een verkoop van hennep vanuit het café door de leidinggevende."
FINE_G = "een boete voor een verzwegen belang in een speelhal"
MANDAAT = {"naam": "K. Kabinet", "hoedanigheid": "gemandateerde", "functie": "hoofd Vergunningen"}
ZIENSWIJZEN = {"ontvangen": True, "zienswijzen": [
    {"betrokkene_id": 1, "naam": "V. Verzonnen", "rol": "aanvrager", "wijze": "schriftelijk",
     "ontvangen_op": "2026-04-13", "samenvatting": "De financier heeft geen invloed op de bedrijfsvoering.",
     "reactie": "De lening geeft de financier een financieel belang bij de onderneming."},
    {"betrokkene_id": 2, "naam": "F. Financier", "rol": "derde", "wijze": "mondeling",
     "ontvangen_op": "2026-04-14", "samenvatting": SECRET_ZIENSWIJZE_F,
     "reactie": "De veroordeling is recent genoeg en gaat over witwassen, wat bij deze vergunning past."}]}
CASE: dict[str, Any] = {
    "application": {"permit_type": "exploitatievergunning_horeca", "received_on": "2026-01-12",
                    "competent_body": "burgemeester", "statutory_term_weeks": 8, "kenmerk": "AV-2026-0113",
                    "business_name": "Café De Verzonnen Brug",
                    "address": {"straat": "Verzinselmarkt", "huisnummer": "3", "postcode": "6211 ZZ",
                                "woonplaats": "Maastricht", "land": "NL"}},
    "existing_permit": {"kenmerk": "EV-2021-0042", "granted_on": "2021-05-03"},
    "betrokkene": {"kind": "natuurlijk_persoon", "name": "V. Verzonnen", "kvk": "99999999"},
    "related_persons": [{"role": "vermogensverschaffer", "name": "F. Financier"},
                        {"role": "leidinggevende", "name": "L. Leiding"},
                        {"role": "zeggenschaphebbende", "name": "G. Geldschieter"}],
    "screening_trigger": "standaard",
    "bibob_form": {"received": True, "complete": True, "missing": [], "herstel_requested_on": None},
    "hersteltermijn_until": None,
    "own_research": [{"source": "open_bronnen", "finding": SECRET_RESEARCH, "date": "2026-01-20"}],
    "facts_3a": [
        {"kind": "veroordeling", "date": "2023-06-14", "offence": "witwassen van 80.000 euro",
         "person": "F. Financier", "in_motivering": True},
        {"kind": "sepot", "date": "2024-02-01", "offence": SECRET_SEPOT, "person": "L. Leiding", "in_motivering": False,
         "sepot_soort": "beleidssepot", "beoordeling": SEPOT_ASSESSMENT},
        {"kind": "vrijspraak", "date": "2022-09-09", "offence": SECRET_ACQUITTAL, "person": "L. Leiding",
         "in_motivering": True},
        {"kind": "bestuurlijke_boete_onherroepelijk", "date": "2025-03-03", "offence": FINE_G,
         "person": "G. Geldschieter", "in_motivering": True},
    ],
    "danger_criteria": {"ernst": "Een onherroepelijke veroordeling voor witwassen.",
                        "relatie": "De financier leende het geld voor de verbouwing.",
                        "voordeel": "De lening van 80.000 euro dekt de hele verbouwing.",
                        "samenhang": "", "aantal": ""},
    "lbb": {"requested_on": "2026-02-02", "betrokkene_informed_on": "2026-02-04", "data_requests": [],
            "extension": None, "received_on": "2026-03-27", "conclusion": "ernstig_gevaar_a",
            "advice_date": "2026-03-26", "declined": False},
    "reused_advice": None,
    "third_parties": [
        {"name": "F. Financier", "straat": "Verzinselweg", "huisnummer": "1", "postcode": "6212 ZZ",
         "woonplaats": "Maastricht", "land": "NL", "part_of_advice": SECRET_PART_F,
         "use_reason": "U leende V. Verzonnen geld voor de verbouwing van het café."},
        {"name": "G. Geldschieter", "straat": "Fictieplein", "huisnummer": "9", "postcode": "6213 ZZ",
         "woonplaats": "Maastricht", "land": "NL", "part_of_advice": SECRET_PART_G,
         "use_reason": "U zou via een holding een belang in het café hebben."}],
    "refused_to_supply_data": None, "application_withdrawn": None, "permit_breach": None,
    "conditions": [{"code": "melding_wijziging_zeggenschap", "text": ""},
                   {"code": "eigen", "text": "F. Financier krijgt geen zeggenschap in de onderneming."}],
    "extension_4_14": None,
}
JUDGEMENTS: dict[str, dict[str, str]] = {
    "advies_beoordeeld": {"outcome": "overgenomen", "reasoning": "Het vonnis en de leningsovereenkomst liggen in "
                                                                 "het dossier en bevestigen het advies."},
    "mate_van_gevaar": {"outcome": "ernstig_gevaar_a", "reasoning": "De financier is veroordeeld voor witwassen en "
                                                                    "financiert dit café."},
    "evenredig_3_lid_5": {"outcome": "ja", "reasoning": "Het café is nog niet open; voorschriften kunnen de "
                                                        "geldstroom van de financier niet afsluiten."},
    "openbaarmaking": {"outcome": "beperkt", "reasoning": "Alleen de veroordeling, het sepot en de boete zijn nodig."},
    "zienswijze_verwerkt": {"outcome": "beantwoord", "reasoning": "Beide zienswijzen veranderen de conclusie niet."},
}
# The danger criteria of a lesser degree of danger: a small loan, paid off (legal review 2, finding 6).
MILDER_CRITERIA = {"ernst": "Een onherroepelijke veroordeling voor witwassen, drie jaar geleden.",
                   "relatie": "De financier leende geld voor de inrichting; die lening is afgelost.",
                   "voordeel": "De lening van 8.000 euro was een klein deel van de kosten van de verbouwing.",
                   "samenhang": "", "aantal": ""}
# The manager heard as a derde, so that the reasons may use his sepot (art. 33; legal review 2, finding 3).
LEIDING = {"name": "L. Leiding", "straat": "Verzinselsteeg", "huisnummer": "7", "postcode": "6214 ZZ",
           "woonplaats": "Maastricht", "land": "NL", "part_of_advice": "Het LBB noemt een sepot van L. Leiding.",
           "use_reason": "U bent leidinggevende van het café."}
MILDER = {"mate_van_gevaar": {"outcome": "mindere_mate", "reasoning": "De lening is klein en afgelost."},
          "voorschriften": {"outcome": "passend", "reasoning": "Een melding vooraf geeft zicht op wie de zeggenschap "
                                                              "heeft."},
          "evenredig_3_lid_5": {"outcome": "nee", "reasoning": "Weigeren gaat verder dan nodig is."}}
# A withdrawal weighs the holder's interests (art. 3 lid 5): a running café.
WITHDRAWAL_WEIGHED = {"outcome": "ja", "reasoning": "Het café draait al vijf jaar; de financier blijft de eigenaar "
                                                    "van het pand en dus betrokken."}
PARAMS = {"lbb_advies_weken": 8, "lbb_verlenging_max_weken": 4, "advies_hergebruik_jaren": 5}
STANDARD_CONDITION = ("U meldt een wijziging in de leidinggevenden, de zeggenschap of de financiering van de "
                      "onderneming ten minste vier weken vooraf schriftelijk aan de gemeente Maastricht.")
# The part of art. 5.31 lid 1 Omgevingswet a beheerder confirmed for the activity at hand (legal review 2, finding 2).
OMGEVINGSWET_BIBOB = "artikel 5.31, eerste lid, aanhef en onder b, van de Omgevingswet"
# A withdrawal basis a test confirms: none is confirmed yet, so the college's withdrawal is refused (finding 2).
TEST_WITHDRAWAL_BASIS = "artikel 9.9 van de Testwet"
# Confirmed by a beheerder with the official source (Beheer, Parameters): printed with their article.
CONFIRMED_PARAMS = {
    "grondslag_per_vergunning": ({"exploitatievergunning_horeca": "artikel 2:28 van de APV Maastricht",
                                  "omgevingsvergunning": "artikel 5.1 van de Omgevingswet",
                                  "omgevingsvergunning_weigering": OMGEVINGSWET_BIBOB},
                                 {"titel": "APV Maastricht", "artikel": "artikel 2:28"}),
    "beleidsregel_bibob": ({"titel": "Beleidsregel voor de toepassing van de Wet Bibob Gemeente Maastricht",
                            "cvdr": "CVDR728149", "sinds": "05-12-2024"},
                           {"titel": "Beleidsregel Bibob Maastricht", "artikel": "artikel 4"}),
    "standaard_voorschriften": ({"melding_wijziging_zeggenschap": STANDARD_CONDITION},
                                {"titel": "Beleidsregel Bibob Maastricht", "artikel": "bijlage 1"}),
}
VOORNEMENS = ("voornemen_weigering", "voornemen_intrekking", "voornemen_voorschriften")
SENT = {"mededeling_adviesaanvraag": date(2026, 2, 4), "buiten_behandeling": date(2026, 2, 10),
        **dict.fromkeys(VOORNEMENS, date(2026, 4, 1))}
BESLUITEN = ("buiten_behandeling", "weigering", "intrekking", "verlening_met_voorschriften", "verlening")
INCOMPLETE = {"bibob_form": {"received": True, "complete": False, "herstel_requested_on": "2026-01-20",
                             "missing": ["Het ingevulde Bibob-vragenformulier", "De financieringsovereenkomst"]},
              "hersteltermijn_until": "2026-02-03"}


def bibob_assessment() -> Assessment:
    """The parameters the letters read: the statutory terms, and the permit's article, the policy and the standard
    conditions as a beheerder confirmed them."""
    def one(name: str, found: Any, status: str, source: dict[str, str] | None = None) -> ParameterValue:
        return ParameterValue(name=name, value=found, valid_from=date(2020, 8, 1), status=status,
                              reference={"title": "Wet Bibob"}, source=source)
    params = {n: one(n, v, "statute") for n, v in PARAMS.items()}
    params |= {n: one(n, v, CONFIRMED, source) for n, (v, source) in CONFIRMED_PARAMS.items()}
    return Assessment(power="bibob", peildatum=date(2026, 5, 6), ruleset="bibob__20200801", rules_sha256="0" * 64,
                      engine="durable-rules 2.0.28", facts={}, parameters=params, fired=(), not_fired=())


def _judgements(outcome: str) -> dict[str, dict[str, str]]:
    if outcome in ("voornemen_voorschriften", "verlening_met_voorschriften"):
        return {**JUDGEMENTS, **MILDER}
    if outcome in ("voornemen_intrekking", "intrekking"):
        return {**JUDGEMENTS, "evenredig_3_lid_5": WITHDRAWAL_WEIGHED}
    return {} if outcome in ("mededeling_adviesaanvraag", "buiten_behandeling", "verlening") else dict(JUDGEMENTS)


def _deadlines(outcome: str) -> dict[str, date]:
    if outcome in VOORNEMENS:
        return {"zienswijze_tot": date(2026, 4, 15)}
    if outcome == "buiten_behandeling":
        return {"uiterlijke_reactiedatum": date(2026, 3, 24)}
    return {"uiterlijke_reactiedatum": date(2026, 6, 17)} if outcome in BESLUITEN else {}


def bibob_input(outcome: str = "weigering", rol: str = "aanvrager", derde: int = 0, sepot: bool = False,
                **overrides: Any) -> LetterInput:
    """The letter to the aanvrager, or to the derde at `derde` in third_parties (rol derde); `sepot`: the reasons
    use the manager's sepot and he is heard as derde 2."""
    case = {**CASE, **INCOMPLETE} if outcome == "buiten_behandeling" else dict(CASE)
    if outcome in ("voornemen_voorschriften", "verlening_met_voorschriften", "verlening"):
        case["lbb"] = {**CASE["lbb"], "conclusion": "mindere_mate" if outcome != "verlening" else "geen_gevaar"}
        case["danger_criteria"] = MILDER_CRITERIA
    if sepot:
        case["facts_3a"] = [{**f, "in_motivering": True} for f in CASE["facts_3a"]]
        case["third_parties"] = [*CASE["third_parties"], LEIDING]
    if outcome == "intrekking":
        case["withdrawal_effective_on"] = "2026-06-01"
    party = case["third_parties"][derde]
    naam = party["name"] if rol == "derde" else "V. Verzonnen"
    adres = (f"{party['straat']} {party['huisnummer']}", f"{party['postcode']}  MAASTRICHT") if rol == "derde" else (
        "Verzinselmarkt 3", "6211 ZZ  MAASTRICHT")
    recipient = Recipient(naam=naam, rol=rol, adresregels=adres,
                          id=derde + 2 if rol == "derde" else 1,
                          ref=f"third_parties.{derde}" if rol == "derde" else None)
    base = LetterInput(
        power="bibob", outcome=outcome, kenmerk="BEV-2026-000300", verzenddatum=SENT.get(outcome, date(2026, 5, 6)),
        recipient=recipient, zaak_adresregels=("Verzinselmarkt 3", "6211 ZZ  Maastricht"), melding_bron="de aanvraag",
        melding_kenmerk="AV-2026-0113", melding_datum=date(2026, 1, 12), pleegdatum=date(2026, 1, 12),
        assessment=bibob_assessment(), judgements=_judgements(outcome),
        ondertekening=ondertekening("burgemeester", "Maastricht", MANDAAT), behandeld_door="J. Jurist, 14 043",
        beslisser=MANDAAT, orgaan="burgemeester", case_file=case, deadlines=_deadlines(outcome),
        zienswijze=ZIENSWIJZEN if outcome in ("weigering", "intrekking", "verlening_met_voorschriften") else None,
    )
    return replace(base, **overrides)


def college_input(outcome: str = "weigering", rol: str = "aanvrager", derde: int = 0, sepot: bool = False,
                  withdrawal_basis: str = "", **overrides: Any) -> LetterInput:
    """The same case as an omgevingsvergunning: the college decides, writes "wij" and signs "namens dezen". Its
    withdrawal is refused unless a test confirms a `withdrawal_basis` (still to verify; legal review 2, finding 2)."""
    letter = bibob_input(outcome, rol, derde=derde, sepot=sepot)
    app = {**letter.case_file["application"], "permit_type": "omgevingsvergunning", "competent_body": "college"}
    college = {"orgaan": "college", "ondertekening": ondertekening("college", "Maastricht", MANDAAT),
               "case_file": {**letter.case_file, "application": app}}
    if withdrawal_basis:
        params = dict(letter.assessment.parameters)
        basis = params["grondslag_per_vergunning"]
        params["grondslag_per_vergunning"] = replace(basis, value={**basis.value,
                                                                   "omgevingsvergunning_intrekking": withdrawal_basis})
        college["assessment"] = replace(letter.assessment, parameters=params)
    return replace(letter, **{**college, **overrides})


def bibob_hostile(outcome: str, rol: str, hostile: Callable[[str], str]) -> LetterInput:
    """The scenario with a hostile value in every free-text field; `hostile(label)` makes one labelled value."""
    base = bibob_input(outcome, rol)
    case = dict(base.case_file)
    case["application"] = {**case["application"], "business_name": hostile("bedrijf"),
                           "address": {**case["application"]["address"], "straat": hostile("adres")}}
    case["betrokkene"] = {**case["betrokkene"], "name": hostile("aanvrager")}
    case["facts_3a"] = [{**f, "offence": hostile("delict"), "beoordeling": hostile("beoordeling")}
                        for f in case["facts_3a"]]
    case["own_research"] = [{**r, "finding": hostile("bevinding"), "in_motivering": True} for r in case["own_research"]]
    case["danger_criteria"] = {k: hostile(k) for k in case["danger_criteria"]}
    case["third_parties"] = [{**t, "part_of_advice": hostile("deel"), "use_reason": hostile("reden")}
                             for t in case["third_parties"]]
    case["conditions"] = [{"code": "eigen", "text": hostile("voorschrift")}]
    case["bibob_form"] = {**case["bibob_form"], "missing": [hostile("ontbreekt")]}
    return replace(base, kenmerk=hostile("kenmerk"), case_file=case, behandeld_door=hostile("behandeld"),
                   ondertekening=(base.ondertekening[0], hostile("functie"), hostile("ondertekenaar")),
                   recipient=replace(base.recipient, naam=hostile("naam"), aanhef=hostile("aanhef"),
                                     adresregels=(hostile("straat"), hostile("plaats"))),
                   judgements={c: {**j, "reasoning": hostile(c)} for c, j in base.judgements.items()})


# What the generic letter tests need of a power (tests/letters/letters_support.py, test_letters_roundtrip.py).
SAMPLE = bibob_input
ROLES = {"aanvrager": "aanvrager", "derde": "derde"}
HOSTILE = bibob_hostile
LABELS = ("naam", "aanhef", "behandeld", "ondertekenaar", "bedrijf")
# The clause each besluit template names (the college's; the burgemeester's own replaces it, paragraphs.py).
CLAUSE = dict.fromkeys(BESLUITEN, "bezwaar_college")


TEMPLATES = PROJECT / "letter_templates"
ENTRIES = tuple(e for e in load_manifest(TEMPLATES) if e.power == "bibob")
STORE = TemplateStore([activate(e, (TEMPLATES / e.template).read_bytes()) for e in ENTRIES])


def render_bibob(entry: ManifestEntry, context: dict[str, object]) -> bytes:
    return render_template(STORE.get(entry.template), context)
