"""Dispatch of a decision's letters (pure): which sending dates are acceptable, the last day each recipient can
object or appeal, and which record per letter is the current one.

Awb 3:41: a besluit is made known by sending or handing it to each addressee; the objection or appeal period
of six weeks starts the day after (Awb 6:7, 6:8) and ends by the Algemene termijnenwet. Because each
recipient may receive the letter on another day or by another method, the period is per recipient.

A letter that came back (a Retour on its current record) counts as not sent: it waits for a new sending, which
supersedes the returned record. Whether the returned sending still made the besluit known is a jurist's
judgement, not something this module decides.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Protocol, TypeVar

from app.domain.deadlines import Calendar, einde_termijn
from app.domain.errors import InvalidInput
from app.domain.procedure import Outcome

METHOD_LABELS = {"post": "Per gewone post", "aangetekend": "Aangetekend", "digitaal": "Per e-mail",
                 "berichtenbox": "Berichtenbox van MijnOverheid",
                 "uitreiking": "Uitgereikt in persoon (bijvoorbeeld door de politie)"}
RETURN_LABELS = {"onbestelbaar": "Onbestelbaar (adres onbekend of verhuisd)",
                 "niet_afgehaald": "Aangetekende brief niet afgehaald", "geweigerd": "Aanname geweigerd"}


class DispatchLike(Protocol):
    """The fields of a stored dispatch record (models.Verzending) this module reads."""

    id: int
    document_id: int
    vervangt_id: int | None


D = TypeVar("D", bound=DispatchLike)


class SentLike(Protocol):
    """The fields of a dispatch record the besluit's dates are taken from."""

    id: int
    verzonden_op: date
    uiterlijke_reactiedatum: date | None


@dataclass(frozen=True)
class BesluitDates:
    """The ZGW besluit's dates as the recorded sending gives them; None while no letter went out validly."""

    verzenddatum: date | None
    uiterlijke_reactiedatum: date | None


def check_sending_date(sent: date, approved: date, today: date, letter_date: date | None = None,  # noqa: PLR0913
                       dated_terms: bool = False, grace_days: int = 0) -> None:
    """A letter goes out after the decision is taken and not before the date it carries; a record describes
    what already happened; a letter with terms counted from its date goes out (almost) on that date.

    Raises:
        InvalidInput: the date lies before the approval or the letter's date, in the future, or so late that the
        letter's own terms no longer hold.
    """
    if sent < approved:
        raise InvalidInput({"verzonden_op": f"De brief kan niet zijn verzonden vóór de vaststelling op "
                                            f"{approved.strftime('%d-%m-%Y')}. Controleer de datum."})
    if letter_date is not None and sent < letter_date:
        raise InvalidInput({"verzonden_op": f"De brief draagt de datum {letter_date.strftime('%d-%m-%Y')}; hij kan "
                                            "niet eerder zijn verzonden. Controleer de datum."})
    if sent > today:
        raise InvalidInput({"verzonden_op": "Deze datum ligt in de toekomst. Leg de verzending vast als de brief "
                                            "echt is verstuurd of uitgereikt."})
    # A letter whose terms run from the date it carries may go out at most `grace_days` later (parameter
    # algemeen.verzendmarge_dagen); beyond that its compliance and zienswijze periods are too short.
    if dated_terms and letter_date is not None and (sent - letter_date).days > grace_days:
        raise InvalidInput({"verzonden_op": "De brief is te laat verstuurd: de termijnen in de brief tellen vanaf "
                                            f"{letter_date.strftime('%d-%m-%Y')} en zijn nu te kort. Stel de "
                                            "beslissing opnieuw op met een nieuwe verzenddatum."})


def remedy_deadline(outcome: Outcome, role: str, sent: date, weeks: int, calendar: Calendar) -> date | None:
    """The last day this recipient can object or appeal, counted from the day after sending; None when the
    letter carries no legal remedy (not a besluit, or a role that is only told the content)."""
    if not outcome.besluit or outcome.remedy == "geen" or role in outcome.notified:
        return None
    return einde_termijn(sent, weeks=weeks, calendar=calendar).end_date


def current_records(records: Iterable[D]) -> dict[int, D]:
    """Per letter (document id), the record no later record supersedes."""
    rows = list(records)
    superseded = {r.vervangt_id for r in rows if r.vervangt_id is not None}
    return {r.document_id: r for r in sorted(rows, key=lambda r: r.id) if r.id not in superseded}


def all_sent(document_ids: Iterable[int], current: dict[int, DispatchLike],
             returned: Collection[int] = frozenset()) -> bool:
    """True when every letter has a current dispatch record that did not come back (and there is at least one
    letter); `returned` holds the ids of the records with a Retour."""
    ids = list(document_ids)
    return bool(ids) and all(i in current and current[i].id not in returned for i in ids)


def awaiting_dispatch(document_ids: Iterable[int], current: dict[int, DispatchLike],
                      returned: Collection[int] = frozenset()) -> list[int]:
    """The letters (document ids, in the order given) still to be sent: no current record, or one that came back."""
    return [i for i in document_ids if i not in current or current[i].id in returned]


def besluit_dates(current: Iterable[SentLike], returned: Collection[int] = frozenset()) -> BesluitDates:
    """The besluit's ZGW `verzenddatum` (the earliest sending that did not come back) and its
    `uiterlijke_reactiedatum` (the latest last day to object or appeal of those recipients) from the current
    records. While letters are still to go out, the latter can move later with their sending."""
    valid = [r for r in current if r.id not in returned]
    deadlines = [r.uiterlijke_reactiedatum for r in valid if r.uiterlijke_reactiedatum is not None]
    return BesluitDates(verzenddatum=min((r.verzonden_op for r in valid), default=None),
                        uiterlijke_reactiedatum=max(deadlines, default=None))


def check_return_date(received: date, sent: date, today: date) -> None:
    """A letter comes back after it was sent and the return is recorded once it has happened.

    Raises:
        InvalidInput: the date lies before the sending or in the future.
    """
    if received < sent:
        raise InvalidInput({"ontvangen_op": f"De brief is verzonden op {sent.strftime('%d-%m-%Y')}; hij kan niet "
                                            "eerder zijn teruggekomen. Controleer de datum."})
    if received > today:
        raise InvalidInput({"ontvangen_op": "Deze datum ligt in de toekomst. Leg de retour vast als de brief echt "
                                            "is teruggekomen."})
