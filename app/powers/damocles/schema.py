"""The Damocles melding: the police report of a drug find, its residents and owner, and the case file."""

from __future__ import annotations

from typing import Any

from marshmallow import ValidationError, validate, validates_schema

from app.domain.addressees import is_minor
from app.schemas.base import YES_NO_UNKNOWN, RechthebbendeSchema, StrictSchema
from app.schemas.fields import BirthDate, Boolean, CleanString, Decimal, Integer, List, Nested, choice, text
from app.schemas.melding import MeldingEnvelope

RISK = ("none", "possible", "announced", "unknown")
# A mobile home (woonwagen, stacaravan) or a houseboat (woonboot) that someone lives in is a dwelling.
PREMISES_TYPES = ("woning", "woonwagen", "woonboot", "lokaal", "erf_bij_woning", "erf_bij_lokaal", "voertuig",
                  "openbare_ruimte")
CHILD_EFFECT = ("none", "limited", "serious", "unknown")
LACHGAS_NAMEN = ("lachgas", "distikstofoxide", "n2o")
SLUITOBJECTEN = ("woning", "woning_en_erf", "erf_bij_woning", "woonwagen", "woonboot", "lokaal", "lokaal_en_erf",
                 "erf_bij_lokaal")
# The case-file fields that say what a closure is: a besluit must close what its voornemen announced.
MEASURE_FIELDS = ("sluitobject",)


class PersoonSchema(StrictSchema):
    naam = text(200, required=True)
    roltype = choice(("overtreder", "bewoner"), load_default="bewoner")
    geboortedatum = BirthDate(load_default=None, allow_none=True)


class SubstanceSchema(StrictSchema):
    name = text(100, required=True)
    opiumwet_list = choice(("lijst_i", "lijst_ii", "lijst_ia", "art_3a_lid_5"), required=True)
    quantity = Decimal(required=True, validate=validate.Range(
        min=0, max=1_000_000, min_inclusive=False, error="Vul een hoeveelheid in tussen 0 en 1.000.000."))
    # units: pieces (pills, tablets, blotters); cartridges: lachgas cartridges or cylinders; cuttings: stekken
    unit = choice(("g", "ml", "units", "cartridges", "plants", "cuttings"), required=True)
    soort = choice(("lachgas",), load_default=None, allow_none=True)  # lachgas: its own class (lijst II, 2023)
    mirrors_list = choice(("lijst_i", "lijst_ii"), load_default=None, allow_none=True)  # art. 3a lid 5 only

    @validates_schema
    def _lachgas_has_its_class(self, data: dict[str, Any], **_: Any) -> None:
        """Nitrous oxide must not be judged as soft drugs against the cannabis threshold (review finding 14)."""
        if any(w in data.get("name", "").casefold() for w in LACHGAS_NAMEN) and data.get("soort") != "lachgas":
            raise ValidationError("Kies bij soort 'lachgas': lachgas heeft een eigen grens en is geen softdrug.",
                                  "soort")


class ObjectSchema(StrictSchema):
    description = text(300, required=True)
    basis = choice(("art_10a_lid1_sub3", "art_10c_lid1_sub3", "art_11a"), required=True)


