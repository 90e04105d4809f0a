"""A per-zaak variant of the fictional power `proef` (G2): its rules say `orgaan: per_zaak` and `bron_soorten:
[aanvraag]`, and its spec takes the college when the premises are a lokaal (a stand-in for "the body that grants
the permit applied for"); its residents carry their case-file key (Betrokkene.ref). Nothing in app/ knows it.

Test modules import the fixtures `folders`, `app` and `rt` from here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from flask import Flask

from app import clock, create_app
from app.powers import register, unregister
from tests.powers import proef
from tests.powers.proef_folders import proef_folders

TODAY = clock.today()


def _college_for_a_lokaal(case_file):
    return "college" if case_file.get("premises_type") == "lokaal" else "burgemeester"


def _with_refs(data, params):
    """proef's betrokkenen, each resident carrying his case-file key (as a power with third parties does)."""
    people = proef.case.betrokkenen(data, params)
    return [{**p, "ref": f"bewoners.{n}"} if p["roltype"] == "bewoner" else p for n, p in enumerate(people)]


PER_ZAAK_SPEC = replace(proef.SPEC, orgaan=_college_for_a_lokaal, betrokkenen=_with_refs)


def _per_zaak(index: str) -> str:
    assert "orgaan: burgemeester\n" in index
    return index.replace("orgaan: burgemeester\n", "orgaan: per_zaak\nbron_soorten: [aanvraag]\n")


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    found = proef_folders(tmp_path_factory.mktemp("per_zaak"), _per_zaak)
    register(PER_ZAAK_SPEC)
    yield found
    unregister("proef")


@pytest.fixture
def app(database_url: str, folders: dict[str, Path]) -> Iterator[Flask]:
    application = create_app({"database_url": database_url, "testing": True,
                              "strict_templates": True, "csrf_enabled": False, **folders})
    yield application
    application.extensions["db_engine"].dispose()


@pytest.fixture
def rt(app):
    return app.extensions["bevoegd"]
