"""The ZGW request bodies (pure): each validates against the standard's OpenAPI document, long texts are cut to
the standard's lengths, secrecy is raised for a zaak on an access list, and the RSIN passes the 11-proof."""

from __future__ import annotations

import base64
from datetime import date

import pytest

from app.domain import zgw as Z
from tests.zgw_fake import FakeZgw, request_for

CAT = Z.Catalogus(zaaktype="https://catalogi.test/api/v1/zaaktypen/1",
                  informatieobjecttype="https://catalogi.test/api/v1/informatieobjecttypen/2",
                  besluittypen={"sluiting": "https://catalogi.test/api/v1/besluittypen/3"})
RSIN = "123456782"  # fictional, passes the 11-proof
ZAAK = Z.ZaakData(identificatie="BEV-2026-000001", omschrijving="Sluiting woning " + "lang " * 40,
                  registratiedatum=date(2026, 3, 2), startdatum=date(2026, 3, 2),
                  vertrouwelijkheidaanduiding="zaakvertrouwelijk")
DOC = Z.DocumentData(titel="Besluit tot sluiting", creatiedatum=date(2026, 3, 9), auteur="Burgemeester van Teststad",
                     formaat="application/pdf", bestandsnaam="BEV-2026-000001-sluiting-bewoner-1-v1.pdf",
                     sha256="a" * 64, inhoud=b"%PDF-1.7 fictief")
BESLUIT = Z.BesluitData(identificatie="BEV-2026-000001-7", outcome="sluiting", label="Sluiting van de woning",
                        bestuursorgaan="burgemeester", datum=date(2026, 3, 9), ingangsdatum=date(2026, 3, 16),
                        vervaldatum=date(2026, 6, 16), verzenddatum=date(2026, 3, 10),
                        uiterlijke_reactiedatum=date(2026, 4, 21))
AUTH = {"Authorization": "Bearer token-not-checked-here"}
CRS = {"Accept-Crs": "EPSG:4326", "Content-Crs": "EPSG:4326"}


@pytest.fixture(scope="module")
def fake() -> FakeZgw:
    return FakeZgw()


def _problems(fake: FakeZgw, api: str, resource: str, body: dict, headers: dict | None = None) -> list[str]:
    return fake.validate(request_for(api, resource, body, {**AUTH, **(headers or {})}))


def test_every_body_validates_against_the_standards_openapi_document(fake):
    zaak_url, io_url = "http://zgw.test/zaken/api/v1/zaken/1", "http://zgw.test/documenten/api/v1/eio/2"
    besluit_url = "http://zgw.test/besluiten/api/v1/besluiten/3"
    assert _problems(fake, "zaken", "zaken", Z.zaak_body(ZAAK, RSIN, CAT), CRS) == []
    assert _problems(fake, "documenten", "enkelvoudiginformatieobjecten",
                     Z.informatieobject_body(DOC, RSIN, CAT, "zaakvertrouwelijk")) == []
    assert _problems(fake, "zaken", "zaakinformatieobjecten",
                     Z.zaakinformatieobject_body(zaak_url, io_url, "t" * 300)) == []
    assert _problems(fake, "besluiten", "besluiten",
                     Z.besluit_body(BESLUIT, RSIN, CAT.besluittypen["sluiting"], zaak_url)) == []
    assert _problems(fake, "besluiten", "besluitinformatieobjecten",
                     Z.besluitinformatieobject_body(besluit_url, io_url)) == []


def test_the_check_refuses_what_the_standard_refuses(fake):
    """The schema check is real: a zaak without its CRS header, a too long omschrijving, an unknown algorithm."""
    body = Z.zaak_body(ZAAK, RSIN, CAT)
    assert _problems(fake, "zaken", "zaken", body)  # Content-Crs is required on zaak_create
    assert _problems(fake, "zaken", "zaken", {**body, "omschrijving": "x" * 81}, CRS)
    io = Z.informatieobject_body(DOC, RSIN, CAT, "zaakvertrouwelijk")
    assert _problems(fake, "documenten", "enkelvoudiginformatieobjecten",
                     {**io, "integriteit": {**io["integriteit"], "algoritme": "sha256"}})
    assert _problems(fake, "besluiten", "besluiten", {k: v for k, v in Z.besluit_body(
        BESLUIT, RSIN, "https://catalogi.test/b/1", "http://zgw.test/z/1").items() if k != "ingangsdatum"})


def test_the_document_carries_its_bytes_in_base64_with_their_sha256():
    body = Z.informatieobject_body(DOC, RSIN, CAT, "vertrouwelijk")
    assert base64.b64decode(body["inhoud"]) == DOC.inhoud
    assert body["bestandsomvang"] == len(DOC.inhoud) and body["taal"] == "dut" and body["status"] == "definitief"
    assert body["integriteit"] == {"algoritme": "sha_256", "waarde": "a" * 64, "datum": "2026-03-09"}
    metadata = Z.informatieobject_body(Z.DocumentData(**{**DOC.__dict__, "inhoud": None}), RSIN, CAT, "intern")
    assert "inhoud" not in metadata and "bestandsomvang" not in metadata


def test_long_texts_are_cut_to_the_standards_lengths():
    body = Z.zaak_body(ZAAK, RSIN, CAT)
    assert len(body["omschrijving"]) == 80 and body["omschrijving"].endswith("…")
    assert len(Z.zaakinformatieobject_body("u", "v", "t" * 300)["titel"]) == 200


def test_a_temporary_besluit_names_its_end_and_reason_and_its_sending():
    body = Z.besluit_body(BESLUIT, RSIN, "https://catalogi.test/b/1", "http://zgw.test/z/1")
    assert body["vervaldatum"] == "2026-06-16" and body["vervalreden"] == "tijdelijk"
    assert body["verzenddatum"] == "2026-03-10" and body["uiterlijkeReactiedatum"] == "2026-04-21"
    assert body["toelichting"] == "Sluiting van de woning" and body["bestuursorgaan"] == "burgemeester"


