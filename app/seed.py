"""Fictional demo data: users for every role and capacity, and each power's demo meldingen. Idempotent.

Every user of team oov is authorised for every registered power. The kabinet member signs in mandate, the mayor
decides as the body itself (extensions and withdrawals that cannot be mandated), and the officer holds
the mandate of a hulpofficier van justitie where a power's procedure allows one. The permit desk (team
vergunningen) handles the powers that start from an aanvraag: its officer submits the applications, its jurist
handles them and its head signs in mandate of the body that decides each (burgemeester or college).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.bulk import template_csv
from app.domain.procedure import bodies
from app.models import Mandaat, User, Zaak
from app.runtime import Runtime
from app.schemas.melding import MeldingSchema
from app.services.accounts import hash_password
from app.services.assignment import assign
from app.services.bulk import import_run
from app.services.intake import submit_melding

APPLICATION = "aanvraag"  # the kind of source document of an application (domain/codes.py)
DEMO_PASSWORD = "demo-bevoegd-2026"  # noqa: S105 - fictional demo accounts, printed by make run
HOVJ = "hulpofficier_van_justitie"
OOV, VERGUNNINGEN = "oov", "vergunningen"  # the teams: public order and safety; the permit desk
# (username, role, display name, mandate capacity or None, team)
DEMO_USERS = (
    ("handhaving", "handhaving", "H. Handhaver (demo)", None, OOV),
    ("hovj", "handhaving", "O. Hulpofficier (demo)", HOVJ, OOV),
    ("jurist", "jurist", "J. Jurist (demo)", None, OOV),
    ("jurist2", "jurist", "L. Collega (demo)", None, OOV),
    ("kabinet", "kabinet", "K. Kabinet (demo)", "gemandateerde", OOV),
    ("burgemeester", "kabinet", "M. Burgemeester (demo)", "orgaan", OOV),
    ("beheerder", "beheerder", "B. Beheerder (demo)", None, OOV),
    ("beheerder2", "beheerder", "C. Beheerder (demo)", None, OOV),  # the second pair of eyes on a mandate grant
    ("auditor", "auditor", "A. Auditor (demo)", None, OOV),
    ("vergunningen", "handhaving", "V. Vergunningverlener (demo)", None, VERGUNNINGEN),  # submits applications
    ("vergunningen_jurist", "jurist", "B. Bibob-jurist (demo)", None, VERGUNNINGEN),
    ("vergunningen_hoofd", "kabinet", "W. Hoofd Vergunningen (demo)", "gemandateerde", VERGUNNINGEN),
)
# The function each capacity signs under (Awb 10:10: "namens deze" with the function); the mayor signs in person.
FUNCTIES = {"gemandateerde": "hoofd Kabinet en Veiligheid", "orgaan": "", HOVJ: "hulpofficier van justitie"}
FUNCTIES_VERGUNNINGEN = {"gemandateerde": "hoofd Vergunningen"}
MANDATE_FROM = date(2025, 1, 1)  # fictional: the demo mandate decision's commencement


def seed_demo(session: Session, rt: Runtime, today: date) -> list[tuple[str, str]]:
    """Create the demo users and meldingen once; return (username, password) pairs to print."""
    if session.scalars(select(User).limit(1)).first() is None:
        users = _users(session, rt)
        zaken = []
        for code, spec in rt.powers.items():
            officer = users["vergunningen"] if applications(rt, code) else \
                users["hovj"] if _on_the_spot(rt, code) else users["handhaving"]
            for melding in spec.demo(today):
                zaken.append(submit_melding(session, rt, MeldingSchema().load(melding), officer, today))
        _assign_some(session, zaken, users)
        _demo_groups(session, rt, users["jurist"], today)
    return [(username, DEMO_PASSWORD) for username, *_ in DEMO_USERS]


def _demo_groups(session: Session, rt: Runtime, jurist: User, today: date) -> None:
    """A group incident read in for each power that has them, waiting for the jurist's group judgements."""
    for spec in (s for s in rt.powers.values() if s.bulk is not None and s.bulk.demo is not None):
        shared, rows = spec.bulk.demo(today)
        upload = template_csv((*spec.bulk.columns, *spec.bulk.optional_columns), rows).encode()
        import_run(session, rt, shared, upload, jurist, today)


def _assign_some(session: Session, zaken: list[Zaak], users: dict[str, User]) -> None:
    """The work lists show something in each: every other case assigned (to "jurist", one to his colleague),
    the rest waiting under "Niet toegewezen". The huisverbod decided on the spot brings its deadlines along
    (the end of the order, the reachability notice). The permit desk's cases go to its own jurist."""
    for n, zaak in enumerate(z for z in zaken if z.team == OOV):
        if n % 2 == 0:
            who = users["jurist2"] if n == 2 else users["jurist"]  # one case for the colleague
            assign(session, zaak, who.id, zaak.version_id, users["jurist"])
    for n, zaak in enumerate(z for z in zaken if z.team == VERGUNNINGEN):
        if n % 2 == 0:
            assign(session, zaak, users["vergunningen_jurist"].id, zaak.version_id, users["vergunningen_jurist"])


def _users(session: Session, rt: Runtime) -> dict[str, User]:
    hashed, made = hash_password(DEMO_PASSWORD), {}
    for username, role, name, capacity, team in DEMO_USERS:
        powers = [c for c in rt.powers if applications(rt, c)] if team == VERGUNNINGEN else list(rt.powers)
        user = User(username=username, display_name=name, role=role, team=team, password_hash=hashed,
                    zaaktypes=powers, phone="14 043 (demo)")
        functies = FUNCTIES_VERGUNNINGEN if team == VERGUNNINGEN else FUNCTIES
        for code in powers if capacity else ():
            outcomes = _outcomes(rt, code, capacity)
            for body in _bodies_of(rt, code, capacity) if outcomes else ():  # a mandate of each body
                user.mandaten.append(Mandaat(besluittype=code, hoedanigheid=capacity, uitkomsten=outcomes,
                                             orgaan=body, valid_from=MANDATE_FROM,
                                             mandaatbesluit=_besluit(capacity, body), functie=functies[capacity]))
        session.add(user)
        made[username] = user
    session.commit()
    return made


def _bodies_of(rt: Runtime, code: str, capacity: str) -> tuple[str, ...]:
    """The bodies a demo user decides for: the mayor in person is the burgemeester, never the college alone."""
    found = bodies(rt.book.index(code).orgaan)
    return tuple(b for b in found if b == "burgemeester") if capacity == "orgaan" else found


def applications(rt: Runtime, code: str) -> bool:
    """A power that starts from an application (index.yaml `bron_soorten` names an aanvraag): the permit desk's."""
    return APPLICATION in rt.book.index(code).bron_soorten


def _outcomes(rt: Runtime, code: str, capacity: str) -> list[str]:
    """Every outcome of the power this capacity may decide: the mandate names them one by one."""
    return [o.code for o in rt.procedure(code).outcomes.values() if o.may_decide(capacity)]


def _on_the_spot(rt: Runtime, code: str) -> bool:
    return rt.procedure(code).on_the_spot() is not None


def _besluit(capacity: str, body: str) -> str:
    giver = "burgemeester" if body == "burgemeester" else "college van burgemeester en wethouders"
    return "" if capacity == "orgaan" else f"Mandaatbesluit {giver} Maastricht 2025 (demo, fictief)"

