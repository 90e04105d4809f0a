"""The per-process collaborators that services need: rulebook, engine, letter templates, Atw calendar.

The rules engine registers its rulesets once and can never unload them (rules-engine.md §3), so one
engine is built per rules folder per process and shared by every app instance (tests build many apps).
Building the runtime is where a half-added power is refused: the rules folders, the registered powers
and the letter manifest must name the same powers, and every template must fit its outcome's procedure.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.config import Config
from app.domain.deadlines import Calendar, calendar_from_parameter
from app.domain.objection_decision import CORE_LETTERS
from app.domain.procedure import PER_ZAAK, Outcome, Procedure
from app.letters.render import TemplateStore
from app.powers import PowerSpec, check_agreement, power, registry
from app.rulebook import Rulebook
from app.rules_engine import RulesEngine

_lock = threading.Lock()
_cache: dict[tuple[Path, Path], tuple[Rulebook, RulesEngine, TemplateStore]] = {}


@dataclass(frozen=True)
class Runtime:
    """What a use case needs besides its session."""

    config: Config
    book: Rulebook
    engine: RulesEngine
    letters: TemplateStore

    def calendar(self, on: date) -> Calendar:
        """The Atw calendar with the days decreed equal to holidays, as known on `on`."""
        return calendar_from_parameter(self.book.parameter("algemeen", "gelijkgestelde_dagen", on).value)

    def power(self, code: str) -> PowerSpec:
        """A registered power. Raises UnknownPower."""
        return power(code)

    def procedure(self, code: str) -> Procedure:
        """The power's outcomes and judgements (rules/<code>/index.yaml)."""
        return self.book.index(code).procedure

    @property
    def powers(self) -> Mapping[str, PowerSpec]:
        return registry()


def build_runtime(config: Config) -> Runtime:
    """Load (once per process and folder) the rulebook, engine and letter templates; fail loudly if invalid."""
    key = (config.rules_dir.resolve(), config.letter_templates_dir.resolve())
    with _lock:
        if key not in _cache:
            book = Rulebook.load(config.rules_dir)
            _cache[key] = (book, RulesEngine(book), TemplateStore.load(config.letter_templates_dir))
        book, engine, letters = _cache[key]
    check_agreement(book.powers, {e.power for e in letters.entries} - {CORE_LETTERS})  # the core's own letters
    check_letters(book, letters)
    check_bodies(book)
    check_bulk(book)
    return Runtime(config=config, book=book, engine=engine, letters=letters)


def check_letters(book: Rulebook, letters: TemplateStore) -> None:
    """Every template fits its outcome: a besluit letter for its addressees and a notice (no remedy) for the
    roles it only notifies, the outcome's remedy clause; and every recipient role of every outcome has one.

    Raises:
        RuntimeError: naming the template or the missing letter.
    """
    problems = []
    for entry in letters.entries:
        outcome = _core_outcome(book, entry.outcome) if entry.power == CORE_LETTERS else \
            book.index(entry.power).outcomes.get(entry.outcome)
        if outcome is None:
            problems.append(f"{entry.template}: {entry.power} kent geen uitkomst {entry.outcome!r}")
        elif entry.besluit != (outcome.besluit and (entry.power == CORE_LETTERS or not _notice_only(
                power(entry.power), outcome, entry.addressee))):
            problems.append(f"{entry.template}: besluit wijkt af van rules/{entry.power}/index.yaml")
        elif entry.clause and letters.clauses[entry.clause].remedy != outcome.remedy:
            problems.append(f"{entry.template}: clausule {entry.clause} past niet bij rechtsmiddel {outcome.remedy}")
    problems += _missing_letters(book, letters)
    if problems:
        raise RuntimeError("Brieven passen niet bij de procedure: " + "; ".join(problems))


def check_bulk(book: Rulebook) -> None:
    """A bulk run drafts only outcomes that are no besluit: the kabinet approves a run on a sample, which is
    defensible for information letters signed in mandate, not for besluiten (Awb 3:2, 3:46: each is reasoned and
    weighed on its own).

    Raises:
        RuntimeError: naming the power and the outcome.
    """
    problems = [f"{code}: {outcome} is een besluit en kan niet in een reeks" for code in book.powers
                if (spec := power(code)).bulk is not None for outcome in spec.bulk.outcomes
                if book.index(code).outcomes[outcome].besluit]
    if problems:
        raise RuntimeError("Reeksen: " + "; ".join(problems))


def check_bodies(book: Rulebook) -> None:
    """A power whose body is settled per zaak (index.yaml `orgaan: per_zaak`) says which from the case file
    (PowerSpec.orgaan); a power with a fixed body has no such function, which nothing would call.

    Raises:
        RuntimeError: naming the power.
    """
    problems = [f"{code}: orgaan per_zaak vraagt PowerSpec.orgaan" if book.index(code).orgaan == PER_ZAAK else
                f"{code}: PowerSpec.orgaan zonder orgaan per_zaak in rules/{code}/index.yaml"
                for code in book.powers if (book.index(code).orgaan == PER_ZAAK) != (power(code).orgaan is not None)]
    if problems:
        raise RuntimeError("Bevoegd orgaan: " + "; ".join(problems))


def _core_outcome(book: Rulebook, code: str) -> Outcome | None:
    """An outcome the core gives every power that needs it (the decision on a bezwaar), as one power has it."""
    found = (book.index(p).outcomes.get(code) for p in book.powers)
    return next((o for o in found if o is not None and o.reconsiders), None)


def _notice_only(spec: PowerSpec, outcome: Outcome, addressee: str) -> bool:
    """The template's readers are only notified of the content (e.g. Veilig Thuis), not addressed by it."""
    readers = [role for role in outcome.recipients if spec.letters.addressee(role) == addressee]
    return bool(readers) and all(role in outcome.notified for role in readers)


def _missing_letters(book: Rulebook, letters: TemplateStore) -> list[str]:
    have = {(e.power, e.outcome, e.addressee) for e in letters.entries}
    missing = []
    for code in book.powers:
        kit = power(code).letters
        for outcome in book.index(code).outcomes.values():
            missing += [f"{code}/{outcome.code}: geen brief voor {rol}" for rol in outcome.recipients
                        if (code, outcome.code, kit.addressee(rol)) not in have]
            if outcome.reconsiders and not any(p == CORE_LETTERS and o == outcome.code for p, o, _ in have):
                missing.append(f"{code}/{outcome.code}: geen brief in {CORE_LETTERS}/")
    return missing
