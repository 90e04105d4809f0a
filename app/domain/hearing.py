"""Hearing before a besluit (Awb 4:8 and 4:11): the voornemen, the zienswijze, or a reasoned exception.

Generic Awb procedure: an outcome whose `hearing` is `voornemen` may be drafted only after a voornemen
that announces it was approved and the zienswijze on that voornemen was recorded (received, or none within
the term), or when a person recorded a reasoned Awb 4:11 exception; urgency (4:11 onder a) also needs the
`spoed` judgement not to deny it.
"""

from __future__ import annotations

from app.domain.errors import InvalidInput
from app.domain.judgements import Recorded

ZIENSWIJZE = "zienswijze"  # the code under which the zienswijze is recorded (an Oordeel row)
HEARD = ("ontvangen", "niet_ontvangen")
AWB_4_11 = ("spoed_4_11_a", "eerder_gehoord_4_11_b", "verrassing_4_11_c")
ZIENSWIJZE_OUTCOMES = HEARD + AWB_4_11
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
