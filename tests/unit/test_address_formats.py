"""Addresses abroad: the country of an address (Nederland, België, Duitsland), its postcode and house number
checked in that country's format with Dutch messages, and the letter's address lines in its postal format."""

from __future__ import annotations

import pytest
from marshmallow import ValidationError

from app.domain.addressees import address_of, postal_lines, rechthebbende
from app.schemas.base import AdresSchema, BinnenlandsAdresSchema, RechthebbendeSchema
from app.schemas.melding import MeldingSchema
from app.schemas.zaakbeheer import BetrokkeneSchema
from tests.factories import melding_form

NL = {"straat": "Proefstraat", "huisnummer": "12", "postcode": "6200zz", "woonplaats": "Maastricht"}
BE = {"straat": "Rue de l'Essai", "huisnummer": "12 bus 3", "postcode": "4000", "woonplaats": "Luik", "land": "BE"}
DE = {"straat": "Probeweg", "huisnummer": "7a", "postcode": "52062", "woonplaats": "Aachen", "land": "DE"}


def _errors(schema, data) -> dict:
    with pytest.raises(ValidationError) as refused:
        schema.load(data)
    return refused.value.messages


def test_an_address_without_a_country_is_dutch_and_keeps_its_normalised_postcode():
    assert AdresSchema().load(NL) == {**NL, "postcode": "6200 ZZ", "land": "NL"}
    assert AdresSchema().load({**NL, "land": ""})["land"] == "NL"  # a form's empty choice: Nederland
    assert AdresSchema().load({**NL, "land": "NL"})["postcode"] == "6200 ZZ"


@pytest.mark.parametrize(("address", "postcode"), [(BE, "4000"), ({**BE, "postcode": "1000"}, "1000"),
                                                   ({**BE, "postcode": "9999"}, "9999"), (DE, "52062"),
                                                   ({**DE, "postcode": "01067"}, "01067")])
def test_a_belgian_or_german_postcode_in_its_own_format_is_accepted_as_typed(address, postcode):
    assert AdresSchema().load(address)["postcode"] == postcode


@pytest.mark.parametrize("postcode", ["0999", "400", "40000", "4000 AB", "B-4000", "6200 ZZ"])
def test_a_belgian_postcode_needs_four_digits(postcode):
    assert _errors(AdresSchema(), {**BE, "postcode": postcode}) == {
        "postcode": ["Vul een Belgische postcode in: vier cijfers, zoals 4000."]}


@pytest.mark.parametrize("postcode", ["5206", "520622", "00123", "D-52062", "52O62", "6200 ZZ"])
def test_a_german_postcode_needs_five_digits(postcode):
    assert _errors(AdresSchema(), {**DE, "postcode": postcode}) == {
        "postcode": ["Vul een Duitse postcode in: vijf cijfers, zoals 52062."]}


@pytest.mark.parametrize("postcode", ["4000", "52062", "62 00ZZ", "0200 AB"])
def test_a_dutch_postcode_keeps_its_own_message(postcode):
    assert _errors(AdresSchema(), {**NL, "postcode": postcode}) == {"postcode": ["Vul een postcode in als 1234 AB."]}


@pytest.mark.parametrize("number", ["12", "12A", "12b", "12 bus 3", "12bus3", "12 Bus 14", "12 bte 2", "12/3"])
def test_a_belgian_house_number_may_have_a_letter_or_a_box(number):
    assert AdresSchema().load({**BE, "huisnummer": number})["huisnummer"] == number


@pytest.mark.parametrize("number", ["bus 3", "12 bus", "0", "12 verdieping 3", "12 bus 3 bus 4"])
def test_a_belgian_house_number_is_still_checked(number):
    assert _errors(AdresSchema(), {**BE, "huisnummer": number}) == {"huisnummer": [
        "Vul een Belgisch huisnummer in, eventueel met letter of bus (12, 12A, 12 bus 3)."]}


@pytest.mark.parametrize("number", ["7", "7a", "7 a", "12-14", "12/1"])
def test_a_german_house_number_may_have_a_letter_or_a_range(number):
    assert AdresSchema().load({**DE, "huisnummer": number})["huisnummer"] == number


