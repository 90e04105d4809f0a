"""The per-process collaborators that services need: rulebook, engine, letter templates, Atw calendar.

The rules engine registers its rulesets once and can never unload them (rules-engine.md §3), so one
engine is built per rules folder per process and shared by every app instance (tests build many apps).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.config import Config
from app.domain.deadlines import Calendar, calendar_from_parameter
from app.letters.render import TemplateStore
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


def build_runtime(config: Config) -> Runtime:
    """Load (once per process and folder) the rulebook, engine and letter templates; fail loudly if invalid."""
    key = (config.rules_dir.resolve(), config.letter_templates_dir.resolve())
    with _lock:
        if key not in _cache:
            book = Rulebook.load(config.rules_dir)
            _cache[key] = (book, RulesEngine(book), TemplateStore.load(config.letter_templates_dir))
        book, engine, letters = _cache[key]
    return Runtime(config=config, book=book, engine=engine, letters=letters)
