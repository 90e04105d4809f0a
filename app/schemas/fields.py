"""marshmallow fields with Dutch messages; every string passes clean_text before it is stored."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from marshmallow import ValidationError, fields, validate

from app import clock
from app.domain.cleaning import clean_text
from app.domain.numbers import NumberProblem, parse_number

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

_COMMON = {
    "required": "Vul dit veld in.",
    "null": "Vul dit veld in.",
    "validator_failed": "Deze waarde is niet toegestaan.",
}


class CleanString(fields.String):
    """A string without control characters, NFC-normalised, with LF newlines (letters.md §4)."""

    default_error_messages = {**_COMMON, "invalid": "Vul tekst in."}

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        text = clean_text(super()._deserialize(value, attr, data, **kwargs)).strip()
        if self.required and not text:
            raise self.make_error("required")
        return text


# Dates a case can have. Outside them a date is a typing error, and a deadline computed from 9999-12-31 would
# overflow Python's calendar (an HTTP 500 before this bound).
FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(2199, 12, 31)
LARGEST = 2**63 - 1  # the database's largest whole number; a larger id or count overflows the driver


class Date(fields.Date):
    default_error_messages = {**_COMMON, "invalid": "Vul een geldige datum in (jjjj-mm-dd).",
                              "format": "Vul een geldige datum in.",
                              "range": "Vul een datum tussen 1900 en 2200 in."}

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> date:
        day = super()._deserialize(value, attr, data, **kwargs)
        self._check(day)
        return day

    def _check(self, day: date) -> None:
        if not FIRST_DAY <= day <= LAST_DAY:
            raise self.make_error("range")


class BirthDate(Date):
    """A birth date: not in the future, and not before 1900 (nobody living was born earlier)."""

    default_error_messages = {**Date.default_error_messages,
                              "future": "De geboortedatum ligt in de toekomst.",
                              "range": "Vul een geboortedatum na 1900 in."}

    def _check(self, day: date) -> None:
        if day > clock.today():
            raise self.make_error("future")
        super()._check(day)


class Integer(fields.Integer):
    """A whole number: a JSON number as is, typed text the Dutch way (1.500), never a guess (app/domain/numbers)."""

    default_error_messages = {**_COMMON, "invalid": "Vul een heel getal in.", "too_large": "Dit getal is te groot."}

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> int:
        if isinstance(value, str):
            value = _dutch(value, whole=True)
        number = super()._deserialize(value, attr, data, **kwargs)
        if abs(number) > LARGEST:
            raise self.make_error("too_large")
        return number


class Decimal(fields.Float):
    """A quantity: a JSON number as is, typed text the Dutch way (35.000 is thirty-five thousand, 2,5)."""

    default_error_messages = {**_COMMON, "invalid": "Vul een getal in, bijvoorbeeld 2,5.",
                              "special": "Vul een gewoon getal in."}

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> float:
        if isinstance(value, str):
            value = _dutch(value, whole=False)
        return super()._deserialize(value, attr, data, **kwargs)


def _dutch(text: str, *, whole: bool) -> Any:
    """Typed text as a number, or the Dutch question back (ValidationError on the field)."""
    if not text.strip():
        return text  # marshmallow's own required/invalid message
    try:
        number = parse_number(text, whole=whole)
    except NumberProblem as problem:
        raise ValidationError(problem.message) from None
    return int(number) if whole else number


class Boolean(fields.Boolean):
    default_error_messages = {**_COMMON, "invalid": "Kies ja of nee."}


class Nested(fields.Nested):
    default_error_messages = {**_COMMON, "type": "Ongeldige invoer."}


class List(fields.List):
    default_error_messages = {**_COMMON, "invalid": "Ongeldige lijst."}


def choice(values: tuple[str, ...] | list[str], **kwargs: Any) -> CleanString:
    """A string that must be one of `values`."""
    return CleanString(validate=validate.OneOf(values, error="Kies een van de mogelijke waarden."), **kwargs)


def text(max_length: int, **kwargs: Any) -> CleanString:
    """Free text with a maximum length."""
    return CleanString(validate=validate.Length(max=max_length, error=f"Gebruik hoogstens {max_length} tekens."),
                       **kwargs)


class Moment(fields.Field):
    """A moment to the minute on the Amsterdam wall clock (a datetime-local input, or ISO with an offset).

    A time that does not exist on the wall clock (the hour skipped when summer time starts) is refused;
    a time that occurs twice (the hour repeated when it ends) is read as its first occurrence.
    """

    default_error_messages = {**_COMMON, "invalid": "Vul een datum en tijd in (jjjj-mm-dd uu:mm).",
                              "gap": "Dit tijdstip bestaat niet: de klok ging toen een uur vooruit (zomertijd).",
                              "range": Date.default_error_messages["range"]}

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> datetime:
        try:
            parsed = datetime.fromisoformat(str(value).strip())
        except ValueError:
            raise self.make_error("invalid") from None
        if not FIRST_DAY <= parsed.date() <= LAST_DAY:  # converting 9999-12-31 23:00 between zones overflows
            raise self.make_error("range")
        if parsed.tzinfo is not None:
            return parsed.astimezone(AMSTERDAM)
        local = parsed.replace(tzinfo=AMSTERDAM, fold=0)
        if local.astimezone(UTC).astimezone(AMSTERDAM).replace(tzinfo=None) != parsed:
            raise self.make_error("gap")
        return local

    def _serialize(self, value: Any, attr: str | None, obj: Any, **kwargs: Any) -> str | None:
        return None if value is None else value.isoformat()

    @staticmethod
    def local_text(value: str) -> str:
        """A stored ISO moment as a datetime-local input shows it: 2026-12-04T23:40. A value that is no moment
        (typed text sent back with its error) is shown as typed."""
        try:
            return datetime.fromisoformat(value).astimezone(AMSTERDAM).strftime("%Y-%m-%dT%H:%M")
        except ValueError:
            return value