@pytest.mark.parametrize("number", ["a7", "7 bus 3", "7abc"])
def test_a_german_house_number_is_still_checked(number):
    assert "Duits huisnummer" in _errors(AdresSchema(), {**DE, "huisnummer": number})["huisnummer"][0]


def test_a_dutch_house_number_is_checked_as_before():
    assert _errors(AdresSchema(), {**NL, "huisnummer": "12 bus 3 achter"}) == {"huisnummer": [
        "Vul een huisnummer in, eventueel met toevoeging (12, 12a, 12-2)."]}


@pytest.mark.parametrize("land", ["FR", "LU", "nl", "België", "XX"])
def test_an_unknown_country_is_refused_in_dutch_and_nothing_else_is_guessed(land):
    assert _errors(AdresSchema(), {**BE, "land": land}) == {"land": ["Kies Nederland, België of Duitsland."]}


def test_every_problem_of_an_address_abroad_is_named_at_once():
    assert _errors(AdresSchema(), {**DE, "straat": "", "postcode": "4000"}) == {
        "straat": ["Vul dit veld in."], "postcode": ["Vul een Duitse postcode in: vijf cijfers, zoals 52062."]}


def test_the_premises_or_place_of_a_violation_is_in_the_netherlands():
    assert BinnenlandsAdresSchema().load(NL)["land"] == "NL"
    message = _errors(BinnenlandsAdresSchema(), BE)["land"][0]
    assert message.startswith("Dit adres ligt in Nederland")
    assert _errors(MeldingSchema(), melding_form(adres=BE)) == {"adres": {"land": [message]}}


def test_an_owner_in_belgium_or_germany_is_reported_with_the_melding():
    owner = {"naam": "Proef BV", "soort": "verhuurder", **DE}
    data = MeldingSchema().load(melding_form(rechthebbende=owner))
    assert data["rechthebbende"]["land"] == "DE" and data["adres"]["land"] == "NL"
    assert rechthebbende(data["rechthebbende"])["land"] == "DE"
    assert RechthebbendeSchema().load({"naam": "Proef BV", "soort": "eigenaar", **BE})["land"] == "BE"
    assert _errors(RechthebbendeSchema(), {"naam": "Proef BV", "soort": "eigenaar", **{**BE, "postcode": "52062"}}) \
        == {"postcode": ["Vul een Belgische postcode in: vier cijfers, zoals 4000."]}


def test_the_jurists_correction_form_checks_the_country_format():
    data = BetrokkeneSchema().load({"version": "1", "naam": "T. Proef", "geboortedatum": "", **BE})
    assert data["land"] == "BE" and data["huisnummer"] == "12 bus 3"
    assert _errors(BetrokkeneSchema(), {"version": "1", "naam": "T. Proef", **{**BE, "land": "FR"}}) == {
        "land": ["Kies Nederland, België of Duitsland."]}


def test_an_address_without_a_country_from_a_power_is_dutch():
    assert address_of({**NL, "postcode": "6200 ZZ"})["land"] == "NL"
    assert address_of(BE)["land"] == "BE"


def test_dutch_address_lines_are_as_every_letter_printed_them():
    assert postal_lines("Proefstraat", "12 A", "6200 ZZ", "Maastricht", "NL") == ("Proefstraat 12 A",
                                                                               "6200 ZZ  Maastricht")
    assert postal_lines("Proefstraat", "12 A", "6200 ZZ", "Maastricht") == ("Proefstraat 12 A", "6200 ZZ  Maastricht")


def test_belgian_address_lines_end_with_the_country_in_capitals():
    assert postal_lines("Rue de l'Essai", "12 bus 3", "4000", "Luik", "BE") == (
        "Rue de l'Essai 12 bus 3", "4000  LUIK", "BELGIË")


def test_german_address_lines_end_with_the_country_in_capitals():
    assert postal_lines("Probeweg", "7a", "52062", "Aachen", "DE") == ("Probeweg 7a", "52062  AACHEN", "DUITSLAND")
    assert postal_lines("Proefstraße", "7", "52062", "Düren", "DE")[1:] == ("52062  DÜREN", "DUITSLAND")
