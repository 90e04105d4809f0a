"""The words one woonoverlast letter is built from (pure): who is addressed, the dwelling, the APV norm, the
amounts, the dates and moments, and the chronology in letter words. Kept apart from letters.py so each part can
be tested on its own. Every value is plain text from the case file or the dated parameters; render.py escapes."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from app.domain.deadlines import einde_op_klok
from app.domain.measures import parse_moment
from app.letters.formatting import bedrag, datum, datum_met_dag, getal_in_woorden, periode, tijdstip
from app.letters.input import LetterInput
from app.letters.paragraphs import label, opsomming
from app.powers.woonoverlast import phrases as P

APV_NORM = "apv_norm_woonoverlast"
COUNTING = "telwijze_overtredingen"
BAN_DAYS, BAN_MAX_DAYS = "aanwezigheidsverbod_dagen", "aanwezigheidsverbod_max_dagen"
VOVO_DAYS = "voorlopige_voorziening_zitting_dagen"
ORDERS = ("voornemen_last", "last_onder_dwangsom", "voornemen_bestuursdwang", "last_onder_bestuursdwang")
BANS = ("aanwezigheidsverbod", "verlenging_aanwezigheidsverbod")
DWANGSOM = ("voornemen_last", "last_onder_dwangsom")

# The facts: the chronology (dates, kinds, sources; never a neighbour's name or address).
INCIDENT = "{datum} om {tijd}: {soort}, {herkomst}. {vastgesteld}{kenmerk}"
INCIDENT_OMSCHRIJVING = " Wat er gebeurde: {omschrijving}"
INCIDENT_AANWIJZING = " Dit is een overtreding van aanwijzing {code}."
KENMERK = " Kenmerk: {kenmerk}."
VASTGESTELD = "Vastgesteld door {bron}."
GEMELD = "Gemeld door {melder}, vastgelegd door {bron}."
GEMELD_DIRECT = "Gemeld door {melder}."
SOORT = {"geluid": "geluidsoverlast", "intimidatie": "intimidatie", "bedreiging": "bedreiging",
         "vervuiling": "vervuiling", "bezoekers": "overlast van bezoekers", "dieren": "overlast van dieren",
         "stank": "stankoverlast", "drugs": "overlast door drugs", "overig": "andere overlast"}
HERKOMST = {"in_woning": "in de woning", "vanuit_woning": "vanuit de woning",
            "onmiddellijke_nabijheid": "direct bij de woning", "elders": "niet bij de woning"}
AFSTAND = "op ongeveer {meter} meter van de woning"
BRON = {"melddesk": "het Meldpunt van de gemeente", "politie": "de politie", "boa": "een handhaver (boa)",
        "corporatie": "de woningcorporatie", "zorgpartner": "een zorgpartner", "omwonende": "een omwonende"}
# In a letter to the landlord as addressee the tenant's care is not named.
BRON_DERDEN = {**BRON, "zorgpartner": "een samenwerkingspartner van de gemeente"}
MELDER = {"omwonende": "een omwonende", "politie": "de politie", "boa": "een handhaver (boa)",
          "corporatie": "de woningcorporatie", "zorgpartner": "een zorgpartner", "anoniem": "een anonieme melder"}
MELDER_DERDEN = {**MELDER, "zorgpartner": "een samenwerkingspartner van de gemeente"}

# The softer means (subsidiarity, 151d lid 2) and where the incidents happened (W3).
HERKOMST_ZIN = {"woning": "Hij komt uit de woning.", "nabij": "Hij gebeurt direct bij de woning.",
                "beide": "Hij komt uit de woning en gebeurt ook direct bij de woning."}
LICHTERE_LEAD = "Deze andere manieren om de overlast te stoppen zijn geprobeerd of overwogen:"
LICHTER = "{soort}{datum}: {uitkomst}.{reden}"
LICHTER_GEEN = "Er zijn geen andere middelen geprobeerd."
LICHTER_ZORG_DERDEN = "{soort}{datum}: {uitkomst}."
LICHTER_SOORT = {"gesprek": "Een gesprek", "waarschuwing": "Een waarschuwing", "buurtbemiddeling": "Buurtbemiddeling",
                 "mediation": "Mediation", "hulpverlening": "Hulpverlening",
                 "verhuurder_maatregel": "Een maatregel van de verhuurder",
                 "huurrechtelijke_maatregel": "Een maatregel op grond van het huurrecht",
                 "overige_handhaving": "Andere handhaving"}
UITKOMST = {"geslaagd": "dat hielp maar tijdelijk", "mislukt": "dat hielp niet", "geweigerd": "dat werd geweigerd",
            "niet_geschikt": "dat was niet geschikt", "niet_geprobeerd": "dat is niet geprobeerd"}
SUBSIDIAIR = ("Daarom kan ik de overlast niet op een andere geschikte manier tegengaan. Alleen dan mag ik optreden "
              "(artikel 151d, tweede lid, van " + P.GEMW + ").")


def stage(outcome: str) -> str:
    """voornemen | last | the outcome itself: the order letters share their words."""
    if outcome.startswith("voornemen_"):
        return "voornemen"
    return "last" if outcome in ORDERS else outcome


def addressed(letter: LetterInput) -> str:
    """Who the order is addressed to: the user (gebruiker) or the landlord (verhuurder)."""
    return P.VERHUURDER if letter.case_file.get("addressee_role") == P.VERHUURDER else P.GEBRUIKER


def param(letter: LetterInput, name: str) -> Any:
    found = letter.assessment.parameters.get(name)
    return None if found is None else found.value


def norm(letter: LetterInput) -> Mapping[str, Any]:
    found = param(letter, APV_NORM)
    return found if isinstance(found, Mapping) else {}


def norm_confirmed(letter: LetterInput) -> bool:
    """The APV article and text are confirmed by the municipality (not a default still to confirm)."""
    found = letter.assessment.parameters.get(APV_NORM)
    return found is not None and not found.to_confirm


def amounts(letter: LetterInput) -> tuple[Decimal, Decimal] | None:
    """The amount per violation and the maximum as drafted, else the dated parameters."""
    drafted = (letter.maatregel or {}).get("dwangsom")
    if drafted:
        return Decimal(str(drafted["bedrag"])), Decimal(str(drafted["maximum"]))
    found = param(letter, "dwangsom_bedrag_eur"), param(letter, "dwangsom_maximum_eur")
    return None if None in found else (Decimal(str(found[0])), Decimal(str(found[1])))


def moment(value: Any) -> datetime | None:
    try:
        return value if isinstance(value, datetime) else parse_moment(value)
    except ValueError:
        return None


def moment_text(at: datetime) -> str:
    """"vrijdag 18 april 2025 om 14.00 uur" (Amsterdam wall clock, to the minute)."""
    return f"{datum_met_dag(at)} om {tijdstip(at)}"


def day(value: Any) -> date | None:
    """The calendar day of a stored date, moment or ISO text (None when empty)."""
    if isinstance(value, date):
        return value.date() if isinstance(value, datetime) else value
    return date.fromisoformat(str(value)[:10]) if value else None


def last_day(vervaldatum: Any) -> str:
    """The last day in force, for "tot en met": the vervaldatum is the first day the order no longer runs."""
    found = day(vervaldatum)
    return datum(found - timedelta(days=1)) if found else ""


def _period(letter: LetterInput, name: str, unit: str) -> str:
    value = param(letter, name)
    return periode(int(value), unit) if isinstance(value, int | float) and value >= 1 else ""


def words_for(letter: LetterInput) -> dict[str, str]:
    """Every placeholder a phrase may use."""
    case, d = letter.case_file, letter.deadlines
    apv, found = norm(letter), amounts(letter)
    artikel = str(apv.get("artikel") or "") if norm_confirmed(letter) else ""
    artikel = artikel or P.ARTIKEL_ONBEVESTIGD
    counting = param(letter, COUNTING)
    months = letter.duur or (letter.maatregel or {}).get("duur")
    erf = bool(case.get("erf"))
    words = {
        "straat": next(iter(letter.zaak_adresregels), ""), "woning": ", ".join(" ".join(r.split())
                                                                              for r in letter.zaak_adresregels),
        "gebruiker": str((case.get("gebruiker") or {}).get("naam") or "de bewoner"),
        "verhuurder": str((case.get("verhuurder") or {}).get("naam") or "de verhuurder"),
        "artikel": artikel, "Artikel": artikel[:1].upper() + artikel[1:],
        "tekst": " ".join(str(apv.get("tekst") or "").split()),
        "erf": " en het erf" if erf else "", "erf_ook": ", ook niet op het erf" if erf else "",
        "stuk": P.STUK.get(letter.outcome, "deze brief"),
        "bedrag": bedrag(found[0]) if found else "", "maximum": bedrag(found[1]) if found else "",
        "telwijze": P.TELWIJZE.get(str(counting), P.TELWIJZE["per_constatering"]),
        "looptijd": periode(int(months), "months") if months else "",
        "begunstigingsduur": _period(letter, "begunstigingstermijn_dagen", "days"),
        "van": day_text(d.get("ingangsdatum")), "tot": last_day(d.get("vervaldatum")),
        "begunstiging": day_text(d.get("begunstigingstermijn_tot"), with_day=True),
        "dagen": _period(letter, BAN_DAYS, "days"), "zitting": _period(letter, VOVO_DAYS, "days") or "drie dagen",
        "gebied": " ".join(str(case.get("ban_area") or "").split()).rstrip("."),
    }
    words.update(_ban_moments(letter))
    return words


def _ban_moments(letter: LetterInput) -> dict[str, str]:
    d, found = letter.deadlines, {}
    for key, name in (("ingang_at", "ban_van"), ("einde_at", "ban_tot")):
        at = moment(d.get(key))
        found[name] = moment_text(at) if at else ""
    first = moment(letter.case_file.get("ban_start_at"))
    found["eerste_begin"] = moment_text(first) if first else ""
    found["oud_einde"] = found["ban_van"]  # an extension starts where the ban it extends ended
    most = param(letter, BAN_MAX_DAYS)
    found["uiterlijk"] = moment_text(einde_op_klok(first, int(most))) if first and most else ""
    return found


def day_text(value: Any, with_day: bool = False) -> str:
    found = day(value)
    if found is None:
        return ""
    return datum_met_dag(found) if with_day else datum(found)


def incidents(letter: LetterInput) -> list[Mapping[str, Any]]:
    """The chronology in date order (an incident without a readable moment is left out, the facts flag it)."""
    found = [i for i in letter.case_file.get("incidents") or () if moment(i.get("at")) is not None]
    return sorted(found, key=lambda i: moment(i.get("at")))


def counted(items: list[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The incidents in, from or right by the dwelling (origin `elders` does not count, W3)."""
    return [i for i in items if i.get("origin") != "elders"]


