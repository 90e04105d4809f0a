"""The Damocles melding: the police report of a drug find, its residents and owner, and the case file."""

from __future__ import annotations

from marshmallow import validate

from app.schemas.base import YES_NO_UNKNOWN, RechthebbendeSchema, StrictSchema
from app.schemas.fields import Boolean, Date, Decimal, Integer, List, Nested, choice, text
from app.schemas.melding import MeldingEnvelope

RISK = ("none", "possible", "announced", "unknown")


class PersoonSchema(StrictSchema):
    naam = text(200, required=True)
    roltype = choice(("overtreder", "bewoner"), load_default="bewoner")
    geboortedatum = Date(load_default=None, allow_none=True)


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


class DamoclesMeldingSchema(MeldingEnvelope):
    """A police report (or BOA report) of drugs found in premises, as submitted by handhaving."""

    bewoners = List(Nested(PersoonSchema), load_default=list, validate=validate.Length(
        min=1, max=10, error="Vul ten minste één bewoner of overtreder in."))
    rechthebbende = Nested(RechthebbendeSchema, load_default=None, allow_none=True)
    gegevens = Nested(DamoclesCaseFileSchema, required=True)


# The jurist completes the proportionality facts on the case page.
EDITABLE_FACTS = (
    "person_who_dealt", "resident_role", "minors_in_household", "vulnerable_residents", "pets_present",
    "landlord_kind", "lease_dissolution_risk", "blacklist_risk", "alternative_housing_available",
    "gezinsvoorziening_offered", "bekendheid_drugsmilieu", "complaints_count", "sensitive_area",
    "eigen_gebruik_explanation",
)
