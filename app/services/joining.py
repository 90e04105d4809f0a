"""Reports that join an open zaak: a power whose case is built from reports over time (`PowerSpec.joins`).

A later report about the address of an open zaak of the same power joins it while that zaak is still being
prepared: no besluit approved yet (a warning is no besluit), not closed and not under review. The report is
kept as a melding of its own (its source document); its case file is merged into the zaak's case file by the
power, the judgements the changed facts reopen lapse, new people become betrokkenen, and the zaak is assessed
again, in the caller's transaction. After a besluit a report starts a zaak of its own, where the earlier
measures count (a breach of an order is collected there).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from app.audit import Actor, record_change
from app.domain.addressees import person_row
from app.domain.serialize import jsonable
from app.models import Beslissing, Betrokkene, Melding, User, Zaak
from app.runtime import Runtime
from app.services.assessment import assess
from app.services.judging import reopen
from app.services.queries import open_beslissing, touch
from app.services.toegang import restricted

APPROVED = ("vastgesteld", "verzonden")


def joinable(session: Session, rt: Runtime, data: dict[str, Any], key: str) -> Zaak | None:
    """The open zaak of this power at this address (normalised `key`) that a new report joins, if any."""
    spec = rt.power(data["zaaktype"])
    if spec.joins is None:
        return None
    besluiten = [code for code, o in rt.procedure(spec.code).outcomes.items() if o.besluit]
    decided = exists().where(Beslissing.zaak_id == Zaak.id, Beslissing.soort.in_(besluiten),
                             Beslissing.status.in_(APPROVED))
    found = session.scalars(select(Zaak).where(Zaak.zaaktype == spec.code, Zaak.adres_sleutel == key,
                                               Zaak.einddatum.is_(None), ~decided).order_by(Zaak.id.desc())).first()
    if found is None:
        return None
    in_review = open_beslissing(session, found)
    return None if in_review is not None and in_review.status == "ter_vaststelling" else found


def join(session: Session, rt: Runtime, zaak: Zaak, data: dict[str, Any], officer: User, today: date) -> Zaak:
    """Add the report to the zaak and merge its case file (flushes, never commits)."""
    spec, actor = rt.power(zaak.zaaktype), Actor.of(officer)
    report = jsonable(spec.case_file(data))
    melding = new_melding(zaak, report, data, officer)
    session.add(melding)
    first = zaak.melding
    old = dict(first.gegevens)
    merged = jsonable(spec.joins(old, report))
    changed = [k for k in merged if old.get(k) != merged[k]]
    first.gegevens = merged
    zaak.omschrijving = spec.omschrijving({**data, "gegevens": merged})
    zaak.toegang_beperkt = zaak.toegang_beperkt or restricted(rt, zaak.zaaktype)  # a joined report never opens it
    session.flush()
    _audit(session, actor, zaak, melding, {k: old.get(k) for k in changed}, {k: merged[k] for k in changed})
    procedure = rt.procedure(zaak.zaaktype)
    reopen(session, zaak, officer, tuple(dict.fromkeys(c for f in changed for c in procedure.reopened_by(f))),
           reason="nieuwe melding")
    # The merged case file, not the report alone: it decides the roles (who is addressed stays as stored).
    params = rt.book.parameters_for(spec.code, zaak.melding.pleegdatum)
    _add_new_people(session, zaak, spec.betrokkenen({**data, "adres": zaak.adres, "gegevens": merged}, params),
                    actor)
    touch(zaak)
    assess(session, rt, zaak, actor, today)
    return zaak


def new_melding(zaak: Zaak, case_file: dict[str, Any], data: dict[str, Any], officer: User) -> Melding:
    """The source document of a report as the zaak keeps it (a zaak's first report, or one that joined)."""
    return Melding(
        zaak=zaak, submission_id=data["submission_id"], bron_soort=data["bron_soort"],
        bron_kenmerk=data["bron_kenmerk"], bron_datum=data["bron_datum"], pleegdatum=data["pleegdatum"],
        toelichting=data.get("toelichting", ""), gegevens=jsonable(case_file), reporter_id=officer.id,
    )


def joined(zaak: Zaak, submission_id: str) -> bool:
    """Whether this submission joined an existing zaak rather than starting it."""
    return zaak.melding.submission_id != submission_id


def _add_new_people(session: Session, zaak: Zaak, people: list[dict[str, Any]], actor: Actor) -> None:
    known = {(b.roltype, " ".join(b.naam.split()).casefold()) for b in zaak.betrokkenen}
    for person in people:
        if (person["roltype"], " ".join(str(person["naam"]).split()).casefold()) in known:
            continue
        row = Betrokkene(**person_row(person))
        zaak.betrokkenen.append(row)
        session.flush()
        record_change(session, actor, actie="create", hoofd_object=zaak.identificatie, resource="betrokkene",
                      resource_id=row.id, weergave=row.roltype, nieuw={"roltype": row.roltype})


def _audit(session: Session, actor: Actor, zaak: Zaak, melding: Melding, oud: dict[str, Any],
           nieuw: dict[str, Any]) -> None:
    record_change(session, actor, actie="create", hoofd_object=zaak.identificatie, resource="melding",
                  resource_id=melding.id, weergave=f"{melding.bron_soort} {melding.bron_kenmerk}",
                  nieuw={"bron_kenmerk": melding.bron_kenmerk, "pleegdatum": melding.pleegdatum})
    record_change(session, actor, actie="update", hoofd_object=zaak.identificatie, resource="melding",
                  resource_id=zaak.melding.id, weergave=f"Feiten van {zaak.identificatie} (nieuwe melding)",
                  oud=oud, nieuw=nieuw)
