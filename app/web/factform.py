"""The editable-facts form of a power, built from its case-file schema: one input per editable field.

A choice becomes a select with the power's Dutch labels, a whole number a number field, a yes/no a
select, a moment a date-and-time field and free text a text field, so a new power needs no form HTML
for its facts. A record (marshmallow Nested) becomes a group of those inputs with dotted names
(`lbb.requested_on`, kind `group`); a list of records (List(Nested), a chronology of incidents) becomes lines
(`incidents.0.at`, kind `lines`): the stored lines to correct, plus empty lines to add to (a line left empty is
dropped); a list of plain values becomes numbered inputs (`missing.0`, kind `items`). Groups and lines nest.
A group is sent and stored as a whole: a field emptied in it is removed from the record.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from marshmallow import Schema, fields, validate

from app.schemas.fields import Moment
from app.web.fieldnames import field_label
from app.web.forms import number


@dataclass(frozen=True)
class FactField:
    """One input of the facts form, or a group or lines of them."""

    name: str
    kind: str  # select | number | yes_no | moment | date | text | group | lines | items
    choices: tuple[str, ...] = ()
    columns: tuple[FactField, ...] = ()  # a group's fields, the fields of one line, or the input of one item
    path: str = ""  # the dotted name without line numbers (lbb.extension.weeks): a power may label it apart

    @property
    def nested(self) -> bool:
        """True for a group, lines or items: a fieldset of inputs rather than one input."""
        return self.kind in ("group", "lines", "items")


EMPTY_ROWS = 2  # lines (and items) offered to add to a list


def fact_fields(schema: type[Any], editable: tuple[str, ...]) -> list[FactField]:
    """The inputs for a power's editable facts, in the order the power lists them."""
    declared = schema._declared_fields
    return [_field(name, declared[name], name) for name in editable]


def _field(name: str, field: fields.Field, path: str) -> FactField:
    if isinstance(field, fields.Nested):
        return FactField(name, "lines" if field.many else "group", columns=_columns(field.schema, path), path=path)
    if isinstance(field, fields.List) and isinstance(field.inner, fields.Nested):
        return FactField(name, "lines", columns=_columns(field.inner.schema, path), path=path)
    if isinstance(field, fields.List):
        return FactField(name, "items", columns=(_field(name, field.inner, path),), path=path)
    choices = next((v.choices for v in field.validators if isinstance(v, validate.OneOf)), None)
    if choices is not None:
        return FactField(name, "select", tuple(choices), path=path)
    if isinstance(field, fields.Boolean):
        return FactField(name, "yes_no", ("true", "false"), path=path)
    return FactField(name, _scalar_kind(field), path=path)


def _columns(schema: Schema, path: str) -> tuple[FactField, ...]:
    return tuple(_field(n, f, f"{path}.{n}") for n, f in schema.fields.items() if not f.dump_only)


def _scalar_kind(field: fields.Field) -> str:
    kinds = ((Moment, "moment"), (fields.Integer, "number"), (fields.Date, "date"))
    return next((kind for cls, kind in kinds if isinstance(field, cls)), "text")


def rows_of(value: Any) -> list[Any]:
    """The stored rows of a list of records and the empty rows to add to."""
    stored = [row for row in value or () if isinstance(row, dict)] if isinstance(value, list | tuple) else []
    return [*stored, *({} for _ in range(EMPTY_ROWS))]


def items_of(value: Any) -> list[Any]:
    """The stored values of a list of plain values and the empty inputs to add to."""
    stored = [v for v in value if not isinstance(v, dict | list)] if isinstance(value, list | tuple) else []
    return [*stored, *(None for _ in range(EMPTY_ROWS))]


def record_of(value: Any) -> dict[str, Any]:
    """A stored record (a group), or an empty one when none is stored yet (null)."""
    return value if isinstance(value, dict) else {}


def form_value(value: Any) -> Any:
    """A stored case-file value as an input shows it (booleans as true/false, moments in local time)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and "T" in value and value[:4].isdigit():
        return Moment.local_text(value)
    return value


Word = Callable[..., str]  # the `label` of the templates: label(code, power)


def field_word(f: FactField, label: Word, power: str) -> str:
    """A field's Dutch name: the power's word for its dotted path if it has one, else for its name."""
    word = label(f.path, power)
    if f.path and word != f.path:
        return word
    word = label(f.name, power)  # an address part the power does not name itself reads as the core's field
    return field_label(f.name) or word if word == f.name else word


def fact_error_labels(facts: Iterable[FactField], errors: Iterable[str], label: Word, power: str) -> dict[str, str]:
    """Dutch names for the error summary of the facts form in the order of the form, dotted keys included:
    "LBB-advies: Verlenging: Aantal weken", "Eigen onderzoek, regel 2: Bron"."""
    keys = list(errors)
    names: dict[str, str] = {}
    for f in facts:
        names[f.name] = field_word(f, label, power)
        names.update({k: _dotted(f, k.split(".")[1:], label, power) for k in keys if k.startswith(f"{f.name}.")})
    return names


def _dotted(f: FactField, rest: list[str], label: Word, power: str) -> str:
    text = field_word(f, label, power)
    while rest:
        if f.kind in ("lines", "items") and number(rest[0]) is not None:
            text += f", regel {int(rest[0]) + 1}"
            rest = rest[1:]
            if f.kind == "items":
                return text
        child = next((c for c in f.columns if c.name == rest[0]), None) if rest else None
        if child is None:
            return text  # the record's own error (e.g. "_schema"): named by the record
        f, rest = child, rest[1:]
        text += f": {field_word(f, label, power)}"
    return text
