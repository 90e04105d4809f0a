"""Who receives the letters of an outcome: the betrokkenen in the roles its procedure lists, in that order.

A minor never receives a decision letter in person (letters.md §5): a person under 18 on the date of the
incident is named where the law requires it (e.g. in a huisverbod's contact ban) but gets no letter; the
informative letters to parents with authority are a power of their own. An outcome with `guardians` is the
exception the law makes for a sanction on a minor: addressed to the minor and to his parents with authority.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Any, TypeVar

from dateutil.relativedelta import relativedelta

from app.domain.procedure import Outcome

MEERDERJARIG = 18  # BW 1:233: majority at eighteen
T = TypeVar("T")


def is_minor(geboortedatum: date | None, on: date) -> bool:
    """Under 18 on `on` (the birthday itself counts as 18); an unknown date of birth is not a minor."""
    return geboortedatum is not None and relativedelta(on, geboortedatum).years < MEERDERJARIG


def recipients(outcome: Outcome, people: Iterable[T], role: Callable[[T], str],  # noqa: PLR0913
               born: Callable[[T], date | None], on: date, sent_on: date | None = None) -> list[T]:
    """The people who get a letter, ordered as `outcome.recipients` lists their roles.

    Where the outcome names `guardians`, a minor addressee is no longer left out (the decision is addressed to
    him) and the persons with parental authority get the same decision while he is a minor on the day it is
    sent (`sent_on`); once he is eighteen they get nothing (straathandel-dwangsom.md §8.5).
    """
    order = {code: i for i, code in enumerate(outcome.recipients)}
    listed = [p for p in people if role(p) in order]
    if outcome.guardians is None:
        chosen = [p for p in listed if not is_minor(born(p), on)]
    else:
        addressed = [p for p in listed if role(p) != outcome.guardians]
        minor_now = any(is_minor(born(p), sent_on or on) for p in addressed)
        chosen = addressed + [p for p in listed if role(p) == outcome.guardians and minor_now]
    return sorted(chosen, key=lambda p: order[role(p)])


# A postal address, with the country it is in: Maastricht is a border city, people live in Belgium and Germany.
ADDRESS_FIELDS = ("straat", "huisnummer", "postcode", "woonplaats", "land")
HOME = "NL"  # an address without a country is Dutch
COUNTRIES = {"NL": "Nederland", "BE": "België", "DE": "Duitsland"}  # ISO 3166-1 alpha-2 code: its Dutch name


def address_of(source: Mapping[str, Any]) -> dict[str, Any]:
    """The address fields of a mapping (a loaded address, a betrokkene dict); without a country it is Dutch."""
    return {f: (source.get(f) or HOME) if f == "land" else source[f] for f in ADDRESS_FIELDS}


def postal_lines(straat: str, huisnummer: str, postcode: str, woonplaats: str, land: str = HOME) -> tuple[str, ...]:
    """The address lines of a letter (without the name) in the country's postal format.

    Dutch (NEN 5825, as every letter printed it before addresses abroad): "Straat 12", "1234 AB  Plaats".
    Abroad, the PostNL rules for mail sent from the Netherlands: the postcode, a double space and the place in
    capitals, and the country on the last line in capitals, in the sender's language (UPU: accepted):
    "4000  LUIK" / "BELGIË", "52062  AACHEN" / "DUITSLAND".
    """
    street = f"{straat} {huisnummer}"
    if land == HOME:
        return (street, f"{postcode}  {woonplaats}")
    return (street, f"{postcode}  {woonplaats.upper()}", COUNTRIES[land].upper())


def person_row(person: Mapping[str, Any]) -> dict[str, Any]:
    """A power's betrokkene dict as the Betrokkene row takes it: only its columns, dates as dates (a case file
    read back from JSON holds ISO text), and an address without a country is Dutch."""
    row = {k: v for k, v in person.items() if k in PERSON_FIELDS}
    row["land"] = row.get("land") or HOME
    if isinstance(row.get("geboortedatum"), str):
        row["geboortedatum"] = date.fromisoformat(row["geboortedatum"]) if row["geboortedatum"] else None
    return row


# `ref`: the case-file entry a person came from (e.g. "third_parties.0"), when the power's betrokkenen() names it, so
# a letter to him is built from his own entry only (Betrokkene.ref, LetterInput.recipient.ref).
PERSON_FIELDS = ("roltype", "naam", "geboortedatum", "rechthebbende_soort", "is_organisatie", "ref", *ADDRESS_FIELDS)


def rechthebbende(owner: Mapping[str, Any]) -> dict[str, Any]:
    """The owner or landlord of a melding as a betrokkene (Awb 5:24 lid 3: a last is also made known to the
    rechthebbende, whatever the power): an organisation when it is a housing corporation."""
    return {"roltype": "rechthebbende", "rechthebbende_soort": owner["soort"], "naam": owner["naam"],
            "is_organisatie": owner["soort"] == "woningcorporatie", **address_of(owner)}
