"""Fictional demo data: one user per role and a few damocles meldingen. Idempotent."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Mandaat, User
from app.runtime import Runtime
from app.services.accounts import hash_password
from app.services.intake import submit_melding
from app.web.schemas import MeldingSchema

DEMO_PASSWORD = "demo-bevoegd-2026"  # noqa: S105 - fictional demo accounts, printed by make run
DEMO_USERS = (
    ("handhaving", "handhaving", "H. Handhaver (demo)"),
    ("jurist", "jurist", "J. Jurist (demo)"),
    ("kabinet", "kabinet", "K. Kabinet (demo)"),
    ("beheerder", "beheerder", "B. Beheerder (demo)"),
    ("auditor", "auditor", "A. Auditor (demo)"),
)
SIGNATURE = "namens de burgemeester van Maastricht,\nK. Kabinet (demo)\nhoofd Kabinet en Veiligheid"


def seed_demo(session: Session, rt: Runtime, today: date) -> list[tuple[str, str]]:
    """Create the demo users and meldingen once; return (username, password) pairs to print."""
    if session.scalars(select(User).limit(1)).first() is None:
        _users(session)
        officer = session.scalars(select(User).where(User.username == "handhaving")).one()
        for melding in demo_meldingen(today):
            submit_melding(session, rt, MeldingSchema().load(melding), officer, today)
    return [(username, DEMO_PASSWORD) for username, _, _ in DEMO_USERS]


def _users(session: Session) -> None:
    hashed = hash_password(DEMO_PASSWORD)
    for username, role, name in DEMO_USERS:
        user = User(username=username, display_name=name, role=role, team="oov", password_hash=hashed,
                    zaaktypes=["damocles"], phone="14 043 (demo)")
        session.add(user)
        if role == "kabinet":
            user.mandaten.append(Mandaat(besluittype="damocles", ondertekening=SIGNATURE))
    session.commit()


def demo_meldingen(today: date) -> list[dict[str, Any]]:
    """Three fictional police reports: a dealing quantity of hard drugs, a first soft-drug find, a car."""
    found = today - timedelta(days=10)
    base = {"bron_soort": "bestuurlijke_rapportage", "bron_datum": (found + timedelta(days=3)).isoformat(),
            "pleegdatum": found.isoformat()}
    return [
        {**base, "submission_id": "demo-0001-harddrugs", "bron_kenmerk": "BR-DEMO-0001",
         "adres": _adres("Voorbeeldstraat", "12"), "bewoners": [{"naam": "A. Testbewoner", "roltype": "bewoner"}],
         "rechthebbende": {"naam": "Woonstichting Voorbeeld", "soort": "woningcorporatie", **_adres("Postbus", "100")},
         "gegevens": {"premises_type": "woning", "substances": [
             {"name": "MDMA", "opiumwet_list": "lijst_i", "quantity": 2.3, "unit": "g"},
             {"name": "cocaïne", "opiumwet_list": "lijst_i", "quantity": 0.55, "unit": "g"}],
             "attributes_found": ["weegschaal", "verpakkingsmateriaal"], "landlord_kind": "woningcorporatie"}},
        {**base, "submission_id": "demo-0002-hennep", "bron_kenmerk": "BR-DEMO-0002",
         "adres": _adres("Fictieweg", "7"), "bewoners": [{"naam": "B. Proefpersoon", "roltype": "bewoner"}],
         "rechthebbende": {"naam": "C. Verhuurder (demo)", "soort": "verhuurder", **_adres("Verzonnenlaan", "3")},
         "gegevens": {"premises_type": "woning", "substances": [
             {"name": "hennepplanten", "opiumwet_list": "lijst_ii", "quantity": 6, "unit": "plants"}]}},
        {**base, "submission_id": "demo-0003-voertuig", "bron_kenmerk": "BR-DEMO-0003",
         "adres": _adres("Denkbeeldplein", "1"), "bewoners": [{"naam": "D. Onbekend", "roltype": "overtreder"}],
         "gegevens": {"premises_type": "voertuig", "substances": [
             {"name": "cocaïne", "opiumwet_list": "lijst_i", "quantity": 5, "unit": "g"}]}},
    ]


def _adres(straat: str, huisnummer: str) -> dict[str, str]:
    return {"straat": straat, "huisnummer": huisnummer, "postcode": "6200 ZZ", "woonplaats": "Maastricht"}
