"""The Dutch name of a form field for the error summary, where the page itself passes no label.

Every message in the summary names its field ("Kenmerk van het document: vul dit veld in"), so a person
knows what to correct without hunting. A page passes its own labels first (they know the power's words);
these are the names of the fields the core's forms share.
"""

from __future__ import annotations

FIELD_LABELS: dict[str, str] = {
    # the envelope of every melding
    "bron_soort": "Soort document", "bron_kenmerk": "Kenmerk van het document", "bron_datum": "Datum van het document",
    "pleegdatum": "Datum", "toelichting": "Toelichting", "zaaktype": "Bevoegdheid", "submission_id": "Formulier",
    "adres.straat": "Straat", "adres.huisnummer": "Huisnummer en toevoeging", "adres.postcode": "Postcode",
    "adres.woonplaats": "Woonplaats",
    # the owner or landlord
    "rechthebbende.naam": "Naam rechthebbende", "rechthebbende.soort": "Soort rechthebbende",
    "rechthebbende.straat": "Straat of postbus rechthebbende", "rechthebbende.huisnummer": "Huisnummer rechthebbende",
    "rechthebbende.postcode": "Postcode rechthebbende", "rechthebbende.woonplaats": "Plaats rechthebbende",
    "rechthebbende.land": "Land rechthebbende",
    # drafting, offering and reviewing a beslissing
    "soort": "Soort", "verzenddatum": "Verzenddatum", "duur": "Duur", "ingangsdatum": "Ingangsdatum",
    "ondertekenaar_id": "Ondertekenaar", "opmerking": "Opmerking", "sha256": "Brieven", "version": "Formulier",
    # the zienswijze
    "zienswijze.outcome": "Wat is er gebeurd?", "zienswijze.wijze": "Hoe is de zienswijze gegeven?",
    "zienswijze.ontvangen_op": "Ontvangen op", "zienswijze.betrokkene_id": "Van wie",
    "zienswijze.samenvatting": "Samenvatting", "zienswijze.reactie": "Reactie in het besluit",
    "zienswijze.exception": "Uitzondering", "zienswijze.reasoning": "Motivering",
    # logging in and confirming a parameter
    "username": "Gebruikersnaam", "password": "Wachtwoord", "waarde": "Waarde", "geldig_vanaf": "Geldig vanaf",
    "titel": "Officiële titel", "publicatie": "Publicatie", "artikel": "Artikel", "href": "Link naar de publicatie",
    "naam": "Naam", "straat": "Straat of postbus", "huisnummer": "Huisnummer", "postcode": "Postcode",
    "woonplaats": "Plaats", "land": "Land",
}


def field_label(name: str) -> str:
    """The Dutch name of a form field, or "" when the core does not know it (the page must pass it)."""
    return FIELD_LABELS.get(name, "")
