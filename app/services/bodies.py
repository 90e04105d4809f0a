"""The competent body of a zaak (Zaak.orgaan): settled at intake and again at every assessment.

Most powers have one body (index.yaml `orgaan: burgemeester`), and their zaken carry it. A power whose body
depends on the case (`orgaan: per_zaak`, e.g. a Bibob screening is decided by the body that grants the permit
applied for) says which from its case file (PowerSpec.orgaan). The zaak's body signs its letters, names the
sender and the bezwaar clause, and only mandates that body gave let someone sign (domain/mandates.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from app.audit import Actor, record_change
from app.domain.procedure import BODIES, PER_ZAAK
from app.models import Zaak
from app.runtime import Runtime


def body_for(rt: Runtime, code: str, case_file: Mapping[str, Any]) -> str:
    """The body that decides a case of power `code` with this case file.

    Raises:
        RuntimeError: the power's `orgaan` gives no known body (a defect of the power, not of the input).
    """
    fixed = rt.book.index(code).orgaan
    if fixed != PER_ZAAK:
        return fixed
    chooser = rt.power(code).orgaan
    body = chooser(case_file) if chooser is not None else None
    if body not in BODIES:
        raise RuntimeError(f"{code}: PowerSpec.orgaan gaf {body!r}, verwacht een van {', '.join(BODIES)}")
    return body


def settle_body(session: Session, rt: Runtime, zaak: Zaak, actor: Actor | None = None) -> str:
    """Set the zaak's body from its case file (flushes nothing; the caller's transaction holds it). A change of
    an existing zaak's body (the case file now names another permit) is audited."""
    body = body_for(rt, zaak.zaaktype, zaak.melding.gegevens if zaak.melding else {})
    old = zaak.orgaan
    if body != old:
        zaak.orgaan = body
        if actor is not None and old is not None:
            record_change(session, actor, actie="update", hoofd_object=zaak.identificatie, resource="zaak",
                          resource_id=zaak.id, weergave="Bevoegd bestuursorgaan", oud={"orgaan": old},
                          nieuw={"orgaan": body})
    return body
