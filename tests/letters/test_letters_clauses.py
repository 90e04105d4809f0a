"""Objection clauses: besluiten have one, other letters none (letters.md §8, Awb 3:45)."""

from __future__ import annotations

from pathlib import Path

import pytest
from letters_support import DEADLINES, ROOT, build_context, entries, input_for, read_back, render, support

from app.letters.formatting import datum_met_dag
from app.letters.manifest import CLAUSE_KEY, ManifestEntry, ManifestError, load_clauses
from app.powers.damocles import phrases
from app.powers.straathandel import phrases as straathandel_phrases

ENTRIES = entries()


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.template for e in ENTRIES])
def test_besluit_iff_clause(entry: ManifestEntry) -> None:
    clause_of = {"damocles": phrases.CLAUSE.get(entry.outcome), "huisverbod": "rechtstreeks_beroep_huisverbod",
                 "algemeen": "beroep_na_bezwaar", "straathandel": straathandel_phrases.CLAUSE.get(entry.outcome)}
    if entry.besluit:
        assert CLAUSE_KEY in entry.required
        own = support(entry.power)
        assert entry.clause == (clause_of[entry.power] if entry.power in clause_of else own.CLAUSE.get(entry.outcome))
    else:
        assert CLAUSE_KEY not in entry.required
        assert entry.clause is None
        assert entry.power != "damocles" or entry.outcome not in phrases.CLAUSE


def test_only_closure_decisions_are_besluiten() -> None:
    damocles = entries("damocles")
    assert {e.outcome for e in damocles if e.besluit} == {"sluiting"}
    assert {e.outcome for e in damocles if not e.besluit} == {"waarschuwing", "voornemen_sluiting"}


def test_huisverbod_addressees_get_the_besluit_and_veilig_thuis_a_notice() -> None:
    for entry in entries("huisverbod"):
        assert entry.besluit == (entry.addressee != "veilig_thuis"), entry.template


def test_beroep_clause_offers_direct_beroep_and_never_bezwaar() -> None:
    # Awb 7:1 lid 1 onder g (Bijlage 1): no bezwaar against a huisverbod; Wth art. 6: hearing within three
    # days; Awb 8:81: interim relief only with a beroep (tijdelijk-huisverbod.md §8 pitfall 18). Whether
    # griffierecht is due is left to the court (case law went both ways).
    clause = load_clauses(ROOT)["rechtstreeks_beroep_huisverbod"]
    text = " ".join(clause.fill("maandag 11 mei 2026"))
    assert clause.remedy == "beroep"
    for needle in ("direct beroep", "rechtbank Limburg", "zes weken", "uiterlijk maandag 11 mei 2026",
                   "uitgereikt of toegestuurd", "binnen drie dagen", "alleen als u ook beroep instelt",
                   "voorlopige voorziening", "of u griffierecht moet betalen", "handtekening"):
        assert needle in text, needle
    assert "geen griffierecht" not in text
    assert "bezwaarschrift" not in text and "bezwaar maken bij de burgemeester is bij een huisverbod niet" in \
        text.lower()


def test_clause_states_what_awb_requires() -> None:
    clause = load_clauses(ROOT)["bezwaar_en_voorlopige_voorziening"]
    text = " ".join(clause.fill("woensdag 13 mei 2026"))
    for needle in ("burgemeester van Maastricht", "zes weken", "dag nadat dit besluit aan u is verstuurd",  # 6:8
                   "tot en met woensdag 13 mei 2026",
                   "naam", "adres", "datum", "welk besluit", "waarom", "handtekening",  # 6:5
                   "op de post", "binnen een week",  # 6:9 lid 2
                   "blijft dit besluit gelden",  # 6:16
                   "voorzieningenrechter van de rechtbank Limburg", "voorlopige voorziening",  # 8:81
                   "Postbus 950", "digitaal bezwaar maken"):  # where to send it, and the digital route
        assert needle in text, needle


def test_rendered_besluit_prints_the_deadline() -> None:
    entry = next(e for e in ENTRIES if e.template.endswith("sluiting__bewoner.docx"))
    body = read_back(render(entry.template, build_context(input_for(entry))))["body"]
    assert any(f"tot en met {datum_met_dag(DEADLINES['uiterlijke_reactiedatum'])}" in p for p in body)


@pytest.mark.parametrize("entry", [e for e in entries("damocles") if not e.besluit], ids=lambda e: e.template)
def test_non_besluit_says_no_objection_is_possible(entry: ManifestEntry) -> None:
    body = " ".join(read_back(render(entry.template, build_context(input_for(entry))))["body"])
    assert "geen bezwaar" in body
    assert "voorzieningenrechter" not in body


def test_clause_with_unknown_placeholder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "clauses").mkdir()
    (tmp_path / "clauses" / "rechtsmiddelen.yaml").write_text(
        "x:\n  title: t\n  owner: o\n  legal_basis: [Awb 6:7]\n  remedy: bezwaar\n"
        "  paragraphs: ['tot {termijn_tot} en {iets}']\n")
    with pytest.raises(ManifestError, match="plaatshouder"):
        load_clauses(tmp_path)