@pytest.mark.parametrize(("level", "restricted", "minimum", "expected"), [
    ("zaakvertrouwelijk", False, "", "zaakvertrouwelijk"),
    ("zaakvertrouwelijk", True, "", "vertrouwelijk"),  # an access list (Wet Bibob art. 28): at least vertrouwelijk
    ("geheim", True, "", "geheim"),
    ("intern", False, "confidentieel", "confidentieel"),
])
def test_secrecy_is_raised_for_a_zaak_on_an_access_list(level, restricted, minimum, expected):
    assert Z.secrecy(level, restricted, minimum) == expected
    assert Z.zaak_body(Z.ZaakData(**{**ZAAK.__dict__, "vertrouwelijkheidaanduiding": level,
                                     "restricted": restricted}), RSIN,
                       Z.Catalogus("https://c.test/z", "https://c.test/i", {}, minimum))[
        "vertrouwelijkheidaanduiding"] == expected


@pytest.mark.parametrize(("rsin", "valid"), [("123456782", True), ("123456789", False), ("12345678", False),
                                             ("12345678a", False), ("000000000", False)])
def test_an_rsin_is_nine_digits_passing_the_eleven_proof(rsin, valid):
    assert Z.rsin_valid(rsin) is valid


def test_a_missing_type_is_a_dutch_message_naming_the_power_and_outcome():
    with pytest.raises(Z.ZgwConfigError, match="‘Sluiting van drugspanden’"):
        Z.catalogus_for({}, "damocles", "Sluiting van drugspanden")
    other = Z.BesluitData(**{**BESLUIT.__dict__, "outcome": "intrekking", "label": "Intrekking"})
    with pytest.raises(Z.ZgwConfigError, match="geen besluittype ingesteld"):
        Z.besluittype_for(CAT, other, "Sluiting van drugspanden")


def test_the_export_links_unpublished_objects_by_urn_and_names_no_one():
    data = Z.ExportInput(zaak=ZAAK, zaak_ref="zaak:1", rsin=RSIN, catalogus=None,
                         beslissingen=[Z.ExportBesluit("besluit:7", BESLUIT, [("informatieobject:12", Z.DocumentData(
                             **{**DOC.__dict__, "inhoud": None, "rol": "Bewoner"}))])],
                         rollen=[("bewoner", "Bewoner", False), ("eigenaar", "Eigenaar", True)],
                         urls={"informatieobject:12": "http://zgw.test/documenten/api/v1/eio/12"})
    bundle = Z.export_bundle(data, date(2026, 3, 11))
    assert bundle["zaak"]["url"] == "urn:bevoegd:zaak:1" and bundle["zaak"]["zaaktype"] is None
    assert bundle["besluiten"][0]["zaak"] == "urn:bevoegd:zaak:1" and bundle["besluiten"][0]["besluittype"] is None
    assert bundle["besluitinformatieobjecten"] == [{"informatieobject": "http://zgw.test/documenten/api/v1/eio/12",
                                                    "besluit": "urn:bevoegd:besluit:7"}]
    assert "inhoud" not in bundle["informatieobjecten"][0]
    assert bundle["rollen"] == [
        {"roltype": "bewoner", "roltoelichting": "Bewoner", "betrokkeneType": "natuurlijk_persoon"},
        {"roltype": "eigenaar", "roltoelichting": "Eigenaar", "betrokkeneType": "niet_natuurlijk_persoon"}]


def test_half_a_backend_configuration_refuses_to_start_and_the_secret_is_never_printed(monkeypatch):
    from app.config import Config

    assert Config.from_env({}).zgw_zaken_url == ""  # the embedded default: no backend, nothing published
    with pytest.raises(RuntimeError, match="BEVOEGD_ZGW_CLIENT_ID"):
        Config.from_env({"zgw_url": "http://zgw.test"})
    with pytest.raises(RuntimeError, match="elfproef"):
        Config.from_env({"zgw_url": "http://zgw.test", "zgw_client_id": "c", "zgw_secret": "s",
                         "zgw_rsin": "123456789"})
    with pytest.raises(RuntimeError, match="alle drie"):
        Config.from_env({"zgw_zaken_url": "http://zgw.test/zaken/api/v1"})
    monkeypatch.setenv("BEVOEGD_ZGW_URL", "http://zgw.test/")
    monkeypatch.setenv("BEVOEGD_ZGW_CLIENT_ID", "bevoegd")
    monkeypatch.setenv("BEVOEGD_ZGW_SECRET", "heel-geheim-fictief")
    monkeypatch.setenv("BEVOEGD_ZGW_RSIN", RSIN)
    monkeypatch.setenv("BEVOEGD_ZGW_DOCUMENTEN_URL", "http://dms.test/api/v1")
    config = Config.from_env({})
    assert config.zgw_zaken_url == "http://zgw.test/zaken/api/v1" and config.zgw_documenten_url == "http://dms.test/api/v1"
    assert "heel-geheim-fictief" not in repr(config)


def test_the_example_types_file_reads_and_names_real_besluit_outcomes():
    from app.config import ROOT, Config
    from app.rulebook import Rulebook
    from app.services.zgw import catalogi

    book = Rulebook.load(ROOT / "rules")
    found = catalogi(Config.from_env({"zgw_typen_file": ROOT / "docs" / "zgw-typen.example.yaml"}))
    assert found and set(found) <= set(book.powers)
    for code, catalogus in found.items():
        outcomes = book.index(code).outcomes
        assert all(outcomes[o].besluit for o in catalogus.besluittypen), code
