"""Dutch words for the codes shown in the UI (codes stay ASCII snake_case everywhere else)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from babel.numbers import format_decimal

from app.domain.addressees import COUNTRIES
from app.domain.codes import BRON_LABELS
from app.domain.links import wettekst_op
from app.domain.measures import parse_moment
from app.domain.wording import bracketed

__all__ = ["LABELS", "Labels", "beslissing_rows", "betrokkene_option", "kort", "moment_kort", "status_label",
           "wettekst_op", "zienswijze_row"]

# Words of the core: sources, workflow, findings, the Awb hearing. A power's own words live in its package
# (PowerSpec.labels) and its index.yaml (outcome, judgement and role labels); label(code, power) reads those first.
LABELS: dict[str, str] = {
    **BRON_LABELS,
    "burgemeester": "De burgemeester", "college": "Het college van burgemeester en wethouders",  # Zaak.orgaan
    "eigenaar": "Eigenaar", "verhuurder": "Verhuurder", "woningcorporatie": "Woningcorporatie",
    "yes": "Ja", "no": "Nee", "unknown": "Onbekend", "true": "Ja", "false": "Nee",
    "bevoegd": "Bevoegd", "niet_bevoegd": "Niet bevoegd", "judgement_required": "Oordeel van een jurist nodig",
    "concept": "Concept", "ter_vaststelling": "Ter vaststelling", "vastgesteld": "Vastgesteld",
    "verzonden": "Verzonden", "ingelezen": "Ingelezen", "opstellen": "Brieven worden opgesteld",  # a bulk run
    "goedgekeurd": "Goedgekeurd", "teruggestuurd": "Teruggestuurd", "nagecontroleerd": "Nagecontroleerd",
    "ontvangen": "Zienswijze ontvangen", "niet_ontvangen": "Geen zienswijze ontvangen binnen de termijn",
    "spoed_4_11_a": "Niet gehoord wegens spoed (Awb 4:11 onder a)",
    "eerder_gehoord_4_11_b": "Eerder gehoord, geen nieuwe feiten (Awb 4:11 onder b)",
    "verrassing_4_11_c": "Niet vooraf ingelicht: doel vereist verrassing (Awb 4:11 onder c)",
    "bevoegdheid": "Bevoegdheid", "uitzondering": "Uitzondering", "verwijzing": "Ander instrument",
    "beleid": "Beleid", "evenredigheid": "Evenredigheid", "oordeel": "Afweging nodig", "taak": "Nog te doen",
    "informatie": "Ter informatie",
    "voorbehouden": "Wie mag beslissen", "orgaan": "Alleen het bestuursorgaan zelf of zijn vervanger, niet in mandaat",
    "feiten": "Feiten", "voornemen": "Voornemen", "besluit": "Besluit", "review": "Vaststelling",
    "verzending": "Verzending", "nazorg": "Nazorg", "afgesloten": "Afgesloten",
    "schriftelijk": "Schriftelijk", "mondeling": "Mondeling",
    "months": "maanden", "weeks": "weken", "days": "dagen", "hours": "uur",
    "afgezien": "Afgezien van een maatregel", "afgedaan": "Afgedaan",
    "aanvraag_ingetrokken": "Aanvraag ingetrokken door de aanvrager",
    "indiener": "Indiener van het bezwaar",
    "procedure": "Procedure",  # a judgement step (index.yaml `stap`), as "Stap: Procedure"
    **COUNTRIES,  # the country of an address: "België", never "BE"
    # the parts of an address or a name in a table parameter (e.g. Veilig Thuis' postal address)
    "naam": "Naam", "straat": "Straat", "huisnummer": "Huisnummer", "postcode": "Postcode", "woonplaats": "Plaats",
}


def power_labels(rt: Any, code: str) -> dict[str, str]:
    """The label namespace of one power: core words, then its roles, outcomes and its own words."""
    index = rt.book.index(code)
    # A referral to another power (a `verwijzing` finding) reads that power's title, so no power names another.
    others = {p: rt.book.index(p).title for p in rt.book.powers if p != code}
    words = {**LABELS, **others, **index.roles, **{o.code: o.label for o in index.outcomes.values()}}
    return {**words, **rt.power(code).labels}


STATUS_LABELS: dict[str, str] = {
    "statute": "wet",
    "case law": "jurisprudentie",
    "Maastricht policy — to confirm": "beleid Maastricht — nog te bevestigen",
    "default from another municipality — to be replaced by Maastricht policy":
        "standaardwaarde uit een andere gemeente — te vervangen door beleid van Maastricht",
    "national practice — to be replaced by Maastricht policy":
        "landelijke praktijk — te vervangen door beleid van Maastricht",
    "design default — to confirm with the municipality": "ontwerpkeuze — te bevestigen door de gemeente",
    "municipal policy — confirmed": "beleid van de gemeente — bevestigd",
}


def status_label(status: str) -> str:
    """Dutch words for a parameter's status (the rule files keep the domain's English status codes)."""
    return STATUS_LABELS.get(status, status)


class Labels:
    """Dutch words for codes: `label(code)` for the core, `label(code, power)` in that power's namespace."""

    def __init__(self, rt: Any) -> None:
        self._rt = rt
        self._by_power: dict[str, dict[str, str]] = {}

    def __call__(self, code: object, power: str | None = None) -> str:
        if isinstance(code, bool):
            return "Ja" if code else "Nee"
        if isinstance(code, int | float):
            return format_decimal(code, locale="nl_NL")  # 27,5 — a Dutch reader expects a decimal comma
        words = self.namespace(power) if power else LABELS
        return words.get(str(code), str(code))

    def namespace(self, power: str) -> dict[str, str]:
        if power not in self._by_power:
            self._by_power[power] = power_labels(self._rt, power)
        return self._by_power[power]

    def options(self, *codes: str, power: str | None = None) -> list[tuple[str, str]]:
        """(value, label) pairs for select and radio macros."""
        return [(code, self(code, power)) for code in codes]


