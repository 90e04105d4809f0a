"""An application in the fictional power `proef`: a record with records and lists in it, editable on the facts
form (kinds group, lines and items), and its decision period (PowerSpec.decision_period) with an advice that
suspends it up to a cap, as Wet Bibob art. 31 does: eight weeks, plus the data requests, plus the extension."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from marshmallow import validate

from app.domain.assessment import ParameterValue
from app.domain.beslistermijn import Opschorting, TermijnAanvraag
from app.schemas.base import StrictSchema
from app.schemas.fields import Date, Integer, List, Nested, choice, text

ADVIES_WEKEN = 8  # fictional, like the Bibob advice period (art. 15): the test power has no parameters for it
STUKKEN = ("kvk", "vog", "huurcontract")


class VerlengingSchema(StrictSchema):
    weken = Integer(required=True, validate=validate.Range(min=1, max=4, error="Vul 1 tot en met 4 weken in."))
    gemeld_op = Date(load_default=None, allow_none=True)


class VerzoekSchema(StrictSchema):
    van = Date(required=True)
    tot = Date(load_default=None, allow_none=True)


class OnderzoekSchema(StrictSchema):
    bron = choice(("open_bronnen", "politie"), required=True)
    bevinding = text(2000, load_default="")


class AanvraagSchema(StrictSchema):
    ontvangen_op = Date(required=True)
    termijn_weken = Integer(load_default=None, allow_none=True)
    advies_gevraagd_op = Date(load_default=None, allow_none=True)
    advies_ontvangen_op = Date(load_default=None, allow_none=True)
    verlenging = Nested(VerlengingSchema, load_default=None, allow_none=True)
    verzoeken = List(Nested(VerzoekSchema), load_default=list)
    ontbreekt = List(choice(STUKKEN), load_default=list)


def decision_period(case: Mapping[str, Any], _params: Mapping[str, ParameterValue],
                    today: date) -> TermijnAanvraag | None:
    """None until an application is recorded; the advice suspends the term up to its cap."""
    a = case.get("aanvraag")
    if not a:
        return None
    return TermijnAanvraag(date.fromisoformat(a["ontvangen_op"]), a.get("termijn_weken"), _advies(a, today))


def _advies(a: Mapping[str, Any], today: date) -> tuple[Opschorting, ...]:
    if not a.get("advies_gevraagd_op"):
        return ()
    verzoeken = sum(((_day(v.get("tot")) or today) - _day(v["van"]) for v in a.get("verzoeken") or ()), timedelta())
    verlenging = timedelta(weeks=(a.get("verlenging") or {}).get("weken") or 0)
    cap = timedelta(weeks=ADVIES_WEKEN) + verzoeken + verlenging
    return (Opschorting(_day(a["advies_gevraagd_op"]), _day(a.get("advies_ontvangen_op")),
                        "advies gevraagd (proef)", cap.days),)


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


LABELS = {
    "aanvraag": "Aanvraag", "ontvangen_op": "Ontvangen op", "termijn_weken": "Wettelijke termijn (weken)",
    "advies_gevraagd_op": "Advies gevraagd op", "advies_ontvangen_op": "Advies ontvangen op",
    "verlenging": "Verlenging", "weken": "Weken", "gemeld_op": "Gemeld op",
    "aanvraag.verlenging.weken": "Verlenging in weken",
    "verzoeken": "Gegevensverzoeken", "van": "Van", "tot": "Tot", "ontbreekt": "Ontbrekende stukken",
    "kvk": "Uittreksel KvK", "vog": "Verklaring omtrent het gedrag", "huurcontract": "Huurcontract",
    "onderzoek": "Eigen onderzoek", "bron": "Bron", "bevinding": "Bevinding",
    "open_bronnen": "Open bronnen", "politie": "Politie",
}