class DamoclesCaseFileSchema(StrictSchema):
    """The case file of a damocles melding (docs/contracts.md)."""

    premises_type = choice(PREMISES_TYPES, required=True)
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
    # Whether minors live in the dwelling, as the officer found it (Harderwijk: the household is known before a
    # closure), and how many where known; weighed in J5 and in the effect of a closure on the children.
    minors_in_household = choice(YES_NO_UNKNOWN, load_default="unknown", metadata={
        "description": "Wonen er minderjarigen in de woning: yes (ja), no (nee) of unknown (onbekend)."})
    minors_count = Integer(load_default=None, allow_none=True, validate=validate.Range(
        min=0, max=30, error="Vul een aantal van 0 tot en met 30 in."), metadata={
        "description": "Aantal minderjarigen in het huishouden, als dat bekend is (leeg: onbekend)."})
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
    # Weighed in evenwichtigheid (J5): documented financial hardship of the household, and what a closure
    # would do to the children (ECLI:NL:RBLIM:2024:636; ECLI:NL:RVS:2023:3950).
    financial_hardship_documented = choice(YES_NO_UNKNOWN, load_default="unknown")
    closure_effect_on_children = choice(CHILD_EFFECT, load_default="unknown")
    # What the jurist closes, chosen apart from where the drugs were found (a find in the yard does not close
    # only the yard by accident), with its BAG id where known; the premises' own name; the copy recipient.
    sluitobject = choice(SLUITOBJECTEN, load_default=None, allow_none=True)
    sluitobject_bag_id = CleanString(load_default=None, allow_none=True, validate=validate.Regexp(
        r"^\d{16}$", error="Een BAG-identificatie bestaat uit 16 cijfers."))
    naam_inrichting = text(200, load_default=None, allow_none=True)
    # The clock time the closure starts on its first day (a besluit names it: legal certainty, Awb 5:24 lid 1).
    sluiting_aanvang = CleanString(load_default=None, allow_none=True, validate=validate.Regexp(
        r"^([01]?\d|2[0-3])[.:][0-5]\d$", error="Vul een tijd in als 10.00."))
    # An established sale as the report records it (what was seen or admitted, when, page): the letter quotes it.
    bevindingen_handel = text(2000, load_default=None, allow_none=True)
    afschrift_ontvanger = text(200, load_default=None, allow_none=True)
    afschrift_inhoud = choice(("mededeling", "volledig"), load_default="mededeling")

    @validates_schema
    def _minors_agree(self, data: dict[str, Any], **_: Any) -> None:
        """A number of minors must agree with whether minors live there: the rules read only the latter."""
        count, minors = data.get("minors_count"), data.get("minors_in_household", "unknown")
        if count is not None and minors != ("yes" if count > 0 else "no"):
            raise ValidationError("Dit aantal past niet bij het antwoord op de vraag of er minderjarigen wonen.",
                                  "minors_count")


class DamoclesMeldingSchema(MeldingEnvelope):
    """A police report (or BOA report) of drugs found in premises, as submitted by handhaving."""

    bewoners = List(Nested(PersoonSchema), load_default=list, validate=validate.Length(
        min=1, max=10, error="Vul ten minste één bewoner of overtreder in."))
    rechthebbende = Nested(RechthebbendeSchema, load_default=None, allow_none=True)
    gegevens = Nested(DamoclesCaseFileSchema, required=True)

    @validates_schema
    def _no_minors_but_a_minor(self, data: dict[str, Any], **_: Any) -> None:
        """A resident under 18 on the finding date contradicts "no minors" (a closure would pass them by)."""
        born = [p.get("geboortedatum") for p in data.get("bewoners", [])]
        if data["gegevens"].get("minors_in_household") == "no" and any(is_minor(b, data["pleegdatum"]) for b in born):
            raise ValidationError({"gegevens": {"minors_in_household": [
                "Een van de bewoners is volgens de geboortedatum minderjarig: kies 'Ja'."]}})


# The jurist completes the proportionality facts on the case page.
EDITABLE_FACTS = (
    "person_who_dealt", "resident_role", "minors_in_household", "minors_count", "vulnerable_residents", "pets_present",
    "landlord_kind", "lease_dissolution_risk", "blacklist_risk", "alternative_housing_available",
    "gezinsvoorziening_offered", "bekendheid_drugsmilieu", "complaints_count", "sensitive_area",
    "eigen_gebruik_explanation", "financial_hardship_documented", "closure_effect_on_children",
    "sluitobject", "sluitobject_bag_id", "naam_inrichting", "sluiting_aanvang", "bevindingen_handel",
    "afschrift_ontvanger",
    "afschrift_inhoud",
)
