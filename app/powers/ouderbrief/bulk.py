"""A group incident (a youth group): one shared incident form and a member list with, per child, the child and
up to two persons with parental authority; one case and letter(s) per child (ouderbrief.md §2, O2, O7).

The list is what the police or the youth team keeps; its columns are Dutch and lower case. A date may be
written the Dutch way (31-12-2012). A child with a safety signal, a guardian, an address abroad or nobody
with authority known is flagged: the kabinet reads that letter, and the jurist judges that child alone.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from app.powers.ouderbrief.demo import demo_group
from app.powers.ouderbrief.facts import child_abroad
from app.powers.spec import BulkSpec

ADDRESS = ("straat", "huisnummer", "postcode", "woonplaats")
COLUMNS = (*(f"kind_{p}" for p in ("naam", "geboortedatum", *ADDRESS)),
           *(f"gezag1_{p}" for p in ("naam", "relatie", *ADDRESS)))
OPTIONAL = ("kind_land", "gezag1_land", *(f"gezag2_{p}" for p in ("naam", "relatie", *ADDRESS, "land")),
            "gia_signaal")
GIA = {"ja": "yes", "nee": "no", "onbekend": "unknown", "": "unknown"}
DUTCH_DATE = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$")


def member(row: Mapping[str, str]) -> dict[str, Any]:
    """One row of the list as the child's part of the melding (the schema checks every value)."""
    people = [_person(row, n) for n in ("gezag1", "gezag2") if row.get(f"{n}_naam")]
    return {"gegevens": {
        "child": {"naam": row.get("kind_naam", ""), "geboortedatum": _iso(row.get("kind_geboortedatum", "")),
                  "adres": _address(row, "kind")},
        "gezaghebbenden": people,
        "gia_signal": GIA.get(row.get("gia_signaal", "").lower(), row.get("gia_signaal", "")),
    }}


def _person(row: Mapping[str, str], prefix: str) -> dict[str, Any]:
    return {"naam": row.get(f"{prefix}_naam", ""), "relatie": row.get(f"{prefix}_relatie", "").lower(),
            "adres": _address(row, prefix)}


def _address(row: Mapping[str, str], prefix: str) -> dict[str, str]:
    found = {p: row.get(f"{prefix}_{p}", "") for p in ADDRESS}
    land = row.get(f"{prefix}_land", "")
    return {**found, "land": land.upper()} if land else found


def _iso(value: str) -> str:
    match = DUTCH_DATE.match(value.strip())
    return f"{match[3]}-{int(match[2]):02d}-{int(match[1]):02d}" if match else value


def flags(case: Mapping[str, Any]) -> list[str]:
    """Why this child's letter needs a person's own look (Dutch, shown to the jurist and the kabinet)."""
    people = case.get("gezaghebbenden") or []
    signal = case.get("gia_signal", "unknown")
    found = []
    if signal != "no":
        found.append("Signalen van huiselijk geweld: " + ("ja" if signal == "yes" else "onbekend"))
    if not people:
        found.append("Niemand met gezag bekend")
    if any(p.get("relatie") == "voogd" for p in people):
        found.append("Een voogd heeft het gezag")
    if child_abroad(case):
        found.append("Het kind woont in het buitenland")
    if case.get("other_interventions"):
        found.append("Andere interventies vastgelegd (bijvoorbeeld Halt of een zorgmelding)")
    return found


def _column_labels() -> dict[str, str]:
    found = {"gegevens.child.naam": "kind_naam", "gegevens.child.geboortedatum": "kind_geboortedatum",
             "gegevens.gia_signal": "gia_signaal", "gegevens.gezaghebbenden": "gezag1_naam"}
    for part in (*ADDRESS, "land"):
        found[f"gegevens.child.adres.{part}"] = f"kind_{part}"
    for i in (0, 1):
        for part in ("naam", "relatie"):
            found[f"gegevens.gezaghebbenden.{i}.{part}"] = f"gezag{i + 1}_{part}"
        for part in (*ADDRESS, "land"):
            found[f"gegevens.gezaghebbenden.{i}.adres.{part}"] = f"gezag{i + 1}_{part}"
    return found


BULK = BulkSpec(outcomes=("ouderbrief", "ouderbrief_herhaald"), form="powers/ouderbrief/bulk.html",
                columns=COLUMNS, optional_columns=OPTIONAL, member=member, flags=flags, column_labels=_column_labels(),
                demo=demo_group, individual_judgements=("vervolgstap",), column_hints={
                    "kind_geboortedatum": "dd-mm-jjjj, bijvoorbeeld 14-03-2012",
                    "gezag1_relatie": "ouder of voogd", "gezag2_relatie": "ouder of voogd",
                    "kind_land": "NL, BE of DE; leeg is NL", "gezag1_land": "NL, BE of DE; leeg is NL",
                    "gezag2_land": "NL, BE of DE; leeg is NL",
                    "gia_signaal": "ja, nee of onbekend; leeg telt als onbekend (een aandachtspunt)"})
