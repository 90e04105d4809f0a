"""The letters of a decision on a bezwaar, stored like any other beslissing's (services/documents.py): one to
the objector and, when the decision changes the besluit, one to each other addressee of the contested besluit.

Called from documents.build_letters inside the caller's transaction; nothing here commits.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from app import clock
from app.domain.deadlines import einde_termijn
from app.domain.objection_decision import CHANGING, CORE_LETTERS, kenmerk
from app.domain.procedure import body_of
from app.domain.serialize import jsonable
from app.letters.input import LetterInput, Recipient
from app.letters.kit import build_context
from app.letters.manifest import find_entry
from app.letters.objection import ADDRESSEE, ObjectionKit
from app.letters.phrases import BRON_WOORDEN
from app.letters.render import LIBRARY_VERSIONS, render_template
from app.models import Beslissing, Bezwaar, Document, Verzending
from app.runtime import Runtime
from app.services.assessment import REMEDY_WEEKS
from app.services.documents import Signer, ascii_slug, letter_recipients
from app.services.receipts import assessment_of
from app.services.review import current_documents

KIT = ObjectionKit()
OBJECTOR_ROLE = "indiener"  # the objector who is no betrokkene of the zaak (another interested party)


@dataclass(frozen=True)
class Addressee:
    """Who gets one letter: the betrokkene's id where there is one (the preview pairs letters with it)."""

    id: int
    naam: str
    roltype: str
    adresregels: tuple[str, ...]
    is_organisatie: bool
    aan_indiener: bool


def objection_letters(session: Any, rt: Runtime, besluit: Beslissing, signer: Signer, versie: int,  # noqa: PLR0913
                      status: str) -> list[tuple[Addressee, Document]]:
    """Each addressee with the letter as it would be stored (not added to the session)."""
    row = session.scalars(select(Bezwaar).where(Bezwaar.besluit_id == besluit.id)).one()
    return [(person, _document(session, rt, besluit, row, signer, person=person, versie=versie, status=status))
            for person in addressees(rt, row, besluit.maatregel["uitkomst"])]


def addressees(rt: Runtime, row: Bezwaar, uitkomst: str) -> list[Addressee]:
    """The objector first; the other addressees of the contested besluit when the decision changes it."""
    own = next((b for b in row.beslissing.zaak.betrokkenen if b.id == row.betrokkene_id), None)
    objector = (Addressee(own.id, own.naam, own.roltype, tuple(own.adresregels[1:]), own.is_organisatie, True)
                if own else Addressee(-row.id, row.indiener_naam, OBJECTOR_ROLE,
                                      tuple(line.strip() for line in row.indiener_adres.split(",") if line.strip()),
                                      False, True))
    others = [] if uitkomst not in CHANGING else [
        Addressee(b.id, b.naam, b.roltype, tuple(b.adresregels[1:]), b.is_organisatie, False)
        for b in letter_recipients(rt, row.beslissing) if b.id != row.betrokkene_id]
    return [objector, *others]


def _document(session: Any, rt: Runtime, besluit: Beslissing, row: Bezwaar, signer: Signer,  # noqa: PLR0913
              *, person: Addressee, versie: int, status: str) -> Document:
    letter = letter_input(session, rt, besluit, row, signer, person)
    entry = find_entry(rt.letters.entries, CORE_LETTERS, besluit.soort, ADDRESSEE)
    template = rt.letters.get(entry.template)
    context = build_context(letter, KIT, rt.letters.clauses)
    content = render_template(template, context)
    zaak = besluit.zaak
    return Document(
        beslissing_id=besluit.id, zaak_id=besluit.zaak_id, versie=versie, ontvanger_rol=person.roltype,
        ontvanger_naam=person.naam, template=template.name, template_sha256=template.sha256,
        titel=str(context["onderwerp"])[:300],
        bestandsnaam="-".join(ascii_slug(p) for p in (zaak.identificatie, besluit.soort, person.roltype,
                                                      str(abs(person.id)), f"v{versie}")) + ".docx",
        vertrouwelijkheidaanduiding=zaak.vertrouwelijkheidaanduiding, status=status, inhoud=content,
        sha256=hashlib.sha256(content).hexdigest(), context=jsonable({k: context[k] for k in template.required}),
        library_versions=dict(LIBRARY_VERSIONS), creatiedatum=clock.today(),
    )


