"""A realistic straathandel LetterInput for the letter tests: a sixteen-year-old buyer living in Belgium, with two
parents with authority at two addresses. The Assessment is built by hand (no rules engine)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from app.domain.assessment import Assessment, ParameterValue, TraceEntry
from app.letters.input import LetterInput, Party, Recipient

NORM = {"artikel": "artikel 2:74", "tekst": (
    "Het is verboden zich op of aan een weg, of in of op een voertuig dat zich op of aan een weg bevindt, op te "
    "houden met het kennelijke doel om, al dan niet tegen betaling, middelen als bedoeld in artikel 2 of 3 van de "
    "Opiumwet, of daarop gelijkende waar, af te leveren, aan te bieden of te verwerven, of om daarbij behulpzaam "
    "te zijn of te bemiddelen."), "verwerven": True, "voertuig": True, "gelijkend": True,
    "gebied": "de gehele gemeente Maastricht", "cvdr": "CVDR676542"}
CASE = {
    "dealing_role": "koper", "identity_established": "yes", "income_situation": "Scholier, geen inkomen.",
    "bekendmaking_buitenland": "Per aangetekende post naar het adres in België.",
    "waargenomen_persoon": {"naam": "K. Bedacht", "geboortedatum": "2010-01-15", "straat": "Verzonnenstraat",
                            "huisnummer": "12", "postcode": "3700", "woonplaats": "Tongeren", "land": "BE"},
    "observations": [{"observed_at": "2026-03-10T21:15:00+01:00", "place_description": "Bij de bank op het plein",
                      "location_type": "openbare_plaats", "transfer_observed": True, "contacts_observed": 2,
                      "description": "Kocht een bolletje.", "substance_class": "lijst_i",
                      "substance_description": "cocaïne", "observer": "politie", "report_on_oath": True}],
    "repetition_indicators": [{"kind": "aanwezig_op_hotspot", "description": "Drie keer eerder gezien."}],
    "gezaghebbenden": [{"naam": "M. Bedacht", "relatie": "ouder", "straat": "Verzonnenstraat", "huisnummer": "12",
                        "postcode": "3700", "woonplaats": "Tongeren", "land": "BE"},
                       {"naam": "P. Bedacht", "relatie": "ouder", "straat": "Denkbeeldlaan", "huisnummer": "7",
                        "postcode": "6200 ZZ", "woonplaats": "Maastricht", "land": "NL"}],
}
DEADLINES = {
    "voornemen_last": {"zienswijze_tot": date(2026, 4, 15)},
    "last_onder_dwangsom": {"ingangsdatum": date(2026, 5, 2), "vervaldatum": date(2027, 5, 2),
                            "uiterlijke_reactiedatum": date(2026, 6, 12)},
    "invorderingsbeschikking": {"uiterlijke_reactiedatum": date(2026, 6, 12), "betaaltermijn_tot": date(2026, 4, 21),
                                "verjaring_op": date(2027, 3, 10)},
}
INVORDERING = {
    "last": {"kenmerk": "BEV-2025-000123", "beslissing_id": 9, "datum": "2025-11-01", "ingangsdatum": "2025-11-02",
             "vervaldatum": "2026-11-02", "bedrag": "1250.00", "maximum": "5000.00"},
    "verbeurten": [{"datum": "2026-03-10", "bedrag": "1250.00", "betaaltermijn_tot": "2026-04-21",
                    "verjaring_op": "2027-03-10"}],
    "eerder_verbeurd": "1250.00", "bedrag": "1250.00", "totaal": "2500.00", "resterend": "2500.00",
    "maximum_bereikt": False,
}


def _param(name: str, value: Any) -> ParameterValue:
    return ParameterValue(name=name, value=value, valid_from=date(2022, 1, 1), status="statute",
                          reference={"title": "APV Maastricht", "href": "https://lokaleregelgeving.overheid.nl/x"})


def straathandel_assessment() -> Assessment:
    bevoegd = TraceEntry(
        rule="bevoegd_last_onder_dwangsom", kind="bevoegdheid", value="bevoegd",
        legal_basis={"title": "Gemeentewet art. 125 lid 3", "href": "https://wetten.overheid.nl/x"},
        explanation="De burgemeester mag een last onder dwangsom opleggen.")
    params = {"apv_norm_straathandel": _param("apv_norm_straathandel", NORM),
              "telwijze_overtredingen": _param("telwijze_overtredingen", "per_dag")}
    return Assessment(power="straathandel", peildatum=date(2026, 3, 10), ruleset="straathandel__20220101",
                      rules_sha256="0" * 64, engine="durable-rules 2.0.28",
                      facts={"dealing_role": "koper", "age_at_observation_years": 16}, parameters=params,
                      fired=(bevoegd,), not_fired=())


def straathandel_input(outcome: str = "last_onder_dwangsom", rol: str = "overtreder", **overrides: Any) -> LetterInput:
    """The letter to the minor buyer, or (rol gezaghebbende) to his mother."""
    naam = {"overtreder": "K. Bedacht", "gezaghebbende": "M. Bedacht"}.get(rol, "K. Bedacht")
    parties = [Party("K. Bedacht", "overtreder", date(2010, 1, 15)), Party("M. Bedacht", "gezaghebbende"),
               Party("P. Bedacht", "gezaghebbende")]
    maatregel = {"duur": 12, "eenheid": "months", "object": {"dealing_role": "koper"},
                 "dwangsom": {"bedrag": "1250.00", "maximum": "5000.00"}}
    if outcome == "invorderingsbeschikking":
        maatregel = {"duur": None, "object": {"dealing_role": "koper"}, "invordering": INVORDERING}
    base = LetterInput(
        power="straathandel", outcome=outcome, kenmerk="BEV-2026-000321", verzenddatum=date(2026, 3, 31),
        recipient=Recipient(naam=naam, rol=rol, adresregels=("Verzonnenstraat 12", "3700 TONGEREN", "BELGIË")),
        zaak_adresregels=("Verzinselplein 1", "6200 ZZ  Maastricht"), melding_bron="het proces-verbaal van de politie",
        melding_kenmerk="PV-2026-0321", melding_datum=date(2026, 3, 11), pleegdatum=date(2026, 3, 10),
        assessment=straathandel_assessment(),
        judgements={"herhalingsgevaar": {"outcome": "dreigt", "reasoning": "Drie keer eerder op het plein gezien."},
                    "minderjarige_aanpak": {"outcome": "passend", "reasoning": "Halve bedragen; ouders geïnformeerd."},
                    "overtreding_vastgesteld": {"outcome": "vastgesteld", "reasoning": "De agent zag een koop."}},
        ondertekening=("De burgemeester van Maastricht,", "M. Burgemeester"), behandeld_door="J. Jurist, 14 043",
        beslisser={"naam": "M. Burgemeester", "hoedanigheid": "orgaan"}, case_file=CASE,
        zienswijze={"ontvangen": False}, duur=12 if outcome != "invorderingsbeschikking" else None,
        deadlines=DEADLINES[outcome], parties=tuple(p for p in parties if p.naam != naam), maatregel=maatregel,
    )
    return replace(base, **overrides)
