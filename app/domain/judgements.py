"""Which judgements a person must record before an outcome can be drafted, and what blocks it.

Rules propose, people decide: the system never fills in a judgement. It only says which are required
(from index.yaml's `required_for` and from fired `oordeel` rules) and refuses a draft without them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from app.domain.errors import InvalidInput, JudgementMissing

# Outcome vocabulary per judgement (UI words, not law). Codes not listed accept "ja" / "nee".
OUTCOMES: dict[str, tuple[tuple[str, str], ...]] = {
    "eigen_gebruik_aannemelijk": (("niet_aannemelijk", "Eigen gebruik is niet aannemelijk gemaakt"),
                                  ("aannemelijk", "Eigen gebruik is aannemelijk gemaakt")),
    "ernstig_geval_eerste_overtreding": (("ernstig", "Ernstig geval: sluiting in plaats van waarschuwing"),
                                         ("niet_ernstig", "Geen ernstig geval: waarschuwing")),
    "geschiktheid": (("voldaan", "Sluiting is geschikt"), ("niet_voldaan", "Sluiting is niet geschikt")),
    "noodzakelijkheid": (("voldaan", "Sluiting is noodzakelijk"), ("niet_voldaan", "Een lichter middel volstaat")),
    "evenwichtigheid": (("voldaan", "De gevolgen zijn niet onevenredig"),
                        ("niet_voldaan", "De gevolgen zijn onevenredig")),
    "duur": (("passend", "De duur is de kortst effectieve"), ("te_lang", "De duur is te lang")),
    "tijdsverloop": (("geen_invloed", "Het tijdsverloop verandert de afweging niet"),
                     ("van_invloed", "Het tijdsverloop verandert de afweging")),
    "bijzondere_omstandigheden": (("nee", "Geen bijzondere omstandigheden: beleid volgen"),
                                  ("ja", "Bijzondere omstandigheden: afwijken van beleid (Awb 4:84)")),
    "begunstigingstermijn": (("passend", "De termijn laat ruimte voor een voorlopige voorziening"),
                             ("te_kort", "De termijn is te kort")),
    "spoed": (("spoed", "Spoed: voornemen overslaan (Awb 4:11 onder a)"), ("geen_spoed", "Geen spoed")),
    "dwangsom_in_plaats_van_sluiting": (("nee", "Een dwangsom dient de doelen niet"),
                                        ("ja", "Een dwangsom dient de doelen")),
}
DEFAULT_OUTCOMES = (("ja", "Ja"), ("nee", "Nee"))

# An outcome that makes a closure impossible, with the Dutch reason shown to the jurist.
CLOSURE_BLOCKERS: dict[tuple[str, str], str] = {
    ("eigen_gebruik_aannemelijk", "aannemelijk"):
        "Eigen gebruik is aannemelijk: de burgemeester is op die grond niet bevoegd.",
    ("ernstig_geval_eerste_overtreding", "niet_ernstig"):
        "Eerste overtreding in een woning zonder ernstig geval: waarschuw in plaats van te sluiten.",
    ("geschiktheid", "niet_voldaan"): "Sluiting is volgens de afweging niet geschikt.",
    ("noodzakelijkheid", "niet_voldaan"): "Volgens de afweging volstaat een lichter middel.",
    ("evenwichtigheid", "niet_voldaan"): "Volgens de afweging zijn de gevolgen van sluiting onevenredig.",
    ("duur", "te_lang"): "Volgens de afweging is de gekozen duur te lang.",
    ("begunstigingstermijn", "te_kort"): "Volgens de afweging is de begunstigingstermijn te kort.",
}
CLOSURES = ("voornemen_sluiting", "sluiting")


@dataclass(frozen=True)
class Recorded:
    """A judgement as recorded by a person."""

    code: str
    outcome: str
    reasoning: str
    recorded_by: str


def outcomes_for(code: str) -> tuple[tuple[str, str], ...]:
    """The allowed outcomes of one judgement."""
    return OUTCOMES.get(code, DEFAULT_OUTCOMES)


def required_for(soort: str, specs: Iterable[Mapping[str, object]], fired: Iterable[str],
                 triggerable: Iterable[str]) -> list[str]:
    """Codes required before drafting `soort`.

    A judgement that some rule can ask for (`triggerable`) is required only when that rule fired in this
    case; any other judgement is required whenever index.yaml lists `soort` under its `required_for`.
    """
    fired, triggerable = set(fired), set(triggerable)
    return [str(s["code"]) for s in specs
            if soort in (s.get("required_for") or ()) and (s["code"] not in triggerable or s["code"] in fired)]


def competence(bevoegdheid: str, specs: Iterable[Mapping[str, object]], fired: Iterable[str],
               recorded: Mapping[str, Recorded]) -> str:
    """Competence after the person's judgements: a `judgement_required` ground holds when a triggered
    competence judgement has the outcome that index.yaml names as `bevoegd_bij`."""
    if bevoegdheid != "judgement_required":
        return bevoegdheid
    grounds = {str(s["code"]): s.get("bevoegd_bij") for s in specs if s.get("bevoegd_bij") and s["code"] in set(fired)}
    if any(code in recorded and recorded[code].outcome == outcome for code, outcome in grounds.items()):
        return "bevoegd"
    return "judgement_required" if any(code not in recorded for code in grounds) else "niet_bevoegd"


def check_recorded(required: Iterable[str], recorded: Mapping[str, Recorded], soort: str) -> None:
    """Raise JudgementMissing for absent judgements and InvalidInput when an outcome blocks a closure."""
    missing = [code for code in required if code not in recorded]
    if missing:
        raise JudgementMissing(missing)
    if soort not in CLOSURES:
        return
    blockers = {code: CLOSURE_BLOCKERS[(code, j.outcome)]
                for code, j in recorded.items() if (code, j.outcome) in CLOSURE_BLOCKERS}
    if blockers:
        raise InvalidInput(blockers, "Een sluiting kan niet worden opgesteld op grond van de vastgelegde afwegingen.")


def validate_outcome(code: str, outcome: str, reasoning: str) -> None:
    """A judgement needs a known outcome and non-empty reasons."""
    errors = {}
    if outcome not in {value for value, _ in outcomes_for(code)}:
        errors["outcome"] = "Kies een van de mogelijke uitkomsten."
    if not reasoning.strip():
        errors["reasoning"] = "Geef een motivering; die komt in de brief."
    if errors:
        raise InvalidInput(errors)