def incident_line(item: Mapping[str, Any], third_party: bool) -> str:
    """One incident: date, time, kind, origin, source, established or reported; never a reporter's name."""
    at = moment(item.get("at"))
    bron = label(BRON_DERDEN if third_party else BRON, item.get("source"))
    melder = label(MELDER_DERDEN if third_party else MELDER, item.get("reporter"))
    herkomst = label(HERKOMST, item.get("origin"))
    if item.get("distance_m") not in (None, "") and item.get("origin") in ("onmiddellijke_nabijheid", "elders"):
        herkomst += " (" + AFSTAND.format(meter=item["distance_m"]) + ")"
    kenmerk = str(item.get("source_kenmerk") or "").strip()
    if item.get("established"):
        how = VASTGESTELD.format(bron=bron)
    else:
        how = (GEMELD_DIRECT if item.get("source") == "omwonende" else GEMELD).format(melder=melder, bron=bron)
    line = INCIDENT.format(datum=_capital(datum_met_dag(at)), tijd=tijdstip(at),
                             soort=label(SOORT, item.get("kind")), herkomst=herkomst, vastgesteld=how,
                             kenmerk=KENMERK.format(kenmerk=kenmerk) if kenmerk else "")
    description = str(item.get("description") or "").strip()
    if description:
        line += INCIDENT_OMSCHRIJVING.format(omschrijving=description)
    if item.get("instruction"):
        line += INCIDENT_AANWIJZING.format(code=item["instruction"])
    return line


