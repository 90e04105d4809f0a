"""Intake: handhaving submits a report; the zaak, its betrokkenen and first assessment are stored.

For a power with an outcome decided on the spot (a huisverbod imposed by a hulpofficier van justitie), the
report carries the officer's judgements and the decision is taken in the same transaction: the zaak, the
judgements, the beslissing and its letters exist together, or nothing is stored.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import Actor, record_change
from app.domain.addressees import person_row, rechthebbende
from app.domain.codes import BRON_LABELS
from app.domain.errors import DuplicateMelding, InvalidInput
from app.domain.procedure import Outcome, bodies
from app.domain.serialize import jsonable
from app.models import Betrokkene, Melding, User, Zaak
from app.powers.spec import Subject
from app.runtime import Runtime
from app.services.assessment import assess
from app.services.bodies import body_for
from app.services.drafting import decide_on_the_spot
from app.services.joining import join, joinable, new_melding
from app.services.judging import record_on_the_spot
from app.services.listing import literal_pattern
from app.services.queries import check_version, mandaat_for, refuse_while_in_review, require_mandaat, touch
from app.services.toegang import restricted


def submit_melding(session: Session, rt: Runtime, data: dict[str, Any], officer: User, today: date) -> Zaak:
    """Create zaak, melding and betrokkenen and assess them, in one transaction; a replay returns the first zaak.
    A report of a power that `joins` reports joins the open zaak at its address instead (app/services/joining.py).

    Raises RulesNotInForce / ParameterNotInForce when the date is not covered by the rules; MandateMissing,
    InvalidInput or JudgementMissing when a decision on the spot is not allowed.
    """
    data = {**data, "submission_id": submission_key(officer, data["submission_id"])}
    refuse_source(rt, data)
    known = session.scalars(select(Melding).where(Melding.submission_id == data["submission_id"])).first()
    if known is not None:
        return known.zaak
    refuse_duplicate(session, data, rt.power(data["zaaktype"]).subject)
    target = joinable(session, rt, data, address_key(data["adres"]))
    if target is not None:
        zaak = join(session, rt, target, data, officer, today)
    else:
        zaak = create_zaak(session, rt, data, officer, today)
    session.commit()
    return zaak


def create_zaak(session: Session, rt: Runtime, data: dict[str, Any], officer: User, today: date) -> Zaak:
    """Store a loaded melding as a new zaak with its betrokkenen and first assessment, in the caller's
    transaction (flushes, never commits); a power decided on the spot is decided here too."""
    spec, actor = rt.power(data["zaaktype"]), Actor.of(officer)
    on_the_spot = rt.procedure(spec.code).on_the_spot()
    if on_the_spot is not None:
        body = body_for(rt, spec.code, jsonable(spec.case_file(data)))
        data = {**data, "decided_on_the_spot_by": decider(officer, spec.code, on_the_spot, today, body)}
    zaak = _new_zaak(session, rt, data, officer, today)
    melding = new_melding(zaak, spec.case_file(data), data, officer)
    session.add(melding)
    params = rt.book.parameters_for(spec.code, data["pleegdatum"])
    for person in spec.betrokkenen(data, params):
        zaak.betrokkenen.append(Betrokkene(**person_row(person)))
    session.flush()
    _audit_intake(session, actor, zaak, melding)
    assess(session, rt, zaak, actor, today)
    if on_the_spot is not None:
        record_on_the_spot(session, zaak, data.get("oordelen") or {}, officer, rt)
        decide_on_the_spot(session, rt, zaak, officer, today)
    return zaak


def refuse_source(rt: Runtime, data: dict[str, Any]) -> None:
    """Only the kinds of source document the power accepts (index.yaml `bron_soorten`; an application-based power
    starts from an aanvraag, a power on conduct from a report).

    Raises:
        InvalidInput: on `bron_soort`, naming the kinds that are accepted.
    """
    allowed = rt.book.index(data["zaaktype"]).bron_soorten
    if data["bron_soort"] not in allowed:
        words = ", ".join(BRON_LABELS.get(kind, kind).lower() for kind in allowed)
        raise InvalidInput({"bron_soort": f"Kies een soort document die bij deze bevoegdheid hoort: {words}."})


def refuse_duplicate(session: Session, data: dict[str, Any], subject: Subject | None = None) -> None:
    """One melding per source document and power: a report sent again (Back, a second tab) is not a second case.
    Where the power names the subject of a melding (one police report of a street deal names the seller and the
    buyer, each a case of his own), the same document may start one case per subject.

    Raises:
        DuplicateMelding: a melding of this power with the same kind and kenmerk of source document exists
            (for the same subject).
    """
    rows = session.execute(select(Zaak.identificatie, Melding.gegevens).join(Melding, Melding.zaak_id == Zaak.id).where(
        Zaak.zaaktype == data["zaaktype"], Melding.bron_soort == data["bron_soort"],
        # ILIKE without wildcards is a case-insensitive equality the trigram index of migration 0022 serves;
        # lower(kenmerk) = ... read every melding of the power at national scale.
        Melding.bron_kenmerk.ilike(literal_pattern(data["bron_kenmerk"].strip()), escape="\\"))).all()
    ours = subject(jsonable(data["gegevens"])) if subject and rows else None
    found = next((kenmerk for kenmerk, gegevens in rows if subject is None or subject(gegevens) == ours), None)
    if found is not None:
        raise DuplicateMelding(found)


def replayed(session: Session, officer: User, submission_id: str) -> Zaak | None:
    """The zaak a form with this submission id already created (the same form sent again), if any."""
    key = submission_key(officer, submission_id)
    return session.scalars(select(Zaak).join(Melding, Melding.zaak_id == Zaak.id)
                           .where(Melding.submission_id == key)).first()


def reportable(rt: Runtime, officer: User, today: date) -> list[str]:
    """The powers this officer may report for: authorised zaaktypes, and for a power decided on the spot
    only with a mandate that allows it today (others would fill in the whole form only to be refused)."""
    found = []
    for code in (c for c in rt.powers if c in (officer.zaaktypes or ())):
        spot = rt.procedure(code).on_the_spot()
        if spot is None or any(mandaat_for(officer, code, spot, today, body=body) is not None
                               for body in bodies(rt.book.index(code).orgaan)):
            found.append(code)
    return found


def decider(officer: User, code: str, outcome: Outcome, today: date, body: str | None = None) -> dict[str, str]:
    """Who decides on the spot, as the case file records it: the capacity and mandate the rules check (a mandate
    of `body`, the body that decides the case).

    Raises:
        MandateMissing: the officer holds no mandate for this outcome, valid today, in a capacity it allows.
    """
    mandaat = require_mandaat(officer, code, outcome, today, None, body=body)
    return {"capacity": mandaat.hoedanigheid, "naam": officer.display_name, "mandaatbesluit": mandaat.mandaatbesluit}


def submission_key(officer: User, submission_id: str) -> str:
    """Idempotency keys are per officer: another officer's retry with the same key is a different report."""
    return hashlib.sha256(f"{officer.id}:{submission_id}".encode()).hexdigest()


