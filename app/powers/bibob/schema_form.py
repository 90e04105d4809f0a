"""Bibob case file, the screening part: the Bibob form (art. 7a, Awb 4:5), the own investigation (art. 7a-7c,
11a) and the facts that indicate a relation to offences (art. 3a)."""

from __future__ import annotations

from typing import Any

from marshmallow import ValidationError, validate, validates_schema

from app import clock
from app.schemas.base import StrictSchema
from app.schemas.fields import Boolean, Date, List, choice, text

SCREENING_TRIGGERS = ("standaard", "indicatie")
RESEARCH_SOURCES = ("open_bronnen", "fiscale_boetes", "lbb_11a", "politie", "riec", "overig")
# Art. 3a: what indicates a relation; a sepot may be used, an acquittal (vrijspraak) may not.
FACT_KINDS = ("veroordeling", "strafbeschikking_onherroepelijk", "transactie", "bestuurlijke_boete_onherroepelijk",
              "boete_eerste_aanleg_in_stand", "sepot", "vrijspraak")
VRIJSPRAAK, SEPOT = "vrijspraak", "sepot"
SEPOT_KINDS = ("beleidssepot", "technisch_sepot")
# Art. 3 lid 2 (ground a) and lid 3 (ground b): what the degree of danger rests on, one sentence each in the letter.
CRITERIA = ("ernst", "relatie", "voordeel", "samenhang", "aantal")


def _not_in_future(field: str, value: Any) -> None:
    if value is not None and value > clock.today():
        raise ValidationError({field: ["Deze datum ligt in de toekomst."]})


class BibobFormSchema(StrictSchema):
    """The Bibob questionnaire (art. 7a): received, complete, what is missing, and when the applicant was asked to
    complete it (Awb 4:5); `completed_on` ends the suspension of the decision period (Awb 4:15 lid 1 onder a)."""

    received = Boolean(load_default=False)
    complete = Boolean(load_default=False)
    missing = List(text(300), load_default=list, validate=validate.Length(
        max=30, error="Noem hoogstens dertig ontbrekende gegevens."))
    herstel_requested_on = Date(load_default=None, allow_none=True)
    completed_on = Date(load_default=None, allow_none=True)

    @validates_schema
    def _consistent(self, data: dict[str, Any], **_: Any) -> None:
        if data["complete"] and not data["received"]:
            raise ValidationError({"complete": ["Een formulier dat niet is ontvangen, is niet compleet."]})
        if data["complete"] and data["missing"]:
            raise ValidationError({"missing": ["Een compleet formulier mist niets; maak de lijst leeg."]})
        if data.get("completed_on") and not data["complete"]:
            raise ValidationError({"completed_on": ["Vul alleen een datum van aanvulling in bij een compleet "
                                                    "formulier."]})
        for name in ("herstel_requested_on", "completed_on"):
            _not_in_future(name, data.get(name))
        asked, done = data.get("herstel_requested_on"), data.get("completed_on")
        if asked and done and done < asked:
            raise ValidationError({"completed_on": ["De aanvulling ligt voor het verzoek om aan te vullen."]})


def empty_form() -> dict[str, Any]:
    """A case file without a form yet: nothing received."""
    return {"received": False, "complete": False, "missing": [], "herstel_requested_on": None, "completed_on": None}


class OwnResearchSchema(StrictSchema):
    """A finding of the own investigation: open sources, fines data, the art. 11a query, police, RIEC."""

    source = choice(RESEARCH_SOURCES, required=True)
    finding = text(3000, required=True)
    date = Date(required=True)
    in_motivering = Boolean(load_default=False)  # art. 28 lid 2 onder a: a letter prints only what the reasons need

    @validates_schema
    def _in_the_past(self, data: dict[str, Any], **_: Any) -> None:
        _not_in_future("date", data["date"])


class Fact3aSchema(StrictSchema):
    """A fact with its art. 3a character; `person` empty: the betrokkene himself. A sepot carries its kind and the
    body's own assessment of the underlying facts (the letter weighs those facts, not the sepot)."""

    kind = choice(FACT_KINDS, required=True)
    date = Date(required=True)
    offence = text(500, required=True)
    person = text(200, load_default="")
    in_motivering = Boolean(load_default=False)
    sepot_soort = choice(SEPOT_KINDS, load_default=None, allow_none=True)
    beoordeling = text(2000, load_default="")

    @validates_schema
    def _in_the_past(self, data: dict[str, Any], **_: Any) -> None:
        _not_in_future("date", data["date"])


class DangerCriteriaSchema(StrictSchema):
    """How the body weighed the degree of danger, per criterion: the seriousness of the suspicion and the nature of
    the relation (art. 3 lid 2 and 3), the size of the advantages (lid 2, ground a), the connection with the permitted
    activity and the number of offences (lid 3, ground b)."""

    ernst = text(1000, load_default="")
    relatie = text(1000, load_default="")
    voordeel = text(1000, load_default="")
    samenhang = text(1000, load_default="")
    aantal = text(1000, load_default="")


def empty_criteria() -> dict[str, Any]:
    """No criterion weighed yet."""
    return dict.fromkeys(CRITERIA, "")
