"""A fictional demo huisverbod, imposed last night by the demo hulpofficier van justitie."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any


def demo_meldingen(today: date) -> list[dict[str, Any]]:
    """One imposition at 23:40 the evening before, with the judgements made on the spot."""
    night = today - timedelta(days=1)
    imposed = f"{night.isoformat()}T23:40"
    return [{
        "submission_id": "demo-hv-0001", "zaaktype": "huisverbod", "bron_soort": "proces_verbaal",
        "bron_kenmerk": "PV-DEMO-HV-0001", "bron_datum": night.isoformat(),
        "adres": {"straat": "Verzinselstraat", "huisnummer": "5", "postcode": "6200 ZZ", "woonplaats": "Maastricht"},
        "gegevens": {
            "imposed_at": imposed, "residence_status": "woont", "brp_registered_at_dwelling": "yes",
            "person": {"naam": "E. Voorbeeldman (demo)", "geboortedatum": "1985-06-14", "telefoon": "06-00000000"},
            "area_description": "De woning en de straat Verzinselstraat tussen de nummers 1 en 11.",
            "rihg": {"completed_at": f"{night.isoformat()}T23:20", "completed_by": "O. Hulpofficier (demo)",
                     "outcome": "ernstig_en_onmiddellijk_gevaar",
                     "factors": [{"category": "incident", "text": "Partner met geweld bedreigd, buren belden 112."},
                                 {"category": "politiegegevens", "text": "Twee eerdere meldingen huiselijk geweld."}]},
            "household": [{"naam": "F. Voorbeeldvrouw (demo)", "relatie": "partner", "geboortedatum": "1987-02-03"},
                          {"naam": "G. Voorbeeldkind (demo)", "relatie": "kind", "geboortedatum": "2016-09-21"}],
            "oral_first": True, "keys_collected": True, "household_informed": "inhoud",
        },
        "oordelen": {
            "gevaar": {"outcome": "ja", "reasoning": "De RiHG wijst op ernstig en onmiddellijk gevaar: bedreiging "
                       "met geweld in bijzijn van een kind, en eerdere meldingen."},
            "horen_mogelijk": {"outcome": "gehoord", "reasoning": "Beide partners zijn ter plaatse kort gehoord."},
        },
    }]
