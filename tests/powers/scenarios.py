"""One scenario per power for the generic flow (tests/powers/test_every_power.py): what the reporter types
into the power's intake form, what the jurist completes, and which outcome goes through four-eyes review.

Everything else the flow does (judgements, drafting, review, download) it reads from the power's procedure.
A power without a scenario here fails test_every_registered_power_has_a_scenario.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from app.domain.deadlines import AMSTERDAM

ADRES = {"adres.straat": "Scenariostraat", "adres.huisnummer": "8", "adres.postcode": "6200 ZZ",
         "adres.woonplaats": "Maastricht"}
OWNER = {"rechthebbende.naam": "Woonstichting Scenario", "rechthebbende.soort": "woningcorporatie",
         "rechthebbende.straat": "Postbus", "rechthebbende.huisnummer": "5", "rechthebbende.postcode": "6200 ZZ",
         "rechthebbende.woonplaats": "Maastricht"}


@dataclass(frozen=True)
class Scenario:
    reporter: str  # the username that submits the intake form
    intake: Callable[[datetime], dict[str, str]]  # the form fields, given the moment of submission
    outcome: str  # drafted by the jurist and approved with four eyes
    signer: str  # the username that signs and approves it
    facts: Callable[[datetime], dict[str, str]] = lambda _now: {}  # the jurist's facts form before drafting
    draft: dict[str, str] = field(default_factory=dict)  # further fields of the draft form
    decided_at_intake: tuple[str, ...] = ()  # outcomes decided on the spot when the form is submitted
    # Answers a person gives where the first non-blocking one is not the case's (e.g. "not a serious case" for
    # a warning: otherwise the warning would deviate from a proposed closure).
    answers: dict[str, str] = field(default_factory=dict)


def local(moment: datetime) -> str:
    """A moment as a datetime-local input sends it."""
    return moment.astimezone(AMSTERDAM).strftime("%Y-%m-%dT%H:%M")


def _source(now: datetime, kind: str = "bestuurlijke_rapportage") -> dict[str, str]:
    day = (now.astimezone(AMSTERDAM).date() - timedelta(days=3)).isoformat()
    return {"bron_soort": kind, "bron_kenmerk": "SC-2026-1", "bron_datum": day, "pleegdatum": day}


def _damocles(now: datetime) -> dict[str, str]:
    return {"zaaktype": "damocles", **_source(now), **ADRES, **OWNER, "gegevens.premises_type": "woning",
            "gegevens.substances.0.name": "cocaïne", "gegevens.substances.0.opiumwet_list": "lijst_i",
            "gegevens.substances.0.quantity": "2,5", "gegevens.substances.0.unit": "g",
            "bewoners.0.naam": "S. Scenario & Zn <test>", "bewoners.0.roltype": "bewoner"}


def _imposed(now: datetime) -> datetime:
    return now.astimezone(AMSTERDAM).replace(second=0, microsecond=0) - timedelta(hours=2)


def _huisverbod(now: datetime) -> dict[str, str]:
    imposed = _imposed(now)
    return {"zaaktype": "huisverbod", "bron_soort": "proces_verbaal", "bron_kenmerk": "PV-SC-1", **ADRES,
            "gegevens.imposed_at": local(imposed), "gegevens.oral_first": "true",
            "gegevens.area_description": "De woning en het portiek",
            "gegevens.person.naam": "U. Scenario", "gegevens.person.geboortedatum": "1984-04-04",
            "gegevens.residence_status": "woont", "gegevens.rihg.completed_at": local(imposed - timedelta(minutes=20)),
            "gegevens.rihg.outcome": "ernstig_en_onmiddellijk_gevaar", "gegevens.rihg.factors.0.category": "incident",
            "gegevens.rihg.factors.0.text": "Dreiging met geweld.", "gegevens.household.0.naam": "A. Scenario",
            "gegevens.household.0.relatie": "partner", "gegevens.household.0.geboortedatum": "1986-06-06",
            "gegevens.household_informed": "inhoud_en_gevolgen",
            "oordelen.gevaar.outcome": "ja", "oordelen.gevaar.reasoning": "Ernstig en onmiddellijk gevaar.",
            "oordelen.horen_mogelijk.outcome": "gehoord", "oordelen.horen_mogelijk.reasoning": "Beiden gehoord."}


def _extension(now: datetime) -> dict[str, str]:
    return {"extension_new_end_at": local(_imposed(now) + timedelta(days=20)), "extension_decided_by": "orgaan",
            "extension_decided_at": local(now)}


def _proef(now: datetime) -> dict[str, str]:
    return {"zaaktype": "proef", **_source(now), **ADRES, **OWNER, "gegevens.premises_type": "woning",
            "gegevens.hard_drugs_g": "5", "gegevens.dealing_observed": "no", "bewoners.0.naam": "P. Scenario"}


def _ouderbrief(now: datetime) -> dict[str, str]:
    """A fifteen-year-old with fireworks; two parents with joint authority at two addresses (two letters)."""
    incident = now.astimezone(AMSTERDAM).replace(second=0, microsecond=0) - timedelta(days=3)
    born = incident.date().replace(year=incident.year - 15, day=1).isoformat()
    home = {"straat": "Scenariolaan", "huisnummer": "3", "postcode": "6200 ZZ", "woonplaats": "Maastricht"}
    other = {"straat": "Proefweg", "huisnummer": "9", "postcode": "6200 ZZ", "woonplaats": "Maastricht"}
    fields = {"zaaktype": "ouderbrief", "bron_soort": "proces_verbaal", "bron_kenmerk": "PV-SC-OB-1",
              "bron_datum": incident.date().isoformat(), **ADRES, "gegevens.incident_at": local(incident),
              "gegevens.incident_place": "Bij de speeltuin & <het> plein", "gegevens.incident_type": "vuurwerk",
              "gegevens.incident_source": "politie", "gegevens.gia_signal": "no",
              "gegevens.child.naam": "K. Scenario", "gegevens.child.geboortedatum": born,
              "gegevens.gezaghebbenden.0.naam": "O. Scenario & Zn <test>", "gegevens.gezaghebbenden.0.relatie": "ouder",
              "gegevens.gezaghebbenden.1.naam": "P. Proefouder", "gegevens.gezaghebbenden.1.relatie": "ouder"}
    fields |= {f"gegevens.child.adres.{k}": v for k, v in home.items()}
    fields |= {f"gegevens.gezaghebbenden.0.adres.{k}": v for k, v in home.items()}
    return fields | {f"gegevens.gezaghebbenden.1.adres.{k}": v for k, v in other.items()}



def _straathandel(now: datetime) -> dict[str, str]:
    seen = now.astimezone(AMSTERDAM).replace(second=0, microsecond=0) - timedelta(days=2)
    person = {"naam": "V. Scenario & Zn <test>", "geboortedatum": "1999-09-09", "straat": "Proefstraat",
              "huisnummer": "3", "postcode": "6200 ZZ", "woonplaats": "Maastricht", "land": "NL"}
    observed = {"observed_at": local(seen), "place_description": "Bij de bushalte", "location_type": "weg",
                "transfer_observed": "true", "substance_class": "lijst_i", "items_found": "handelsverpakkingen",
                "report_on_oath": "true"}
    return {"zaaktype": "straathandel", "bron_soort": "proces_verbaal", "bron_kenmerk": "PV-SC-SH-1",
            "bron_datum": seen.date().isoformat(), **ADRES, "gegevens.dealing_role": "verkoper",
            "gegevens.identity_established": "yes", "gegevens.repetition_indicators.0.kind": "aanwezig_op_hotspot",
            **{f"gegevens.waargenomen_persoon.{k}": v for k, v in person.items()},
            **{f"gegevens.observations.0.{k}": v for k, v in observed.items()}}


def _woonoverlast(now: datetime) -> dict[str, str]:
    """Noise and intimidation from a rented flat over three weeks; the user is addressed, the corporation gets
    a copy. Neighbours are counted, never named."""
    latest = now.astimezone(AMSTERDAM).replace(second=0, microsecond=0) - timedelta(days=2)
    incidents = [
        {"at": local(latest - timedelta(days=20)), "kind": "geluid", "origin": "in_woning", "source": "melddesk",
         "reporter": "omwonende", "description": "Harde muziek tot diep in de nacht & <geschreeuw>."},
        {"at": local(latest - timedelta(days=9)), "kind": "geluid", "origin": "in_woning", "source": "politie",
         "source_kenmerk": "PL-SC-1", "reporter": "politie", "established": "true"},
        {"at": local(latest), "kind": "intimidatie", "origin": "onmiddellijke_nabijheid", "distance_m": "20",
         "source": "boa", "reporter": "boa", "established": "true", "description": "Schelden in het portiek."},
    ]
    fields = {"zaaktype": "woonoverlast", "bron_soort": "bestuurlijke_rapportage", "bron_kenmerk": "BR-SC-WO-1",
              "bron_datum": latest.date().isoformat(), **ADRES, "gegevens.addressee_role": "gebruiker",
              "gegevens.gebruiker.naam": "W. Scenario & Zn <test>", "gegevens.gebruiker.geboortedatum": "1990-01-01",
              "gegevens.verhuurder.naam": "Woonstichting Scenario", "gegevens.verhuurder.organisatie": "true",
              "gegevens.verhuurder.straat": "Postbus",
              "gegevens.verhuurder.huisnummer": "5", "gegevens.verhuurder.postcode": "6200 ZZ",
              "gegevens.verhuurder.woonplaats": "Maastricht", "gegevens.affected_omwonenden": "3",
              "gegevens.minors_in_household": "no", "gegevens.softer_means.0.kind": "gesprek",
              "gegevens.softer_means.0.date": (latest.date() - timedelta(days=15)).isoformat(),
              "gegevens.softer_means.0.outcome": "mislukt", "gegevens.softer_means.0.reason": "Niet nagekomen.",
              "gegevens.softer_means.1.kind": "verhuurder_maatregel", "gegevens.softer_means.1.outcome": "mislukt",
              "gegevens.softer_means.1.reason": "De corporatie sprak de huurder aan; geen verbetering."}
    for i, incident in enumerate(incidents):
        fields |= {f"gegevens.incidents.{i}.{k}": v for k, v in incident.items()}
    return fields


def _bibob(now: datetime) -> dict[str, str]:
    """An application for a horeca exploitation permit with the burgemeester, a complete Bibob form and own
    investigation pointing to danger; the voornemen to refuse goes to the applicant (no third party named)."""
    received = (now.astimezone(AMSTERDAM).date() - timedelta(days=20)).isoformat()
    application = {"permit_type": "exploitatievergunning_horeca", "competent_body": "burgemeester",
                   "kenmerk": "EXP-SC-1", "received_on": received, "statutory_term_weeks": "8",
                   "business_name": "Eetcafé Scenario & Zn <test>"}
    fields = {"zaaktype": "bibob", **ADRES, "gegevens.betrokkene.kind": "rechtspersoon",
              "gegevens.betrokkene.name": "Scenario B.V. & Zn <test>", "gegevens.betrokkene.kvk": "99000033",
              "gegevens.screening_trigger": "standaard", "gegevens.bibob_form.received": "true",
              "gegevens.bibob_form.complete": "true", "gegevens.own_research.0.source": "open_bronnen",
              "gegevens.own_research.0.finding": "Berichten over een eerdere onderneming & <meer>.",
              "gegevens.own_research.0.date": received}
    return fields | {f"gegevens.application.{k}": v for k, v in application.items()}


def _bibob_weighed(_now: datetime) -> dict[str, str]:
    """The jurist's weighing of the degree of danger per criterion of art. 3 lid 2 (ground a): the letter prints it."""
    return {"danger_criteria.ernst": "Berichten over fraude & <meer>.", "danger_criteria.relatie": "De bestuurder.",
            "danger_criteria.voordeel": "Onbekend, maar de investering is groot."}


SCENARIOS = {
    "bibob": Scenario("handhaving", _bibob, "voornemen_weigering", "kabinet", facts=_bibob_weighed),
    "damocles": Scenario("handhaving", _damocles, "waarschuwing", "kabinet",
                         answers={"ernstig_geval_eerste_overtreding": "niet_ernstig"}),
    "huisverbod": Scenario("hovj", _huisverbod, "verlenging_huisverbod", "burgemeester", facts=_extension,
                           decided_at_intake=("huisverbod",)),
    "ouderbrief": Scenario("handhaving", _ouderbrief, "ouderbrief", "kabinet"),
    "straathandel": Scenario("handhaving", _straathandel, "voornemen_last", "kabinet", draft={"duur": "12"}),
    "woonoverlast": Scenario("handhaving", _woonoverlast, "waarschuwing", "kabinet"),
    "proef": Scenario("handhaving", _proef, "voornemen_sluiting", "kabinet", draft={"duur": "3"}),
}
