"""Assessment receipts in the database: store a receipt by reference, read any receipt back, re-run one.

The shared parts (a rules version, a parameter set) are written once, by whichever transaction needs them
first; the unique key and ON CONFLICT DO NOTHING make two concurrent first writers safe on PostgreSQL and
SQLite alike. Reading caches each part by its SHA-256 in the process: a part never changes once written, so
the case page, letters and bulk runs read a receipt without loading the part again.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app.domain.assessment import Assessment, ParameterValue
from app.domain.receipt import (
    ReceiptMismatch,
    by_reference,
    case_part,
    digest,
    join,
    parameters_part,
    read_parameters,
)
from app.models import Beoordeling, Parameterset, Regelset
from app.rulebook.trace import build_assessment, rules_part
from app.rules_engine import ENGINE
from app.runtime import Runtime

_CACHE_LIMIT = 256
_rules: dict[tuple[str, str], dict[str, Any]] = {}
_parameters: dict[tuple[str, str], dict[str, ParameterValue]] = {}
_parameter_sets: dict[tuple[tuple[str, int], ...], tuple[Any, str, dict[str, Any]]] = {}
_lock = threading.Lock()
T = TypeVar("T")


def receipt(session: Session, rt: Runtime, result: Assessment) -> tuple[dict[str, Any], int, int]:
    """The receipt to store for `result` (format 2) and the ids of the rules version and parameter set it
    references, each written first if this database does not hold it yet. Flushes only."""
    params_sha, params = parameter_set(result)
    rules_id = _ensure(session, Regelset, {"bevoegdheid": result.power, "rules_sha256": result.rules_sha256},
                       lambda: {"ruleset": result.ruleset,
                                "inhoud": rules_part(rt.book.version_for(result.power, result.peildatum))})
    params_id = _ensure(session, Parameterset, {"bevoegdheid": result.power, "sha256": params_sha},
                        lambda: {"inhoud": params})
    return case_part(result, params_sha), rules_id, params_id


def parameter_set(result: Assessment) -> tuple[str, dict[str, Any]]:
    """The digest and JSON of the assessment's parameter set. Evaluations with the same parameters in force
    share the ParameterValue objects (rulebook/parameters.py), so the JSON and its hash, most of the cost of
    storing a receipt, are made once per set and kept while those objects live."""
    items = tuple(result.parameters.items())
    key = tuple((name, id(p)) for name, p in items)
    found = _parameter_sets.get(key)
    if found is None:
        part = parameters_part(result)
        # The items keep the ids valid. With confirmed values laid over (an overlay is resolved per
        # evaluation) the objects are new each time: then this misses and costs what it saves otherwise.
        found = _remember(_parameter_sets, key, (items, digest(part), part), limit=32)
    return found[1], found[2]


def assessment_of(row: Beoordeling) -> Assessment:
    """The full Assessment of a stored receipt, whichever format it was stored in.

    Raises:
        ReceiptMismatch: a format-2 receipt whose references do not fit it (a damaged database).
    """
    data = row.assessment
    if not by_reference(data):
        return Assessment.from_dict(data)
    key = (data["power"], data["rules_sha256"])
    rules = _rules.get(key)
    if rules is None:
        rules = _remember(_rules, key, row.regelset.inhoud if row.regelset else _missing(row, "regelset"))
    pkey = (data["power"], data["parameters_sha256"])
    params = _parameters.get(pkey)
    if params is None:
        stored = row.parameterset.inhoud if row.parameterset else _missing(row, "parameterset")
        params = _remember(_parameters, pkey, read_parameters(stored))
    return join(data, rules, params)


def rerun(rt: Runtime, stored: Assessment) -> Assessment:
    """Run a stored assessment's facts again through its rules version with the parameter values it stored:
    equal to `stored` when the receipt reproduces. The rules version must still be the one loaded (same
    fingerprint); another version is a what-if, never a replacement of the receipt.

    Raises:
        ReceiptMismatch: the rules loaded for its date are not the rules it ran.
    """
    version = rt.book.version_for(stored.power, stored.peildatum)
    if version.sha256 != stored.rules_sha256:
        raise ReceiptMismatch(f"{stored.ruleset}: the rules loaded for {stored.peildatum} have changed")
    fact = rt.book.checked_fact(stored.power, stored.facts, stored.parameters)
    fired = rt.engine.run(version, fact)
    return build_assessment(version, stored.facts, stored.parameters, fired, stored.peildatum, engine=ENGINE,
                            beslisdatum=stored.beslisdatum)


def _ensure(session: Session, model: type[Regelset | Parameterset], key: dict[str, str],
            values: Callable[[], dict[str, Any]]) -> int:
    """The id of the row with this unique key; `values` (the rest of the row) is only built when it is new."""
    found = session.scalar(select(model.id).filter_by(**key))
    return found if found is not None else insert_if_absent(session, model, key, values())


def insert_if_absent(session: Session, model: type[Regelset | Parameterset], key: dict[str, str],
                     values: dict[str, Any]) -> int:
    """Insert the row unless one with this unique key exists; its id either way. Race-safe: a concurrent
    writer of the same key makes our insert do nothing (PostgreSQL waits for its commit first), and the
    look-up after it finds that writer's row, whose content is the same by construction."""
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    session.execute(insert(model).values(**key, **values).on_conflict_do_nothing(index_elements=list(key)))
    return session.scalars(select(model.id).filter_by(**key)).one()


def _remember(cache: dict[Any, T], key: Any, value: T, limit: int = _CACHE_LIMIT) -> T:
    with _lock:
        if len(cache) >= limit:
            cache.clear()
        cache[key] = value
    return value


def _missing(row: Beoordeling, part: str) -> Any:
    raise ReceiptMismatch(f"beoordeling {row.id}: the referenced {part} is missing")
