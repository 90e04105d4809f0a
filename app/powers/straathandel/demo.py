"""Fictional demo reports of street dealing: an adult seller, and a sixteen-year-old buyer who lives across the
border in Belgium, with two parents at two addresses."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any


def demo_meldingen(today: date) -> list[dict[str, Any]]:
    """Two fictional police reports, as handhaving submits them."""
    day = today - timedelta(days=4)
    base = {"zaaktype": "straathandel", "bron_soort": "proces_verbaal",
            "bron_datum": (day + timedelta(days=1)).isoformat(),
            "pleegdatum": day.isoformat(), "adres": {"straat": "Verzinselplein", "huisnummer": "1",
                                                      "postcode": "6200 ZZ", "woonplaats": "Maastricht"}}
    seen = {"observed_at": f"{day.isoformat()}T21:15", "place_description": "Bij de bank op het Verzinselplein",
            "location_type": "openbare_plaats", "transfer_observed": True, "contacts_observed": 2,
            "description": "Twee korte contacten; bij het tweede gaf de verkoper een bolletje af tegen geld.",
            "substance_class": "lijst_i", "substance_description": "cocaïne (bolletje)", "observer": "politie",
            "report_on_oath": True}
    return [
        {**base, "submission_id": "demo-sh-0001-verkoper", "bron_kenmerk": "PV-DEMO-SH-0001", "gegevens": {
            "dealing_role": "verkoper", "identity_established": "yes",
            "waargenomen_persoon": {"naam": "V. Verzonnen (demo)", "geboortedatum": "2001-02-03",
                                    "straat": "Fictiestraat",
                       "huisnummer": "4", "postcode": "6200 ZZ", "woonplaats": "Maastricht", "land": "NL"},
            "observations": [{**seen, "items_found": ["handelsverpakkingen", "contant_geld"], "cash_found_eur": 340}],
            "repetition_indicators": [{"kind": "eerdere_registratie",
                                       "description": "Twee eerdere registraties (demo)."},
                                      {"kind": "aanwezig_op_hotspot", "description": "Vaker gezien op dit plein."}],
            "income_situation": "Geen vast inkomen bekend."}},
        {**base, "submission_id": "demo-sh-0002-koper", "bron_kenmerk": "PV-DEMO-SH-0002", "gegevens": {
            "dealing_role": "koper", "identity_established": "yes",
            "bekendmaking_buitenland": "Per post naar het woonadres in België (demo).",
            "waargenomen_persoon": {"naam": "K. Bedacht (demo)",
                                    "geboortedatum": (day - timedelta(days=16 * 365 + 60)).isoformat(),
                       "straat": "Verzonnenstraat", "huisnummer": "12", "postcode": "3700", "woonplaats": "Tongeren",
                       "land": "BE"},
            "observations": [{**seen, "description": "Kocht een bolletje van een onbekende verkoper.",
                              "items_found": ["gebruikershoeveelheid"]}],
            "repetition_indicators": [{"kind": "aanwezig_op_hotspot", "description": "Drie keer eerder op dit plein."}],
            "gezaghebbenden": [
                {"naam": "M. Bedacht (demo)", "relatie": "ouder", "straat": "Verzonnenstraat", "huisnummer": "12",
                 "postcode": "3700", "woonplaats": "Tongeren", "land": "BE"},
                {"naam": "P. Bedacht (demo)", "relatie": "ouder", "straat": "Denkbeeldlaan", "huisnummer": "7",
                 "postcode": "6200 ZZ", "woonplaats": "Maastricht", "land": "NL"}]}},
    ]
