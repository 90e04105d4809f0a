"""The life of a besluit after it is sent (pure): is a bezwaar on time, and when must it be decided.

Awb 6:7 and 6:8: the objection period is six weeks from the day after the besluit was made known, ended by
the Algemene termijnenwet (`app/domain/deadlines.py`). Awb 6:9: on time when received before the period
ends, or posted before it ends and received within a week after. Awb 6:10: filed before the period started
is not inadmissible for that reason when the besluit already existed. Awb 6:11: a late bezwaar is still
admissible when the filer cannot reasonably be blamed; that is a judgement a person records, never computed.

Awb 7:10: the decision on the bezwaar is due six weeks (twelve with an advisory committee, 7:13) from the
day after the objection period expired; it may be postponed (verdaagd) once by six weeks with notice, and
further only with the objector's consent or as procedural rules require (lid 4).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from app.domain.deadlines import Calendar, Termijn, einde_termijn
from app.domain.errors import InvalidInput

BESLISTERMIJN_WEKEN = 6  # Awb 7:10 lid 1
BESLISTERMIJN_COMMISSIE_WEKEN = 12  # Awb 7:10 lid 1, with an advisory committee (7:13)
VERDAGING_WEKEN = 6  # Awb 7:10 lid 3
POSTWEEK_WEKEN = 1  # Awb 6:9 lid 2
WAARSCHUW_DAGEN = 7  # warn a week before the decision term ends, so there is time to postpone with notice

WIJZEN = {"post": "Per post", "digitaal": "Digitaal", "persoonlijk": "Persoonlijk afgegeven"}
BESLISSINGEN = {
    "gegrond": "Gegrond: het besluit wordt herroepen en vervangen door een nieuw besluit",
    "deels_gegrond": "Deels gegrond: het besluit wordt deels herroepen",
    "ongegrond": "Ongegrond: het besluit blijft in stand",
    "niet_ontvankelijk": "Niet-ontvankelijk",
}
REVOKING = ("gegrond",)

# Awb 7:3: the only grounds on which the objector need not be heard (the letter prints the law's words).
NIET_HOREN_KEUZES = {
    "a": "a. Het bezwaar is kennelijk niet-ontvankelijk",
    "b": "b. Het bezwaar is kennelijk ongegrond",
    "c": "c. De indiener heeft afgezien van horen",
    "d": "d. De indiener heeft niet op tijd verklaard gehoord te willen worden",
    "e": "e. Aan het bezwaar wordt volledig tegemoetgekomen, zonder nadeel voor anderen",
}
# Why a bezwaar received in time is still niet-ontvankelijk; a late one (6:7, 6:9, 6:11) and one filed before
# the besluit existed (6:10) have their ground from the recorded timeliness.
NIET_ONTVANKELIJK_GRONDEN = {
    "verzuim": "Het bezwaarschrift voldoet niet aan de eisen van de wet en het verzuim is niet binnen de "
               "gegeven termijn hersteld (Awb 6:5, 6:6)",
    "geen_belanghebbende": "De indiener is geen belanghebbende bij het besluit (Awb 1:2, 7:1)",
}

# Direct beroep where no objection stage exists (Awb 7:1), and interim relief (Awb 8:81): the rulings each can
# end in; only an annulment in beroep revokes the besluit.
RULINGS = {"beroep": ("gegrond_vernietigd", "ongegrond", "niet_ontvankelijk", "ingetrokken"),
           "voorlopige_voorziening": ("toegewezen", "afgewezen", "niet_ontvankelijk", "ingetrokken")}
BEROEP_SOORTEN = tuple(RULINGS)
UITSPRAKEN = tuple(dict.fromkeys(r for rulings in RULINGS.values() for r in rulings))
ANNULS = "gegrond_vernietigd"  # the besluit is herroepen as a whole: it no longer counts for repeat offences

# The Dutch sentence for each verdict, with the article it rests on.
TEKSTEN = {
    "tijdig": "Tijdig: ontvangen binnen de termijn van zes weken (Awb 6:7, 6:8 en 6:9 lid 1).",
    "tijdig_per_post": "Tijdig: vóór het einde van de termijn op de post gedaan en binnen een week daarna "
                       "ontvangen (Awb 6:9 lid 2).",
    "prematuur": "Te vroeg ingediend, maar het besluit was al genomen: geen reden voor niet-ontvankelijkheid "
                 "(Awb 6:10 lid 1).",
    "voor_besluit": "Ingediend voordat het besluit was genomen: niet-ontvankelijk, tenzij het bezwaar als "
                    "tijdig mag gelden (Awb 6:10).",
    "te_laat": "Te laat: na het einde van de termijn ontvangen (Awb 6:7 en 6:9). Niet-ontvankelijk, tenzij "
               "de indiener redelijkerwijs niet in verzuim is geweest (Awb 6:11).",
}


@dataclass(frozen=True)
class Tijdigheid:
    """The verdict on a bezwaar's timeliness, with the objection period it was measured against."""

    termijn: Termijn
    oordeel: str  # a key of TEKSTEN
    postweek_tot: date  # Awb 6:9 lid 2: the last day a posted bezwaar may arrive

    @property
    def tekst(self) -> str:
        return TEKSTEN[self.oordeel]

    @property
    def tijdig(self) -> bool:
        return is_tijdig(self.oordeel)


