"""The chronology of a woonoverlast case as a timeline for the case page (`PowerSpec.panel`, pure).

Every incident, every dated softer means and the presence ban (if one is set) are placed on one time axis in
SVG user units (`WIDTH` wide); the policy's observation window (`waarnemingsperiode_maanden` before the latest
incident) is marked. The same information comes as rows of a table ("Chronologie"), the text alternative the
template shows next to the picture. Established incidents (seen by police or a boa) and incidents that were
only reported differ in shape, not only in colour. Neighbours are never named: only the kind of reporter.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time
from typing import Any

from dateutil.relativedelta import relativedelta

from app.domain.assessment import ParameterValue
from app.domain.deadlines import AMSTERDAM, einde_op_klok
from app.domain.measures import parse_moment
from app.powers.woonoverlast.labels import LABELS

WIDTH, MARGIN = 1000, 40  # SVG user units: the axis runs from MARGIN to WIDTH - MARGIN
LANES = {"incident": 70, "means": 150, "ban": 190}  # the y of each lane; the axis lies below them
AXIS_Y, STACK, CLOSE = 222, 16, 14  # incidents closer than CLOSE units stack upwards, STACK units apart
HEIGHT = AXIS_Y + 28
WEEKLY_UP_TO_DAYS = 92  # an axis of up to about three months is marked per week, a longer one per month
MONTHS = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
WINDOW = "waarnemingsperiode_maanden"
BAN_DAYS = "aanwezigheidsverbod_dagen"


def panel(case: Mapping[str, Any], params: Mapping[str, ParameterValue]) -> dict[str, Any]:
    """The timeline's data: the axis, its ticks, the window, the positioned items and the table rows."""
    incidents = sorted(((parse_moment(i["at"]), i) for i in case.get("incidents") or ()), key=lambda p: p[0])
    if not incidents:
        return {"empty": True, "rows": [], "incidents": [], "means": [], "ban": None, "window": None, "ticks": []}
    latest = incidents[-1][0]
    window = _window(latest, params)
    means = [(_day_moment(m.get("date")), m) for m in case.get("softer_means") or ()]
    ban = _ban(case, params)
    moments = [m for m, _ in incidents] + [m for m, _ in means if m] + ([ban["start"], ban["end"]] if ban else [])
    first, last = min(moments), max(moments)
    scale = _Scale(first, last)
    placed = _place(incidents, scale, window)
    return {
        "empty": False, "width": WIDTH, "height": HEIGHT, "axis_y": AXIS_Y, "lanes": LANES,
        "start_text": _day(first), "end_text": _day(last), "ticks": scale.ticks(),
        "window": _window_box(window, scale), "incidents": placed,
        "means": [_means_item(moment, m, scale) for moment, m in means],
        "ban": _ban_box(ban, scale) if ban else None,
        "rows": _rows(placed, means, ban), "summary": _summary(placed, window),
    }


