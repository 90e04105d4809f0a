"""A fictional youth group: a member list as the police would send it, and the shared incident form."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

from app import clock
from app.powers.ouderbrief.bulk import COLUMNS, OPTIONAL

STREETS = ("Proefstraat", "Voorbeeldlaan", "Testweg", "Fictiefplein")


def member_rows(count: int, *, flagged: tuple[int, ...] = (), adults: tuple[int, ...] = ()) -> list[dict[str, str]]:
    """`count` children of fifteen (or nineteen for `adults`), one parent each at home; `flagged` rows have a
    safety signal 'onbekend' (a rule flags them)."""
    today = clock.today()
    rows = []
    for i in range(count):
        years = 19 if i in adults else 15
        born = today.replace(year=today.year - years, day=1) - timedelta(days=62)
        street, number = STREETS[i % len(STREETS)], str(10 + i)
        home = {"straat": street, "huisnummer": number, "postcode": "6211 AB", "woonplaats": "Maastricht"}
        rows.append({"kind_naam": f"K{i:03d}. Proefkind", "kind_geboortedatum": born.strftime("%d-%m-%Y"),
                     **{f"kind_{k}": v for k, v in home.items()},
                     "gezag1_naam": f"O{i:03d}. Proefouder", "gezag1_relatie": "ouder",
                     **{f"gezag1_{k}": v for k, v in home.items()},
                     "gia_signaal": "onbekend" if i in flagged else "nee"})
    return rows


def member_csv(rows: list[dict[str, str]], delimiter: str = ";") -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[*COLUMNS, *OPTIONAL], delimiter=delimiter, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8-sig")


def incident(days_ago: int = 3, kenmerk: str = "PV-GROEP-1") -> dict:
    """The shared part of the group incident, nested as the form sends it."""
    day = clock.today() - timedelta(days=days_ago)
    return {"zaaktype": "ouderbrief", "omschrijving": "Groepsincident bij het winkelcentrum",
            "bron_soort": "proces_verbaal", "bron_kenmerk": kenmerk, "bron_datum": day.isoformat(),
            "adres": {"straat": "Marktplein", "huisnummer": "1", "postcode": "6211 CD", "woonplaats": "Maastricht"},
            "gegevens": {"incident_at": f"{day.isoformat()}T21:30", "incident_place": "Bij het winkelcentrum",
                         "incident_type": "vuurwerk", "incident_source": "politie", "group_code": "GROEP-Z"}}
