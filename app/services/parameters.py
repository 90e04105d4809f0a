"""Parameter confirmations: the beheerder confirms a policy value with its official source; every evaluation
loads the confirmations as plain data and hands them to the rulebook (app/rulebook/overlay.py).

A confirmation is a new dated value: the YAML files stay the defaults, and nothing is edited or restarted.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import Actor, record_change
from app.domain.assessment import ParameterValue
from app.domain.errors import InvalidInput, ParameterNotInForce
from app.models import ParameterBevestiging, User, Zaak
from app.rulebook import ParameterSeries
from app.rulebook.overlay import Confirmation, overlaid, read_source, read_table, read_value
from app.runtime import Runtime

FIELDS = ("waarde", "geldig_vanaf", "titel", "artikel", "publicatie", "href")
SCALARS = (bool, int, float, str)


@dataclass(frozen=True)
class ParameterRow:
    """One parameter as the beheerder sees it: its value today (default or confirmed) and its history."""

    power: str
    series: ParameterSeries
    today: ParameterValue | None  # None: no value today (ended, or not yet in force)
    confirmations: tuple[ParameterBevestiging, ...]

    @property
    def confirmable(self) -> bool:
        """Scalars and tables of scalars (the APV norm) can be confirmed through the page; a list of dates is
        edited in the rule files."""
        return all(type(v.value) in SCALARS or is_table(v.value) for v in self.series.values())

    @property
    def table(self) -> bool:
        """The value is a table: the form asks one field per key."""
        return is_table(self.series.values()[-1].value)


def is_table(value: Any) -> bool:
    return isinstance(value, dict) and all(type(v) in SCALARS for v in value.values())


def peildatum_of(rt: Runtime, zaak: Zaak, today: date) -> date:
    """The date whose law applies to the zaak (index.yaml `peildatum`): the finding, or the decision."""
    return zaak.melding.pleegdatum if rt.book.index(zaak.zaaktype).peildatum == "pleegdatum" else today


def overlay_for(session: Session, power: str) -> dict[str, tuple[Confirmation, ...]]:
    """The confirmed values of one power, oldest first, as plain data for the rulebook."""
    rows = session.scalars(select(ParameterBevestiging).where(ParameterBevestiging.bevoegdheid == power)
                           .order_by(ParameterBevestiging.id))
    found: dict[str, list[Confirmation]] = {}
    for row in rows:
        found.setdefault(row.parameter, []).append(Confirmation(
            name=row.parameter, value=row.waarde, valid_from=row.geldig_vanaf, key=str(row.id),
            source={"titel": row.bron_titel, "artikel": row.bron_artikel, "publicatie": row.bron_publicatie,
                    "href": row.bron_href}))
    return {name: tuple(items) for name, items in found.items()}


def overview(session: Session, rt: Runtime, power: str, today: date) -> list[ParameterRow]:
    """Every parameter of a power with its value today (confirmed values laid over the defaults).

    Raises:
        UnknownPower.
    """
    series = rt.book.parameter_series(power)
    overlay = overlay_for(session, power)
    current = overlaid(series, overlay)
    rows = session.scalars(select(ParameterBevestiging).where(ParameterBevestiging.bevoegdheid == power)
                           .order_by(ParameterBevestiging.geldig_vanaf, ParameterBevestiging.id)).all()
    return [ParameterRow(power, one, _value_today(current[name], today),
                         tuple(r for r in rows if r.parameter == name))
            for name, one in sorted(series.items())]


def series_of(rt: Runtime, power: str, name: str) -> ParameterSeries:
    """One parameter's defaults. Raises UnknownPower, KeyError (no such parameter)."""
    return rt.book.parameter_series(power)[name]


def confirm(session: Session, rt: Runtime, power: str, name: str, fields: Mapping[str, Any],
            user: User) -> ParameterBevestiging:
    """Store a confirmed value from `geldig_vanaf`, audited, in one transaction.

    Raises:
        UnknownPower, KeyError (no such parameter), InvalidInput ({field: Dutch message}; nothing is stored).
    """
    series = series_of(rt, power, name)
    value, valid_from, source = _read(series, fields)
    row = ParameterBevestiging(
        bevoegdheid=power, parameter=name, waarde=value, geldig_vanaf=valid_from, bron_titel=source["titel"],
        bron_artikel=source["artikel"], bron_publicatie=source["publicatie"], bron_href=source["href"],
        bevestigd_door_id=user.id,
    )
    session.add(row)
    session.flush()
    record_change(session, Actor.of(user), actie="confirm", hoofd_object=f"{power}.{name}", resource="parameter",
                  resource_id=row.id, weergave=f"{power}.{name} bevestigd vanaf {valid_from:%d-%m-%Y}",
                  oud=_default_at(series, valid_from),
                  nieuw={"waarde": value, "geldig_vanaf": valid_from, **source})
    session.commit()
    return row


def _read(series: ParameterSeries, fields: Mapping[str, Any]) -> tuple[Any, date, dict[str, str]]:
    """The value, the start date and the source, with every problem reported at once."""
    errors: dict[str, str] = {}
    results: list[Any] = []
    value = (lambda: read_table(series, fields)) if is_table(series.values()[-1].value) else (
        lambda: read_value(series, fields.get("waarde", "")))
    for read in (value, lambda: _valid_from(series, fields),
                 lambda: read_source(fields)):
        try:
            results.append(read())
        except InvalidInput as exc:
            errors.update(exc.errors)
    if errors:
        raise InvalidInput(errors, "De bevestiging is niet opgeslagen. Verbeter de velden hieronder.")
    return results[0], results[1], results[2]


def _valid_from(series: ParameterSeries, fields: Mapping[str, Any]) -> date:
    text = str(fields.get("geldig_vanaf") or "").strip()
    try:
        found = date.fromisoformat(text)
    except ValueError:
        raise InvalidInput({"geldig_vanaf": "Vul de datum in waarop het beleid ingaat, bijvoorbeeld "
                                            "3-5-2010."}) from None
    if found < series.starts[0]:
        raise InvalidInput({"geldig_vanaf": "Deze parameter heeft pas een waarde vanaf "
                                            f"{series.starts[0].strftime('%d-%m-%Y')}. Kies die datum of later."})
    return found


def _value_today(series: ParameterSeries, today: date) -> ParameterValue | None:
    try:
        return series.value_at(today)
    except ParameterNotInForce:
        return None


def _default_at(series: ParameterSeries, on: date) -> dict[str, Any] | None:
    value = _value_today(series, on)
    return None if value is None else {"waarde": value.value, "status": value.status, "bron": value.reference}
