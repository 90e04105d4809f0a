"""Only what a letter needs reaches it (letters.md §5 "Minimisation")."""

from __future__ import annotations

import io
import zipfile

import pytest
from letters_support import (
    build_context,
    entries,
    input_for,
    judgement,
    letter_input,
    read_back,
    render,
    required_keys_by_outcome,
    template_for,
)

from app.letters.manifest import ManifestEntry
from app.powers.damocles.phrases import OMSTANDIGHEDEN_GEWOGEN as _GEWOGEN

OMSTANDIGHEDEN_GEWOGEN = _GEWOGEN.format(gebruikers="de bewoners")

# Data about victims, those left behind, informants, co-suspects and household members.
DENYLIST = ("slachtoffer", "achterblijver", "melder", "aangever", "getuige", "medeverdachte", "verdachte",
            "kind", "minderjarig", "gezin", "huisgeno", "geboortedatum", "bsn", "medisch", "gezondheid")
ENTRIES = entries()


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.template for e in ENTRIES])
def test_no_letter_requires_a_denylisted_key(entry: ManifestEntry) -> None:
    for key in entry.required:
        assert not any(word in key.lower() for word in DENYLIST), key


def test_context_builder_produces_no_denylisted_key() -> None:
    for keys in required_keys_by_outcome().values():
        assert not [k for k in keys if any(word in k.lower() for word in DENYLIST)]


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.template for e in ENTRIES])
def test_only_required_keys_reach_the_document(entry: ManifestEntry) -> None:
    context = build_context(input_for(entry))
    context["slachtoffer_naam"] = "GEHEIM-SLACHTOFFER-4711"
    data = render(entry.template, context)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            assert b"GEHEIM-SLACHTOFFER-4711" not in package.read(name), name


HOUSEHOLD = {
    "evenwichtigheid": judgement("GEHEIM-EVENWICHT: de zoon is ernstig ziek."),
    "bijzondere_omstandigheden": judgement("GEHEIM-BIJZONDER: de moeder is zwanger."),
    "geschiktheid": judgement("Sluiting doorbreekt de loop."),
}


@pytest.mark.parametrize("outcome", ["voornemen_sluiting", "sluiting"])
def test_owner_letter_omits_the_residents_circumstances(outcome: str) -> None:
    letter = letter_input(outcome, "rechthebbende", judgements=HOUSEHOLD,
                          afwijking_beleid="GEHEIM-BIJZONDER: de moeder is zwanger.")
    context = build_context(letter)
    text = " ".join(read_back(render(template_for(letter), context))["body"])
    assert "GEHEIM" not in text
    assert text.count(OMSTANDIGHEDEN_GEWOGEN) == 1
    assert "Helpt een sluiting? Sluiting doorbreekt de loop." in text


def test_resident_letter_keeps_the_reasoning_once() -> None:
    letter = letter_input("sluiting", "bewoner", judgements=HOUSEHOLD,
                          afwijking_beleid="GEHEIM-BIJZONDER: de moeder is zwanger.")
    motivering = build_context(letter)["motivering"]
    assert sum("GEHEIM-EVENWICHT" in p for p in motivering) == 1
    assert sum("GEHEIM-BIJZONDER" in p for p in motivering) == 1
    assert OMSTANDIGHEDEN_GEWOGEN not in motivering
