"""The process steps of the case page, each with what is true of it, derived from the case's data (pure)."""

from __future__ import annotations

from app.domain.workspace import BEVOEGD, DECIDED, NIET_BEVOEGD, CaseState

DONE, CURRENT, NOT_STARTED, NOT_NEEDED = "afgerond", "huidige stap", "nog niet gestart", "niet nodig"


def step_states(steps: tuple[str, ...], state: CaseState) -> list[tuple[str, str]]:
    """Each process step with what is true of it, from the case's data rather than from one stored fase (which
    goes back to "evenredigheid" after a zienswijze, and so would call a sent voornemen "not started")."""
    done = _done_steps(state)
    result, current_seen = [], False
    for code in steps:
        if code in done:
            result.append((code, done[code]))
        elif state.competence == NIET_BEVOEGD and code not in ("melding", "feiten", "bevoegdheid"):
            result.append((code, NOT_NEEDED))
        elif not current_seen:
            result.append((code, CURRENT))
            current_seen = True
        else:
            result.append((code, NOT_STARTED))
    return result


def _done_steps(state: CaseState) -> dict[str, str]:
    live = [d for d in state.decisions if not d.revoked]
    decisive = [d for d in live if not d.announces]
    decided = [d for d in decisive if d.status in DECIDED]
    done: dict[str, bool] = {
        "melding": True,
        "feiten": state.assessed,
        "bevoegdheid": state.competence in (BEVOEGD, NIET_BEVOEGD) and "bevoegdheid" not in state.open_steps,
        "beleid": bool(live) and "beleid" not in state.open_steps,
        "evenredigheid": bool(live) and "evenredigheid" not in state.open_steps,
        "voornemen": any(d.announces and d.status in DECIDED for d in live),
        "besluit": bool(decisive),
        "review": bool(decided),
        "verzending": any(d.status == "verzonden" for d in decided),
    }
    found = {code: DONE for code, ok in done.items() if ok}
    if "voornemen" not in found and decisive and not any(d.announces for d in live):
        found["voornemen"] = NOT_NEEDED  # e.g. a warning, which is not announced
    return found
