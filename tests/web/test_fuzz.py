"""Fuzzed form and JSON bodies on every POST route (and ids past 64 bits on every id route) as each role: no
5xx, and a rejected request stores nothing (issue 13, item 4). bench/fuzz.py runs the same generator at scale."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from app import clock
from app.domain.drafting import DraftRequest
from app.services.intake import submit_melding
from tests.conftest import PASSWORD, ROLES
from tests.factories import huisverbod, melding
from tests.flows import draft, submit
from tests.integration.test_damocles_flow import WARN, judge
from tests.web.fuzz_support import probes, scrape_forms, send


def fuzz_world(app, db, users) -> tuple[dict, dict[str, list[int]], dict]:
    """A logged-in client per role; a zaak with a concept decision, one with a decision offered to the kabinet
    and a huisverbod; their ids for the paths, and the real forms of their pages per role."""
    rt, today = app.extensions["bevoegd"], clock.today()
    concepts = []
    for _ in range(2):
        zaak = submit_melding(db, rt, melding(bewoners=[{"naam": "O. Overtreder", "roltype": "overtreder"}]),
                              users["handhaving"], today)
        judge(db, zaak, users["jurist"], WARN, deviate=True)
        concepts.append(draft(db, rt, zaak, DraftRequest("waarschuwing", today), users["jurist"], today))
    submit(db, rt, concepts[1], users["kabinet"], users["jurist"], today)
    other = submit_melding(db, rt, huisverbod(), users["hovj"], today)
    clients = {}
    for role in ROLES:
        clients[role] = app.test_client()
        assert clients[role].post("/login", data={"username": role, "password": PASSWORD}).status_code == 302
    zaken = [c.zaak_id for c in concepts] + [other.id]
    ids = {"zaak_id": zaken, "beslissing_id": [c.id for c in concepts], "user_id": [users["auditor"].id],
           "betrokkene_id": [b.id for c in concepts for b in c.zaak.betrokkenen]}
    pages = [*(f"/zaken/{z}" for z in zaken), f"/vaststelling/{concepts[1].id}", "/werkvoorraad", "/berichten",
             *(f"/meldingen/nieuw/{code}" for code in rt.powers), "/beheer/gebruikers/nieuw", "/beheer/mandaten/nieuw",
             f"/beheer/gebruikers/{users['auditor'].id}", "/beheer/mandaten", "/reeksen/nieuw/ouderbrief",
             f"/zaken/{zaken[0]}/afsluiten", f"/zaken/{zaken[0]}/betrokkenen/{ids['betrokkene_id'][0]}"]
    return clients, ids, scrape_forms(clients, pages)


def test_fuzzed_bodies_give_no_server_error_and_store_nothing_when_refused(app, db, users):
    clients, ids, forms = fuzz_world(app, db, users)
    assert sum(len(f) for f in forms.values()) > 20  # the probes start from the pages' real forms
    failures: list[str] = []

    @settings(max_examples=250, deadline=None, database=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                     HealthCheck.data_too_large])
    @given(probes(app, ROLES, ids, forms))
    def run(probe) -> None:
        problem = send(clients, db, probe)
        if problem:
            failures.append(problem[:600])

    run()
    assert not failures, "\n".join(failures[:10])


@pytest.mark.parametrize("form", [
    {"gegevens": "x"}, {"adres": "x"}, {"bewoners.0": "x"}, {"rechthebbende": "x"},
    {"gegevens": "x", "gegevens.premises_type": "woning"},
    {".".join(["a"] * 500): "x"}, {"bewoners.99999999999999999999.naam": "x"},
])
def test_crafted_intake_structures_are_refused_in_dutch(client, login_as, form):
    from tests.web.test_web_flow import form_data

    login_as("handhaving")
    base = {k: v for k, v in form_data().items() if not any(k.startswith(f"{n}.") or k == n for n in form)}
    response = client.post("/meldingen", data={**base, **form})
    assert response.status_code == 400, response.status_code
