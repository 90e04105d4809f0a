"""marshmallow schemas shared by the HTML forms and the JSON API; one schema per use case.

Messages are Dutch; strings are cleaned before anything is stored. The API exposes ZGW-style names.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from marshmallow import RAISE, Schema, ValidationError, fields, post_load, validate, validates_schema

from app.models.zaak import BRON_SOORTEN, RECHTHEBBENDE_SOORTEN
from app.web.fields import Boolean, CleanString, Date, Decimal, Integer, List, Nested, choice, text

YES_NO_UNKNOWN = ("yes", "no", "unknown")
RISK = ("none", "possible", "announced", "unknown")
POSTCODE = validate.Regexp(r"^[1-9][0-9]{3} ?[A-Za-z]{2}$", error="Vul een postcode in als 1234 AB.")
HUISNUMMER = validate.Regexp(r"^[1-9][0-9]{0,4}( ?[A-Za-z0-9-]{1,6})?$",
                             error="Vul een huisnummer in, eventueel met toevoeging (12, 12a, 12-2).")


class StrictSchema(Schema):
    error_messages = {"unknown": "Onbekend veld.", "type": "Ongeldige invoer."}

    class Meta:
        unknown = RAISE


class AdresSchema(StrictSchema):
    straat = text(200, required=True)
    huisnummer = CleanString(required=True, validate=HUISNUMMER)
    postcode = CleanString(required=True, validate=POSTCODE)
    woonplaats = text(100, required=True)

    @post_load
    def _normalise_postcode(self, data: dict[str, Any], **_: Any) -> dict[str, Any]:
        """NEN 5825 writes a postcode as 1234 AB in every letter."""
        code = data["postcode"].replace(" ", "").upper()
        return {**data, "postcode": f"{code[:4]} {code[4:]}"}


class PersoonSchema(StrictSchema):
    naam = text(200, required=True)
    roltype = choice(("overtreder", "bewoner"), load_default="bewoner")
    geboortedatum = Date(load_default=None, allow_none=True)


class RechthebbendeSchema(AdresSchema):
    naam = text(200, required=True)
    soort = choice(tuple(s for s in RECHTHEBBENDE_SOORTEN if s != "niet_van_toepassing"), required=True)


class SubstanceSchema(StrictSchema):
    name = text(100, required=True)
    opiumwet_list = choice(("lijst_i", "lijst_ii", "lijst_ia", "art_3a_lid_5"), required=True)
    quantity = Decimal(required=True, validate=validate.Range(
        min=0, max=1_000_000, min_inclusive=False, error="Vul een hoeveelheid in tussen 0 en 1.000.000."))
    unit = choice(("g", "units", "plants", "ml"), required=True)


class ObjectSchema(StrictSchema):
    description = text(300, required=True)
    basis = choice(("art_10a_lid1_sub3", "art_10c_lid1_sub3", "art_11a"), required=True)


class DamoclesCaseFileSchema(StrictSchema):
    """The case file of a damocles melding (docs/contracts.md)."""

    premises_type = choice(("woning", "lokaal", "erf_bij_woning", "erf_bij_lokaal", "voertuig", "openbare_ruimte"),
                           required=True)
    lokaal_subtype = choice(("horeca", "coffeeshop", "bedrijfspand", "loods", "niet_bewoonde_woning", "overig"),
                            load_default=None, allow_none=True)
    medical_practice_use = Boolean(load_default=False)
    substances = List(Nested(SubstanceSchema), load_default=list)
    objects_13b_1b = List(Nested(ObjectSchema), load_default=list)
    dealing_evidence = List(choice(("politie_observatie", "loop", "mma_melding_bevestigd",
                                    "verklaring_betrokkene", "verklaring_derden")), load_default=list)
    attributes_found = List(choice(("weegschaal", "verpakkingsmateriaal", "contant_geld", "meerdere_telefoons",
                                    "versnijdingsmiddel", "kweekbenodigdheden", "geldtelmachine")),
                            load_default=list)
    weapon_found = Boolean(load_default=False)
    person_who_dealt = choice(("self", "partner", "ex_partner", "adult_child", "minor_child", "third_party",
                               "unknown"), load_default="unknown")
    resident_role = choice(("overtreder", "huurder_onwetend", "eigenaar_bewoner", "verhuurder_eigenaar",
                            "unknown"), load_default="unknown")
    minors_in_household = choice(YES_NO_UNKNOWN, load_default="unknown")
    vulnerable_residents = choice(YES_NO_UNKNOWN, load_default="unknown")
    pets_present = choice(YES_NO_UNKNOWN, load_default="unknown")
    landlord_kind = choice(("particulier", "woningcorporatie", "eigenaar_bewoner", "unknown"), load_default="unknown")
    lease_dissolution_risk = choice(RISK, load_default="unknown")
    blacklist_risk = choice(RISK, load_default="unknown")
    alternative_housing_available = choice(YES_NO_UNKNOWN, load_default="unknown")
    gezinsvoorziening_offered = choice(YES_NO_UNKNOWN, load_default="unknown")
    bekendheid_drugsmilieu = choice(YES_NO_UNKNOWN, load_default="unknown")
    complaints_count = Integer(load_default=0, validate=validate.Range(min=0, max=10000,
                                                                       error="Vul een aantal van 0 of meer in."))
    sensitive_area = choice(YES_NO_UNKNOWN, load_default="unknown")
    eigen_gebruik_explanation = choice(YES_NO_UNKNOWN, load_default="unknown")


class MeldingSchema(StrictSchema):
    """A police report (or BOA report) of a possible violation, as submitted by handhaving."""

    # Required for forms (hidden field); the API may send an Idempotency-Key header instead.
    submission_id = CleanString(load_default=None,
                                validate=validate.Length(min=8, max=64, error="Ongeldige inzending."))
    zaaktype = choice(("damocles",), load_default="damocles")
    bron_soort = choice(BRON_SOORTEN, required=True)
    bron_kenmerk = text(100, required=True)
    bron_datum = Date(required=True)
    pleegdatum = Date(required=True)
    toelichting = text(5000, load_default="")
    adres = Nested(AdresSchema, required=True)
    bewoners = List(Nested(PersoonSchema), load_default=list, validate=validate.Length(
        min=1, max=10, error="Vul ten minste één bewoner of overtreder in."))
    rechthebbende = Nested(RechthebbendeSchema, load_default=None, allow_none=True)
    gegevens = Nested(DamoclesCaseFileSchema, required=True)

    @validates_schema
    def _dates_in_order(self, data: dict[str, Any], **_: Any) -> None:
        errors = {}
        if data["pleegdatum"] > date.today():
            errors["pleegdatum"] = ["De datum van het aantreffen ligt in de toekomst."]
        if data["bron_datum"] < data["pleegdatum"]:
            errors["bron_datum"] = ["Het rapport kan niet dateren van vóór het aantreffen."]
        if errors:
            raise ValidationError(errors)


EDITABLE_FACTS = (
    "person_who_dealt", "resident_role", "minors_in_household", "vulnerable_residents", "pets_present",
    "landlord_kind", "lease_dissolution_risk", "blacklist_risk", "alternative_housing_available",
    "gezinsvoorziening_offered", "bekendheid_drugsmilieu", "complaints_count", "sensitive_area",
    "eigen_gebruik_explanation",
)


class NieuweRechthebbendeSchema(RechthebbendeSchema):
    version = Integer(required=True)


def _editable(name: str) -> fields.Field:
    """The case file's field without its default: only the facts a form sends are changed."""
    field = DamoclesCaseFileSchema._declared_fields[name]
    return type(field)(validate=field.validate)


