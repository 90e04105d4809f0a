"""The melding: one envelope for every power (source, date, place) and the power's own sections.

A power declares its melding schema as a subclass of `MeldingEnvelope` with its case file under
`gegevens` and any sections of its own. `MeldingSchema` reads `zaaktype` and loads the rest with that
power's schema, so the forms, the API, the CLI and the seed share one request shape for every power.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from marshmallow import Schema, ValidationError, validate, validates_schema

from app import clock
from app.domain.codes import BRON_SOORTEN
from app.schemas.base import BinnenlandsAdresSchema, StrictSchema
from app.schemas.fields import CleanString, Date, Moment, Nested, choice, text


class MeldingEnvelope(StrictSchema):
    """What every melding has: an idempotency key, the power, the source document, the date and the place."""

    # Required for forms (hidden field); the API may send an Idempotency-Key header instead.
    submission_id = CleanString(load_default=None,
                                validate=validate.Length(min=8, max=64, error="Ongeldige inzending."))
    zaaktype = text(40, required=True)
    bron_soort = choice(BRON_SOORTEN, required=True)
    bron_kenmerk = text(100, required=True)
    bron_datum = Date(required=True)
    pleegdatum = Date(required=True)
    toelichting = text(5000, load_default="")
    adres = Nested(BinnenlandsAdresSchema, required=True)  # the premises or place: in the municipality

    @validates_schema
    def _dates_in_order(self, data: dict[str, Any], **_: Any) -> None:
        errors = {}
        if data["pleegdatum"] > clock.today():
            errors["pleegdatum"] = ["De datum van het aantreffen ligt in de toekomst."]
        if data["bron_datum"] < data["pleegdatum"]:
            errors["bron_datum"] = ["Het rapport kan niet dateren van vóór het aantreffen."]
        elif data["bron_datum"] > clock.today():
            errors["bron_datum"] = ["De datum van het rapport ligt in de toekomst."]
        if errors:
            raise ValidationError(errors)


class MeldingSchema(Schema):
    """Loads a melding of any registered power: `zaaktype` picks the power's schema."""

    def __init__(self, powers: Mapping[str, Any] | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._powers = powers

    def load(self, data: Any, *, many: bool | None = None, partial: Any = None, unknown: Any = None) -> Any:
        """Validate and load; raises ValidationError with Dutch messages (nothing is stored)."""
        if not isinstance(data, Mapping):
            raise ValidationError({"_schema": ["Stuur de melding als object."]})
        powers = self._powers if self._powers is not None else _registered()
        code = data.get("zaaktype")
        if not isinstance(code, str) or code not in powers:
            raise ValidationError({"zaaktype": ["Kies een bekende bevoegdheid."]})
        return powers[code].melding_schema().load(data, partial=partial)


def _registered() -> Mapping[str, Any]:
    from app.powers import registry  # the registry imports the powers, which import these schemas

    return registry()


def dated_by_moments(data: Any, rows: str, moment: str, pick: Any) -> Any:
    """A melding whose date is a moment in its case file (the first observation, the latest incident): fill
    `pleegdatum` and `bron_datum` when the form does not ask for them twice. `pick` is min or max over the rows'
    moments; unreadable moments fall back to today and their own field reports the problem."""
    if not isinstance(data, Mapping):
        return data
    found = (data.get("gegevens") or {}).get(rows) or []
    try:
        day = pick(Moment().deserialize(r.get(moment)) for r in found if isinstance(r, dict)).date().isoformat()
    except (ValidationError, ValueError, TypeError, AttributeError):
        day = clock.today().isoformat()
    return {**data, "pleegdatum": data.get("pleegdatum") or day, "bron_datum": data.get("bron_datum") or day}
