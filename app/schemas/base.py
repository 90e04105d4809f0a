"""Base schemas every power uses: strict (unknown fields refused), an address, a person, a rechthebbende.

An address is in the Netherlands, Belgium or Germany (`land`, default Nederland): Maastricht is a border city.
The postcode and house number are checked in the format of that country. The premises or the place of a
violation (the melding's `adres`) is in the Netherlands only: the mayor is competent in his own municipality.
"""

from __future__ import annotations

import re
from typing import Any

from marshmallow import RAISE, Schema, ValidationError, post_load, pre_load, validate, validates_schema

from app.domain.addressees import COUNTRIES, HOME
from app.domain.codes import RECHTHEBBENDE_SOORTEN
from app.schemas.fields import CleanString, choice, text

YES_NO_UNKNOWN = ("yes", "no", "unknown")
_NL_POSTCODE, _NL_POSTCODE_MESSAGE = r"^[1-9][0-9]{3} ?[A-Za-z]{2}$", "Vul een postcode in als 1234 AB."
_NL_HUISNUMMER = r"^[1-9][0-9]{0,4}( ?[A-Za-z0-9-]{1,6})?$"
_NL_HUISNUMMER_MESSAGE = "Vul een huisnummer in, eventueel met toevoeging (12, 12a, 12-2)."
POSTCODE = validate.Regexp(_NL_POSTCODE, error=_NL_POSTCODE_MESSAGE)  # Dutch only (earlier measures' premises)
HUISNUMMER = validate.Regexp(_NL_HUISNUMMER, error=_NL_HUISNUMMER_MESSAGE)
# Per country: the pattern and the message that names its format. Belgium: 1000-9999, a house number with a
# letter or a box ("12 bus 3", in Wallonia "12 bte 3", or "12/3"). Germany: five digits (none starts with 00),
# a house number with a letter or a range ("12a", "12-14").
POSTCODES = {
    "NL": (re.compile(_NL_POSTCODE), _NL_POSTCODE_MESSAGE),
    "BE": (re.compile(r"^[1-9][0-9]{3}$"), "Vul een Belgische postcode in: vier cijfers, zoals 4000."),
    "DE": (re.compile(r"^(?!00)[0-9]{5}$"), "Vul een Duitse postcode in: vijf cijfers, zoals 52062."),
}
HUISNUMMERS = {
    "NL": (re.compile(_NL_HUISNUMMER), _NL_HUISNUMMER_MESSAGE),
    "BE": (re.compile(r"^[1-9][0-9]{0,4}[A-Za-z]?( ?(bus|bte|boîte) ?[0-9A-Za-z]{1,5}| ?/ ?[0-9A-Za-z]{1,5})?$",
                      re.IGNORECASE),
           "Vul een Belgisch huisnummer in, eventueel met letter of bus (12, 12A, 12 bus 3)."),
    "DE": (re.compile(r"^[1-9][0-9]{0,4} ?[A-Za-z]?( ?[-/] ?[1-9][0-9]{0,4} ?[A-Za-z]?)?$"),
           "Vul een Duits huisnummer in, eventueel met letter of tweede nummer (12, 12a, 12-14)."),
}
COUNTRY_MESSAGE = "Kies Nederland, België of Duitsland."


class StrictSchema(Schema):
    error_messages = {"unknown": "Onbekend veld.", "type": "Ongeldige invoer."}

    class Meta:
        unknown = RAISE


class AdresSchema(StrictSchema):
    """A postal address in the Netherlands (default), Belgium or Germany."""

    straat = text(200, required=True)
    huisnummer = CleanString(required=True, validate=validate.Length(max=20, error="Gebruik hoogstens 20 tekens."))
    postcode = CleanString(required=True)
    woonplaats = text(100, required=True)
    land = CleanString(load_default=HOME, validate=validate.OneOf(tuple(COUNTRIES), error=COUNTRY_MESSAGE),
                       metadata={"description": "Land van het adres: NL (Nederland, standaard), BE (België) of "
                                                "DE (Duitsland)."})

    @pre_load
    def _no_country_is_home(self, data: Any, **_: Any) -> Any:
        """A form without a chosen country (or the API without `land`) means an address in the Netherlands."""
        if isinstance(data, dict) and data.get("land") in ("", None):
            return {k: v for k, v in data.items() if k != "land"}
        return data

    @validates_schema(skip_on_field_errors=False)  # every problem in one go
    def _in_the_country_format(self, data: dict[str, Any], **_: Any) -> None:
        """The postcode and house number as the country writes them; with an unknown country only that is said."""
        if "land" not in data:  # the country itself was refused
            return
        errors = {}
        for name, formats in (("huisnummer", HUISNUMMERS), ("postcode", POSTCODES)):
            pattern, message = formats[data["land"]]
            if name in data and not pattern.match(data[name]):
                errors[name] = [message]
        if errors:
            raise ValidationError(errors)

    @post_load
    def _normalise_postcode(self, data: dict[str, Any], **_: Any) -> dict[str, Any]:
        """NEN 5825 writes a Dutch postcode as 1234 AB in every letter; a Belgian or German one is digits only."""
        if data["land"] != HOME:
            return data
        code = data["postcode"].replace(" ", "").upper()
        return {**data, "postcode": f"{code[:4]} {code[4:]}"}


class BinnenlandsAdresSchema(AdresSchema):
    """An address in the Netherlands only: the premises or the place of a violation in the municipality (the
    mayor's competence ends at its border), which the zaak keeps without a country."""

    land = CleanString(load_default=HOME, validate=validate.OneOf((HOME,), error=(
        "Dit adres ligt in Nederland: de burgemeester is alleen bevoegd in zijn eigen gemeente.")),
        metadata={"description": "Altijd NL: het pand of de plaats van de overtreding ligt in de gemeente."})


class RechthebbendeSchema(AdresSchema):
    naam = text(200, required=True)
    soort = choice(tuple(s for s in RECHTHEBBENDE_SOORTEN if s != "niet_van_toepassing"), required=True)
