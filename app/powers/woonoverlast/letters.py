"""The woonoverlast letter kit (first rough version; see phrases.py for the words)."""

from __future__ import annotations

from collections.abc import Mapping

from app.letters import paragraphs as L
from app.letters.input import LetterInput
from app.letters.manifest import Clause


class WoonoverlastLetters:
    """The kit (app/letters/kit.py) of the woonoverlast power."""

    def addressee(self, rol: str) -> str:
        return rol

    def keys(self, outcome: str, addressee: str) -> frozenset[str]:
        return frozenset(L.HEAD_KEYS)

    def check(self, letter: LetterInput) -> dict[str, str]:
        return {}

    def context(self, letter: LetterInput, clauses: Mapping[str, Clause]) -> dict[str, object]:
        return L.head(letter, "Woonoverlast")
