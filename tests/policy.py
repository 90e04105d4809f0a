"""Test helper: the municipality's confirmations of every policy default, as a beheerder would enter them.

Drafting a besluit or a voornemen needs confirmed policy values (issue 6). Most tests are about something
else, so conftest confirms every default from its own first date with the same value; a test marked
`unconfirmed_policy` starts without confirmations.
"""

from __future__ import annotations

from flask import Flask
from sqlalchemy.orm import Session

from app.models import ParameterBevestiging, User

SOURCE = {"bron_titel": "Beleidsregels inzake de toepassing van artikel 13b Opiumwet (test)",
          "bron_artikel": "artikel 1", "bron_publicatie": "Gemeenteblad 2010, C nr. 46 (test)",
          "bron_href": "https://lokaleregelgeving.overheid.nl/CVDR110009"}


def confirm_defaults(db: Session, app: Flask, beheerder: User) -> int:
    """Confirm every default still to confirm, of every power, with its own value and date: scalars as a beheerder
    would, and a mapping (the text of a by-law norm) as a new dated value in the rule files would."""
    rt, count = app.extensions["bevoegd"], 0
    for power in rt.book.powers:
        for name, series in rt.book.parameter_series(power).items():
            for start, value in zip(series.starts, series.resolved, strict=True):
                if value is None or not value.to_confirm or type(value.value) not in (bool, int, float, str, dict):
                    continue
                db.add(ParameterBevestiging(bevoegdheid=power, parameter=name, waarde=value.value,
                                            geldig_vanaf=start, bevestigd_door_id=beheerder.id, **SOURCE))
                count += 1
    db.commit()
    return count
