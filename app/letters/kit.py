"""The letter kit: what a power supplies so the core can build a letter's context (pure).

A kit knows its power's words, paragraphs and addressees; the core knows the order of things: check the
input, build the flat context, and hand only the manifest's required keys to the renderer. Keys are flat
and top-level because docxtpl reports top-level names only (letters.md §2); lists hold paragraphs.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from app.domain.errors import InvalidInput
from app.letters.input import LetterInput
from app.letters.manifest import Clause


class LetterKit(Protocol):
    """One power's letters."""

    def addressee(self, rol: str) -> str:
        """The template addressee a recipient role reads (e.g. an overtreder reads the bewoner's letter)."""

    def keys(self, outcome: str, addressee: str) -> frozenset[str]:
        """The context keys the kit produces for one letter (tests hold each template against them)."""

    def check(self, letter: LetterInput) -> dict[str, str]:
        """Problems that make the letter impossible to write, by field (empty: none)."""

    def context(self, letter: LetterInput, clauses: Mapping[str, Clause]) -> dict[str, object]:
        """The flat context of one letter."""


def build_context(letter: LetterInput, kit: LetterKit, clauses: Mapping[str, Clause]) -> dict[str, object]:
    """The checked context of one letter.

    Raises:
        InvalidInput: the kit cannot write this letter (a missing or contradictory date, an unknown role).
    """
    errors = kit.check(letter)
    if errors:
        raise InvalidInput(errors)
    return kit.context(letter, clauses)