# The jurist completes the proportionality facts; the version detects concurrent edits.
FeitenSchema = StrictSchema.from_dict(
    {"version": Integer(required=True), **{name: _editable(name) for name in EDITABLE_FACTS}}, name="FeitenSchema"
)


class OordeelSchema(StrictSchema):
    version = Integer(required=True)  # of the zaak: a colleague's judgement in between is not overwritten
    code = text(60, required=True)
    outcome = text(60, required=True)
    reasoning = text(10000, required=True)


class ZienswijzeSchema(StrictSchema):
    version = Integer(required=True)
    outcome = choice(("ontvangen", "niet_ontvangen", "spoed_4_11_a", "eerder_gehoord_4_11_b", "verrassing_4_11_c"),
                     required=True)
    samenvatting = text(10000, load_default="")
    reactie = text(10000, required=True)
    nieuwe_feiten = Boolean(load_default=False)


class DraftSchema(StrictSchema):
    version = Integer(required=True)
    soort = choice(("waarschuwing", "voornemen_sluiting", "sluiting"), required=True)
    verzenddatum = Date(required=True)
    sluiting_maanden = Integer(load_default=None, allow_none=True)
    ingangsdatum = Date(load_default=None, allow_none=True)


class SubmitSchema(StrictSchema):
    version = Integer(required=True)
    ondertekenaar_id = Integer(required=True)


class ApproveSchema(StrictSchema):
    version = Integer(required=True)
    sha256 = List(CleanString(), required=True)


class ReturnSchema(StrictSchema):
    version = Integer(required=True)
    opmerking = text(5000, required=True)


class EvaluatieSchema(StrictSchema):
    """Stateless evaluation: a power, a date and one flat fact (the power's vocabulary)."""

    power = text(40, required=True)
    date = Date(required=True)
    verzenddatum = Date(load_default=None, allow_none=True)  # for the indicative deadlines; default today
    # Values stay raw: the rulebook checks each one strictly against the vocabulary (no coercion).
    facts = fields.Dict(keys=fields.String(), required=True,
                        error_messages={"required": "Dit veld is verplicht.", "invalid": "Geef de feiten als object."})
