"""The query string of every paged list: the period, the cursors and, per list, the search and filters.
Unknown parameters are refused (StrictSchema), so a mistyped filter is a Dutch message, never ignored."""

from __future__ import annotations

from typing import Any

from marshmallow import ValidationError, validate, validates_schema

from app.domain.codes import FASEN
from app.powers import registry
from app.schemas.base import StrictSchema
from app.schemas.fields import CleanString, Date, choice, text

CURSOR = validate.Regexp(r"^[A-Za-z0-9_-]{1,200}$", error="Deze paginalink klopt niet. Begin opnieuw bij de eerste "
                                                           "pagina.")


def cursor() -> CleanString:
    return CleanString(load_default="", validate=CURSOR)


class PagingSchema(StrictSchema):
    """A period and the cursors of a keyset-paged list (services/listing.py)."""

    van = Date(load_default=None, allow_none=True)
    tot = Date(load_default=None, allow_none=True)
    na = cursor()
    voor = cursor()

    @validates_schema(skip_on_field_errors=False)
    def _order(self, data: dict[str, Any], **_: Any) -> None:
        if data.get("van") and data.get("tot") and data["tot"] < data["van"]:
            raise ValidationError("De einddatum ligt vóór de begindatum.", "tot")
        if data.get("na") and data.get("voor"):
            raise ValidationError("Deze paginalink klopt niet. Begin opnieuw bij de eerste pagina.", "na")


class SearchSchema(PagingSchema):
    """Lists of zaken or of their decisions: search (kenmerk, address, name), power, behandelaar."""

    zoek = text(100, load_default="")
    bevoegdheid = CleanString(load_default="", validate=lambda code: code in registry() or _no_choice())
    behandelaar = CleanString(load_default="", validate=validate.Regexp(
        r"^([0-9]{1,12}|geen)$", error="Kies een van de mogelijke waarden."))


class ZaakFilterSchema(SearchSchema):
    """The case list and "Mijn meldingen": also the phase."""

    fase = choice(FASEN, load_default="")


class ReviewFilterSchema(SearchSchema):
    """The review queue: the two lists on its page page separately (`nc_` is the nacontrole's cursor)."""

    nc_na = cursor()
    nc_voor = cursor()


class WorkListSchema(PagingSchema):
    """A jurist's work lists (mine, the team's, not assigned): paged, no search (the case list has it)."""

    lijst = choice(("mijn", "team", "open"), load_default="mijn")


class LogFilterSchema(PagingSchema):
    """The auditor's logs."""

    log = choice(("audit", "toegang"), load_default="audit")
    kenmerk = text(100, load_default="")
    persoon = text(200, load_default="")


def _no_choice() -> bool:
    raise ValidationError("Kies een van de mogelijke waarden.")
