"""Woonoverlast: is each behaviour instruction of a gedragsaanwijzing specific enough to enforce (pure)?

Awb 5:32a lid 1: an order describes the measures to be taken; "behave normally" cannot be enforced. An
instruction is vague when it contains a phrase of the parameter `vage_aanwijzingen` or has fewer words than
`aanwijzing_min_woorden`, unless it is verbatim (ignoring case and spacing) one of the proven instructions of
`aanwijzingen`. Every instruction also needs its own code, so that a breach report can name the one breached.
Used by facts.py (the counts the rules read) and by the web form (which instruction, and why).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

PROVEN, VAGUE, MIN_WORDS = "aanwijzingen", "vage_aanwijzingen", "aanwijzing_min_woorden"
_WORD = re.compile(r"[0-9A-Za-zÀ-ÿ]+(?:[.:][0-9]+)?")


def vague_reasons(instructions: Sequence[Mapping[str, Any]], params: Mapping[str, Any]) -> dict[int, str]:
    """{index: Dutch reason} for every instruction that is too vague; proven instructions never are."""
    found = {}
    for i, item in enumerate(instructions or ()):
        reason = vague_reason(str((item or {}).get("text") or ""), params)
        if reason:
            found[i] = reason
    return found


def vague_reason(text: str, params: Mapping[str, Any]) -> str | None:
    """Why one instruction text is too vague, in Dutch; None when it is specific enough."""
    if _normal(text) in {_normal(t) for t in proven(params).values()}:
        return None
    phrase = next((p for p in phrases(params) if _contains(text, p)), None)
    if phrase is not None:
        return (f"Te vaag: \"{phrase}\" zegt niet welk gedrag precies moet of niet mag. Beschrijf concreet wat, "
                "waar en wanneer (bijvoorbeeld: geen versterkte muziek tussen 23.00 en 07.00 uur).")
    least = min_words(params)
    if len(words(text)) < least:
        return (f"Te vaag: een aanwijzing van minder dan {least} woorden is niet controleerbaar. Beschrijf "
                "concreet wat, waar en wanneer.")
    return None


def instruction_facts(instructions: Sequence[Mapping[str, Any]], params: Mapping[str, Any]) -> dict[str, Any]:
    """The flat facts about the instructions that the rules read (rules/woonoverlast/index.yaml)."""
    given, vague = list(instructions or ()), vague_reasons(instructions, params)
    return {"instructions_count": len(given), "instructions_present": bool(given),
            "instructions_vague_count": len(vague), "instructions_vague_present": bool(vague),
            "instruction_codes_invalid": bool(code_problems(given))}


def code_problems(instructions: Sequence[Mapping[str, Any]]) -> dict[int, str]:
    """{index: Dutch reason} for an instruction without a code or with a code used before."""
    seen: set[str] = set()
    found = {}
    for i, item in enumerate(instructions or ()):
        code = str((item or {}).get("code") or "").strip().upper()
        if not code:
            found[i] = "Geef deze aanwijzing een eigen code (bijvoorbeeld A1), zodat een overtreding haar kan noemen."
        elif code in seen:
            found[i] = f"De code {code} staat al bij een andere aanwijzing; elke aanwijzing heeft een eigen code."
        seen.add(code)
    return found


def codes(instructions: Sequence[Mapping[str, Any]]) -> frozenset[str]:
    """The codes of the instructions, normalised (A1 and a1 are the same)."""
    return frozenset(str((i or {}).get("code") or "").strip().upper() for i in instructions or () if i) - {""}


def words(text: str) -> list[str]:
    """The words of a text (a clock time such as 23.00 is one word)."""
    return _WORD.findall(text or "")


def proven(params: Mapping[str, Any]) -> Mapping[str, str]:
    found = _value(params, PROVEN)
    return found if isinstance(found, Mapping) else {}


def phrases(params: Mapping[str, Any]) -> tuple[str, ...]:
    found = _value(params, VAGUE)
    return tuple(str(p) for p in found) if isinstance(found, list | tuple) else ()


def min_words(params: Mapping[str, Any]) -> int:
    found = _value(params, MIN_WORDS)
    return int(found) if found is not None else 0


def _value(params: Mapping[str, Any], name: str) -> Any:
    """A resolved ParameterValue's value, or a plain value (the web form may pass either)."""
    found = (params or {}).get(name)
    return getattr(found, "value", found)


def _normal(text: str) -> str:
    return " ".join(str(text or "").casefold().split()).rstrip(".")


def _contains(text: str, phrase: str) -> bool:
    pattern = r"\b" + r"\s+".join(re.escape(w) for w in phrase.casefold().split()) + r"\b"
    return re.search(pattern, str(text or "").casefold()) is not None
