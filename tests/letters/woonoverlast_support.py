"""A realistic woonoverlast LetterInput for the letter tests: a user at a rented dwelling (noise, threats, filth),
a private landlord, softer means tried, a vulnerable user in care; a presence ban from Fri 17 April
2026 14:00 to Mon 27 April 14:00 (Koningsdag: no shift), extended to the latest end, Fri 15 May 2026 14:00.
The Assessment is built by hand (no rules engine). All data are fictional."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from app.domain.assessment import Assessment, ParameterValue, TraceEntry
from app.domain.deadlines import AMSTERDAM
from app.letters.input import LetterInput, Party, Recipient
from app.powers.woonoverlast.phrases import CLAUSE as CLAUSES

NORM = {"artikel": "artikel 2:79", "cvdr": "CVDR676542", "omvat_verhuurder": True, "tekst": (
    "Het is verboden een woning of een bij die woning behorend erf in gebruik te hebben of in gebruik te geven, "
    "indien door gedragingen in of vanuit die woning of dat erf, of in de onmiddellijke nabijheid daarvan, ernstige "
    "en herhaaldelijke hinder voor omwonenden wordt veroorzaakt.")}
PARAMS = {"apv_norm_woonoverlast": NORM, "telwijze_overtredingen": "per_constatering", "dwangsom_bedrag_eur": 500,
          "dwangsom_maximum_eur": 5000, "begunstigingstermijn_dagen": 14, "looptijd_maanden": 6,
          "aanwezigheidsverbod_dagen": 10, "aanwezigheidsverbod_max_dagen": 28,
          "voorlopige_voorziening_zitting_dagen": 3}
SECRET_INCIDENT = "Harde muziek en geschreeuw in het trappenhuis"
SECRET_CARE = "GGZ Zuid-Limburg"
SECRET_VULNERABILITY = "psychische problemen en een verslaving"
CASE: dict[str, Any] = {
    "erf": True, "addressee_role": "gebruiker",
    "gebruiker": {"naam": "P. Voorbeeld", "geboortedatum": "1988-02-11"},
    "verhuurder": {"naam": "H. Huisbaas", "straat": "Postbus", "huisnummer": "12", "postcode": "6200 AA",
                   "woonplaats": "Maastricht", "land": "NL", "organisatie": False},
    "verhuurder_kan_beinvloeden_toelichting": "", "minors_in_household": "yes",
    "household_description": "een partner en een kind van zes", "affected_omwonenden": 4,
    "incidents": [
        {"at": "2026-01-09T23:40:00+01:00", "kind": "geluid", "origin": "in_woning", "distance_m": None,
         "source": "melddesk", "source_kenmerk": "MD-2026-0101", "reporter": "omwonende", "established": False,
         "description": SECRET_INCIDENT + " tot na middernacht.", "instruction": None},
        {"at": "2026-01-03T22:15:00+01:00", "kind": "bedreiging", "origin": "onmiddellijke_nabijheid",
         "distance_m": 20, "source": "politie", "source_kenmerk": "PL2300-2026-0042", "reporter": "politie",
         "established": True, "description": "Dreigde een buurman te slaan bij de voordeur.", "instruction": None},
        {"at": "2026-01-21T02:10:00+01:00", "kind": "bezoekers", "origin": "vanuit_woning", "distance_m": None,
         "source": "boa", "source_kenmerk": "", "reporter": "boa", "established": True,
         "description": "Bezoekers schreeuwden op de galerij.", "instruction": None},
        {"at": "2026-01-25T15:00:00+01:00", "kind": "vervuiling", "origin": "elders", "distance_m": 800,
         "source": "omwonende", "source_kenmerk": "", "reporter": "anoniem", "established": False,
         "description": "Afval in het park.", "instruction": None},
    ],
    "softer_means": [
        {"kind": "gesprek", "date": "2025-12-01", "outcome": "mislukt", "reason": "De overlast ging door."},
        {"kind": "hulpverlening", "date": "2025-12-10", "outcome": "geweigerd", "reason": "Wil geen behandeling."},
        {"kind": "buurtbemiddeling", "date": None, "outcome": "niet_geschikt", "reason": "De buren zijn bang."},
    ],
    "vulnerability": SECRET_VULNERABILITY, "care_organisation": SECRET_CARE, "care_since": "2025-11-01",
    "instructions": [{"code": "A1", "text": "Geen versterkte muziek in de woning tussen 23.00 en 07.00 uur."},
                     {"code": "A2", "text": "Laat geen bezoekers op de galerij of in het trappenhuis rondhangen."},
                     {"code": "A3", "text": "Werk mee aan de hulp van " + SECRET_CARE + "."}],
    "bestuursdwang_uitvoering": "de galerij laten opruimen en het afval laten afvoeren door een aannemer in "
                                "opdracht van de gemeente",
    "ban_start_at": "2026-04-17T14:00:00+02:00", "ban_area": "de galerij en het trappenhuis van de flat",
    "ban_extension_end_at": "2026-05-15T14:00:00+02:00", "appeal_against_order_pending": False,
}
BREACHES = [  # after the order: an established breach of A1, a week later one of A2
    {"at": "2026-04-02T23:30:00+02:00", "kind": "geluid", "origin": "in_woning", "distance_m": None,
     "source": "politie", "source_kenmerk": "PL2300-2026-0501", "reporter": "politie", "established": True,
     "description": "Muziek.", "instruction": "A1"},
    {"at": "2026-04-09T23:50:00+02:00", "kind": "bezoekers", "origin": "vanuit_woning", "distance_m": None,
     "source": "boa", "source_kenmerk": "BOA-77", "reporter": "boa", "established": True,
     "description": "Bezoekers op de galerij.", "instruction": "A2"},
]
INVORDERING = {
    "last": {"kenmerk": "BEV-2026-000200", "beslissing_id": 4, "datum": "2026-03-02", "ingangsdatum": "2026-03-17",
             "vervaldatum": "2026-09-17", "bedrag": "500.00", "maximum": "5000.00"},
    "verbeurten": [{"datum": "2026-04-02", "bedrag": "500.00", "betaaltermijn_tot": "2026-05-14",
                    "verjaring_op": "2027-04-02"},
                   {"datum": "2026-04-09", "bedrag": "500.00", "betaaltermijn_tot": "2026-05-21",
                    "verjaring_op": "2027-04-09"}],
    "eerder_verbeurd": "0.00", "bedrag": "1000.00", "totaal": "1000.00", "resterend": "4000.00",
    "maximum_bereikt": False,
}
ORDER_DATES = {"zienswijze_tot": date(2026, 3, 16), "begunstigingstermijn_tot": date(2026, 3, 16),
               "ingangsdatum": date(2026, 3, 17), "vervaldatum": date(2026, 9, 17),
               "uiterlijke_reactiedatum": date(2026, 4, 14)}
BAN_START, BAN_END = datetime(2026, 4, 17, 14, 0, tzinfo=AMSTERDAM), datetime(2026, 4, 27, 14, 0, tzinfo=AMSTERDAM)
NEW_END = datetime(2026, 5, 15, 14, 0, tzinfo=AMSTERDAM)
SENT = {"aanwezigheidsverbod": date(2026, 4, 17), "verlenging_aanwezigheidsverbod": date(2026, 4, 24),
        "invorderingsbeschikking": date(2026, 4, 20)}
DEADLINES: dict[str, dict[str, Any]] = {
    "aanwezigheidsverbod": {"ingang_at": BAN_START, "einde_at": BAN_END, "uiterlijke_reactiedatum": date(2026, 5, 29)},
    "verlenging_aanwezigheidsverbod": {"ingang_at": BAN_END, "einde_at": NEW_END,
                                       "uiterlijke_reactiedatum": date(2026, 6, 5)},
    "invorderingsbeschikking": {"uiterlijke_reactiedatum": date(2026, 6, 1)},
}
JUDGEMENTS = {
    "ernstig": {"outcome": "ja", "reasoning": "Bedreiging en nachtelijk lawaai zijn naar algemene maatstaven ernstig."},
    "herhaaldelijk": {"outcome": "ja", "reasoning": "Drie incidenten in drie weken."},
    "andere_wijze_ontoereikend": {"outcome": "ja", "reasoning": "Gesprek en hulp hielpen niet."},
    "zorg_eerst": {"outcome": "nee", "reasoning": "Hulp loopt al bij " + SECRET_CARE + "; een aanwijzing steunt die."},
    "bedrag_redelijk": {"outcome": "redelijk", "reasoning": "Het bedrag past bij het inkomen."},
    "aanwezigheidsverbod_nodig": {"outcome": "ja", "reasoning": "De dreiging tegen de buren houdt aan."},
    "verlenging_nodig": {"outcome": "ja", "reasoning": "Hij kwam twee keer terug naar de galerij."},
    "overtreding_vastgesteld": {"outcome": "vastgesteld", "reasoning": "De agent hoorde de muziek zelf."},
}


STATUTE = {"valid_from": date(2017, 7, 1), "status": "statute",
           "reference": {"title": "Gemeentewet art. 151d", "href": "https://wetten.overheid.nl/x"}}
COMPETENT = TraceEntry(rule="bevoegd_gedragsaanwijzing", kind="bevoegdheid", value="bevoegd",
                       legal_basis={"title": "Gemeentewet art. 151d lid 2"},
                       explanation="De burgemeester mag een gedragsaanwijzing geven.")


def woonoverlast_assessment() -> Assessment:
    """Competent, with every parameter the letters read (as settled values)."""
    params = {name: ParameterValue(name=name, value=value, **STATUTE) for name, value in PARAMS.items()}
    return Assessment(power="woonoverlast", peildatum=date(2026, 1, 21), ruleset="woonoverlast__20170701",
                      rules_sha256="0" * 64, engine="durable-rules 2.0.28", facts={}, parameters=params,
                      fired=(COMPETENT,), not_fired=())


def woonoverlast_input(outcome: str = "last_onder_dwangsom", rol: str = "overtreder", **overrides: Any) -> LetterInput:
    """The letter to the user (rol overtreder) or the landlord's notice (rol verhuurder)."""
    naam = {"overtreder": "P. Voorbeeld", "verhuurder": "H. Huisbaas"}[rol]
    adres = ("Verzinselstraat 7 B", "6211 ZZ  MAASTRICHT") if rol == "overtreder" else (
        "Postbus 12", "6200 AA  MAASTRICHT")
    parties = (Party("P. Voorbeeld", "overtreder", date(1988, 2, 11)), Party("H. Huisbaas", "verhuurder"))
    case = {**CASE, "incidents": CASE["incidents"] + BREACHES} if outcome == "invorderingsbeschikking" else CASE
    if outcome.endswith("bestuursdwang"):  # accepting care cannot be carried out by bestuursdwang
        case = {**case, "instructions": [i for i in case["instructions"] if i["code"] != "A3"]}
    maatregel: dict[str, Any] = {"duur": 6, "eenheid": "months", "dwangsom": {"bedrag": "500.00", "maximum": "5000.00"}}
    if outcome == "invorderingsbeschikking":
        maatregel = {"duur": None, "invordering": INVORDERING}
    base = LetterInput(
        power="woonoverlast", outcome=outcome, kenmerk="BEV-2026-000200",
        verzenddatum=SENT.get(outcome, date(2026, 3, 2)),
        recipient=Recipient(naam=naam, rol=rol, adresregels=adres, id=1 if rol == "overtreder" else 2,
                            is_organisatie=False),
        zaak_adresregels=("Verzinselstraat 7 B", "6211 ZZ  Maastricht"), melding_bron="de melding",
        melding_kenmerk="MD-2026-0101", melding_datum=date(2026, 1, 10), pleegdatum=date(2026, 1, 21),
        assessment=woonoverlast_assessment(), judgements=JUDGEMENTS,
        ondertekening=("De burgemeester van Maastricht,", "M. Burgemeester"), behandeld_door="J. Jurist, 14 043",
        beslisser={"naam": "M. Burgemeester", "hoedanigheid": "orgaan"}, case_file=case,
        zienswijze={"ontvangen": True, "zienswijzen": [
            {"betrokkene_id": 1, "naam": "P. Voorbeeld", "rol": "overtreder", "wijze": "mondeling",
             "ontvangen_op": "2026-02-20", "samenvatting": "De muziek kwam van de bovenburen.",
             "reactie": "De politie stelde vast dat de muziek uit uw woning kwam."}]},
        duur=6 if outcome not in ("invorderingsbeschikking", "waarschuwing") else None,
        deadlines=DEADLINES.get(outcome, ORDER_DATES), parties=tuple(p for p in parties if p.naam != naam),
        maatregel=maatregel,
    )
    return replace(base, **overrides)