def is_tijdig(oordeel: str) -> bool:
    """Not inadmissible for its timing (a late one needs a recorded 6:11 judgement to be admissible)."""
    return oordeel in ("tijdig", "tijdig_per_post", "prematuur")


@dataclass(frozen=True)
class Beslistermijn:
    """The 7:10 decision term: the statutory end, after a postponement, and after agreed further delay."""

    start_date: date
    wettelijk: Termijn  # six or twelve weeks
    verdaagd_tot: Termijn | None
    uitstel_tot: date | None

    @property
    def einde(self) -> date:
        if self.uitstel_tot is not None:
            return self.uitstel_tot
        return (self.verdaagd_tot or self.wettelijk).end_date

    def stand(self, today: date) -> str:
        """`verstreken` after the last day, `bijna` within WAARSCHUW_DAGEN of it, else `loopt`."""
        if today > self.einde:
            return "verstreken"
        return "bijna" if (self.einde - today).days <= WAARSCHUW_DAGEN else "loopt"


def bezwaartermijn(bekendgemaakt: date, weeks: int, calendar: Calendar) -> Termijn:
    """Awb 6:7, 6:8: the objection period from the day after the besluit was made known, under the Atw."""
    return einde_termijn(bekendgemaakt, weeks=weeks, calendar=calendar)


def tijdigheid(  # noqa: PLR0913
    besluit_datum: date, bekendgemaakt: date, ontvangen: date, wijze: str, gepost: date | None, weeks: int,
    calendar: Calendar,
) -> Tijdigheid:
    """Whether a bezwaar was filed in time (Awb 6:7-6:10). A late one is `te_laat`: 6:11 is a person's call.

    Raises:
        InvalidInput: a posted bezwaar without a posting date, or one posted after it was received.
    """
    termijn = bezwaartermijn(bekendgemaakt, weeks, calendar)
    postweek = einde_termijn(termijn.end_date, weeks=POSTWEEK_WEKEN, calendar=calendar).end_date
    if wijze == "post" and gepost is None:
        raise InvalidInput({"gepost_op": "Vul de datum van de poststempel in."})
    if gepost is not None and gepost > ontvangen:
        raise InvalidInput({"gepost_op": "De datum van de poststempel ligt na de datum van ontvangst."})
    return Tijdigheid(termijn, _oordeel(besluit_datum, termijn, postweek, ontvangen, wijze, gepost), postweek)


