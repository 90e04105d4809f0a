"""The form to add a person to a power's case-file list of people (PowerSpec.people_fields), built from the
list's own schema: a text field per string, a date field per date, a choice per enumeration, the address block
with its country for an address (nested or flat). One form serves every power; no power is named here."""

from __future__ import annotations

from dataclasses import dataclass

from marshmallow import Schema, fields, validate

from app.domain.addressees import ADDRESS_FIELDS
from app.schemas.fields import Integer

PREFIX = "personen-"  # + the case-file field: the form's name, its section anchor and its fields' prefix


@dataclass(frozen=True)
class Control:
    kind: str  # text | date | select | address
    name: str  # the dotted name under the form's prefix ("" for a flat address block)
    required: bool = False
    choices: tuple[str, ...] = ()

    @property
    def word(self) -> str | None:
        """The core's word for a person's own field; None: the power's label for it."""
        return PERSON_WORDS.get(self.name)


PERSON_WORDS = {"naam": "Naam", "geboortedatum": "Geboortedatum", "relatie": "Relatie"}


def person_schema(case_file_schema: type[Schema], field: str) -> Schema:
    """The schema of one entry of the list, with the version the form sends."""
    entry = case_file_schema._declared_fields[field].inner.schema  # type: ignore[attr-defined]
    return type(f"Nieuw{type(entry).__name__}", (type(entry),), {"version": Integer(required=True)})()


def controls(case_file_schema: type[Schema], field: str) -> list[Control]:
    """The form controls of one list entry, in the schema's order."""
    declared = case_file_schema._declared_fields[field].inner.schema.declared_fields  # type: ignore[attr-defined]
    flat_address = set(ADDRESS_FIELDS) <= set(declared)
    found = [_control(name, f) for name, f in declared.items() if not (flat_address and name in ADDRESS_FIELDS)]
    return found + ([Control("address", "", True)] if flat_address else [])  # who first, then where


def _control(name: str, f: fields.Field) -> Control:
    if isinstance(f, fields.Nested):
        return Control("address", f"{name}.", f.required)
    if isinstance(f, fields.Date):
        return Control("date", name, f.required)
    one_of = next((v for v in f.validators if isinstance(v, validate.OneOf)), None)
    if one_of is not None:
        return Control("select", name, f.required, tuple(one_of.choices))
    return Control("text", name, f.required)


def register(app: object) -> None:
    """Template globals: the controls of a power's list entry, and the values the form sent back for a block."""
    app.jinja_env.globals["person_controls"] = lambda spec, field: controls(spec.case_file_schema, field)  # type: ignore[attr-defined]
    app.jinja_env.globals["nest_values"] = _nested


def _nested(values: dict, name: str) -> dict:
    """The sent values of an address block: nested under its name, or the flat values themselves."""
    if not name:
        return values
    found = values.get(name.rstrip("."))
    return found if isinstance(found, dict) else {}
