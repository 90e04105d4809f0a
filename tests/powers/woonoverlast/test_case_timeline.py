"""The timeline of a woonoverlast case (timeline.panel, pure): positions on one axis, the observation window,
established versus reported incidents, the softer means and the presence ban, and the table "Chronologie" that
carries the same information as text."""

from __future__ import annotations

from datetime import date
from typing import Any

from app.domain.assessment import ParameterValue
from app.powers.woonoverlast.timeline import MARGIN, WIDTH, months, panel


def _params(window: int | None = 2, ban_days: int | None = 10) -> dict[str, ParameterValue]:
    values = {"waarnemingsperiode_maanden": window, "aanwezigheidsverbod_dagen": ban_days}
    return {k: ParameterValue(k, v, date(2017, 7, 1), "design default", {}) for k, v in values.items() if v}


def _incident(at: str, **extra: Any) -> dict[str, Any]:
    return {"at": at, "kind": "geluid", "origin": "in_woning", "source": "melddesk", "source_kenmerk": "",
            "reporter": "omwonende", "established": False, "instruction": None, **extra}


CASE = {
    "erf": True,
    "incidents": [
        _incident("2026-10-20T01:10:00+02:00", kind="intimidatie", source="politie", source_kenmerk="PL-7",
                  reporter="politie", established=True, origin="onmiddellijke_nabijheid", distance_m=30),
        _incident("2026-06-01T23:30:00+02:00"),
        _incident("2026-09-01T22:00:00+02:00", instruction="A1", established=True, source="boa", reporter="boa"),
    ],
    "softer_means": [{"kind": "gesprek", "date": "2026-08-15", "outcome": "mislukt", "reason": "Geen reactie."},
                     {"kind": "huurrechtelijke_maatregel", "date": None, "outcome": "niet_geprobeerd",
                      "reason": "Duurt te lang."}],
    "ban_start_at": "2026-10-23T14:00:00+02:00", "ban_area": "De portiek", "ban_extension_end_at": None,
}


def test_incidents_in_time_order_on_one_axis_within_the_margins():
    data = panel(CASE, _params())
    xs = [i["x"] for i in data["incidents"]]
    assert xs == sorted(xs) and MARGIN <= xs[0] and xs[-1] <= WIDTH - MARGIN
    assert [i["number"] for i in data["incidents"]] == [1, 2, 3]
    assert (data["start_text"], data["end_text"]) == ("01-06-2026", "02-11-2026")  # the first item to the ban's end
    assert [i["kind_label"] for i in data["incidents"]] == ["Geluidsoverlast", "Geluidsoverlast", "Intimidatie"]


def test_established_and_reported_differ_in_words_and_shape_flag():
    first, second, third = panel(CASE, _params())["incidents"]
    assert (first["established"], first["status"]) == (False, "Alleen gemeld")
    assert (second["established"], second["status"], second["instruction"]) == (True, "Vastgesteld", "A1")
    assert third["origin_label"] == "In de onmiddellijke nabijheid (30 m)"
    assert third["source_label"] == "Politie, PL-7" and third["at_text"] == "20-10-2026 01.10 uur"


def test_the_window_runs_back_from_the_latest_incident():
    data = panel(CASE, _params(window=2))
    window = data["window"]
    assert (window["start_text"], window["end_text"], window["months"]) == ("20-08-2026", "20-10-2026", "2 maanden")
    assert [i["in_window"] for i in data["incidents"]] == [False, True, True]
    assert "2 binnen de waarnemingsperiode van 2 maanden (20-08-2026 t/m 20-10-2026)" in data["summary"]
    assert data["summary"].startswith("3 incidenten, waarvan 2 vastgesteld door politie of boa en 1 alleen gemeld.")


def test_without_the_window_parameter_no_window_is_drawn():
    data = panel(CASE, _params(window=None))
    assert data["window"] is None and all(i["in_window"] for i in data["incidents"])
    assert months(1) == "1 maand"


def test_the_ban_ends_ten_days_later_on_the_wall_clock_or_at_the_extension():
    ban = panel(CASE, _params())["ban"]
    assert (ban["start_text"], ban["end_text"], ban["extended"]) == ("23-10-2026 14.00 uur", "02-11-2026 14.00 uur",
                                                                      False)  # summer time ended in between
    extended = panel({**CASE, "ban_extension_end_at": "2026-11-10T14:00:00+01:00"}, _params())["ban"]
    assert extended["end_text"] == "10-11-2026 14.00 uur" and extended["extended"]
    assert panel({**CASE, "ban_start_at": None}, _params())["ban"] is None


def test_the_chronology_table_holds_everything_in_time_order_undated_means_last():
    rows = panel(CASE, _params())["rows"]
    assert [r[0] for r in rows] == ["01-06-2026 23.30 uur", "15-08-2026", "01-09-2026 22.00 uur",
                                    "20-10-2026 01.10 uur", "23-10-2026 14.00 uur", "Datum onbekend"]
    assert rows[0][5] == "Alleen gemeld, buiten de waarnemingsperiode"
    assert rows[1][1:] == ["Ander middel: Gesprek", "—", "—", "—", "Mislukt: Geen reactie.", "—"]
    assert rows[2][3:5] == ["Boa", "Boa"] and rows[2][6] == "A1"
    assert all(len(row) == 7 for row in rows)
    assert rows[4][1:3] == ["Aanwezigheidsverbod tot 02-11-2026 14.00 uur", "De woning en het erf; De portiek"]
    assert rows[5][1].startswith("Ander middel: Huurrechtelijke maatregel")


def test_dated_means_are_placed_undated_ones_only_listed():
    means = panel(CASE, _params())["means"]
    assert means[0]["x"] is not None and means[1]["x"] is None and means[1]["date_text"] == "Datum onbekend"


def test_incidents_close_together_stack_instead_of_overlapping():
    close = {"incidents": [_incident("2026-10-20T01:10:00+02:00"), _incident("2026-10-20T03:10:00+02:00"),
                           _incident("2026-06-01T12:00:00+02:00")]}
    levels = [i["level"] for i in panel(close, _params())["incidents"]]
    assert levels == [0, 0, 1]
    assert len({(i["x"], i["y"]) for i in panel(close, _params())["incidents"]}) == 3


def test_month_ticks_for_a_long_axis_and_monday_ticks_for_a_short_one():
    long_ticks = [t["text"] for t in panel(CASE, _params())["ticks"]]
    assert long_ticks == ["jun 2026", "jul 2026", "aug 2026", "sep 2026", "okt 2026", "nov 2026"]
    short = {"incidents": [_incident("2026-10-01T12:00:00+02:00"), _incident("2026-10-20T12:00:00+02:00")]}
    assert [t["text"] for t in panel(short, _params())["ticks"]] == ["5 okt", "12 okt", "19 okt"]


def test_no_names_in_the_panel():
    named = {**CASE, "gebruiker": {"naam": "G. Geheim"}, "verhuurder": {"naam": "V. Geheim"}}
    assert "Geheim" not in repr(panel(named, _params()))


def test_an_empty_chronology_is_said_not_drawn():
    assert panel({"incidents": []}, _params())["empty"] is True