def _new_zaak(session: Session, rt: Runtime, data: dict[str, Any], officer: User, today: date) -> Zaak:
    adres = data["adres"]
    zaak = Zaak(
        identificatie=f"tmp-{data['submission_id'][:36]}",
        bronorganisatie=rt.config.zgw_rsin or rt.config.extra.get("rsin", "123456782"),
        zaaktype=data["zaaktype"], fase="bevoegdheid", omschrijving=rt.power(data["zaaktype"]).omschrijving(data),
        registratiedatum=today, startdatum=today, created_by_id=officer.id, team=officer.team,
        adres_straat=adres["straat"], adres_huisnummer=adres["huisnummer"], adres_postcode=adres["postcode"],
        adres_woonplaats=adres["woonplaats"], adres_sleutel=address_key(adres),
        orgaan=body_for(rt, data["zaaktype"], jsonable(rt.power(data["zaaktype"]).case_file(data))),
        toegang_beperkt=restricted(rt, data["zaaktype"]),  # index.yaml `toegang: lijst`: an access list from the start
    )
    session.add(zaak)
    session.flush()
    zaak.identificatie = f"BEV-{today.year}-{zaak.id:06d}"  # the kenmerk on every letter
    return zaak


def _audit_intake(session: Session, actor: Actor, zaak: Zaak, melding: Melding) -> None:
    record_change(session, actor, actie="create", hoofd_object=zaak.identificatie, resource="zaak",
                  resource_id=zaak.id, weergave=zaak.omschrijving, nieuw={"zaaktype": zaak.zaaktype})
    record_change(session, actor, actie="create", hoofd_object=zaak.identificatie, resource="melding",
                  resource_id=melding.id, weergave=f"{melding.bron_soort} {melding.bron_kenmerk}",
                  nieuw={"bron_kenmerk": melding.bron_kenmerk, "pleegdatum": melding.pleegdatum})
    for person in zaak.betrokkenen:
        record_change(session, actor, actie="create", hoofd_object=zaak.identificatie, resource="betrokkene",
                      resource_id=person.id, weergave=person.roltype, nieuw={"roltype": person.roltype})


def address_key(adres: dict[str, str]) -> str:
    """Normalised premises key (postcode + house number) so history is found whatever the spelling."""
    postcode = re.sub(r"\s+", "", adres["postcode"]).upper()
    return f"{postcode}|{adres['huisnummer'].strip().lower()}"


def add_rechthebbende(session: Session, zaak: Zaak, data: dict[str, Any], version: int, actor: User) -> Betrokkene:
    """The jurist adds the owner or landlord the report did not name (a last must be notified to them,
    Awb 5:24 lid 3). Raises ConcurrentEdit, InvalidTransition."""
    refuse_while_in_review(session, zaak)
    check_version(zaak, version)
    person = Betrokkene(**rechthebbende(data))
    zaak.betrokkenen.append(person)
    touch(zaak)
    session.flush()
    record_change(session, Actor.of(actor), actie="create", hoofd_object=zaak.identificatie, resource="betrokkene",
                  resource_id=person.id, weergave="rechthebbende", nieuw={"roltype": "rechthebbende"})
    session.commit()
    return person