def summary(letter: LetterInput) -> list[str]:
    """How many incidents, over which period, of which kinds, how many established, how many neighbours."""
    items = counted(incidents(letter))
    if not items:
        return []
    kinds = opsomming(dict.fromkeys(label(SOORT, i.get("kind")) for i in items))
    established = sum(1 for i in items if i.get("established"))
    values = {"eerste": datum(moment(items[0]["at"])), "laatste": datum(moment(items[-1]["at"])),
              "aantal": number(len(items)), "soorten": kinds}
    lines = [(P.SAMENVATTING if len(items) > 1 else P.SAMENVATTING_EEN).format_map(values),
             P.SAMENVATTING_VASTGESTELD.format(vastgesteld=number(established)) if established
             else P.SAMENVATTING_GEEN_VASTGESTELD]
    neighbours = letter.case_file.get("affected_omwonenden")
    if isinstance(neighbours, int) and neighbours > 0:
        lines.append(P.OMWONENDE if neighbours == 1 else P.OMWONENDEN.format(Aantal=_capital(number(neighbours))))
    return lines


def number(n: int) -> str:
    """A count in words up to a hundred ("drie"), in digits above."""
    return getal_in_woorden(n) if 1 <= n <= 100 else str(n)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def instructions(letter: LetterInput) -> list[Mapping[str, str]]:
    return [i for i in letter.case_file.get("instructions") or () if str(i.get("text") or "").strip()]


