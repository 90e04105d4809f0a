"""The decision period of an application (beslistermijn): when the body must have decided, and why (pure).

A power that handles applications gives, per case file, a `TermijnAanvraag`: the day the application was
received, the statutory term (or none: Awb 4:13 lid 2, a reasonable term of at most eight weeks), the periods
the term is suspended (opschorting: Awb 4:15, Wet Bibob art. 31 ...) each with the cap the power's law sets, and
a verdaging (Awb 4:14). This module only counts; which suspensions exist and what caps them is the power's law.

Counting: the term starts the day after receipt and ends N weeks later on the same weekday (as Awb 6:8 counts);
a suspension from `van` to `tot` adds `tot - van` days (the day the advice arrives the term runs again), at most
its cap, and a day under two suspensions counts once; an open suspension counts up to today. The Algemene
termijnenwet moves the last day off a weekend or feestdag (art. 1) when the statutory term is not excluded by
art. 4 (more than twelve weeks).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from app.domain.deadlines import Calendar, volgende_werkdag

# Awb 4:13 lid 2: without a statutory term the body decides within a reasonable term of at most eight weeks.
AWB_4_13_WEKEN = 8
# Atw art. 4 lid 1 onder a: the Atw does not apply to a period of more than twelve weeks. The suspension and the
# verdaging move the end of the statutory term but do not make it another term, so the statutory length decides
# (design reading, to confirm with the municipality).
ATW_MAX_DAGEN = 12 * 7


@dataclass(frozen=True)
class Opschorting:
    """A period in which the decision period does not run, with its ground in words and its cap (None: none)."""

    van: date
    tot: date | None  # None: still running (e.g. the LBB advice has not arrived)
    grond: str
    cap_dagen: int | None = None

    def duur(self, today: date) -> int:
        """Days it lasted, or has lasted up to today while it still runs."""
        return max(0, ((self.tot or today) - self.van).days)


@dataclass(frozen=True)
class TermijnAanvraag:
    """What the power knows of an application's decision period, from its case file."""

    ontvangen_op: date
    termijn_weken: int | None = None  # the statutory term; None: Awb 4:13 lid 2
    opschortingen: tuple[Opschorting, ...] = ()
    verdaging_weken: int = 0  # Awb 4:14: the term is extended by this many weeks ...
    verdaging_gemeld_op: date | None = None  # ... if this notice was given within the term
    grondslag: str | None = None  # where the statutory term is set, e.g. "art. 2:28 APV"


@dataclass(frozen=True)
class ToegepasteOpschorting:
    """One suspension as counted: how long it lasted and by how many days it moves the end."""

    opschorting: Opschorting
    duur: int
    dagen: int
    loopt: bool
    te_laat: bool = False  # began after the term had ended: it suspends nothing


@dataclass(frozen=True)
class Beslistermijn:
    """The last day to decide, the last day had nothing suspended it, what was counted, and why in Dutch."""

    ontvangen_op: date
    termijn_weken: int
    wettelijk: bool
    einde: date
    einde_zonder_opschorting: date
    opschortingen: tuple[ToegepasteOpschorting, ...]
    verdaging_weken: int  # as applied: 0 when notified too late
    uitleg: tuple[str, ...]

    @property
    def opgeschort(self) -> bool:
        """True while a suspension still runs: the end moves on every day it lasts."""
        return any(o.loopt for o in self.opschortingen)


def beslistermijn(aanvraag: TermijnAanvraag, today: date, calendar: Calendar) -> Beslistermijn:
    """The decision period of `aanvraag` as it stands on `today`.

    Raises:
        ValueError: a statutory term or verdaging of less than zero weeks (zero weeks: no term at all).
        ParameterNotInForce: the Atw calendar does not cover the year of the end.
    """
    weken = AWB_4_13_WEKEN if aanvraag.termijn_weken is None else aanvraag.termijn_weken
    if weken < 1 or aanvraag.verdaging_weken < 0:
        raise ValueError("a decision period needs at least one week and no negative verdaging")
    cal = calendar if weken * 7 <= ATW_MAX_DAGEN else None
    basis = aanvraag.ontvangen_op + timedelta(weeks=weken)
    toegepast = _opschortingen(aanvraag.opschortingen, basis, today, cal)
    opgeschort = timedelta(days=sum(o.dagen for o in toegepast))
    verdaging = _verdaging(aanvraag, _atw(basis + opgeschort, cal))
    extra = timedelta(weeks=verdaging)
    termijn = Beslistermijn(aanvraag.ontvangen_op, weken, aanvraag.termijn_weken is not None,
                            _atw(basis + opgeschort + extra, cal), _atw(basis + extra, cal), toegepast, verdaging, ())
    return replace(termijn, uitleg=_uitleg(aanvraag, termijn, basis + opgeschort + extra, cal))


def stand(termijn: Beslistermijn, today: date, waarschuw_dagen: int) -> str:
    """`verstreken` once the last day is over, `bijna` within `waarschuw_dagen` days of it, else `loopt`."""
    if today > termijn.einde:
        return "verstreken"
    return "bijna" if (termijn.einde - today).days <= waarschuw_dagen else "loopt"


