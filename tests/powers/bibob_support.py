"""Shared data for the Bibob power tests: the real rulebook and a complete case file as the power stores it
(JSON types, ISO dates), to change per test."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

from app.config import ROOT
from app.rulebook import Rulebook

BOOK = Rulebook.load(ROOT / "rules")
DAY = date(2026, 3, 16)
ESTABLISHMENT = {"straat": "Proefstraat", "huisnummer": "1", "postcode": "6200 ZZ", "woonplaats": "Maastricht",
                 "land": "NL"}
_CASE: dict[str, Any] = {
    "application": {"permit_type": "exploitatievergunning_horeca", "received_on": "2026-01-05",
                    "competent_body": "burgemeester", "statutory_term_weeks": 8, "kenmerk": "EXP-2026-1",
                    "business_name": "Eetcafé Proefhoek", "address": dict(ESTABLISHMENT)},
    "existing_permit": None,
    "betrokkene": {"kind": "rechtspersoon", "name": "Proefhoek B.V.", "kvk": "99000099", "address": None},
    "related_persons": [], "screening_trigger": "standaard",
    "bibob_form": {"received": True, "complete": True, "missing": [], "herstel_requested_on": None,
                   "completed_on": None},
    "hersteltermijn_until": None,
    "own_research": [{"source": "open_bronnen", "finding": "Berichten over een eerdere onderneming.",
                      "date": "2026-01-20"}],
    "facts_3a": [],
    "lbb": {"requested_on": "2026-01-25", "betrokkene_informed_on": "2026-01-26", "data_requests": [],
            "extension": None, "received_on": "2026-03-10", "conclusion": "ernstig_gevaar_a",
            "advice_date": "2026-03-09", "declined": False},
    "reused_advice": None, "third_parties": [], "refused_to_supply_data": None, "application_withdrawn": None,
    "permit_breach": None, "conditions": [], "extension_4_14": None,
}
NO_ADVICE = {"requested_on": None, "betrokkene_informed_on": None, "data_requests": [], "extension": None,
             "received_on": None, "conclusion": None, "advice_date": None, "declined": False}


def case_file(**changes: Any) -> dict[str, Any]:
    """The complete case file with top-level parts replaced."""
    return {**copy.deepcopy(_CASE), **copy.deepcopy(changes)}


def params(on: date = DAY) -> Any:
    """The bibob parameters as they stand on `on` (peildatum and decision date alike)."""
    return BOOK.parameters_for("bibob", on, beslisdatum=on)


def melding(**changes: Any) -> dict[str, Any]:
    """A melding as the API or the intake form sends it (the envelope's source comes from the application)."""
    gegevens = case_file(**changes)
    gegevens["application"] = {k: v for k, v in gegevens["application"].items() if k != "address"}
    return {"zaaktype": "bibob", "adres": {k: v for k, v in ESTABLISHMENT.items() if k != "land"},
            "gegevens": gegevens}
