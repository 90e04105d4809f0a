"""Only what a letter needs reaches it (letters.md §5 "Minimisation")."""

from __future__ import annotations

import io
import zipfile

import pytest
from letters_support import entries, input_for

from app.letters.context import build_context, required_keys_by_outcome
from app.letters.manifest import ManifestEntry
from app.letters.render import render

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
