"""The lists of zaken and of their decisions: the case list, "Mijn meldingen", the review queue and the kabinet's
history. Each is a keyset-paged query (services/listing.py) over the zaken the actor may see (web/access.py
`visible_zaken`, which keeps access lists and confidentiality), with the relations every row shows loaded in
the same statement, so a page runs a fixed number of statements whatever its length."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, exists, select
from sqlalchemy.orm import Session, joinedload, selectinload

from app.models import Beslissing, Betrokkene, Melding, Reeks, Reviewronde, User, Zaak
from app.services.listing import AFTER, BEFORE, Order, Page, in_period, keyset, log_search, matching_ids, moment

ZAKEN = Order(Zaak.registratiedatum, Zaak.id, date.fromisoformat)  # newest first
QUEUE = Order(Beslissing.verzenddatum, Beslissing.id, date.fromisoformat, newest_first=False)  # most urgent first
HISTORY = Order(Reviewronde.created_at, Reviewronde.id, moment)
REVIEWED = ("goedgekeurd", "teruggestuurd", "nagecontroleerd")


def zaak_conditions(filters: dict[str, Any]) -> list[ColumnElement[bool]]:
    """The filters and the search on a zaak: power, phase, behandelaar ("geen": not assigned), and text in its
    kenmerk, its address, the police report's kenmerk or the name of a betrokkene."""
    conditions = []
    if filters.get("bevoegdheid"):
        conditions.append(Zaak.zaaktype == filters["bevoegdheid"])
    if filters.get("fase"):
        conditions.append(Zaak.fase == filters["fase"])
    if filters.get("behandelaar") == "geen":
        conditions.append(Zaak.behandelaar_id.is_(None))
    elif filters.get("behandelaar"):
        conditions.append(Zaak.behandelaar_id == int(filters["behandelaar"]))
    found = matching_ids(filters.get("zoek"), Zaak.id, (
        (Zaak.id, Zaak.identificatie), (Zaak.id, Zaak.adres_straat), (Betrokkene.zaak_id, Betrokkene.naam),
        (Melding.zaak_id, Melding.bron_kenmerk)))
    return conditions if found is None else [*conditions, found]


def list_zaken(session: Session, visible: Select[Any], filters: dict[str, Any], actor: User, origin: str) -> Page:
    """One page of the zaken this user may see under the filters; the search is logged (filters used, hits)."""
    query = in_period(visible.where(*zaak_conditions(filters)), Zaak.registratiedatum, filters)
    page = keyset(session, query.options(joinedload(Zaak.behandelaar)), ZAKEN, filters)
    log_search(session, actor, "zaak", origin, filters, len(page.rows))
    return page


def review_queue(session: Session, visible: Select[Any], filters: dict[str, Any], actor: User,
                 origin: str) -> tuple[Page, Page]:
    """Beslissingen awaiting approval, and decisions taken on the spot awaiting their nacontrole, in zaken this
    user may see, each list paged on its own; the list view is logged."""
    zaak_ids = visible.where(*zaak_conditions(filters)).with_only_columns(Zaak.id)
    # The letters of a bulk run awaiting approval are approved as a run (/reeksen), not one by one.
    # NOT EXISTS, not NOT IN: PostgreSQL plans NOT IN (subquery) as a subplan per row once the subquery outgrows
    # work_mem (over 20 s for the queue at 1M zaken); NOT EXISTS is an anti-join.
    in_run = exists().where(Zaak.id == Beslissing.zaak_id, Reeks.id == Zaak.reeks_id,
                            Reeks.status == "ter_vaststelling")
    pending = _decisions(filters, Beslissing.status == "ter_vaststelling", Beslissing.zaak_id.in_(zaak_ids), ~in_run)
    afterwards = _decisions(filters, Beslissing.review_mode == "achteraf", Beslissing.nagecontroleerd_at.is_(None),
                            Beslissing.status.in_(("vastgesteld", "verzonden")), Beslissing.zaak_id.in_(zaak_ids))
    first = keyset(session, pending, QUEUE, filters)
    second = keyset(session, afterwards, QUEUE, {AFTER: filters.get("nc_na"), BEFORE: filters.get("nc_voor")})
    log_search(session, actor, "beslissing", origin, filters,
               f"{len(first.rows)} ter_vaststelling, {len(second.rows)} nacontrole")
    return first, second


def _decisions(filters: dict[str, Any], *conditions: ColumnElement[bool]) -> Select[Any]:
    """Decisions in the period (their sending date), with the zaak and the people every row names. The people
    come in one statement each (selectinload): joined into the page's statement, PostgreSQL misjudged the queue's
    size at 1M zaken and scanned the users table once per decision."""
    return in_period(select(Beslissing).where(*conditions), Beslissing.verzenddatum, filters).options(
        joinedload(Beslissing.zaak), selectinload(Beslissing.drafter), selectinload(Beslissing.ondertekenaar))


def history(session: Session, visible: Select[Any], filters: dict[str, Any], actor: User, origin: str) -> Page:
    """The review rounds (approved, returned, checked afterwards) in zaken this kabinet member may see, newest
    first, one page; the list view is logged."""
    zaak_ids = visible.where(*zaak_conditions(filters)).with_only_columns(Zaak.id)
    query = in_period(select(Reviewronde).join(Beslissing).where(
        Beslissing.zaak_id.in_(zaak_ids), Reviewronde.resultaat.in_(REVIEWED)), Reviewronde.created_at, filters)
    page = keyset(session, query.options(joinedload(Reviewronde.beslissing).joinedload(Beslissing.zaak),
                                         joinedload(Reviewronde.reviewer)), HISTORY, filters)
    log_search(session, actor, "reviewronde", origin, filters, len(page.rows))
    return page


def team_jurists(session: Session, team: str) -> list[tuple[int, str]]:
    """The jurists of a team (id, name): the choices of the behandelaar filter."""
    return [(row.id, row.display_name) for row in session.execute(select(User.id, User.display_name).where(
        User.role == "jurist", User.team == team).order_by(User.display_name))]
