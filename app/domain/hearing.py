"""Hearing before a besluit (Awb 4:8 and 4:11): the voornemen, the zienswijze, or a reasoned exception.

Generic Awb procedure: an outcome whose `hearing` is `voornemen` may be drafted only after a voornemen
that announces it was approved and the zienswijze on that voornemen was recorded (received, or none within
the term), or when a person recorded a reasoned Awb 4:11 exception; urgency (4:11 onder a) also needs the
`spoed` judgement not to deny it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.domain.errors import InvalidInput
from app.domain.judgements import Recorded
from app.domain.measures import Measure
from app.domain.procedure import Procedure

ZIENSWIJZE = "zienswijze"  # the code under which the zienswijze is recorded (an Oordeel row)
HEARD = ("ontvangen", "niet_ontvangen")
AWB_4_11 = ("spoed_4_11_a", "eerder_gehoord_4_11_b", "verrassing_4_11_c")
ZIENSWIJZE_OUTCOMES = HEARD + AWB_4_11
# The reopening event of a received zienswijze: it reopens every judgement whose `reopened_by` names it
# (index.yaml), whatever the zienswijze says, so no reasoning written before it is carried over silently.
ZIENSWIJZE_EVENT = "nieuwe_feiten"
SPOED = "spoed"  # the judgement that urgency (Awb 4:11 onder a) is real
SPOED_JA = "spoed"


def answering(recorded: Recorded | None, voornemen_id: int | None, answered_id: int | None) -> Recorded | None:
    """A zienswijze counts only for the voornemen it answered (a new measure needs a new hearing); an Awb 4:11
    exception is not tied to a voornemen."""
    if recorded is None or recorded.outcome not in HEARD:
        return recorded
    return recorded if voornemen_id is not None and answered_id == voornemen_id else None


def hearing_judgements(zienswijze: Recorded | None, has_voornemen: bool,
                       recorded: dict[str, Recorded]) -> list[str]:
    """Judgements the hearing still needs; raises when neither a hearing nor an exception is on record.

    Raises:
        InvalidInput: no processed zienswijze on the current voornemen, and no Awb 4:11 exception.
    """
    if has_voornemen:
        if zienswijze is None or zienswijze.outcome not in HEARD:
            raise InvalidInput({"zienswijze": "Leg eerst de zienswijze op het voornemen vast, of dat er binnen de "
                                "termijn geen zienswijze is ontvangen."})
        return []
    if zienswijze is None or zienswijze.outcome not in AWB_4_11:
        raise InvalidInput({"soort": "Stel eerst een voornemen op, of leg bij Zienswijze een uitzondering "
                            "(Awb 4:11) met motivering vast."})
    if zienswijze.outcome != "spoed_4_11_a":
        return []
    spoed = recorded.get(SPOED)
    if spoed is not None and spoed.outcome != SPOED_JA:
        raise InvalidInput({SPOED: "Volgens de afweging is er geen spoed: stel eerst een voornemen op."})
    return [SPOED]


def with_party(details: Mapping[str, Any] | None, entry: Mapping[str, Any], voornemen_id: int) -> dict[str, Any]:
    """The zienswijzen on one voornemen after adding (or replacing) one party's: one entry per betrokkene.

    Zienswijzen on an earlier voornemen do not carry over: a new voornemen is a new hearing.
    """
    earlier = list((details or {}).get("zienswijzen") or ())
    if (details or {}).get("voornemen_id") != voornemen_id:
        earlier = []
    kept = [e for e in earlier if e.get("betrokkene_id") != entry.get("betrokkene_id")]
    return {"voornemen_id": voornemen_id, "zienswijzen": [*kept, dict(entry)]}


def check_exception(ground: str, allowed: tuple[str, ...]) -> None:
    """An Awb 4:11 ground is recorded only where an outcome heard by a voornemen allows it.

    Raises:
        InvalidInput: the ground is not open for this power (e.g. surprise before a closure).
    """
    if ground in AWB_4_11 and ground not in allowed:
        raise InvalidInput({"outcome": "Deze uitzondering op het horen (Awb 4:11) kan bij deze bevoegdheid niet. "
                            "Stel een voornemen op en vraag om een zienswijze."})


def check_as_announced(announced: Mapping[str, Any] | None, maatregel: Mapping[str, Any]) -> None:
    """A besluit may be lighter than the voornemen it was heard on, never heavier or different: a longer
    measure or another object needs a new voornemen and a new hearing (Awb 4:8).

    Raises:
        InvalidInput: the besluit goes beyond what the voornemen announced.
    """
    if announced is None:
        return
    # A voornemen drafted before objects were recorded (no "object" key) binds only its duration.
    if "object" in announced and (maatregel.get("object") or {}) != (announced.get("object") or {}):
        raise InvalidInput({"soort": "Het besluit gaat over iets anders dan het voornemen (een ander object of "
                            "adres). Stel een nieuw voornemen op, zodat iedereen daarop kan reageren."})
    before, now = announced.get("duur"), maatregel.get("duur")
    if before is not None and now is not None and now > before:
        raise InvalidInput({"duur": f"De duur is langer dan in het voornemen ({before}). Kies ten hoogste die "
                            "duur, of stel een nieuw voornemen op."})


def current_voornemen(procedure: Procedure, earlier: tuple[Measure, ...], code: str) -> Measure | None:
    """The approved voornemen that belongs to the next `code`: newer than the last approved `code`."""
    announcing = [m for m in earlier
                  if procedure.outcomes.get(m.soort) and procedure.outcomes[m.soort].announces == code]
    done = [m.id for m in earlier if m.soort == code]
    latest = max(announcing, key=lambda m: m.id, default=None)
    return latest if latest and (not done or latest.id > max(done)) else None
