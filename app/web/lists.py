"""The web side of every paged list: the query string read into filters, the page rendered, or the filter form
again with a Dutch message (HTTP 400) when a filter or a page link is wrong; and the choices of the filters."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import current_app, render_template, request
from marshmallow import Schema, ValidationError

from app.db import get_session
from app.domain import errors as e
from app.domain.codes import FASEN
from app.models import User
from app.services import case_lists
from app.web.forms import flatten_errors

CURSORS = ("na", "voor", "nc_na", "nc_voor")
# The label of every filter in the error summary, in the order of the forms.
FILTER_LABELS = {"log": "Logboek", "zoek": "Zoeken", "kenmerk": "Zaak (kenmerk)", "persoon": "Persoon",
                 "bevoegdheid": "Bevoegdheid", "fase": "Fase", "behandelaar": "Behandelaar", "van": "Van",
                 "tot": "Tot en met"}


def query_args() -> dict[str, str]:
    """The query string without empty fields (an empty filter means: no filter)."""
    return {k: v for k, v in request.args.items() if v.strip()}


def render_list(template: str, schema: Schema, fetch: Callable[[dict[str, Any]], Any], **context: Any) -> Any:
    """Load the filters, fetch the page and render it; a wrong filter or page link renders the form again with
    the message, and no list (a page link is not a field: its message links nowhere)."""
    raw = query_args()
    try:
        filters = schema.load(raw)
        result = fetch(filters)
    except ValidationError as exc:
        errors = flatten_errors(exc.messages)
    except e.InvalidInput as exc:  # a page link whose cursor decodes to nothing (services/listing.decode)
        get_session().rollback()
        errors = {"_schema": [exc.message]}
    else:
        return render_template(template, page=result, values=raw, errors={}, labels=FILTER_LABELS, **context)
    for name in CURSORS:
        if name in errors:
            errors.setdefault("_schema", []).extend(errors.pop(name))
    return render_template(template, page=None, values=raw, errors=errors, labels=FILTER_LABELS, **context), 400


def zaak_choices(user: User, *, behandelaar: bool = True) -> dict[str, list[tuple[str, str]]]:
    """The choices of the power, phase and (for a jurist's list) behandelaar filters: only the user's powers and
    the jurists of his team."""
    rt = current_app.extensions["bevoegd"]
    label = current_app.jinja_env.globals["label"]
    powers = [code for code in user.zaaktypes or () if code in rt.powers]
    choices = {"bevoegdheden": [(code, rt.book.index(code).title) for code in powers],
               "fasen": [(code, label(code)) for code in FASEN if code != "melding"]}
    if behandelaar:
        jurists = case_lists.team_jurists(get_session(), user.team)
        choices["behandelaars"] = [("geen", "Niet toegewezen"), *((str(i), name) for i, name in jurists)]
    return choices