class _Scale:
    """Moments to x positions between the margins; one day either side so a lone item is not on the edge."""

    def __init__(self, first: datetime, last: datetime) -> None:
        self.start = first - relativedelta(days=1)
        self.end = last + relativedelta(days=1)
        self.seconds = (self.end - self.start).total_seconds()

    def x(self, moment: datetime) -> float:
        share = (moment - self.start).total_seconds() / self.seconds
        return round(MARGIN + min(max(share, 0.0), 1.0) * (WIDTH - 2 * MARGIN), 1)

    def ticks(self) -> list[dict[str, Any]]:
        """Mondays when the axis spans a few weeks, else the first of every month (at most about a dozen)."""
        first, last = self.start.date(), self.end.date()
        if (last - first).days <= WEEKLY_UP_TO_DAYS:
            days = [first + relativedelta(days=n) for n in range((last - first).days + 1)]
            marks = [d for d in days if d.weekday() == 0]
            return [{"x": self.x(_day_moment(d)), "text": f"{d.day} {MONTHS[d.month - 1]}"} for d in marks]
        marks, day = [], first.replace(day=1) + relativedelta(months=1)
        while day <= last:
            marks.append(day)
            day += relativedelta(months=1)
        step = max(1, -(-len(marks) // 12))
        return [{"x": self.x(_day_moment(d)), "text": f"{MONTHS[d.month - 1]} {d.year}"} for d in marks[::step]]


def _window(latest: datetime, params: Mapping[str, ParameterValue]) -> dict[str, Any] | None:
    if WINDOW not in params:
        return None
    months = int(params[WINDOW].value)
    return {"start": latest - relativedelta(months=months), "end": latest, "months": months}


def _window_box(window: dict[str, Any] | None, scale: _Scale) -> dict[str, Any] | None:
    if window is None:
        return None
    left, right = scale.x(window["start"]), scale.x(window["end"])
    return {"x": left, "width": round(max(right - left, 1.0), 1), "months": months(window["months"]),
            "start_text": _day(window["start"]), "end_text": _day(window["end"]),
            "starts_before_axis": window["start"] < scale.start}


def _place(incidents: list[tuple[datetime, Mapping[str, Any]]], scale: _Scale,
           window: dict[str, Any] | None) -> list[dict[str, Any]]:
    """Each incident with its position; one close to the one before stacks a level higher."""
    placed: list[dict[str, Any]] = []
    for moment, incident in incidents:
        x = scale.x(moment)
        level = placed[-1]["level"] + 1 if placed and x - placed[-1]["x"] < CLOSE else 0
        level = level if level < 3 else 0  # noqa: PLR2004 (layout: at most three marks on top of each other)
        placed.append({**_incident_words(moment, incident), "at": moment.isoformat(), "x": x, "level": level,
                       "y": LANES["incident"] - level * STACK, "number": len(placed) + 1,
                       "in_window": window is None or window["start"] <= moment <= window["end"]})
    return placed


def _incident_words(moment: datetime, incident: Mapping[str, Any]) -> dict[str, Any]:
    established = bool(incident.get("established"))
    origin = _word(incident.get("origin"))
    if incident.get("distance_m") is not None:
        origin = f"{origin} ({incident['distance_m']} m)"
    source = _word(incident.get("source"))
    if incident.get("source_kenmerk"):
        source = f"{source}, {incident['source_kenmerk']}"
    return {"at_text": _moment(moment), "kind": incident.get("kind"), "kind_label": _word(incident.get("kind")),
            "origin_label": origin, "source_label": source, "reporter_label": _word(incident.get("reporter")),
            "established": established, "status": "Vastgesteld" if established else "Alleen gemeld",
            "instruction": incident.get("instruction") or None}


def _means_item(moment: datetime | None, means: Mapping[str, Any], scale: _Scale) -> dict[str, Any]:
    return {"x": scale.x(moment) if moment else None, "date_text": _day(moment) if moment else "Datum onbekend",
            "kind_label": _word(means.get("kind")), "outcome_label": _word(means.get("outcome")),
            "reason": means.get("reason") or ""}


def _ban(case: Mapping[str, Any], params: Mapping[str, ParameterValue]) -> dict[str, Any] | None:
    """The presence ban: its start, its end (the extension's end, else the fixed days on the wall clock) and
    the place it covers."""
    start = parse_moment(case.get("ban_start_at"))
    if start is None:
        return None
    place = "De woning en het erf" if case.get("erf") else "De woning"
    place += f"; {case['ban_area']}" if case.get("ban_area") else ""
    extended = parse_moment(case.get("ban_extension_end_at"))
    if extended is not None:
        end = extended
    else:
        end = einde_op_klok(start, int(params[BAN_DAYS].value)) if BAN_DAYS in params else start
    return {"start": start, "end": end, "extended": extended is not None, "place": place}


def _ban_box(ban: dict[str, Any], scale: _Scale) -> dict[str, Any]:
    left, right = scale.x(ban["start"]), scale.x(ban["end"])
    return {"x": left, "width": round(max(right - left, 2.0), 1), "start_text": _moment(ban["start"]),
            "end_text": _moment(ban["end"]), "extended": ban["extended"]}


def _rows(placed: list[dict[str, Any]], means: list[tuple[datetime | None, Mapping[str, Any]]],
          ban: dict[str, Any] | None) -> list[list[str]]:
    """The table "Chronologie": every item in time order, undated means last (when, what, where, source, kind of
    reporter, established or reported, instruction breached)."""
    keyed = [(datetime.fromisoformat(i["at"]), _incident_row(i)) for i in placed]
    keyed += [(moment, _means_row(moment, m)) for moment, m in means]
    if ban:
        end = "tot " + _moment(ban["end"]) + (" (verlengd)" if ban["extended"] else "")
        keyed.append((ban["start"], [_moment(ban["start"]), "Aanwezigheidsverbod " + end, ban["place"], "—", "—", "—",
                                     "—"]))
    far = datetime.max.replace(tzinfo=AMSTERDAM)
    return [row for _, row in sorted(keyed, key=lambda k: k[0] or far)]


def _incident_row(i: Mapping[str, Any]) -> list[str]:
    status = i["status"] if i["in_window"] else f"{i['status']}, buiten de waarnemingsperiode"
    return [i["at_text"], f"Incident {i['number']}: {i['kind_label']}", i["origin_label"], i["source_label"],
            i["reporter_label"], status, i["instruction"] or "—"]


def _means_row(moment: datetime | None, means: Mapping[str, Any]) -> list[str]:
    outcome = _word(means.get("outcome")) + (f": {means['reason']}" if means.get("reason") else "")
    return [_day(moment) if moment else "Datum onbekend", f"Ander middel: {_word(means.get('kind'))}", "—", "—", "—",
            outcome, "—"]


def _summary(placed: list[dict[str, Any]], window: dict[str, Any] | None) -> str:
    established = sum(1 for i in placed if i["established"])
    text = (f"{len(placed)} {'incident' if len(placed) == 1 else 'incidenten'}, waarvan {established} vastgesteld "
            f"door politie of boa en {len(placed) - established} alleen gemeld.")
    if window is not None:
        inside = sum(1 for i in placed if i["in_window"])
        text += (f" {inside} binnen de waarnemingsperiode van {months(window['months'])} "
                 f"({_day(window['start'])} t/m {_day(window['end'])}).")
    return text


def months(count: int) -> str:
    """"1 maand", "6 maanden"."""
    return f"{count} maand" if count == 1 else f"{count} maanden"


def _word(code: Any) -> str:
    return LABELS.get(str(code), str(code)) if code not in (None, "") else "Onbekend"


def _day_moment(value: Any) -> datetime | None:
    if value in (None, ""):
        return None
    day = value if isinstance(value, date) else date.fromisoformat(str(value))
    return datetime.combine(day, time(12), tzinfo=AMSTERDAM)


def _moment(moment: datetime) -> str:
    return moment.astimezone(AMSTERDAM).strftime("%d-%m-%Y %H.%M uur")  # as the screens write a moment


def _day(moment: datetime) -> str:
    return moment.astimezone(AMSTERDAM).strftime("%d-%m-%Y")
