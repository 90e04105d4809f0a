"""ZGW request bodies and the case export (pure): plain data in, the camelCase dicts of the Zaken, Besluiten and
Documenten APIs out ("API's voor Zaakgericht Werken", Zaken 1.5, Besluiten 1.1, Documenten 1.4).

Lengths are cut to the standard's maxLength here (a zaak's omschrijving is 80 characters there, 300 here), so a
long text never makes the backend refuse a publication. The bodies name no person: parties are not published
(no Rol), and the export lists roles without names, dates of birth, addresses or BSN.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from app.domain.codes import VERTROUWELIJKHEID
from app.domain.errors import DomainError

RESTRICTED_MINIMUM = "vertrouwelijk"  # a zaak on an access list (e.g. Wet Bibob art. 28) is at least this secret
EXPORT_FORMAT = "bevoegd-zgw-export"


class ZgwConfigError(DomainError):
    """The municipality's ZGW settings do not cover this zaak (shown as the failed job's reason)."""

    message = "De koppeling met het zaaksysteem is niet volledig ingesteld."


@dataclass(frozen=True)
class Catalogus:
    """The Catalogi API types one power is published under (the municipality's zgw.yaml)."""

    zaaktype: str
    informatieobjecttype: str
    besluittypen: Mapping[str, str] = field(default_factory=dict)  # outcome code -> besluittype URL
    vertrouwelijkheidaanduiding: str = ""  # an optional minimum for this power's zaken and documents


@dataclass(frozen=True)
class ZaakData:
    identificatie: str
    omschrijving: str
    registratiedatum: date
    startdatum: date
    vertrouwelijkheidaanduiding: str
    restricted: bool = False


@dataclass(frozen=True)
class BesluitData:
    identificatie: str
    outcome: str  # the outcome code: it chooses the besluittype
    label: str  # the outcome in words: the besluit's toelichting (no free text: a Besluit has no secrecy level)
    bestuursorgaan: str
    datum: date
    ingangsdatum: date
    vervaldatum: date | None
    verzenddatum: date | None
    uiterlijke_reactiedatum: date | None


@dataclass(frozen=True)
class DocumentData:
    titel: str
    creatiedatum: date
    auteur: str
    formaat: str
    bestandsnaam: str
    sha256: str
    inhoud: bytes | None = None  # None: metadata only (the export)
    taal: str = "dut"
    status: str = "definitief"
    rol: str = ""  # the recipient's role in words (export only)


def rsin_valid(value: str) -> bool:
    """An RSIN: nine digits passing the 11-proof (weights 9..2 and -1), as the ZGW APIs demand."""
    if len(value) != 9 or not value.isdigit() or value == "0" * 9:
        return False
    digits = [int(c) for c in value]
    return (sum(w * d for w, d in zip(range(9, 1, -1), digits, strict=False)) - digits[8]) % 11 == 0


def catalogus_for(mapping: Mapping[str, Catalogus], power: str, power_title: str) -> Catalogus:
    """The types of one power. Raises ZgwConfigError naming the power in words."""
    found = mapping.get(power)
    if found is None:
        raise ZgwConfigError(f"Voor de bevoegdheid ‘{power_title}’ is geen zaaktype en documenttype ingesteld in de "
                             "koppeling met het zaaksysteem. Vul het instellingenbestand aan en probeer het opnieuw.")
    return found


def besluittype_for(catalogus: Catalogus, besluit: BesluitData, power_title: str) -> str:
    """The besluittype of this outcome. Raises ZgwConfigError naming the outcome in words."""
    found = catalogus.besluittypen.get(besluit.outcome)
    if not found:
        raise ZgwConfigError(f"Voor ‘{besluit.label}’ ({power_title}) is geen besluittype ingesteld in de koppeling "
                             "met het zaaksysteem. Vul het instellingenbestand aan en probeer het opnieuw.")
    return found


def secrecy(level: str, restricted: bool, minimum: str = "") -> str:
    """The vertrouwelijkheidaanduiding, raised to the power's minimum and, on an access list, to RESTRICTED_MINIMUM."""
    levels = [level] + ([RESTRICTED_MINIMUM] if restricted else []) + ([minimum] if minimum else [])
    return max(levels, key=VERTROUWELIJKHEID.index)


def zaak_body(zaak: ZaakData, rsin: str, catalogus: Catalogus) -> dict[str, object]:
    """POST /zaken (ZaakRequest)."""
    return {
        "identificatie": zaak.identificatie[:40], "bronorganisatie": rsin, "verantwoordelijkeOrganisatie": rsin,
        "omschrijving": _cut(zaak.omschrijving, 80), "zaaktype": catalogus.zaaktype,
        "registratiedatum": zaak.registratiedatum.isoformat(), "startdatum": zaak.startdatum.isoformat(),
        "vertrouwelijkheidaanduiding": secrecy(zaak.vertrouwelijkheidaanduiding, zaak.restricted,
                                               catalogus.vertrouwelijkheidaanduiding),
    }


def informatieobject_body(document: DocumentData, rsin: str, catalogus: Catalogus,
                          vertrouwelijkheid: str) -> dict[str, object]:
    """POST /enkelvoudiginformatieobjecten (EnkelvoudigInformatieObjectCreateLockRequest), the file inline as
    base64 with its SHA-256 as `integriteit`; without bytes (the export) only the metadata."""
    body: dict[str, object] = {
        "bronorganisatie": rsin, "creatiedatum": document.creatiedatum.isoformat(),
        "titel": _cut(document.titel, 200), "vertrouwelijkheidaanduiding": vertrouwelijkheid,
        "auteur": _cut(document.auteur, 200), "status": document.status, "formaat": document.formaat[:255],
        "taal": document.taal, "bestandsnaam": document.bestandsnaam[:255],
        "integriteit": {"algoritme": "sha_256", "waarde": document.sha256, "datum": document.creatiedatum.isoformat()},
        "informatieobjecttype": catalogus.informatieobjecttype,
    }
    if document.inhoud is not None:
        body["inhoud"] = base64.b64encode(document.inhoud).decode("ascii")
        body["bestandsomvang"] = len(document.inhoud)
    return body


def besluit_body(besluit: BesluitData, rsin: str, besluittype: str, zaak_url: str) -> dict[str, object]:
    """POST /besluiten (BesluitRequest); a vervaldatum makes the besluit temporary (vervalreden `tijdelijk`)."""
    body: dict[str, object] = {
        "identificatie": besluit.identificatie[:50], "verantwoordelijkeOrganisatie": rsin,
        "besluittype": besluittype, "zaak": zaak_url, "datum": besluit.datum.isoformat(),
        "toelichting": besluit.label, "bestuursorgaan": _cut(besluit.bestuursorgaan, 50),
        "ingangsdatum": besluit.ingangsdatum.isoformat(),
    }
    if besluit.vervaldatum is not None:
        body.update(vervaldatum=besluit.vervaldatum.isoformat(), vervalreden="tijdelijk")
    for key, value in (("verzenddatum", besluit.verzenddatum), ("uiterlijkeReactiedatum",
                                                                 besluit.uiterlijke_reactiedatum)):
        if value is not None:
            body[key] = value.isoformat()
    return body


def zaakinformatieobject_body(zaak_url: str, informatieobject_url: str, titel: str) -> dict[str, object]:
    """POST /zaakinformatieobjecten (ZaakInformatieObjectRequest)."""
    return {"informatieobject": informatieobject_url, "zaak": zaak_url, "titel": _cut(titel, 200)}


def besluitinformatieobject_body(besluit_url: str, informatieobject_url: str) -> dict[str, object]:
    """POST /besluitinformatieobjecten (BesluitInformatieObjectRequest)."""
    return {"informatieobject": informatieobject_url, "besluit": besluit_url}


def _cut(text: str, limit: int) -> str:
    """At most `limit` characters, ending in an ellipsis when shortened."""
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def urn(ref: str) -> str:
    """A stable reference to an object that was not published (the export links by it)."""
    return f"urn:bevoegd:{ref}"


@dataclass(frozen=True)
class ExportBesluit:
    """One approved beslissing: its besluit (None for a letter that is no besluit) and its letters."""

    ref: str
    besluit: BesluitData | None
    documents: Sequence[tuple[str, DocumentData]]  # (ref, document)


@dataclass(frozen=True)
class ExportInput:
    """A zaak as the export bundle shows it."""

    zaak: ZaakData
    zaak_ref: str
    rsin: str
    catalogus: Catalogus | None  # None: no types configured; the bundle leaves those URLs empty
    beslissingen: Sequence[ExportBesluit]
    rollen: Sequence[tuple[str, str, bool]]  # (role code, role in words, is an organisation)
    urls: Mapping[str, str] = field(default_factory=dict)  # ref -> URL of what was published


def export_bundle(data: ExportInput, made_on: date) -> dict[str, object]:
    """The zaak as one ZGW-shaped JSON document, without any backend. Objects carry their published URL, or a
    urn:bevoegd: reference; the files themselves are left out (their SHA-256 is in `integriteit`; the letters
    are downloaded one by one, each access logged); roles carry no personal data."""
    cat = data.catalogus or Catalogus(zaaktype="", informatieobjecttype="")
    zaak_url = data.urls.get(data.zaak_ref) or urn(data.zaak_ref)
    zaak = {"url": zaak_url, **zaak_body(data.zaak, data.rsin, cat)}
    level = str(zaak["vertrouwelijkheidaanduiding"])
    bundle: dict[str, list[dict[str, object]]] = {
        "besluiten": [], "informatieobjecten": [], "zaakinformatieobjecten": [], "besluitinformatieobjecten": []}
    for item in data.beslissingen:
        _export_one(bundle, item, data, zaak_url, level)
    rollen = [{"roltype": code, "roltoelichting": words,
               "betrokkeneType": "niet_natuurlijk_persoon" if organisation else "natuurlijk_persoon"}
              for code, words, organisation in data.rollen]
    return {"formaat": EXPORT_FORMAT, "versie": 1, "gemaaktOp": made_on.isoformat(), "zaak": _nulled(zaak),
            "rollen": rollen, **{k: [_nulled(v) for v in rows] for k, rows in bundle.items()}}


def _export_one(bundle: dict[str, list[dict[str, object]]], item: ExportBesluit, data: ExportInput,
                zaak_url: str, level: str) -> None:
    cat = data.catalogus or Catalogus(zaaktype="", informatieobjecttype="")
    besluit_url = None
    if item.besluit is not None:
        besluit_url = data.urls.get(item.ref) or urn(item.ref)
        besluittype = cat.besluittypen.get(item.besluit.outcome, "")
        bundle["besluiten"].append({"url": besluit_url, **besluit_body(item.besluit, data.rsin, besluittype,
                                                                        zaak_url)})
    for ref, document in item.documents:
        io_url = data.urls.get(ref) or urn(ref)
        body = informatieobject_body(document, data.rsin, cat, level)
        bundle["informatieobjecten"].append({"url": io_url, **body, "ontvanger": document.rol})
        bundle["zaakinformatieobjecten"].append(zaakinformatieobject_body(zaak_url, io_url, document.titel))
        if besluit_url is not None:
            bundle["besluitinformatieobjecten"].append(besluitinformatieobject_body(besluit_url, io_url))


def _nulled(row: dict[str, object]) -> dict[str, object]:
    """Type URLs that are not configured read as null, not as an empty (invalid) URL."""
    return {k: (None if v == "" and k.endswith("type") else v) for k, v in row.items()}
