"""Engine-neutral loading and checking of rules/: vocabulary, rule versions, dated parameters and cases.

`Rulebook.load(Path("rules"))` validates every file and fails loudly, naming file, rule and key. Nothing
in this package imports durable_rules; app/rules_engine.py is the only module that does.
"""

from app.rulebook.book import GENERAL, ResolvedParameters, Rulebook
from app.rulebook.cases import Case, Expectation
from app.rulebook.overlay import Confirmation, Overlay
from app.rulebook.parameters import ParameterSeries, is_scalar
from app.rulebook.rule import Rule
from app.rulebook.versions import RuleVersion, fingerprint
from app.rulebook.vocabulary import FactSpec, JudgementSpec, PowerIndex

__all__ = [
    "GENERAL",
    "Case",
    "Confirmation",
    "Expectation",
    "FactSpec",
    "JudgementSpec",
    "Overlay",
    "ParameterSeries",
    "PowerIndex",
    "ResolvedParameters",
    "Rule",
    "RuleVersion",
    "Rulebook",
    "fingerprint",
    "is_scalar",
]