def kort(d: date | str | None) -> str:
    """A date in the short Dutch form for screens (letters write dates out in words); a case file's ISO text
    too, so no screen prints 1985-06-14. Text that is no date is shown as it is."""
    if isinstance(d, str):
        try:
            d = date.fromisoformat(d)
        except ValueError:
            return d
    return d.strftime("%d-%m-%Y") if d else ""


def beslissing_rows(b: Any) -> list[tuple[str, str]]:
    """The dates and policy flag of a beslissing, as the case page and the review page list them."""
    rows = [("Verzenddatum", kort(b.verzenddatum))]
    if b.zienswijze_tot:
        rows.append(("Zienswijze tot en met", kort(b.zienswijze_tot)))
    if b.begunstigingstermijn_tot:
        rows.append(("Begunstigingstermijn tot en met", kort(b.begunstigingstermijn_tot)))
    if b.ingangsdatum:
        rows.append(("Looptijd", f"{kort(b.ingangsdatum)} tot {kort(b.vervaldatum)}"))
    if b.ingang_at or b.einde_at:
        rows.append(("Van", moment_kort(b.ingang_at) or "bij vaststelling"))
        rows.append(("Tot", moment_kort(b.einde_at) or "–"))
    if b.uiterlijke_reactiedatum:
        rows.append(("Bezwaar of beroep tot en met", kort(b.uiterlijke_reactiedatum)))
    rows.append(("Afwijking van beleid", "Ja (Awb 4:84)" if b.afwijking_beleid else "Nee"))
    return rows


def zienswijze_row(entry: dict[str, Any]) -> list[str]:
    """One party's zienswijze as the case page's table row: who, when and how, summary, response."""
    received = date.fromisoformat(entry["ontvangen_op"]) if entry.get("ontvangen_op") else None
    how = LABELS.get(entry.get("wijze", ""), "").lower()
    return [entry.get("naam", ""), f"{kort(received)} {how}".strip(), entry.get("samenvatting", ""),
            entry.get("reactie", "")]


def betrokkene_option(person: Any, words: dict[str, str]) -> tuple[int, str]:
    """A betrokkene as a select option: name and role, the role capitalised as the betrokkenen table writes it."""
    return person.id, f"{person.naam} {bracketed(words.get(person.roltype, person.roltype))}"


def moment_kort(moment: datetime | str | None) -> str:
    """A moment on the Amsterdam wall clock, as screens show it: 04-12-2026 23.40 uur (stored ISO text too)."""
    found = parse_moment(moment)
    return found.strftime("%d-%m-%Y %H.%M uur") if found else ""
