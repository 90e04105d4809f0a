"""Shared builders for the letter tests: a hand-made Assessment, LetterInputs and a read-back helper.

The Assessment is built by hand so these tests do not depend on the rules engine.
"""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date
from typing import Any

import docx

from app.domain.assessment import Assessment, ParameterValue, TraceEntry
from app.letters.context import LetterInput, Recipient, addressee_for
from app.letters.manifest import ManifestEntry, find_entry, load_manifest

ROLE_FOR_ADDRESSEE = {"bewoner": "overtreder", "rechthebbende": "rechthebbende"}
DEADLINES = {
    "zienswijze_tot": date(2026, 4, 15),
    "begunstigingstermijn_tot": date(2026, 4, 15),
    "sluiting_van": date(2026, 4, 16),
    "sluiting_tot": date(2026, 7, 16),
    "bezwaar_tot": date(2026, 5, 13),
}

GEGEVENS = {
    "substances": [{"name": "cocaïne", "opiumwet_list": "lijst_i", "quantity": 2.5, "unit": "g"}],
    "objects_13b_1b": [{"description": "versnijdingsmiddel in zakjes", "basis": "art_11a"}],
    "attributes_found": ["weegschaal", "verpakkingsmateriaal"],
    "dealing_evidence": ["politie_observatie", "loop"],
}


def assessment() -> Assessment:
    """A damocles assessment with one competence rule, one policy rule and one unfired exception."""
    param = ParameterValue(name="eigen_gebruik_harddrugs_g", value=0.5, valid_from=date(2019, 1, 1),
                           status="national practice", reference={"title": "OM-praktijk"}, unit="g")
    bevoegd = TraceEntry(
        rule="bevoegd_handelshoeveelheid_harddrugs", kind="bevoegdheid", value="bevoegd",
        legal_basis={"title": "Opiumwet art. 13b lid 1 onder a", "href": "https://wetten.overheid.nl/x"},
        explanation="Er is meer harddrugs gevonden dan voor eigen gebruik. De burgemeester mag dan aannemen "
                    "dat de drugs er zijn om te verkopen.",
        facts={"hard_drugs_g": 2.5}, parameters={"eigen_gebruik_harddrugs_g": param})
    beleid = TraceEntry(
        rule="beleid_woning_harddrugs", kind="beleid", value="sluiting",
        legal_basis={"title": "Beleidsregels artikel 13b Opiumwet Maastricht", "href": "https://cvdr.nl/x"},
        explanation="Volgens het beleid volgt bij harddrugs in een woning een sluiting van drie maanden.")
    oordeel = TraceEntry(rule="oordeel_tijd", kind="oordeel", value="tijdsverloop", legal_basis={},
                         explanation="Weeg het tijdsverloop.")
    niet = TraceEntry(rule="uitzondering_praktijk_lid_2", kind="uitzondering", value="niet_bevoegd",
                      legal_basis={"title": "Opiumwet art. 13b lid 2"}, explanation="Geen praktijkruimte.")
    return Assessment(power="damocles", peildatum=date(2026, 3, 1), ruleset="damocles__20250701",
                      rules_sha256="0" * 64, engine="durable-rules 2.0.28", facts={"hard_drugs_g": 2.5},
                      parameters={"eigen_gebruik_harddrugs_g": param}, fired=(bevoegd, beleid, oordeel),
                      not_fired=(niet,))


def judgement(reasoning: str, outcome: str = "voldaan") -> dict[str, str]:
    """One recorded judgement as stored JSON."""
    return {"outcome": outcome, "reasoning": reasoning, "recorded_by": "jurist@example.org"}


def letter_input(outcome: str = "sluiting", rol: str = "overtreder", **overrides: Any) -> LetterInput:
    """A realistic LetterInput; keyword arguments replace fields."""
    base = LetterInput(
        power="damocles", outcome=outcome, kenmerk="Z-2026-0042-B1", verzenddatum=date(2026, 4, 1),
        recipient=Recipient(naam="J. Jansen", rol=rol,
                            adresregels=("Voorbeeldstraat 12 A", "6211 AB  MAASTRICHT")),
        premises_adresregels=("Voorbeeldstraat 12 A", "6211 AB Maastricht"),
        premises_omschrijving="de woning",
        melding_bron="bestuurlijke rapportage van de politie", melding_kenmerk="PL2300-2026-1234",
        melding_datum=date(2026, 3, 5), finding_date=date(2026, 3, 1), assessment=assessment(),
        judgements={
            "geschiktheid": judgement("Sluiting doorbreekt de loop naar de woning."),
            "noodzakelijkheid": judgement("Buren klaagden al over overlast."),
            "evenwichtigheid": judgement("Er wonen geen kinderen en er is andere woonruimte."),
            "duur": judgement("Drie maanden is de kortste periode die werkt.", "passend"),
            "bijzondere_omstandigheden": judgement("Die zijn er niet.", "nee"),
        },
        zienswijze={"ontvangen": True, "samenvatting": "De drugs waren van een logé.",
                    "reactie": "Dat is niet aannemelijk gemaakt."},
        sluiting_maanden=None if outcome == "waarschuwing" else 3,
        deadlines=dict(DEADLINES), rechthebbende_naam="Woonstichting Maasdal",
        ondertekening=("De burgemeester van Maastricht,", "", "A.B. Voorbeeld"),
        behandeld_door="mr. C. de Vries, telefoon 14 043",
        melding_gegevens=GEGEVENS,
    )
    return replace(base, **overrides)


def entries() -> tuple[ManifestEntry, ...]:
    """The manifest entries of letter_templates/."""
    return load_manifest()


def input_for(entry: ManifestEntry, **overrides: Any) -> LetterInput:
    """A LetterInput whose outcome and recipient role fit a manifest entry."""
    return letter_input(entry.outcome, ROLE_FOR_ADDRESSEE[entry.addressee], **overrides)


def template_for(letter: LetterInput) -> str:
    """The manifest name of the template for a LetterInput."""
    return find_entry(entries(), letter.power, letter.outcome, addressee_for(letter.recipient.rol)).template


def read_back(data: bytes) -> dict[str, Any]:
    """The text of a rendered letter: body paragraphs, header and footer paragraphs, core properties."""
    document = docx.Document(io.BytesIO(data))
    section = document.sections[0]
    return {
        "body": [p.text for p in document.paragraphs],
        "header": [p.text for p in section.header.paragraphs],
        "footer": [p.text for p in section.footer.paragraphs],
        "title": document.core_properties.title,
        "identifier": document.core_properties.identifier,
        "language": document.core_properties.language,
        "created": document.core_properties.created,
    }


def docx_with(*paragraphs: str) -> bytes:
    """A minimal .docx with one paragraph per argument (for sandbox and error tests)."""
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