def _opschortingen(items: tuple[Opschorting, ...], basis: date, today: date,
                   calendar: Calendar | None) -> tuple[ToegepasteOpschorting, ...]:
    """Each suspension's days after its cap, a day already suspended counted once; one that begins after the
    term (as extended so far) ended suspends nothing: an expired term cannot be suspended."""
    covered: set[date] = set()
    result: list[ToegepasteOpschorting] = []
    for o in sorted(items, key=lambda o: o.van):
        einde = _atw(basis + timedelta(days=sum(r.dagen for r in result)), calendar)
        duur = o.duur(today)
        if o.van > einde:
            result.append(ToegepasteOpschorting(o, duur, 0, o.tot is None, te_laat=True))
            continue
        capped = duur if o.cap_dagen is None else min(duur, o.cap_dagen)
        days = {o.van + timedelta(days=i) for i in range(capped)}
        result.append(ToegepasteOpschorting(o, duur, len(days - covered), o.tot is None))
        covered |= days
    return tuple(result)


def _verdaging(aanvraag: TermijnAanvraag, einde: date) -> int:
    """Awb 4:14: the verdaging is notified within the term; one notified after it ended extends nothing."""
    gemeld = aanvraag.verdaging_gemeld_op
    return aanvraag.verdaging_weken if gemeld is None or gemeld <= einde else 0


def _atw(nominal: date, calendar: Calendar | None) -> date:
    """Atw art. 1: a last day on a Saturday, Sunday or feestdag moves to the next working day (no calendar:
    the Atw does not apply). Art. 2 needs no check: a term of weeks always holds two working days."""
    if calendar is None or calendar.is_werkdag(nominal):
        return nominal
    return volgende_werkdag(nominal, calendar)


def _uitleg(aanvraag: TermijnAanvraag, t: Beslistermijn, nominal: date, calendar: Calendar | None) -> tuple[str, ...]:
    lines = [f"Aanvraag ontvangen op {_d(t.ontvangen_op)}; de termijn begint de dag daarna.", _termijn_zin(aanvraag, t)]
    if t.opschortingen:
        lines.append(f"Zonder opschorting eindigt de termijn op {_d(t.einde_zonder_opschorting)}.")
    lines += [_opschorting_zin(o) for o in t.opschortingen]
    lines += _verdaging_zinnen(aanvraag, t)
    if nominal != t.einde and calendar is not None:
        lines.append(f"De termijn zou eindigen op {calendar.dag_naam(nominal)} {_d(nominal)} en loopt door tot de "
                     f"eerstvolgende werkdag (art. 1 Algemene termijnenwet).")
    if t.opgeschort:
        lines.append("Een opschorting loopt nog: zij is geteld tot vandaag, dus het einde schuift elke dag op "
                     "zolang zij loopt.")
    lines.append(f"Uiterlijk beslissen op {_d(t.einde)}.")
    return tuple(lines)


def _termijn_zin(aanvraag: TermijnAanvraag, t: Beslistermijn) -> str:
    if not t.wettelijk:
        return (f"Er is geen wettelijke beslistermijn: een redelijke termijn van hoogstens {t.termijn_weken} weken "
                f"(art. 4:13 lid 2 Awb).")
    bron = f" ({aanvraag.grondslag})" if aanvraag.grondslag else ""
    return f"Wettelijke beslistermijn: {t.termijn_weken} weken{bron}."


def _opschorting_zin(o: ToegepasteOpschorting) -> str:
    s = o.opschorting
    wanneer = f"opgeschort sinds {_d(s.van)}, loopt nog" if o.loopt else f"opgeschort van {_d(s.van)} tot {_d(s.tot)}"
    zin = f"{s.grond[:1].upper()}{s.grond[1:]}: {wanneer}"
    if o.te_laat:
        return f"{zin}; begon na afloop van de termijn en verlengt die niet."
    zin += f", {_dagen(o.duur)}"
    if s.cap_dagen is not None and o.duur > s.cap_dagen:
        zin += f", maar hoogstens {_dagen(s.cap_dagen)}"
    capped = o.duur if s.cap_dagen is None else min(o.duur, s.cap_dagen)
    if o.dagen < capped:
        zin += f"; {_dagen(capped - o.dagen)} vielen al onder een andere opschorting"
    return f"{zin}. De termijn wordt {_dagen(o.dagen)} langer."


def _verdaging_zinnen(aanvraag: TermijnAanvraag, t: Beslistermijn) -> list[str]:
    if not aanvraag.verdaging_weken:
        return []
    gemeld = f", gemeld op {_d(aanvraag.verdaging_gemeld_op)}" if aanvraag.verdaging_gemeld_op else ""
    if t.verdaging_weken:
        return [f"Verdaagd met {aanvraag.verdaging_weken} weken (art. 4:14 Awb){gemeld}."]
    return [f"De verdaging met {aanvraag.verdaging_weken} weken is gemeld na afloop van de termijn{gemeld}; "
            "zij verlengt de termijn niet (art. 4:14 Awb)."]


def _dagen(n: int) -> str:
    return "1 dag" if n == 1 else f"{n} dagen"


def _d(d: date | None) -> str:
    return d.strftime("%d-%m-%Y") if d else ""
