"""G2, pure parts: the body of an outcome in a zaak, mandates per body (Awb 10:1) and the index keys `orgaan:
per_zaak` and `bron_soorten`."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest

from app.config import ROOT
from app.domain.codes import MELDING_BRONNEN
from app.domain.errors import RulebookError
from app.domain.mandates import allows, refusal, usable
from app.domain.procedure import PER_ZAAK, Outcome, bodies, body_of, body_words, decided_by
from app.rulebook import Rulebook
from app.runtime import check_bodies

FIXTURE_RULES = ROOT / "tests" / "rules" / "fixtures" / "rules"
DAY = date(2026, 3, 2)
WEIGERING = Outcome("weigering", "Weigering", True, "weigering", "voornemen", "vooraf", PER_ZAAK, "bezwaar",
                    mandate=("gemandateerde",))
SLUITING = replace(WEIGERING, code="sluiting", label="Sluiting", body="burgemeester")


@dataclass
class M:
    orgaan: str = "burgemeester"
    hoedanigheid: str = "gemandateerde"
    uitkomsten: list[str] = field(default_factory=lambda: ["weigering", "sluiting"])
    valid_from: date = date(2026, 1, 1)
    valid_until: date | None = None
    besluittype: str = "proef"
    mandaatbesluit: str = "Mandaatbesluit 2026 (test)"
    functie: str = "hoofd Vergunningen"


def test_the_zaak_s_body_decides_a_per_zaak_outcome_and_a_fixed_body_stays():
    assert body_of(WEIGERING, "college") == "college"
    assert body_of(SLUITING, "college") == "burgemeester"  # an outcome's own body is never overruled
    assert decided_by(WEIGERING, "college").body == "college"
    assert decided_by(WEIGERING, None).body == PER_ZAAK
    assert decided_by(SLUITING, "college") is SLUITING
    assert bodies(PER_ZAAK) == ("burgemeester", "college") and bodies("burgemeester") == ("burgemeester",)
    assert body_words("college") == "het college van burgemeester en wethouders"
    assert body_words(PER_ZAAK, capital=True) == "Het bestuursorgaan"


def test_a_burgemeester_mandate_does_not_let_its_holder_decide_for_the_college():
    college = decided_by(WEIGERING, "college")
    assert not allows(M(), "proef", college, DAY)
    assert allows(M(orgaan="college"), "proef", college, DAY)
    assert allows(M(), "proef", decided_by(WEIGERING, "burgemeester"), DAY)
    assert usable([M(), M(orgaan="college", functie="secretaris")], "proef", college, DAY).functie == "secretaris"
    assert refusal([M()], "proef", college, DAY, "K. Kabinet") == (
        "In deze zaak beslist het college van burgemeester en wethouders. Het mandaat van K. Kabinet is niet door "
        "het college van burgemeester en wethouders verleend.")


def test_an_unsettled_per_zaak_outcome_matches_no_mandate_of_either_body():
    assert not any(allows(M(orgaan=b), "proef", WEIGERING, DAY) for b in ("burgemeester", "college"))


def test_a_mandate_without_a_recorded_body_is_the_burgemeester_s():
    legacy = SimpleNamespace(**{k: v for k, v in vars(M()).items() if k != "orgaan"})
    assert allows(legacy, "proef", SLUITING, DAY)
    assert not allows(legacy, "proef", decided_by(WEIGERING, "college"), DAY)


def _rules(tmp_path: Path, old: str, new: str) -> Path:
    root = tmp_path / "rules"
    shutil.copytree(FIXTURE_RULES, root)
    index = root / "proef" / "index.yaml"
    text = index.read_text(encoding="utf-8")
    assert old in text
    index.write_text(text.replace(old, new, 1), encoding="utf-8")
    return root


def test_index_accepts_per_zaak_and_names_the_source_kinds(tmp_path):
    book = Rulebook.load(_rules(tmp_path, "orgaan: burgemeester\n", "orgaan: per_zaak\nbron_soorten: [aanvraag]\n"))
    index = book.index("proef")
    assert index.orgaan == PER_ZAAK and index.bron_soorten == ("aanvraag",)
    assert {o.body for o in index.outcomes.values()} == {PER_ZAAK}


def test_index_without_source_kinds_takes_the_sources_of_a_report():
    index = Rulebook.load(FIXTURE_RULES).index("proef")
    assert index.bron_soorten == MELDING_BRONNEN and "aanvraag" not in index.bron_soorten


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("orgaan: burgemeester\n", "orgaan: raad\n", "key 'orgaan'"),
    ("orgaan: burgemeester\n", "orgaan: burgemeester\nbron_soorten: [brief]\n", "key 'bron_soorten'"),
    ("orgaan: burgemeester\n", "orgaan: burgemeester\nbron_soorten: []\n", "key 'bron_soorten'"),
    ("orgaan: burgemeester\n", "orgaan: burgemeester\nbron_soorten: [aanvraag, aanvraag]\n", "key 'bron_soorten'"),
])
def test_index_refuses_an_unknown_body_or_source_kind(tmp_path, old, new, expected):
    with pytest.raises(RulebookError, match=expected):
        Rulebook.load(_rules(tmp_path, old, new))


def test_start_up_check_wants_the_power_s_choice_exactly_for_per_zaak(monkeypatch):
    index = {"vast": SimpleNamespace(orgaan="burgemeester"), "per": SimpleNamespace(orgaan=PER_ZAAK)}
    book = SimpleNamespace(powers=tuple(index), index=index.__getitem__)
    chooses = {"vast": lambda _cf: "college", "per": None}
    monkeypatch.setattr("app.runtime.power", lambda code: SimpleNamespace(orgaan=chooses[code]))
    with pytest.raises(RuntimeError) as refused:
        check_bodies(book)
    assert "per: orgaan per_zaak vraagt PowerSpec.orgaan" in str(refused.value)
    assert "vast: PowerSpec.orgaan zonder orgaan per_zaak" in str(refused.value)
    chooses.update(vast=None, per=lambda _cf: "college")
    check_bodies(book)  # agrees: no error