def _oordeel(besluit_datum: date, termijn: Termijn, postweek: date, ontvangen: date, wijze: str,
             gepost: date | None) -> str:
    if ontvangen < besluit_datum:
        return "voor_besluit"
    if ontvangen < termijn.start_date:
        return "prematuur"
    if ontvangen <= termijn.end_date:
        return "tijdig"
    if wijze == "post" and gepost is not None and gepost <= termijn.end_date and ontvangen <= postweek:
        return "tijdig_per_post"
    return "te_laat"


def beslistermijn(bezwaartermijn_einde: date, commissie: bool, verdaagd: bool, uitstel_tot: date | None,
                  calendar: Calendar) -> Beslistermijn:
    """Awb 7:10: six weeks (twelve with a committee) from the day after the objection period expired, each
    period under the Atw (twelve weeks is not "more than twelve weeks", Atw art. 4). The postponement is a
    second period of six weeks from the end of the first, so the Atw applies to each as it does to the
    statutory terms themselves; an agreed further delay (lid 4) is the date the parties agreed.

    Raises:
        InvalidInput: an agreed delay that ends before the term it extends.
    """
    weeks = BESLISTERMIJN_COMMISSIE_WEKEN if commissie else BESLISTERMIJN_WEKEN
    wettelijk = einde_termijn(bezwaartermijn_einde, weeks=weeks, calendar=calendar)
    verdaging = einde_termijn(wettelijk.end_date, weeks=VERDAGING_WEKEN, calendar=calendar) if verdaagd else None
    if uitstel_tot is not None and uitstel_tot <= (verdaging or wettelijk).end_date:
        raise InvalidInput({"uitstel_tot": "Verder uitstel eindigt na de huidige beslistermijn "
                                           f"({(verdaging or wettelijk).end_date:%d-%m-%Y})."})
    return Beslistermijn(bezwaartermijn_einde + timedelta(days=1), wettelijk, verdaging, uitstel_tot)


def check_verdaging(termijn: Beslistermijn, mededeling: date) -> None:
    """Awb 7:10 lid 3: the postponement is notified in writing before the statutory term ends, and only once.

    Raises:
        InvalidInput: notified after the term ended, or postponed a second time.
    """
    if termijn.verdaagd_tot is not None:
        raise InvalidInput({"verdaagd_op": "De beslissing is al verdaagd; verder uitstel kan alleen met "
                                           "instemming van de indiener (Awb 7:10 lid 4)."})
    if mededeling > termijn.wettelijk.end_date:
        raise InvalidInput({"verdaagd_op": "Verdagen kan alleen binnen de beslistermijn (Awb 7:10 lid 3), die "
                                           f"eindigde op {termijn.wettelijk.end_date:%d-%m-%Y}."})


def check_beslissing(uitkomst: str, tijdig: bool, verschoonbaar: bool | None, gronden: list[dict[str, str]]) -> None:
    """The decision fits what was recorded: a late bezwaar that is not excused is niet-ontvankelijk, an
    admissible one answers every ground (Awb 7:11: a full reconsideration on the grounds raised).

    Raises:
        InvalidInput: the field named, in Dutch.
    """
    if uitkomst not in BESLISSINGEN:
        raise InvalidInput({"uitkomst": "Kies een beslissing op het bezwaar."})
    admissible = tijdig or verschoonbaar is True
    if not tijdig and verschoonbaar is None:
        raise InvalidInput({"uitkomst": "Het bezwaar is te laat. Leg eerst vast of de termijnoverschrijding "
                                        "verschoonbaar is (Awb 6:11)."})
    if not admissible and uitkomst != "niet_ontvankelijk":
        raise InvalidInput({"uitkomst": "Een te laat bezwaar dat niet verschoonbaar is, is niet-ontvankelijk "
                                        "(Awb 6:7, 6:11)."})
    unanswered = [g["grond"] for g in gronden if not g.get("reactie", "").strip()]
    if uitkomst != "niet_ontvankelijk" and (not gronden or unanswered):
        raise InvalidInput({"gronden": "Beantwoord elke grond van het bezwaar (Awb 7:11)."})