def lichter(letter: LetterInput, third_party: bool) -> list[str]:
    """The softer means tried or considered, in date order, and why they fell short (subsidiarity, 151d lid 2)."""
    means = sorted(letter.case_file.get("softer_means") or (), key=lambda m: day(m.get("date")) or date.max)
    if not means:
        return [LICHTER_GEEN, SUBSIDIAIR]
    lines = [LICHTERE_LEAD]
    for item in means:
        when = day(item.get("date"))
        values = {"datum": f" ({datum(when)})" if when else "", "soort": label(LICHTER_SOORT, item.get("kind")),
                  "uitkomst": label(UITKOMST, item.get("outcome")),
                  "reden": f" {sentence(item['reason'])}" if str(item.get("reason") or "").strip() else ""}
        care = item.get("kind") == "hulpverlening" and third_party
        lines.append((LICHTER_ZORG_DERDEN if care else LICHTER).format_map(values))
    return [*lines, SUBSIDIAIR]


def ernstig(letter: LetterInput) -> str:
    """Serious and repeated, and where it happened: from the dwelling, right by it, or both (W3)."""
    origins = {i.get("origin") for i in counted(incidents(letter))}
    near, home = "onmiddellijke_nabijheid" in origins, bool(origins - {"onmiddellijke_nabijheid"})
    where = "beide" if near and home else ("nabij" if near else "woning")
    return P.ERNSTIG_HERHAALD.format(herkomst=HERKOMST_ZIN[where])


def sentence(text: str) -> str:
    """Free text as the end of a sentence: with a full stop unless it has its own punctuation."""
    text = " ".join(str(text).split())
    return text if text[-1:] in ".?!" else text + "."


def uitvoering(letter: LetterInput) -> str:
    """What the mayor has done himself under bestuursdwang (Awb 5:24 lid 1), as a sentence end; "" if not recorded."""
    text = str(letter.case_file.get("bestuursdwang_uitvoering") or "").strip()
    return sentence(text) if text else ""


def adult_at_ban(letter: LetterInput) -> bool | None:
    """Whether the user is 18 or older when the ban starts (Wth art. 2 lid 2 via 151d lid 3); None if unknown."""
    born = day((letter.case_file.get("gebruiker") or {}).get("geboortedatum"))
    start = moment(letter.case_file.get("ban_start_at")) or moment(letter.deadlines.get("ingang_at"))
    if born is None or start is None:
        return None
    start_day = start.date()
    age = start_day.year - born.year - ((start_day.month, start_day.day) < (born.month, born.day))
    return age >= int(param(letter, "meerderjarig_vanaf_jaren") or 18)