def letter_input(session: Any, rt: Runtime, besluit: Beslissing, row: Bezwaar, signer: Signer,  # noqa: PLR0913
                 person: Addressee) -> LetterInput:
    """What the letter is built from: the zaak, the bezwaar as recorded and the drafted decision."""
    zaak, melding = besluit.zaak, besluit.zaak.melding
    weeks = rt.book.parameter("algemeen", REMEDY_WEEKS, besluit.verzenddatum).value
    beroep_tot = einde_termijn(besluit.verzenddatum, weeks=weeks, calendar=rt.calendar(besluit.verzenddatum))
    return LetterInput(
        power=zaak.zaaktype, outcome=besluit.soort, kenmerk=kenmerk(zaak.identificatie, row.id),
        verzenddatum=besluit.verzenddatum,
        recipient=Recipient(naam=person.naam, rol=person.roltype, adresregels=person.adresregels,
                            id=person.id if person.id > 0 else None, is_organisatie=person.is_organisatie),
        zaak_adresregels=zaak.adresregels, melding_bron=BRON_WOORDEN[melding.bron_soort],
        melding_kenmerk=melding.bron_kenmerk, melding_datum=melding.bron_datum, pleegdatum=melding.pleegdatum,
        assessment=assessment_of(besluit.beoordeling), judgements={},
        ondertekening=signer.ondertekening, beslisser=signer.beslisser, orgaan=signer.orgaan, gemeente=signer.gemeente,
        behandeld_door=f"{besluit.drafter.display_name}, {besluit.drafter.phone}".strip(", "),
        deadlines={"uiterlijke_reactiedatum": beroep_tot.end_date},
        bezwaar=bezwaar_content(session, rt, row, besluit, person.aan_indiener),
    )


def bezwaar_content(session: Any, rt: Runtime, row: Bezwaar, besluit: Beslissing, aan_indiener: bool) -> dict[str, Any]:
    """The plain data the letter kit reads (letters/objection.py)."""
    contested = row.beslissing
    outcome = rt.procedure(contested.zaak.zaaktype).outcome(contested.soort)
    letters = current_documents(session, contested)
    return {
        "orgaan": body_of(outcome, contested.zaak.orgaan), "indiener": row.indiener_naam, "aan_indiener": aan_indiener,
        "besluit_datum": contested.datum or contested.verzenddatum, "besluit_kenmerk": contested.zaak.identificatie,
        "besluit_onderwerp": (letters[0].titel if letters else outcome.label).rstrip("."),
        "bekendgemaakt_op": row.bekendgemaakt_op, "ontvangen_op": row.ontvangen_op, "termijn_einde": row.termijn_einde,
        "tijdigheid": row.tijdigheid, "verschoonbaar": row.verschoonbaar,
        "verschoonbaar_reden": row.verschoonbaar_reden,
        "uitgereikt": _handed_over(session, row),
        "hoorzitting_op": row.hoorzitting_op, "bijgestaan_door": row.bijgestaan_door,
        "niet_horen_grond": row.niet_horen_grond, "advies_op": row.advies_op,
        "advies_uitkomst": row.advies_uitkomst, **besluit.maatregel,
    }


def _handed_over(session: Any, row: Bezwaar) -> bool:
    """The contested besluit was made known by handing it over on the day the objection period runs from
    (the letter then says "uitgereikt", else "verzonden")."""
    methods = set(session.scalars(select(Verzending.methode).where(
        Verzending.beslissing_id == row.beslissing_id, Verzending.verzonden_op == row.bekendgemaakt_op)))
    return methods == {"uitreiking"}
