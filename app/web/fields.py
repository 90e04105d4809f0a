"""marshmallow fields with Dutch messages; every string passes clean_text before it is stored."""

from __future__ import annotations

from typing import Any

from marshmallow import fields, validate

from app.domain.cleaning import clean_text

_COMMON = {
    "required": "Dit veld is verplicht.",
    "null": "Dit veld is verplicht.",
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


class Date(fields.Date):
    default_error_messages = {**_COMMON, "invalid": "Vul een geldige datum in (jjjj-mm-dd).",
                              "format": "Vul een geldige datum in."}


class Integer(fields.Integer):
    default_error_messages = {**_COMMON, "invalid": "Vul een heel getal in.", "too_large": "Dit getal is te groot."}


class Decimal(fields.Float):
    default_error_messages = {**_COMMON, "invalid": "Vul een getal in, bijvoorbeeld 2,5.",
                              "special": "Vul een gewoon getal in."}

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> float:
        if isinstance(value, str):
            value = value.strip().replace(",", ".")
        return super()._deserialize(value, attr, data, **kwargs)


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
