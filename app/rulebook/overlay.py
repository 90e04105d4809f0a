"""Confirmed parameter values laid over the YAML defaults (pure: the service layer loads them from the database).

A beheerder confirms a parameter with the municipality's official source (title, article, publication,
https link) and a start date. That makes a new dated value: for dates on or after `valid_from` the rulebook
uses it instead of the default, until the next dated value. The YAML files stay the defaults, so a fresh
database, the CLI and cases.yaml evaluate the published defaults; the runtime passes the overlay in per
evaluation, so a confirmation applies without a restart.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.domain.assessment import CONFIRMED, ParameterValue
from app.domain.errors import InvalidInput
from app.domain.numbers import NumberProblem, parse_number
from app.domain.wording import bracketed
from app.rulebook.parameters import ParameterSeries

SOURCE_KEYS = ("titel", "artikel", "publicatie", "href")
_NUMBER = re.compile(r"^-?\d+([.,]\d+)?$")


@dataclass(frozen=True)
class Confirmation:
    """One confirmed value of one parameter, as plain data. `key` identifies it (the database id)."""

    name: str
    value: Any
    valid_from: date
    source: Mapping[str, str]
    key: str


Overlay = Mapping[str, tuple[Confirmation, ...]]  # parameter name -> its confirmations, oldest first


def confirmed_value(series: ParameterSeries, found: Confirmation) -> ParameterValue:
    """The ParameterValue a confirmation stands for: the confirmed status, its own source and reference."""
    source = {k: str(found.source.get(k, "")) for k in SOURCE_KEYS}
    shown = ", ".join(p for p in (source["titel"], source["artikel"]) if p)
    return ParameterValue(
        name=series.name, value=found.value, valid_from=found.valid_from, status=CONFIRMED,
        reference={"title": f"{shown} {bracketed(source['publicatie'])}" if source["publicatie"] else shown,
                   "href": source["href"]},
        unit=series.unit, description=series.description, applies_at=series.applies_at, source=source,
    )


def overlaid(series: Mapping[str, ParameterSeries], overlay: Overlay | None) -> Mapping[str, ParameterSeries]:
    """The series with every confirmation laid over its default (unchanged when there is none)."""
    if not overlay:
        return series
    result = dict(series)
    for name, found in overlay.items():
        if name in result and found:
            # The later confirmation of the same date wins (a correction): the dict keeps the last one.
            added = {c.valid_from: confirmed_value(result[name], c) for c in found}
            result[name] = result[name].with_values(added)
    return result


def epoch_key(value: ParameterValue, overlay: Overlay | None) -> tuple[Any, ...]:
    """What distinguishes one resolved value from another for caching: its date, and which confirmation."""
    if value.source is None or not overlay:
        return (value.name, value.valid_from)
    keys = [c.key for c in overlay.get(value.name, ()) if c.valid_from == value.valid_from]
    return (value.name, value.valid_from, keys[-1] if keys else "")


def _number(series: ParameterSeries, text: str, *, whole: bool) -> int | float:
    """A number typed the Dutch way (1.500, 0,5); an ambiguous one is asked about, never guessed."""
    try:
        found = parse_number(text, whole=whole)
    except NumberProblem as problem:
        raise InvalidInput({"waarde": f"{problem.message} (in {series.unit or 'de eenheid'})"}) from None
    if found < 0:
        raise InvalidInput({"waarde": "Vul een getal van 0 of meer in."})
    return int(found) if whole else float(found)


def read_value(series: ParameterSeries, text: str) -> Any:
    """The typed value a beheerder typed, of the same kind as the default (whole number, number, yes/no, text).

    Raises:
        InvalidInput: {"waarde": Dutch message}.
    """
    default = series.values()[0].value
    text = " ".join(str(text or "").split())
    if not text:
        raise InvalidInput({"waarde": "Vul de waarde in."})
    if type(default) is bool:
        if text.lower() not in ("ja", "nee"):
            raise InvalidInput({"waarde": "Vul ja of nee in."})
        return text.lower() == "ja"
    if type(default) in (int, float):
        return _number(series, text, whole=type(default) is int)
    if type(default) is str:
        return _choice(series, text)
    raise InvalidInput({"waarde": "Deze parameter is een tabel of lijst; wijzig die in de regelbestanden."})


def read_table(series: ParameterSeries, fields: Mapping[str, Any]) -> dict[str, Any]:
    """A table of scalars (e.g. the APV norm: article, text, whether it covers buying) as the beheerder typed
    it, one field `waarde.<key>` per key of the default, each of the default's kind.

    Raises:
        InvalidInput: {"waarde.<key>": Dutch message} for every key that is empty or of the wrong kind.
    """
    default, found, errors = series.values()[-1].value, {}, {}
    for key, was in default.items():
        text = " ".join(str(fields.get(f"waarde.{key}") or "").split())
        try:
            found[key] = _scalar(series, was, text)
        except InvalidInput as exc:
            errors[f"waarde.{key}"] = exc.errors["waarde"]
    if errors:
        raise InvalidInput(errors)
    return found


def _scalar(series: ParameterSeries, default: Any, text: str) -> Any:
    if type(default) is bool:
        if text.lower() not in ("ja", "nee"):
            raise InvalidInput({"waarde": "Kies ja of nee."})
        return text.lower() == "ja"
    if not text:
        raise InvalidInput({"waarde": "Vul dit in."})
    return _number(series, text, whole=type(default) is int) if type(default) in (int, float) else text


def _choice(series: ParameterSeries, text: str) -> str:
    """A text value must be one the parameter file lists: a typo would otherwise stay in force."""
    if not series.choices:
        raise InvalidInput({"waarde": "Deze parameter heeft geen lijst van mogelijke waarden; wijzig die in de "
                                      "regelbestanden."})
    if text not in series.choices:
        raise InvalidInput({"waarde": f"Kies een van deze waarden: {', '.join(series.choices)}."})
    return text


def read_source(fields: Mapping[str, Any]) -> dict[str, str]:
    """The official source of a confirmation: all four parts, the link an https address.

    Raises:
        InvalidInput: one Dutch message per missing or wrong part.
    """
    source = {k: " ".join(str(fields.get(k) or "").split()) for k in SOURCE_KEYS}
    errors = {}
    messages = {"titel": "Vul de officiële titel van de beleidsregel in.",
                "artikel": "Vul het artikel in, bijvoorbeeld artikel 4.",
                "publicatie": "Vul de publicatie in, bijvoorbeeld Gemeenteblad 2010, C nr. 46.",
                "href": "Vul de link naar de officiële publicatie in."}
    for key, message in messages.items():
        if not source[key]:
            errors[key] = message
    if source["href"] and (not source["href"].startswith("https://") or " " in source["href"]):
        errors["href"] = "De link moet een https-adres zijn, bijvoorbeeld https://lokaleregelgeving.overheid.nl/..."
    lengths = {"titel": 300, "artikel": 100, "publicatie": 200, "href": 500}
    errors.update({k: f"Gebruik hoogstens {n} tekens." for k, n in lengths.items() if len(source[k]) > n})
    if errors:
        raise InvalidInput(errors)
    return source
