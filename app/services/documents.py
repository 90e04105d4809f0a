"""Render and store the letters of one beslissing: one immutable Document per recipient, with SHA-256.

Called by submit_for_review inside its transaction (flushes only). The exact context is stored with
the bytes, so a later reader can see what the letter was built from.
"""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.assessment import Assessment
from app.domain.serialize import jsonable
from app.letters.context import LetterInput, Recipient, addressee_for, build_context
from app.letters.manifest import find_entry
from app.letters.render import LIBRARY_VERSIONS, render_template
from app.models import Beslissing, Betrokkene, Document, User
from app.runtime import Runtime
from app.services.queries import active_judgements, mandaat_for

BRON_WOORDEN = {
    "bestuurlijke_rapportage": "bestuurlijke rapportage van de politie",
    "proces_verbaal": "proces-verbaal van de politie",
    "boa_rapport": "rapport van een buitengewoon opsporingsambtenaar",
    "melding": "melding",
}
PREMISES_WOORDEN = {"woning": "de woning", "lokaal": "het lokaal", "erf_bij_woning": "het erf bij de woning",
                    "erf_bij_lokaal": "het erf bij het lokaal"}


def render_documents(session: Session, rt: Runtime, beslissing: Beslissing, ondertekenaar: User) -> list[Document]:
    """Render one letter per recipient and store each as a new version. Raises LetterRenderError, InvalidInput."""
    versie = (session.scalar(select(func.max(Document.versie)).where(Document.beslissing_id == beslissing.id)) or 0) + 1
    documents = [_document(session, rt, beslissing, ondertekenaar, person, versie)
                 for person in recipients(beslissing)]
    session.add_all(documents)
    session.flush()
    return documents


def recipients(beslissing: Beslissing) -> list[Betrokkene]:
    """Residents and offenders, then the rechthebbende (Awb 5:24 lid 3)."""
    people = [b for b in beslissing.zaak.betrokkenen if b.roltype in ("bewoner", "overtreder")]
    return people + [b for b in beslissing.zaak.betrokkenen if b.roltype == "rechthebbende"]


def _document(session: Session, rt: Runtime, beslissing: Beslissing, ondertekenaar: User, person: Betrokkene,
              versie: int) -> Document:
    letter = letter_input(session, beslissing, ondertekenaar, person)
    entry = find_entry(_entries(rt), beslissing.zaak.zaaktype, beslissing.soort, addressee_for(person.roltype))
    template = rt.letters.get(entry.template)
    context = build_context(letter)
    content = render_template(template, context)
    used = {k: context[k] for k in template.required}
    return Document(
        beslissing_id=beslissing.id, zaak_id=beslissing.zaak_id, versie=versie, ontvanger_rol=person.roltype,
        ontvanger_naam=person.naam, template=template.name, template_sha256=template.sha256,
        titel=str(context["onderwerp"])[:300], bestandsnaam=_filename(beslissing, entry.addressee, person, versie),
        vertrouwelijkheidaanduiding=beslissing.zaak.vertrouwelijkheidaanduiding, status="ter_vaststelling",
        inhoud=content, sha256=hashlib.sha256(content).hexdigest(), context=jsonable(used),
        library_versions=dict(LIBRARY_VERSIONS), creatiedatum=date.today(),
    )


def letter_input(session: Session, beslissing: Beslissing, ondertekenaar: User, person: Betrokkene) -> LetterInput:
    """Gather what one letter needs from the zaak, its assessment, judgements and the recipient."""
    zaak, melding = beslissing.zaak, beslissing.zaak.melding
    rows = active_judgements(session, zaak)
    zienswijze = rows.pop("zienswijze", None)  # printed once, in its own section, not as a judgement
    judgements = {code: {"outcome": o.outcome, "reasoning": o.reasoning, "recorded_by": o.recorded_by.display_name}
                  for code, o in rows.items()}
    rechthebbende = next((b for b in zaak.betrokkenen if b.roltype == "rechthebbende"), None)
    return LetterInput(
        power=zaak.zaaktype, outcome=beslissing.soort, kenmerk=zaak.identificatie,
        verzenddatum=beslissing.verzenddatum,
        recipient=Recipient(naam=person.naam, rol=person.roltype, adresregels=person.adresregels[1:]),
        premises_adresregels=zaak.adresregels, premises_omschrijving=PREMISES_WOORDEN.get(
            melding.gegevens.get("premises_type"), "het pand"),
        melding_bron=BRON_WOORDEN[melding.bron_soort], melding_kenmerk=melding.bron_kenmerk,
        melding_datum=melding.bron_datum, finding_date=melding.pleegdatum,
        assessment=Assessment.from_dict(beslissing.beoordeling.assessment), judgements=judgements,
        ondertekening=tuple(mandaat_for(ondertekenaar, zaak.zaaktype).ondertekening.splitlines()),
        behandeld_door=f"{beslissing.drafter.display_name}, {beslissing.drafter.phone}".strip(", "),
        zienswijze=_zienswijze(zienswijze), sluiting_maanden=beslissing.maatregel.get("maanden"),
        deadlines=_deadlines(beslissing), rechthebbende_naam=rechthebbende.naam if rechthebbende else None,
        afwijking_beleid=judgements.get("bijzondere_omstandigheden", {}).get("reasoning")
        if beslissing.afwijking_beleid else None,
        melding_gegevens=melding.gegevens,
    )


def _zienswijze(row: Any) -> dict[str, Any] | None:
    if row is None:
        return None
    if row.outcome in ("ontvangen", "niet_ontvangen"):
        return {"ontvangen": row.outcome == "ontvangen", "samenvatting": row.details.get("samenvatting", ""),
                "reactie": row.reasoning}
    return {"uitzondering": row.outcome, "reasoning": row.reasoning}


def _deadlines(beslissing: Beslissing) -> dict[str, date | None]:
    return {"zienswijze_tot": beslissing.zienswijze_tot,
            "begunstigingstermijn_tot": beslissing.begunstigingstermijn_tot,
            "sluiting_van": beslissing.ingangsdatum, "sluiting_tot": beslissing.vervaldatum,
            "bezwaar_tot": beslissing.uiterlijke_reactiedatum}


def _entries(rt: Runtime) -> list[Any]:
    return [t.entry for t in rt.letters]


def _filename(beslissing: Beslissing, addressee: str, person: Betrokkene, versie: int) -> str:
    return f"{beslissing.zaak.identificatie}-{beslissing.soort}-{addressee}-{person.id}-v{versie}.docx"
