"""Fictional demo data: users for every role and capacity, and each power's demo meldingen. Idempotent.

Every user is authorised for every registered power. The kabinet member signs in mandate, the mayor
decides as the body itself (extensions and withdrawals that cannot be mandated), and the officer holds
the mandate of a hulpofficier van justitie where a power's procedure allows one.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Mandaat, User, Zaak
from app.runtime import Runtime
from app.schemas.melding import MeldingSchema
from app.services.accounts import hash_password
from app.services.assignment import assign
from app.services.intake import submit_melding

DEMO_PASSWORD = "demo-bevoegd-2026"  # noqa: S105 - fictional demo accounts, printed by make run
HOVJ = "hulpofficier_van_justitie"
# (username, role, display name, mandate capacity or None)
DEMO_USERS = (
    ("handhaving", "handhaving", "H. Handhaver (demo)", None),
    ("hovj", "handhaving", "O. Hulpofficier (demo)", HOVJ),
    ("jurist", "jurist", "J. Jurist (demo)", None),
    ("jurist2", "jurist", "L. Collega (demo)", None),
    ("kabinet", "kabinet", "K. Kabinet (demo)", "gemandateerde"),
    ("burgemeester", "kabinet", "M. Burgemeester (demo)", "orgaan"),
    ("beheerder", "beheerder", "B. Beheerder (demo)", None),
    ("beheerder2", "beheerder", "C. Beheerder (demo)", None),  # the second pair of eyes on a mandate grant
    ("auditor", "auditor", "A. Auditor (demo)", None),
)
# The function each capacity signs under (Awb 10:10: "namens deze" with the function); the mayor signs in person.
FUNCTIES = {"gemandateerde": "hoofd Kabinet en Veiligheid", "orgaan": "", HOVJ: "hulpofficier van justitie"}
MANDATE_FROM = date(2025, 1, 1)  # fictional: the demo mandate decision's commencement


def seed_demo(session: Session, rt: Runtime, today: date) -> list[tuple[str, str]]:
    """Create the demo users and meldingen once; return (username, password) pairs to print."""
    if session.scalars(select(User).limit(1)).first() is None:
        users = _users(session, rt)
        zaken = []
        for code, spec in rt.powers.items():
            officer = users["hovj"] if _on_the_spot(rt, code) else users["handhaving"]
            for melding in spec.demo(today):
                zaken.append(submit_melding(session, rt, MeldingSchema().load(melding), officer, today))
        _assign_some(session, zaken, users)
    return [(username, DEMO_PASSWORD) for username, *_ in DEMO_USERS]


def _assign_some(session: Session, zaken: list[Zaak], users: dict[str, User]) -> None:
    """The work lists show something in each: every other case assigned (to "jurist", one to his colleague),
    the rest waiting under "Niet toegewezen". The huisverbod decided on the spot brings its deadlines along
    (the end of the order, the reachability notice)."""
    for n, zaak in enumerate(zaken):
        if n % 2 == 0:
            who = users["jurist2"] if n == 2 else users["jurist"]  # one case for the colleague
            assign(session, zaak, who.id, zaak.version_id, users["jurist"])


def _users(session: Session, rt: Runtime) -> dict[str, User]:
    hashed, powers, made = hash_password(DEMO_PASSWORD), list(rt.powers), {}
    for username, role, name, capacity in DEMO_USERS:
        user = User(username=username, display_name=name, role=role, team="oov", password_hash=hashed,
                    zaaktypes=powers, phone="14 043 (demo)")
        for code in powers if capacity else ():
            outcomes = _outcomes(rt, code, capacity)
            if outcomes:
                user.mandaten.append(Mandaat(besluittype=code, hoedanigheid=capacity, uitkomsten=outcomes,
                                             valid_from=MANDATE_FROM, mandaatbesluit=_besluit(capacity),
                                             functie=FUNCTIES[capacity]))
        session.add(user)
        made[username] = user
    session.commit()
    return made


def _outcomes(rt: Runtime, code: str, capacity: str) -> list[str]:
    """Every outcome of the power this capacity may decide: the mandate names them one by one."""
    return [o.code for o in rt.procedure(code).outcomes.values() if o.may_decide(capacity)]


def _on_the_spot(rt: Runtime, code: str) -> bool:
    return rt.procedure(code).on_the_spot() is not None


def _besluit(capacity: str) -> str:
    return "" if capacity == "orgaan" else "Mandaatbesluit burgemeester Maastricht 2025 (demo, fictief)"

