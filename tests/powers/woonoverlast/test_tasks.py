"""Woonoverlast tasks: each instruction to correct is named on the case page by its code, with the reason."""

from __future__ import annotations

from datetime import UTC, date, datetime

from app.config import ROOT
from app.powers.woonoverlast.tasks import tasks
from app.rulebook import Rulebook

PARAMS = Rulebook.load(ROOT / "rules").parameters_for("woonoverlast", date(2026, 2, 20))
NOW = datetime(2026, 2, 20, 12, 0, tzinfo=UTC)
SPECIFIC = "U speelt tussen 23.00 en 07.00 uur geen versterkte muziek in de woning."


def test_a_vague_instruction_and_a_duplicate_code_are_named_with_their_reason():
    case = {"instructions": [{"code": "A1", "text": "normaal gedragen"}, {"code": "A2", "text": SPECIFIC},
                             {"code": "A2", "text": SPECIFIC + " Ook niet op het erf."}]}
    found = tasks(case, PARAMS, NOW)
    assert [t.text.split(":")[0] for t in found] == ["Aanwijzing A1", "Aanwijzing A2"]
    assert "Te vaag" in found[0].text and all(t.due is None for t in found)


def test_specific_instructions_leave_nothing_to_do():
    assert tasks({"instructions": [{"code": "A1", "text": SPECIFIC}]}, PARAMS, NOW) == []
    assert tasks({}, PARAMS, NOW) == []
