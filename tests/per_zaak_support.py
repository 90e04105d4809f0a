"""A per-zaak variant of the fictional power `proef` (G2): its rules say `orgaan: per_zaak` and `bron_soorten:
[aanvraag]`, and its spec takes the college when the premises are a lokaal (a stand-in for "the body that grants
the permit applied for"); its residents carry their case-file key (Betrokkene.ref). Nothing in app/ knows it.

Test modules import the fixtures `folders`, `app` and `rt` from here.
"""

from __future__ import annotations

import importlib.util
import shutil
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from flask import Flask

from app import create_app
from app.config import ROOT
from app.powers import register, unregister
from app.strict_yaml import load
from tests.powers import proef

FIXTURE_RULES = ROOT / "tests" / "rules" / "fixtures" / "rules" / "proef"
PROEF_LETTERS = Path(proef.__file__).parent / "letters"
TODAY = date.today()


def _college_for_a_lokaal(case_file):
    return "college" if case_file.get("premises_type") == "lokaal" else "burgemeester"


def _with_refs(data, params):
    """proef's betrokkenen, each resident carrying his case-file key (as a power with third parties does)."""
    people = proef.case.betrokkenen(data, params)
    return [{**p, "ref": f"bewoners.{n}"} if p["roltype"] == "bewoner" else p for n, p in enumerate(people)]


PER_ZAAK_SPEC = replace(proef.SPEC, orgaan=_college_for_a_lokaal, betrokkenen=_with_refs)


def _generate_templates(target: Path) -> None:
    script = ROOT / "scripts" / "make_letter_templates.py"
    spec = importlib.util.spec_from_file_location("make_letter_templates", script)
    maker = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(maker)
    target.mkdir()
    for name, sections in load(PROEF_LETTERS / "layout.yaml")["templates"].items():
        (target / f"{name}.docx").write_bytes(maker.build(f"proef/{name}.docx", sections))


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    root = tmp_path_factory.mktemp("per_zaak")
    rules, letters = root / "rules", root / "letter_templates"
    shutil.copytree(ROOT / "rules", rules)
    shutil.copytree(FIXTURE_RULES, rules / "proef")
    index = rules / "proef" / "index.yaml"
    text = index.read_text(encoding="utf-8")
    assert "orgaan: burgemeester\n" in text
    index.write_text(text.replace("orgaan: burgemeester\n", "orgaan: per_zaak\nbron_soorten: [aanvraag]\n"),
                     encoding="utf-8")
    shutil.copytree(ROOT / "letter_templates", letters)
    _generate_templates(letters / "proef")
    manifest = letters / "manifest.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "\n" + (PROEF_LETTERS / "manifest.yaml").read_text(
        encoding="utf-8"), encoding="utf-8")
    register(PER_ZAAK_SPEC)
    yield {"rules_dir": rules, "letter_templates_dir": letters}
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
