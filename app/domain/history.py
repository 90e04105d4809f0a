"""Earlier measures and repeat offences: which earlier measure counts for the next finding, and why (pure).

A history item is plain data (docs/contracts.md). The service selects the candidates (same premises or
same person, same power, approved); this module decides, from the policy a power passes in, which count:

    {"kind": <outcome code>, "date": <the earlier offence: its finding or pleegdatum>,
     "letter_date": <date the letter went out> | None, "sent": bool, "revoked": <soort> | None,
     "same_address": bool, "same_person": True | False | None (not known), "kenmerk": str, "bron": str}

Missing keys take the values of a measure that counts (sent, not revoked, same premises and person), so a
client or a jurist's case that gives only {date, kind} describes an earlier measure at this address.

Persons are matched on a normalised name and the date of birth (`person_key`). This product holds no BSN:
"J. Jansen" and "Jan Jansen" do not match, and a person without a date of birth cannot be matched at all,
so a measure against an unidentified person is not counted where the policy counts per person (a heavier
sanction must not rest on a guess); the case page says so, and the jurist can complete the data.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from app.domain.errors import FactsRejected

# What repeat counting runs on (a power's policy parameter holds one of these).
PER_ADDRESS, PER_PERSON, PER_ADDRESS_AND_PERSON = "adres", "persoon", "adres_en_persoon"
COUNTS_PER = (PER_ADDRESS, PER_PERSON, PER_ADDRESS_AND_PERSON)

# Ways an earlier measure stopped counting (recorded on the beslissing or the entered measure).
REVOCATIONS = ("ingetrokken", "herroepen_in_bezwaar", "vernietigd_in_beroep")

# Why an item does or does not count, in the words the case page shows.
REASONS: Mapping[str, str] = {
    "telt": "Telt mee: verzonden, niet ingetrokken of vernietigd, binnen de termijn.",
    "andere_soort": "Telt niet: deze soort maatregel telt niet voor herhaling.",
    "niet_verzonden": "Telt niet: de brief is (nog) niet verzonden.",
    "ingetrokken": "Telt niet: de maatregel is ingetrokken of vernietigd.",
    "ander_adres": "Telt niet: ander adres, en het beleid telt per adres.",
    "ander_persoon": "Telt niet: een andere persoon (bijvoorbeeld een nieuwe huurder).",
    "persoon_onbekend": "Telt niet: niet vast te stellen dat het om dezelfde persoon gaat "
                        "(naam en geboortedatum nodig).",
    "buiten_termijn": "Telt niet: de eerdere overtreding ligt buiten de termijn.",
    "niet_eerder": "Telt niet: de eerdere overtreding ligt niet vóór deze vondst.",
    "later_verzonden": "Telt niet: de brief ging pas na deze vondst uit; betrokkene was toen niet gewaarschuwd.",
}


@dataclass(frozen=True)
class Counted:
    """One history item with the verdict: does it count for the repeat, and the reason code (REASONS)."""

    item: Mapping[str, Any]
    counts: bool
    reason: str

    @property
    def text(self) -> str:
        return REASONS[self.reason]


def classify(history: Iterable[Mapping[str, Any]], finding: date, window_years: int, counts_per: str,
             kinds: Iterable[str]) -> list[Counted]:
    """Every item with its verdict. The window runs from the EARLIER OFFENCE (`date`): from the same calendar
    day `window_years` before the finding (included) up to the day before it; the letter must have gone out
    before the finding.

    Raises:
        FactsRejected: an unreadable date or an unknown counting basis.
    """
    if counts_per not in COUNTS_PER:
        raise FactsRejected({"history": f"Onbekende telwijze voor herhaling: {counts_per!r}."})
    start, kinds = years_before(finding, window_years), tuple(kinds)
    return [Counted(item, reason == "telt", reason)
            for item in history for reason in (_reason(item, finding, start, counts_per, kinds),)]


def _reason(item: Mapping[str, Any], finding: date, start: date, counts_per: str, kinds: tuple[str, ...]) -> str:
    offence_date, letter = as_date(item.get("date")), item.get("letter_date")
    checks = (
        ("andere_soort", item.get("kind") not in kinds),
        ("ingetrokken", bool(item.get("revoked"))),
        ("niet_verzonden", item.get("sent", True) is False),
        ("ander_adres", counts_per != PER_PERSON and item.get("same_address", True) is False),
        ("ander_persoon", counts_per != PER_ADDRESS and item.get("same_person", True) is False),
        ("persoon_onbekend", counts_per != PER_ADDRESS and item.get("same_person", True) is None),
        ("niet_eerder", offence_date >= finding),
        ("buiten_termijn", offence_date < start),
        ("later_verzonden", letter not in (None, "") and as_date(letter) >= finding),
    )
    return next((reason for reason, failed in checks if failed), "telt")


def count(history: Iterable[Mapping[str, Any]], finding: date, window_years: int, counts_per: str,
          kinds: Iterable[str]) -> int:
    """How many earlier measures count for the repeat."""
    return sum(1 for c in classify(history, finding, window_years, counts_per, kinds) if c.counts)


def made_known(item: Mapping[str, Any]) -> bool:
    """Sent and not revoked: an earlier measure that exists in law (any power may read this)."""
    return item.get("sent", True) is not False and not item.get("revoked")


def person_key(naam: str | None, geboortedatum: date | None, organisatie: bool = False) -> str | None:
    """A normalised name plus date of birth; an organisation by its name alone; None when not identifiable."""
    folded = unicodedata.normalize("NFKD", naam or "").casefold()
    name = " ".join(re.sub(r"[^a-z0-9]+", " ", "".join(c for c in folded if not unicodedata.combining(c))).split())
    if not name or (geboortedatum is None and not organisatie):
        return None
    return name if organisatie else f"{name}|{geboortedatum.isoformat()}"


def same_person(ours: Iterable[str | None], theirs: Iterable[str | None]) -> bool | None:
    """True when a key matches; None when either side has nobody identifiable; otherwise False."""
    mine, other = {k for k in ours if k}, {k for k in theirs if k}
    if not mine or not other:
        return None
    return bool(mine & other)


def years_before(day: date, years: int) -> date:
    """The same calendar day `years` earlier (28 February for a leap day)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year - years, day=28)


def day_of(value: Any) -> date | None:
    """A calendar day from a date, a moment or ISO text (a case file read back from JSON); None when empty."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def as_date(value: Any) -> date:
    """A date or ISO text. Raises FactsRejected."""
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise FactsRejected({"history": "Elke eerdere maatregel heeft een datum (JJJJ-MM-DD)."}) from None