def landlord_addressed(outcome: str = "last_onder_dwangsom", **overrides: Any) -> LetterInput:
    """The same case with the landlord as addressee (he is the overtreder; the user gets no letter)."""
    case = {**CASE, "addressee_role": "verhuurder",
            "verhuurder_kan_beinvloeden_toelichting": "De huurovereenkomst heeft een overlastclausule.",
            "instructions": [{"code": "V1", "text": "Spreek de huurder binnen twee weken schriftelijk aan op de "
                                                   "overlastclausule in de huurovereenkomst."},
                             {"code": "V2", "text": "Laat de galerij en het trappenhuis wekelijks schoonmaken."}]}
    letter = woonoverlast_input(outcome, "overtreder", case_file=case)
    recipient = replace(letter.recipient, naam="H. Huisbaas")
    return replace(letter, recipient=recipient, parties=(Party("P. Voorbeeld", "gebruiker", date(1988, 2, 11)),),
                   **overrides)


def woonoverlast_hostile(outcome: str, rol: str, hostile: Callable[[str], str]) -> LetterInput:
    """The scenario with a hostile value in every free-text field; `hostile(label)` makes one labelled value."""
    base = woonoverlast_input(outcome, rol)
    incidents = [{**i, "description": hostile("omschrijving"), "source_kenmerk": hostile("bronkenmerk")}
                 for i in base.case_file["incidents"]]
    case = {**base.case_file, "gebruiker": {**CASE["gebruiker"], "naam": hostile("gebruiker")},
            "verhuurder": {**CASE["verhuurder"], "naam": hostile("verhuurder")}, "ban_area": hostile("gebied"),
            "incidents": incidents, "instructions": [{"code": "A1", "text": hostile("aanwijzing")}],
            "household_description": hostile("huishouden"), "vulnerability": hostile("kwetsbaar"),
            "care_organisation": hostile("zorg"), "bestuursdwang_uitvoering": hostile("uitvoering"),
            "softer_means": [{"kind": "gesprek", "date": "2025-12-01", "outcome": "mislukt",
                              "reason": hostile("reden")}]}
    return replace(base, kenmerk=hostile("kenmerk"), case_file=case, behandeld_door=hostile("behandeld"),
                   ondertekening=(hostile("functie"), hostile("ondertekenaar")),
                   recipient=Recipient(naam=hostile("naam"), rol=rol, aanhef=hostile("aanhef"),
                                       adresregels=(hostile("straat"), hostile("plaats"))),
                   zaak_adresregels=(hostile("pandstraat"), hostile("pandplaats")),
                   melding_kenmerk=hostile("meldingkenmerk"),
                   judgements={c: {**j, "reasoning": hostile(c)} for c, j in base.judgements.items()})


# What the generic letter tests need of a power (tests/letters/letters_support.py, test_letters_roundtrip.py):
# a sample per (outcome, role), the role each template addressee is read by, a hostile sample, and the labels of
# hostile values every letter of the power prints.
SAMPLE = woonoverlast_input
ROLES = {"overtreder": "overtreder", "verhuurder": "verhuurder"}
HOSTILE = woonoverlast_hostile
LABELS = ("naam", "aanhef", "behandeld", "ondertekenaar", "pandstraat")
CLAUSE = CLAUSES  # the remedy clause of each besluit, as the kit uses it
