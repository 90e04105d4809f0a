"""Publication of approved beslissingen to the municipality's ZGW backend (an outbox job) and the case export.

Publication is idempotent: before each create the URL stored under the object's key (ZgwObject.sleutel) is
looked up, and after each create that URL is stored and committed at once, so a retry after any failure
creates only what is missing. The order follows the references: zaak, documents, their links to the zaak, then
the besluit (a letter that is no besluit, such as a warning, has none) and its links to the documents.
The Catalogi types per power come from the municipality's zgw.yaml (Config.zgw_typen_file); a power or outcome
missing there fails the job with a Dutch message before anything is sent.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date, datetime
from pathlib import PurePath
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock, strict_yaml
from app.audit import SYSTEM, Actor, record_access, record_change
from app.config import Config
from app.domain import zgw as Z
from app.domain.deadlines import AMSTERDAM
from app.domain.errors import InvalidTransition
from app.domain.procedure import BODY_WORDS, body_of
from app.models import Beslissing, Document, User, Zaak, ZgwObject
from app.runtime import Runtime
from app.services.dispatch import sending_dates
from app.services.letter_pdf import pdf_of
from app.services.review import current_documents
from app.zgw_client import LABELS, ZgwClient, ZgwSettings

APPROVED = ("vastgesteld", "verzonden")
PDF = "application/pdf"


def zgw_configured(config: Config) -> bool:
    """A backend is configured: approvals then queue a publication (config.py refuses half a configuration)."""
    return all((config.zgw_zaken_url, config.zgw_besluiten_url, config.zgw_documenten_url, config.zgw_client_id,
                config.zgw_secret, config.zgw_rsin))


def settings_of(config: Config) -> ZgwSettings:
    return ZgwSettings(config.zgw_zaken_url, config.zgw_besluiten_url, config.zgw_documenten_url,
                       config.zgw_client_id, config.zgw_secret, config.zgw_timeout_seconds)


def catalogi(config: Config) -> dict[str, Z.Catalogus]:
    """The Catalogi types per power code (zgw.yaml, or Config.zgw_typen). Raises ZgwConfigError."""
    raw = config.zgw_typen
    if not raw and config.zgw_typen_file.exists():
        try:
            raw = strict_yaml.load(config.zgw_typen_file) or {}
        except strict_yaml.StrictYamlError as exc:
            raise Z.ZgwConfigError(f"Het instellingenbestand van het zaaksysteem is onleesbaar: {exc}") from None
    if not isinstance(raw, Mapping):
        raise Z.ZgwConfigError("Het instellingenbestand van het zaaksysteem moet per bevoegdheid de typen noemen.")
    return {str(code): _catalogus(str(code), entry) for code, entry in raw.items()}


def _catalogus(code: str, entry: Any) -> Z.Catalogus:
    if not isinstance(entry, Mapping) or not entry.get("zaaktype") or not entry.get("informatieobjecttype"):
        raise Z.ZgwConfigError(f"In het instellingenbestand van het zaaksysteem mist bij ‘{code}’ het zaaktype of "
                               "het informatieobjecttype.")
    return Z.Catalogus(zaaktype=str(entry["zaaktype"]), informatieobjecttype=str(entry["informatieobjecttype"]),
                       besluittypen={str(k): str(v) for k, v in (entry.get("besluittypen") or {}).items()},
                       vertrouwelijkheidaanduiding=str(entry.get("vertrouwelijkheidaanduiding") or ""))


def publish_zgw(session: Session, rt: Runtime, payload: dict[str, Any]) -> None:
    """Outbox handler: publish one approved beslissing, its zaak and its letters; safe to run again.

    Raises:
        ZgwConfigError: the types of this power or outcome are not configured (nothing was sent).
        ZgwError: the backend refused a request or was unreachable (what was created before stays stored).
    """
    beslissing = session.get(Beslissing, payload["beslissing_id"])
    if beslissing is None:  # its zaak was destroyed meanwhile
        return
    if beslissing.status not in APPROVED:
        raise InvalidTransition("Alleen een vastgestelde beslissing wordt in het zaaksysteem gepubliceerd.")
    zaak, title = beslissing.zaak, rt.book.index(beslissing.zaak.zaaktype).title
    catalogus = Z.catalogus_for(catalogi(rt.config), zaak.zaaktype, title)
    besluit = besluit_data(session, rt, beslissing) if beslissing.besluit else None
    besluittype = Z.besluittype_for(catalogus, besluit, title) if besluit else ""
    documents = current_documents(session, beslissing)
    approver = beslissing.approver or beslissing.drafter
    with ZgwClient(settings_of(rt.config), approver.username, approver.display_name) as client:
        once = _Once(session, client, zaak)
        zaak_url = once(ZAAK(zaak.id), "zaken", "zaken", lambda: Z.zaak_body(
            zaak_data(zaak), rt.config.zgw_rsin, catalogus))
        linked = [(d, _publish_document(once, rt, d, zaak_url, catalogus)) for d in documents]
        if besluit is not None:
            besluit_url = once(BESLUIT(beslissing.id), "besluiten", "besluiten", lambda: Z.besluit_body(
                besluit, rt.config.zgw_rsin, besluittype, zaak_url))
            for document, io_url in linked:
                once(BIO(beslissing.id, document.id), "besluiten", "besluitinformatieobjecten",
                     lambda u=io_url: Z.besluitinformatieobject_body(besluit_url, u))


def _publish_document(once: _Once, rt: Runtime, document: Document, zaak_url: str, catalogus: Z.Catalogus) -> str:
    zaak = document.beslissing.zaak
    level = Z.secrecy(document.vertrouwelijkheidaanduiding, zaak.toegang_beperkt, catalogus.vertrouwelijkheidaanduiding)
    io_url = once(IO(document.id), "documenten", "enkelvoudiginformatieobjecten", lambda: Z.informatieobject_body(
        document_data(once.session, rt, document, with_content=True), rt.config.zgw_rsin, catalogus, level))
    once(ZIO(zaak.id, document.id), "zaken", "zaakinformatieobjecten",
         lambda: Z.zaakinformatieobject_body(zaak_url, io_url, document.titel))
    return io_url


def ZAAK(zaak_id: int) -> str:  # noqa: N802 - the keys read like the ZGW resources they name
    return f"zaak:{zaak_id}"


def BESLUIT(beslissing_id: int) -> str:  # noqa: N802
    return f"besluit:{beslissing_id}"


def IO(document_id: int) -> str:  # noqa: N802
    return f"informatieobject:{document_id}"


def ZIO(zaak_id: int, document_id: int) -> str:  # noqa: N802
    return f"zaakinformatieobject:{zaak_id}:{document_id}"


def BIO(beslissing_id: int, document_id: int) -> str:  # noqa: N802
    return f"besluitinformatieobject:{beslissing_id}:{document_id}"


class _Once:
    """Create an object unless its key already has a URL; store and commit each new URL at once."""

    def __init__(self, session: Session, client: ZgwClient, zaak: Zaak) -> None:
        self.session, self.client, self.zaak_id, self.kenmerk = session, client, zaak.id, zaak.identificatie

    def __call__(self, sleutel: str, api: str, resource: str, body: Callable[[], dict[str, Any]]) -> str:
        stored = self.session.scalar(select(ZgwObject.url).where(ZgwObject.sleutel == sleutel))
        if stored is not None:
            return stored
        url = self.client.create(api, resource, body())
        self.session.add(ZgwObject(zaak_id=self.zaak_id, sleutel=sleutel, url=url))
        record_change(self.session, SYSTEM, actie="publish", hoofd_object=self.kenmerk, resource="zgw",
                      resource_id=sleutel, weergave=f"Zaaksysteem: {LABELS[resource]}",
                      nieuw={"sleutel": sleutel, "url": url})
        self.session.commit()  # a crash after this line must not create the object a second time
        return url


def zaak_data(zaak: Zaak) -> Z.ZaakData:
    return Z.ZaakData(identificatie=zaak.identificatie, omschrijving=zaak.omschrijving,
                      registratiedatum=zaak.registratiedatum, startdatum=zaak.startdatum,
                      vertrouwelijkheidaanduiding=zaak.vertrouwelijkheidaanduiding, restricted=zaak.toegang_beperkt)


def besluit_data(session: Session, rt: Runtime, beslissing: Beslissing) -> Z.BesluitData:
    """The besluit's dates: the recorded sending where there is one (the earliest sending, the latest deadline),
    else the dates the beslissing was approved with."""
    outcome = rt.procedure(beslissing.zaak.zaaktype).outcome(beslissing.soort)
    sent = sending_dates(session, beslissing)
    datum = beslissing.datum or _local(beslissing.approved_at) or beslissing.verzenddatum
    return Z.BesluitData(
        identificatie=f"{beslissing.zaak.identificatie}-{beslissing.id}", outcome=beslissing.soort,
        label=outcome.label, bestuursorgaan=_body(body_of(outcome, beslissing.zaak.orgaan)), datum=datum,
        ingangsdatum=beslissing.ingangsdatum or _local(beslissing.ingang_at) or beslissing.verzenddatum,
        vervaldatum=beslissing.vervaldatum or _local(beslissing.einde_at),
        verzenddatum=sent.verzenddatum or beslissing.verzenddatum,
        uiterlijke_reactiedatum=sent.uiterlijke_reactiedatum or beslissing.uiterlijke_reactiedatum)


def document_data(session: Session, rt: Runtime, document: Document, with_content: bool) -> Z.DocumentData:
    """A letter as published: its PDF/A when made (what is sent), else the approved .docx."""
    pdf = pdf_of(session, document)
    zaak = document.beslissing.zaak
    outcome = rt.procedure(zaak.zaaktype).outcome(document.beslissing.soort)
    content, sha, formaat, name = ((pdf.inhoud, pdf.sha256, PDF, str(PurePath(document.bestandsnaam).with_suffix(
        ".pdf"))) if pdf else (document.inhoud, document.sha256, document.formaat, document.bestandsnaam))
    auteur = f"{_body(body_of(outcome, zaak.orgaan)).capitalize()} van {rt.config.gemeente}"
    return Z.DocumentData(titel=document.titel, creatiedatum=document.creatiedatum, auteur=auteur, formaat=formaat,
                          bestandsnaam=name, sha256=sha, inhoud=content if with_content else None,
                          taal=document.taal, status=document.status,
                          rol=role_words(rt, zaak.zaaktype, document.ontvanger_rol))


def role_words(rt: Runtime, power: str, role: str) -> str:
    """A recipient's or party's role in words (index.yaml `roles`, the power's labels)."""
    return {**rt.book.index(power).roles, **rt.power(power).labels}.get(role, role)


def _body(body: str) -> str:
    """The body without its article ("burgemeester"), as the besluit's bestuursorgaan."""
    return BODY_WORDS.get(body, "het bestuursorgaan").split(" ", 1)[1]


def _local(moment: datetime | None) -> date | None:
    return moment.astimezone(AMSTERDAM).date() if moment is not None else None


def published(session: Session, zaak: Zaak) -> list[ZgwObject]:
    """What of this zaak is in the zaaksysteem, in the order it was created (the case page)."""
    return list(session.scalars(select(ZgwObject).where(ZgwObject.zaak_id == zaak.id).order_by(ZgwObject.id)))


def export_bundle(session: Session, rt: Runtime, zaak: Zaak, actor: User, origin: str) -> dict[str, object]:
    """The zaak as one ZGW-shaped JSON document (works without a backend); logs the export as a read."""
    beslissingen = session.scalars(select(Beslissing).where(Beslissing.zaak_id == zaak.id,
                                                            Beslissing.status.in_(APPROVED)).order_by(Beslissing.id))
    items = [Z.ExportBesluit(ref=BESLUIT(b.id), besluit=besluit_data(session, rt, b) if b.besluit else None,
                             documents=[(IO(d.id), _exported(session, rt, d)) for d in current_documents(session, b)])
             for b in beslissingen]
    data = Z.ExportInput(zaak=zaak_data(zaak), zaak_ref=ZAAK(zaak.id), rsin=rt.config.zgw_rsin or zaak.bronorganisatie,
                         catalogus=_catalogus_or_none(rt.config, zaak.zaaktype), beslissingen=items,
                         rollen=[(b.roltype, role_words(rt, zaak.zaaktype, b.roltype), b.is_organisatie)
                                 for b in zaak.betrokkenen],
                         urls={o.sleutel: o.url for o in published(session, zaak)})
    bundle = Z.export_bundle(data, clock.today())
    record_access(session, Actor.of(actor), action="export", object_type="zaak", object_id=zaak.id,
                  case_id=zaak.identificatie, origin=origin, reason="toegangslijst" if zaak.toegang_beperkt else "")
    session.commit()
    return bundle


def _exported(session: Session, rt: Runtime, document: Document) -> Z.DocumentData:
    """A letter's metadata for the export, titled by outcome and recipient role: a letter's own subject may name
    the premises, and the export carries no address."""
    data = document_data(session, rt, document, with_content=False)
    label = rt.procedure(document.beslissing.zaak.zaaktype).outcome(document.beslissing.soort).label
    return replace(data, titel=f"{label}, ontvanger: {data.rol}")


def _catalogus_or_none(config: Config, code: str) -> Z.Catalogus | None:
    try:
        return catalogi(config).get(code)
    except Z.ZgwConfigError:
        return None  # the export must work whatever the state of the publication settings
