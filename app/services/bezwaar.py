"""Use cases for a bezwaar against a sent besluit: register it (with its timeliness), the 6:11 judgement on a
late one, the hearing or the reason not to hear, the advice, postponing the decision term, and the decision
on the bezwaar. Each is one transaction, audited; nothing is stored when one fails.

Which besluiten have an objection stage is the power's procedure data (`remedy: bezwaar` in index.yaml).
The decision on the bezwaar is a beslissing of its own, reviewed by the kabinet (services/objection_decision.py):
its approval revokes a besluit the bezwaar upholds (gegrond) in the same transaction.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from app.audit import Actor, record_change
from app.domain.bezwaar import (
    NIET_HOREN_KEUZES,
    Beslistermijn,
    beslistermijn,
    check_verdaging,
    is_tijdig,
    tijdigheid,
)
from app.domain.errors import InvalidInput, InvalidTransition
from app.models import Beslissing, Betrokkene, Bezwaar, User, Zaak
from app.runtime import Runtime
from app.services.assessment import REMEDY_WEEKS
from app.services.dispatch import dispatch_records
from app.services.queries import APPROVED, check_version, touch


def has_objection_stage(rt: Runtime, beslissing: Beslissing) -> bool:
    """The power's procedure data says this outcome is challenged by bezwaar."""
    outcome = rt.procedure(beslissing.zaak.zaaktype).outcome(beslissing.soort)
    return outcome.besluit and outcome.remedy == "bezwaar"


def bekendmaking(session: Session, beslissing: Beslissing, betrokkene: Betrokkene | None) -> date | None:
    """The day the besluit was made known to this objector: his own letter's current dispatch record, else
    (another interested party) the first dispatch of the besluit. None while nothing was sent."""
    rows = list(dispatch_records(session, beslissing).values())
    own = [r.verzonden_op for r in rows if betrokkene is not None
           and (r.document.ontvanger_naam, r.document.ontvanger_rol) == (betrokkene.naam, betrokkene.roltype)]
    dates = own or [r.verzonden_op for r in rows]
    if dates:
        return min(dates)
    return clock.dutch_date(beslissing.verzonden_at) if beslissing.verzonden_at else None


def register(session: Session, rt: Runtime, zaak: Zaak, beslissing: Beslissing, data: dict[str, Any], user: User,
             today: date) -> Bezwaar:
    """Register a received bezwaar and judge its timeliness. Raises ConcurrentEdit, InvalidInput,
    InvalidTransition."""
    check_version(zaak, data["version"])
    if beslissing.status not in APPROVED or not has_objection_stage(rt, beslissing):
        raise InvalidTransition("Tegen deze beslissing staat geen bezwaar open.")
    betrokkene = _betrokkene(zaak, data.get("betrokkene_id"))
    known = bekendmaking(session, beslissing, betrokkene)
    if known is None:
        raise InvalidTransition("Leg eerst de verzending van het besluit vast; de bezwaartermijn begint de dag "
                                "na de bekendmaking (Awb 6:8).")
    if data["ontvangen_op"] > today:
        raise InvalidInput({"ontvangen_op": "De datum van ontvangst ligt in de toekomst."})
    weeks = rt.book.parameter("algemeen", REMEDY_WEEKS, known).value
    verdict = tijdigheid(beslissing.datum or known, known, data["ontvangen_op"], data["wijze"], data.get("gepost_op"),
                         weeks, rt.calendar(known))
    term = beslistermijn(verdict.termijn.end_date, data["commissie"], False, None, rt.calendar(known))
    row = Bezwaar(
        zaak_id=zaak.id, beslissing_id=beslissing.id, betrokkene_id=betrokkene.id if betrokkene else None,
        indiener_naam=betrokkene.naam if betrokkene else data["indiener_naam"],
        indiener_adres=", ".join(betrokkene.adresregels[1:]) if betrokkene else data["indiener_adres"],
        ontvangen_op=data["ontvangen_op"], wijze=data["wijze"], gepost_op=data.get("gepost_op"),
        bekendgemaakt_op=known, termijn_einde=verdict.termijn.end_date, tijdigheid=verdict.oordeel,
        gronden=[{"grond": g, "reactie": ""} for g in data["gronden"]], commissie=data["commissie"],
        beslistermijn_einde=term.einde, created_by_id=user.id,
    )
    session.add(row)
    touch(zaak)
    return _done(session, user, zaak, row, "create", f"bezwaar van {row.indiener_naam}", old=None,
                 new=_snapshot(row))


def _betrokkene(zaak: Zaak, betrokkene_id: int | None) -> Betrokkene | None:
    if betrokkene_id is None:
        return None
    found = next((b for b in zaak.betrokkenen if b.id == betrokkene_id), None)
    if found is None:
        raise InvalidInput({"betrokkene_id": "Kies een betrokkene van deze zaak, of vul naam en adres in."})
    return found


def decision_term(rt: Runtime, row: Bezwaar) -> Beslistermijn:
    """The 7:10 term of a bezwaar as it stands (committee, postponement, agreed delay)."""
    return beslistermijn(row.termijn_einde, row.commissie, row.verdaagd_op is not None, row.uitstel_tot,
                         rt.calendar(row.termijn_einde))


