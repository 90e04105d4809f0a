"""Deadlines that run in a team's cases, for the overview and the daily notices (pure).

Everything comes from what the stored decisions and dispatch records already hold: the drafting computed
each term under the Algemene termijnenwet when the letter was made (zienswijze_tot,
begunstigingstermijn_tot, the end of a closure or huisverbod), and the dispatch computed each recipient's
last day to object (Awb 6:7, 6:8). Nothing is counted again here, so the overview always shows the date
the letter itself names. A term that runs from sending (zienswijze, begunstiging) counts only once a dispatch
record shows the letter went out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from app.domain.deadlines import AMSTERDAM
from app.domain.wording import in_sentence, term_of

# Kinds of deadline with the words the overview shows ("what runs out").
ZIENSWIJZE = "zienswijzetermijn"
BEGUNSTIGING = "begunstigingstermijn"
BEZWAAR = "bezwaartermijn"
EINDE_MAATREGEL = "einde_maatregel"
TAAK = "taak"
BESLISTERMIJN = "beslistermijn_bezwaar"
NA_OVERTREDING = "termijn_na_overtreding"
BESLISTERMIJN_AANVRAAG = "beslistermijn_aanvraag"
KIND_LABELS = {ZIENSWIJZE: "Zienswijzetermijn", BEGUNSTIGING: "Begunstigingstermijn", BEZWAAR: "Bezwaartermijn",
               EINDE_MAATREGEL: "Einde van de maatregel", TAAK: "Taak", BESLISTERMIJN: "Beslistermijn bezwaar",
               NA_OVERTREDING: "Termijn vanaf de overtreding", BESLISTERMIJN_AANVRAAG: "Beslistermijn aanvraag"}
# An expired deadline stays visible this long: the jurist must still act on it (draft the besluit after the
# zienswijze term, check compliance after the begunstigingstermijn), but a months-old one is history.
SHOW_EXPIRED_DAYS = 30


@dataclass(frozen=True)
class DecisionFacts:
    """What the overview needs of one approved beslissing (models.Beslissing and its dispatch records)."""

    id: int
    zaak_id: int
    soort: str
    label: str  # the outcome's Dutch label
    announces: str | None  # a voornemen: the outcome it announces
    ends: str | None  # a withdrawal: the outcome whose measure it ends
    revoked: bool
    zienswijze_tot: date | None = None
    begunstigingstermijn_tot: date | None = None
    vervaldatum: date | None = None
    einde_at: datetime | None = None
    remedy_dates: tuple[date, ...] = ()  # each current dispatch record's last day to object or appeal
    remedy: str = "bezwaar"  # bezwaar | beroep: what the recipients may do until those days (index.yaml)
    sent: bool = True  # a dispatch record exists: the terms that run from sending have started
    # Periods that run from the breach (payment of a forfeited dwangsom, its limitation): (label, last day).
    breach_terms: tuple[tuple[str, date], ...] = ()


@dataclass(frozen=True)
class ObjectionFacts:
    """A bezwaar on which no decision is approved yet, with its 7:10 term as stored (bezwaren.beslistermijn_einde)."""

    id: int
    zaak_id: int
    indiener: str
    beslistermijn_einde: date


@dataclass(frozen=True)
class ApplicationFacts:
    """The decision period of an application not yet decided on (PowerSpec.decision_period), counted today."""

    zaak_id: int
    einde: date
    opgeschort_sinds: date | None = None  # a suspension still runs since this day: the end moves every day


@dataclass(frozen=True)
class TaskFacts:
    """An open follow-up task of a zaak with its due moment (a power's `tasks`)."""

    zaak_id: int
    code: str
    text: str
    due: datetime


@dataclass(frozen=True)
class Deadline:
    """One deadline: which zaak, what runs out, until when; `key` identifies it for idempotent notices."""

    zaak_id: int
    kind: str
    what: str
    day: date  # the last day (Amsterdam wall clock for a moment)
    moment: datetime | None  # set when the deadline runs to the minute
    key: str

    @property
    def sort_key(self) -> tuple[date, datetime]:
        """What expires first comes first; a dated term runs until the end of its last day."""
        end = self.moment or datetime.combine(self.day + timedelta(days=1), time(0), AMSTERDAM)
        return (self.day, end)

    def expired(self, now: datetime) -> bool:
        """A dated term has passed once its last day is over; a moment once it is reached."""
        return now >= self.sort_key[1]


def decision_deadlines(decisions: Iterable[DecisionFacts]) -> list[Deadline]:
    """The deadlines the approved beslissingen of one or more zaken set running."""
    rows = list(decisions)
    found: list[Deadline] = []
    for d in rows:
        if d.revoked:
            continue
        found += _hearing(d, rows) + _compliance(d) + _remedy(d) + _from_breach(d)
    return found + _measure_ends(rows)


def _hearing(d: DecisionFacts, rows: list[DecisionFacts]) -> list[Deadline]:
    """A voornemen's zienswijze term, once the voornemen was sent (the term runs from sending; an approved but
    unsent voornemen sets nothing running) and until the besluit it announces is taken."""
    decided = any(o.zaak_id == d.zaak_id and o.soort == d.announces and o.id > d.id for o in rows)
    if d.announces is None or d.zienswijze_tot is None or decided or not d.sent:
        return []
    return [Deadline(d.zaak_id, ZIENSWIJZE, term_of("Zienswijzetermijn", d.label), d.zienswijze_tot, None,
                     f"b{d.id}:{ZIENSWIJZE}:{d.zienswijze_tot.isoformat()}")]


def _compliance(d: DecisionFacts) -> list[Deadline]:
    if d.begunstigingstermijn_tot is None or not d.sent:
        return []
    return [Deadline(d.zaak_id, BEGUNSTIGING, term_of("Begunstigingstermijn", d.label),
                     d.begunstigingstermijn_tot, None, f"b{d.id}:{BEGUNSTIGING}:{d.begunstigingstermijn_tot}")]


def _from_breach(d: DecisionFacts) -> list[Deadline]:
    """Terms an invorderingsbeschikking names that run from the day of the breach, not from sending."""
    return [Deadline(d.zaak_id, NA_OVERTREDING, term_of(what, d.label), day, None,
                     f"b{d.id}:{NA_OVERTREDING}{i}:{day.isoformat()}") for i, (what, day) in enumerate(d.breach_terms)]


def _remedy(d: DecisionFacts) -> list[Deadline]:
    """The objection period runs per recipient; the case is open to objection until the last one ends."""
    if not d.remedy_dates:
        return []
    last = max(d.remedy_dates)
    what = "Beroepstermijn" if d.remedy == "beroep" else "Bezwaartermijn"
    return [Deadline(d.zaak_id, BEZWAAR, term_of(what, d.label), last, None,
                     f"b{d.id}:{BEZWAAR}:{last.isoformat()}")]


def _measure_ends(rows: list[DecisionFacts]) -> list[Deadline]:
    """Per zaak, the end of the measure in force (a closure's last day, a huisverbod's end moment, as
    extended); none once a withdrawal was decided."""
    by_zaak: dict[int, list[DecisionFacts]] = {}
    for d in rows:
        if not d.revoked:
            by_zaak.setdefault(d.zaak_id, []).append(d)
    found = []
    for zaak_id, decisions in by_zaak.items():
        if any(d.ends for d in decisions):
            continue
        ending = [d for d in decisions if d.einde_at or d.vervaldatum]
        if ending:
            found.append(_end_of(zaak_id, max(ending, key=lambda d: d.id)))
    return found


def _end_of(zaak_id: int, d: DecisionFacts) -> Deadline:
    if d.einde_at is not None:
        local = d.einde_at.astimezone(AMSTERDAM)
        return Deadline(zaak_id, EINDE_MAATREGEL, f"Einde {in_sentence(d.label)}", local.date(), local,
                        f"b{d.id}:{EINDE_MAATREGEL}:{d.einde_at.isoformat()}")
    assert d.vervaldatum is not None  # noqa: S101 - _measure_ends passes only decisions with an end
    last_day = d.vervaldatum - timedelta(days=1)  # "tot en met": the vervaldatum itself no longer applies
    return Deadline(zaak_id, EINDE_MAATREGEL, f"Einde {in_sentence(d.label)}", last_day, None,
                    f"b{d.id}:{EINDE_MAATREGEL}:{d.vervaldatum.isoformat()}")


def objection_deadlines(objections: Iterable[ObjectionFacts]) -> list[Deadline]:
    """The term to decide on each open bezwaar (Awb 7:10), until the decision on it is approved."""
    return [Deadline(o.zaak_id, BESLISTERMIJN, f"Beslistermijn bezwaar van {o.indiener} (Awb 7:10)",
                     o.beslistermijn_einde, None, f"z{o.id}:{BESLISTERMIJN}:{o.beslistermijn_einde.isoformat()}")
            for o in objections]


def application_deadlines(applications: Iterable[ApplicationFacts]) -> list[Deadline]:
    """The last day to decide on each application. While a suspension runs the end moves every day, so the
    notice's key names the suspension instead of the day: one notice, not one a day."""
    return [_application(a) for a in applications]


def _application(a: ApplicationFacts) -> Deadline:
    if a.opgeschort_sinds is None:
        return Deadline(a.zaak_id, BESLISTERMIJN_AANVRAAG, "Beslistermijn aanvraag", a.einde, None,
                        f"z{a.zaak_id}:{BESLISTERMIJN_AANVRAAG}:{a.einde.isoformat()}")
    return Deadline(a.zaak_id, BESLISTERMIJN_AANVRAAG, "Beslistermijn aanvraag (opgeschort, schuift op)", a.einde,
                    None, f"z{a.zaak_id}:{BESLISTERMIJN_AANVRAAG}:opgeschort-{a.opgeschort_sinds.isoformat()}")


def task_deadlines(tasks: Iterable[TaskFacts]) -> list[Deadline]:
    """Open follow-up tasks with a due moment."""
    return [Deadline(t.zaak_id, TAAK, t.text, t.due.astimezone(AMSTERDAM).date(), t.due.astimezone(AMSTERDAM),
                     f"z{t.zaak_id}:{TAAK}:{t.code}:{t.due.isoformat()}") for t in tasks]


def overview(deadlines: Iterable[Deadline], now: datetime,
             show_expired_days: int = SHOW_EXPIRED_DAYS) -> list[tuple[Deadline, bool]]:
    """The deadlines sorted by what expires first, each with whether it has expired; expired ones lead
    (they sort earliest) and drop out `show_expired_days` after their last day."""
    cutoff = now.astimezone(AMSTERDAM).date() - timedelta(days=show_expired_days)
    kept = sorted((d for d in deadlines if d.day >= cutoff), key=lambda d: (d.sort_key, d.zaak_id, d.kind))
    return [(d, d.expired(now)) for d in kept]


def expiring_within(deadlines: Iterable[Deadline], now: datetime, days: int) -> list[Deadline]:
    """Deadlines not yet expired whose last day falls within `days` days from today (for the daily notice)."""
    today = now.astimezone(AMSTERDAM).date()
    return sorted((d for d in deadlines if not d.expired(now) and d.day <= today + timedelta(days=days)),
                  key=lambda d: d.sort_key)
