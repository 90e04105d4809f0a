"""Small pieces of Dutch grammar for sentences built around a label (pure).

A label such as "Voornemen tot sluiting" is a heading; in a sentence it needs its article ("het voornemen tot
sluiting") and is written in lower case. Outcome labels are few and known, so the article of the first noun
is looked up, not guessed: "de" unless the noun is a het-word.
"""

from __future__ import annotations

# First words of labels that take "het" (the outcomes and measures of the powers built so far; a compound
# takes the article of its last part, so every "...verbod" is a het-word too).
HET_WORDS = frozenset({"voornemen", "besluit", "tijdelijk", "bevel", "advies", "verbod", "aanbod"})


def with_article(label: str) -> str:
    """ "Voornemen tot sluiting" -> "het voornemen tot sluiting"; "Sluiting (last ...)" -> "de sluiting (last ...)"."""
    text = label.strip()
    if not text:
        return text
    words = text.split()
    first = words[0].lower()
    article = "het" if first in HET_WORDS or first.endswith("verbod") else "de"
    return f"{article} {first} {' '.join(words[1:])}".strip()


def in_sentence(label: str) -> str:
    """A label inside a sentence: only its first word in lower case, so names in it keep their capitals
    ("Voornemen tot weigering (Wet Bibob art. 33)" -> "voornemen tot weigering (Wet Bibob art. 33)"); an
    abbreviation stays as it is ("LBB-advies")."""
    first, _, rest = label.strip().partition(" ")
    if first[1:2].isupper():
        return label.strip()
    return f"{first[:1].lower()}{first[1:]} {rest}".strip()


def term_of(term: str, label: str) -> str:
    """A deadline named after its decision without nested brackets: "Begunstigingstermijn van de sluiting (last
    onder bestuursdwang)", never "Begunstigingstermijn (sluiting (last onder bestuursdwang))"."""
    return f"{term} van {with_article(label)}"


def bracketed(text: str) -> str:
    """ "(text)" for a phrase put after a name, without brackets inside brackets: a role such as "Rechthebbende
    (eigenaar of verhuurder)" becomes "(Rechthebbende – eigenaar of verhuurder)"."""
    inner = " ".join(str(text).replace("(", "– ").replace(")", " ").split())
    return f"({inner})"
