"""Straathandel on screen: the intake form, the case page of a minor buyer living in Belgium, a voornemen
offered for review and a refused draft show Dutch words, never a code name."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from app import clock
from app.models import Zaak
from tests.powers.scenarios import ADRES, local
from tests.web.test_no_code_names import leaks


def _form(seen) -> dict[str, str]:
    born = (clock.today() - timedelta(days=16 * 365 + 60)).isoformat()
    person = {"naam": "K. Scherm", "geboortedatum": born, "straat": "Verzonnenstraat", "huisnummer": "12",
              "postcode": "3700", "woonplaats": "Tongeren", "land": "BE"}
    parent = {"naam": "M. Scherm", "relatie": "ouder", "straat": "Denkbeeldlaan", "huisnummer": "7",
              "postcode": "6200 ZZ", "woonplaats": "Maastricht", "land": "NL"}
    observed = {"observed_at": local(seen), "place_description": "Bij de bank", "location_type": "openbare_plaats",
                "contacts_observed": "2", "description": "Twee korte contacten.", "substance_class": "unknown",
                "report_on_oath": "true"}
    return {"submission_id": "sh-web-00000001", "zaaktype": "straathandel", "bron_soort": "proces_verbaal",
            "bron_kenmerk": "PV-WEB-1", "bron_datum": clock.dutch_date(seen).isoformat(), **ADRES,
            "gegevens.dealing_role": "koper", "gegevens.identity_established": "yes",
            **{f"gegevens.waargenomen_persoon.{k}": v for k, v in person.items()},
            **{f"gegevens.gezaghebbenden.0.{k}": v for k, v in parent.items()},
            **{f"gegevens.observations.0.{k}": v for k, v in observed.items()}}


def test_the_straathandel_pages_show_no_code_names(client, login_as, db):
    from datetime import UTC, datetime

    login_as("handhaving")
    form = client.get("/meldingen/nieuw/straathandel")
    assert form.status_code == 200 and not leaks(form.get_data(as_text=True))
    empty = client.post("/meldingen", data={"submission_id": "sh-web-00000002", "zaaktype": "straathandel"})
    assert empty.status_code == 400 and not leaks(empty.get_data(as_text=True))
    response = client.post("/meldingen", data=_form(datetime.now(UTC) - timedelta(days=2)))
    assert response.status_code == 302, response.get_data(as_text=True)[-2000:]
    db.rollback()
    zaak = db.scalars(select(Zaak)).one()
    assert "K. Scherm" not in zaak.omschrijving
    login_as("jurist")
    page = client.get(f"/zaken/{zaak.id}").get_data(as_text=True)
    assert "België" in page and "M. Scherm" in page
    assert not leaks(page), leaks(page)
    refused = client.post(f"/zaken/{zaak.id}/beslissingen", data={
        "soort": "last_onder_dwangsom", "verzenddatum": clock.today().isoformat(), "version": zaak.version_id})
    assert not leaks(refused.get_data(as_text=True)), leaks(refused.get_data(as_text=True))


def test_a_parent_found_later_is_added_and_becomes_a_betrokkene(client, login_as, db):
    from datetime import UTC, datetime

    login_as("handhaving")
    form = {k: v for k, v in _form(datetime.now(UTC) - timedelta(days=2)).items() if ".gezaghebbenden." not in k}
    assert client.post("/meldingen", data=form).status_code == 302
    db.rollback()
    zaak = db.scalars(select(Zaak)).one()
    login_as("jurist")
    page = client.get(f"/zaken/{zaak.id}").get_data(as_text=True)
    assert "Persoon toevoegen aan" in page and not leaks(page)
    prefix = "personen-gezaghebbenden"
    sent = {"version": str(zaak.melding.version_id), f"{prefix}.naam": "V. Later & <Zn>", f"{prefix}.relatie": "voogd",
            f"{prefix}.straat": "Rue d'Essai", f"{prefix}.huisnummer": "12 bus 3", f"{prefix}.postcode": "4000",
            f"{prefix}.woonplaats": "Luik", f"{prefix}.land": "BE"}
    response = client.post(f"/zaken/{zaak.id}/personen/gezaghebbenden", data=sent)
    assert response.status_code == 302, response.get_data(as_text=True)[-1500:]
    db.rollback()
    db.expire_all()
    added = [(b.naam, b.land, b.postcode) for b in db.get(Zaak, zaak.id).betrokkenen if b.roltype == "gezaghebbende"]
    assert added == [("V. Later & <Zn>", "BE", "4000")]
