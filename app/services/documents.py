"""Render and store the letters of one beslissing: one immutable Document per recipient, with SHA-256.

Called by the drafting use cases inside their transaction (flushes only). The exact context is stored
with the bytes, so a later reader can see what the letter was built from. What a letter says is the
power's letter kit; who receives it is the outcome's procedure data.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import clock
from app.domain.addressees import recipients
from app.domain.hearing import HEARD, ZIENSWIJZE
from app.domain.objection_decision import mandate_outcome
from app.domain.procedure import BODIES, Procedure, body_of
from app.domain.serialize import jsonable
from app.letters.input import LetterInput, Party, Recipient
from app.letters.kit import build_context
from app.letters.manifest import find_entry
from app.letters.paragraphs import ondertekening
from app.letters.phrases import BRON_WOORDEN
from app.letters.render import LIBRARY_VERSIONS, render_template
from app.models import Beslissing, Betrokkene, Document, User
from app.runtime import Runtime
from app.services.queries import active_judgements, require_mandaat
from app.services.receipts import assessment_of


def render_documents(session: Session, rt: Runtime, beslissing: Beslissing, ondertekenaar: User, today: date,
                     status: str = "ter_vaststelling") -> list[Document]:
    """Render one letter per recipient and store each as a new version, signed under the mandate that allows
    the decision today. Raises LetterRenderError, InvalidInput, MandateMissing."""
    versie = (session.scalar(select(func.max(Document.versie)).where(Document.beslissing_id == beslissing.id)) or 0) + 1
    documents = [d for _, d in build_letters(session, rt, beslissing, ondertekenaar, today, versie, status)]
    session.add_all(documents)
    session.flush()
    return documents


def build_letters(session: Session, rt: Runtime, beslissing: Beslissing, ondertekenaar: User, today: date,  # noqa: PLR0913 - one rendering path for stored letters and the jurist's preview
                  versie: int, status: str) -> list[tuple[Betrokkene, Document]]:
    """Each recipient with his letter as it would be stored, not added to the session (the jurist's preview
    shows them unstored)."""
    signer = signature(rt, beslissing, ondertekenaar, today)
    if rt.procedure(beslissing.zaak.zaaktype).outcome(beslissing.soort).reconsiders:
        from app.services.objection_letters import objection_letters  # noqa: PLC0415 - it builds on this module
        return objection_letters(session, rt, beslissing, signer, versie, status)
    return [(person, _document(session, rt, beslissing, signer, person, versie, status))
            for person in letter_recipients(rt, beslissing)]


@dataclass(frozen=True)
class Signer:
    """The decider as the letters name them ({naam, hoedanigheid, mandaatbesluit, functie}) and the signature."""

    beslisser: dict[str, str]
    ondertekening: tuple[str, ...]
    orgaan: str = BODIES[0]  # the body that decides (procedure.body_of): the letterhead and remedy clause name it
    gemeente: str = "Maastricht"


def letter_recipients(rt: Runtime, beslissing: Beslissing) -> list[Betrokkene]:
    """The betrokkenen in the roles the outcome's procedure lists, in that order, minors left out (unless the
    outcome addresses a minor with his parents, `guardians`)."""
    zaak = beslissing.zaak
    outcome = rt.procedure(zaak.zaaktype).outcome(beslissing.soort)
    return recipients(outcome, zaak.betrokkenen, lambda b: b.roltype, lambda b: b.geboortedatum,
                      zaak.melding.pleegdatum, beslissing.verzenddatum)


def signature(rt: Runtime, beslissing: Beslissing, ondertekenaar: User, today: date) -> Signer:
    """Who decides and how the letters sign: the body in person, its substitute, or "namens deze" (Awb 10:10)."""
    zaak = beslissing.zaak
    procedure = rt.procedure(zaak.zaaktype)
    outcome = procedure.outcome(beslissing.soort)
    mandaat = require_mandaat(ondertekenaar, zaak.zaaktype, mandate_outcome(procedure, outcome, beslissing.maatregel),
                              today, assessment_of(beslissing.beoordeling),
                              who=ondertekenaar.display_name, body=zaak.orgaan)
    beslisser = {"naam": ondertekenaar.display_name, "hoedanigheid": mandaat.hoedanigheid,
                 "mandaatbesluit": mandaat.mandaatbesluit, "functie": mandaat.functie}
    body = body_of(outcome, zaak.orgaan)
    return Signer(beslisser, ondertekening(body, rt.config.gemeente, beslisser), body, rt.config.gemeente)


def _document(session: Session, rt: Runtime, beslissing: Beslissing, signer: Signer, person: Betrokkene,
              versie: int, status: str) -> Document:
    kit = rt.power(beslissing.zaak.zaaktype).letters
    letter = letter_input(session, beslissing, signer, person, rt.procedure(beslissing.zaak.zaaktype))
    entry = find_entry(rt.letters.entries, beslissing.zaak.zaaktype, beslissing.soort, kit.addressee(person.roltype))
    template = rt.letters.get(entry.template)
    context = build_context(letter, kit, rt.letters.clauses)
    content = render_template(template, context)
    used = {k: context[k] for k in template.required}
    return Document(
        beslissing_id=beslissing.id, zaak_id=beslissing.zaak_id, versie=versie, ontvanger_rol=person.roltype,
        ontvanger_naam=person.naam, template=template.name, template_sha256=template.sha256,
        titel=str(context["onderwerp"])[:300], bestandsnaam=letter_filename(beslissing, person, versie),
        vertrouwelijkheidaanduiding=beslissing.zaak.vertrouwelijkheidaanduiding, status=status,
        inhoud=content, sha256=hashlib.sha256(content).hexdigest(), context=jsonable(used),
        library_versions=dict(LIBRARY_VERSIONS), creatiedatum=clock.today(),
    )


def letter_input(session: Session, beslissing: Beslissing, signer: Signer, person: Betrokkene,
                 procedure: Procedure | None = None) -> LetterInput:
    """Gather what one letter needs from the zaak, its assessment, judgements, the signer and the recipient.
    With the procedure, only the judgements that belong to this outcome (index.yaml `required_for`)."""
    zaak, melding = beslissing.zaak, beslissing.zaak.melding
    rows = active_judgements(session, zaak)
    zienswijze = rows.pop(ZIENSWIJZE, None)  # printed once, in its own section, not as a judgement
    judgements = {code: {"outcome": o.outcome, "reasoning": o.reasoning, "recorded_by": o.recorded_by.display_name}
                  for code, o in rows.items() if procedure is None or _belongs(procedure, code, beslissing.soort)}
    return LetterInput(
        power=zaak.zaaktype, outcome=beslissing.soort, kenmerk=zaak.identificatie,
        verzenddatum=beslissing.verzenddatum,
        recipient=Recipient(naam=person.naam, rol=person.roltype, adresregels=person.adresregels[1:], id=person.id,
                            is_organisatie=person.is_organisatie, ref=person.ref),
        zaak_adresregels=zaak.adresregels, melding_bron=BRON_WOORDEN[melding.bron_soort],
        melding_kenmerk=melding.bron_kenmerk, melding_datum=melding.bron_datum, pleegdatum=melding.pleegdatum,
        assessment=assessment_of(beslissing.beoordeling), judgements=judgements,
        ondertekening=signer.ondertekening, beslisser=signer.beslisser, orgaan=signer.orgaan, gemeente=signer.gemeente,
        behandeld_door=f"{beslissing.drafter.display_name}, {beslissing.drafter.phone}".strip(", "),
        case_file=melding.gegevens, zienswijze=_zienswijze(session, zienswijze), duur=beslissing.maatregel.get("duur"),
        deadlines=deadlines(beslissing), maatregel=beslissing.maatregel or {},
        parties=tuple(Party(b.naam, b.roltype, b.geboortedatum) for b in zaak.betrokkenen if b.id != person.id),
        afwijking_beleid=judgements.get("bijzondere_omstandigheden", {}).get("reasoning")
        if beslissing.afwijking_beleid else None,
    )


def _belongs(procedure: Procedure, code: str, outcome: str) -> bool:
    """A judgement a letter prints: one this outcome requires, or one no outcome requires (asked by a rule)."""
    spec = procedure.judgement(code)
    return spec is None or not spec.required_for or outcome in spec.required_for


def _zienswijze(session: Session, row: Any) -> dict[str, Any] | None:
    """The hearing as the letter kits read it, with the date of the voornemen it answered."""
    if row is None:
        return None
    if row.outcome in HEARD:
        voornemen = session.get(Beslissing, row.details["voornemen_id"]) if row.details.get("voornemen_id") else None
        return {"ontvangen": row.outcome == "ontvangen", "zienswijzen": row.details.get("zienswijzen") or [],
                "reactie": row.reasoning, "voornemen_datum": voornemen.verzenddatum if voornemen else None}
    return {"uitzondering": row.outcome, "reasoning": row.reasoning}


def deadlines(beslissing: Beslissing) -> dict[str, Any]:
    """The beslissing's dates and moments by name, as the letter kits read them."""
    found: dict[str, Any] = {name: _parse(value) for name, value in (beslissing.termijnen or {}).items()}
    found.update({"zienswijze_tot": beslissing.zienswijze_tot,
                  "begunstigingstermijn_tot": beslissing.begunstigingstermijn_tot,
                  "ingangsdatum": beslissing.ingangsdatum, "vervaldatum": beslissing.vervaldatum,
                  "ingang_at": beslissing.ingang_at, "einde_at": beslissing.einde_at,
                  "uiterlijke_reactiedatum": beslissing.uiterlijke_reactiedatum})
    return found


def _parse(value: str) -> Any:
    return datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)


def letter_filename(beslissing: Beslissing, person: Betrokkene, versie: int) -> str:
    """Named after the recipient's own role (an overtreder's letter is not a "bewoner" letter, though it uses
    the bewoner's template), ASCII-safe for every mail client and file system."""
    parts = (beslissing.zaak.identificatie, beslissing.soort, person.roltype, str(person.id), f"v{versie}")
    return "-".join(ascii_slug(part) for part in parts) + ".docx"


def ascii_slug(text: str) -> str:
    """ASCII letters, digits and hyphens: shown on screen as words, not codes ("Daniëlle" -> "Danielle")."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^A-Za-z0-9]+", "-", plain).strip("-") or "x"