def record_step(session: Session, rt: Runtime, row: Bezwaar, step: str, data: dict[str, Any], user: User,
                today: date) -> Bezwaar:
    """One step of the procedure: `verschoonbaar` (6:11), `horen` (7:2, 7:3), `advies` (7:13), `verdaging`
    (7:10 lid 3) or `uitstel` (7:10 lid 4). Raises ConcurrentEdit, InvalidInput, InvalidTransition."""
    check_version(row, data["version"])
    if row.uitkomst is not None:
        raise InvalidTransition("Op dit bezwaar is al beslist.")
    if row.besluit is not None and row.besluit.status == "ter_vaststelling":
        raise InvalidTransition("De beslissing op dit bezwaar ligt ter vaststelling bij het kabinet; de brief "
                                "rust op wat nu is vastgelegd. Laat haar eerst terugsturen.")
    old = _snapshot(row)
    _STEPS[step](rt, row, data, today)
    row.beslistermijn_einde = decision_term(rt, row).einde
    return _done(session, user, row.beslissing.zaak, row, "update", f"bezwaar {step}", old=old,
                 new=_snapshot(row))


def _verschoonbaar(rt: Runtime, row: Bezwaar, data: dict[str, Any], today: date) -> None:
    if is_tijdig(row.tijdigheid):
        raise InvalidTransition("Dit bezwaar is tijdig; een oordeel over verschoonbaarheid is niet nodig.")
    row.verschoonbaar, row.verschoonbaar_reden = data["verschoonbaar"], data["reden"]


def _horen(rt: Runtime, row: Bezwaar, data: dict[str, Any], today: date) -> None:
    if data.get("hoorzitting_op") is None:
        grond = data.get("niet_horen_grond")
        if grond not in NIET_HOREN_KEUZES:
            raise InvalidInput({"niet_horen_grond": "Vul de datum van de hoorzitting in, of kies de grond uit "
                                                    "artikel 7:3 Awb waarop niet wordt gehoord."})
        toelichting = (data.get("niet_horen_reden") or "").strip()
        row.hoorzitting_op, row.gehoord, row.bijgestaan_door = None, "", ""
        row.niet_horen_grond, row.niet_horen_reden = grond, toelichting or NIET_HOREN_KEUZES[grond]
        return
    if data["hoorzitting_op"] > today or data["hoorzitting_op"] < row.ontvangen_op:
        raise InvalidInput({"hoorzitting_op": "De hoorzitting ligt tussen de ontvangst van het bezwaar en vandaag."})
    if not (data.get("gehoord") or "").strip():
        raise InvalidInput({"gehoord": "Vul in wie is gehoord."})
    row.hoorzitting_op, row.gehoord, row.niet_horen_reden = data["hoorzitting_op"], data["gehoord"], None
    row.niet_horen_grond, row.bijgestaan_door = None, (data.get("bijgestaan_door") or "").strip()


def _advies(rt: Runtime, row: Bezwaar, data: dict[str, Any], today: date) -> None:
    if data["advies_op"] > today:
        raise InvalidInput({"advies_op": "De datum van het advies ligt in de toekomst."})
    row.advies_op, row.advies_samenvatting = data["advies_op"], data["samenvatting"]
    row.advies_uitkomst = data["advies_uitkomst"]


def _verdaging(rt: Runtime, row: Bezwaar, data: dict[str, Any], today: date) -> None:
    if data["verdaagd_op"] > today:
        raise InvalidInput({"verdaagd_op": "Leg de verdaging vast als de mededeling is verstuurd."})
    check_verdaging(decision_term(rt, row), data["verdaagd_op"])
    row.verdaagd_op = data["verdaagd_op"]


def _uitstel(rt: Runtime, row: Bezwaar, data: dict[str, Any], today: date) -> None:
    beslistermijn(row.termijn_einde, row.commissie, row.verdaagd_op is not None, data["uitstel_tot"],
                  rt.calendar(row.termijn_einde))  # refuses a date before the current term
    row.uitstel_tot, row.uitstel_reden = data["uitstel_tot"], data["reden"]


_STEPS = {"verschoonbaar": _verschoonbaar, "horen": _horen, "advies": _advies, "verdaging": _verdaging,
          "uitstel": _uitstel}


def bezwaren_of(session: Session, zaak: Zaak) -> list[Bezwaar]:
    """Every bezwaar of a zaak, oldest first."""
    return list(session.scalars(select(Bezwaar).where(Bezwaar.zaak_id == zaak.id).order_by(Bezwaar.id)))


def _done(session: Session, user: User, zaak: Zaak, row: Bezwaar, actie: str, weergave: str, *,  # noqa: PLR0913
          old: dict[str, Any] | None, new: dict[str, Any]) -> Bezwaar:
    session.flush()
    record_change(session, Actor.of(user), actie=actie, hoofd_object=zaak.identificatie, resource="bezwaar",
                  resource_id=row.id, weergave=weergave, oud=old, nieuw=new)
    session.commit()
    return row


def _snapshot(row: Bezwaar) -> dict[str, Any]:
    fields = ("beslissing_id", "indiener_naam", "ontvangen_op", "wijze", "gepost_op", "bekendgemaakt_op",
              "termijn_einde", "tijdigheid", "verschoonbaar", "verschoonbaar_reden", "gronden", "commissie",
              "hoorzitting_op", "gehoord", "bijgestaan_door", "niet_horen_grond", "niet_horen_reden", "advies_op",
              "advies_samenvatting", "advies_uitkomst", "verdaagd_op",
              "uitstel_tot", "uitstel_reden", "beslistermijn_einde", "uitkomst", "motivering", "beslist_op")
    return {f: getattr(row, f) for f in fields}
