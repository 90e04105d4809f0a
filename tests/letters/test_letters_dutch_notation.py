"""Every rendered letter of every power writes dates, times, numbers and amounts the Dutch way (Babel).

letters.md §6: "6 december 2026", "dinsdag 3 juni 2025", "20.00 uur", "€ 1.500,00", "1.500 gram". A numeric
or ISO date, a 24-hour time with a colon, or an English month or weekday in a letter fails here.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from babel.dates import format_date
from letters_support import build_context, entries, input_for, read_back, render

from app.letters.formatting import bedrag, datum, datum_met_dag
from app.letters.manifest import ManifestEntry

ENTRIES = entries()
IDS = [e.template for e in ENTRIES]
MAANDEN = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
DAGEN = "maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag"
NOT_DUTCH = {
    "ISO date": re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}\b"),
    "numeric date": re.compile(r"\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b"),
    "time with a colon": re.compile(r"\b\d{1,2}:\d{2}(:\d{2})?\s*(uur|u\b|h\b)"),
    "English month or day": re.compile(r"\b(January|February|March|June|July|August|October|Monday|Tuesday|"
                                       r"Wednesday|Thursday|Friday|Saturday|Sunday)\b", re.IGNORECASE),
    "English or coded amount": re.compile(r"\bEUR\b|€\s?\d[\d,]*\.\d{2}\b|€\d"),
}
DUTCH_DATE = re.compile(rf"\b(?:(?:{DAGEN}) )?(\d{{1,2}}) ({MAANDEN}) (\d{{4}})\b")


def text(entry: ManifestEntry, letter=None) -> str:
    letter = letter or input_for(entry)
    read = read_back(render(entry.template, build_context(letter)))
    return "\n".join(read["body"] + read["header"] + read["footer"])


def test_the_patterns_tell_dutch_from_other_notation() -> None:
    dutch = "Op zondag 6 december 2026 om 20.00 uur betaalt u € 1.500,00; artikel 5:21 Awb."
    assert not any(p.search(dutch) for p in NOT_DUTCH.values())
    for other in ("2026-12-06", "06-12-2026", "6/12/2026", "20:00 uur", "Sunday, December 6, 2026", "EUR 1500",
                  "€1.500,00", "€ 1,500.00", "€ 1500.00"):
        assert any(p.search(other) for p in NOT_DUTCH.values()), other


def test_the_formatters_write_the_examples_of_the_issue() -> None:
    assert datum(date(2026, 12, 6)) == "6 december 2026"
    assert datum_met_dag(date(2026, 12, 6)) == "zondag 6 december 2026"
    assert bedrag(1500) == bedrag(Decimal("1500.00")) == "€ 1.500,00"


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_every_letter_writes_dates_and_times_the_dutch_way(entry: ManifestEntry) -> None:
    letter = input_for(entry)
    written = text(entry, letter)
    for name, pattern in NOT_DUTCH.items():
        assert not pattern.search(written), (name, pattern.search(written).group(0))
    dates = DUTCH_DATE.findall(written)
    assert dates and datum(letter.verzenddatum) in written
    for day, month, year in dates:  # "d MMMM y": no leading zero, a real calendar day
        assert not day.startswith("0")
        months = MAANDEN.split("|")
        assert format_date(date(int(year), months.index(month) + 1, int(day)), "d MMMM y", locale="nl_NL") == (
            f"{day} {month} {year}")
    for moment in re.findall(r"\b(\d{1,2})\.(\d{2}) uur", written):
        assert 0 <= int(moment[0]) < 24 and 0 <= int(moment[1]) < 60


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.power == "damocles"],
                         ids=[e.template for e in ENTRIES if e.power == "damocles"])
def test_damocles_letters_write_quantities_with_dutch_separators(entry: ManifestEntry) -> None:
    letter = input_for(entry)
    found = {**letter.case_file, "substances": [
        {"name": "hennep", "opiumwet_list": "lijst_ii", "quantity": 1500.5, "unit": "g"}]}
    written = text(entry, replace(letter, case_file=found))
    assert "1.500,5 gram hennep" in written
    assert "1500.5" not in written and "1,500.5" not in written
