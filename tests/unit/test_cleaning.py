"""clean_text: control characters, surrogates, newlines and NFC (letters.md §4)."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.cleaning import clean_text

FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff\r]")
REMOVED = [
    *map(chr, [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)]),
    "\x7f",
    "\x85",
    "\x9f",
    "\ufffe",
    "\uffff",
]


@pytest.mark.parametrize("char", REMOVED, ids=[f"U+{ord(c):04X}" for c in REMOVED])
def test_control_characters_and_noncharacters_are_removed(char):
    assert clean_text(f"a{char}b") == "ab"


def test_docxtpl_paragraph_and_page_break_characters_cannot_be_injected():
    assert clean_text("naam\a\fadres") == "naamadres"


def test_tab_and_newline_are_kept_for_multi_line_addresses():
    assert clean_text("Markt 78\n6211 CK\tMaastricht") == "Markt 78\n6211 CK\tMaastricht"


@pytest.mark.parametrize(("raw", "clean"), [("a\r\nb", "a\nb"), ("a\rb", "a\nb"), ("a\r\r\nb", "a\n\nb")])
def test_crlf_and_cr_become_lf(raw, clean):
    assert clean_text(raw) == clean


def test_text_is_normalised_to_nfc():
    assert clean_text("e\u0301e\u0301n") == "één"


def test_a_control_character_between_letter_and_accent_does_not_block_composition():
    assert clean_text("e\x01\u0301") == "é"


def test_lone_surrogates_are_removed_and_a_surrogate_pair_is_joined():
    assert clean_text("a\ud800b\udc80c") == "abc"
    assert clean_text("\ud83d\ude00") == "\U0001f600"
    assert clean_text("x\ud83d") == "x"


def test_ordinary_dutch_text_is_unchanged():
    text = "Café 't Hoekje — € 1.250,00; “ruzie” op 3 juni 🙂"
    assert clean_text(text) == text


any_text = st.text(
    alphabet=st.one_of(
        st.characters(codec=None),
        st.characters(categories=["Cs"]),
        st.sampled_from("\t\n\r\x00\x07\x0b\x0c\x1f\x7f\x85\ufffe\uffff\u0301e"),
    ),
    max_size=80,
)
HYPO = settings(max_examples=300, deadline=None)


@HYPO
@given(any_text)
def test_clean_text_is_idempotent(s):
    once = clean_text(s)
    assert clean_text(once) == once


@HYPO
@given(any_text)
def test_no_forbidden_character_survives_and_the_result_is_encodable_nfc(s):
    result = clean_text(s)
    assert not FORBIDDEN.search(result)
    assert unicodedata.is_normalized("NFC", result)
    result.encode("utf-8")


@HYPO
@given(any_text)
def test_tabs_and_newlines_are_kept(s):
    result = clean_text(s)
    assert result.count("\t") == s.count("\t")
    assert result.count("\n") >= s.count("\n")
