"""Earlier measures for repeat offences: select the candidates of a zaak (read only, no commits).

Candidates are the approved escalation outcomes of the same power in other zaken, and the earlier measures
entered by hand, at the same premises (normalised address) or against the same person (name and date of
birth of the power's offender roles). Each becomes a plain history item (app/domain/history.py) with what
is known about it (sent, revoked, same premises, same person); the power decides which count.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import false, func, or_, select
from sqlalchemy.orm import Session

from app.domain.addressees import postal_lines
from app.domain.history import Counted, person_key, same_person
from app.domain.procedure import Procedure
from app.models import Beslissing, Betrokkene, EerdereMaatregel, Verzending, Zaak
from app.runtime import Runtime
from app.services.forfeiture import forfeited, order_terms
from app.services.listing import literal_pattern
from app.services.parameters import overlay_for, peildatum_of

APPROVED = ("vastgesteld", "verzonden")
FROM_PRODUCT, ENTERED = "zaak", "ingevoerd"


def history_items(session: Session, rt: Runtime, zaak: Zaak) -> list[dict[str, Any]]:
    """Every earlier measure that may count for this zaak, oldest offence first."""
    spec, procedure = rt.power(zaak.zaaktype), rt.procedure(zaak.zaaktype)
    people = _people(zaak.betrokkenen, spec.offender_roles)
    items = [*_from_beslissingen(session, procedure, zaak, people, spec.offender_roles),
             *_entered(session, procedure, zaak, people)]
    return sorted(items, key=lambda item: (item["date"], item["kenmerk"]))


def explained(session: Session, rt: Runtime, zaak: Zaak, today: date) -> list[Counted] | None:
    """The power's verdict on each earlier measure (None when the power does not count repeats), with the
    parameter values the assessment uses: confirmed ones, policy values as they stand today."""
    spec = rt.power(zaak.zaaktype)
    if spec.explain_history is None:
        return None
    params = rt.book.parameters_for(zaak.zaaktype, peildatum_of(rt, zaak, today), beslisdatum=today,
                                    overlay=overlay_for(session, zaak.zaaktype))
    return spec.explain_history(zaak.melding.gegevens, history_items(session, rt, zaak), params)


def _people(betrokkenen: Iterable[Betrokkene], roles: tuple[str, ...]) -> list[Betrokkene]:
    return [b for b in betrokkenen if b.roltype in roles]


def _keys(people: Iterable[Betrokkene]) -> list[str | None]:
    return [person_key(b.naam, b.geboortedatum, b.is_organisatie) for b in people]


def _person_filter(people: list[Betrokkene]) -> Any:
    """SQL pre-selection of possibly the same person (the exact match is person_key, in Python)."""
    births = [b.geboortedatum for b in people if b.geboortedatum]
    # An organisation by a name containing its name: the trigram index of migration 0022 serves ILIKE, where
    # lower(trim(naam)) read all betrokkenen (0.4 s a case page at 1M zaken); person_key decides exactly.
    names = [Betrokkene.naam.ilike(f"%{literal_pattern(b.naam.strip())}%", escape="\\")
             for b in people if b.is_organisatie]
    return or_(Betrokkene.geboortedatum.in_(births), Betrokkene.is_organisatie.is_(True) & or_(false(), *names))


def _from_beslissingen(session: Session, procedure: Procedure, zaak: Zaak, people: list[Betrokkene],
                       roles: tuple[str, ...]) -> list[dict[str, Any]]:
    related = select(Betrokkene.zaak_id).where(Betrokkene.roltype.in_(roles), _person_filter(people))
    rows = session.scalars(select(Beslissing).join(Zaak).where(
        Zaak.zaaktype == zaak.zaaktype, Zaak.id != zaak.id,
        or_(Zaak.adres_sleutel == zaak.adres_sleutel, Zaak.id.in_(related)) if people
        else Zaak.adres_sleutel == zaak.adres_sleutel,
        Beslissing.status.in_(APPROVED), Beslissing.soort.in_(procedure.escalation_kinds()),
    ).order_by(Beslissing.id))
    rows, ours = list(rows), _keys(people)
    dispatched = _first_dispatch(session, [b.id for b in rows])
    totals = forfeited(session, procedure, zaak.zaaktype, [b.id for b in rows if order_terms(b)],
                       related if people else None)
    return [{
        "kind": b.soort, "date": b.zaak.melding.pleegdatum, "letter_date": dispatched.get(b.id, b.verzenddatum),
        "sent": b.id in dispatched or b.status == "verzonden" or procedure.outcome(b.soort).on_the_spot,
        "revoked": b.intrekking_soort, "same_address": b.zaak.adres_sleutel == zaak.adres_sleutel,
        "same_person": same_person(ours, _keys(_people(b.zaak.betrokkenen, roles))),
        "kenmerk": b.zaak.identificatie, "bron": FROM_PRODUCT, "id": b.id,
        "adres": ", ".join(b.zaak.adresregels), **order_terms(b),
        **({"verbeurd": str(totals[b.id])} if b.id in totals else {}),
    } for b in rows]


def _first_dispatch(session: Session, ids: list[int]) -> dict[int, Any]:
    """The first day a letter of each beslissing went out, from the dispatch records still in force (a
    correction supersedes the record it names). A measure counts as sent once one letter was sent; a measure
    decided on the spot counts as made known when it was imposed."""
    superseded = select(Verzending.vervangt_id).where(Verzending.vervangt_id.is_not(None))
    rows = session.execute(select(Verzending.beslissing_id, func.min(Verzending.verzonden_op)).where(
        Verzending.beslissing_id.in_(ids), Verzending.id.not_in(superseded)).group_by(Verzending.beslissing_id))
    return dict(rows.tuples().all())


def _entered(session: Session, procedure: Procedure, zaak: Zaak, people: list[Betrokkene]) -> list[dict[str, Any]]:
    births = [b.geboortedatum for b in people if b.geboortedatum]
    rows = session.scalars(select(EerdereMaatregel).where(
        EerdereMaatregel.zaaktype == zaak.zaaktype, EerdereMaatregel.soort.in_(procedure.escalation_kinds()),
        or_(EerdereMaatregel.adres_sleutel == zaak.adres_sleutel, EerdereMaatregel.persoon_geboortedatum.in_(births)),
    ).order_by(EerdereMaatregel.id))
    ours = _keys(people)
    return [{
        "kind": m.soort, "date": m.pleegdatum, "letter_date": m.verzenddatum, "sent": m.verzonden,
        "revoked": m.intrekking_soort, "same_address": m.adres_sleutel == zaak.adres_sleutel,
        "same_person": same_person(ours, [person_key(m.persoon_naam, m.persoon_geboortedatum)]),
        "kenmerk": m.kenmerk, "bron": ENTERED, "id": m.id,
        "adres": ", ".join(postal_lines(m.adres_straat, m.adres_huisnummer, m.adres_postcode, m.adres_woonplaats)),
    } for m in rows]

