"""The assessment a ruleset returns: frozen, JSON round-trippable, and readable by jurists.

An Assessment is the decision receipt: which rules fired (with the facts and parameter values each one
used and its legal basis), which did not, and the summary the case page and letters work from.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.domain.errors import ParameterNotInForce
from app.domain.serialize import jsonable

BEVOEGD = "bevoegd"
NIET_BEVOEGD = "niet_bevoegd"
# Findings that only ask a person to weigh or do something: the decision does not rest on their values.
SIGNAL_KINDS = ("oordeel", "evenredigheid", "taak")
JUDGEMENT_REQUIRED = "judgement_required"
UITZONDERING = "uitzondering"
GROND_ONTBREEKT = "grond_ontbreekt"  # a rule that explains which condition of a ground is missing


PEILDATUM = "peildatum"  # a parameter's value follows the date of the finding (the law as it then stood)
BESLISDATUM = "beslisdatum"  # it follows the decision date (policy as it stands when the mayor decides)
APPLIES_AT = (PEILDATUM, BESLISDATUM)
SETTLED = ("statute", "case law")  # statuses that need no confirmation by the municipality
CONFIRMED = "municipal policy — confirmed"  # the status of a value a beheerder confirmed with its source


@dataclass(frozen=True)
class ParameterValue:
    """One resolved parameter: its value on its date (peildatum or beslisdatum) plus where it comes from.

    `source` is the official source a beheerder confirmed (titel, artikel, publicatie, href); only a
    confirmed value has one, and only a confirmed value is ever cited as policy.
    """

    name: str
    value: Any
    valid_from: date
    status: str
    reference: dict[str, str]
    unit: str = ""
    description: str = ""
    applies_at: str = PEILDATUM
    source: dict[str, str] | None = None

    @property
    def to_confirm(self) -> bool:
        """True for defaults that the municipality still has to confirm (shown as defaults, never as policy)."""
        return self.status not in SETTLED and self.source is None

    @property
    def citation(self) -> str:
        """How a letter cites a confirmed policy value: "<official title>, <article>" ("" when unconfirmed)."""
        if self.source is None:
            return ""
        return ", ".join(p for p in (self.source.get("titel", ""), self.source.get("artikel", "")) if p)


@dataclass(frozen=True)
class TraceEntry:
    """One rule, fired or not, with the facts and parameters it references."""

    rule: str
    kind: str  # the conclusion's finding: bevoegdheid, uitzondering, beleid, evenredigheid, oordeel, ...
    value: str
    legal_basis: dict[str, str]
    explanation: str
    facts: dict[str, Any] = field(default_factory=dict)
    parameters: dict[str, ParameterValue] = field(default_factory=dict)
    conclusion: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Assessment:
    """The result of evaluating one power's rules on one flat fact for one peildatum."""

    power: str
    peildatum: date
    ruleset: str
    rules_sha256: str
    engine: str
    facts: dict[str, Any]
    parameters: dict[str, ParameterValue]
    fired: tuple[TraceEntry, ...]
    not_fired: tuple[TraceEntry, ...]
    # The decision date whose policy values apply (parameters with applies_at: beslisdatum); None: the peildatum.
    beslisdatum: date | None = None

    @property
    def policy_date(self) -> date:
        """The date the policy values were taken from."""
        return self.beslisdatum or self.peildatum

    def unconfirmed(self, also: tuple[str | None, ...] = ()) -> tuple[str, ...]:
        """Names of the parameters still to confirm that a fired rule used, or that are named in `also`
        (e.g. the proposal's parameter), in rule order."""
        used = [n for e in self.fired if e.kind not in SIGNAL_KINDS for n, p in e.parameters.items() if p.to_confirm]
        used += [n for n in also if n and n in self.parameters and self.parameters[n].to_confirm]
        return tuple(dict.fromkeys(used))

    def findings(self, kind: str) -> tuple[TraceEntry, ...]:
        """Fired entries of one kind, in rule-file order."""
        return tuple(e for e in self.fired if e.kind == kind)

    @property
    def bevoegdheid(self) -> str:
        """bevoegd | niet_bevoegd | judgement_required, from the fired competence and exception rules that
        apply to every outcome (rules scoped to some outcomes, e.g. an extension, are left out)."""
        return self.bevoegdheid_for(None)

    def bevoegdheid_for(self, outcome: str | None) -> str:
        """Competence for drafting `outcome`: the unscoped findings plus those scoped to that outcome."""
        values = {e.value for e in self.fired if e.kind in ("bevoegdheid", "uitzondering")
                  and (not e.conclusion.get("outcomes") or outcome in e.conclusion["outcomes"])}
        if NIET_BEVOEGD in values:
            return NIET_BEVOEGD
        if BEVOEGD in values:
            return BEVOEGD
        if JUDGEMENT_REQUIRED in values:
            return JUDGEMENT_REQUIRED
        return NIET_BEVOEGD

    @property
    def niet_bevoegd_redenen(self) -> tuple[TraceEntry, ...]:
        """Why the rules say niet_bevoegd (empty otherwise): the fired exceptions and niet_bevoegd findings,
        and the rules that say which condition of a ground is missing (kind `grond_ontbreekt`, with the
        facts and parameter values they used); when none of those fired, the competence rules that did not
        fire (no ground applies)."""
        if self.bevoegdheid != NIET_BEVOEGD:
            return ()
        explicit = tuple(e for e in self.fired if e.kind in (UITZONDERING, GROND_ONTBREEKT)
                         or (e.kind == "bevoegdheid" and e.value == NIET_BEVOEGD))
        return explicit or tuple(e for e in self.not_fired if e.kind == "bevoegdheid")

    @property
    def judgements_required(self) -> tuple[str, ...]:
        """Codes of the judgements a person must record, in rule order, without duplicates."""
        codes = [e.value for e in self.fired if e.kind == "oordeel"]
        return tuple(dict.fromkeys(codes))

    @property
    def triggerable_judgements(self) -> frozenset[str]:
        """Judgement codes that some rule of this ruleset can ask for, whether or not it fired here."""
        return frozenset(e.value for e in self.fired + self.not_fired if e.kind == "oordeel")

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-safe dict (dates as ISO strings), with the derived `niet_bevoegd_redenen`: per reason the
        rule, its explanation, and the facts and parameter values it used (from_dict ignores it).

        Written out field by field: `dataclasses.asdict` deep-copied every shared entry and parameter and
        then `jsonable` walked the copy again, 26 times the cost of the evaluation (docs/performance.md)."""
        reasons = [{"rule": e.rule, "kind": e.kind, "explanation": e.explanation, "facts": jsonable(e.facts),
                    "parameters": {n: jsonable(p.value) for n, p in e.parameters.items()}}
                   for e in self.niet_bevoegd_redenen]
        seen: dict[int, dict[str, Any]] = {}  # a parameter is written once and shared by the entries using it
        return {
            "power": self.power, "peildatum": self.peildatum.isoformat(), "ruleset": self.ruleset,
            "rules_sha256": self.rules_sha256, "engine": self.engine, "facts": jsonable(self.facts),
            "parameters": _parameters_dict(self.parameters, seen),
            "fired": [entry_dict(e, seen) for e in self.fired],
            "not_fired": [entry_dict(e, seen) for e in self.not_fired],
            "beslisdatum": self.beslisdatum.isoformat() if self.beslisdatum else None,
            "niet_bevoegd_redenen": reasons,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Assessment:
        """Inverse of to_dict."""
        params = {k: _param(v) for k, v in data["parameters"].items()}
        return cls(
            power=data["power"],
            peildatum=date.fromisoformat(data["peildatum"]),
            ruleset=data["ruleset"],
            rules_sha256=data["rules_sha256"],
            engine=data["engine"],
            facts=dict(data["facts"]),
            parameters=params,
            fired=tuple(_entry(e) for e in data["fired"]),
            not_fired=tuple(_entry(e) for e in data["not_fired"]),
            beslisdatum=date.fromisoformat(data["beslisdatum"]) if data.get("beslisdatum") else None,
        )


def parameter_dict(p: ParameterValue) -> dict[str, Any]:
    """One parameter as JSON, the keys in field order."""
    return {"name": p.name, "value": jsonable(p.value), "valid_from": p.valid_from.isoformat(), "status": p.status,
            "reference": jsonable(p.reference), "unit": p.unit, "description": p.description,
            "applies_at": p.applies_at, "source": None if p.source is None else jsonable(p.source)}


def entry_dict(e: TraceEntry, seen: dict[int, dict[str, Any]] | None = None) -> dict[str, Any]:
    """One trace entry as JSON, the keys in field order."""
    return {"rule": e.rule, "kind": e.kind, "value": e.value, "legal_basis": jsonable(e.legal_basis),
            "explanation": e.explanation, "facts": jsonable(e.facts),
            "parameters": _parameters_dict(e.parameters, {} if seen is None else seen),
            "conclusion": jsonable(e.conclusion)}


def _parameters_dict(params: Mapping[str, ParameterValue], seen: dict[int, dict[str, Any]]) -> dict[str, Any]:
    found = {}
    for name, p in params.items():
        done = seen.get(id(p))
        if done is None:
            done = seen[id(p)] = parameter_dict(p)
        found[str(name)] = done
    return found


def parameter_from_dict(data: dict[str, Any]) -> ParameterValue:
    """Inverse of parameter_dict."""
    return _param(data)


def _param(data: dict[str, Any]) -> ParameterValue:
    return ParameterValue(**{**data, "valid_from": date.fromisoformat(data["valid_from"])})


def _entry(data: dict[str, Any]) -> TraceEntry:
    return TraceEntry(**{**data, "parameters": {k: _param(v) for k, v in data["parameters"].items()}})


def table_parameter(params: Mapping[str, ParameterValue], name: str, what: str) -> Mapping[str, Any]:
    """The value of a dated table parameter (an APV norm's article and text) on the peildatum.

    Raises:
        ParameterNotInForce: no value on this date: the system does not apply a norm it does not know.
    """
    found = params.get(name)
    if found is None or not isinstance(found.value, Mapping):
        raise ParameterNotInForce(f"{what} heeft op deze datum geen waarde in de regels (parameter {name}): het "
                                  "systeem past geen onbekende norm toe.")
    return found.value
