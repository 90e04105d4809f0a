"""Dispatch of a decision's letters (pure): which sending dates are acceptable, the last day each recipient can
object or appeal, and which record per letter is the current one.

Awb 3:41: a besluit is made known by sending or handing it to each addressee; the objection or appeal period
of six weeks starts the day after (Awb 6:7, 6:8) and ends by the Algemene termijnenwet. Because each
recipient may receive the letter on another day or by another method, the period is per recipient.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Protocol, TypeVar

from app.domain.deadlines import Calendar, einde_termijn
from app.domain.errors import InvalidInput
from app.domain.procedure import Outcome

METHOD_LABELS = {"post": "Per post", "aangetekend": "Aangetekend", "digitaal": "Digitaal (e-mail of portaal)",
                 "uitreiking": "Uitgereikt in persoon"}


class DispatchLike(Protocol):
    """The fields of a stored dispatch record (models.Verzending) this module reads."""

    id: int
    document_id: int
    vervangt_id: int | None


D = TypeVar("D", bound=DispatchLike)


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


def all_sent(document_ids: Iterable[int], current: dict[int, DispatchLike]) -> bool:
    """True when every letter has a current dispatch record (and there is at least one letter)."""
    ids = list(document_ids)
    return bool(ids) and all(i in current for i in ids)
