"""The hearing in a besluit (pure): every zienswijze answered, or the Awb 4:11 ground for not hearing.

One decision has one content: every addressee reads every party's zienswijze and the response to it, except
where a kit hides what one party wrote from another addressee (personal data in a resident's zienswijze,
not for the owner's letter); the letter then says so and why, instead of leaving it out silently.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.letters import phrases as P
from app.letters.formatting import datum
from app.letters.paragraphs import label, value


@dataclass(frozen=True)
class HearingWords:
    """How one addressee's letter speaks about the hearing."""

    gelegenheid: str  # "Voordat ik dit besluit nam, konden de belanghebbenden een zienswijze geven."
    uitzondering: str  # with {reden}: the Awb 4:11 ground
    hidden_roles: frozenset[str] = frozenset()  # parties whose zienswijze this addressee does not read


def zienswijzen(data: Mapping[str, Any], recipient_id: int | None, words: HearingWords) -> list[str]:
    """The paragraphs about the hearing for one addressee (awb-procedure.md §2.1)."""
    if "uitzondering" in data:
        lead = words.uitzondering.format(reden=label(P.UITZONDERING, data["uitzondering"]))
        return [p for p in (lead, value(data, "reasoning")) if p]
    received = list(data.get("zienswijzen") or ())
    if not data.get("ontvangen") or not received:
        paragraphs = [f"{words.gelegenheid} {P.ZIENSWIJZE_NIET_ONTVANGEN}"]
        if value(data, "reactie"):
            paragraphs.append(P.ZIENSWIJZE_REACTIE.format(reactie=value(data, "reactie")))
        return paragraphs
    return [words.gelegenheid, *_answered(received, recipient_id, words.hidden_roles)]


def _answered(received: Iterable[Mapping[str, Any]], recipient_id: int | None,
              hidden: frozenset[str]) -> list[str]:
    paragraphs: list[str] = []
    for entry in received:
        values = {"naam": value(entry, "naam"), "datum": _datum(entry.get("ontvangen_op")),
                  "wijze": value(entry, "wijze"), "samenvatting": value(entry, "samenvatting"),
                  "reactie": value(entry, "reactie")}
        if recipient_id is not None and entry.get("betrokkene_id") == recipient_id:
            paragraphs.append(P.ZIENSWIJZE_EIGEN.format_map(values))
        elif entry.get("rol") in hidden:
            paragraphs.append(P.ZIENSWIJZE_AFGESCHERMD.format_map(values))
            continue  # the response discusses what was hidden
        else:
            paragraphs.append(P.ZIENSWIJZE_ANDER.format_map(values))
        paragraphs.append(P.ZIENSWIJZE_REACTIE.format_map(values))
    return paragraphs


def _datum(stored: object) -> str:
    return datum(date.fromisoformat(str(stored))) if stored else ""
